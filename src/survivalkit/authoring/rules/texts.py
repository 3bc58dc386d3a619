"""Checks on texts: English translations, plain French, short labels, placeholders, sources."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from survivalkit.authoring.rules.base import (
    Context,
    check,
    kit_questions,
    layers,
    located,
    problem_at,
    tool_own_questions,
    tool_problem,
)
from survivalkit.authoring.rules.catalog import (
    SK016,
    SK103,
    SK104,
    SK105,
    SK106,
    SK107,
    SK111,
    SK112,
    SK170,
    SK190,
)
from survivalkit.errors import Msg, Problem
from survivalkit.i18n import t
from survivalkit.kit.base import Text
from survivalkit.kit.glossary import TermIndex
from survivalkit.kit.loader import KitLayer
from survivalkit.kit.model import Glossary, KitInfo, Question, Term, Tool, walk_texts
from survivalkit.kit.yamlread import KeyPath, Located
from survivalkit.text.localized import bad_marks, fold, has_lang, tr
from survivalkit.text.names import shown_name

MAX_LABEL_WORDS = 20
REVIEW_MONTHS = 12
FACT_WARNING_DAYS = 60
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_URL = re.compile(r"https?://\S+|`[^`]*`")
_QUOTED = re.compile(r"«[^»\n]*»|“[^”\n]*”")
_WORD = re.compile(r"\w", re.UNICODE)


def text_owners(ctx: Context) -> Iterator[tuple[Located | None, str, BaseModel, bool]]:
    """Tools, kit.yaml layers and glossary layers: (located, origin, model, is_glossary)."""
    for tool in ctx.tools():
        yield located(ctx, tool), tool.origin, tool, False
    for loc, info in layers(ctx, "kit.yaml", KitLayer):
        yield loc, loc.path, info, False
    for loc, glossary in layers(ctx, "glossary.yaml", Glossary):
        yield loc, loc.path, glossary, True


def _french(text: Text) -> str:
    return text if isinstance(text, str) else text.fr


def _languages(text: Text) -> Iterator[tuple[str, str]]:
    if isinstance(text, str):
        yield "fr", text
    else:
        yield "fr", text.fr
        if text.en:
            yield "en", text.en


# --- SK103, SK106, SK107: texts ------------------------------------------------------------


@check
def check_english(ctx: Context) -> Iterator[Problem]:
    """Every user-facing text has its English translation."""
    for loc, origin, model, _ in text_owners(ctx):
        for key_path, text in walk_texts(model):
            if not has_lang(text, "en"):
                yield problem_at(loc, origin, key_path, SK103, Msg("lint.no_english"))


@dataclass(frozen=True)
class Buzzwords:
    """The glossary's terms indexed for search in folded text (plurals included), with the
    official French forms of each."""

    index: TermIndex
    official: list[list[str]]


def term_pattern(terms: Sequence[Term]) -> Buzzwords:
    """Index ``terms`` once; each text then costs one look-up per word, whatever their number."""
    official = [[f for f in (fold(o).strip() for o in re.split(r"[,;/]| ou ", t.official or "")) if f]
                for t in terms]
    return Buzzwords(TermIndex(terms, plural=True), official)


def _inside_longer(spans: list[tuple[int, int, int]]) -> set[int]:
    """Positions in ``spans`` of the spans that a longer span contains (one sweep, not pairs)."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1]))
    inside: set[int] = set()
    furthest = -1
    i = 0
    while i < len(order):
        start, end = spans[order[i]][:2]
        k = i
        while k < len(order) and spans[order[k]][:2] == (start, end):  # the same words
            k += 1
        if furthest >= end:  # an earlier span starts no later and ends no sooner: it is longer
            inside.update(order[i:k])
        furthest = max(furthest, end)
        i = k
    return inside


def buzzwords_in(text: str, words: Buzzwords) -> Iterator[Term]:
    """Terms with an official French form used in ``text`` without it.

    Template code, URLs and quotations (« ... », names of programmes) are not prose; a word
    inside a longer glossary term (``startup d'État``) belongs to that term.
    """
    folded = fold(_QUOTED.sub(" ", _URL.sub(" ", _JINJA.sub(" ", text))))
    spans = sorted(words.index.spans(folded), key=lambda span: (span[2], span[0]))
    inside = _inside_longer(spans)
    seen: set[int] = set()
    for i, (_, _, number) in enumerate(spans):
        official = words.official[number]
        if not official or number in seen or i in inside:
            continue
        if not any(form in folded for form in official):
            seen.add(number)
            yield words.index.terms[number]


