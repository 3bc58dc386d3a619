"""Checks beyond the schema, each with a stable id, a severity and a fix hint."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

from jinja2 import TemplateSyntaxError
from pydantic import BaseModel, ValidationError

from survivalkit.authoring.template_analysis import LiteralTest, literal_tests, never_true, unsafe_constructs
from survivalkit.engine.expressions import GLOBAL_NAMES, References
from survivalkit.engine.expressions import analyse as _analyse
from survivalkit.errors import Problem, TemplateError
from survivalkit.kit.loader import LoadedKit
from survivalkit.kit.model import (
    Glossary,
    Kit,
    KitInfo,
    Localized,
    Question,
    QuestionType,
    Term,
    Text,
    Tool,
    has_lang,
    now,
    tool_questions,
    walk_texts,
)
from survivalkit.kit.texts import fold
from survivalkit.kit.yamlread import KeyPath, Located, format_key_path


@dataclass(frozen=True)
class Rule:
    """A lint rule: stable id, severity, what it finds, how to fix it."""

    id: str
    severity: str
    summary: str
    fix: str


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: str, summary: str, fix: str) -> Rule:
    """Register a rule."""
    RULES[rule_id] = Rule(rule_id, severity, summary, fix)
    return RULES[rule_id]


SK001 = rule(
    "SK001", "error", "Template or expression syntax error",
    "Fix the Jinja syntax at the line shown.",
)
SK002 = rule(
    "SK002", "error",
    "Name used in a template or expression that no question, profile field or built-in defines",
    "Use an existing question id, or add the question.",
)
SK003 = rule(
    "SK003", "error", "Unknown fact",
    "Use a fact name defined under `facts:` in kit.yaml, or add it there with its source.",
)
SK004 = rule("SK004", "error", "Unknown stage", "Use a stage id from kit.yaml `stages`.")
SK005 = rule(
    "SK005", "error", "Unknown shared question in `uses`",
    "Use an id from kit.yaml `shared`.",
)
SK006 = rule(
    "SK006", "error", "Duplicate id",
    "Give each question, document and example its own id.",
)
SK007 = rule(
    "SK007", "error", "Example answers that fail validation",
    "Fix the answer so that it fits its question (type, limits, rules), or add the missing answer.",
)
SK008 = rule(
    "SK008", "error", "Example that does not render",
    "Fix the template at the line shown so that it renders with this example's answers.",
)
SK009 = rule(
    "SK009", "error", "Example `expect` text missing from the French rendering",
    "Fix the template, or the `expect` text (ordinary spaces match no-break spaces).",
)
SK010 = rule(
    "SK010", "error", "Template or expression reaching outside the sandbox",
    "Remove it: templates use answers, facts and the kit's filters only; no `_` names, no "
    "include, import or extends.",
)
SK101 = rule(
    "SK101", "warning", "Question never used by any template or condition",
    "Use it in a document template or a `when`, or delete it.",
)
SK102 = rule(
    "SK102", "warning", "Question that no example answers",
    "Add an example (or an answer to an example) that goes through this question.",
)
SK103 = rule(
    "SK103", "warning", "Missing English text",
    "Write the text as `{fr: ..., en: ...}` with an English translation.",
)
SK104 = rule(
    "SK104", "warning", "Content not reviewed for more than 12 months",
    "Check the content and its sources, then set `reviewed` to today's date.",
)
SK105 = rule(
    "SK105", "warning", "Source without a URL or a legal reference",
    "Give the source a `url`, a `reference` (e.g. `Code de la commande publique, art. R2122-8`),"
    " or both.",
)
SK106 = rule(
    "SK106", "warning", "English buzzword in French text without its French equivalent",
    "Use the official French term from the glossary, or give it next to the English word.",
)
SK107 = rule(
    "SK107", "warning", "Label longer than 20 words",
    "Shorten the label; put the explanation in `help`.",
)
SK108 = rule(
    "SK108", "warning", "Condition that can never be true given the choices it tests",
    "Compare with a value listed in the question's `choices` (check the spelling).",
)
SK109 = rule(
    "SK109", "warning", "Tool without examples",
    "Add at least one example under `examples:`; tests render it and check its documents.",
)
SK110 = rule(
    "SK110", "warning", "Example without a date",
    "Give the example a `date:` so that its documents (and golden files) do not change every day.",
)
SK111 = rule(
    "SK111", "warning", "Text left from the `survivalkit new` template",
    "Write the real text in place of `[à remplacer]` / `[to replace]`.",
)
SK112 = rule(
    "SK112", "warning", "A fact's value ends soon",
    "Add the value that follows (a new item under `values:` with its `from:` date and source) "
    "as soon as it is published; until then, documents dated after `until` say to check it.",
)

MAX_LABEL_WORDS = 20
FACT_WARNING_DAYS = 60
REVIEW_MONTHS = 12
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_URL = re.compile(r"https?://\S+|`[^`]*`")
_QUOTED = re.compile(r"«[^»\n]*»|“[^”\n]*”")
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass
class Context:
    """What the checks look at."""

    kit: Kit
    sources: dict[str, Located]
    today: dt.date = field(default_factory=now)


Check = Callable[[Context], Iterator[Problem]]
CHECKS: list[Check] = []


def check(func: Check) -> Check:
    """Register a check."""
    CHECKS.append(func)
    return func


# --- locating problems ---------------------------------------------------------------------


def _located(ctx: Context, tool: Tool) -> Located | None:
    return ctx.sources.get(tool.origin)


def _problem(
    loc: Located | None, origin: str, key_path: KeyPath, r: Rule, message: str, line_offset: int = 0
) -> Problem:
    if loc is None:
        return Problem(origin, 1, 1, format_key_path(key_path), message, r.id, r.severity)
    if line_offset:
        line, col = loc.template_line(key_path, line_offset)
        return Problem(loc.path, line, col, format_key_path(key_path), message, r.id, r.severity)
    return loc.problem(key_path, message, rule=r.id, severity=r.severity)


def _tool_problem(
    ctx: Context, tool: Tool, key_path: KeyPath, r: Rule, message: str, line_offset: int = 0
) -> Problem:
    return _problem(_located(ctx, tool), tool.origin, key_path, r, message, line_offset)


M = TypeVar("M", bound=BaseModel)


def _layers(ctx: Context, filename: str, model: type[M]) -> Iterator[tuple[Located, M]]:
    """Each ``kit.yaml`` (or ``glossary.yaml``) of the kit's layers, read on its own."""
    for loc in ctx.sources.values():
        if Path(loc.path).name != filename:
            continue
        try:
            yield loc, model.model_validate(loc.data)
        except ValidationError:
            continue  # the schema problems are already reported by the loader


