"""Checks beyond the schema, each with a stable id, a severity and a fix hint."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from jinja2 import TemplateSyntaxError

from survivalkit.errors import Problem
from survivalkit.expressions import GLOBAL_NAMES, analyse
from survivalkit.loader import LoadedKit
from survivalkit.model import Kit, Question, Tool, tool_questions
from survivalkit.yamlread import KeyPath, Located


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


SK001 = rule("SK001", "error", "Template or expression syntax error", "Fix the Jinja syntax at the line shown.")
SK002 = rule("SK002", "error", "Name used in a template or expression that no question, profile field or built-in defines", "Use an existing question id, or add the question.")
SK003 = rule("SK003", "error", "Unknown fact", "Use a fact name defined under `facts:` in kit.yaml, or add it there with its source.")
SK004 = rule("SK004", "error", "Unknown stage", "Use a stage id from kit.yaml `stages`.")
SK005 = rule("SK005", "error", "Unknown shared question in `uses`", "Use an id from kit.yaml `shared`.")
SK006 = rule("SK006", "error", "Duplicate id", "Give each question, document and example its own id.")


@dataclass
class Context:
    """What the checks look at."""

    kit: Kit
    sources: dict[str, Located]


Check = Callable[[Context], Iterator[Problem]]
CHECKS: list[Check] = []


def check(func: Check) -> Check:
    """Register a check."""
    CHECKS.append(func)
    return func


def _located(ctx: Context, tool: Tool) -> Located | None:
    return ctx.sources.get(tool.origin)


def _problem(
    loc: Located | None, origin: str, key_path: KeyPath, r: Rule, message: str, line_offset: int = 0
) -> Problem:
    if loc is None:
        return Problem(origin, 1, 1, "", message, r.id, r.severity)
    if line_offset:
        line, col = loc.template_line(key_path, line_offset)
        from survivalkit.yamlread import format_key_path

        return Problem(loc.path, line, col, format_key_path(key_path), message, r.id, r.severity)
    return loc.problem(key_path, message, rule=r.id, severity=r.severity)


def _texts(value: object, key_path: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(value, str):
        yield key_path, value
    elif value is not None and hasattr(value, "fr"):
        yield (*key_path, "fr"), value.fr
        if getattr(value, "en", None):
            yield (*key_path, "en"), value.en


def tool_names(kit: Kit, tool: Tool) -> set[str]:
    """Names a tool's templates and expressions may use."""
    names = set(GLOBAL_NAMES)
    names |= {q.id for q in kit.info.profile}
    names |= {q.id for q in tool_questions(kit, tool)}
    return names


def _check_source(
    ctx: Context,
    tool: Tool,
    key_path: KeyPath,
    source: str,
    *,
    expression: bool,
    names: set[str],
    what: str,
) -> Iterator[Problem]:
    loc = _located(ctx, tool)
    try:
        refs = analyse(source, expression=expression)
    except TemplateSyntaxError as exc:
        yield _problem(loc, tool.origin, key_path, SK001, f"{what}: {exc.message}", exc.lineno or 1)
        return
    for name, lineno in refs.names.items():
        if name not in names:
            import difflib

            close = difflib.get_close_matches(name, sorted(names), n=1)
            hint = f"; did you mean `{close[0]}`?" if close else ""
            yield _problem(loc, tool.origin, key_path, SK002, f"{what}: unknown name `{name}`{hint}", lineno)
    for name, lineno in refs.facts.items():
        if name not in ctx.kit.info.facts:
            import difflib

            close = difflib.get_close_matches(name, sorted(ctx.kit.info.facts), n=1)
            hint = f"; did you mean `{close[0]}`?" if close else ""
            yield _problem(loc, tool.origin, key_path, SK003, f"{what}: unknown fact `{name}`{hint}", lineno)


