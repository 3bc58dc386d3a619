"""The kit's data model: frozen pydantic models, one per YAML structure, unknown keys refused."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator, model_validator

from survivalkit.errors import Msg
from survivalkit.i18n.words import SOURCE_LANGUAGE
from survivalkit.kit.base import ID_PATTERN, TOOL_ID_PATTERN, Localized, Text, _Frozen, not_a_device
from survivalkit.kit.documents import Document
from survivalkit.text.localized import has_lang


class QuestionType(StrEnum):
    """The kinds of answer a question expects."""

    TEXT = "text"
    LONGTEXT = "longtext"
    INTEGER = "integer"
    NUMBER = "number"
    AMOUNT = "amount"
    BOOL = "bool"
    CHOICE = "choice"
    MULTICHOICE = "multichoice"
    DATE = "date"
    EMAIL = "email"
    URL = "url"


DateRange = Literal["future", "past", "today_or_future", "today_or_past"]
"""Where a date answer must fall, counted from the document date."""


class Choice(_Frozen):
    """One possible answer of a choice or multichoice question."""

    value: str = Field(pattern=ID_PATTERN)
    """The value stored in answers and used in conditions (lowercase, digits, underscores)."""
    label: Text
    """What the user reads."""
    help: Text | None = None
    """An optional explanation shown with the help."""


class Rule(_Frozen):
    """A validation rule written in the kit: an expression that must be true."""

    check: str = Field(min_length=1)
    """A sandboxed expression over the answers (``value`` is this answer); true means valid."""
    message: Text
    """Shown when the check is false."""


class Question(_Frozen):
    """One question of a tool, of the profile, of the situation, or shared between tools."""

    id: str = Field(pattern=ID_PATTERN)
    """Identifier, used in templates and conditions (lowercase, digits, underscores)."""
    type: QuestionType = QuestionType.TEXT
    """The kind of answer expected."""
    label: Text
    """The question as asked (keep it under 20 words)."""
    help: Text | None = None
    """A plain explanation shown on ``?``: why it is asked and how to answer."""
    required: bool = True
    """Whether an answer is needed; optional questions can be skipped."""
    name: bool = False
    """The answer is a name (a person, body, place, programme, company or product): it is kept as
    typed, capitals included, even where the ``milieu`` filter lowers the start of other answers.
    Only for ``text`` questions."""
    default: str | int | float | bool | dt.date | list[str] | None = None
    """A fixed default answer, written as the user would type it."""
    default_expr: str | None = None
    """A sandboxed expression computing the default from earlier answers, profile and facts."""
    datum: str | None = None
    """The project datum this question fills (declared in ``kit.yaml`` under ``project``). When the
    project already knows it (an earlier tool of the journey, or the project's folder), the question
    is answered with it, shown in the recap with where it came from, and can be changed there."""
    given_by: str | None = None
    """In the journey, a sandboxed expression that answers the question from what the agent already
    said: ``situation.structure`` (the situation questions) or ``earlier.montant`` (an answer given
    to an earlier tool). When it gives a value that fits, the question is not asked; the recap shows
    it and it can be changed there. Outside the journey the question is asked as usual."""
    when: str | None = None
    """A sandboxed expression: the question is asked only when it is true."""
    min: float | None = None
    """Smallest accepted value (numbers, amounts)."""
    max: float | None = None
    """Largest accepted value (numbers, amounts)."""
    min_length: int | None = Field(default=None, ge=0)
    """Fewest characters for texts, or fewest picks for a multichoice."""
    max_length: int | None = Field(default=None, ge=1)
    """Most characters for texts, or most picks for a multichoice."""
    date_range: DateRange | None = None
    """For a date: ``future``, ``past``, ``today_or_future`` or ``today_or_past``, from the document date."""
    pattern: str | None = None
    """A regular expression a text answer must match entirely."""
    pattern_message: Text | None = None
    """Shown when the pattern does not match."""
    choices: list[Choice] | None = None
    """The possible answers of a choice or multichoice question."""
    rules: list[Rule] = []
    """Extra validation rules written in the kit."""
    example: Text | None = None
    """An example answer, shown as a hint."""

    @field_validator("pattern")
    @classmethod
    def _pattern_compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(Msg("model.bad_regex", reason=str(exc))) from exc
        return value

    @model_validator(mode="after")
    def _choices_match_type(self) -> Question:
        needs = self.type in (QuestionType.CHOICE, QuestionType.MULTICHOICE)
        if needs and not self.choices:
            raise ValueError(Msg("model.needs_choices", type=self.type.value))
        if not needs and self.choices:
            raise ValueError(Msg("model.choices_only", type=self.type.value))
        if self.choices:
            seen: set[str] = set()
            for choice in self.choices:
                if choice.value in seen:
                    raise ValueError(Msg("model.choice_twice", value=repr(choice.value)))
                seen.add(choice.value)
        if self.date_range is not None and self.type != QuestionType.DATE:
            raise ValueError(Msg("model.date_range_only", type=self.type.value))
        if self.default is not None and self.default_expr is not None:
            raise ValueError(Msg("model.default_or_expr"))
        if self.name and self.type != QuestionType.TEXT:
            raise ValueError(Msg("model.name_text", type=self.type.value))
        return self


class Relevance(_Frozen):
    """When the guided journey recommends a tool, and the reason it gives."""

    when: str = Field(min_length=1)
    """A sandboxed expression over the situation answers."""
    why: Text
    """The reason shown to the agent, in one sentence."""
    weight: int = Field(default=1, ge=1, le=10)
    """How strongly this rule ranks the tool (1 to 10)."""


class Source(_Frozen):
    """A reference backing the tool's content."""

    title: Text
    """What it is: a legal article, a guide, an official page."""
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    """Where to read it."""
    reference: str | None = None
    """A legal reference (e.g. ``Code de la commande publique, art. R2122-8``)."""
    to_check: Text | None = None
    """What is not yet verified in this source and must be checked before relying on it
    (e.g. « vérifier que cet article impose bien… »). The sheets print « à vérifier » after the
    source, ``show`` prints the whole text, and ``validate`` lists it (SK190)."""


class Sheet(_Frozen):
    """The printable kit sheet, also shown before the tool's questions."""

    when_to_use: Text
    """In which situation the tool helps."""
    steps: list[Text] = Field(min_length=1)
    """What to do, in order."""
    tips: list[Text] = []
    """Advice from those who did it."""
    pitfalls: list[Text] = []
    """Mistakes to avoid."""
    next_steps: list[Text] = []
    """What to do once the documents are written."""


class Example(_Frozen):
    """A set of answers used by tests, `validate` and the golden files."""

    name: str = Field(pattern=TOOL_ID_PATTERN, max_length=64)
    """A short slug naming the example (a folder of golden files)."""

    _name_is_a_file_name = field_validator("name")(not_a_device)
    description: Text | None = None
    """Which situation or branch it covers."""
    date: dt.date | None = None
    """The document date to render with (default: today)."""
    answers: dict[str, Any]
    """Answers by question id, as they would appear in an answers file."""
    expect: list[str] = []
    """Texts the French rendering must contain (checked by tests)."""


class Tool(_Frozen):
    """One tool of the kit: ``kit/tools/<id>.yaml``."""

    schema_version: Literal[1, 2]
    """Version of this format (currently 2: the project's data; 1 is still read)."""
    title: Text
    """The tool's name."""
    summary: Text
    """What it gives the agent, in one or two sentences."""
    stages: list[str] = Field(min_length=1)
    """The journey stages it serves (ids from ``kit.yaml``)."""
    relevance: list[Relevance] = []
    """When the journey recommends it."""
    reviewed: dt.date
    """When its content was last checked."""
    sources: list[Source] = Field(min_length=1)
    """References backing the content."""
    sheet: Sheet
    """The printable sheet."""
    uses: list[str] = []
    """Shared questions from ``kit.yaml`` this tool needs (asked once per journey)."""
    questions: list[Question] = []
    """The tool's own questions, in order."""
    renamed: dict[str, str] = {}
    """Questions renamed since an earlier version of the tool: ``{old_id: new_id}``. An answer kept
    under the old id (a project's record, an answers file) answers the new question when
    ``survivalkit update`` brings a project up to date."""
    documents: list[Document] = Field(min_length=1)
    """The documents it writes."""
    examples: list[Example] = []
    """Example answers, rendered by tests."""
    id: str = Field(default="", exclude=True)
    """Set from the file name; not written in the YAML."""
    origin: str = Field(default="", exclude=True)
    """The file it was read from; not written in the YAML."""


class Stage(_Frozen):
    """A stage of the innovator's journey."""

    id: str = Field(pattern=ID_PATTERN)
    """Identifier used by tools' ``stages``."""
    title: Text
    """Its name."""
    description: Text | None = None
    """What happens at this stage."""


FactUnit = Literal["EUR_HT", "EUR_TTC", "EUR", "hours", "days", "months", "years", "percent", "count"]


class FactValue(_Frozen):
    """The value of a fact from a given date."""

    from_: dt.date = Field(alias="from")
    """The date from which this value applies."""
    value: int | float
    """The value."""
    source: str | None = None
    """The text that set this value (e.g. ``décret n° 2025-1386``)."""
    until: dt.date | None = None
    """The last day this value is known to apply (EU thresholds are set for two years). A document
    dated after it says to check the new value, and where; ``validate`` warns 60 days before."""
    to_check: Text | None = None
    """What is not yet verified in this value and must be checked. A document that uses it ends
    with a « À vérifier » paragraph saying so; ``validate`` lists it (SK190)."""


class Fact(_Frozen):
    """A figure that changes with the law: thresholds, durations, amounts."""

    label: Text
    """What the figure is."""
    unit: FactUnit
    """Its unit."""
    source: str = Field(min_length=1)
    """The legal reference that holds it."""
    url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    """Where to check it."""
    values: list[FactValue] = Field(min_length=1)
    """Its successive values, oldest first."""

    @field_validator("values")
    @classmethod
    def _sorted(cls, values: list[FactValue]) -> list[FactValue]:
        dates = [v.from_ for v in values]
        if dates != sorted(dates) or len(set(dates)) != len(dates):
            raise ValueError(Msg("model.increasing_from"))
        return values

    def value_at(self, day: dt.date) -> FactValue | None:
        """The value in force on ``day``, or None before the first one."""
        current = None
        for item in self.values:
            if item.from_ <= day:
                current = item
        return current


class Datum(_Frozen):
    """One datum of the project (``project`` in ``kit.yaml``)."""

    type: QuestionType
    """The kind of value: every question that fills it has this type."""
    meaning: Text
    """What it is, in plain words (shown where the value is reused)."""


class KitInfo(_Frozen):
    """The kit's own file: ``kit/kit.yaml``."""

    schema_version: Literal[1, 2]
    """Version of this format (currently 2: the project's data; 1 is still read)."""
    title: Text
    """The kit's name."""
    version: str
    """The kit's version, printed on the booklet."""
    description: Text
    """What the kit is for."""
    stages: list[Stage] = Field(min_length=1)
    """The journey's stages, in order."""
    profile: list[Question] = []
    """Questions about the agent, asked once and saved."""
    situation: list[Question] = []
    """Questions of the journey that decide which tools to recommend."""
    shared: list[Question] = []
    """Questions several tools need (project name, service…), asked once per journey."""
    facts: dict[str, Fact] = {}
    """Dated figures by name, used by templates through ``fact('name')``."""
    project: dict[str, Datum] = {}
    """The project's data, declared once: what several tools ask and that means the same thing
    for each (what is bought and for how much, when the experimentation starts…). A question
    says which datum it fills with ``datum``; tools never read each other's answers."""


class Term(_Frozen):
    """A jargon term, explained in plain words."""

    term: str = Field(min_length=1)
    """The jargon as people say it."""
    variants: list[str] = []
    """Other spellings that should be recognised."""
    definition: Text
    """A plain definition."""
    official: str | None = None
    """The official French equivalent (FranceTerme), if one exists."""
    official_date: str | None = None
    """When the official term was published (e.g. ``JO du 9 juillet 2019``)."""
    note: Text | None = None
    """Anything else worth knowing (e.g. no official term: say it this way)."""
    lang: Literal["fr", "en"] = "fr"
    """The language the term itself is in: ``en`` for English jargon, marked as such in French text."""


class Glossary(_Frozen):
    """The kit's glossary: ``kit/glossary.yaml``."""

    schema_version: Literal[1]
    """Version of this format (currently 1)."""
    terms: list[Term] = []
    """The terms, in any order."""


class ToolCard(_Frozen):
    """What listing and the journey's triage need of a tool, kept small so that a large kit
    lists without reading every tool whole (the kit cache keeps one per tool file)."""

    title: Text
    summary: Text
    stages: list[str] = Field(min_length=1)
    relevance: list[Relevance] = []
    reviewed: dt.date
    data: list[str]
    """The project data its own questions fill (and take from the project when it knows them:
    ``datum`` in the tool), in question order."""
    uses: list[str]
    """The shared questions of ``kit.yaml`` it asks (their ``datum`` is in ``kit.yaml``)."""
    id: str = Field(default="", exclude=True)

    def project_data(self, kit: Kit) -> list[str]:
        """Every project datum the tool fills and reads: its shared questions' then its own."""
        return _project_data(kit, self.uses, self.data)


def _project_data(kit: Kit, uses: list[str], data: list[str]) -> list[str]:
    """The data of the shared questions ``uses`` (their ``datum`` in ``kit.yaml``), then ``data``."""
    shared = kit.shared_by_id()
    found = [d for u in uses if u in shared for d in [shared[u].datum] if d]
    return list(dict.fromkeys([*found, *data]))


CARD_FIELDS = ("title", "summary", "stages", "relevance", "reviewed", "data", "uses")


class DataCard(_Frozen):
    """What ``show`` says of the other tools: each one's title and the project data it fills and
    reads (a smaller index than the cards, so that showing one tool of a large kit stays quick)."""

    title: Text
    data: list[str]
    """As ``ToolCard.data``."""
    uses: list[str]
    """As ``ToolCard.uses``."""
    id: str = Field(default="", exclude=True)

    def project_data(self, kit: Kit) -> list[str]:
        """As ``ToolCard.project_data``."""
        return _project_data(kit, self.uses, self.data)


DATA_FIELDS = ("title", "data", "uses")


def data_card_of(card: ToolCard) -> DataCard:
    """The data card of a tool, from its card."""
    return DataCard.model_construct(title=card.title, data=card.data, uses=card.uses, id=card.id)


def card_of(tool: Tool) -> ToolCard:
    """The card of a tool already validated."""
    return ToolCard.model_construct(
        title=tool.title, summary=tool.summary, stages=tool.stages, relevance=tool.relevance,
        reviewed=tool.reviewed, data=list(dict.fromkeys(q.datum for q in tool.questions if q.datum)),
        uses=list(tool.uses), id=tool.id,
    )


class Kit(BaseModel):
    """A whole kit, assembled from its files (not a YAML file itself).

    ``tools`` may be read lazily (see ``survivalkit.kit.loader.ToolShelf``): knowing the ids
    costs nothing, a tool is read when it is first asked for, and ``cards()`` gives what
    listing needs without reading every tool.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    info: KitInfo
    glossary: Glossary
    tools: Mapping[str, Tool]
    roots: list[str] = []
    notices: list[str] = []

    @field_serializer("tools")
    def _every_tool(self, tools: Mapping[str, Tool]) -> dict[str, Tool]:
        return dict(zip(tools, tools.values(), strict=True))

    def cards(self) -> list[ToolCard]:
        """The card of every tool, in id order."""
        lazy = getattr(self.tools, "cards", None)
        if lazy is not None:
            return list(lazy())
        return [card_of(tool) for tool in self.tools.values()]

    def data_cards(self) -> list[DataCard]:
        """The data card of every tool, in id order."""
        lazy = getattr(self.tools, "data_cards", None)
        if lazy is not None:
            return list(lazy())
        return [data_card_of(card) for card in self.cards()]

    def stage_ids(self) -> list[str]:
        """Stage ids in journey order."""
        return [s.id for s in self.info.stages]

    def shared_by_id(self) -> dict[str, Question]:
        """Shared questions by id."""
        return {q.id: q for q in self.info.shared}


def tool_questions(kit: Kit, tool: Tool) -> list[Question]:
    """The questions of a tool in asking order: the shared ones it uses, then its own."""
    shared = kit.shared_by_id()
    return [shared[u] for u in tool.uses if u in shared] + list(tool.questions)


def now() -> dt.date:
    """Today's date, from the one clock (:mod:`survivalkit.clock`)."""
    from survivalkit import clock

    return clock.today()


def walk_texts(
    model: BaseModel, key_path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Text]]:
    """Every user-facing text of a model (fields typed ``Text``), with its key path."""
    for name, info in type(model).model_fields.items():
        if info.exclude:
            continue
        is_text = "Localized" in str(info.annotation)
        yield from _walk_value(getattr(model, name), (*key_path, info.alias or name), is_text)


def _walk_value(
    value: object, key_path: tuple[str | int, ...], is_text: bool
) -> Iterator[tuple[tuple[str | int, ...], Text]]:
    if is_text and isinstance(value, str | Localized):
        yield key_path, value
    elif isinstance(value, BaseModel):
        yield from walk_texts(value, key_path)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk_value(item, (*key_path, i), is_text)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_value(item, (*key_path, str(key)), is_text)


def falls_back(model: BaseModel, lang: str) -> bool:
    """Whether some text of ``model`` is missing in ``lang`` (and will be shown in French)."""
    return lang != SOURCE_LANGUAGE and any(not has_lang(text, lang) for _, text in walk_texts(model))
