"""An output folder's content: every document in every format, the index, the answers file."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from survivalkit.i18n import t
from survivalkit.kit.model import Kit, Tool, tr
from survivalkit.output.drafts import draft, meant_for_someone
from survivalkit.output.format_names import check_formats
from survivalkit.output.formats import (
    document_html,
    document_office,
    fitted_pdf,
    html_page,
    markdown_to_html_body,
)
from survivalkit.output.render import Locator, RenderedDocument, render_tool
from survivalkit.text.casing import mid_sentence
from survivalkit.text.names import safe_filename
from survivalkit.text.typography import format_date_long, format_number, french_spacing

ANSWERS_FILE = "answers.yaml"
PRINTED = ("pdf", "odt", "docx")
"""Formats whose conversion costs in proportion to the document: bounded by ``Limits.printed``
(checked before any conversion, so that a kit cannot keep the converters busy for minutes); the
whole run is bounded by ``Limits.written``."""


@dataclass(frozen=True)
class ToolOutput:
    """What one tool contributes to an output folder."""

    tool: Tool
    documents: list[RenderedDocument]


def render_outputs(
    kit: Kit,
    items: Sequence[tuple[Tool, Mapping[str, Any]]],
    *,
    day: dt.date,
    lang: str,
    locate_for: Mapping[str, Locator] | None = None,
) -> list[ToolOutput]:
    """Render every document of every tool in memory (nothing written yet)."""
    outputs = []
    for tool, answers in items:
        locate = (locate_for or {}).get(tool.id)
        outputs.append(ToolOutput(tool, render_tool(kit, tool, answers, day=day, lang=lang, locate=locate)))
    return outputs


def files_for(
    outputs: Sequence[ToolOutput],
    formats: Sequence[str],
    *,
    lang: str,
    day: dt.date,
    kit: Kit,
    archive: bytes | None = None,
) -> dict[str, bytes]:
    """File name → content for every document in every format, plus the index (``index.md`` and
    ``index.html``, whatever the formats: the page to open first in any folder).

    With ``archive`` (the answers file), each PDF is an archival PDF/A-3 carrying it.

    The formats are checked first (only the five, whoever asked), then the sizes
    (``MAX_PRINT_CHARS`` for a printed format, ``MAX_RUN_BYTES`` for the whole run): going over is
    the kit's error, said before anything is converted or written.
    """
    from survivalkit.sandbox.budget import current_limits

    formats = check_formats(formats, lang)
    limit = current_limits().written
    check_sizes(outputs, formats, lang=lang)
    files: dict[str, bytes] = {}
    total = 0
    entries: list[tuple[Tool, RenderedDocument, list[str]]] = []
    for output in outputs:
        for doc in output.documents:
            stem = safe_filename(doc.filename, "")  # never the index's or the answers file's name
            while any(name.startswith(stem + ".") for name in files):
                stem = f"{stem}-{doc.document_id}".replace("_", "-")
            names = []
            page: str | None = None
            step: int | None = None  # how much tighter a document meant to take few pages is printed
            for fmt in formats:
                name = f"{stem}.{fmt}"
                if fmt == "md":
                    files[name] = doc.markdown.encode("utf-8")
                elif fmt == "html":
                    page = page or document_html(doc)
                    files[name] = page.encode("utf-8")
                elif fmt == "pdf":
                    page = page or document_html(doc)
                    files[name], step = fitted_pdf(page, doc.pages, archive=archive)
                else:
                    if step is None:
                        step = tightening(doc)
                    files[name] = document_office(doc, fmt, step=step)
                total += len(files[name])
                if total > limit:
                    raise _too_much(output.tool, total, limit, lang)
                names.append(name)
            if meant_for_someone(doc):  # an e-mail draft, the PDF (else DOCX, ODT) attached
                attached = next(((n, files[n]) for ext in ("pdf", "docx", "odt") for n in names
                                 if n == f"{stem}.{ext}"), None)
                files[f"{stem}.eml"] = draft(doc, attached)
                names.append(f"{stem}.eml")
            entries.append((output.tool, doc, names))
    combined = None
    if "pdf" in formats and len(entries) >= 2:  # the whole project in one PDF, beside the separate ones
        from survivalkit.output.combined import combined_name, combined_pdf

        combined = combined_name(lang, files)
        files[combined] = combined_pdf([(doc, tr(tool.title, lang)) for tool, doc, _ in entries],
                                       lang=lang, day=day, archive=archive)
        total += len(files[combined])
        if total > limit:
            raise _too_much(entries[-1][0], total, limit, lang)
    index = index_markdown(entries, lang=lang, day=day, kit=kit, combined=combined,
                           project=next((doc.project for _, doc, _ in entries if doc.project), ""))
    files["index.md"] = index.encode("utf-8")
    page = html_page(markdown_to_html_body(index, relative_links=True), title=t("index.title", lang),
                     lang=lang, day=day)
    files["index.html"] = page.encode("utf-8")
    return files


def tightening(doc: RenderedDocument) -> int:
    """How much tighter the office files of a document meant to take few pages are set: the step
    its PDF needs (measured even when no PDF is asked; none without WeasyPrint)."""
    from survivalkit.errors import MissingExtraError

    if doc.pages is None:
        return 0
    try:
        return fitted_pdf(document_html(doc), doc.pages)[1]
    except MissingExtraError:
        return 0


def check_sizes(outputs: Sequence[ToolOutput], formats: Sequence[str], *, lang: str) -> None:
    """Refuse, before any conversion, a document too long to print and a run that would write too
    much (the Markdown and HTML alone already weigh their text)."""
    from survivalkit.sandbox.budget import current_limits

    limit = current_limits().written
    plain = sum(1 for f in formats if f in ("md", "html"))
    total = 0
    for output in outputs:
        for doc in output.documents:
            check_printable(doc, output.tool.origin or output.tool.id, formats, lang=lang)
            total += len(doc.markdown.encode("utf-8")) * plain
            if total > limit:
                raise _too_much(output.tool, total, limit, lang)


def check_printable(doc: RenderedDocument, where: str, formats: Sequence[str], *, lang: str) -> None:
    """A document asked as PDF, ODT or DOCX is not longer than ``Limits.printed`` characters."""
    from survivalkit.errors import TemplateError
    from survivalkit.sandbox.budget import current_limits

    printed = [f for f in formats if f in PRINTED]
    limit = current_limits().printed
    if printed and len(doc.markdown) > limit:
        raise TemplateError(t("output.too_long_to_print", lang, where=where, doc=doc.document_id,
                              n=format_number(len(doc.markdown), lang), max=format_number(limit, lang),
                              formats=", ".join(f.upper() for f in printed)))


def _too_much(tool: Tool, total: int, limit: int, lang: str) -> Exception:
    from survivalkit.errors import TemplateError

    return TemplateError(t("output.too_much", lang, where=tool.origin or tool.id,
                           limit=format_number(limit, lang), got=format_number(total, lang)))


def index_markdown(
    entries: Sequence[tuple[Tool, RenderedDocument, list[str]]],
    *,
    lang: str,
    day: dt.date,
    kit: Kit,
    combined: str | None = None,
    project: str = "",
) -> str:
    """The folder's index: each document, its files (and the combined PDF, ``combined``), and the
    next steps of each tool."""
    lines = [f"# {t('index.title', lang)}", ""]
    lines.append(
        t("index.intro", lang, kit=str(mid_sentence(tr(kit.info.title, lang))), date=format_date_long(day, lang))
    )
    lines.append("")
    lines += combined_lines(combined, project, lang)
    seen_tools: list[Tool] = []
    for tool, doc, names in entries:
        if tool not in seen_tools:
            seen_tools.append(tool)
        # French spacing is applied to the whole index below.
        lines.append(f"- {document_links(doc.title, tr(tool.title, lang), names, lang)}")
    lines.append("")
    lines += _closing_lines(seen_tools, lang)
    text = "\n".join(lines) + "\n"
    return french_spacing(text) if lang == "fr" else text


def combined_lines(name: str | None, project: str, lang: str) -> list[str]:
    """The index's line naming the combined PDF (not a list item: the project record reads the
    list items back as documents)."""
    if not name:
        return []
    from survivalkit.output.combined import combined_title

    link = f"[{escape_link_text(combined_title(project, lang))} (PDF)]({name})"
    return [f"{t('combined.index', lang)} {link}", ""]


def _closing_lines(tools: Sequence[Tool], lang: str) -> list[str]:
    """The end of an index: each tool's next steps, then how to make the documents again."""
    lines = [f"## {t('index.next_steps', lang)}", ""]
    for tool in tools:
        if not tool.sheet.next_steps:
            continue
        lines += [f"### {tr(tool.title, lang)}", ""]
        lines += [f"- {tr(step, lang)}" for step in tool.sheet.next_steps]
        lines.append("")
    lines.append(t("index.replay", lang))
    return lines


