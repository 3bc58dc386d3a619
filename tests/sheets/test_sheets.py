"""Trainers' sheets, booklet and paper forms: what a trainer prints and hands out in a workshop."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from io import BytesIO
from itertools import pairwise
from pathlib import Path

import pytest

from helpers import run_cli
from survivalkit.errors import UsageError
from survivalkit.kit.loader import bundled_kit_dir, load_kit
from survivalkit.kit.model import (
    Glossary,
    Kit,
    Localized,
    QuestionType,
    Term,
    Text,
    Tool,
    has_lang,
    tool_questions,
    tr,
)
from survivalkit.sheets.build import (
    Layout,
    booklet_order,
    build,
    build_html,
    build_markdown,
    by_stage,
    select_tools,
)
from survivalkit.sheets.view import stage_label
from survivalkit.text.typography import format_date_long, french_spacing

DAY = dt.date(2026, 11, 26)
STABLE = "memo-achat-public"
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}


@pytest.fixture(scope="module")
def kit() -> Kit:
    """The bundled kit; tools being edited right now and briefly invalid are simply left out."""
    return load_kit([bundled_kit_dir()], strict=False).kit


INLINE = {"a", "span", "code", "em", "strong", "b", "i", "abbr"}
"""Elements inside a line of text: they do not separate words."""


class Page(HTMLParser):
    """What a reader (or a screen reader) gets from an HTML page."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.headings: list[int] = []
        self.heading_texts: list[str] = []
        self.outline: list[tuple[int, str]] = []
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.chunks: list[str] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self._in_style = False
        self._heading: list[str] | None = None
        self.feed(source)
        self.close()
        if self.stack:
            self.problems.append(f"unclosed: {self.stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.elements.append((tag, values))
        if tag not in INLINE:
            self.chunks.append(" ")
        if tag == "html":
            self.lang = values.get("lang", "")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
            self._heading = []
        self._in_style = tag == "style"
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in INLINE:
            self.chunks.append(" ")
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        self._in_style = False
        if re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            self.heading_texts.append(norm(" ".join(self._heading)))
            self.outline.append((int(tag[1]), self.heading_texts[-1]))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._in_style:
            return
        self.chunks.append(data)
        if self._heading is not None:
            self._heading.append(data)

    @property
    def text(self) -> str:
        return norm("".join(self.chunks))

    def with_class(self, name: str) -> list[dict[str, str]]:
        return [attrs for _, attrs in self.elements if name in attrs.get("class", "").split()]


def norm(text: str) -> str:
    """Text as read: no-break spaces as spaces, whitespace collapsed."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def shown(text: Text | None, lang: str) -> str:
    """A kit text as the sheet shows it (French typography on French text)."""
    value = tr(text, lang)
    french = lang == "fr" or not has_lang(text, lang)
    return norm(french_spacing(value) if french else value)


def heading_order_ok(levels: list[int]) -> bool:
    """Starts at h1 and never skips a level going down."""
    if not levels or levels[0] != 1:
        return False
    return all(b <= a + 1 for a, b in pairwise(levels))


def sheet_texts(tool: Tool, lang: str) -> list[str]:
    """What a sheet must show: title, summary, when, steps, tips, pitfalls, documents, sources."""
    sheet = tool.sheet
    items: list[Text | None] = [tool.title, tool.summary, sheet.when_to_use, *sheet.steps,
                                *sheet.tips, *sheet.pitfalls, *[d.title for d in tool.documents],
                                *[s.title for s in tool.sources]]
    return [shown(item, lang) for item in items]


# --- HTML: one sheet per tool -------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_tool_has_a_complete_accessible_sheet(kit: Kit, lang: str) -> None:
    assert STABLE in kit.tools
    for tool in kit.tools.values():
        page = Page(build_html(kit, [tool], layout=Layout.SHEETS, lang=lang, day=DAY))
        assert not page.problems, (tool.id, page.problems)
        assert page.lang == lang
        assert heading_order_ok(page.headings), (tool.id, page.headings)
        assert page.headings.count(1) == 1
        for text in sheet_texts(tool, lang):
            assert text in page.text, (tool.id, text)
        assert norm(format_date_long(tool.reviewed, lang)) in page.text
        assert f"survivalkit run {tool.id}" in page.text


def test_sheet_shows_stages_by_name_and_sources_as_links(kit: Kit) -> None:
    memo = kit.tools[STABLE]
    page = Page(build_html(kit, [memo], layout=Layout.SHEETS, lang="fr", day=DAY))
    chips = [norm(tr(s.title, "fr")) for s in kit.info.stages if s.id in memo.stages]
    for chip in chips:
        assert norm(french_spacing(chip)) in page.text
    links = [a["href"] for tag, a in page.elements if tag == "a"]
    assert links == [s.url for s in memo.sources if s.url]


def test_english_page_marks_french_fallback_text(kit: Kit) -> None:
    memo = kit.tools[STABLE].model_copy(update={"title": "Titre seulement en français"})
    source = build_html(kit, [memo], layout=Layout.SHEETS, lang="en", day=DAY)
    assert '<html lang="en">' in source
    assert '<span lang="fr">Titre seulement en français</span>' in source


def test_kit_text_is_escaped_everywhere(kit: Kit) -> None:
    memo = kit.tools[STABLE].model_copy(update={"title": "<script>alert(1)</script> & co"})
    for layout in Layout:
        source = build_html(kit, [memo], layout=layout, lang="fr", day=DAY)
        assert "<script>" not in source
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in source


def test_french_typography_in_french_only(kit: Kit) -> None:
    memo = kit.tools[STABLE].model_copy(update={"summary": "Le point : oui ? « non » ; bien!"})
    fr = build_html(kit, [memo], layout=Layout.SHEETS, lang="fr", day=DAY)
    assert "point\u00a0: oui\u202f? «\u202fnon\u202f»\u202f; bien\u202f!" in fr
    en_memo = memo.model_copy(update={"summary": Localized(fr="Le point : oui", en="The point: yes?")})
    en = build_html(kit, [en_memo], layout=Layout.SHEETS, lang="en", day=DAY)
    assert "The point: yes?" in en


# --- HTML: the booklet --------------------------------------------------------------------


def test_booklet_has_cover_contents_stages_and_glossary(kit: Kit) -> None:
    tools = select_tools(kit, None, None, "fr")
    source = build_html(kit, booklet_order(kit, tools), layout=Layout.BOOKLET, lang="fr", day=DAY)
    page = Page(source)
    assert not page.problems and page.lang == "fr"
    assert heading_order_ok(page.headings) and page.headings.count(1) == 1
    assert page.heading_texts[0] == norm(french_spacing(tr(kit.info.title, "fr")))
    latest = max(tool.reviewed for tool in tools)  # the edition date: the latest review
    assert f"Version {kit.info.version}" in page.text
    assert norm(f"Édition du {format_date_long(latest, 'fr')}") in page.text
    assert f"{len(tools)} fiches outils" in page.text
    assert "Sommaire" in page.heading_texts
    ids = {attrs.get("id") for _, attrs in page.elements}
    links = {attrs["href"] for tag, attrs in page.elements if tag == "a" and "href" in attrs}
    for tool in tools:
        assert f"#tool-{tool.id}" in links and f"tool-{tool.id}" in ids
    # sections in journey order, each tool printed once
    for level in (2, 3):  # body sections (h2), contents entries (h3)
        numbers = [int(h.split()[1]) for lv, h in page.outline if lv == level and h[:6] == "Étape "]
        assert numbers and numbers == sorted(set(numbers)), (level, numbers)
    assert len(page.with_class("sheet")) == len(tools)
    assert ("Glossaire" in page.heading_texts) == bool(kit.glossary.terms)


def test_booklet_glossary_lists_terms_with_official_equivalent(kit: Kit) -> None:
    glossary = Glossary(schema_version=1, terms=[
        Term(term="quote", definition="Un devis.", official="devis"),
        Term(term="supplier", variants=["company"],
             definition={"fr": "Une entreprise.", "en": "A firm you pay."}),
        Term(term="hackathon", definition="Unused here: left out of this booklet."),
    ])
    small = kit.model_copy(update={"glossary": glossary})
    memo = small.tools[STABLE]
    assert "a quote" in shown(memo.sheet.when_to_use, "en")
    page = Page(build_html(small, [memo], layout=Layout.BOOKLET, lang="en", day=DAY))
    assert "Glossary" in page.heading_texts
    assert "A firm you pay." in page.text and "Official French term: devis" in page.text
    glossary_text = page.text.rsplit("Glossary", 1)[1]
    assert glossary_text.index("quote") < glossary_text.index("supplier")
    assert "hackathon" not in glossary_text


def test_stage_keeps_only_its_tools_and_refuses_unknown_stages(kit: Kit) -> None:
    chosen = select_tools(kit, None, "deploiement", "fr")
    assert chosen and all("deploiement" in tool.stages for tool in chosen)
    with pytest.raises(UsageError, match="lune"):
        select_tools(kit, None, "lune", "fr")
    source = build_html(kit, chosen, layout=Layout.BOOKLET, lang="fr", day=DAY, stage="deploiement")
    assert "Étape 3" in Page(source).text and "Étape 1 ·" not in Page(source).text


# --- paper forms --------------------------------------------------------------------------


def test_form_has_one_field_per_question_and_an_identity_block(kit: Kit) -> None:
    for tool in kit.tools.values():
        questions = tool_questions(kit, tool)
        page = Page(build_html(kit, [tool], layout=Layout.FORMS, lang="fr", day=DAY))
        assert not page.problems and page.lang == "fr"
        assert heading_order_ok(page.headings), (tool.id, page.headings)
        fields = page.with_class("field")
        assert [f["data-question"] for f in fields] == [q.id for q in questions], tool.id
        identity = page.with_class("identity-field")
        assert [f["data-question"] for f in identity] == [q.id for q in kit.info.profile]
        ticks = sum(len(q.choices or []) for q in questions) + 2 * sum(
            q.type is QuestionType.BOOL for q in questions)
        assert len(page.with_class("tick")) == ticks, tool.id
        for q in questions:
            assert shown(q.label, "fr") in page.text


# --- Markdown -----------------------------------------------------------------------------


def test_markdown_sheet_booklet_and_form(kit: Kit) -> None:
    memo = kit.tools[STABLE]
    sheet = build_markdown(kit, [memo], layout=Layout.SHEETS, lang="fr", day=DAY)
    assert sheet.startswith("# " + french_spacing(tr(memo.title, "fr")))
    for step in memo.sheet.steps:
        assert french_spacing(tr(step, "fr")) in sheet
    tools = booklet_order(kit, select_tools(kit, None, None, "en"))
    booklet = build_markdown(kit, tools, layout=Layout.BOOKLET, lang="en", day=DAY)
    latest = format_date_long(max(tool.reviewed for tool in tools), "en")
    assert "## Contents" in booklet and f"Edition of {latest}" in booklet
    assert booklet.count("\n### ") == len(tools)
    form = build_markdown(kit, [memo], layout=Layout.FORMS, lang="fr", day=DAY)
    questions = tool_questions(kit, memo)
    assert len(re.findall(r"^### \d+\. ", form, flags=re.M)) == len(questions)
    boxes = sum(len(q.choices or []) + 2 * (q.type is QuestionType.BOOL) for q in questions)
    assert form.count("- [ ] ") == boxes


# --- the command --------------------------------------------------------------------------


def test_command_writes_html_and_never_overwrites_silently(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "fiche.html"
    code, out, _ = run_cli(["sheets", STABLE, "-o", str(target), "--lang", "fr"], capsys)
    assert code == 0 and str(target) in out
    assert Page(target.read_text("utf-8")).lang == "fr"
    target.write_text("mine", "utf-8")
    code, _, err = run_cli(["sheets", STABLE, "-o", str(target), "--lang", "fr"], capsys)
    assert code == 1 and "existe déjà" in err and "--force" in err
    assert target.read_text("utf-8") == "mine"
    code, _, _ = run_cli(["sheets", STABLE, "-o", str(target), "--force"], capsys)
    assert code == 0 and target.read_text("utf-8") != "mine"


def test_command_default_file_name_and_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, _ = run_cli(["sheets", STABLE, "--form", "--format", "md", "--lang", "fr"], capsys)
    assert code == 0
    assert (tmp_path / f"{STABLE}-formulaire.md").read_text("utf-8").startswith("# Formulaire")


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["sheets", "memo-achat-publik"], 1, "memo-achat-public"),
        (["sheets", "--format", "docx"], 2, "docx"),
        (["sheets", STABLE, "--format", "html", "-o", "x.pdf"], 2, "x.pdf"),
        (["sheets", "--stage", "lune"], 2, "lune"),
    ],
)
def test_command_refuses_bad_input_clearly(
    args: list[str], code: int, words: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    got, _, err = run_cli([*args, "--lang", "en"], capsys)
    assert got == code and words in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


# --- PDF (few: each layout takes about a second) -----------------------------------------


def pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [norm(page.extract_text() or "") for page in PdfReader(BytesIO(data)).pages]


def embedded_fonts(data: bytes) -> set[str]:
    """Names of the fonts whose glyphs travel inside the PDF."""
    from pypdf import PdfReader

    fonts: set[str] = set()
    for page in PdfReader(BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None and "/FontFile2" in descriptor.get_object():
                    fonts.add(str(font["/BaseFont"]))
    return fonts


def test_pdf_sheets_one_page_each_then_exact_booklet(kit: Kit) -> None:
    pytest.importorskip("weasyprint")
    other = next(tool for tool_id, tool in kit.tools.items() if tool_id != STABLE)
    tools = [kit.tools[STABLE], other]
    loose = build(kit, tools, layout=Layout.SHEETS, fmt="pdf", lang="fr", day=DAY)
    pages = pdf_pages(loose.data)
    assert loose.pages == len(pages) == 2 and not loose.overflowing
    for page, tool in zip(pages, tools, strict=True):
        assert shown(tool.title, "fr") in page
        for step in tool.sheet.steps:
            assert shown(step, "fr") in page
    fonts = embedded_fonts(loose.data)  # the shipped face only, whatever the machine has
    assert fonts and all("Survivalkit-Hyperlegible" in font for font in fonts), fonts
    glossary = Glossary(schema_version=1, terms=[Term(term="devis", definition="Une offre.")])
    small = kit.model_copy(update={"glossary": glossary})
    booklet = build(small, tools, layout=Layout.BOOKLET, fmt="pdf", lang="fr", day=DAY)
    pages = pdf_pages(booklet.data)
    # cover, contents, then each stage: a page that opens it and a page per sheet; the glossary
    sections = by_stage(small, tools)
    total = 2 + len(sections) + len(tools) + 1
    assert booklet.pages == len(pages) == total
    at = 2
    for stage_id, group in sections:
        assert stage_label(small, stage_id, "fr") in pages[at]
        for tool in group:
            at += 1
            assert shown(tool.title, "fr") in pages[at] and f"{at + 1} / {total}" in pages[at]
        at += 1
    assert "Sommaire" in pages[1] and pages[-1].startswith("Glossaire")


def test_pdf_whole_kit_booklet_from_the_command(
    kit: Kit, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("weasyprint")
    target = tmp_path / "kit.pdf"
    code, out, err = run_cli(["sheets", "--format", "pdf", "-o", str(target), "--lang", "fr"],
                             capsys)
    assert code == 0 and "dépasse" not in err
    pages = pdf_pages(target.read_bytes())
    tools = booklet_order(kit, list(kit.tools.values()))
    assert f"({len(pages)} pages)" in out
    # Each stage opens on a page of its own, then one page per sheet (a sheet starts with its
    # stage chips), in booklet order; the glossary closes the booklet.
    sections = by_stage(kit, list(kit.tools.values()))
    sheet_pages = [i for i, page in enumerate(pages) if page.startswith("ÉTAPES")]
    assert len(sheet_pages) == len(tools)
    for index, tool in zip(sheet_pages, tools, strict=True):
        assert shown(tool.title, "fr") in pages[index], tool.id
    dividers = [i for i in range(len(pages)) if i not in sheet_pages and i > sheet_pages[0] - 2
                and i < sheet_pages[-1]]
    assert [stage_label(kit, stage_id, "fr") in pages[i]
            for i, (stage_id, _) in zip(dividers, sections, strict=True)] == [True] * len(sections)
    rest = pages[sheet_pages[-1] + 1:]
    assert (len(rest) > 0) == bool(kit.glossary.terms)
    if rest:
        assert rest[0].startswith("Glossaire")


def test_pdf_form_lists_every_question(kit: Kit) -> None:
    pytest.importorskip("weasyprint")
    tool = kit.tools.get("pass-fab-lab") or kit.tools[STABLE]
    result = build(kit, [tool], layout=Layout.FORMS, fmt="pdf", lang="fr", day=DAY)
    text = " ".join(pdf_pages(result.data))
    first = len(kit.info.profile) + 1  # numbered as on screen, after the profile questions
    for number, question in enumerate(tool_questions(kit, tool), start=first):
        assert f"{number}. {shown(question.label, 'fr')}" in text
