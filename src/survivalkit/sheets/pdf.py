"""PDF printing: lay the HTML out with WeasyPrint; measure how far each sheet runs past its page.

Sheets are never shrunk: their type stays at ``SHEET_PT`` (nothing printed is under ``MIN_PT``).
A sheet that does not fit one page is the kit's text to shorten, which ``sheet_overflow`` (and
``survivalkit sheets --check``) measures.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from survivalkit.kit.model import Kit, Tool
from survivalkit.output.formats import html_to_pdf, refuse_fetch
from survivalkit.sheets.pages import PAGE_MARGINS_CM, build_html
from survivalkit.sheets.selection import Layout

SHEET_PT = 9.5
"""The sheets' body type size, in points (set in ``css/sheet.css``)."""
MIN_PT = 8.0
"""The smallest type printed anywhere: sources, labels, page footers."""
CM_PX = 96 / 2.54
PAGE_ROOM_PX = (29.7 - PAGE_MARGINS_CM[0] - PAGE_MARGINS_CM[2]) * CM_PX
"""The height of an A4 page's content area (CSS pixels), matching ``pages.page_css``."""
MEASURE_CSS = "@page { size: 21cm 400cm; }"
"""A page so tall that no sheet breaks: a sheet's height is then where it ends."""


@dataclass(frozen=True)
class PdfResult:
    """A printed PDF with what the command reports about it."""

    data: bytes
    pages: int
    overflowing: list[str] = field(default_factory=list)
    """Ids of the tools whose sheet takes more than one page."""


def _weasyprint_html() -> Any:
    """WeasyPrint's ``HTML`` class; if it cannot load, ``html_to_pdf`` raises the helpful error."""
    try:
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        logging.getLogger("fontTools").setLevel(logging.ERROR)
        from weasyprint import HTML
    except (ImportError, OSError):
        html_to_pdf("")  # raises MissingExtraError with the install hint
        raise
    return HTML


def _anchors(document: Any) -> dict[str, tuple[int, float]]:
    """Where each anchor lands: page index and height on the page (CSS pixels)."""
    where: dict[str, tuple[int, float]] = {}
    for index, page in enumerate(document.pages):
        for name, box in page.anchors.items():  # (x, y, ...) in CSS pixels
            where.setdefault(name, (index, float(box[1])))
    return where


def print_pdf(page: str, tool_ids: Sequence[str]) -> PdfResult:
    """Lay ``page`` out once and print it; names the sheets that spill over their page."""
    document = _weasyprint_html()(string=page, url_fetcher=refuse_fetch).render()
    where = _anchors(document)
    over = [tid for tid in tool_ids
            if (start := where.get(f"tool-{tid}")) is not None
            and (end := where.get(f"end-{tid}")) is not None and start[0] != end[0]]
    return PdfResult(bytes(document.write_pdf()), len(document.pages), over)


def sheet_overflow(kit: Kit, tools: Sequence[Tool], lang: str) -> dict[str, float]:
    """How far each printed sheet runs past its one page, in centimetres (0 when it fits).

    One layout on pages too tall to break: each sheet's height is exact, whatever the blocks
    that a real page would push whole onto the next one.
    """
    page = build_html(kit, tools, layout=Layout.SHEETS, lang=lang, day=dt.date(2000, 1, 1),
                      paper=True, extra_css=MEASURE_CSS)
    document = _weasyprint_html()(string=page, url_fetcher=refuse_fetch).render()
    where = _anchors(document)
    result: dict[str, float] = {}
    for tool in tools:
        start, end = where[f"tool-{tool.id}"], where[f"end-{tool.id}"]
        height = end[1] - start[1]
        result[tool.id] = max(0.0, (height - PAGE_ROOM_PX) / CM_PX)
    return result


def build_pdf(
    kit: Kit,
    tools: Sequence[Tool],
    *,
    layout: Layout,
    lang: str,
    day: dt.date,
    stage: str | None = None,
) -> PdfResult:
    """Sheets, a booklet or forms as PDF, laid out for paper."""
    page = build_html(kit, tools, layout=layout, lang=lang, day=day, stage=stage, paper=True)
    ids = [] if layout is Layout.FORMS else [tool.id for tool in tools]
    return print_pdf(page, ids)
