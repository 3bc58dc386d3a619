"""Checks on names: stages, shared questions, ids, names and facts in templates, filters, order."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from jinja2 import TemplateSyntaxError, nodes

from survivalkit.authoring.rules.base import (
    Context,
    KitCode,
    analyse,
    check,
    did_you_mean,
    kit_questions,
    layers,
    problem_at,
    question_sources,
    relevance_source,
    tool_names,
    tool_own_questions,
    tool_problem,
    tool_sources,
)
from survivalkit.authoring.rules.catalog import (
    LOWERCASE_FILTER,
    SK001,
    SK002,
    SK003,
    SK004,
    SK005,
    SK006,
    SK011,
    SK012,
    SK013,
    SK101,
)
from survivalkit.errors import Msg, Problem
from survivalkit.kit.loader import KitLayer
from survivalkit.kit.model import Tool, tool_questions
from survivalkit.kit.yamlread import Located
from survivalkit.sandbox.expressions import GLOBAL_NAMES, References, environment


def check_source(ctx: Context, tool: Tool, source: KitCode, names: set[str]) -> Iterator[Problem]:
    """Syntax, names and facts of one template or expression of ``tool``."""
    try:
        refs = analyse(source.text, expression=source.expression)
    except TemplateSyntaxError as exc:
        if not _UNKNOWN_FILTER.match(exc.message or ""):
            yield tool_problem(ctx, tool, source.key_path, SK001,
                               Msg("lint.syntax", what=source.what, reason=jinja_reason(exc)),
                               exc.lineno or 1)
            return
        # An unknown filter: SK012 names it, with what to write; the names are still checked.
        fallback = _loaded_names(source)
        if fallback is None:
            return
        refs = fallback
    shared = {q.id for q in ctx.kit.info.shared}
    for name, lineno in refs.names.items():
        if name in names:
            continue
        if name in shared:
            yield tool_problem(ctx, tool, source.key_path, SK002,
                               Msg("lint.shared_not_used", what=source.what, name=name,
                                   uses=", ".join([*tool.uses, name])), lineno)
            continue
        yield tool_problem(ctx, tool, source.key_path, SK002,
                           Msg("lint.unknown_name", what=source.what, name=name,
                               hint=did_you_mean(name, names)), lineno)
    facts = ctx.kit.info.facts
    for name, lineno in refs.facts.items():
        if name not in facts:
            yield tool_problem(ctx, tool, source.key_path, SK003,
                               Msg("lint.unknown_fact", what=source.what, name=name,
                                   hint=did_you_mean(name, facts)), lineno)


def _loaded_names(source: KitCode) -> References | None:
    """The names a template reads, from its syntax tree alone (it does not compile)."""
    ast = _parsed(source.text, source.expression)
    if ast is None:
        return None
    stored = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    names: dict[str, int] = {}
    for node in ast.find_all(nodes.Name):
        if node.ctx == "load" and node.name not in stored:
            names.setdefault(node.name, node.lineno)
    return References(names, {})


_UNKNOWN_FILTER = re.compile(r"No (?:filter|test) named ")
CASE_FILTERS = frozenset({"capitalize", "title"})
"""Filters that lower the rest of the text (« la Cantine » → « La cantine »): never suggested."""


def filter_hint(name: str, known: Iterable[str]) -> str | Msg:
    """``; did you mean `x`?``, or for a casing filter, what keeps proper names instead."""
    close = difflib.get_close_matches(name, sorted(known), n=1)
    if (close and close[0] in CASE_FILTERS) or name in CASE_FILTERS:
        return Msg("lint.casing_filter", filter=LOWERCASE_FILTER)
    return did_you_mean(name, known)


def jinja_reason(exc: TemplateSyntaxError) -> str | Msg:
    """A Jinja syntax error in plain words, with what to write instead."""
    from survivalkit.kit.plain_words import template_reason

    return template_reason(exc.message or "")


# --- SK001-SK006: references ---------------------------------------------------------------


@check
def check_references(ctx: Context) -> Iterator[Problem]:
    """Stages, uses, ids, and every template and expression of every tool."""
    kit = ctx.kit
    stages = set(kit.stage_ids())
    shared = kit.shared_by_id()
    reserved = {q.id for q in kit.info.profile} | {q.id for q in kit.info.situation}
    for tool in ctx.tools():
        for i, stage in enumerate(tool.stages):
            if stage not in stages:
                yield tool_problem(ctx, tool, ("stages", i), SK004,
                                   Msg("lint.unknown_stage", name=stage,
                                       known=", ".join(sorted(stages))))
        for i, used in enumerate(tool.uses):
            if used not in shared:
                yield tool_problem(ctx, tool, ("uses", i), SK005,
                                   Msg("lint.unknown_shared", name=used,
                                       known=", ".join(sorted(shared))))
        seen: dict[str, int] = {}
        for i, q in enumerate(tool.questions):
            if q.id in seen:
                yield tool_problem(ctx, tool, ("questions", i, "id"), SK006,
                                   Msg("lint.dup_question", id=q.id, other=seen[q.id]))
            elif q.id in reserved or q.id in shared:
                yield tool_problem(ctx, tool, ("questions", i, "id"), SK006,
                                   Msg("lint.dup_kit_question", id=q.id))
            seen.setdefault(q.id, i)
        for name, items in (("documents", tool.documents), ("examples", tool.examples)):
            ids: set[str] = set()
            for i, item in enumerate(items):
                ident = str(getattr(item, "id", None) or getattr(item, "name", ""))
                if ident in ids:
                    yield tool_problem(ctx, tool, (name, i), SK006,
                                       Msg("lint.dup_item", id=ident, group=name))
                ids.add(ident)
        yield from _tool_expressions(ctx, tool)


def _tool_expressions(ctx: Context, tool: Tool) -> Iterator[Problem]:
    names = tool_names(ctx.kit, tool)
    for source in tool_sources(tool):
        yield from check_source(ctx, tool, source, names)
    situation = set(GLOBAL_NAMES) | {q.id for q in ctx.kit.info.situation}
    for i, rel in enumerate(tool.relevance):
        yield from check_source(ctx, tool, relevance_source(i, rel.when), situation)


@check
def check_kit_ids(ctx: Context) -> Iterator[Problem]:
    """Ids in kit.yaml are unique across profile, situation and shared questions."""
    if not ctx.kit_level:
        return
    loc = next((s for s in ctx.sources.values() if Path(s.path).name == "kit.yaml"), None)
    seen: dict[str, str] = {}
    for key_path, q in kit_questions(ctx.kit.info):
        if q.id in seen:
            yield problem_at(loc, "kit.yaml", (*key_path, "id"), SK006,
                             Msg("lint.dup_kit_id", id=q.id, group=seen[q.id]))
        seen.setdefault(q.id, str(key_path[0]))


@check
def check_tool_id(ctx: Context) -> Iterator[Problem]:
    """An ``id:`` written in a tool file must be its file name (which is what counts)."""
    for tool in ctx.tools():
        loc = ctx.sources.get(tool.origin)
        written = loc.data.get("id") if loc is not None and isinstance(loc.data, dict) else None
        if written is not None and str(written) != tool.id:
            yield tool_problem(ctx, tool, ("id",), SK013,
                               Msg("lint.id_mismatch", written=str(written), id=tool.id,
                                   file=Path(tool.origin).name))


# --- SK011: a condition or default that uses a question asked later -----------------------


def _order_problems(
    ctx: Context, loc: Located | None, origin: str, asked: list[str], sources: list[tuple[int, KitCode]]
) -> Iterator[Problem]:
    """Names in a question's ``when``/``default_expr`` that are asked at or after it."""
    position = {qid: i for i, qid in enumerate(asked)}
    for index, source in sources:
        if source.key_path[-1] not in ("when", "default_expr"):
            continue
        try:
            refs = analyse(source.text, expression=True)
        except TemplateSyntaxError:
            continue
        for name, lineno in refs.names.items():
            at = position.get(name)
            if at is not None and at >= index:
                message = (Msg("lint.uses_itself", what=source.what, name=name) if at == index
                           else Msg("lint.uses_later", what=source.what, name=name))
                yield problem_at(loc, origin, source.key_path, SK011, message, lineno)


