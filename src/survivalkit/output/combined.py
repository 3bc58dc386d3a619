"""One PDF for a whole project: a cover (the project's name, the date), the contents with links and
page numbers, then every document, each starting on a new page.

Printed in one WeasyPrint pass from the documents' own HTML, so that the result is tagged
(PDF/UA-1, or PDF/A-3a with ``archive``) like every other PDF: joining finished PDFs would lose
their structure tree.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Collection, Sequence

from survivalkit.i18n import t
from survivalkit.output.formats import document_body, html_page, html_to_pdf, page_header
from survivalkit.output.letter import LETTER_CSS
from survivalkit.output.render import RenderedDocument
from survivalkit.text.typography import format_date_long, french_spacing

COMBINED_STEM = {"fr": "dossier-complet", "en": "all-documents"}
"""The combined PDF's file name (without ``.pdf``), by language."""

COMBINED_CSS = """
.cover { break-after: page; }
.cover .kind { font-size: 1.1rem; color: #3a3a3a; margin: 3cm 0 .4rem; }
.cover h1 { font-size: 2rem; margin-bottom: .6rem; }
.cover .when { margin: 0 0 2.4rem; }
.contents ol { padding-left: 1.4rem; }
.contents li { margin: .35rem 0; }
.contents a { text-decoration: none; color: #161616; }
.contents .tool { color: #3a3a3a; }
@media print { .contents a::after { content: leader(".") " " target-counter(attr(href), page); } }
.combined-doc { break-before: page; }
"""


def combined_name(lang: str, taken: Collection[str] = ()) -> str:
    """``dossier-complet.pdf`` (``all-documents.pdf`` in English), numbered if a document has that name."""
    stem = COMBINED_STEM.get(lang, COMBINED_STEM["en"])
    name, n = f"{stem}.pdf", 1
    while name in taken:
        n += 1
        name = f"{stem}-{n}.pdf"
    return name


def is_combined(name: str) -> bool:
    """Whether ``name`` is a combined PDF's file name (``dossier-complet.pdf``, ``all-documents-2.pdf``)."""
    stem = name.removesuffix(".pdf")
    return name.endswith(".pdf") and any(
        stem == s or (stem.startswith(s + "-") and stem[len(s) + 1:].isdigit()) for s in COMBINED_STEM.values())


def combined_title(project: str, lang: str) -> str:
    """« Dossier complet : Prise de rendez-vous en ligne » (the PDF's title and the index's link)."""
    text = t("combined.title_of" if project else "combined.title", lang, project=project)
    return french_spacing(text) if lang == "fr" else text


def combined_html(documents: Sequence[tuple[RenderedDocument, str]], *, lang: str, day: dt.date) -> str:
    """The combined page: cover, contents, then each document (with its tool's title) on its own pages."""
    project = next((doc.project for doc, _ in documents if doc.project), "")
    author = next((doc.author for doc, _ in documents if doc.author), "")
    kind = t("combined.title", lang)
    when = format_date_long(day, lang)
    items = []
    for n, (doc, tool_title) in enumerate(documents, 1):
        shown = tool_title and tool_title != doc.title
        tool = f' <span class="tool">({html.escape(tool_title)})</span>' if shown else ""
        items.append(f'<li><a href="#document-{n}">{html.escape(doc.title)}{tool}</a></li>')
    contents = t("combined.contents", lang)
    cover = (
        '<section class="cover">'
        f'<p class="kind">{html.escape(kind)}</p>'
        f"<h1>{html.escape(project or kind)}</h1>"
        f'<p class="when">{html.escape(when)}' + (f" — {html.escape(author)}" if author else "") + "</p>"
        f'<nav class="contents" aria-label="{html.escape(contents)}"><h2>{html.escape(contents)}</h2>'
        f'<ol>{"".join(items)}</ol></nav></section>'
    )
    parts = [cover]
    for n, (doc, _) in enumerate(documents, 1):
        top = page_header(doc.title, lang=doc.lang, author=doc.author, day=doc.date) if doc.letter is None else ""
        parts.append(f'<section class="combined-doc" id="document-{n}">{top}'
                     f"{document_body(doc)}</section>")
    subject = t("combined.subject", lang, n=len(documents), project=project or kind)
    return html_page("\n".join(parts), title=combined_title(project, lang), lang=lang, author=author,
                     css=LETTER_CSS + COMBINED_CSS, subject=french_spacing(subject) if lang == "fr" else subject,
                     header=False)


def combined_pdf(documents: Sequence[tuple[RenderedDocument, str]], *, lang: str, day: dt.date,
                 archive: bytes | None = None) -> bytes:
    """The combined PDF of ``documents`` (each with its tool's title), tagged; with ``archive``, a
    PDF/A-3 carrying the answers file."""
    return html_to_pdf(combined_html(documents, lang=lang, day=day), archive=archive)
