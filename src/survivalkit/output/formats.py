"""Output formats: Markdown is the source; HTML, PDF, ODT and DOCX are made from it."""

from __future__ import annotations

import datetime as dt
import functools
import html
import os
import shutil
import subprocess
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from survivalkit import settings
from survivalkit.errors import MissingExtraError, Msg, OutputError, UsageError
from survivalkit.output.format_names import FORMATS, check_formats
from survivalkit.output.letter import LETTER_CSS, letter_html
from survivalkit.output.render import RenderedDocument
from survivalkit.output.typeset import bind, keep_lead_ins
from survivalkit.text.markdown import allowed_link
from survivalkit.text.typography import format_date_long

OFFICE_FORMATS = ("odt", "docx")

PRINT_CSS = """
@page { size: A4; margin: 2cm 2.2cm 2.4cm 2.2cm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #444; } }
html { font-family: "Survivalkit Hyperlegible", "Atkinson Hyperlegible", "DejaVu Sans", Arial, sans-serif;
  font-size: 11pt; color: #161616; line-height: 1.45; overflow-wrap: break-word; }
body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
header.doc { border-bottom: 2px solid #000091; margin-bottom: 1.2rem; padding-bottom: .4rem;
  font-size: 9.5pt; color: #3a3a3a; display: flex; justify-content: space-between; gap: 1rem; }
h1 { font-size: 1.55rem; color: #000091; margin: 0 0 .8rem; line-height: 1.25; }
h2 { font-size: 1.15rem; color: #000091; margin: 1.3rem 0 .4rem; break-after: avoid; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; break-after: avoid; }
p, li { orphans: 3; widows: 3; }
p.lead-in { break-after: avoid; page-break-after: avoid; }
ul, ol { padding-left: 1.4rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; break-inside: avoid; }
th, td { border: 1px solid #929292; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eeeef8; }
.table-scroll { overflow-x: auto; max-width: 100%; margin: .6rem 0; }
.table-scroll > table { margin: 0; }
.table-scroll:focus { outline: 2px solid #000091; outline-offset: 2px; }
@media print { .table-scroll { overflow: visible; } }
blockquote { margin: .6rem 0; padding: .3rem .8rem; border-left: 4px solid #000091;
  background: #f5f5fe; }
a { color: #000091; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .92em; }
"""


__all__ = ["FORMATS", "check_formats", "parse_formats"]


def parse_formats(text: str, lang: str = "en") -> list[str]:
    """``md,html,pdf`` (as typed after ``--format``) → the known formats, in a stable order;
    refuses unknown ones, naming them and the accepted ones."""
    asked = [part.strip().removeprefix(".") for part in text.split(",") if part.strip()]
    if not asked:  # `--format ""` or `--format ,`: refused, never read as « the usual formats »
        from survivalkit.errors import UsageError
        from survivalkit.i18n import t

        raise UsageError(t("formats.none", lang, known=", ".join(FORMATS)))
    return check_formats(asked, lang, where="--format")


def markdown_to_html_body(markdown: str, *, relative_links: bool = False) -> str:
    """Markdown to an HTML fragment; raw HTML in the text is shown, never run; a link is made only
    to ``https:``, ``http:`` or ``mailto:`` (and, for an index, to a file beside it)."""
    return str(_markdown_parser(relative_links).render(markdown))


@functools.cache
def _markdown_parser(relative_links: bool) -> Any:
    """The Markdown reader of ``markdown_to_html_body``, made once per process for each kind of
    links (a run renders a dozen texts; rendering keeps nothing in the reader)."""
    from markdown_it import MarkdownIt

    # A line break in a document is meant (a signature block, an address): keep it.
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False, "breaks": True})
    md.validateLink = lambda url: allowed_link(url, relative=relative_links)  # type: ignore[method-assign]
    md.enable("table")
    md.enable("strikethrough")
    # A document never loads anything: an image typed in an answer stays text.
    md.disable("image")
    return md


def html_page(
    body: str, *, title: str, lang: str, author: str = "", day: dt.date | None = None, css: str = "",
    subject: str = "", header: bool = True,
) -> str:
    """A standalone HTML page with print CSS and a header naming title, date and author.

    Title, language, author and subject (``<meta name="description">``) are also the PDF's own
    description; ``header=False`` leaves the visible header out (a letter has its own).
    """
    top = page_header(title, lang=lang, author=author, day=day) if header else ""
    body = wrap_tables(body, lang)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        + (f'<meta name="author" content="{html.escape(author)}">\n' if author else "")
        + (f'<meta name="description" content="{html.escape(subject)}">\n' if subject else "")
        + f"<style>{PRINT_CSS}{css}</style>\n</head>\n<body>\n{top}\n<main>\n{body}</main>\n"
        "</body>\n</html>\n"
    )


