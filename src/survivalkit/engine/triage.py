"""From the agent's situation to recommended tools, ranked, each with its reasons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from survivalkit.errors import Msg, TemplateError
from survivalkit.kit.model import Kit, ToolCard
from survivalkit.sandbox.expressions import ExpressionError, base_context, evaluate_condition
from survivalkit.text.localized import tr


@dataclass(frozen=True)
class Recommendation:
    """A tool whose relevance rules hold, with the reasons they give."""

    tool: ToolCard
    score: int
    reasons: list[str]


def situation_context(
    kit: Kit, situation: Mapping[str, Any], *, day: dt.date, lang: str
) -> dict[str, Any]:
    """Names relevance rules can use: every situation question (None when unanswered)."""
    ctx = base_context(kit, day, lang)
    for q in kit.info.situation:
        ctx[q.id] = situation.get(q.id)
    if ctx.get("besoins") is None:
        ctx["besoins"] = []
    for q in kit.info.situation:
        if q.type.value == "multichoice" and ctx.get(q.id) is None:
            ctx[q.id] = []
    return ctx


def recommend(
    kit: Kit, situation: Mapping[str, Any], *, day: dt.date, lang: str
) -> list[Recommendation]:
    """Tools whose relevance rules hold, best first: by total weight, then stage order, then id."""
    ctx = situation_context(kit, situation, day=day, lang=lang)
    stage_rank = {sid: i for i, sid in enumerate(kit.stage_ids())}
    found: list[Recommendation] = []
    for tool in kit.cards():
        reasons: list[str] = []
        score = 0
        for rule in tool.relevance:
            try:
                holds = evaluate_condition(rule.when, ctx)
            except ExpressionError as exc:
                origin = kit.tools[tool.id].origin
                raise TemplateError(Msg("kit.relevance_failed", origin=origin, when=rule.when,
                                        reason=Msg.both(exc.explain("en"), exc.explain("fr")))) from None
            if holds:
                score += rule.weight
                reasons.append(tr(rule.why, lang))
        if reasons:
            found.append(Recommendation(tool, score, reasons))
    current = situation.get("etape")

    def key(rec: Recommendation) -> tuple[int, int, int, str]:
        at_stage = 0 if current in rec.tool.stages else 1
        first_stage = min((stage_rank.get(s, 99) for s in rec.tool.stages), default=99)
        return (-rec.score, at_stage, first_stage, rec.tool.id)

    return sorted(found, key=key)
