"""PDF printing: lay the HTML out with WeasyPrint; measure how far each sheet runs past its page.

Sheets are never shrunk: their type stays at ``SHEET_PT`` (nothing printed is under ``MIN_PT``).
A sheet that does not fit one page is the kit's text to shorten, which ``sheet_overflow`` (and
``survivalkit sheets --check``) measures.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from survivalkit.kit.model import Kit, Tool
from survivalkit.output.fonts import print_options
from survivalkit.output.formats import PDF_VARIANT, html_to_pdf, refuse_fetch, weasyprint_html
from survivalkit.sheets.pages import PAGE_MARGINS_CM, build_html, form_page_title, sheet_continued_css
from survivalkit.sheets.selection import Layout
from survivalkit.sheets.text import Txt
from survivalkit.sheets.view import Workshop

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
        HTML = weasyprint_html()
    except (ImportError, OSError):
        html_to_pdf("")  # raises MissingExtraError with the install hint
        raise
    return HTML


def fetch_logo(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """The one resource a printout loads: the cover's logo, already inside the page."""
    from survivalkit.sheets.logo import data_uri_image

    found = data_uri_image(url)
    if found is None:
        return refuse_fetch(url)
    mime, data = found
    try:  # WeasyPrint 68 and later
        from weasyprint.urls import URLFetcherResponse
    except ImportError:  # pragma: no cover - older WeasyPrint takes a dict
        return {"string": data, "mime_type": mime}
    response: Any = URLFetcherResponse(url, body=data, headers={"Content-Type": mime})
    return response  # type: ignore[no-any-return]


def _anchors(document: Any) -> dict[str, tuple[int, float]]:
    """Where each anchor lands: page index and height on the page (CSS pixels)."""
    where: dict[str, tuple[int, float]] = {}
    for index, page in enumerate(document.pages):
        for name, box in page.anchors.items():  # (x, y, ...) in CSS pixels
            where.setdefault(name, (index, float(box[1])))
    return where


def print_pdf(page: str, tool_ids: Sequence[str]) -> PdfResult:
    """Lay ``page`` out once and print it; names the sheets that spill over their page."""
    document = _weasyprint_html()(string=page, url_fetcher=fetch_logo).render(**print_options())
    where = _anchors(document)
    over = [tid for tid in tool_ids
            if (start := where.get(f"tool-{tid}")) is not None
            and (end := where.get(f"end-{tid}")) is not None and start[0] != end[0]]
    return PdfResult(bytes(document.write_pdf(pdf_variant=PDF_VARIANT)), len(document.pages), over)


def sheet_overflow(kit: Kit, tools: Sequence[Tool], lang: str) -> dict[str, float]:
    """How far each printed sheet runs past its one page, in centimetres (0 when it fits).

    One layout on pages too tall to break: each sheet's height is exact, whatever the blocks
    that a real page would push whole onto the next one.
    """
    page = build_html(kit, tools, layout=Layout.SHEETS, lang=lang, day=dt.date(2000, 1, 1),
                      paper=True, extra_css=MEASURE_CSS)
    document = _weasyprint_html()(string=page, url_fetcher=refuse_fetch).render(**print_options())
    where = _anchors(document)
    result: dict[str, float] = {}
    for tool in tools:
        start, end = where[f"tool-{tool.id}"], where[f"end-{tool.id}"]
        height = end[1] - start[1]
        result[tool.id] = max(0.0, (height - PAGE_ROOM_PX) / CM_PX)
    return result


MIN_LAST_PAGE = 3
"""The fewest questions a form's last page may hold: one or two alone look forgotten."""


def _blank(title: str, lang: str, *, author: str = "", subject: str = "") -> Any:
    """A document of one blank A4 page, titled: the verso of a form, and the file's metadata."""
    page = (f'<!DOCTYPE html><html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title>"
            f'<meta name="author" content="{html.escape(author)}">'
            f'<meta name="description" content="{html.escape(subject)}">'
            "<style>@page { size: A4; margin: 0; }</style></head><body></body></html>")
    return _weasyprint_html()(string=page, url_fetcher=refuse_fetch).render(**print_options())


