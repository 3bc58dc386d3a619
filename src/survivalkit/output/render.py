"""Documents from templates: the render context, Markdown rendering and precise template errors."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Template, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from survivalkit.errors import Msg, TemplateError, say
from survivalkit.i18n import t
from survivalkit.kit.base import Text
from survivalkit.kit.documents import Document
from survivalkit.kit.model import Kit, Tool, tool_questions
from survivalkit.output.format_names import shown_value
from survivalkit.output.letter import LetterParts, letter_markdown, render_letter
from survivalkit.sandbox.budget import BudgetExceeded, evaluation
from survivalkit.sandbox.expressions import FactLookupError, base_context, environment
from survivalkit.text.casing import Name, marking, settle_capitals
from survivalkit.text.localized import strip_unsafe, tr
from survivalkit.text.markdown import LINK_SCHEMES, refused_links
from survivalkit.text.typography import french_spacing

Locator = Callable[[tuple[str | int, ...], int], tuple[int, int]]


@dataclass(frozen=True)
class RenderedDocument:
    """One document rendered to Markdown, with what the output formats need."""

    tool_id: str
    document_id: str
    title: str
    filename: str
    markdown: str
    lang: str
    author: str
    date: dt.date
    letter: LetterParts | None = None
    """The parts of a letter, note or agreement (``layout``), which each format lays out."""
    project: str = ""
    """The project's name (the shared ``projet_nom`` answer), for the combined PDF's cover."""
    pages: int | None = None
    """The most pages the kit means the document to take (``Document.pages``)."""


def known_ids(kit: Kit, tool: Tool) -> list[str]:
    """Every name an answer can have in this tool's templates."""
    ids = [q.id for q in kit.info.profile]
    ids += [q.id for q in tool_questions(kit, tool)]
    return ids


def document_context(
    kit: Kit, tool: Tool, answers: Mapping[str, Any], day: dt.date, lang: str, used: set[str] | None = None
) -> dict[str, Any]:
    """Base names, every known question id (None when unanswered), then the answers."""
    ctx = base_context(kit, day, lang, used)
    for qid in known_ids(kit, tool):
        ctx[qid] = None
    ctx.update(answers)
    for qid in name_ids(kit, tool):  # kept as typed, capitals included, by the ``milieu`` filter
        if isinstance(ctx.get(qid), str):
            ctx[qid] = Name(ctx[qid])
    return ctx


def name_ids(kit: Kit, tool: Tool) -> list[str]:
    """The questions whose answer is a name (``name: true``)."""
    return [q.id for q in [*kit.info.profile, *tool_questions(kit, tool)] if q.name]


@cache  # one entry per distinct template of the kit
def _compiled(source: str, markdown: bool) -> Template:
    """Compile each template text once per process (validate, golden and the journey reuse them);
    a document's text escapes every printed value as Markdown, a file name does not."""
    return environment(markdown=markdown).from_string(source)


def forget_compiled() -> None:
    """Let go of the compiled templates (see ``authoring.template_analysis.forget_parsed``)."""
    _compiled.cache_clear()


def _render_within_budget(template: Template, context: Mapping[str, Any]) -> str:
    """The rendered text, stopped as soon as it is longer than one document may be."""
    with evaluation() as account:
        parts: list[str] = []
        size = 0
        for part in template.generate(dict(context)):
            size += len(part)
            if size > account.limits.output:
                raise BudgetExceeded("output", account.limits.output)
            parts.append(part)
        return "".join(parts)


def _template_lineno() -> int:
    tb = sys.exc_info()[2]
    lineno = 0
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            lineno = tb.tb_lineno
        tb = tb.tb_next
    return lineno


def _where(tool: Tool, key_path: tuple[str | int, ...], lineno: int, locate: Locator | None) -> str:
    if locate is not None and lineno:
        line, col = locate(key_path, lineno)
        return f"{tool.origin}:{line}:{col}"
    return f"{tool.origin or tool.id} (template line {lineno})" if lineno else tool.origin