@check
def check_question_order(ctx: Context) -> Iterator[Problem]:
    """A ``when`` or computed default can only use answers already given."""
    profile = [q.id for q in ctx.kit.info.profile]
    for tool in ctx.tools():
        asked = [*profile, *(q.id for q in tool_questions(ctx.kit, tool))]
        offset = len(asked) - len(tool.questions)
        sources = [
            (offset + i, source)
            for i, (key_path, q) in enumerate(tool_own_questions(tool))
            for source in question_sources(q, key_path)
        ]
        yield from _order_problems(ctx, ctx.sources.get(tool.origin), tool.origin, asked, sources)
    for loc, info in layers(ctx, "kit.yaml", KitLayer):
        for group in ("profile", "situation"):  # shared ones follow each tool's `uses` order
            merged = [q.id for q in getattr(ctx.kit.info, group)]
            sources = [
                (merged.index(q.id) if q.id in merged else 0, source)
                for key_path, q in kit_questions(info) if key_path[0] == group
                for source in question_sources(q, key_path)
            ]
            yield from _order_problems(ctx, loc, loc.path, merged, sources)


# --- SK012: filters and tests --------------------------------------------------------------


def _parsed(text: str, expression: bool) -> nodes.Template | None:
    from survivalkit.authoring.template_analysis import parsed

    try:
        return parsed(text, expression=expression)
    except TemplateSyntaxError:
        return None