@check
def check_references(ctx: Context) -> Iterator[Problem]:
    """Stages, uses, ids, and every template and expression of every tool."""
    kit = ctx.kit
    stages = set(kit.stage_ids())
    shared = kit.shared_by_id()
    reserved = {q.id for q in kit.info.profile} | {q.id for q in kit.info.situation}
    for tool in kit.tools.values():
        loc = _located(ctx, tool)
        for i, stage in enumerate(tool.stages):
            if stage not in stages:
                yield _problem(loc, tool.origin, ("stages", i), SK004,
                               f"unknown stage `{stage}`; known: {', '.join(sorted(stages))}")
        for i, used in enumerate(tool.uses):
            if used not in shared:
                yield _problem(loc, tool.origin, ("uses", i), SK005,
                               f"`{used}` is not a shared question; known: {', '.join(sorted(shared))}")
        seen: dict[str, int] = {}
        for i, q in enumerate(tool.questions):
            if q.id in seen:
                yield _problem(loc, tool.origin, ("questions", i, "id"), SK006,
                               f"question id `{q.id}` is already used by questions[{seen[q.id]}]")
            elif q.id in reserved or q.id in shared:
                yield _problem(loc, tool.origin, ("questions", i, "id"), SK006,
                               f"question id `{q.id}` is already a profile, situation or shared question")
            seen.setdefault(q.id, i)
        for field, items in (("documents", tool.documents), ("examples", tool.examples)):
            ids: set[str] = set()
            for i, item in enumerate(items):
                ident = getattr(item, "id", None) or getattr(item, "name", "")
                if ident in ids:
                    yield _problem(loc, tool.origin, (field, i), SK006, f"`{ident}` appears twice in {field}")
                ids.add(ident)
        yield from _tool_expressions(ctx, tool)


def _tool_expressions(ctx: Context, tool: Tool) -> Iterator[Problem]:
    names = tool_names(ctx.kit, tool)
    asked: set[str] = set(GLOBAL_NAMES) | {q.id for q in ctx.kit.info.profile}
    asked |= {q.id for q in tool_questions(ctx.kit, tool) if q.id in tool.uses}
    for i, q in enumerate(tool.questions):
        if q.when:
            yield from _check_source(ctx, tool, ("questions", i, "when"), q.when,
                                     expression=True, names=names, what=f"question `{q.id}` when")
        if q.default_expr:
            yield from _check_source(ctx, tool, ("questions", i, "default_expr"), q.default_expr,
                                     expression=True, names=names, what=f"question `{q.id}` default_expr")
        for j, r in enumerate(q.rules):
            yield from _check_source(ctx, tool, ("questions", i, "rules", j, "check"), r.check,
                                     expression=True, names=names, what=f"question `{q.id}` rule")
        asked.add(q.id)
    situation = set(GLOBAL_NAMES) | {q.id for q in ctx.kit.info.situation}
    for i, rel in enumerate(tool.relevance):
        yield from _check_source(ctx, tool, ("relevance", i, "when"), rel.when,
                                 expression=True, names=situation, what="relevance when")
    for i, doc in enumerate(tool.documents):
        yield from _check_source(ctx, tool, ("documents", i, "filename"), doc.filename,
                                 expression=False, names=names, what=f"document `{doc.id}` filename")
        for key_path, text in _texts(doc.template, ("documents", i, "template")):
            yield from _check_source(ctx, tool, key_path, text, expression=False, names=names,
                                     what=f"document `{doc.id}` template")


def _kit_questions(kit: Kit) -> Iterator[tuple[str, int, Question]]:
    for group in ("profile", "situation", "shared"):
        for i, q in enumerate(getattr(kit.info, group)):
            yield group, i, q


@check
def check_kit_ids(ctx: Context) -> Iterator[Problem]:
    """Ids in kit.yaml are unique across profile, situation and shared questions."""
    loc = next((s for s in ctx.sources.values() if s.path.endswith("kit.yaml")), None)
    seen: dict[str, str] = {}
    for group, i, q in _kit_questions(ctx.kit):
        if q.id in seen:
            yield _problem(loc, "kit.yaml", (group, i, "id"), SK006,
                           f"question id `{q.id}` is already used in {seen[q.id]}")
        seen.setdefault(q.id, group)


def lint(loaded: LoadedKit, today: dt.date | None = None) -> list[Problem]:
    """Every problem the checks find, in file order."""
    ctx = Context(loaded.kit, loaded.sources)
    problems: list[Problem] = []
    for func in CHECKS:
        problems.extend(func(ctx))
    return sorted(problems, key=lambda p: (p.path, p.line, p.col))
