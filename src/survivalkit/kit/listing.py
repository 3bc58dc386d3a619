"""Listing and searching the kit's tools (plain data for tables and JSON)."""

from __future__ import annotations

from typing import Any

from survivalkit.kit.model import Kit, ToolCard, tr
from survivalkit.text.localized import fold


def filter_tools(kit: Kit, *, stage: str | None, search: str | None, lang: str) -> list[ToolCard]:
    """Tools at ``stage`` whose id, title or summary (either language) contain ``search``.

    Read from the kit's cards (a small index), not from the tools themselves."""
    tools = kit.cards()
    if stage:
        tools = [tool for tool in tools if stage in tool.stages]
    if search:
        needle = fold(search)
        tools = [
            tool
            for tool in tools
            if needle in fold(" ".join([
                tool.id,
                tr(tool.title, "fr"), tr(tool.title, "en"),
                tr(tool.summary, "fr"), tr(tool.summary, "en"),
            ]))
        ]
    return tools


def tool_summary(kit: Kit, tool: ToolCard, lang: str) -> dict[str, Any]:
    """One row of ``list``: id, title, stages and the first sentence of the summary."""
    stages = {s.id: tr(s.title, lang) for s in kit.info.stages}
    summary = tr(tool.summary, lang).strip()
    first = summary.split(". ")[0].rstrip(".") + "."
    return {
        "id": tool.id,
        "title": tr(tool.title, lang),
        "stages": list(tool.stages),
        "stage_titles": [stages.get(s, s) for s in tool.stages],
        "summary": first,
        "reviewed": tool.reviewed.isoformat(),
        "data": tool.project_data(kit),
    }


def data_lines(kit: Kit, tool_id: str, lang: str) -> list[str]:
    """What ``show`` says of the project data a tool fills and reads: each datum's meaning, and
    the other tools that fill it too (from the cards: no other tool is read whole)."""
    cards = kit.cards()
    mine = next((c for c in cards if c.id == tool_id), None)
    if mine is None:
        return []
    from survivalkit.i18n import t

    lines = []
    for name in mine.project_data(kit):
        datum = kit.info.project.get(name)
        meaning = tr(datum.meaning, lang) if datum is not None else name
        others = [tr(c.title, lang) for c in cards if c.id != tool_id and name in c.project_data(kit)]
        lines.append(t("show.datum_others", lang, meaning=meaning, tools=", ".join(others))
                     if others else meaning)
    return lines