def render_text(
    source: str,
    context: Mapping[str, Any],
    *,
    tool: Tool,
    key_path: tuple[str | int, ...],
    what: str,
    known: list[str],
    locate: Locator | None = None,
    lang: str = "en",
    markdown: bool = True,
) -> str:
    """Render one template string within the budget; any failure becomes a ``TemplateError``
    naming its place (a budget overrun is explained in ``lang``). With ``markdown`` (documents),
    every printed value is text, never markup."""
    try:
        with marking():
            return settle_capitals(_render_within_budget(_compiled(source, markdown), context))
    except BudgetExceeded as exc:
        where = _where(tool, key_path, _template_lineno(), locate)
        raise _failed(where, what, Msg.both(exc.explain("en"), exc.explain("fr"))) from None
    except TemplateSyntaxError as exc:
        where = _where(tool, key_path, exc.lineno, locate)
        from survivalkit.kit.plain_words import template_reason  # only for a broken template

        plain = template_reason(exc.message or "")
        if not (isinstance(plain, Msg) and plain.key == "jinja.other"):  # that one says "syntax error"
            plain = Msg("template.syntax", reason=plain)
        french = say(plain, "fr")
        raise _failed(where, what, Msg.both(f"template syntax error: {exc.message}", french)) from None
    except UndefinedError as exc:
        lineno = _template_lineno()
        message = str(exc.message or exc)
        name = message.split("'")[1] if message.count("'") >= 2 else ""
        close = difflib.get_close_matches(name, known, n=1) if name else []
        hint: str = Msg("template.did_you_mean", name=close[0]) if close else ""
        where = _where(tool, key_path, lineno, locate)
        reason = Msg.both(f"undefined name: {message}{hint}",
                          Msg("template.undefined", reason=_jinja_words(message)).say("fr") + say(hint, "fr"))
        raise _failed(where, what, reason) from None
    except SecurityError as exc:
        where = _where(tool, key_path, _template_lineno(), locate)
        raise _failed(where, what, Msg("template.sandbox", reason=str(exc))) from None
    except FactLookupError as exc:
        where = _where(tool, key_path, _template_lineno(), locate)
        raise _failed(where, what, exc.args[0] if exc.args and isinstance(exc.args[0], Msg) else str(exc)) from None
    except TypeError as exc:
        where = _where(tool, key_path, _template_lineno(), locate)
        if "no loader" in str(exc):
            raise _failed(where, what, Msg("template.include")) from None
        raise _failed(where, what, str(exc)) from None
    except Exception as exc:  # any other failure inside a contributor's template
        where = _where(tool, key_path, _template_lineno(), locate)
        raise _failed(where, what, f"{type(exc).__name__}: {exc}") from None


def _failed(where: str, what: str, reason: str) -> TemplateError:
    """A template's failure as data: where, what, and why (said in the reader's language)."""
    return TemplateError(Msg("template.failed", where=where, what=what, reason=reason))


_JINJA_WORDS = [
    (re.compile(r"^'(?P<owner>[^']*)' has no attribute '(?P<name>[^']*)'$"), "jinja.no_attribute"),
    (re.compile(r"^'(?P<name>[^']*)' is undefined$"), "jinja.is_undefined"),
]


def _jinja_words(message: str) -> str | Msg:
    """Jinja's usual run-time messages in words of both languages (others as they are)."""
    for pattern, key in _JINJA_WORDS:
        found = pattern.match(message)
        if found:
            return Msg(key, **found.groupdict())
    return message


