"""An output folder: its index pages (for a run as for a journey) and documents readable at 320 px."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from typing import Any

from tests.output.test_render import KIT, answers_for

from survivalkit.output.bundle import files_for, render_outputs
from survivalkit.output.formats import document_html

DAY = dt.date(2026, 11, 26)


class Links(HTMLParser):
    """Every link of a page: its address and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href, self._text = dict(attrs).get("href") or "", ""

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, self._text))
            self._href = None


def one_run(tool_id: str, formats: list[str], lang: str = "fr", **overrides: Any) -> dict[str, bytes]:
    tool = KIT.tools[tool_id]
    example = tool.examples[0]
    answers = answers_for(tool, {**example.answers, **overrides}, DAY, lang)
    outputs = render_outputs(KIT, [(tool, answers)], day=DAY, lang=lang)
    return files_for(outputs, formats, lang=lang, day=DAY, kit=KIT)


def test_a_single_run_has_an_index_page_whose_links_are_document_titles() -> None:
    files = one_run("memo-achat-public", ["md", "docx"])
    assert "index.html" in files and "index.md" in files
    parser = Links()
    parser.feed(files["index.html"].decode())
    documents = {n for n in files if n not in ("index.md", "index.html")}
    assert {href for href, _ in parser.links} == documents  # relative: the files beside it
    for href, text in parser.links:
        assert href not in text  # a title, not a file name
        label = {".docx": "(Word)", ".md": "(texte Markdown)", ".eml": "(brouillon de courriel)"}[href[href.rindex("."):]]
        assert text.endswith(label)
        assert len(text) > 15


def test_index_link_texts_are_plain_text_even_when_a_title_holds_markup() -> None:
    from survivalkit.output.bundle import escape_link_text
    from survivalkit.output.formats import markdown_to_html_body

    body = markdown_to_html_body(f"- [{escape_link_text('Note ](javascript:alert(1)) *gras* <b>')} (PDF)](a.pdf)",
                                 relative_links=True)
    parser = Links()
    parser.feed(body)
    assert parser.links == [("a.pdf", "Note ](javascript:alert(1)) *gras* <b> (PDF)")]


def test_wide_tables_scroll_inside_their_own_box() -> None:
    tool = KIT.tools["accessibilite-service-numerique"]
    answers = answers_for(tool, tool.examples[0].answers, DAY)
    [output] = render_outputs(KIT, [(tool, answers)], day=DAY, lang="fr")
    pages = [document_html(doc) for doc in output.documents]
    with_table = [p for p in pages if "<table>" in p]
    assert with_table, "the accessibility note has a table"
    for page in with_table:
        assert page.count("<table>") == page.count('<div class="table-scroll" role="region" tabindex="0"')
        assert ".table-scroll { overflow-x: auto;" in page
