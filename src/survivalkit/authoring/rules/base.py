"""The rule registry, the checks' shared context, and helpers to place a problem in its file."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from survivalkit.errors import Msg, Problem
from survivalkit.i18n import t
from survivalkit.kit.base import Localized
from survivalkit.kit.model import Kit, KitInfo, Question, Tool, now, tool_questions
from survivalkit.kit.yamlread import KeyPath, Located, format_key_path
from survivalkit.sandbox.expressions import GLOBAL_NAMES, References

LOWERCASE_FILTER = "milieu"
"""The documents' filter that puts a typed answer in lower case inside a sentence (rule SK116)."""


@dataclass(frozen=True)
class Rule:
    """A lint rule: stable id and severity; its summary and fix come from the message catalogue."""

    id: str
    severity: str

    def summary_in(self, lang: str) -> str:
        """What the rule finds, in ``lang``."""
        return t(f"rule.{self.id}.summary", lang, filter=LOWERCASE_FILTER)

    def fix_in(self, lang: str) -> str:
        """How to fix it, in ``lang``."""
        return t(f"rule.{self.id}.fix", lang, filter=LOWERCASE_FILTER)

    @property
    def summary(self) -> str:
        """What the rule finds, in English."""
        return self.summary_in("en")

    @property
    def fix(self) -> str:
        """How to fix it, in English."""
        return self.fix_in("en")


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: str) -> Rule:
    """Register a rule (its texts must be in the catalogue: a test checks it)."""
    RULES[rule_id] = Rule(rule_id, severity)
    return RULES[rule_id]


@dataclass
class Context:
    """What the checks look at: the whole kit, and which of its parts to check this time."""

    kit: Kit
    sources: dict[str, Located]
    today: dt.date = field(default_factory=now)
    only: set[str] | None = None
    """Tool ids to check (None: all of them); the others' problems are known already."""
    kit_level: bool = True
    """Whether to check the kit's own files (kit.yaml and glossary.yaml of every layer)."""
    fills: dict[str, tuple[str, str]] | None = None
    """The questions' labels that fill a datum across the whole kit (``rules.data.data_fills``),
    when known already: computed once for a kit checked in chunks."""

    def tools(self) -> list[Tool]:
        """The tools to check."""
        if self.only is None:
            return list(self.kit.tools.values())
        return [self.kit.tools[tid] for tid in self.kit.tools if tid in self.only]


Check = Callable[[Context], Iterator[Problem]]
CHECKS: list[Check] = []


def check(func: Check) -> Check:
    """Register a check."""
    CHECKS.append(func)
    return func


# --- locating problems ---------------------------------------------------------------------


def located(ctx: Context, tool: Tool) -> Located | None:
    """The located source of a tool file, when it was read (not from the cache)."""
    return ctx.sources.get(tool.origin)


def problem_at(
    loc: Located | None, origin: str, key_path: KeyPath, r: Rule, message: str, line_offset: int = 0
) -> Problem:
    """A problem of rule ``r`` at ``key_path`` (and line ``line_offset`` of a template there)."""
    if loc is None:
        return Problem(origin, 1, 1, format_key_path(key_path), message, r.id, r.severity)
    if line_offset:
        line, col = loc.template_line(key_path, line_offset)
        return Problem(loc.path, line, col, format_key_path(key_path), message, r.id, r.severity)
    return loc.problem(key_path, message, rule=r.id, severity=r.severity)


def tool_problem(
    ctx: Context, tool: Tool, key_path: KeyPath, r: Rule, message: str, line_offset: int = 0
) -> Problem:
    """A problem in a tool file."""
    return problem_at(located(ctx, tool), tool.origin, key_path, r, message, line_offset)


M = TypeVar("M", bound=BaseModel)


