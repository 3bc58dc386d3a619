"""Lint rules beyond the schema, one module per subject; ``lint`` runs them all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from survivalkit.authoring.lint_cache import KIT_LEVEL, LintCache, cwd_key, kit_key, tool_key
from survivalkit.authoring.rules import (
    conditions,
    content,
    data,
    defaults,
    examples,
    layers,
    references,
    renames,
    rendered,
    texts,
)
from survivalkit.authoring.rules.base import CHECKS, RULES, Context, Rule
from survivalkit.authoring.rules.catalog import LOWERCASE_FILTER, SK008
from survivalkit.authoring.template_analysis import forget_parsed
from survivalkit.errors import Problem
from survivalkit.kit.loader import LoadedKit, ReadAgain, outlines, read_sources
from survivalkit.kit.model import now

__all__ = ["LOWERCASE_FILTER", "MODULES", "RULES", "Rule", "lint"]

MODULES = (references, examples, texts, conditions, content, data, renames, defaults, layers, rendered)
"""The modules whose checks ``lint`` runs (importing them registers the checks)."""

_TEMPLATE_RULES = {"SK001", "SK002", "SK003", "SK010", "SK012", "SK031"}
"""Rules whose mistake also stops the examples (SK031: a default that does not fit stops the run)."""


def _drop_echoes(problems: list[Problem]) -> list[Problem]:
    """An example cannot render a template already reported broken: keep the first report."""
    broken = {p.path for p in problems if p.rule in _TEMPLATE_RULES}
    return [p for p in problems if not (p.rule == SK008.id and p.path in broken)]


def lint(
    loaded: LoadedKit, today: dt.date | None = None, cache: LintCache | None = None
) -> list[Problem]:
    """Every problem the checks find, in file order.

    With a ``cache``, a tool whose key (its file, the kit's files, survivalkit's code, the date)
    is known is not checked again: its problems are read back.
    """
    day = today or now()
    if cache is None:
        problems = _check_in_chunks(loaded, day, list(loaded.kit.tools), kit_level=True)
        return sorted(problems, key=_order)
    return sorted(_cached_lint(loaded, day, cache), key=_order)


CHUNK = 100
"""Tools checked at once: their positions and parsed templates are let go before the next ones,
so that checking a kit of thousands of tools takes the memory of a hundred (the checks' results
do not depend on which tools are checked together: incremental ``validate`` relies on it too)."""


def _check_in_chunks(loaded: LoadedKit, day: dt.date, todo: list[str], *, kit_level: bool,
                     done: Callable[[list[str], list[Problem]], None] | None = None,
                     fills: data.Fills | None = None) -> list[Problem]:
    """The problems of the tools ``todo`` (and of the kit's own files with ``kit_level``), found
    ``CHUNK`` tools at a time; positions read here are dropped after each chunk. ``done`` is
    told each chunk's tools and problems as soon as they are known (so that they are kept even
    if the command is stopped before the end)."""
    kit = loaded.kit
    ids = sorted(todo)
    if fills is None:
        fills = data.data_fills(outlines(kit))
    problems: list[Problem] = []
    first = True
    while first or ids:
        chunk, ids = ids[:CHUNK], ids[CHUNK:]
        before = set(loaded.sources)
        if isinstance(kit.tools, ReadAgain):  # validate: the chunk's tools, with their positions
            kit.tools.hold(chunk)
        # Tools and kit files that came from the kit cache have no positions: read them now,
        # so that the problems found point at their lines.
        read_sources(loaded, [kit.tools[tid].origin for tid in chunk], kit_files=kit_level and first)
        ctx = Context(kit, loaded.sources, day, only=set(chunk), kit_level=kit_level and first,
                      fills=fills)
        found = _drop_echoes([p for func in CHECKS for p in func(ctx)])
        if done is not None:
            done(chunk, found)
        problems += found
        if ids:  # more to come: let this chunk's positions and parsed templates go
            for origin in set(loaded.sources) - before:
                loaded.sources.pop(origin, None)
            forget_parsed()
        first = False
    return problems


def _order(p: Problem) -> tuple[str, int, int, str]:
    return (p.path, p.line, p.col, p.rule)


def _cached_lint(loaded: LoadedKit, day: dt.date, cache: LintCache) -> list[Problem]:
    """Check only the tools whose key is new (and the kit's own files when theirs is): the
    work is in proportion to what changed. A tool's key holds its file, the kit's files and
    what its checks read of other tools (not the other tools' ids): a tool added, removed or
    changed is checked alone, with the tools whose checks read what it changed."""
    kit = loaded.kit
    tools = outlines(kit)  # not the tools themselves: validate reads them when it checks them
    roots = [Path(r) for r in kit.roots]
    base = kit_key(roots, (), day)
    fills = data.data_fills(tools)
    declared = kit.info.project
    keys = {tid: tool_key(base, outline.origin, data.outside_inputs(outline, declared, fills))
            for tid, outline in tools.items()}
    known = {tid: cache.get(keys[tid], outline.origin) for tid, outline in tools.items()}
    kit_key_here = f"{KIT_LEVEL}:{kit_key(roots, tools, day)}:{cwd_key()}"
    kit_level = cache.get(kit_key_here)
    todo = {tid for tid, found in known.items() if found is None}
    problems: list[Problem] = [p for found in known.values() if found for p in found]
    if todo or kit_level is None:
        origins = {tools[tid].origin: tid for tid in todo}
        by_tool: dict[str, list[Problem]] = {tid: [] for tid in todo}
        rest: list[Problem] = []

        stored: set[str] = set()

        def store(chunk: list[str], found: list[Problem]) -> None:
            """Keep each tool's problems as soon as its chunk is checked."""
            again: set[str] = set()
            for p in found:
                tid = origins.get(p.path)
                if tid is None:
                    rest.append(p)
                    continue
                by_tool[tid].append(p)
                if tid in stored:  # a later chunk said more of an earlier tool: kept too
                    again.add(tid)
            for tid in [*chunk, *sorted(again)]:
                cache.put(keys[tid], by_tool[tid], tools[tid].origin)
                stored.add(tid)

        problems += _check_in_chunks(loaded, day, list(todo), kit_level=kit_level is None,
                                     done=store, fills=fills)
        if kit_level is None:
            cache.put(kit_key_here, rest)
    if kit_level:
        problems += kit_level
    cache.save()
    return problems
