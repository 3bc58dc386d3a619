"""Printable kit sheets, the trainers' booklet and paper forms, as HTML, Markdown or PDF."""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from survivalkit.engine.expressions import analyse
from survivalkit.errors import UsageError
from survivalkit.i18n import t
from survivalkit.kit.model import (
    SOURCE_LANGUAGE,
    Kit,
    Question,
    QuestionType,
    Term,
    Text,
    Tool,
    has_lang,
    tool_questions,
    tr,
)
from survivalkit.output.formats import html_page, html_to_pdf, refuse_fetch
from survivalkit.output.typography import format_date_long, format_number, french_spacing

SHEET_FORMATS = ("pdf", "html", "md")
SHEET_PT = 9.5
"""The sheets' type size, in points."""
MIN_SHEET_PT = 7.5
"""The smallest type a sheet is shrunk to so that it stays on one page."""
MAX_RENDERS = 4
"""How many times a PDF may be laid out while fitting its sheets."""
PAGE_TOP_PX = 1.5 / 2.54 * 96
PAGE_BOTTOM_PX = (29.7 - 1.7) / 2.54 * 96
"""Where the page's content area starts and ends (CSS pixels), matching ``_page_css``."""


class Layout(StrEnum):
    """What is printed: loose sheets, the whole booklet, or paper forms."""

    SHEETS = "sheets"
    BOOKLET = "booklet"
    FORMS = "forms"


@dataclass(frozen=True)
class PdfResult:
    """A printed PDF with what the command reports about it."""

    data: bytes
    pages: int
    overflowing: list[str] = field(default_factory=list)
    """Ids of the tools whose sheet still takes more than one page."""


# --- choosing and ordering tools ---------------------------------------------------------


def select_tools(
    kit: Kit, tools: Sequence[Tool] | None, stage: str | None, lang: str
) -> list[Tool]:
    """The tools to print: those given (or all), kept to ``stage``; refuses an empty result."""
    if stage is not None and stage not in kit.stage_ids():
        raise UsageError(t("stage.unknown", lang, stage=stage, known=", ".join(kit.stage_ids())))
    chosen = list(tools) if tools else list(kit.tools.values())
    chosen = list({tool.id: tool for tool in chosen}.values())
    if stage is not None:
        chosen = [tool for tool in chosen if stage in tool.stages]
    if not chosen:
        raise UsageError(t("sheets.none", lang))
    return chosen


def home_stage(kit: Kit, tool: Tool, stage: str | None = None) -> str:
    """The stage section a tool is printed in: ``stage`` when asked, else its earliest stage."""
    if stage is not None and stage in tool.stages:
        return stage
    order = kit.stage_ids()
    known = [s for s in tool.stages if s in order]
    return min(known, key=order.index) if known else tool.stages[0]


def by_stage(
    kit: Kit, tools: Sequence[Tool], stage: str | None = None
) -> list[tuple[str, list[Tool]]]:
    """Tools grouped by the section they are printed in, sections in journey order."""
    order = kit.stage_ids()
    groups: dict[str, list[Tool]] = {}
    for tool in tools:
        groups.setdefault(home_stage(kit, tool, stage), []).append(tool)
    ranked = sorted(groups, key=lambda s: order.index(s) if s in order else len(order))
    return [(s, groups[s]) for s in ranked]


def booklet_order(kit: Kit, tools: Sequence[Tool], stage: str | None = None) -> list[Tool]:
    """The tools in the order the booklet prints them."""
    return [tool for _, group in by_stage(kit, tools, stage) for tool in group]


def default_filename(tools: Sequence[Tool], layout: Layout, fmt: str, lang: str) -> str:
    """A sensible file name when ``-o`` is not given."""
    if len(tools) == 1:
        suffix = f"-{t('sheets.file.form', lang)}" if layout is Layout.FORMS else ""
        return f"{tools[0].id}{suffix}.{fmt}"
    key = {"forms": "sheets.file.forms", "booklet": "sheets.file.booklet"}.get(
        layout.value, "sheets.file.sheets"
    )
    return f"{t(key, lang)}.{fmt}"


# --- text helpers ------------------------------------------------------------------------


def _plain(text: Text | None, lang: str) -> str:
    """Kit text in ``lang`` (French when missing), with French typography when French."""
    value = tr(text, lang).strip()
    shown = lang if has_lang(text, lang) else SOURCE_LANGUAGE
    return french_spacing(value) if shown == "fr" else value


def _h(text: Text | None, lang: str) -> str:
    """Kit text as escaped HTML; a French fallback in an English page is marked ``lang="fr"``."""
    value = html.escape(_plain(text, lang))
    if lang != SOURCE_LANGUAGE and text is not None and not has_lang(text, lang):
        return f'<span lang="{SOURCE_LANGUAGE}">{value}</span>'
    return value


def _m(key: str, lang: str, **values: str) -> str:
    """An interface message in plain text, typographed in French."""
    text = t(key, lang, **values)
    return french_spacing(text) if lang == "fr" else text


def _mh(key: str, lang: str, **html_values: str) -> str:
    """An interface message as HTML; ``html_values`` are inserted as given (already HTML)."""
    template = t(key, lang)
    if lang == "fr":
        template = french_spacing(template)
    return html.escape(template, quote=False).format(**html_values)