_SHORT_LABELS = {
    "pdf": {"fr": "PDF", "en": "PDF"},
    "docx": {"fr": "Word", "en": "Word"},
    "odt": {"fr": "LibreOffice", "en": "LibreOffice"},
    "html": {"fr": "page web", "en": "web page"},
    "md": {"fr": "texte Markdown", "en": "Markdown text"},
    "eml": {"fr": "brouillon de courriel", "en": "e-mail draft"},
}


def _format_label(name: str, lang: str) -> str:
    fmt = name.rsplit(".", 1)[-1]
    labels = _SHORT_LABELS.get(fmt)
    return labels.get(lang, labels["en"]) if labels else fmt


def document_links(title: str, tool_title: str, names: Sequence[str], lang: str) -> str:
    """One index line: the document's title (and its tool's), then a link per file named by the
    title and the format — read alone by a screen reader, each link is clear. (The project record
    reads these lines back: ``engine.project.index_entries``.)"""
    shown = escape_link_text(title)
    links = ", ".join(f"[{shown} ({_format_label(name, lang)})]({name})" for name in names)
    label = f"**{title}**" + (f" ({tool_title})" if tool_title != title else "")
    return f"{label}: {links}"


_MARKUP = re.compile(r"([\\`*_\[\]<>!#&|~])")


