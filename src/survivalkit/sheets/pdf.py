"""PDF printing: lay the HTML out with WeasyPrint, shrinking each sheet that spills over its page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from survivalkit.kit.model import Kit, Tool
from survivalkit.output.formats import html_to_pdf, refuse_fetch, weasyprint_html
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
    sizes: dict[str, float] = field(default_factory=dict)
    """The type size each sheet was printed at, by sheet key (see ``sheet_key``)."""


def _weasyprint_html() -> Any:
    """WeasyPrint's ``HTML`` class; if it cannot load, ``html_to_pdf`` raises the helpful error."""
    try:
        HTML = weasyprint_html()
    except (ImportError, OSError):
        html_to_pdf("")  # raises MissingExtraError with the install hint
        raise
    return HTML


def fit_and_print(
    build: Callable[[dict[str, float]], str], tool_ids: Sequence[str], *,
    keys: Mapping[str, str] | None = None, fresh: bool = False,
) -> PdfResult:
    """Print to PDF, shrinking the type of each sheet that spills over its page.

    ``build`` makes the page from type sizes by tool id. After each layout, every sheet whose
    end lands on a later page than its start gets a smaller size, estimated from how far it
    overflowed (height grows about as the square of the type size), never below
    ``MIN_SHEET_PT``. ``keys`` gives each sheet's key (see ``sheet_key``): the size that fitted
    last time is remembered under it, in the user's cache (and for the bundled kit in the
    package), so that a print usually takes a single layout, and a change to one sheet fits
    that sheet again, not the others. The last layout always checks the sizes it was given.
    """
    keys = keys or {}
    weasy_html = _weasyprint_html()
    known = {} if fresh else known_fits([keys[tid] for tid in tool_ids if tid in keys])
    fit: dict[str, float] = {tid: known[keys[tid]] for tid in tool_ids
                             if tid in keys and keys[tid] in known and known[keys[tid]] < SHEET_PT}
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
    sizes = {keys[tid]: fit.get(tid, SHEET_PT) for tid in tool_ids if tid in keys}
    remember_fits({k: v for k, v in sizes.items() if known.get(k) != v})
    return PdfResult(bytes(document.write_pdf()), len(document.pages), over, sizes)


def sheet_key(kit: Kit, tool: Tool, *, layout: Layout, lang: str, stage: str | None) -> str:
    """What a sheet's fitted size depends on: the page of this one sheet at full size (its
    text, the kit's words, the print CSS and templates), in this layout and language."""
    from survivalkit.kit.cache import digest

    page = build_html(kit, [tool], layout=layout, lang=lang, day=KEY_DAY, stage=stage)
    return digest("sheet-fit", str(layout), lang, page)


SHIPPED_FITS = Path(__file__).resolve().parent / "fit.json"
"""The fitted sizes of the bundled kit's sheets, made by ``python -m survivalkit.sheets.fit_data``
(keys that no longer match, after a change of a sheet or the CSS, are simply not used)."""


def _size(value: Any) -> float | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    return float(value) if ok and MIN_SHEET_PT <= value <= SHEET_PT else None


def known_fits(keys: Sequence[str]) -> dict[str, float]:
    """The sizes known for these sheet keys: the user's cache, else the package's (checked)."""
    import json

    from survivalkit.kit.cache import fit_store, read_bounded

    found: dict[str, float] = {}
    store = fit_store()
    if store is not None:
        for key in keys:
            size = _size(store.get(key))
            if size is not None:
                found[key] = size
    missing = [key for key in keys if key not in found]
    if missing:
        data = read_bounded(SHIPPED_FITS, 4 * 1024 * 1024)
        try:
            shipped = json.loads(data) if data else {}
        except (ValueError, RecursionError):
            shipped = {}
        if isinstance(shipped, dict):
            for key in missing:
                size = _size(shipped.get(key))
                if size is not None:
                    found[key] = size
    return found


def remember_fits(sizes: Mapping[str, float]) -> None:
    """Remember fitted sizes in the user's cache; failures are not errors."""
    from survivalkit.kit.cache import fit_store

    store = fit_store() if sizes else None
    if store is not None:
        for key, size in sizes.items():
            store.put(key, size)
        store.close()


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
    fresh: bool = False,
) -> PdfResult:
    """Sheets, a booklet or forms as PDF; sheets are kept to one page each when possible
    (``fresh``: fitted from scratch, not from the sizes known)."""

    def build(fit: dict[str, float]) -> str:
        return build_html(kit, tools, layout=layout, lang=lang, day=day, stage=stage, fit=fit)

    ids = [] if layout is Layout.FORMS else [tool.id for tool in tools]
    # Each sheet has its own key (the printing date, only on the booklet's cover, is not part
    # of it): a new day, or a change to another sheet, does not lay this one out again.
    keys = {tool.id: sheet_key(kit, tool, layout=layout, lang=lang, stage=stage)
            for tool in tools if tool.id in ids}
    return fit_and_print(build, ids, keys=keys, fresh=fresh)
