"""PDF printing: lay the HTML out with WeasyPrint, shrinking each sheet that spills over its page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from survivalkit.kit.model import Kit, Tool
from survivalkit.output.formats import html_to_pdf, refuse_fetch
from survivalkit.sheets.pages import build_html
from survivalkit.sheets.selection import Layout

SHEET_PT = 9.5
"""The sheets' type size, in points."""
MIN_SHEET_PT = 7.5
"""The smallest type a sheet is shrunk to so that it stays on one page."""
MAX_RENDERS = 4
"""How many times a PDF may be laid out while fitting its sheets."""
PAGE_TOP_PX = 1.5 / 2.54 * 96
PAGE_BOTTOM_PX = (29.7 - 1.7) / 2.54 * 96
"""Where the page's content area starts and ends (CSS pixels), matching ``pages.page_css``."""
KEY_DAY = dt.date(2000, 1, 1)
"""The date the remembered sheet sizes are filed under, whatever the printing date."""


@dataclass(frozen=True)
class PdfResult:
    """A printed PDF with what the command reports about it."""

    data: bytes
    pages: int
    overflowing: list[str] = field(default_factory=list)
    """Ids of the tools whose sheet still takes more than one page."""


def _weasyprint_html() -> Any:
    """WeasyPrint's ``HTML`` class; if it cannot load, ``html_to_pdf`` raises the helpful error."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError):
        html_to_pdf("")  # raises MissingExtraError with the install hint
        raise
    return HTML


def fit_and_print(
    build: Callable[[dict[str, float]], str], tool_ids: Sequence[str], *, key_page: str | None = None
) -> PdfResult:
    """Print to PDF, shrinking the type of each sheet that spills over its page.

    ``build`` makes the page from type sizes by tool id. After each layout, every sheet whose
    end lands on a later page than its start gets a smaller size, estimated from how far it
    overflowed (height grows about as the square of the type size), never below
    ``MIN_SHEET_PT``. The sizes found are remembered under ``key_page`` (default: the page at
    full size), so the next print of the same sheets usually takes a single layout.
    """
    import hashlib

    from survivalkit.kit.cache import load_fit, save_fit

    weasy_html = _weasyprint_html()
    # The sizes that fitted last time this very page was printed save a whole layout pass;
    # the loop below still checks them.
    key = hashlib.sha256((key_page or build({})).encode("utf-8")).hexdigest()
    fit: dict[str, float] = load_fit(key)
    for attempt in range(MAX_RENDERS):
        document = weasy_html(string=build(fit), url_fetcher=refuse_fetch).render()
        where: dict[str, tuple[int, float]] = {}
        for index, page in enumerate(document.pages):
            for name, box in page.anchors.items():  # (x, y, ...) in CSS pixels
                where.setdefault(name, (index, float(box[1])))
        over = [tid for tid in tool_ids if _overflow(where, tid) is not None]
        todo = [tid for tid in over if fit.get(tid, SHEET_PT) > MIN_SHEET_PT]
        if not todo or attempt == MAX_RENDERS - 1:
            break
        for tid in todo:
            ratio = _overflow(where, tid) or 1.0
            size = fit.get(tid, SHEET_PT) * min(ratio**0.5 * 0.98, 0.97)
            fit[tid] = max(MIN_SHEET_PT, round(size, 2))
    if fit:
        save_fit(key, fit)
    return PdfResult(bytes(document.write_pdf()), len(document.pages), over)


def _overflow(where: dict[str, tuple[int, float]], tool_id: str) -> float | None:
    """None when the sheet fits its page, else the ratio of the room it had to what it needed."""
    start, end = where.get(f"tool-{tool_id}"), where.get(f"end-{tool_id}")
    if start is None or end is None or start[0] == end[0]:
        return None
    room = PAGE_BOTTOM_PX - start[1]
    needed = (end[0] - start[0]) * (PAGE_BOTTOM_PX - PAGE_TOP_PX) + end[1] - start[1]
    return max(0.3, min(1.0, room / needed)) if needed > 0 else 1.0


def build_pdf(
    kit: Kit,
    tools: Sequence[Tool],
    *,
    layout: Layout,
    lang: str,
    day: dt.date,
    stage: str | None = None,
) -> PdfResult:
    """Sheets, a booklet or forms as PDF; sheets are kept to one page each when possible."""

    def build(fit: dict[str, float]) -> str:
        return build_html(kit, tools, layout=layout, lang=lang, day=day, stage=stage, fit=fit)

    ids = [] if layout is Layout.FORMS else [tool.id for tool in tools]
    # The printing date only shows on the booklet's cover: it must not make each new day's
    # first print lay the sheets out again.
    key_page = build_html(kit, tools, layout=layout, lang=lang, day=KEY_DAY, stage=stage)
    return fit_and_print(build, ids, key_page=key_page)