def _labelled(label: str, value: str, lang: str) -> str:
    """``label: value`` with the French no-break space before the colon."""
    return f"{label}\u00a0: {value}" if lang == "fr" else f"{label}: {value}"


def _code(text: str) -> str:
    return f"<code>{html.escape(text)}</code>"


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal, safe inside a ``<style>`` element."""
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return '"' + out.replace("<", "\\3c ").replace(">", "\\3e ") + '"'


def _stage_titles(kit: Kit, lang: str) -> dict[str, Text]:
    return {s.id: s.title for s in kit.info.stages}


def _stage_label(kit: Kit, stage_id: str, lang: str) -> str:
    """``Étape 2 · L'expérimentation``."""
    ids = kit.stage_ids()
    number = ids.index(stage_id) + 1 if stage_id in ids else 0
    title = _stage_titles(kit, lang).get(stage_id, stage_id)
    return _m("sheets.stage", lang, n=str(number), title=_plain(title, lang))


def _official(term: Term, lang: str) -> str:
    official = term.official or ""
    if term.official_date:
        official += f" ({term.official_date})"
    return _m("sheets.official", lang, term=official)


def _run_command(tool: Tool) -> str:
    return f"survivalkit run {tool.id}"


def _form_command(tool: Tool) -> str:
    return f"survivalkit sheets {tool.id} --form"


# --- CSS ---------------------------------------------------------------------------------

BASE_CSS = """
html { font-family: "DejaVu Sans", "Marianne", Arial, sans-serif; color: #161616; }
@media print { main { margin: 0; } }
h1, h2, h3, h4 { color: #000091; line-height: 1.2; }
a { color: #000091; overflow-wrap: anywhere; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .9em; background: #eeeef8;
  padding: 0 .2em; border-radius: 2px; }
ul, ol { break-inside: avoid; }
li { break-inside: avoid; }
table { break-inside: avoid; }
.kit-line { font-size: .8em; color: #3a3a3a; letter-spacing: .02em; }
@media screen {
  .sheet, .form, .cover, .toc, .glossary { border-bottom: 2px dashed #929292;
    padding-bottom: 2rem; margin-bottom: 2rem; }
}
"""

SHEET_CSS = """
.sheet { font-size: 9.5pt; line-height: 1.36; }
.sheet .chips { margin: 0 0 .5em; display: flex; flex-wrap: wrap; gap: .4em; align-items: center; }
.sheet .chips .label { font-size: .82em; color: #3a3a3a; text-transform: uppercase;
  letter-spacing: .04em; }
.sheet .chip { font-size: .82em; font-weight: bold; color: #000091; border: 1px solid #000091;
  border-radius: 1em; padding: .05em .7em; }
.sheet .sheet-title { font-size: 2em; margin: 0 0 .35em; }
.sheet .summary { font-size: 1.1em; margin: 0 0 .7em; color: #2a2a2a; }
.sheet .part-title { bookmark-level: none; font-size: 1.05em; text-transform: uppercase; letter-spacing: .04em;
  margin: .9em 0 .35em; break-after: avoid; }
.sheet .when { background: #f5f5fe; border-left: 4px solid #000091; padding: .45em .8em;
  margin: 0 0 .4em; break-inside: avoid; }
.sheet .when .part-title { margin-top: .1em; }
.sheet .when p { margin: 0; }
.sheet ol.steps { list-style: none; padding: 0; margin: 0; counter-reset: step; }
.sheet ol.steps li { counter-increment: step; position: relative; padding-left: 2.1em;
  margin: 0 0 .38em; min-height: 1.5em; }
.sheet ol.steps li::before { content: counter(step); position: absolute; left: 0; top: -.05em;
  width: 1.5em; height: 1.5em; line-height: 1.5em; border-radius: 50%; background: #000091;
  color: #fff; text-align: center; font-weight: bold; font-size: .92em; }
.sheet .pair { display: grid; grid-template-columns: 1fr 1fr; gap: .9em; margin-top: .5em; }
.sheet .box { padding: .4em .75em .45em; break-inside: avoid; border-top: 3px solid #000091;
  background: #f6f6f6; }
.sheet .box.tips { border-top-color: #18753c; background: #f1f8f3; }
.sheet .box.tips .part-title { color: #18753c; }
.sheet .box.pitfalls { border-top-color: #ce0500; background: #fdf3f2; }
.sheet .box.pitfalls .part-title { color: #ce0500; }
.sheet .box .part-title { margin-top: .15em; }
.sheet .box ul { margin: 0; padding-left: 1.15em; }
.sheet .box li { margin: 0 0 .3em; }
.sheet .sources { margin-top: .8em; padding-top: .4em; border-top: 1px solid #929292;
  font-size: .82em; color: #2a2a2a; break-inside: avoid; }
.sheet .sources .part-title { font-size: 1.1em; margin: .1em 0 .25em; color: #2a2a2a; }
.sheet .sources ul { margin: 0; padding-left: 1.1em; }
.sheet .sources li { margin: 0 0 .12em; }
.sheet .reviewed { margin: .3em 0 0; font-style: italic; }
.sheet .use { margin-top: .7em; font-size: .88em; background: #eeeef8; padding: .35em .7em;
  break-inside: avoid; }
.sheet .use p { margin: 0; }
.sheet-end { height: 0; margin: 0; padding: 0; }
.sheet + .sheet { break-before: page; }
"""

