"""Answers are text, never markup: escaping a value for Markdown, and the links a kit may write.

Every document is written in Markdown first, then made into HTML, PDF, ODT and DOCX. A value a
person answered is printed into that Markdown by the kit's templates: it is escaped here so that it
can never become a link, emphasis, a heading, a list, a table, HTML, a pandoc div or a style in any
of the five formats — it always reads as the text that was typed. The kit's own template text is
the only markup, and the only links it may write go to ``https:``, ``http:`` or ``mailto:``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

LINK_SCHEMES = ("https", "http", "mailto")
"""The only link targets a document may carry (the kit writes them; answers never do)."""


class MarkdownText(str):
    """Markdown written by survivalkit itself (a filter's list, for instance), already safe:
    printed as it is, where any other value is escaped."""

    __slots__ = ()


# Characters that can open markup anywhere in a line, in CommonMark or in pandoc's Markdown
# (emphasis, code, links, autolinks and HTML, attributes, math, super/subscript, tables).
_INLINE = re.compile(r"([\\`*_\[\]<>{}$^~|])")
# An entity (« &amp; », « &#106; ») would be decoded into another character.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# What opens a block at the start of a line: headings, lists, quotes, setext underlines, pandoc's
# definition lists, fenced divs, title blocks, example lists and line blocks.
_LINE_START = re.compile(r"^([#+\-=:%]|\((?=@)|\d+(?=[.)]))")


def escape_markdown(value: object) -> str:
    """``value`` as Markdown text that renders exactly as typed, in every output format."""
    if isinstance(value, MarkdownText):
        return str(value)
    text = value if isinstance(value, str) else str(value)
    lines = []
    for number, line in enumerate(text.split("\n")):
        # Leading spaces at the start of a line could make an indented code block: they mean nothing
        # in a document. The first line may follow other words (« , (service) »): one space stays.
        bare = line.lstrip(" \t")
        if number == 0 and bare != line:
            bare = " " + bare
        line = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", bare))
        match = _LINE_START.match(line)
        if match:
            if match.group(1)[0].isdigit():  # « 12. » or « 3) » would start a numbered list
                end = match.end()
                line = f"{line[:end]}\\{line[end:]}"
            else:
                line = "\\" + line
        lines.append(line)
    return "\n".join(lines)


def bullet_list(items: Iterable[object]) -> MarkdownText:
    """A Markdown list of ``items``, each escaped: the list is the kit's, the words the answer's."""
    return MarkdownText("\n".join(f"- {escape_markdown(item)}" for item in items))


@cache
def _link_reader() -> Any:
    """One CommonMark reader that keeps every link, whatever its scheme (built once: it is the
    costly part of a small document's reading)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False})
    md.enable("table")
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # every link, whatever its scheme
    return md


def may_hold_links(markdown: str) -> bool:
    """False only when ``markdown`` cannot hold a link in CommonMark: an inline link needs ``](``
    (the text's ``]`` *immediately* followed by ``(``), a reference link needs a definition
    ``[label]:`` (its ``]`` immediately followed by ``:``), an autolink needs ``<``; no character
    reference can stand for these (CommonMark 0.31, §6.3, 6.5, 6.7)."""
    return "](" in markdown or "]:" in markdown or "<" in markdown


def link_targets(markdown: str) -> Iterator[str]:
    """Every link target in ``markdown`` as a Markdown reader sees it (inline, reference, autolink)."""
    if not may_hold_links(markdown):
        return
    for token in _link_reader().parse(markdown):
        for child in token.children or ():
            if child.type == "link_open":
                yield str(child.attrGet("href") or "")


def link_scheme(url: str) -> str | None:
    """The scheme of ``url`` in lower case ("https"), "" for a relative link, None when unsafe
    without a scheme (a network path ``//host`` or ``\\\\host``)."""
    target = url.strip()
    if target.startswith(("//", "\\\\", "/\\", "\\/")):
        return None
    match = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", target)
    return match.group(1).lower() if match else ""


def allowed_link(url: str, *, relative: bool = False) -> bool:
    """True for ``https:``, ``http:`` and ``mailto:`` links (and relative ones when allowed)."""
    scheme = link_scheme(url)
    if scheme is None:
        return False
    return scheme in LINK_SCHEMES or (relative and scheme == "")


def refused_links(markdown: str) -> list[str]:
    """The link targets of ``markdown`` that a document may not carry."""
    return [url for url in link_targets(markdown) if not allowed_link(url)]