def escape_link_text(text: str) -> str:
    """A title (which may hold an answer) as plain text inside Markdown: no link, emphasis or HTML."""
    return _MARKUP.sub(r"\\\1", " ".join(text.split()))


@dataclass(frozen=True)
class Index:
    """A project folder's index, in Markdown and as a web page."""

    markdown: str
    html: str


def project_index(
    documents: Sequence[tuple[str, str, list[str]]],
    previous: Sequence[tuple[str, str, list[str], str]],
    tools: Sequence[Tool],
    *,
    lang: str,
    day: dt.date,
    kit: Kit,
    combined: str | None = None,
    project: str = "",
) -> Index:
    """The index of a folder holding several tools' documents, run on different days: the combined
    PDF (``combined``), every document (title, tool title, files), then the previous versions kept,
    then the next steps."""
    lines = [f"# {t('index.title', lang)}", ""]
    lines.append(
        t("index.intro", lang, kit=str(mid_sentence(tr(kit.info.title, lang))), date=format_date_long(day, lang))
    )
    lines.append("")
    lines += combined_lines(combined, project, lang)
    for title, tool_title, names in documents:
        lines.append(f"- {document_links(title, tool_title, names, lang)}")
    if previous:
        lines += ["", f"## {t('index.previous', lang)}", ""]
        for title, tool_title, names, when in previous:
            links = ", ".join(f"[{escape_link_text(title)} ({_format_label(name, lang)})]({name})"
                              for name in names)
            try:
                shown = format_date_long(dt.date.fromisoformat(when), lang)
            except ValueError:
                shown = when
            lines.append(f"- {escape_link_text(tool_title)}, {t('index.previous_of', lang, date=shown)}: {links}")
    lines.append("")
    lines += _closing_lines(tools, lang)
    text = "\n".join(lines) + "\n"
    text = french_spacing(text) if lang == "fr" else text
    page = html_page(markdown_to_html_body(text, relative_links=True), title=t("index.title", lang), lang=lang,
                     day=day)
    return Index(text, page)


def default_out_dir(day: dt.date, name: str | None = None) -> Path:
    """In the current folder: named after the project (``./rendez-vous-en-ligne``), else
    ``./survivalkit-2026-11-26``."""
    from survivalkit.text.names import slugify

    slug = slugify(name) if name else ""
    return Path.cwd() / (slug or f"survivalkit-{day.isoformat()}")
