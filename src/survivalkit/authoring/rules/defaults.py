"""A question's fixed ``default`` is checked like an answer: type, choices, pattern, limits, and a
date's range against each example's date. It is read in French, the kits' source language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from survivalkit.authoring.rules.base import (
    Context,
    check,
    kit_questions,
    layers,
    tool_own_questions,
    tool_problem,
)
from survivalkit.authoring.rules.catalog import SK031
from survivalkit.errors import AnswerError, Msg, Problem
from survivalkit.kit.loader import KitLayer
from survivalkit.kit.model import Question
from survivalkit.text.typography import format_date_long

SOURCE_LANG = "fr"


def default_problem(q: Question, days: list[dt.date]) -> Msg | None:
    """Why ``q``'s fixed default would not be accepted as an answer, in French and English."""
    from survivalkit.engine.answers import cast_answer, check_answer

    if q.default is None:
        return None
    plain = q.model_copy(update={"rules": []})  # kit rules read other answers: the run checks them
    try:
        value = cast_answer(plain, q.default, SOURCE_LANG, days[0] if days else None)
    except AnswerError as exc:
        return _both(q, exc)
    if value is None:
        return None
    dated: list[dt.date | None] = [*days] or [None]
    for day in dated:
        context: dict[str, object] = {"doc_date": day} if day else {}
        try:
            check_answer(plain, value, context, SOURCE_LANG)
        except AnswerError as exc:
            return _both(q, exc, day)
    return None


def _both(q: Question, refusal: AnswerError, day: dt.date | None = None) -> Msg:
    french, english = refusal.say("fr"), refusal.say("en")
    fr = f"la valeur par défaut `{q.default}` de la question `{q.id}` ne serait pas acceptée comme réponse : {french}"
    en = f"the default `{q.default}` of question `{q.id}` would not be accepted as an answer: {english}"
    if day is not None:
        fr += f" (exemple daté du {format_date_long(day, 'fr')})"
        en += f" (example dated {format_date_long(day, 'en')})"
    return Msg.both(en, fr)


@check
def check_defaults(ctx: Context) -> Iterator[Problem]:
    """Each fixed default fits its question, on the date of each example."""
    for tool in ctx.tools():
        days = sorted({e.date for e in tool.examples if e.date is not None})
        for key_path, q in tool_own_questions(tool):
            message = default_problem(q, days)
            if message is not None:
                yield tool_problem(ctx, tool, (*key_path, "default"), SK031, message)
    for loc, info in layers(ctx, "kit.yaml", KitLayer):
        for key_path, q in kit_questions(info):
            message = default_problem(q, [])
            if message is not None:
                yield loc.problem((*key_path, "default"), message, rule=SK031.id,
                                  severity=SK031.severity)