BOOKLET_CSS = """
.cover { page: cover; break-after: page; padding-top: 5.5cm; }
.cover .kit-title { font-size: 2.5em; margin: 0 0 .5em; }
.cover .description { font-size: 1.15em; max-width: 34em; color: #2a2a2a; }
.cover .facts { margin-top: 2em; font-size: 1.05em; border-left: 4px solid #000091;
  padding-left: .8em; }
.cover .facts p { margin: .15em 0; }
.cover .howto { margin-top: 3em; font-size: .95em; background: #f5f5fe; padding: .6em 1em; }
.cover .howto h2 { font-size: 1.05em; margin: .2em 0 .4em; }
.cover .howto ul { margin: 0; padding-left: 1.2em; }
.toc { break-after: page; }
.toc h2 { font-size: 1.6em; margin: 0 0 .8em; }
.toc h3 { font-size: 1.1em; margin: 1.1em 0 .2em; bookmark-level: none; }
.toc .stage-desc { margin: 0 0 .3em; color: #3a3a3a; font-size: .92em; }
.toc ul { list-style: none; padding: 0; margin: 0; }
.toc li { margin: .15em 0; }
.toc a { text-decoration: none; color: #161616; }
.toc a::after { content: leader('.') target-counter(attr(href), page); color: #161616; }
.toc .glossary-link { margin-top: 1.2em; font-weight: bold; }
.stage { break-before: page; }
.stage-band { font-size: 9.6pt; background: #000091; color: #fff; margin: 0 0 .9em;
  padding: .35em .8em; }
.stage-band h2 { color: #fff; font-size: 1.15em; margin: 0; string-set: stage content(); }
.stage-band p { margin: .1em 0 0; font-size: .9em; }
.glossary { break-before: page; font-size: 8.8pt; line-height: 1.32; }
.glossary h2 { font-size: 1.6em; margin: 0 0 .7em; string-set: stage content(); }
.glossary dl { columns: 2; column-gap: 1.6em; margin: 0; }
.glossary .term { break-inside: avoid; margin: 0 0 .7em; }
.glossary dt { font-weight: bold; color: #000091; }
.glossary dd { margin: .1em 0 0; }
.glossary .official, .glossary .note { color: #3a3a3a; font-size: .92em; }
"""

FORM_CSS = """
.form { font-size: 10pt; line-height: 1.35; }
.form + .form { break-before: page; }
.form .form-kind { margin: 0 0 .2em; font-size: .85em; text-transform: uppercase;
  letter-spacing: .05em; color: #3a3a3a; }
.form h1 { font-size: 1.7em; margin: 0 0 .3em; }
.form .intro { margin: 0 0 .8em; color: #2a2a2a; }
.form h2 { font-size: 1.1em; text-transform: uppercase; letter-spacing: .04em;
  border-bottom: 2px solid #000091; padding-bottom: .15em; margin: 1em 0 .5em; break-after: avoid; }
.form .identity { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1.4em; row-gap: .5em; }
.form .identity-field { break-inside: avoid; }
.form .identity-field .id-label { font-size: .85em; color: #2a2a2a; }
.form .identity-field .line { height: .85cm; border-bottom: 1px solid #6a6a6a; }
.form .field { break-inside: avoid; margin: 0 0 1.15em; }
.form .field h3 { bookmark-level: none; font-size: 1em; color: #161616; margin: 0 0 .15em; }
.form .field h3 .num { color: #000091; }
.form .field .flag { font-weight: normal; color: #3a3a3a; font-size: .9em; }
.form .field .help { margin: 0 0 .15em; font-size: .88em; color: #3a3a3a; }
.form .field .cond { margin: 0 0 .15em; font-size: .88em; color: #000091; font-style: italic; }
.form .lines .line { height: .85cm; border-bottom: 1px solid #6a6a6a; }
.form .short { display: flex; align-items: flex-end; gap: .5em; margin-top: .25em; }
.form .short .write { display: inline-block; width: 6cm; height: .9cm; border: 1px solid #6a6a6a; }
.form .short .unit { font-size: .95em; }
.form .date { display: flex; align-items: flex-start; gap: .3em; margin-top: .25em; }
.form .date .cell { display: flex; flex-direction: column; align-items: center; }
.form .date .write { display: block; height: .9cm; border: 1px solid #6a6a6a; }
.form .date .ph { display: block; font-size: .75em; color: #3a3a3a; }
.form .date .dd, .form .date .mm { width: 1.4cm; }
.form .date .yyyy { width: 2.4cm; }
.form .date .sep { font-size: 1.4em; line-height: .9cm; }
.form ul.choices { list-style: none; padding: 0; margin: .25em 0 0; }
.form ul.choices.inline li { display: inline-block; margin-right: 2em; }
.form ul.choices li { margin: 0 0 .35em; padding-left: 1.7em; position: relative; }
.form .tick { position: absolute; left: 0; top: .05em; width: 1em; height: 1em;
  border: 1.5px solid #161616; }
.form ul.choices li .choice-help { display: block; font-size: .85em; color: #3a3a3a; }
.form .pick-hint { font-size: .85em; color: #3a3a3a; margin: 0; }
"""


