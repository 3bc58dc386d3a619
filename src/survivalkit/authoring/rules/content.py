"""Checks on what documents say: figures that belong in facts, the document date, sentence case."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from jinja2 import TemplateSyntaxError

from survivalkit.authoring.rules.base import (
    Context,
    analyse,
    check,
    document_sources,
    text_sources,
    tool_own_questions,
    tool_problem,
)
from survivalkit.authoring.rules.catalog import LOWERCASE_FILTER, SK020, SK114, SK115, SK116
from survivalkit.errors import Msg, Problem
from survivalkit.kit.model import Kit, QuestionType, Tool, tool_questions
from survivalkit.text.markdown import LINK_SCHEMES, allowed_link

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

MONEY_UNITS = ("EUR_HT", "EUR_TTC", "EUR")
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+|\d{3,}"
_AMOUNT = re.compile(
    rf"(?:€|EUR)\s?(?P<before>{_NUMBER})|(?P<after>{_NUMBER})\s?(?:€|euros?\b|EUR\b)"
    r"|(?<![\d.,])(?P<kilo>\d{1,3})\s?k\s?€",
    re.IGNORECASE,
)
_OUTPUT = re.compile(r"\{\{-?\s*(?P<name>[A-Za-z_]\w*)\s*(?P<filters>\|[^}]*)?-?\}\}")
_MID_SENTENCE = re.compile(r"[a-zà-öø-ÿ'’]$")


def money_facts(kit: Kit) -> dict[int, str]:
    """Every value an amount fact ever took (whole euros) → the fact's name."""
    out: dict[int, str] = {}
    for name, fact in kit.info.facts.items():
        if fact.unit in MONEY_UNITS:
            for value in fact.values:
                if isinstance(value.value, int | float) and value.value >= 100:
                    out.setdefault(int(value.value), name)
    return out


def typed_amounts(text: str) -> Iterator[tuple[int, str, int]]:
    """``(value, as written, line)`` for each amount in the prose of ``text`` (not in template code)."""
    prose = _TAG.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
    for match in _AMOUNT.finditer(prose):
        if match.group("kilo"):
            value = int(match.group("kilo")) * 1000
        else:
            digits = match.group("before") or match.group("after")
            value = int(re.sub(r"[ \u00a0\u202f.,]", "", digits))
        yield value, match.group().strip(), prose.count("\n", 0, match.start()) + 1


def _question_texts(tool: Tool) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for key_path, q in tool_own_questions(tool):
        for field in ("label", "help"):
            value = getattr(q, field, None)
            if value is not None:
                yield from text_sources(value, (*key_path, field))


@check
def check_typed_amounts(ctx: Context) -> Iterator[Problem]:
    """A figure that a dated fact holds, typed into a template or a question instead."""
    facts = money_facts(ctx.kit)
    if not facts:
        return
    for tool in ctx.tools():
        for source in document_sources(tool):
            for value, written, line in typed_amounts(source.text):
                if value in facts:
                    yield tool_problem(ctx, tool, source.key_path, SK114,
                                       Msg("lint.typed_amount", written=written, fact=facts[value]),
                                       line)
        for key_path, text in _question_texts(tool):
            for value, written, _ in typed_amounts(text):
                if value in facts:
                    yield tool_problem(ctx, tool, key_path, SK114,
                                       Msg("lint.typed_amount", written=written, fact=facts[value]))


@check
def check_today_in_documents(ctx: Context) -> Iterator[Problem]:
    """Documents are dated by ``doc_date``; ``today`` would ignore ``--date`` and examples' dates."""
    for tool in ctx.tools():
        for source in document_sources(tool):
            try:
                names = analyse(source.text).names
            except TemplateSyntaxError:
                continue
            if "today" in names:
                yield tool_problem(ctx, tool, source.key_path, SK115,
                                   Msg("lint.today", what=source.what), names["today"])


def free_text_ids(kit: Kit, tool: Tool) -> set[str]:
    """Short free-text answers of a tool (its own and shared ones; not the profile's names)."""
    return {q.id for q in tool_questions(kit, tool) if q.type == QuestionType.TEXT}


@check
def check_sentence_case(ctx: Context) -> Iterator[Problem]:
    """A typed answer such as "Une imprimante" placed after a word needs the lower-casing filter."""
    for tool in ctx.tools():
        free = free_text_ids(ctx.kit, tool)
        if not free:
            continue
        for source in document_sources(tool):
            if source.key_path[-1] == "filename":
                continue
            for lineno, line in enumerate(source.text.splitlines(), start=1):
                for match in _OUTPUT.finditer(line):
                    name, filters = match.group("name"), match.group("filters") or ""
                    if name not in free or filters:
                        continue
                    before = _TAG.sub(" ", line[: match.start()]).rstrip(" *_\u00a0")
                    if _MID_SENTENCE.search(before):
                        yield tool_problem(ctx, tool, source.key_path, SK116,
                                           Msg("lint.sentence_case", what=source.what, name=name,
                                               filter=LOWERCASE_FILTER), lineno)


_COMPUTED = "\ue000"  # stands for template code while reading a template's links


@cache
def _link_reader() -> MarkdownIt:
    """The Markdown parser that reads a template's links, made once (it keeps no state between
    texts): making one costs more than reading a template."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False})
    md.enable("table")
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # every link, whatever its scheme
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]  # as written
    return md


def template_links(text: str) -> Iterator[tuple[str, int]]:
    """``(target, line)`` for each link a template writes in its own text (computed targets, made
    by template code, are checked when the document is rendered)."""
    prose = _TAG.sub(lambda m: re.sub(r"[^\n]", _COMPUTED, m.group()), text)
    for token in _link_reader().parse(prose):
        for child in token.children or ():
            if child.type == "link_open":
                target = str(child.attrGet("href") or "")
                if not target.startswith(_COMPUTED):
                    yield target, (token.map[0] + 1 if token.map else 1)


@check
def check_link_schemes(ctx: Context) -> Iterator[Problem]:
    """A document may link only to https:, http: or mailto: (what it sends must not open anything
    else on the reader's computer)."""
    for tool in ctx.tools():
        for source in document_sources(tool):
            if source.key_path[-1] == "filename":
                continue
            for target, line in template_links(source.text):
                if not allowed_link(target):
                    yield tool_problem(ctx, tool, source.key_path, SK020,
                                       Msg("lint.link_scheme", what=source.what, url=target[:80],
                                           schemes=", ".join(f"{s}:" for s in LINK_SCHEMES)), line)
