"""What a printed sheet, booklet or paper form shows, as plain data built from the kit."""

from __future__ import annotations

import datetime as dt
import re
import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from survivalkit.i18n import t
from survivalkit.kit.base import Text
from survivalkit.kit.model import Kit, Question, QuestionType, Tool, tool_questions
from survivalkit.sheets.paper import answer_unit, condition_text, paper_help, text_lines
from survivalkit.sheets.selection import by_stage
from survivalkit.sheets.text import Txt, message
from survivalkit.text.localized import fold
from survivalkit.text.names import slugify
from survivalkit.text.typography import format_date_long


def kit_option(tool: Tool, kits: Sequence[str] = ()) -> str:
    """`` --kit FOLDER`` for a tool read from one of the ``--kit`` folders in use, else ``""``.

    A bundled tool needs no option; a regional one is found only with its folder given.
    """
    if not tool.origin or not kits:
        return ""
    origin = Path(tool.origin).resolve()
    for folder in kits:
        try:
            origin.relative_to(Path(folder).resolve())
        except (ValueError, OSError):
            continue
        return " --kit " + shlex.quote(str(folder))
    return ""


def run_command(tool: Tool, kits: Sequence[str] = ()) -> str:
    """The command that prepares the tool's documents (with ``--kit`` for a regional tool)."""
    return f"survivalkit run {tool.id}{kit_option(tool, kits)}"


def form_command(tool: Tool, kits: Sequence[str] = ()) -> str:
    """The command that prints the tool's paper form (with ``--kit`` for a regional tool)."""
    return f"survivalkit sheets {tool.id} --form{kit_option(tool, kits)}"


def stage_label(kit: Kit, stage_id: str, lang: str) -> str:
    """``Étape 2 · L'expérimentation``."""
    ids = kit.stage_ids()
    number = ids.index(stage_id) + 1 if stage_id in ids else 0
    titles = {s.id: s.title for s in kit.info.stages}
    title = Txt.of(titles.get(stage_id, stage_id), lang).text
    return message("sheets.stage", lang, n=str(number), title=title)


# --- one tool's sheet --------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionLine:
    """A question as listed on a sheet."""

    id: str
    number: int
    label: Txt
    required: bool
    conditional: bool


@dataclass(frozen=True)
class SourceView:
    """A source of the tool's content."""

    title: Txt
    reference: Txt | None
    url: str | None
    to_check: Txt | None = None
    """What must still be checked in it; the sheets print « à vérifier », ``show`` the whole text."""


@dataclass(frozen=True)
class SheetView:
    """One tool's sheet: what `show`, the one-page sheet and the booklet print."""

    id: str
    lang: str
    title: Txt
    summary: Txt
    stages: list[Txt]
    when_to_use: Txt
    steps: list[Txt]
    tips: list[Txt]
    pitfalls: list[Txt]
    documents: list[Txt]
    next_steps: list[Txt]
    questions: list[QuestionLine]
    """The tool's own questions, numbered as the terminal numbers them (after the profile)."""
    profile_count: int
    """How many profile questions ``run`` counts before the tool's own."""
    sources: list[SourceView]
    reviewed: dt.date
    run_command: str
    form_command: str

    @property
    def reviewed_text(self) -> str:
        """``Sources à jour au 20 novembre 2026.``"""
        return message("sheet.reviewed", self.lang,
                       date=format_date_long(self.reviewed, self.lang))


def sheet_view(kit: Kit, tool: Tool, lang: str, kits: Sequence[str] = ()) -> SheetView:
    """The sheet of ``tool`` in ``lang`` (``kits``: the ``--kit`` folders in use)."""
    stage_titles = {s.id: s.title for s in kit.info.stages}
    sheet = tool.sheet

    def each(items: Sequence[Text]) -> list[Txt]:
        return [Txt.of(item, lang) for item in items]

    numbers = {q.id: index for index, q in enumerate(asked_questions(kit, tool), start=1)}
    questions = [
        QuestionLine(q.id, numbers[q.id], Txt.of(q.label, lang), q.required, q.when is not None)
        for q in tool_questions(kit, tool)
    ]
    sources = [
        SourceView(Txt.of(s.title, lang), Txt.of(s.reference, lang) if s.reference else None,
                   s.url, Txt.of(s.to_check, lang) if s.to_check else None)
        for s in tool.sources
    ]
    return SheetView(
        id=tool.id,
        lang=lang,
        title=Txt.of(tool.title, lang),
        summary=Txt.of(tool.summary, lang),
        stages=[Txt.of(stage_titles.get(s, s), lang) for s in tool.stages],
        when_to_use=Txt.of(sheet.when_to_use, lang),
        steps=each(sheet.steps),
        tips=each(sheet.tips),
        pitfalls=each(sheet.pitfalls),
        documents=each([d.title for d in tool.documents]),
        next_steps=each(sheet.next_steps),
        questions=questions,
        profile_count=len(kit.info.profile),
        sources=sources,
        reviewed=tool.reviewed,
        run_command=run_command(tool, kits),
        form_command=form_command(tool, kits),
    )


