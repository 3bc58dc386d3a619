"""Sheets, the booklet and paper forms as standalone HTML pages, from the Jinja templates."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup

from survivalkit.kit.model import Kit, Tool
from survivalkit.output.formats import html_page
from survivalkit.sheets.selection import Layout
from survivalkit.sheets.text import Txt, message
from survivalkit.sheets.view import (
    TermView,
    Workshop,
    booklet_view,
    form_view,
    glossary_view,
    sheet_view,
    term_pattern,
)

PACKAGE = resources.files("survivalkit.sheets")
PAGE_MARGINS_CM = (1.3, 1.5, 1.4, 1.5)
"""The A4 page's margins (top, right, bottom, left), in centimetres."""
FOOTER_PT = 8
"""The page footers' type size: the smallest printed (see ``pdf.MIN_PT``)."""


def _load_template(name: str) -> str:
    return (PACKAGE / "templates" / name).read_text(encoding="utf-8")


@cache
def css(name: str) -> str:
    """A shipped style sheet (``base``, ``sheet``, ``booklet``, ``form``)."""
    return "\n" + (PACKAGE / "css" / f"{name}.css").read_text(encoding="utf-8")


def _finalize(value: Any) -> Any:
    """Escape as the rest of survivalkit does (``html.escape``); Markup and ``Txt`` know how."""
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value)))


@cache
def environment() -> Environment:
    """The templates' environment: our own templates, every value escaped."""
    return Environment(
        loader=FunctionLoader(_load_template),
        autoescape=True,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )


class TermMarker:
    """Glossary terms in a sheet's text: linked to the booklet's glossary, marked with their language.

    An English term in French text gets ``lang="en"`` (and a French one in English text
    ``lang="fr"``) so that a screen reader pronounces it right; in the booklet each term also
    links to its glossary entry.
    """

    def __init__(self, terms: Sequence[TermView], *, link: bool) -> None:
        self.link = link
        self.by_name: dict[str, TermView] = {}
        for term in terms:
            for name in (term.term, *term.variants):
                self.by_name.setdefault(name.casefold(), term)
        self.pattern = term_pattern(self.by_name)

    def __call__(self, text: Any) -> Markup:
        if not isinstance(text, Txt) or self.pattern is None:
            return Markup(_finalize(text))
        out: list[str] = []
        for words, mark in text.runs():
            if mark is None:
                out.append(self._terms(words, text.lang))
            else:  # a phrase the kit marks in the other language (its terms still linked)
                out.append(f'<span lang="{mark}">{self._terms(words, mark)}</span>')
        body = "".join(out)
        if text.lang != text.page_lang:
            body = f'<span lang="{text.lang}">{body}</span>'
        return Markup(body)

    def _terms(self, words: str, lang: str) -> str:
        """``words`` (in ``lang``) escaped, each glossary term linked and marked with its language."""
        assert self.pattern is not None
        out: list[str] = []
        at = 0
        for match in self.pattern.finditer(words):
            term = self.by_name[match[1].casefold()]
            # A variant may be a spelling in either language: only the term itself is marked.
            other = term.lang != lang and match[1].casefold() == term.term.casefold()
            if not (other or self.link):
                continue
            out.append(html.escape(words[at:match.start()]))
            shown = html.escape(match[1])
            lang_attr = f' lang="{term.lang}"' if other else ""
            if self.link:
                out.append(f'<a class="term" href="#{term.id}"{lang_attr}>{shown}</a>')
            else:
                out.append(f"<span{lang_attr}>{shown}</span>")
            at = match.end()
        out.append(html.escape(words[at:]))
        return "".join(out)


def _helpers(lang: str) -> dict[str, Any]:
    """Functions the templates call: messages as text or HTML, code spans."""

    def m(key: str, **values: Any) -> str:
        return message(key, lang, **{k: str(v) for k, v in values.items()})

    def mh(key: str, **html_values: Any) -> Markup:
        template = message(key, lang)
        return Markup(html.escape(template, quote=False).format(
            **{k: str(v) for k, v in html_values.items()}))

    def code(text: str) -> Markup:
        return Markup(f'<code class="command">{html.escape(text)}</code>')

    return {"m": m, "mh": mh, "code": code, "lang": lang}


def render(name: str, lang: str, **values: Any) -> str:
    """Render the template ``name`` with ``values`` and the helpers for ``lang``."""
    values.setdefault("g", TermMarker([], link=False))
    return environment().get_template(name).render(**_helpers(lang), **values)


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal, safe inside a ``<style>`` element."""
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return '"' + out.replace("<", "\\3c ").replace(">", "\\3e ") + '"'


DUPLEX_CSS = """
.sheet, .sheet + .sheet, .toc, .glossary { break-before: right; }
.stage { break-before: left; }
@page :blank { @bottom-left { content: none; } @bottom-right { content: none; }
  @top-right { content: none; } @top-center { content: none; } }