@check
def check_buzzwords(ctx: Context) -> Iterator[Problem]:
    """French texts that use an English buzzword without its official French equivalent."""
    if not any(term.official for term in ctx.kit.glossary.terms):
        return
    words = term_pattern(ctx.kit.glossary.terms)
    for loc, origin, model, is_glossary in text_owners(ctx):
        if is_glossary:
            continue
        for key_path, text in walk_texts(model):
            if key_path[0] == "sources":
                continue  # the title of someone else's text is quoted as it is
            where = key_path if isinstance(text, str) else (*key_path, "fr")
            for term in buzzwords_in(_french(text), words):
                yield problem_at(loc, origin, where, SK106,
                               Msg("lint.buzzword", term=term.term, official=term.official))


def _labels(model: BaseModel) -> Iterator[tuple[KeyPath, Text]]:
    questions = (
        tool_own_questions(model) if isinstance(model, Tool)
        else kit_questions(model) if isinstance(model, KitInfo) else iter(())
    )
    for key_path, q in questions:
        yield (*key_path, "label"), q.label
        for j, choice in enumerate(q.choices or []):
            yield (*key_path, "choices", j, "label"), choice.label


@check
def check_label_length(ctx: Context) -> Iterator[Problem]:
    """Question and choice labels stay short."""
    for loc, origin, model, _ in text_owners(ctx):
        for key_path, text in _labels(model):
            for lang, value in _languages(text):
                words = sum(1 for w in value.split() if _WORD.search(w))
                if words > MAX_LABEL_WORDS:
                    path = key_path if isinstance(text, str) else (*key_path, lang)
                    yield problem_at(loc, origin, path, SK107,
                                   Msg("lint.long_label", words=words, max=MAX_LABEL_WORDS))


