"""Sheets, the booklet and paper forms in Markdown, from the same view as the HTML."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from survivalkit.i18n import t
from survivalkit.kit.model import Kit, QuestionType, Tool
from survivalkit.sheets.selection import Layout
from survivalkit.sheets.text import Txt, labelled, message
from survivalkit.sheets.view import (
    BookletView,
    FormField,
    FormView,
    SheetView,
    Workshop,
    booklet_view,
    form_view,
    sheet_view,
)

DOTS = "." * 70


def _list(items: Sequence[Txt], ordered: bool = False) -> list[str]:
    return [f"{index}. {item}" if ordered else f"- {item}"
            for index, item in enumerate(items, start=1)]


def _plain(text: str) -> str:
    """A value a person typed (the workshop's name, its place), as text in Markdown."""
    return re.sub(r"([\\`*_\[\]<>#!|~])", r"\\\1", " ".join(text.split()))


def _link_text(text: str) -> str:
    """``text`` inside a Markdown link's brackets: brackets and backslashes escaped."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def sheet_markdown(s: SheetView, *, level: int = 1) -> str:
    """One tool's sheet in Markdown."""
    lang = s.lang
    head, sub = "#" * level, "#" * (level + 1)
    lines = [
        f"{head} {s.title}",
        "",
        "*" + labelled(message("sheets.stages", lang), ", ".join(str(x) for x in s.stages),
                       lang) + "*",
        "",
        str(s.summary),
        "",
        f"{sub} {message('sheet.when', lang)}",
        "",
        str(s.when_to_use),
        "",
        f"{sub} {message('sheet.steps', lang)}",
        "",
        *_list(s.steps, ordered=True),
        "",
    ]
    for key, items in (("sheet.tips", s.tips), ("sheet.pitfalls", s.pitfalls)):
        if items:
            lines += [f"{sub} {message(key, lang)}", "", *_list(items), ""]
    lines += [f"{sub} {message('sheet.documents', lang)}", "", *_list(s.documents), ""]
    if s.next_steps:
        lines += [f"{sub} {message('sheet.next', lang)}", "", *_list(s.next_steps), ""]
    lines += [
        message("sheets.use", lang, run=f"`{s.run_command}`", n=str(len(s.questions)),
                form=f"`{s.form_command}`"),
        "",
        f"{sub} {message('sheet.sources', lang)}",
        "",
    ]
    for src in s.sources:
        words = str(src.title)
        title = f"[{_link_text(words)}]({src.url})" if src.url else words
        to_check = f" *({message('sheet.to_check', lang)})*" if src.to_check else ""
        lines.append("- " + title + (f" — {src.reference}" if src.reference else "") + to_check)
    lines += ["", f"*{s.reviewed_text}*", ""]
    return "\n".join(lines)


def booklet_markdown(b: BookletView) -> str:
    """The booklet in Markdown: title block, contents, sheets by stage, glossary."""
    lang = b.lang
    lines = []
    if b.workshop.event:
        where = " · ".join(x for x in (b.workshop_day, b.workshop.place) if x)
        lines += [f"# {_plain(b.workshop.event)}", ""]
        lines += [f"**{_plain(where)}**", ""] if where else []
        lines += [f"## {b.title}", ""]
    else:
        lines += [f"# {b.title}", ""]
    lines += [
        str(b.description),
        "",
        f"{b.count} — {b.edition} — {b.version}",
        "",
        f"## {message('sheets.toc', lang)}",
        "",
    ]
    for stage in b.toc:
        lines.append(f"- {stage.label}")
        lines += [f"  - {title}" for _, title in stage.tools]
    lines.append("")
    for section in b.stages:
        lines += [f"## {section.label}", ""]
        if section.description:
            lines += [str(section.description), ""]
        lines += [sheet_markdown(s, level=3) for s in section.sheets]
    if b.glossary:
        lines += [f"## {message('sheets.glossary', lang)}", ""]
        for term in b.glossary:
            lines.append(f"**{term.term}** — {term.definition}")
            if term.official:
                lines.append(f"*{term.official}*")
            if term.note:
                lines.append(str(term.note))
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def form_markdown(f: FormView) -> str:
    """A paper form for one tool in Markdown: dotted lines and ``[ ]`` tick boxes."""
    lang = f.lang
    lines = [
        f"# {message('sheets.form.kind', lang)} — {f.title}",
        "",
        message("sheets.form.intro", lang, run=f"`{f.run_command}`"),
        "",
    ]
    if f.identity:
        lines += [f"## {message('sheets.form.identity', lang)}", ""]
        lines += [f"{number}. " + labelled(str(label), DOTS[:40], lang)
                  for number, _, label in f.identity]
        lines.append("")
    lines += [f"## {message('sheets.form.questions', lang)}", ""]
    optional = message("hint.optional_short", lang)
    for q in f.fields:
        flag = f" ({optional})" if not q.required else ""
        if q.condition:
            lines += [f"*{q.condition}*", ""]
        lines += [f"### {q.number}. {q.label}{flag}", ""]
        if q.help:
            lines += [f"*{q.help}*", ""]
        if q.example:
            lines += [f"*{message('sheets.form.example', lang, example=str(q.example))}*", ""]
        lines += _answer(q, lang)
        lines.append("")
    return "\n".join(lines)


def _answer(q: FormField, lang: str) -> list[str]:
    kind = q.type
    if kind in (QuestionType.CHOICE, QuestionType.MULTICHOICE):
        hint = "sheets.form.many" if kind is QuestionType.MULTICHOICE else "sheets.form.one"
        return [message(hint, lang), "", *[f"- [ ] {box.label}" for box in q.boxes]]
    if kind is QuestionType.BOOL:
        return [f"- [ ] {t('yes', lang).capitalize()}", f"- [ ] {t('no', lang).capitalize()}"]
    if kind is QuestionType.DATE:
        return [f"{message('sheets.form.dd', lang)} ..... / {message('sheets.form.mm', lang)} "
                f"..... / {message('sheets.form.yyyy', lang)} .........."]
    if kind in (QuestionType.AMOUNT, QuestionType.NUMBER, QuestionType.INTEGER):
        return [DOTS[:30] + (f" {q.unit}" if q.unit else "")]
    # One dotted line per paragraph: consecutive lines would merge into one in Markdown.
    return "\n\n".join([DOTS] * q.lines).split("\n")


def build_markdown(
    kit: Kit, tools: Sequence[Tool], *, layout: Layout, lang: str, day: dt.date,
    stage: str | None = None, workshop: Workshop | None = None, kits: Sequence[str] = (),
) -> str:
    """Sheets, a booklet or forms in Markdown (``kits``: the ``--kit`` folders in use)."""
    if layout is Layout.BOOKLET:
        return booklet_markdown(booklet_view(kit, tools, lang, day, stage, workshop, kits))
    if layout is Layout.FORMS:
        return "\n---\n\n".join(form_markdown(form_view(kit, tool, lang, kits)) for tool in tools)
    return "\n---\n\n".join(sheet_markdown(sheet_view(kit, tool, lang, kits)) for tool in tools)


__all__ = ["booklet_markdown", "build_markdown", "form_markdown", "sheet_markdown"]
