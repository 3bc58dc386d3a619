"""Checks on the project's data: each datum a question fills is declared, with the question's type;
a question that asks what a declared datum is but fills none."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from survivalkit.authoring.rules.base import Context, check, did_you_mean, tool_own_questions, tool_problem
from survivalkit.authoring.rules.catalog import SK015, SK118
from survivalkit.errors import Msg, Problem
from survivalkit.kit.base import Text
from survivalkit.kit.loader import ToolOutline, outlines
from survivalkit.text.localized import tr


@check
def check_data(ctx: Context) -> Iterator[Problem]:
    """A ``datum`` that ``kit.yaml`` does not declare, or of another type than the question's."""
    declared = ctx.kit.info.project
    for tool in ctx.tools():
        for key_path, q in tool_own_questions(tool):
            if q.datum is None:
                continue
            datum = declared.get(q.datum)
            if datum is None:
                yield tool_problem(ctx, tool, (*key_path, "datum"), SK015,
                                   Msg("lint.datum_unknown", id=q.id, datum=q.datum,
                                       hint=did_you_mean(q.datum, declared)))
            elif datum.type != q.type:
                yield tool_problem(ctx, tool, (*key_path, "datum"), SK015,
                                   Msg("lint.datum_type", id=q.id, datum=q.datum, type=q.type.value,
                                       expected=datum.type.value))


Fills = dict[str, tuple[str, str]]
"""A question's label (folded) → the first tool (in id order) whose question of that label fills
a datum, and that datum."""


def data_fills(outlines: Mapping[str, ToolOutline]) -> Fills:
    """The labels of the questions that fill a datum, across the kit's tools (their outlines,
    in id order)."""
    fills: Fills = {}
    for tool_id, outline in outlines.items():
        for _, label, datum in outline.questions:
            if datum is not None:
                fills.setdefault(_label(label), (tool_id, datum))
    return fills


def outside_inputs(outline: ToolOutline, declared: Mapping[str, object], fills: Fills) -> str:
    """What the checks of a tool read of the other tools (part of its lint cache key): for
    each question that fills no datum, the tool and datum its label is filled by elsewhere."""
    labels = [_label(label) for qid, label, datum in outline.questions
              if datum is None and qid not in declared]
    return "|".join(f"{label}={fills.get(label)}" for label in labels)


@check
def check_duplicated_data(ctx: Context) -> Iterator[Problem]:
    """A question that fills no datum but asks what a declared datum is: it has the datum's name
    as its id, or the very label of a question that fills it (the same thing asked twice)."""
    declared = ctx.kit.info.project
    fills = ctx.fills if ctx.fills is not None else data_fills(outlines(ctx.kit))
    for tool in ctx.tools():
        for key_path, q in tool_own_questions(tool):
            if q.datum is not None:
                continue
            if q.id in declared:
                yield tool_problem(ctx, tool, key_path, SK118, Msg("lint.datum_named", id=q.id))
                continue
            other = fills.get(_label(q.label))
            if other is not None and other[0] != tool.id:
                yield tool_problem(ctx, tool, key_path, SK118,
                                   Msg("lint.datum_twice", id=q.id, tool=other[0], datum=other[1]))


def _label(label: Text) -> str:
    """A question's label as the kit's checks compare it (French, case and spaces folded)."""
    return _folded(tr(label, "fr"))


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())
