"""Page rules: dates, article numbers and amounts never break across lines; lead-ins stay with
their list, in the web page, the PDF, DOCX and ODT (the Markdown keeps ordinary characters)."""

from __future__ import annotations

import io
import zipfile

import pytest

from survivalkit.output.office import keep_lead_ins
from survivalkit.output.typeset import NBHY, NBSP, bind
from survivalkit.output.typeset import keep_lead_ins as keep_html_lead_ins


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("prévue le 1er février 2027.", f"prévue le 1er{NBSP}février{NBSP}2027."),
        ("article R2122-8 du code", f"article{NBSP}R2122{NBHY}8 du code"),
        ("art. L. 1411-1", f"art.{NBSP}L.{NBSP}1411{NBHY}1"),
        ("décret n° 2020-412 du 8 avril 2020", f"décret n°{NBSP}2020{NBHY}412 du 8{NBSP}avril{NBSP}2020"),
        (f"60{NBSP}000{NBSP}€ HT", f"60{NBSP}000{NBSP}€{NBSP}HT"),
        ("on 26 November 2026", f"on 26{NBSP}November{NBSP}2026"),
        ("Saint-Brieuc et Villeneuve-sur-Orne", "Saint-Brieuc et Villeneuve-sur-Orne"),
    ],
)
def test_what_must_not_break_is_bound(text: str, expected: str) -> None:
    assert bind(text) == expected


def test_links_and_their_addresses_are_left_alone() -> None:
    text = "voir [R2122-8](https://www.legifrance.gouv.fr/R2122-8) et https://x.example/a-1-2"
    bound = bind(text)
    assert "(https://www.legifrance.gouv.fr/R2122-8)" in bound and "https://x.example/a-1-2" in bound
    assert f"[R2122{NBHY}8]" in bound


def test_a_lead_in_stays_with_its_list_in_html_docx_and_odt() -> None:
    from survivalkit.output.formats import markdown_to_html_body, markdown_to_office

    md = "Texte.\n\nPar rapport à ce que propose le marché\u00a0:\n\n- un\n- deux\n\nFin\u00a0:\n\nrien.\n"
    html = keep_html_lead_ins(markdown_to_html_body(md))
    assert html.count('<p class="lead-in">') == 1 and '<p class="lead-in">Par rapport' in html
    docx = keep_lead_ins(markdown_to_office(md, "docx", title="T", lang="fr"), "docx")
    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    lead = xml[: xml.index("Par rapport")]
    assert "<w:keepNext />" in lead[lead.rindex("<w:p>"):] and xml.count("<w:keepNext />") == 1
    odt = keep_lead_ins(markdown_to_office(md, "odt", title="T", lang="fr"), "odt")
    content = zipfile.ZipFile(io.BytesIO(odt)).read("content.xml").decode()
    assert '<text:p text:style-name="SKLeadIn1">Par rapport' in content
    assert 'fo:keep-with-next="always"' in content


def test_printed_formats_bind_and_the_markdown_does_not() -> None:
    from docx import Document
    from tests.output.test_render import memo_files

    files = memo_files(["md", "html", "docx"], {"objet": "Une étude (voir R2122-8), livrée le 1er février 2027"})
    md = next(v for k, v in files.items() if k.endswith(".md") and k != "index.md").decode()
    assert "R2122-8" in md and "1er février 2027" in md
    page = next(v for k, v in files.items() if k.endswith(".html") and k != "index.html").decode()
    assert f"R2122{NBHY}8" in page and f"1er{NBSP}février{NBSP}2027" in page
    text = "\n".join(p.text for p in Document(io.BytesIO(next(v for k, v in files.items() if k.endswith(".docx")))).paragraphs)
    assert f"R2122{NBHY}8" in text and f"1er{NBSP}février{NBSP}2027" in text
