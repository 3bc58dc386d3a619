"""Which tools a printout holds, in which order and sections, and the file it is written to."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from survivalkit.errors import UsageError
from survivalkit.i18n import t
from survivalkit.kit.model import Kit, Tool

SHEET_FORMATS = ("pdf", "html", "md")


class Layout(StrEnum):
    """What is printed: loose sheets, the whole booklet, paper forms, or the workshop pack."""

    SHEETS = "sheets"
    BOOKLET = "booklet"
    FORMS = "forms"
    PACK = "pack"
    """The booklet, then every tool's form: what a workshop hands out (PDF only)."""


def select_tools(
    kit: Kit, tools: Sequence[Tool] | None, stage: str | None, lang: str
) -> list[Tool]:
    """The tools to print: those given (or all), kept to ``stage``; refuses an empty result."""
    if stage is not None and stage not in kit.stage_ids():
        raise UsageError(t("stage.unknown", lang, stage=stage, known=", ".join(kit.stage_ids())))
    chosen = list(tools) if tools else list(kit.tools.values())
    chosen = list({tool.id: tool for tool in chosen}.values())
    if stage is not None:
        chosen = [tool for tool in chosen if stage in tool.stages]
    if not chosen:
        raise UsageError(t("sheets.none", lang))
    return chosen


def home_stage(kit: Kit, tool: Tool, stage: str | None = None) -> str:
    """The stage section a tool is printed in: ``stage`` when asked, else its earliest stage."""
    if stage is not None and stage in tool.stages:
        return stage
    order = kit.stage_ids()
    known = [s for s in tool.stages if s in order]
    return min(known, key=order.index) if known else tool.stages[0]


def by_stage(
    kit: Kit, tools: Sequence[Tool], stage: str | None = None
) -> list[tuple[str, list[Tool]]]:
    """Tools grouped by the section they are printed in, sections in journey order."""
    order = kit.stage_ids()
    groups: dict[str, list[Tool]] = {}
    for tool in tools:
        groups.setdefault(home_stage(kit, tool, stage), []).append(tool)
    ranked = sorted(groups, key=lambda s: order.index(s) if s in order else len(order))
    return [(s, groups[s]) for s in ranked]


def booklet_order(kit: Kit, tools: Sequence[Tool], stage: str | None = None) -> list[Tool]:
    """The tools in the order the booklet prints them."""
    return [tool for _, group in by_stage(kit, tools, stage) for tool in group]


def default_filename(tools: Sequence[Tool], layout: Layout, fmt: str, lang: str) -> str:
    """A sensible file name when ``-o`` is not given."""
    if len(tools) == 1:
        suffix = f"-{t('sheets.file.form', lang)}" if layout is Layout.FORMS else ""
        return f"{tools[0].id}{suffix}.{fmt}"
    key = {"forms": "sheets.file.forms", "booklet": "sheets.file.booklet",
           "pack": "sheets.file.pack"}.get(
        layout.value, "sheets.file.sheets"
    )
    return f"{t(key, lang)}.{fmt}"