def same_label(text: str) -> str:
    """A label as a reader tells it apart: compatibility forms folded (NFKC), case ignored,
    invisible characters removed, spaces collapsed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    visible = "".join(ch for ch in folded if unicodedata.category(ch) not in ("Cf", "Mn", "Me"))
    return " ".join(visible.split())


@check
def check_choice_labels_differ(ctx: Context) -> Iterator[Problem]:
    """Two choices of one question whose labels read the same once normalised (a decomposed
    « é », a zero-width space, a fullwidth letter, another case): nobody can tell them apart."""
    for loc, origin, model, _ in text_owners(ctx):
        for key_path, question in _questions_of(model):
            for lang in ("fr", "en"):
                seen: dict[str, int] = {}
                for j, choice in enumerate(question.choices or []):
                    label = choice.label if isinstance(choice.label, str) else getattr(choice.label, lang, None)
                    if not label or (lang == "en" and isinstance(choice.label, str)):
                        continue
                    key = same_label(label)
                    if key in seen:
                        where = (*key_path, "choices", j, "label")
                        if not isinstance(choice.label, str):
                            where = (*where, lang)
                        yield problem_at(loc, origin, where, SK016,
                                         Msg("lint.same_choice_label", label=shown_name(label),
                                             first=seen[key] + 1, n=j + 1))
                    else:
                        seen[key] = j


def _questions_of(model: BaseModel) -> Iterator[tuple[KeyPath, Question]]:
    if isinstance(model, Tool):
        yield from tool_own_questions(model)
    elif isinstance(model, KitInfo):
        yield from kit_questions(model)


def _strings(data: object, key_path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(data, str):
        yield key_path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*key_path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, (*key_path, i))


@check
def check_placeholders(ctx: Context) -> Iterator[Problem]:
    """Texts of a tool file still marked as to be written."""
    from survivalkit.authoring.scaffold import PLACEHOLDER_EN, PLACEHOLDER_FR

    for tool in ctx.tools():
        loc = located(ctx, tool)
        for key_path, text in _strings(loc.data if loc else None):
            if PLACEHOLDER_FR in text or PLACEHOLDER_EN in text:
                yield tool_problem(ctx, tool, key_path, SK111, Msg("lint.placeholder"))


# --- SK104, SK105: freshness and sources ---------------------------------------------------


def _months_before(day: dt.date, months: int) -> dt.date:
    from survivalkit.sandbox.expressions import add_months

    return add_months(day, -months)


@check
def check_freshness(ctx: Context) -> Iterator[Problem]:
    """A tool whose content was last reviewed more than 12 months ago."""
    limit = _months_before(ctx.today, REVIEW_MONTHS)
    for tool in ctx.tools():
        if tool.reviewed < limit:
            yield tool_problem(ctx, tool, ("reviewed",), SK104,
                               Msg("lint.stale", date=tool.reviewed.isoformat(),
                                   months=REVIEW_MONTHS))


@check
def check_fact_ends(ctx: Context) -> Iterator[Problem]:
    """A fact whose last known value ends within 60 days (or has ended) with nothing after it."""
    for loc, info in layers(ctx, "kit.yaml", KitLayer):
        for name, fact in info.facts.items():
            last = fact.values[-1]
            if last.until is None or (last.until - ctx.today).days > FACT_WARNING_DAYS:
                continue
            index = len(fact.values) - 1
            key = "lint.fact_ended" if last.until < ctx.today else "lint.fact_ends"
            yield problem_at(loc, loc.path, ("facts", name, "values", index, "until"), SK112,
                             Msg(key, name=name, date=last.until.isoformat()))


@check
def check_sources(ctx: Context) -> Iterator[Problem]:
    """Each source says where to read it: a URL or a legal reference."""
    for tool in ctx.tools():
        for i, source in enumerate(tool.sources):
            if not source.url and not (source.reference or "").strip():
                yield tool_problem(ctx, tool, ("sources", i), SK105,
                                   Msg("lint.source_bare"))


@check
def check_sources_to_check(ctx: Context) -> Iterator[Problem]:
    """Each source marked « à vérifier » is listed, with what must be checked (SK190, info)."""
    for tool in ctx.tools():
        for i, source in enumerate(tool.sources):
            if source.to_check is None or not tr(source.to_check, "fr").strip():
                continue
            ref = (source.reference or "").strip()
            reference = f" ({ref})" if ref else ""
            said = {lang: t("lint.source_to_check", lang, title=tr(source.title, lang),
                            reference=reference, what=tr(source.to_check, lang))
                    for lang in ("en", "fr")}
            yield tool_problem(ctx, tool, ("sources", i, "to_check"), SK190,
                               Msg.both(said["en"], said["fr"]))
    for loc, info in layers(ctx, "kit.yaml", KitLayer):
        for name, fact in info.facts.items():
            for index, value in enumerate(fact.values):
                if value.to_check is None or not tr(value.to_check, "fr").strip():
                    continue
                said = {lang: t("lint.fact_to_check", lang, name=name, day=value.from_.isoformat(),
                                what=tr(value.to_check, lang)) for lang in ("en", "fr")}
                yield problem_at(loc, loc.path, ("facts", name, "values", index, "to_check"), SK190,
                                 Msg.both(said["en"], said["fr"]))


# --- SK170: language marks ------------------------------------------------------------------


def _lang_marks(ctx: Context) -> Iterator[tuple[Located | None, str, KeyPath, str, str]]:
    """Every kit text (document templates included), one language at a time:
    (located, origin, key path, language, text)."""
    for loc, origin, model, _ in text_owners(ctx):
        for key_path, text in walk_texts(model):
            for lang, words in _languages(text):
                yield loc, origin, key_path if isinstance(text, str) else (*key_path, lang), lang, words


@check
def check_lang_marks(ctx: Context) -> Iterator[Problem]:
    """A phrase in the other language is marked ``[words]{lang=en}``: nothing else looks like it."""
    for loc, origin, key_path, lang, words in _lang_marks(ctx):
        for fragment in bad_marks(words, lang):
            key = "lint.lang_mark_same" if fragment.endswith(f"{{lang={lang}}}") else "lint.lang_mark_bad"
            yield problem_at(loc, origin, key_path, SK170, Msg(key, fragment=fragment, lang=lang))