def page_header(title: str, *, lang: str, author: str = "", day: dt.date | None = None) -> str:
    """The line above a document: its title, its author and its date (nothing without them)."""
    meta = []
    if author:
        meta.append(f"<span>{html.escape(author)}</span>")
    if day is not None:
        meta.append(f"<span>{html.escape(format_date_long(day, lang))}</span>")
    if not meta:
        return ""
    return f'<header class="doc"><span>{html.escape(title)}</span>{"".join(meta)}</header>'


_TABLE_LABEL = {"fr": "Tableau (faire défiler horizontalement)", "en": "Table (scroll sideways)"}


def wrap_tables(body: str, lang: str) -> str:
    """Each table in a box that scrolls sideways by itself on a narrow screen (the page does not).

    The box can take the keyboard focus and is named, so that it can be scrolled without a mouse.
    Only the converter's own ``<table>`` tags are matched: an answer's text is escaped before.
    """
    label = html.escape(_TABLE_LABEL.get(lang, _TABLE_LABEL["en"]))
    opening = f'<div class="table-scroll" role="region" tabindex="0" aria-label="{label}">'
    return body.replace("<table>", opening + "<table>").replace("</table>", "</table></div>")


def refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """WeasyPrint URL fetcher that fetches nothing: documents are self-contained."""
    raise ValueError(f"survivalkit documents load no external resource ({url[:80]})")


def weasyprint_html() -> Any:
    """WeasyPrint's ``HTML`` class; without its slow library look-ups when the command line
    allows it (``output.native``)."""
    from survivalkit.output.native import weasyprint_html as imported

    return imported()


PDF_VARIANT = "pdf/ua-1"
"""Every PDF is tagged (PDF/UA-1): structure tree, language, title shown by the reader."""
ARCHIVE_VARIANT = "pdf/a-3a"
"""``--archive``: PDF/A-3, tagged too (level a), the project's answers file embedded."""


def html_to_pdf(page: str, *, archive: bytes | None = None, archive_name: str = "answers.yaml") -> bytes:
    """Print an HTML page to a tagged PDF (PDF/UA-1) with WeasyPrint; with ``archive``, a PDF/A-3
    that carries that file (the answers that rebuild the document)."""
    return fitted_pdf(page, None, archive=archive, archive_name=archive_name)[0]


TIGHTER = (0.95, 0.9, 0.86)
"""The steps by which a document meant to take few pages is printed tighter (type and spacing):
11 pt, then about 10.5, 10 and 9.5 pt at the most (nothing smaller)."""
_TIGHTER_CSS = """
@page {{ margin: 1.6cm 2cm 2cm 2cm; }}
html {{ font-size: {size:.2f}pt; line-height: {line:.2f}; }}
h1 {{ margin-bottom: .5rem; }} h2 {{ margin: {h2:.2f}rem 0 .3rem; }}
p, ul, ol {{ margin-top: {gap:.2f}em; margin-bottom: {gap:.2f}em; }}
"""


def tighter_css(step: int) -> str:
    """The print CSS of a tightening step (0: none)."""
    if step <= 0:
        return ""
    factor = TIGHTER[min(step, len(TIGHTER)) - 1]
    return _TIGHTER_CSS.format(size=11 * factor, line=1.45 - 0.05 * step, h2=1.3 * factor - 0.2,
                               gap=factor - 0.1 * step)


def fitted_pdf(page: str, pages: int | None, *, archive: bytes | None = None,
               archive_name: str = "answers.yaml") -> tuple[bytes, int]:
    """The tagged PDF of ``page`` and the tightening step used: with ``pages``, printed tighter
    step by step (``TIGHTER``) until it takes no more than that many pages, or the last step."""
    from survivalkit.output.availability import pdf_problem, require

    require(["pdf"])  # WeasyPrint and Pango, or what is missing and how to install it
    try:
        HTML = weasyprint_html()
    except (ImportError, OSError) as exc:
        raise MissingExtraError(pdf_problem(exc)) from None
    options: dict[str, Any] = {"pdf_variant": PDF_VARIANT}
    if archive is not None:
        from weasyprint import Attachment

        options = {"pdf_variant": ARCHIVE_VARIANT,
                   "attachments": [Attachment(string=archive, name=archive_name, relationship="Source")]}
    from survivalkit.output.fonts import print_options

    step = 0
    while True:
        source = page.replace("</style>", tighter_css(step) + "</style>", 1) if step else page
        document: Any = HTML(string=source, url_fetcher=refuse_fetch).render(**print_options())
        if pages is None or len(document.pages) <= pages or step >= len(TIGHTER):
            return bytes(document.write_pdf(**options)), step
        step += 1


_PANDOC_MISSING = Msg("extra.pandoc")