def unknown_filters(text: str, *, expression: bool) -> Iterator[tuple[str, str, int]]:
    """``("filter"|"test", name, line)`` for each filter or test the kit's environment lacks."""
    ast = _parsed(text, expression)
    if ast is None:
        return
    env = environment()
    for node in ast.find_all(nodes.Filter):
        if node.name not in env.filters:
            yield "filter", node.name, node.lineno
    for test in ast.find_all(nodes.Test):
        if test.name not in env.tests:
            yield "test", test.name, test.lineno


def all_sources(ctx: Context) -> Iterator[tuple[Located | None, str, KitCode]]:
    """Every template and expression of the kit: tools (relevance included) and kit.yaml layers."""
    for tool in ctx.tools():
        loc = ctx.sources.get(tool.origin)
        for source in tool_sources(tool):
            yield loc, tool.origin, source
        for i, rel in enumerate(tool.relevance):
            yield loc, tool.origin, relevance_source(i, rel.when)
    for loc, info in layers(ctx, "kit.yaml", KitLayer):
        for key_path, q in kit_questions(info):
            for source in question_sources(q, key_path):
                yield loc, loc.path, source


@check
def check_filters(ctx: Context) -> Iterator[Problem]:
    """Filters and tests are checked in every branch, not only those an example takes."""
    env = environment()
    for loc, origin, source in all_sources(ctx):
        for kind, name, lineno in unknown_filters(source.text, expression=source.expression):
            known = env.filters if kind == "filter" else env.tests
            hint = filter_hint(name, known) if kind == "filter" else did_you_mean(name, known)
            yield problem_at(loc, origin, source.key_path, SK012,
                             Msg(f"lint.unknown_{kind}", what=source.what, name=name, hint=hint),
                             lineno)


# --- SK101: unused questions ---------------------------------------------------------------


def used_names(tool: Tool) -> set[str]:
    """Every name a tool's templates and expressions use."""
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
    for tool in ctx.tools():
        used = used_names(tool)
        for key_path, q in tool_own_questions(tool):
            if q.id not in used:
                yield tool_problem(ctx, tool, (*key_path, "id"), SK101,
                                   Msg("lint.unused", id=q.id))
        for i, shared in enumerate(tool.uses):
            if shared not in used:
                yield tool_problem(ctx, tool, ("uses", i), SK101,
                                   Msg("lint.unused_shared", id=shared))