def _kit_questions(info: KitInfo) -> Iterator[tuple[KeyPath, Question]]:
    for group in ("profile", "situation", "shared"):
        for i, q in enumerate(getattr(info, group)):
            yield (group, i), q


def _tool_own_questions(tool: Tool) -> Iterator[tuple[KeyPath, Question]]:
    for i, q in enumerate(tool.questions):
        yield ("questions", i), q


# --- walking texts -------------------------------------------------------------------------


def _text_owners(ctx: Context) -> Iterator[tuple[Located | None, str, BaseModel, bool]]:
    """Tools, kit.yaml layers and glossary layers: (located, origin, model, is_glossary)."""
    for tool in ctx.kit.tools.values():
        yield _located(ctx, tool), tool.origin, tool, False
    for loc, info in _layers(ctx, "kit.yaml", KitInfo):
        yield loc, loc.path, info, False
    for loc, glossary in _layers(ctx, "glossary.yaml", Glossary):
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


def _text_sources(value: object, key_path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield key_path, value
    elif isinstance(value, Localized):
        yield (*key_path, "fr"), value.fr
        if value.en:
            yield (*key_path, "en"), value.en


# --- names in templates and expressions ----------------------------------------------------


@cache  # one entry per distinct text of the kit: a command is short-lived
def analyse(source: str, *, expression: bool = False) -> References:
    """``expressions.analyse``, parsed once per text (several checks read each template)."""
    return _analyse(source, expression=expression)


def tool_names(kit: Kit, tool: Tool) -> set[str]:
    """Names a tool's templates and expressions may use."""
    names = set(GLOBAL_NAMES)
    names |= {q.id for q in kit.info.profile}
    names |= {q.id for q in tool_questions(kit, tool)}
    return names


@dataclass(frozen=True)
class Source:
    """One template or expression of a tool, and where it stands."""

    key_path: KeyPath
    text: str
    expression: bool
    what: str


def _question_sources(q: Question, key_path: KeyPath) -> Iterator[Source]:
    if q.when:
        yield Source((*key_path, "when"), q.when, True, f"question `{q.id}` when")
    if q.default_expr:
        yield Source((*key_path, "default_expr"), q.default_expr, True,
                     f"question `{q.id}` default_expr")
    for j, r in enumerate(q.rules):
        yield Source((*key_path, "rules", j, "check"), r.check, True, f"question `{q.id}` rule")


def tool_sources(tool: Tool) -> Iterator[Source]:
    """Every template and expression of a tool that may use its questions (not relevance)."""
    for key_path, q in _tool_own_questions(tool):
        yield from _question_sources(q, key_path)
    for i, doc in enumerate(tool.documents):
        yield Source(("documents", i, "filename"), doc.filename, False,
                     f"document `{doc.id}` filename")
        for sub_path, template in doc.templates():  # the body, then a letter's parts
            for key_path, text in _text_sources(template, ("documents", i, *sub_path)):
                yield Source(key_path, text, False, f"document `{doc.id}` {'.'.join(map(str, sub_path))}")


def _did_you_mean(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f"; did you mean `{close[0]}`?" if close else ""


def _check_source(
    ctx: Context, tool: Tool, source: Source, names: set[str]
) -> Iterator[Problem]:
    try:
        refs = analyse(source.text, expression=source.expression)
    except TemplateSyntaxError as exc:
        yield _tool_problem(ctx, tool, source.key_path, SK001, f"{source.what}: {exc.message}",
                            exc.lineno or 1)
        return
    for name, lineno in refs.names.items():
        if name not in names:
            yield _tool_problem(ctx, tool, source.key_path, SK002,
                                f"{source.what}: unknown name `{name}`{_did_you_mean(name, names)}",
                                lineno)
    facts = ctx.kit.info.facts
    for name, lineno in refs.facts.items():
        if name not in facts:
            yield _tool_problem(ctx, tool, source.key_path, SK003,
                                f"{source.what}: unknown fact `{name}`{_did_you_mean(name, facts)}",
                                lineno)


# --- SK001-SK006: references ---------------------------------------------------------------


@check
def check_references(ctx: Context) -> Iterator[Problem]:
    """Stages, uses, ids, and every template and expression of every tool."""
    kit = ctx.kit
    stages = set(kit.stage_ids())
    shared = kit.shared_by_id()
    reserved = {q.id for q in kit.info.profile} | {q.id for q in kit.info.situation}
    for tool in kit.tools.values():
        for i, stage in enumerate(tool.stages):
            if stage not in stages:
                yield _tool_problem(ctx, tool, ("stages", i), SK004,
                                    f"unknown stage `{stage}`; known: {', '.join(sorted(stages))}")
        for i, used in enumerate(tool.uses):
            if used not in shared:
                known = ", ".join(sorted(shared))
                yield _tool_problem(ctx, tool, ("uses", i), SK005,
                                    f"`{used}` is not a shared question; known: {known}")
        seen: dict[str, int] = {}
        for i, q in enumerate(tool.questions):
            if q.id in seen:
                yield _tool_problem(ctx, tool, ("questions", i, "id"), SK006,
                                    f"question id `{q.id}` is already used by "
                                    f"questions[{seen[q.id]}]")
            elif q.id in reserved or q.id in shared:
                yield _tool_problem(ctx, tool, ("questions", i, "id"), SK006,
                                    f"question id `{q.id}` is already a profile, situation or "
                                    "shared question")
            seen.setdefault(q.id, i)
        for name, items in (("documents", tool.documents), ("examples", tool.examples)):
            ids: set[str] = set()
            for i, item in enumerate(items):
                ident = str(getattr(item, "id", None) or getattr(item, "name", ""))
                if ident in ids:
                    yield _tool_problem(ctx, tool, (name, i), SK006,
                                        f"`{ident}` appears twice in {name}")
                ids.add(ident)
        yield from _tool_expressions(ctx, tool)


def _tool_expressions(ctx: Context, tool: Tool) -> Iterator[Problem]:
    names = tool_names(ctx.kit, tool)
    for source in tool_sources(tool):
        yield from _check_source(ctx, tool, source, names)
    situation = set(GLOBAL_NAMES) | {q.id for q in ctx.kit.info.situation}
    for i, rel in enumerate(tool.relevance):
        yield from _check_source(ctx, tool, Source(("relevance", i, "when"), rel.when, True,
                                                   "relevance when"), situation)


@check
def check_kit_ids(ctx: Context) -> Iterator[Problem]:
    """Ids in kit.yaml are unique across profile, situation and shared questions."""
    loc = next((s for s in ctx.sources.values() if Path(s.path).name == "kit.yaml"), None)
    seen: dict[str, str] = {}
    for key_path, q in _kit_questions(ctx.kit.info):
        if q.id in seen:
            yield _problem(loc, "kit.yaml", (*key_path, "id"), SK006,
                           f"question id `{q.id}` is already used in {seen[q.id]}")
        seen.setdefault(q.id, str(key_path[0]))


# --- SK007-SK009, SK102, SK109, SK110: examples --------------------------------------------


@check
def check_examples(ctx: Context) -> Iterator[Problem]:
    """Each example validates, renders in both languages, and contains its ``expect`` texts."""
    from survivalkit.authoring.golden import example_answers, missing_expectations, render_example

    for tool in ctx.kit.tools.values():
        for i, example in enumerate(tool.examples):
            where = ("examples", i)
            if example.date is None:
                yield _tool_problem(ctx, tool, (*where, "name"), SK110,
                                    f"example `{example.name}` has no `date`")
            try:
                checked = example_answers(ctx.kit, tool, example)
            except Exception as exc:  # a contributor's condition or default that fails outright
                yield _tool_problem(ctx, tool, where, SK008,
                                    f"example `{example.name}`: {type(exc).__name__}: {exc}")
                continue
            loc = _located(ctx, tool)
            locate = loc.template_line if loc else None
            for error in checked.errors:
                yield _tool_problem(ctx, tool, (*where, "answers"), SK007, error)
            if checked.missing:
                yield _tool_problem(ctx, tool, (*where, "answers"), SK007,
                                    f"example `{example.name}`: required answers missing: "
                                    + ", ".join(checked.missing))
            if not checked.valid:
                continue
            for lang in ("fr", "en"):
                try:
                    documents = render_example(ctx.kit, tool, checked, lang, locate)
                except TemplateError as exc:
                    reason = str(exc).replace(f"{tool.origin}:", "line ", 1)
                    yield _tool_problem(ctx, tool, where, SK008,
                                        f"example `{example.name}` ({lang}): {reason}")
                    break
                if lang == "fr":
                    for text in missing_expectations(example, documents):
                        yield _tool_problem(ctx, tool, (*where, "expect"), SK009,
                                            f"example `{example.name}`: `{text}` is not in the "
                                            "French documents")


@check
def check_example_coverage(ctx: Context) -> Iterator[Problem]:
    """Every tool has examples, and each of its questions is answered by at least one."""
    for tool in ctx.kit.tools.values():
        if not tool.examples:
            yield _tool_problem(ctx, tool, (), SK109, f"tool `{tool.id}` has no examples")
            continue
        answered = {key for example in tool.examples for key in example.answers}
        for i, used in enumerate(tool.uses):
            if used not in answered:
                yield _tool_problem(ctx, tool, ("uses", i), SK102,
                                    f"no example answers shared question `{used}`")
        for key_path, q in _tool_own_questions(tool):
            if q.id not in answered:
                yield _tool_problem(ctx, tool, (*key_path, "id"), SK102,
                                    f"no example answers question `{q.id}`")


# --- SK101: unused questions ---------------------------------------------------------------


def _used_names(tool: Tool) -> set[str]:
    used: set[str] = set()
    for source in tool_sources(tool):
        try:
            used |= set(analyse(source.text, expression=source.expression).names)
        except TemplateSyntaxError:
            continue
    return used


@check
def check_unused_questions(ctx: Context) -> Iterator[Problem]:
    """A question no template, condition, default or rule of its tool uses."""
    for tool in ctx.kit.tools.values():
        used = _used_names(tool)
        for key_path, q in _tool_own_questions(tool):
            if q.id not in used:
                yield _tool_problem(ctx, tool, (*key_path, "id"), SK101,
                                    f"question `{q.id}` is asked but never used")
        for i, shared in enumerate(tool.uses):
            if shared not in used:
                yield _tool_problem(ctx, tool, ("uses", i), SK101,
                                    f"shared question `{shared}` is asked but never used")


# --- SK103, SK106, SK107: texts ------------------------------------------------------------


@check
def check_english(ctx: Context) -> Iterator[Problem]:
    """Every user-facing text has its English translation."""
    for loc, origin, model, _ in _text_owners(ctx):
        for key_path, text in walk_texts(model):
            if not has_lang(text, "en"):
                yield _problem(loc, origin, key_path, SK103, "no English text")


@dataclass(frozen=True)
class TermPattern:
    """A glossary term ready to be searched for in folded text (plurals included)."""

    term: Term
    pattern: re.Pattern[str]
    official: list[str]


def term_pattern(term: Term) -> TermPattern:
    """How to find ``term`` (and its variants), and its official French forms."""
    forms = [re.escape(fold(f)).replace("\\ ", "s?\\ ") + "s?" for f in [term.term, *term.variants]]
    official = [fold(f).strip() for f in re.split(r"[,;/]| ou ", term.official or "")]
    return TermPattern(term, re.compile(rf"(?<![a-z0-9])(?:{'|'.join(forms)})(?![a-z0-9])"),
                       [f for f in official if f])


def buzzwords_in(text: str, terms: Iterable[TermPattern]) -> Iterator[Term]:
    """Terms with an official French form used in ``text`` without it.

    Template code, URLs and quotations (« ... », names of programmes) are not prose; a word
    inside a longer glossary term (``startup d'État``) belongs to that term.
    """
    folded = fold(_QUOTED.sub(" ", _URL.sub(" ", _JINJA.sub(" ", text))))
    spans = [(m.start(), m.end(), t) for t in terms for m in t.pattern.finditer(folded)]
    seen: set[str] = set()
    for start, end, found in spans:
        if not found.official or found.term.term in seen:
            continue
        if any(s <= start and end <= e and e - s > end - start for s, e, _ in spans):
            continue
        if not any(form in folded for form in found.official):
            seen.add(found.term.term)
            yield found.term


@check
def check_buzzwords(ctx: Context) -> Iterator[Problem]:
    """French texts that use an English buzzword without its official French equivalent."""
    if not any(term.official for term in ctx.kit.glossary.terms):
        return
    buzzwords = [term_pattern(term) for term in ctx.kit.glossary.terms]
    for loc, origin, model, is_glossary in _text_owners(ctx):
        if is_glossary:
            continue
        for key_path, text in walk_texts(model):
            if key_path[0] == "sources":
                continue  # the title of someone else's text is quoted as it is
            where = key_path if isinstance(text, str) else (*key_path, "fr")
            for term in buzzwords_in(_french(text), buzzwords):
                yield _problem(loc, origin, where, SK106,
                               f"“{term.term}” in French text: say “{term.official}”")


def _labels(model: BaseModel) -> Iterator[tuple[KeyPath, Text]]:
    questions = (
        _tool_own_questions(model) if isinstance(model, Tool)
        else _kit_questions(model) if isinstance(model, KitInfo) else iter(())
    )
    for key_path, q in questions:
        yield (*key_path, "label"), q.label
        for j, choice in enumerate(q.choices or []):
            yield (*key_path, "choices", j, "label"), choice.label


@check
def check_label_length(ctx: Context) -> Iterator[Problem]:
    """Question and choice labels stay short."""
    for loc, origin, model, _ in _text_owners(ctx):
        for key_path, text in _labels(model):
            for lang, value in _languages(text):
                words = sum(1 for w in value.split() if _WORD.search(w))
                if words > MAX_LABEL_WORDS:
                    path = key_path if isinstance(text, str) else (*key_path, lang)
                    yield _problem(loc, origin, path, SK107,
                                   f"label has {words} words; keep it to {MAX_LABEL_WORDS}")


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

    for tool in ctx.kit.tools.values():
        loc = _located(ctx, tool)
        for key_path, text in _strings(loc.data if loc else None):
            if PLACEHOLDER_FR in text or PLACEHOLDER_EN in text:
                yield _tool_problem(ctx, tool, key_path, SK111, "text still to be written")


# --- SK104, SK105: freshness and sources ---------------------------------------------------


def _months_before(day: dt.date, months: int) -> dt.date:
    from survivalkit.engine.expressions import add_months

    return add_months(day, -months)


@check
def check_freshness(ctx: Context) -> Iterator[Problem]:
    """A tool whose content was last reviewed more than 12 months ago."""
    limit = _months_before(ctx.today, REVIEW_MONTHS)
    for tool in ctx.kit.tools.values():
        if tool.reviewed < limit:
            yield _tool_problem(ctx, tool, ("reviewed",), SK104,
                                f"last reviewed on {tool.reviewed.isoformat()}, more than "
                                f"{REVIEW_MONTHS} months ago")


@check
def check_fact_ends(ctx: Context) -> Iterator[Problem]:
    """A fact whose last known value ends within 60 days (or has ended) with nothing after it."""
    for loc, info in _layers(ctx, "kit.yaml", KitInfo):
        for name, fact in info.facts.items():
            last = fact.values[-1]
            if last.until is None or (last.until - ctx.today).days > FACT_WARNING_DAYS:
                continue
            index = len(fact.values) - 1
            when = "ended" if last.until < ctx.today else "ends"
            yield _problem(loc, loc.path, ("facts", name, "values", index, "until"), SK112,
                           f"the value of `{name}` {when} on {last.until.isoformat()} and no later value is known")


@check
def check_sources(ctx: Context) -> Iterator[Problem]:
    """Each source says where to read it: a URL or a legal reference."""
    for tool in ctx.kit.tools.values():
        for i, source in enumerate(tool.sources):
            if not source.url and not (source.reference or "").strip():
                yield _tool_problem(ctx, tool, ("sources", i), SK105,
                                    "source has neither `url` nor `reference`")


# --- SK108: conditions that cannot hold ----------------------------------------------------


def _literal_problem(q: Question, test: LiteralTest) -> str | None:
    if q.type == QuestionType.BOOL and isinstance(test.value, str):
        return (f"`{q.id}` is a yes/no question: test it with `{q.id}` or `not {q.id}`, "
                f"not with '{test.value}'")
    if q.choices and isinstance(test.value, str):
        values = [c.value for c in q.choices]
        if test.value not in values:
            hint = _did_you_mean(test.value, values) or f"; choices: {', '.join(values)}"
            return f"`{q.id}` has no choice '{test.value}'{hint}"
    return None


Condition = tuple[Located | None, str, Source, dict[str, Question]]


def _condition_sources(ctx: Context) -> Iterator[Condition]:
    """Every condition and template, with the questions its names stand for."""
    situation = {q.id: q for q in ctx.kit.info.situation}
    for tool in ctx.kit.tools.values():
        known = {q.id: q for q in [*ctx.kit.info.profile, *tool_questions(ctx.kit, tool)]}
        loc = _located(ctx, tool)
        for source in tool_sources(tool):
            yield loc, tool.origin, source, known
        for i, rel in enumerate(tool.relevance):
            yield loc, tool.origin, Source(("relevance", i, "when"), rel.when, True,
                                           "relevance when"), situation
    for loc, info in _layers(ctx, "kit.yaml", KitInfo):
        everything = {q.id: q for _, q in _kit_questions(ctx.kit.info)}
        for key_path, q in _kit_questions(info):
            for source in _question_sources(q, key_path):
                yield loc, loc.path, source, everything


@check
def check_conditions(ctx: Context) -> Iterator[Problem]:
    """Comparisons with values a question does not offer, and ``when``s that can never hold."""
    for loc, origin, source, questions in _condition_sources(ctx):
        flagged = False
        for test in literal_tests(source.text, expression=source.expression):
            q = questions.get(test.name)
            message = _literal_problem(q, test) if q is not None else None
            if message:
                flagged = True
                yield _problem(loc, origin, source.key_path, SK108,
                               f"{source.what}: {message}", test.lineno)
        is_when = source.key_path[-1] == "when"
        if is_when and not flagged and never_true(source.text, questions):
            yield _problem(loc, origin, source.key_path, SK108,
                           f"{source.what}: `{source.text}` is false for every possible answer")


@check
def check_sandbox(ctx: Context) -> Iterator[Problem]:
    """Templates and expressions that reach for hidden attributes or other files."""
    for loc, origin, source, _ in _condition_sources(ctx):
        for what, lineno in unsafe_constructs(source.text, expression=source.expression):
            yield _problem(loc, origin, source.key_path, SK010, f"{source.what}: {what}", lineno)


# --- running the checks --------------------------------------------------------------------


_TEMPLATE_RULES = {"SK001", "SK002", "SK003", "SK010"}


def _drop_echoes(problems: list[Problem]) -> list[Problem]:
    """An example cannot render a template already reported broken: keep the first report."""
    broken = {p.path for p in problems if p.rule in _TEMPLATE_RULES}
    return [p for p in problems if not (p.rule == SK008.id and p.path in broken)]


def lint(loaded: LoadedKit, today: dt.date | None = None) -> list[Problem]:
    """Every problem the checks find, in file order."""
    ctx = Context(loaded.kit, loaded.sources, today or now())
    problems: list[Problem] = []
    for func in CHECKS:
        problems.extend(func(ctx))
    return sorted(_drop_echoes(problems), key=lambda p: (p.path, p.line, p.col, p.rule))