def find_pandoc() -> str:
    """The pandoc program: ``$PYPANDOC_PANDOC``, the one the office extra ships, else PATH's
    (``apt install pandoc``, pandoc's Windows installer): ``MissingExtraError`` when there is none.

    Found without running it: pypandoc would start several processes per conversion to find
    and probe it (its version, its formats); here a conversion is one process.
    """
    given = settings.pandoc()
    if given:
        if shutil.which(given) or Path(given).is_file():
            return given
        raise MissingExtraError(_PANDOC_MISSING)
    name = "pandoc.exe" if os.name == "nt" else "pandoc"
    try:
        import pypandoc
    except ImportError:
        pass
    else:
        shipped = Path(pypandoc.__file__).resolve().parent / "files" / name
        if shipped.is_file():
            return str(shipped)
    found = shutil.which("pandoc")
    if found:
        return found
    raise MissingExtraError(_PANDOC_MISSING)


def document_body(doc: RenderedDocument) -> str:
    """A rendered document's HTML body (a letter laid out part by part), without the page around
    it: the standalone page and the combined PDF both print it."""
    if doc.letter is None:
        return keep_lead_ins(markdown_to_html_body(bind(doc.markdown)))
    return keep_lead_ins(letter_html(doc.letter, lambda md: markdown_to_html_body(bind(md))))


def document_subject(doc: RenderedDocument) -> str:
    """What the document is about, in plain text: a letter's « Objet », else its title."""
    return (plain_text(doc.letter.subject) if doc.letter is not None else "") or doc.title


def document_html(doc: RenderedDocument) -> str:
    """A rendered document as a standalone HTML page (a letter has its own header)."""
    return html_page(document_body(doc), title=doc.title, lang=doc.lang, author=doc.author,
                     day=doc.date if doc.letter is None else None, css=LETTER_CSS if doc.letter else "",
                     subject=document_subject(doc), header=doc.letter is None)


def plain_text(markdown: str) -> str:
    """A Markdown snippet as the plain text a reader sees (for the PDF's subject)."""
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", markdown_to_html_body(markdown))).strip()


def document_office(doc: RenderedDocument, fmt: str, *, step: int = 0) -> bytes:
    """A rendered document as ODT or DOCX (a letter's parts in the reference styles); ``step``:
    printed that much tighter (``TIGHTER``), as its PDF was to keep to its pages (the office
    module is imported here: a run to Markdown, HTML or PDF does not load it)."""
    from survivalkit.output.office import describe_office, keep_body_with_signature, letter_pandoc, tighten_office
    from survivalkit.output.office import keep_lead_ins as keep_office_lead_ins

    if doc.letter is None:
        data = markdown_to_office(bind(doc.markdown), fmt, title=doc.title, lang=doc.lang)
        subject = doc.title
    else:
        data = markdown_to_office(bind(letter_pandoc(doc.letter)), fmt, title=doc.title, lang=doc.lang)
        data = keep_body_with_signature(data, fmt)
        subject = plain_text(doc.letter.subject) or doc.title
    data = keep_office_lead_ins(data, fmt)
    data = tighten_office(data, fmt, step)
    return describe_office(data, fmt, title=doc.title, author=doc.author, subject=subject, lang=doc.lang)


def markdown_to_office(markdown: str, fmt: str, *, title: str, lang: str) -> bytes:
    """Markdown to ODT or DOCX with pandoc (one process), styled by the shipped reference document.

    pandoc reads no file and fetches no address for the document: raw HTML, TeX and attributes
    are off, and images become their description (``data/no-images.lua``), as in HTML and PDF.
    """
    if fmt not in OFFICE_FORMATS or lang not in ("fr", "en"):
        # Never reached through the program's own paths (every format is checked on the way in):
        # no other name is ever handed to pandoc as a writer.
        raise UsageError(Msg("formats.not_office", value=f"{fmt}/{lang}"))
    pandoc = find_pandoc()
    reference = resources.files("survivalkit") / "data" / f"reference.{fmt}"
    no_images = resources.files("survivalkit") / "data" / "no-images.lua"
    fd, out_name = tempfile.mkstemp(suffix=f".{fmt}")
    os.close(fd)
    out = Path(out_name)
    try:
        # -smart: quotes, dashes and dots stay as typed (pandoc would curl an answer's " and ').
        args = [pandoc, "--from=markdown+hard_line_breaks+fenced_divs-raw_html-raw_attribute-raw_tex-smart",
                f"--to={fmt}", f"--output={out}",
                "--standalone", f"--metadata=lang:{lang}", f"--metadata=title-meta:{title}"]
        with resources.as_file(reference) as ref_path, resources.as_file(no_images) as filter_path:
            if ref_path.is_file():
                args.append(f"--reference-doc={ref_path}")
            args.append(f"--lua-filter={filter_path}")  # an image never loads a file or address
            try:
                done = subprocess.run(args, input=markdown.encode("utf-8"), capture_output=True,
                                      check=False)
            except OSError:
                raise MissingExtraError(_PANDOC_MISSING) from None
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
            raise OutputError(Msg("extra.pandoc_failed", fmt=fmt.upper(), reason=reason))
        return out.read_bytes()
    finally:
        out.unlink(missing_ok=True)