def render_document(
    kit: Kit,
    tool: Tool,
    document: Document,
    answers: Mapping[str, Any],
    *,
    day: dt.date,
    lang: str,
    locate: Locator | None = None,
) -> RenderedDocument:
    """Render one document of ``tool`` to Markdown."""
    index = tool.documents.index(document)
    used: set[str] = set()
    ctx = document_context(kit, tool, answers, day, lang, used)
    known = known_ids(kit, tool)
    template_path: tuple[str | int, ...] = ("documents", index, "template")
    if not isinstance(document.template, str):
        template_path = (*template_path, "en" if lang == "en" and document.template.en else "fr")
    what = f"document `{document.id}`"
    markdown = render_text(
        tr(document.template, lang),
        ctx,
        tool=tool,
        key_path=template_path,
        what=what,
        known=known,
        locate=locate,
        lang=lang,
    )
    filename = render_text(
        document.filename,
        ctx,
        tool=tool,
        key_path=("documents", index, "filename"),
        what=f"{what} filename",
        known=known,
        locate=locate,
        lang=lang,
        markdown=False,
    )
    # A template can write any character (Jinja decodes "\x1b" in its strings): none that would
    # drive a terminal or reorder text reaches a document.
    markdown = tidy_markdown(strip_unsafe(markdown) + facts_to_check_notice(kit, used, day, lang))
    if lang == "fr":
        markdown = french_spacing(markdown)
    letter = None
    if document.layout != "document":
        # In the letter's parts an unanswered question prints nothing (its line is left out).
        blank = {key: "" if value is None else value for key, value in ctx.items()}

        def render_part(text: Text, key_path: tuple[str | int, ...]) -> str:
            path = ("documents", index, *key_path)
            if not isinstance(text, str):
                path = (*path, "en" if lang == "en" and text.en else "fr")
            part = ".".join(str(k) for k in key_path)
            return strip_unsafe(render_text(tr(text, lang), blank, tool=tool, key_path=path,
                                            what=f"{what} {part}", known=known, locate=locate,
                                            lang=lang))

        letter = render_letter(document, markdown, ctx, lang=lang, day=day, render=render_part)
        markdown = tidy_markdown(letter_markdown(letter))
    refused = refused_links(markdown)
    if refused:  # user values are escaped: a link here was written by the kit's template
        where = f"{tool.origin or tool.id}"
        raise TemplateError(t("links.refused", lang, where=where, what=what, url=shown_value(refused[0]),
                              schemes=", ".join(f"{s}:" for s in LINK_SCHEMES)))
    author = strip_unsafe(str(answers.get("nom") or ""))
    return RenderedDocument(
        tool_id=tool.id,
        document_id=document.id,
        title=strip_unsafe(tr(document.title, lang)),
        filename=strip_unsafe(filename).strip(),
        markdown=markdown,
        lang=lang,
        author=author,
        date=day,
        letter=letter,
        project=strip_unsafe(" ".join(str(answers.get("projet_nom") or "").split())),
        pages=document.pages,
    )


def facts_to_check_notice(kit: Kit, used: set[str], day: dt.date, lang: str) -> str:
    """A closing paragraph for each fact the document used whose known value ended before ``day``,
    or whose value is marked « à vérifier » (``to_check``)."""
    from survivalkit.i18n import t
    from survivalkit.sandbox.expressions import fact_at
    from survivalkit.text.typography import format_date_long

    lines: list[str] = []
    for name in sorted(used):
        if name not in kit.info.facts:
            continue
        try:
            fact = fact_at(kit.info.facts, name, day, lang)
        except FactLookupError:
            continue
        where = fact.source + (f", {fact.url}" if fact.url else "")
        if fact.to_check.strip():
            lines.append("> " + t("fact.to_check", lang, label=fact.label, value=str(fact),
                                  what=fact.to_check.strip(), where=where))
            lines.append("")
        if not fact.expired or fact.until is None:
            continue
        lines.append("> " + t("fact.expired", lang, label=fact.label, value=str(fact),
                              until=format_date_long(fact.until, lang), where=where))
        lines.append("")
    return ("\n\n" + "\n".join(lines)) if lines else ""


def render_tool(
    kit: Kit,
    tool: Tool,
    answers: Mapping[str, Any],
    *,
    day: dt.date,
    lang: str,
    locate: Locator | None = None,
) -> list[RenderedDocument]:
    """Render every document of ``tool``; nothing is written here."""
    return [
        render_document(kit, tool, doc, answers, day=day, lang=lang, locate=locate)
        for doc in tool.documents
    ]


def tidy_markdown(text: str) -> str:
    """At most one blank line in a row, no trailing spaces, one final newline."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
