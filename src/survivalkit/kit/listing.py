"""Listing and searching the kit's tools (plain data for tables and JSON)."""

from __future__ import annotations

from typing import Any

from survivalkit.kit.model import DataCard, Kit, ToolCard
from survivalkit.text.localized import fold, tr


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


OTHERS_SHOWN = 5
"""Other tools named per datum by ``show`` (a large kit has thousands that fill the same datum:
the rest are counted)."""


def data_lines(kit: Kit, tool_id: str, lang: str) -> list[str]:
    """What ``show`` says of the project data a tool fills and reads: each datum's meaning, and
    the other tools that fill it too (from the data cards: no other tool is read whole), the first
    ``OTHERS_SHOWN`` by name and how many more."""
    cards = kit.data_cards()
    mine = next((c for c in cards if c.id == tool_id), None)
    if mine is None:
        return []
    from survivalkit.i18n import t
    from survivalkit.text.typography import format_number

    wanted = mine.project_data(kit)
    if not wanted:
        return []
    others: dict[str, list[DataCard]] = {name: [] for name in wanted}
    for card in cards:
        if card.id != tool_id:
            for name in card.project_data(kit):
                if name in others:
                    others[name].append(card)
    lines = []
    for name in wanted:
        datum = kit.info.project.get(name)
        meaning = tr(datum.meaning, lang) if datum is not None else name
        found = others[name]
        names = ", ".join(tr(c.title, lang) for c in found[:OTHERS_SHOWN])
        if len(found) > OTHERS_SHOWN:
            lines.append(t("show.datum_others_more", lang, meaning=meaning, tools=names,
                           more=format_number(len(found) - OTHERS_SHOWN, lang)))
        elif found:
            lines.append(t("show.datum_others", lang, meaning=meaning, tools=names))
        else:
            lines.append(meaning)
    return lines