"""
"""Printed on both sides: each sheet starts on a right-hand page, a stage's opening page faces
its first sheet, and the pages left blank carry nothing."""


def sheet_continued_css(lang: str) -> str:
    """A loose sheet that runs over its page: « page 2 / 2 », its title on top of the next pages,
    and its boxes one under the other so that a long one breaks instead of leaving a page empty."""
    small = f"font-size: {FOOTER_PT}pt; color: #3a3a3a;"
    numbers = _css_string(message("sheets.form.page", lang) + " ") + ' counter(page) " / " counter(pages)'
    return (
        f"@page {{ @bottom-right {{ content: {numbers}; {small} }}\n"
        f"  @top-center {{ content: string(sheettitle); {small} }} }}\n"
        "@page :first { @top-center { content: none; } }\n"
        ".sheet-title { string-set: sheettitle content(text); }\n"
        # Side-by-side boxes cannot break across pages: one under the other, free to break.
        ".sheet .pair { display: block; width: auto; }\n"
        ".sheet .box, .sheet .steps, .sheet .sources { display: block; break-inside: auto; margin-bottom: .5em; }\n"
    )


def page_css(
    kit: Kit, lang: str, layout: Layout, numbered: bool, *, paper: bool = False
) -> str:
    """The ``@page`` rules: A4, the kit's name and version, page numbers, the running stage.

    A printed form repeats its title and a line for the participant's name at the top of each
    page, and numbers its pages « page 2 / 3 » (each form is laid out on its own).
    """
    version = message("sheets.version", lang, version=kit.info.version)
    kit_line = f"{Txt.of(kit.info.title, lang).text} · {version}"
    small = f"font-size: {FOOTER_PT}pt; color: #3a3a3a;"
    numbers = 'counter(page) " / " counter(pages)' if numbered else "none"
    form_head = paper and layout is Layout.FORMS
    if paper and numbered:  # « page 2 / 3 », on forms, the booklet and a sheet that runs over
        numbers = _css_string(message("sheets.form.page", lang) + " ") + " " + numbers
    margins = " ".join(f"{size}cm" for size in PAGE_MARGINS_CM)
    out = (
        f"@page {{ size: A4; margin: {margins};\n"
        f"  @bottom-left {{ content: {_css_string(kit_line)}; {small} }}\n"
        f"  @bottom-right {{ content: {numbers}; {small} }}\n"
        "  @bottom-center { content: none; }\n"
    )
    if layout is Layout.BOOKLET:
        out += f"  @top-right {{ content: string(stage); {small} }}\n"
    if form_head:
        out += "  @top-center { content: element(formhead); width: 100%; vertical-align: bottom; }\n"
    out += "}\n"
    if layout is Layout.BOOKLET:
        out += (
            "@page cover { @bottom-right { content: none; } @bottom-left { content: none; }"
            " @top-right { content: none; } }\n"
        )
    return out


def build_html(
    kit: Kit,
    tools: Sequence[Tool],
    *,
    layout: Layout,
    lang: str,
    day: dt.date,
    stage: str | None = None,
    paper: bool = False,
    duplex: bool = False,
    extra_css: str = "",
    workshop: Workshop | None = None,
    kits: Sequence[str] = (),
) -> str:
    """The standalone HTML page for sheets, a booklet or forms (print CSS included).

    ``paper`` lays it out for printing (the PDF): what to do is said for a pen, never as a
    command line. ``duplex`` starts each sheet on a right-hand page. ``extra_css`` comes last
    (used to measure sheets on endless pages, or to move a form's page break). ``workshop``
    puts the event, place, date and logo on the booklet's cover; ``kits`` are the ``--kit``
    folders in use (a regional tool's command names its folder).
    """
    kit_title = Txt.of(kit.info.title, lang).text
    if layout is Layout.BOOKLET:
        booklet = booklet_view(kit, tools, lang, day, stage, workshop, kits)
        body = render("booklet.html.j2", lang, b=booklet, paper=paper,
                      g=TermMarker(booklet.glossary, link=True))
        style = css("booklet") + css("sheet")
        title = kit_title
    elif layout is Layout.FORMS:
        body = render("forms.html.j2", lang, forms=[form_view(kit, tool, lang, kits) for tool in tools],
                      paper=paper)
        style = css("form")
        title = form_page_title(tools, lang)
    else:
        body = render("sheets.html.j2", lang, sheets=[sheet_view(kit, tool, lang, kits) for tool in tools],
                      paper=paper, g=TermMarker(glossary_view(kit, lang), link=False))
        style = css("sheet")
        title = Txt.of(tools[0].title, lang).text if len(tools) == 1 else kit_title
    # Loose sheets on paper are laid out one by one (``pdf.print_sheets``): each is numbered
    # on its own, only when it runs over its page.
    numbered = layout is not Layout.SHEETS or (len(tools) > 1 and not paper)
    style = css("base") + page_css(kit, lang, layout, numbered, paper=paper) + style
    if duplex:
        style += DUPLEX_CSS
    style += extra_css
    # The file's own description (a PDF's author and subject): the kit, and what the pages are for.
    about = tools[0].summary if layout is Layout.SHEETS and len(tools) == 1 else kit.info.description
    subject = " ".join(Txt.of(about, lang).text.split())
    return html_page(body, title=title, lang=lang, css=style, author=kit_title, subject=subject, header=False)


def form_page_title(tools: Sequence[Tool], lang: str) -> str:
    """``Formulaire : Mémo « achat public », …``."""
    names = ", ".join(Txt.of(tool.title, lang).text for tool in tools[:3])
    return message("sheets.form.page_title", lang, tools=names + (" …" if len(tools) > 3 else ""))


__all__ = ["build_html", "css", "environment", "form_page_title", "page_css", "render",
           "sheet_continued_css"]