def _page_css(kit: Kit, lang: str, layout: Layout, numbered: bool) -> str:
    version = _m("sheets.version", lang, version=kit.info.version)
    kit_line = f"{_plain(kit.info.title, lang)} · {version}"
    small = "font-size: 7.5pt; color: #3a3a3a;"
    numbers = 'counter(page) " / " counter(pages)' if numbered else "none"
    css = (
        "@page { size: A4; margin: 1.5cm 1.7cm 1.7cm 1.7cm;\n"
        f"  @bottom-left {{ content: {_css_string(kit_line)}; {small} }}\n"
        f"  @bottom-right {{ content: {numbers}; {small} }}\n"
        "  @bottom-center { content: none; }\n"
    )
    if layout is Layout.BOOKLET:
        css += f"  @top-right {{ content: string(stage); {small} }}\n"
    css += "}\n"
    if layout is Layout.BOOKLET:
        css += (
            "@page cover { @bottom-right { content: none; } @bottom-left { content: none; }"
            " @top-right { content: none; } }\n"
        )
    return css


# --- one sheet ---------------------------------------------------------------------------


def _list(items: Sequence[Text], lang: str, cls: str = "", ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    attr = f' class="{cls}"' if cls else ""
    rows = "".join(f"<li>{_h(item, lang)}</li>" for item in items)
    return f"<{tag}{attr}>{rows}</{tag}>"


def sheet_html(
    kit: Kit, tool: Tool, lang: str, *, level: int = 1, size: float | None = None
) -> str:
    """One tool's sheet as an HTML ``<article>`` meant to fill one A4 page; ``size`` in points."""
    h_title, h_part = f"h{level}", f"h{level + 1}"
    stages = _stage_titles(kit, lang)
    sheet = tool.sheet

    def part(key: str) -> str:
        return f'<{h_part} class="part-title">{html.escape(_m(key, lang))}</{h_part}>'

    chips = "".join(
        f'<span class="chip">{_h(stages.get(s, s), lang)}</span>' for s in tool.stages
    )
    style = f' style="font-size: {size:.2f}pt"' if size is not None else ""
    out = [
        f'<article class="sheet"{style} id="tool-{tool.id}" data-tool="{tool.id}"'
        f' aria-labelledby="title-{tool.id}">',
        f'<p class="chips"><span class="label">{html.escape(_m("sheets.stages", lang))}</span>'
        f"{chips}</p>",
        f'<{h_title} class="sheet-title" id="title-{tool.id}">{_h(tool.title, lang)}</{h_title}>',
        f'<p class="summary">{_h(tool.summary, lang)}</p>',
        f'<section class="when">{part("sheet.when")}<p>{_h(sheet.when_to_use, lang)}</p></section>',
        f'<section class="steps-part">{part("sheet.steps")}'
        f"{_list(sheet.steps, lang, 'steps', ordered=True)}</section>",
    ]
    def box(cls: str, key: str, items: Sequence[Text]) -> str:
        return f'<section class="box {cls}">{part(key)}{_list(items, lang)}</section>'

    upper = [box("tips", "sheet.tips", sheet.tips)] if sheet.tips else []
    if sheet.pitfalls:
        upper.append(box("pitfalls", "sheet.pitfalls", sheet.pitfalls))
    lower = [box("documents", "sheet.documents", [d.title for d in tool.documents])]
    if sheet.next_steps:
        lower.append(box("next", "sheet.next", sheet.next_steps))
    for pair in (upper, lower):
        if pair:
            out.append(f'<div class="pair">{"".join(pair)}</div>')
    n_questions = len(tool_questions(kit, tool))
    out.append(
        '<div class="use"><p>'
        + _mh("sheets.use", lang, run=_code(_run_command(tool)), n=str(n_questions),
              form=_code(_form_command(tool)))
        + "</p></div>"
    )
    sources = []
    for src in tool.sources:
        bits = [_h(src.title, lang)]
        if src.reference:
            bits.append(_h(src.reference, lang))
        if src.url:
            url = html.escape(src.url)
            bits.append(f'<a href="{url}">{url}</a>')
        sources.append("<li>" + " — ".join(bits) + "</li>")
    reviewed = html.escape(_m("sheet.reviewed", lang, date=format_date_long(tool.reviewed, lang)))
    out.append(
        f'<section class="sources">{part("sheet.sources")}<ul>{"".join(sources)}</ul>'
        f'<p class="reviewed">{reviewed}</p></section>'
    )
    out.append(f'<div class="sheet-end" id="end-{tool.id}"></div>')
    out.append("</article>\n")
    return "\n".join(out)


# --- booklet -----------------------------------------------------------------------------


def _cover_html(kit: Kit, tools: Sequence[Tool], lang: str, day: dt.date) -> str:
    facts = [
        _m("sheets.version", lang, version=kit.info.version),
        _m("sheets.edition", lang, date=format_date_long(day, lang)),
        _m("sheets.count", lang, n=str(len(tools))),
    ]
    howto = [
        _mh("sheets.howto.sheet", lang),
        _mh("sheets.howto.run", lang, run=_code("survivalkit run OUTIL" if lang == "fr"
                                                  else "survivalkit run TOOL")),
        _mh("sheets.howto.form", lang, form=_code("survivalkit sheets OUTIL --form" if lang == "fr"
                                                    else "survivalkit sheets TOOL --form")),
    ]
    return (
        '<section class="cover">\n'
        f'<h1 class="kit-title">{_h(kit.info.title, lang)}</h1>\n'
        f'<p class="description">{_h(kit.info.description, lang)}</p>\n'
        '<div class="facts">' + "".join(f"<p>{html.escape(f)}</p>" for f in facts) + "</div>\n"
        f'<div class="howto"><h2>{html.escape(_m("sheets.howto", lang))}</h2><ul>'
        + "".join(f"<li>{item}</li>" for item in howto)
        + "</ul></div>\n</section>\n"
    )


def _toc_html(kit: Kit, tools: Sequence[Tool], lang: str, stage: str | None, glossary: bool) -> str:
    stages = [s for s in kit.info.stages if stage is None or s.id == stage]
    out = [
        '<nav class="toc" aria-labelledby="toc-title">',
        f'<h2 id="toc-title">{html.escape(_m("sheets.toc", lang))}</h2>',
    ]
    for s in stages:
        members = [tool for tool in tools if s.id in tool.stages]
        if not members:
            continue
        out.append(f"<h3>{html.escape(_stage_label(kit, s.id, lang))}</h3>")
        if s.description:
            out.append(f'<p class="stage-desc">{_h(s.description, lang)}</p>')
        out.append(
            "<ul>"
            + "".join(
                f'<li><a href="#tool-{tool.id}">{_h(tool.title, lang)}</a></li>' for tool in members
            )
            + "</ul>"
        )
    if glossary:
        label = html.escape(_m("sheets.glossary", lang))
        out.append(f'<p class="glossary-link"><a href="#glossary">{label}</a></p>')
    out.append("</nav>\n")
    return "\n".join(out)


def _glossary_html(terms: Sequence[Term], lang: str) -> str:
    items = []
    for term in sorted(terms, key=lambda x: x.term.lower()):
        parts = [f"<dt>{html.escape(term.term)}</dt>", f"<dd>{_h(term.definition, lang)}</dd>"]
        if term.official:
            official = html.escape(_official(term, lang))
            parts.append(f'<dd class="official">{official}</dd>')
        if term.note:
            parts.append(f'<dd class="note">{_h(term.note, lang)}</dd>')
        items.append('<div class="term">' + "".join(parts) + "</div>")
    return (
        '<section class="glossary" id="glossary" aria-labelledby="glossary-title">\n'
        f'<h2 id="glossary-title">{html.escape(_m("sheets.glossary", lang))}</h2>\n'
        f"<dl>{''.join(items)}</dl>\n</section>\n"
    )


def booklet_body(
    kit: Kit, tools: Sequence[Tool], lang: str, day: dt.date, *, stage: str | None = None,
    fit: dict[str, float] | None = None,
) -> str:
    """The booklet's body: cover, contents, sheets by stage, glossary."""
    fit = fit or {}
    terms = list(kit.glossary.terms)
    out = [_cover_html(kit, tools, lang, day), _toc_html(kit, tools, lang, stage, bool(terms))]
    stage_by_id = {s.id: s for s in kit.info.stages}
    for stage_id, group in by_stage(kit, tools, stage):
        info = stage_by_id.get(stage_id)
        label = html.escape(_stage_label(kit, stage_id, lang))
        desc = f"<p>{_h(info.description, lang)}</p>" if info and info.description else ""
        sid = f"stage-title-{stage_id}"
        out.append(
            f'<section class="stage" id="stage-{stage_id}" aria-labelledby="{sid}">\n'
            f'<div class="stage-band"><h2 id="{sid}">{label}</h2>{desc}</div>\n'
        )
        for tool in group:
            out.append(sheet_html(kit, tool, lang, level=3, size=fit.get(tool.id)))
        out.append("</section>\n")
    if terms:
        out.append(_glossary_html(terms, lang))
    return "".join(out)


# --- paper forms -------------------------------------------------------------------------


TICK = '<span class="tick" aria-hidden="true"></span>'


def _lines(count: int) -> str:
    return '<div class="lines">' + '<div class="line"></div>' * count + "</div>"


def _text_lines(question: Question) -> int:
    if question.type is QuestionType.LONGTEXT:
        size = question.max_length or 800
        return max(3, min(7, round(size / 220)))
    return 2 if (question.max_length or 0) > 200 else 1


def _number_text(value: float, lang: str) -> str:
    return format_number(int(value) if float(value).is_integer() else value, lang)


def _answer_area(question: Question, lang: str) -> str:
    kind = question.type
    if kind in (QuestionType.CHOICE, QuestionType.MULTICHOICE):
        hint = "sheets.form.many" if kind is QuestionType.MULTICHOICE else "sheets.form.one"
        rows = []
        for choice in question.choices or []:
            extra = (
                f'<span class="choice-help">{_h(choice.help, lang)}</span>' if choice.help else ""
            )
            rows.append(f"<li>{TICK}{_h(choice.label, lang)}{extra}</li>")
        return (
            f'<p class="pick-hint">{html.escape(_m(hint, lang))}</p>'
            f'<ul class="choices">{"".join(rows)}</ul>'
        )
    if kind is QuestionType.BOOL:
        rows = [f"<li>{TICK}{html.escape(t(key, lang).capitalize())}</li>" for key in ("yes", "no")]
        return f'<ul class="choices inline">{"".join(rows)}</ul>'
    if kind is QuestionType.DATE:
        cells = [("dd", "sheets.form.dd"), ("mm", "sheets.form.mm"), ("yyyy", "sheets.form.yyyy")]
        parts = []
        for index, (cls, key) in enumerate(cells):
            if index:
                parts.append('<span class="sep" aria-hidden="true">/</span>')
            parts.append(
                f'<span class="cell"><span class="write {cls}"></span>'
                f'<span class="ph">{html.escape(_m(key, lang))}</span></span>'
            )
        return f'<div class="date">{"".join(parts)}</div>'
    if kind in (QuestionType.AMOUNT, QuestionType.NUMBER, QuestionType.INTEGER):
        unit = _m("sheets.form.euros", lang) if kind is QuestionType.AMOUNT else ""
        bounds = ""
        if question.min is not None and question.max is not None:
            bounds = _m("sheets.form.between", lang, min=_number_text(question.min, lang),
                        max=_number_text(question.max, lang))
        tail = " ".join(x for x in (unit, bounds) if x)
        return (
            '<div class="short"><span class="write"></span>'
            f'<span class="unit">{html.escape(tail)}</span></div>'
        )
    return _lines(_text_lines(question))


def condition_text(question: Question, numbers: dict[str, int], lang: str) -> str:
    """For a conditional question, which earlier questions decide whether to answer it."""
    if not question.when:
        return ""
    try:
        names = analyse(question.when, expression=True).names
    except Exception:  # a broken condition is `validate`'s business; the form stays usable
        names = {}
    refs = sorted(numbers[n] for n in names if n in numbers)
    if refs:
        return _m("sheets.form.when", lang, refs=", ".join(str(r) for r in refs))
    return _m("sheets.form.when_any", lang)


def _condition_note(question: Question, numbers: dict[str, int], lang: str) -> str:
    text = condition_text(question, numbers, lang)
    return f'<p class="cond">{html.escape(text)}</p>' if text else ""


def form_html(kit: Kit, tool: Tool, lang: str) -> str:
    """A paper form for one tool: an identity block, then one field per question."""
    questions = tool_questions(kit, tool)
    numbers = {q.id: index for index, q in enumerate(questions, start=1)}
    out = [
        f'<article class="form" id="form-{tool.id}" data-tool="{tool.id}"'
        f' aria-labelledby="form-title-{tool.id}">',
        f'<p class="form-kind">{html.escape(_m("sheets.form.kind", lang))}</p>',
        f'<h1 id="form-title-{tool.id}">{_h(tool.title, lang)}</h1>',
        f'<p class="intro">{_mh("sheets.form.intro", lang, run=_code(_run_command(tool)))}</p>',
    ]
    if kit.info.profile:
        out.append(f"<h2>{html.escape(_m('sheets.form.identity', lang))}</h2>")
        cells = [
            f'<div class="identity-field" data-question="{q.id}">'
            f'<span class="id-label">{_h(q.label, lang)}</span><div class="line"></div></div>'
            for q in kit.info.profile
        ]
        out.append(f'<div class="identity">{"".join(cells)}</div>')
    out.append(f"<h2>{html.escape(_m('sheets.form.questions', lang))}</h2>")
    optional = html.escape(_m("hint.optional_short", lang))
    for number, q in enumerate(questions, start=1):
        flag = f' <span class="flag">({optional})</span>' if not q.required else ""
        parts = [
            f'<div class="field" data-question="{q.id}" data-type="{q.type.value}">',
            f'<h3><span class="num">{number}.</span> {_h(q.label, lang)}{flag}</h3>',
            _condition_note(q, numbers, lang),
        ]
        if q.help:
            parts.append(f'<p class="help">{_h(q.help, lang)}</p>')
        if q.example:
            example = _m("sheets.form.example", lang, example=_plain(q.example, lang))
            parts.append(f'<p class="help">{html.escape(example)}</p>')
        parts.append(_answer_area(q, lang))
        parts.append("</div>")
        out.append("".join(parts))
    out.append("</article>\n")
    return "\n".join(out)


# --- whole documents ---------------------------------------------------------------------


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
    """The standalone HTML page for sheets, a booklet or forms (print CSS included)."""
    fit = fit or {}
    kit_title = _plain(kit.info.title, lang)
    if layout is Layout.BOOKLET:
        body = booklet_body(kit, tools, lang, day, stage=stage, fit=fit)
        css = BOOKLET_CSS + SHEET_CSS
        title = kit_title
    elif layout is Layout.FORMS:
        body = "".join(form_html(kit, tool, lang) for tool in tools)
        css = FORM_CSS
        title = _form_page_title(tools, lang)
    else:
        body = "".join(
            sheet_html(kit, tool, lang, size=fit.get(tool.id))
            for tool in tools
        )
        css = SHEET_CSS
        title = _plain(tools[0].title, lang) if len(tools) == 1 else kit_title
    numbered = layout is not Layout.SHEETS or len(tools) > 1
    page_css = _page_css(kit, lang, layout, numbered)
    return html_page(body, title=title, lang=lang, css=BASE_CSS + page_css + css)


def _form_page_title(tools: Sequence[Tool], lang: str) -> str:
    names = ", ".join(_plain(tool.title, lang) for tool in tools[:3])
    return _m("sheets.form.page_title", lang, tools=names + (" …" if len(tools) > 3 else ""))


def _md_list(items: Sequence[Text], lang: str, ordered: bool = False) -> list[str]:
    return [f"{index}. {_plain(item, lang)}" if ordered else f"- {_plain(item, lang)}"
            for index, item in enumerate(items, start=1)]


def sheet_markdown(kit: Kit, tool: Tool, lang: str, *, level: int = 1) -> str:
    """One tool's sheet in Markdown."""
    head, sub = "#" * level, "#" * (level + 1)
    stages = _stage_titles(kit, lang)
    sheet = tool.sheet
    lines = [
        f"{head} {_plain(tool.title, lang)}",
        "",
        "*" + _labelled(_m("sheets.stages", lang),
                        ", ".join(_plain(stages.get(s, s), lang) for s in tool.stages), lang) + "*",
        "",
        _plain(tool.summary, lang),
        "",
        f"{sub} {_m('sheet.when', lang)}",
        "",
        _plain(sheet.when_to_use, lang),
        "",
        f"{sub} {_m('sheet.steps', lang)}",
        "",
        *_md_list(sheet.steps, lang, ordered=True),
        "",
    ]
    for key, items in (("sheet.tips", sheet.tips), ("sheet.pitfalls", sheet.pitfalls)):
        if items:
            lines += [f"{sub} {_m(key, lang)}", "", *_md_list(items, lang), ""]
    lines += [f"{sub} {_m('sheet.documents', lang)}", "",
              *_md_list([d.title for d in tool.documents], lang), ""]
    if sheet.next_steps:
        lines += [f"{sub} {_m('sheet.next', lang)}", "", *_md_list(sheet.next_steps, lang), ""]
    n_questions = str(len(tool_questions(kit, tool)))
    lines += [
        _m("sheets.use", lang, run=f"`{_run_command(tool)}`", n=n_questions,
           form=f"`{_form_command(tool)}`"),
        "",
        f"{sub} {_m('sheet.sources', lang)}",
        "",
    ]
    for src in tool.sources:
        bits = [_plain(src.title, lang)]
        if src.reference:
            bits.append(_plain(src.reference, lang))
        if src.url:
            bits.append(f"<{src.url}>")
        lines.append("- " + " — ".join(bits))
    lines += ["", f"*{_m('sheet.reviewed', lang, date=format_date_long(tool.reviewed, lang))}*", ""]
    return "\n".join(lines)


def booklet_markdown(
    kit: Kit, tools: Sequence[Tool], lang: str, day: dt.date, *, stage: str | None = None
) -> str:
    """The booklet in Markdown: title block, contents, sheets by stage, glossary."""
    lines = [
        f"# {_plain(kit.info.title, lang)}",
        "",
        _plain(kit.info.description, lang),
        "",
        f"{_m('sheets.version', lang, version=kit.info.version)} — "
        f"{_m('sheets.edition', lang, date=format_date_long(day, lang))} — "
        f"{_m('sheets.count', lang, n=str(len(tools)))}",
        "",
        f"## {_m('sheets.toc', lang)}",
        "",
    ]
    for s in kit.info.stages:
        if stage is not None and s.id != stage:
            continue
        members = [tool for tool in tools if s.id in tool.stages]
        if members:
            lines.append(f"- {_stage_label(kit, s.id, lang)}")
            lines += [f"  - {_plain(tool.title, lang)}" for tool in members]
    lines.append("")
    stage_by_id = {s.id: s for s in kit.info.stages}
    for stage_id, group in by_stage(kit, tools, stage):
        info = stage_by_id.get(stage_id)
        lines += [f"## {_stage_label(kit, stage_id, lang)}", ""]
        if info and info.description:
            lines += [_plain(info.description, lang), ""]
        lines += [sheet_markdown(kit, tool, lang, level=3) for tool in group]
    if kit.glossary.terms:
        lines += [f"## {_m('sheets.glossary', lang)}", ""]
        for term in sorted(kit.glossary.terms, key=lambda x: x.term.lower()):
            lines.append(f"**{term.term}** — {_plain(term.definition, lang)}")
            if term.official:
                lines.append(f"*{_official(term, lang)}*")
            if term.note:
                lines.append(_plain(term.note, lang))
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


DOTS = "." * 70


def form_markdown(kit: Kit, tool: Tool, lang: str) -> str:
    """A paper form for one tool in Markdown: dotted lines and ``[ ]`` tick boxes."""
    questions = tool_questions(kit, tool)
    numbers = {q.id: index for index, q in enumerate(questions, start=1)}
    lines = [
        f"# {_m('sheets.form.kind', lang)} — {_plain(tool.title, lang)}",
        "",
        _m("sheets.form.intro", lang, run=f"`{_run_command(tool)}`"),
        "",
    ]
    if kit.info.profile:
        lines += [f"## {_m('sheets.form.identity', lang)}", ""]
        lines += ["- " + _labelled(_plain(q.label, lang), DOTS[:40], lang)
                  for q in kit.info.profile]
        lines.append("")
    lines += [f"## {_m('sheets.form.questions', lang)}", ""]
    optional = _m("hint.optional_short", lang)
    for number, q in enumerate(questions, start=1):
        flag = f" ({optional})" if not q.required else ""
        lines += [f"### {number}. {_plain(q.label, lang)}{flag}", ""]
        if q.when:
            lines += [f"*{condition_text(q, numbers, lang)}*", ""]
        if q.help:
            lines += [f"*{_plain(q.help, lang)}*", ""]
        if q.example:
            lines += [f"*{_m('sheets.form.example', lang, example=_plain(q.example, lang))}*", ""]
        lines += _md_answer(q, lang)
        lines.append("")
    return "\n".join(lines)


def _md_answer(question: Question, lang: str) -> list[str]:
    kind = question.type
    if kind in (QuestionType.CHOICE, QuestionType.MULTICHOICE):
        hint = "sheets.form.many" if kind is QuestionType.MULTICHOICE else "sheets.form.one"
        boxes = [f"- [ ] {_plain(c.label, lang)}" for c in question.choices or []]
        return [_m(hint, lang), "", *boxes]
    if kind is QuestionType.BOOL:
        return [f"- [ ] {t('yes', lang).capitalize()}", f"- [ ] {t('no', lang).capitalize()}"]
    if kind is QuestionType.DATE:
        return [f"{_m('sheets.form.dd', lang)} ..... / {_m('sheets.form.mm', lang)} ..... / "
                f"{_m('sheets.form.yyyy', lang)} .........."]
    if kind in (QuestionType.AMOUNT, QuestionType.NUMBER, QuestionType.INTEGER):
        unit = f" {_m('sheets.form.euros', lang)}" if kind is QuestionType.AMOUNT else ""
        return [DOTS[:30] + unit]
    # One dotted line per paragraph: consecutive lines would merge into one in Markdown.
    return "\n\n".join([DOTS] * _text_lines(question)).split("\n")


def build_markdown(
    kit: Kit, tools: Sequence[Tool], *, layout: Layout, lang: str, day: dt.date,
    stage: str | None = None,
) -> str:
    """Sheets, a booklet or forms in Markdown."""
    if layout is Layout.BOOKLET:
        return booklet_markdown(kit, tools, lang, day, stage=stage)
    if layout is Layout.FORMS:
        return "\n---\n\n".join(form_markdown(kit, tool, lang) for tool in tools)
    return "\n---\n\n".join(sheet_markdown(kit, tool, lang) for tool in tools)


# --- PDF ---------------------------------------------------------------------------------


def _weasyprint_html() -> Any:
    """WeasyPrint's ``HTML`` class; if it cannot load, ``html_to_pdf`` raises the helpful error."""
    try:
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        logging.getLogger("fontTools").setLevel(logging.ERROR)
        from weasyprint import HTML
    except (ImportError, OSError):
        html_to_pdf("")  # raises MissingExtraError with the install hint
        raise
    return HTML


def fit_and_print(build: Callable[[dict[str, float]], str], tool_ids: Sequence[str]) -> PdfResult:
    """Print to PDF, shrinking the type of each sheet that spills over its page.

    ``build`` makes the page from type sizes by tool id. After each layout, every sheet whose
    end lands on a later page than its start gets a smaller size, estimated from how far it
    overflowed (height grows about as the square of the type size), never below
    ``MIN_SHEET_PT``.
    """
    import hashlib

    from survivalkit.kit.cache import load_fit, save_fit

    weasy_html = _weasyprint_html()
    # The sizes that fitted last time this very page was printed save a whole layout pass;
    # the loop below still checks them.
    key = hashlib.sha256(build({}).encode("utf-8")).hexdigest()
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
    return fit_and_print(build, ids)


def build(
    kit: Kit,
    tools: Sequence[Tool],
    *,
    layout: Layout,
    fmt: str,
    lang: str,
    day: dt.date,
    stage: str | None = None,
) -> PdfResult:
    """The file's bytes in ``fmt`` (``pdf``, ``html`` or ``md``); pages are counted for PDF only."""
    if layout is Layout.BOOKLET:
        tools = booklet_order(kit, tools, stage)
    if fmt == "pdf":
        return build_pdf(kit, tools, layout=layout, lang=lang, day=day, stage=stage)
    if fmt == "html":
        text = build_html(kit, tools, layout=layout, lang=lang, day=day, stage=stage)
    elif fmt == "md":
        text = build_markdown(kit, tools, layout=layout, lang=lang, day=day, stage=stage)
    else:
        raise UsageError(t("sheets.bad_format", lang, value=fmt, known=", ".join(SHEET_FORMATS)))
    return PdfResult(text.encode("utf-8"), 0)