def layers(ctx: Context, filename: str, model: type[M]) -> Iterator[tuple[Located, M]]:
    """Each ``kit.yaml`` (or ``glossary.yaml``) of the kit's layers, read on its own."""
    if not ctx.kit_level:
        return
    for loc in list(ctx.sources.values()):
        if Path(loc.path).name != filename:
            continue
        try:
            yield loc, model.model_validate(loc.data)
        except ValidationError:
            continue  # the schema problems are already reported by the loader


def kit_questions(info: KitInfo) -> Iterator[tuple[KeyPath, Question]]:
    """Profile, situation and shared questions of a kit.yaml, with their key paths."""
    for group in ("profile", "situation", "shared"):
        for i, q in enumerate(getattr(info, group)):
            yield (group, i), q


def tool_own_questions(tool: Tool) -> Iterator[tuple[KeyPath, Question]]:
    """A tool's own questions, with their key paths."""
    for i, q in enumerate(tool.questions):
        yield ("questions", i), q


def did_you_mean(name: str, known: Iterable[str]) -> str | Msg:
    """``; did you mean `x`?`` for the closest known name, else nothing."""
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return Msg("lint.did_you_mean", name=close[0]) if close else ""


# --- templates and expressions -------------------------------------------------------------


def analyse(source: str, *, expression: bool = False) -> References:
    """``expressions.analyse``, parsed once per text (several checks read each template)."""
    from survivalkit.authoring.template_analysis import references

    return references(source, expression=expression)


def tool_names(kit: Kit, tool: Tool) -> set[str]:
    """Names a tool's templates and expressions may use."""
    names = set(GLOBAL_NAMES)
    names |= {q.id for q in kit.info.profile}
    names |= {q.id for q in tool_questions(kit, tool)}
    return names


@dataclass(frozen=True)
class KitCode:
    """One template or expression of a tool, and where it stands."""

    key_path: KeyPath
    text: str
    expression: bool
    what: str


def question_sources(q: Question, key_path: KeyPath) -> Iterator[KitCode]:
    """The condition, computed default and rules of a question."""
    if q.when:
        yield KitCode((*key_path, "when"), q.when, True,
                     Msg("lint.what.question", id=q.id, key="when"))
    if q.default_expr:
        yield KitCode((*key_path, "default_expr"), q.default_expr, True,
                     Msg("lint.what.question", id=q.id, key="default_expr"))
    if q.given_by:
        yield KitCode((*key_path, "given_by"), q.given_by, True,
                     Msg("lint.what.question", id=q.id, key="given_by"))
    for j, r in enumerate(q.rules):
        yield KitCode((*key_path, "rules", j, "check"), r.check, True,
                     Msg("lint.what.question", id=q.id, key="rules"))


def text_sources(value: object, key_path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    """A plain or ``{fr, en}`` text as (key path, text) pairs."""
    if isinstance(value, str):
        yield key_path, value
    elif isinstance(value, Localized):
        yield (*key_path, "fr"), value.fr
        if value.en:
            yield (*key_path, "en"), value.en


def document_sources(tool: Tool) -> Iterator[KitCode]:
    """The file names and templates of a tool's documents."""
    for i, doc in enumerate(tool.documents):
        yield KitCode(("documents", i, "filename"), doc.filename, False,
                     Msg("lint.what.document", id=doc.id, key="filename"))
        for sub_path, template in doc.templates():  # the body, then a letter's parts
            for key_path, text in text_sources(template, ("documents", i, *sub_path)):
                key = ".".join(map(str, sub_path))
                yield KitCode(key_path, text, False, Msg("lint.what.document", id=doc.id, key=key))


def relevance_source(index: int, when: str) -> KitCode:
    """A relevance rule's condition (it sees the situation questions only)."""
    return KitCode(("relevance", index, "when"), when, True, Msg("lint.what.relevance"))


def tool_sources(tool: Tool) -> Iterator[KitCode]:
    """Every template and expression of a tool that may use its questions (not relevance)."""
    for key_path, q in tool_own_questions(tool):
        yield from question_sources(q, key_path)
    yield from document_sources(tool)