def _form_pages(kit: Kit, tool: Tool, lang: str, day: dt.date) -> list[Any]:
    """One form laid out on its own (its pages numbered « page 2 / 3 »), no question left alone.

    When the last page would hold only one or two questions, the page break moves up so that
    it holds three: one more layout, for that form only.
    """
    weasy_html = _weasyprint_html()

    def lay_out(extra: str) -> Any:
        page = build_html(kit, [tool], layout=Layout.FORMS, lang=lang, day=day, paper=True,
                          extra_css=extra)
        return weasy_html(string=page, url_fetcher=refuse_fetch).render(**print_options())

    document = lay_out("")
    where = _anchors(document)
    fields = [name for name in where if name.startswith(f"q-{tool.id}-")]
    last = len(document.pages) - 1
    alone = [name for name in fields if where[name][0] == last]
    if last > 0 and len(fields) > MIN_LAST_PAGE and 0 < len(alone) < MIN_LAST_PAGE:
        moved = lay_out(f"#{fields[-MIN_LAST_PAGE]} {{ break-before: page; }}")
        if len(moved.pages) == len(document.pages):
            document = moved
    return list(document.pages)


def print_forms(
    kit: Kit, tools: Sequence[Tool], *, lang: str, day: dt.date, duplex: bool,
    before: Any = None,
) -> PdfResult:
    """Paper forms in one PDF, each laid out on its own; on both sides, each starts on a recto.

    ``before`` is a laid-out document printed first (the workshop pack: the booklet, then
    every tool's form).
    """
    blank = _blank(form_page_title(tools, lang), lang, author=Txt.of(kit.info.title, lang).text,
                   subject=" ".join(Txt.of(kit.info.description, lang).text.split()))
    pages: list[Any] = list(before.pages) if before is not None else []
    if duplex and len(pages) % 2:
        pages.append(blank.pages[0])
    for tool in tools:
        form = _form_pages(kit, tool, lang, day)
        pages += form
        if duplex and len(form) % 2:
            pages.append(blank.pages[0])
    document = (before if before is not None else blank).copy(pages)
    return PdfResult(bytes(document.write_pdf(pdf_variant=PDF_VARIANT)), len(pages), [])


def print_sheets(
    kit: Kit, tools: Sequence[Tool], *, lang: str, day: dt.date, duplex: bool
) -> PdfResult:
    """Loose sheets in one PDF, each laid out on its own, so that each can be pulled out.

    A sheet fits its page and carries no page number; one that runs over (a kit's text too
    long: ``survivalkit sheets --check`` says by how much) is numbered « page 2 / 2 » with its
    title on top of its next pages. On both sides, each sheet starts on a recto.
    """
    weasy_html = _weasyprint_html()
    pages: list[Any] = []
    over: list[str] = []
    kit_title = Txt.of(kit.info.title, lang).text
    base: Any = None if len(tools) == 1 else _blank(
        kit_title, lang, author=kit_title, subject=" ".join(Txt.of(kit.info.description, lang).text.split()))
    for tool in tools:
        def lay_out(extra: str, tool: Tool = tool) -> Any:
            page = build_html(kit, [tool], layout=Layout.SHEETS, lang=lang, day=day, paper=True,
                              extra_css=extra)
            return weasy_html(string=page, url_fetcher=refuse_fetch).render(**print_options())

        document = lay_out("")
        if len(document.pages) > 1:
            over.append(tool.id)
            document = lay_out(sheet_continued_css(lang))
        base = base if base is not None else document
        pages += document.pages
        if duplex and tool is not tools[-1] and len(document.pages) % 2:
            pages.append(base.pages[0])  # several sheets: ``base`` is the blank page
    return PdfResult(bytes(base.copy(pages).write_pdf(pdf_variant=PDF_VARIANT)), len(pages), over)


def build_pdf(
    kit: Kit,
    tools: Sequence[Tool],
    *,
    layout: Layout,
    lang: str,
    day: dt.date,
    stage: str | None = None,
    duplex: bool = False,
    workshop: Workshop | None = None,
) -> PdfResult:
    """Sheets, a booklet or forms as PDF, laid out for paper (``duplex``: for both sides)."""
    if layout is Layout.FORMS:
        return print_forms(kit, tools, lang=lang, day=day, duplex=duplex)
    if layout is Layout.PACK:
        page = build_html(kit, tools, layout=Layout.BOOKLET, lang=lang, day=day, stage=stage,
                          paper=True, duplex=duplex, workshop=workshop)
        booklet = _weasyprint_html()(string=page, url_fetcher=fetch_logo).render(**print_options())
        return print_forms(kit, tools, lang=lang, day=day, duplex=duplex, before=booklet)
    if layout is Layout.SHEETS:
        return print_sheets(kit, tools, lang=lang, day=day, duplex=duplex)
    page = build_html(kit, tools, layout=layout, lang=lang, day=day, stage=stage, paper=True,
                      duplex=duplex, workshop=workshop)
    return print_pdf(page, [tool.id for tool in tools])
