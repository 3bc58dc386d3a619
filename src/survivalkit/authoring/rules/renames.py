"""Checks on a tool's ``renamed`` declaration (questions renamed since an earlier version): the new
id must be a question of the tool, and the old id must no longer be one."""

from __future__ import annotations

from collections.abc import Iterator

from survivalkit.authoring.rules.base import Context, check, did_you_mean, tool_problem
from survivalkit.authoring.rules.catalog import SK140, SK141
from survivalkit.errors import Msg, Problem
from survivalkit.kit.model import tool_questions


@check
def check_renamed(ctx: Context) -> Iterator[Problem]:
    """``renamed: {old: new}``: ``new`` a question the tool asks, ``old`` none it still asks."""
    profile = {q.id for q in ctx.kit.info.profile}
    for tool in ctx.tools():
        asked = {q.id for q in tool_questions(ctx.kit, tool)} | profile
        for old, new in tool.renamed.items():
            if new not in asked:
                yield tool_problem(ctx, tool, ("renamed", old), SK140,
                                   Msg("lint.renamed_unknown", old=old, new=new, hint=did_you_mean(new, asked)))
            elif old in asked:
                yield tool_problem(ctx, tool, ("renamed", old), SK141, Msg("lint.renamed_still", old=old, new=new))