# --- the booklet -------------------------------------------------------------------------


@dataclass(frozen=True)
class TocStage:
    """One stage in the contents: its label and the tools it lists (a tool may be in several)."""

    label: str
    description: Txt | None
    tools: list[tuple[str, Txt]]


@dataclass(frozen=True)
class StageSection:
    """One stage of the booklet's body and the sheets printed in it."""

    id: str
    label: str
    description: Txt | None
    sheets: list[SheetView]


@dataclass(frozen=True)
class TermView:
    """A glossary entry."""

    term: str
    definition: Txt
    official: str | None
    note: Txt | None
    id: str = ""
    """Its anchor in the booklet (``term-fab-lab``), which the sheets link to."""
    lang: str = "fr"
    """The language the term itself is in."""
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Workshop:
    """What the booklet's cover says about the workshop it is printed for (all optional)."""

    event: str = ""
    place: str = ""
    day: dt.date | None = None
    logo: str = ""
    """The organiser's logo as a ``data:`` URI (PNG or JPEG, checked when read)."""


def french_order(term: str) -> tuple[str, str]:
    """Sort key of a glossary term the French way: accents and capitals do not move it."""
    return (" ".join(fold(term).replace("-", " ").split()), term)


def term_anchor(term: str) -> str:
    """``term-fab-lab``: where a glossary entry is in the booklet."""
    return "term-" + slugify(term, max_length=50)


@dataclass(frozen=True)
class BookletView:
    """The trainers' booklet: cover, contents, sheets by stage, glossary."""

    lang: str
    title: Txt
    description: Txt
    version: str
    edition: str
    """« Édition du 30 novembre 2026 »: the latest review date of the printed tools."""
    count: str
    toc: list[TocStage]
    """The contents: each tool once, under the stage it is printed in."""
    stages: list[StageSection]
    glossary: list[TermView] = field(default_factory=list)
    workshop: Workshop = field(default_factory=Workshop)
    workshop_day: str = ""


def booklet_view(
    kit: Kit, tools: Sequence[Tool], lang: str, day: dt.date, stage: str | None = None,
    workshop: Workshop | None = None, kits: Sequence[str] = (),
) -> BookletView:
    """The booklet of ``tools`` (already in booklet order), kept to ``stage`` when given.

    ``day`` is the printing day; the edition date is the latest ``reviewed`` of the tools.
    """
    stage_by_id = {s.id: s for s in kit.info.stages}
    sections = []
    for stage_id, group in by_stage(kit, tools, stage):
        info = stage_by_id.get(stage_id)
        desc = Txt.of(info.description, lang) if info and info.description else None
        sections.append(StageSection(stage_id, stage_label(kit, stage_id, lang), desc,
                                     [sheet_view(kit, tool, lang, kits) for tool in group]))
    toc = [TocStage(s.label, s.description, [(sheet.id, sheet.title) for sheet in s.sheets])
           for s in sections]
    workshop = workshop or Workshop()
    edition = max((tool.reviewed for tool in tools), default=day)
    return BookletView(
        lang=lang,
        title=Txt.of(kit.info.title, lang),
        description=Txt.of(kit.info.description, lang),
        version=message("sheets.version", lang, version=kit.info.version),
        edition=message("sheets.edition", lang, date=format_date_long(edition, lang)),
        count=message("sheets.count", lang, n=str(len(tools))),
        toc=toc,
        stages=sections,
        # The booklet explains the words its sheets use.
        glossary=glossary_view(kit, lang, [text for section in sections for sheet in section.sheets
                                           for text in sheet_texts(sheet)]),
        workshop=workshop,
        workshop_day=format_date_long(workshop.day, lang) if workshop.day else "",
    )


def term_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """Any of ``names`` as a whole word (longest first, case ignored); None without names."""
    ordered = sorted({n for n in names if n.strip()}, key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in ordered) + r")(?![\w-])",
                      re.IGNORECASE)


