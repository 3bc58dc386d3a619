"""Sheets, the booklet and paper forms as standalone HTML pages, from the Jinja templates."""

from __future__ import annotations

import datetime as dt
import html
import shlex
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup

from survivalkit.kit.model import Kit, Tool
from survivalkit.output.formats import html_page
from survivalkit.sheets.selection import Layout
from survivalkit.sheets.text import Txt, message
from survivalkit.sheets.view import booklet_view, form_view, sheet_view

PACKAGE = resources.files("survivalkit.sheets")


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


def kit_option(kit: Kit) -> str:
    """`` --kit DIR`` for each layer on top of the base kit: a command an agent copies from the
    page must load the same tools (an empty text for the bundled kit alone)."""
    words = []
    for root in kit.roots[1:]:
        path = Path(root)
        try:
            shown = path.resolve().relative_to(Path.cwd().resolve()).as_posix() or "."
        except (OSError, ValueError):
            shown = path.as_posix()
        words.append(f" --kit {shlex.quote(shown)}")
    return "".join(words)


def _helpers(lang: str, kit_flag: str = "") -> dict[str, Any]:
    """Functions the templates call: messages as text or HTML, code spans, commands to copy."""

    def m(key: str, **values: Any) -> str:
        return message(key, lang, **{k: str(v) for k, v in values.items()})

    def mh(key: str, **html_values: Any) -> Markup:
        template = message(key, lang)
        return Markup(html.escape(template, quote=False).format(
            **{k: str(v) for k, v in html_values.items()}))

    def code(text: str) -> Markup:
        return Markup(f"<code>{html.escape(text)}</code>")

    def cmd(text: str) -> Markup:
        return code(text + kit_flag)

    return {"m": m, "mh": mh, "code": code, "cmd": cmd, "lang": lang}


def render(name: str, lang: str, kit_flag: str = "", **values: Any) -> str:
    """Render the template ``name`` with ``values`` and the helpers for ``lang``."""
    return environment().get_template(name).render(**_helpers(lang, kit_flag), **values)


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal, safe inside a ``<style>`` element."""
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return '"' + out.replace("<", "\\3c ").replace(">", "\\3e ") + '"'


def page_css(kit: Kit, lang: str, layout: Layout, numbered: bool) -> str:
    """The ``@page`` rules: A4, the kit's name and version, page numbers, the running stage."""
    version = message("sheets.version", lang, version=kit.info.version)
    kit_line = f"{Txt.of(kit.info.title, lang).text} · {version}"
    small = "font-size: 7.5pt; color: #3a3a3a;"
    numbers = 'counter(page) " / " counter(pages)' if numbered else "none"
    out = (
        "@page { size: A4; margin: 1.5cm 1.7cm 1.7cm 1.7cm;\n"
        f"  @bottom-left {{ content: {_css_string(kit_line)}; {small} }}\n"
        f"  @bottom-right {{ content: {numbers}; {small} }}\n"
        "  @bottom-center { content: none; }\n"
    )
    if layout is Layout.BOOKLET:
        out += f"  @top-right {{ content: string(stage); {small} }}\n"
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
    fit: dict[str, float] | None = None,
) -> str:
    """The standalone HTML page for sheets, a booklet or forms (print CSS included).

    ``fit`` gives the type size (points) of sheets shrunk to stay on one page, by tool id.
    """
    fit = fit or {}
    kit_title = Txt.of(kit.info.title, lang).text
    if layout is Layout.BOOKLET:
        body = render("booklet.html.j2", lang, kit_option(kit),
                      b=booklet_view(kit, tools, lang, day, stage), fit=fit)
        style = css("booklet") + css("sheet")
        title = kit_title
    elif layout is Layout.FORMS:
        body = render("forms.html.j2", lang, kit_option(kit),
                      forms=[form_view(kit, tool, lang) for tool in tools])
        style = css("form")
        title = form_page_title(tools, lang)
    else:
        body = render("sheets.html.j2", lang, kit_option(kit),
                      sheets=[sheet_view(kit, tool, lang) for tool in tools], fit=fit)
        style = css("sheet")
        title = Txt.of(tools[0].title, lang).text if len(tools) == 1 else kit_title
    numbered = layout is not Layout.SHEETS or len(tools) > 1
    style = css("base") + page_css(kit, lang, layout, numbered) + style
    return html_page(body, title=title, lang=lang, css=style)


def form_page_title(tools: Sequence[Tool], lang: str) -> str:
    """``Formulaire : Mémo « achat public », …``."""
    names = ", ".join(Txt.of(tool.title, lang).text for tool in tools[:3])
    return message("sheets.form.page_title", lang, tools=names + (" …" if len(tools) > 3 else ""))


__all__ = ["build_html", "css", "environment", "form_page_title", "page_css", "render"]
