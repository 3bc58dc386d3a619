"""Printable kit sheets, the trainers' booklet and paper forms, as HTML, Markdown or PDF.

The entry point: ``build`` writes any layout in any format. The parts live next door: which
tools and in which order (``selection``), what a sheet shows (``view``), HTML from templates
(``pages``), Markdown (``markdown``) and PDF fitting (``pdf``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from survivalkit.errors import UsageError
from survivalkit.i18n import t
from survivalkit.kit.model import Kit, Tool
from survivalkit.sheets.markdown import build_markdown
from survivalkit.sheets.pages import build_html
from survivalkit.sheets.pdf import PdfResult, build_pdf
from survivalkit.sheets.selection import (
    SHEET_FORMATS,
    Layout,
    booklet_order,
    by_stage,
    default_filename,
    home_stage,
    select_tools,
)
from survivalkit.sheets.view import Workshop


def build(
    kit: Kit,
    tools: Sequence[Tool],
    *,
    layout: Layout,
    fmt: str,
    lang: str,
    day: dt.date,
    stage: str | None = None,
    duplex: bool = False,
    workshop: Workshop | None = None,
    kits: Sequence[str] = (),
) -> PdfResult:
    """The file's bytes in ``fmt`` (``pdf``, ``html`` or ``md``); pages are counted for PDF only.

    ``duplex`` (PDF): printed on both sides, every sheet and form starts on a right-hand page.
    ``workshop``: the event, place, date and logo on the booklet's cover. ``kits``: the ``--kit``
    folders in use, named in a regional tool's command (HTML and Markdown; paper has none).
    """
    if layout in (Layout.BOOKLET, Layout.PACK):
        tools = booklet_order(kit, tools, stage)
    if layout is Layout.PACK and fmt != "pdf":
        raise UsageError(t("sheets.pack_pdf", lang))
    if fmt == "pdf":
        return build_pdf(kit, tools, layout=layout, lang=lang, day=day, stage=stage,
                         duplex=duplex, workshop=workshop)
    if fmt == "html":
        text = build_html(kit, tools, layout=layout, lang=lang, day=day, stage=stage,
                          workshop=workshop, kits=kits)
    elif fmt == "md":
        text = build_markdown(kit, tools, layout=layout, lang=lang, day=day, stage=stage,
                              workshop=workshop, kits=kits)
    else:
        raise UsageError(t("sheets.bad_format", lang, value=fmt, known=", ".join(SHEET_FORMATS)))
    return PdfResult(text.encode("utf-8"), 0)


__all__ = [
    "SHEET_FORMATS",
    "Layout",
    "PdfResult",
    "Workshop",
    "booklet_order",
    "build",
    "build_html",
    "build_markdown",
    "by_stage",
    "default_filename",
    "home_stage",
    "select_tools",
]