def sheet_texts(sheet: SheetView) -> list[str]:
    """The words of a sheet where glossary terms are looked for."""
    return [x.text for x in (sheet.summary, sheet.when_to_use, *sheet.steps, *sheet.tips,
                             *sheet.pitfalls, *sheet.documents, *sheet.next_steps)]


def glossary_view(kit: Kit, lang: str, used_in: Sequence[str] | None = None) -> list[TermView]:
    """The glossary's entries, sorted the French way; with ``used_in``, only the terms it uses."""
    chosen = list(kit.glossary.terms)
    if used_in is not None:
        found: set[str] = set()
        for term in chosen:
            pattern = term_pattern([term.term, *term.variants])
            if pattern is not None and any(pattern.search(text) for text in used_in):
                found.add(term.term)
        chosen = [term for term in chosen if term.term in found]
    terms = []
    for term in sorted(chosen, key=lambda x: french_order(x.term)):
        official = None
        if term.official:
            name = term.official + (f" ({term.official_date})" if term.official_date else "")
            official = message("sheets.official", lang, term=name)
        terms.append(TermView(term.term, Txt.of(term.definition, lang), official,
                              Txt.of(term.note, lang) if term.note else None,
                              term_anchor(term.term), term.lang, tuple(term.variants)))
    return terms


# --- paper forms -------------------------------------------------------------------------


@dataclass(frozen=True)
class ChoiceBox:
    """A box to tick."""

    label: Txt
    help: Txt | None = None
    value: str = ""
    """The answer it stands for: the choice's value, ``yes`` or ``no``."""


@dataclass(frozen=True)
class FormField:
    """One question of a paper form and the room left to answer it."""

    id: str
    type: QuestionType
    number: int
    label: Txt
    required: bool
    condition: str
    help: Txt | None
    example: Txt | None
    boxes: list[ChoiceBox]
    lines: int
    """How many lines to write on, for text answers."""
    unit: str
    """What goes after a number's box: ``euros`` for an amount, the range of a count."""


@dataclass(frozen=True)
class FormView:
    """A paper form for one tool: who fills it in, then one field per question."""

    id: str
    lang: str
    title: Txt
    run_command: str
    identity: list[tuple[int, str, Txt]]
    """The profile questions: number, id and label."""
    fields: list[FormField]


def asked_questions(kit: Kit, tool: Tool) -> list[Question]:
    """Every question ``survivalkit run`` asks for ``tool``, in order (as ``engine.tool_run.tool_interview``).

    The profile comes first: the terminal counts it even when it is saved and skipped, so the
    form numbers the tool's own questions after it, as the screen does.
    """
    return list(kit.info.profile) + tool_questions(kit, tool)


def form_view(kit: Kit, tool: Tool, lang: str, kits: Sequence[str] = ()) -> FormView:
    """The paper form of ``tool`` in ``lang``, numbered as the terminal numbers the questions."""
    asked = asked_questions(kit, tool)
    numbers = {q.id: index for index, q in enumerate(asked, start=1)}
    by_id = {q.id: q for q in asked}
    profile_ids = {q.id for q in kit.info.profile}
    fields = [
        FormField(
            id=q.id,
            type=q.type,
            number=numbers[q.id],
            label=Txt.of(q.label, lang),
            required=q.required,
            condition=condition_text(q, numbers, by_id, lang),
            help=_paper_help(q, lang),
            example=Txt.of(q.example, lang) if q.example else None,
            boxes=_boxes(q, lang),
            lines=text_lines(q),
            unit=answer_unit(q, lang),
        )
        for q in asked
        if q.id not in profile_ids
    ]
    return FormView(
        id=tool.id,
        lang=lang,
        title=Txt.of(tool.title, lang),
        run_command=run_command(tool, kits),
        identity=[(numbers[q.id], q.id, Txt.of(q.label, lang)) for q in kit.info.profile],
        fields=fields,
    )


def _paper_help(question: Question, lang: str) -> Txt | None:
    if not question.help:
        return None
    shown = Txt.of(question.help, lang)
    words = paper_help(shown.source)
    return replace(shown, source=words) if words else None


def _boxes(question: Question, lang: str) -> list[ChoiceBox]:
    if question.type is QuestionType.BOOL:
        return [ChoiceBox(Txt(t(key, lang).capitalize(), lang, lang), value=key)
                for key in ("yes", "no")]
    return [
        ChoiceBox(Txt.of(c.label, lang), Txt.of(c.help, lang) if c.help else None, str(c.value))
        for c in question.choices or []
    ]
