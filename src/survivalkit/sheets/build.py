"""Printable kit sheets, the trainers' booklet and paper forms, as HTML, Markdown or PDF.

The entry point: ``build`` writes any layout in any format. The parts live next door: which
tools and in which order (``selection``), what a sheet shows (``view``), HTML from templates
(``pages``), Markdown (``markdown``) and PDF fitting (``pdf``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

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

MAX_COVER_TEXT = 120
"""The longest workshop name or place printed on a cover."""


@dataclass(frozen=True)
class SheetsWork:
    """One printout, checked: the tools (in the order given), what is printed and how.

    The command line (``survivalkit sheets``) and the API (``api.build_sheets``) both make one
    with ``sheets_work`` and print it with ``print_sheets``: same checks, same file.
    """

    tools: tuple[Tool, ...]
    layout: Layout
    fmt: str
    stage: str | None = None
    duplex: bool = False
    workshop: Workshop | None = None
    kits: tuple[str, ...] = ()


def choose_layout(count: int, *, form: bool, booklet: bool | None) -> Layout:
    """``--form`` and ``--booklet`` as a layout: both make the workshop pack; several tools
    make a booklet unless ``--no-booklet``."""
    if form and booklet:
        return Layout.PACK
    if form:
        return Layout.FORMS
    if booklet or (booklet is None and count > 1):
        return Layout.BOOKLET
    return Layout.SHEETS


def workshop_cover(
    event: str | None, place: str | None, day: dt.date | None, logo: Path | None, lang: str
) -> Workshop | None:
    """The cover's workshop from ``--event``, ``--place``, ``--date`` and ``--logo`` (None: none).

    The texts are kept to one line of ``MAX_COVER_TEXT`` characters; the logo must be a PNG or
    JPEG of 2 MB at most (``sheets.logo``)."""
    from survivalkit.sheets.logo import read_logo

    if event is None and place is None and day is None and logo is None:
        return None
    texts = {}
    for what, value in (("event", event), ("place", place)):
        text = " ".join((value or "").split())
        if len(text) > MAX_COVER_TEXT or any(ord(c) < 32 for c in value or "" if c not in "\t\n"):
            raise UsageError(t("sheets.cover.too_long", lang, what=t(f"sheets.cover.{what}", lang),
                               max=MAX_COVER_TEXT))
        texts[what] = text
    return Workshop(event=texts["event"], place=texts["place"], day=day,
                    logo=read_logo(logo, lang) if logo is not None else "")


def sheets_work(
    kit: Kit,
    asked: Sequence[Tool],
    *,
    layout: Layout,
    fmt: str,
    lang: str,
    stage: str | None = None,
    duplex: bool = False,
    workshop: Workshop | None = None,
    kits: Sequence[str] = (),
) -> SheetsWork:
    """The printout of ``asked`` (none: every tool), kept to ``stage``; refuses what cannot be
    printed (an unknown stage or format, a cover without a booklet, a pack other than PDF)."""
    if fmt not in SHEET_FORMATS:
        raise UsageError(t("sheets.bad_format", lang, value=fmt, known=", ".join(SHEET_FORMATS)))
    tools = select_tools(kit, asked, stage, lang)
    if workshop is not None and layout not in (Layout.BOOKLET, Layout.PACK):
        raise UsageError(t("sheets.cover.no_booklet", lang))
    if layout is Layout.PACK and fmt != "pdf":
        raise UsageError(t("sheets.pack_pdf", lang))
    return SheetsWork(tuple(tools), layout, fmt, stage=stage, duplex=duplex, workshop=workshop,
                      kits=tuple(kits))


def print_sheets(kit: Kit, work: SheetsWork, *, lang: str, day: dt.date) -> PdfResult:
    """The printout's bytes (and pages, for PDF)."""
    return build(kit, work.tools, layout=work.layout, fmt=work.fmt, lang=lang, day=day,
                 stage=work.stage, duplex=work.duplex, workshop=work.workshop, kits=work.kits)


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
    "MAX_COVER_TEXT",
    "SHEET_FORMATS",
    "Layout",
    "PdfResult",
    "SheetsWork",
    "Workshop",
    "booklet_order",
    "build",
    "build_html",
    "build_markdown",
    "by_stage",
    "choose_layout",
    "default_filename",
    "home_stage",
    "print_sheets",
    "select_tools",
    "sheets_work",
    "workshop_cover",
]
