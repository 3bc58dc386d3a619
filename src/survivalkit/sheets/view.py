"""What a printed sheet, booklet or paper form shows, as plain data built from the kit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from survivalkit.i18n import t
from survivalkit.kit.model import Kit, Question, QuestionType, Text, Tool, tool_questions
from survivalkit.sheets.paper import answer_unit, condition_text, paper_help, text_lines
from survivalkit.sheets.selection import by_stage
from survivalkit.sheets.text import Txt, message
from survivalkit.text.typography import format_date_long


def run_command(tool: Tool) -> str:
    """The command that prepares the tool's documents."""
    return f"survivalkit run {tool.id}"


def form_command(tool: Tool) -> str:
    """The command that prints the tool's paper form."""
    return f"survivalkit sheets {tool.id} --form"


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


def sheet_view(kit: Kit, tool: Tool, lang: str) -> SheetView:
    """The sheet of ``tool`` in ``lang``."""
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
                   s.url)
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
        run_command=run_command(tool),
        form_command=form_command(tool),
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


@dataclass(frozen=True)
class BookletView:
    """The trainers' booklet: cover, contents, sheets by stage, glossary."""

    lang: str
    title: Txt
    description: Txt
    version: str
    edition: str
    count: str
    toc: list[TocStage]
    stages: list[StageSection]
    glossary: list[TermView] = field(default_factory=list)


def booklet_view(
    kit: Kit, tools: Sequence[Tool], lang: str, day: dt.date, stage: str | None = None
) -> BookletView:
    """The booklet of ``tools`` (already in booklet order), kept to ``stage`` when given."""
    toc = []
    for s in kit.info.stages:
        if stage is not None and s.id != stage:
            continue
        members = [(tool.id, Txt.of(tool.title, lang)) for tool in tools if s.id in tool.stages]
        if members:
            desc = Txt.of(s.description, lang) if s.description else None
            toc.append(TocStage(stage_label(kit, s.id, lang), desc, members))
    stage_by_id = {s.id: s for s in kit.info.stages}
    sections = []
    for stage_id, group in by_stage(kit, tools, stage):
        info = stage_by_id.get(stage_id)
        desc = Txt.of(info.description, lang) if info and info.description else None
        sections.append(StageSection(stage_id, stage_label(kit, stage_id, lang), desc,
                                     [sheet_view(kit, tool, lang) for tool in group]))
    terms = []
    for term in sorted(kit.glossary.terms, key=lambda x: x.term.lower()):
        official = None
        if term.official:
            name = term.official + (f" ({term.official_date})" if term.official_date else "")
            official = message("sheets.official", lang, term=name)
        terms.append(TermView(term.term, Txt.of(term.definition, lang), official,
                              Txt.of(term.note, lang) if term.note else None))
    return BookletView(
        lang=lang,
        title=Txt.of(kit.info.title, lang),
        description=Txt.of(kit.info.description, lang),
        version=message("sheets.version", lang, version=kit.info.version),
        edition=message("sheets.edition", lang, date=format_date_long(day, lang)),
        count=message("sheets.count", lang, n=str(len(tools))),
        toc=toc,
        stages=sections,
        glossary=terms,
    )


# --- paper forms -------------------------------------------------------------------------


@dataclass(frozen=True)
class ChoiceBox:
    """A box to tick."""

    label: Txt
    help: Txt | None = None


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


def form_view(kit: Kit, tool: Tool, lang: str) -> FormView:
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
        run_command=run_command(tool),
        identity=[(numbers[q.id], q.id, Txt.of(q.label, lang)) for q in kit.info.profile],
        fields=fields,
    )


def _paper_help(question: Question, lang: str) -> Txt | None:
    if not question.help:
        return None
    shown = Txt.of(question.help, lang)
    words = paper_help(shown.raw)
    return replace(shown, raw=words) if words else None


def _boxes(question: Question, lang: str) -> list[ChoiceBox]:
    if question.type is QuestionType.BOOL:
        return [ChoiceBox(Txt(t(key, lang).capitalize(), lang, lang)) for key in ("yes", "no")]
    return [
        ChoiceBox(Txt.of(c.label, lang), Txt.of(c.help, lang) if c.help else None)
        for c in question.choices or []
    ]
