"""Printed sheets and forms as a reader holds them: type size, one page, nothing about the terminal."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from io import BytesIO
from pathlib import Path

import pytest

from helpers import MINI_TOOL, run_cli
from survivalkit.kit.loader import bundled_kit_dir, load_kit
from survivalkit.kit.model import Kit
from survivalkit.sheets.build import Layout, build

DAY = dt.date(2026, 11, 26)
PRINTED = ["memo-achat-public", "pre-analyse-rgpd", "convention-experimentation"]
"""A short sheet and the two that came closest to their page's foot."""


@pytest.fixture(scope="module")
def kit() -> Kit:
    return load_kit([bundled_kit_dir()]).kit


def type_sizes(data: bytes) -> Counter[float]:
    """How many characters the PDF prints at each type size (points)."""
    from pypdf import PdfReader

    sizes: Counter[float] = Counter()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes[round(size * abs(tm[3]) * abs(cm[3]), 2)] += len(text.strip())

    for page in PdfReader(BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_printed_sheets_keep_readable_type_on_one_page_each(kit: Kit, lang: str) -> None:
    pytest.importorskip("weasyprint")
    tools = [kit.tools[tool_id] for tool_id in PRINTED]
    result = build(kit, tools, layout=Layout.SHEETS, fmt="pdf", lang=lang, day=DAY)
    assert result.pages == len(tools) and result.overflowing == []
    sizes = type_sizes(result.data)
    assert min(sizes) >= 8.0, sorted(sizes.items())
    body, _ = sizes.most_common(1)[0]
    assert body >= 9.5


def test_paper_speaks_of_a_pen_and_html_of_the_command(kit: Kit) -> None:
    pytest.importorskip("weasyprint")
    tool = kit.tools["memo-achat-public"]
    for layout in (Layout.SHEETS, Layout.FORMS, Layout.BOOKLET):
        printed = pdf_text(build(kit, [tool], layout=layout, fmt="pdf", lang="fr", day=DAY).data)
        assert "survivalkit" not in printed and "stylo" in printed, layout
        page = build(kit, [tool], layout=layout, fmt="html", lang="fr", day=DAY).data.decode()
        assert "survivalkit run memo-achat-public" in page or "survivalkit run OUTIL" in page


def test_sources_are_short_titles_linked_in_html(kit: Kit) -> None:
    tool = kit.tools["memo-achat-public"]
    page = build(kit, [tool], layout=Layout.SHEETS, fmt="html", lang="fr", day=DAY).data.decode()
    linked = [s for s in tool.sources if s.url]
    assert linked
    for source in linked:
        assert f'<a href="{source.url}">' in page
        assert f">{source.url}<" not in page  # the link's text is the title, not the address


def long_tool(steps: int) -> str:
    lines = "\n".join(f'    - "Étape numéro {n}, une phrase assez longue pour remplir une ligne '
                      'entière de la fiche imprimée, puis un peu plus."' for n in range(steps))
    return MINI_TOOL.replace("  steps: [Faire.]", "  steps:\n" + lines)


def test_check_names_each_sheet_and_language_over_its_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("weasyprint")
    layer = tmp_path / "region"
    (layer / "tools").mkdir(parents=True)
    (layer / "tools" / "outil-long.yaml").write_text(long_tool(60), "utf-8")
    (layer / "tools" / "outil-court.yaml").write_text(long_tool(2), "utf-8")
    code, out, err = run_cli(["sheets", "outil-long", "outil-court", "--check", "--kit",
                              str(layer), "--lang", "fr"], capsys)
    assert code == 1
    over = [line for line in err.splitlines() if "dépasse la page" in line]
    # French only in this kit: both languages print the French text, and both are named.
    assert [line.split(" ")[:2] for line in over] == [["outil-long", "(fr)"],
                                                       ["outil-long", "(en)"]]
    assert all(" cm" in line for line in over)
    centimetres = float(over[0].split(" de ")[-1].split(" cm")[0].replace(",", "."))
    assert centimetres > 10
    code, out, err = run_cli(["sheets", "outil-court", "--check", "--kit", str(layer),
                              "--lang", "en"], capsys)
    assert code == 0 and "fit one page" in out and not list(tmp_path.glob("*.pdf"))


def test_bundled_sheets_all_fit(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("weasyprint")
    code, out, err = run_cli(["sheets", "--check", "--lang", "fr"], capsys)
    assert code == 0, err
    assert "tiennent chacune sur une page" in out


# --- forms for a workshop ------------------------------------------------------------------


def pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [" ".join((page.extract_text() or "").split())
            for page in PdfReader(BytesIO(data)).pages]


FORMS = ["memo-achat-public", "pre-analyse-rgpd", "demande-derogation"]


def test_duplex_forms_each_start_on_a_recto_with_their_title_name_line_and_page_count(
    kit: Kit,
) -> None:
    pytest.importorskip("weasyprint")
    from survivalkit.sheets.view import form_view

    tools = [kit.tools[tool_id] for tool_id in FORMS]
    result = build(kit, tools, layout=Layout.FORMS, fmt="pdf", lang="fr", day=DAY, duplex=True)
    pages = pdf_pages(result.data)
    assert len(pages) == result.pages and len(pages) % 2 == 0
    at = 0
    for tool in tools:
        title = french_title(tool.title.fr)  # type: ignore[union-attr]
        assert at % 2 == 0, tool.id  # a right-hand page: 1st, 3rd, 5th… of the file
        count = next(int(n) for n in range(1, 9) if f"page 1 / {n}" in pages[at])
        for number in range(1, count + 1):
            page = pages[at + number - 1]
            assert title in page and "Votre nom :" in page, (tool.id, number)
            assert f"page {number} / {count}" in page
        last = pages[at + count - 1]
        fields = form_view(kit, tool, "fr").fields
        on_last = [f for f in fields if f"{f.number}. " in last]
        assert len(on_last) >= 3, (tool.id, [f.number for f in on_last])
        at += count
        if count % 2:
            assert pages[at] == "", tool.id  # the verso left blank
            at += 1
    assert at == len(pages)


def french_title(text: str) -> str:
    from survivalkit.output.typography import french_spacing

    return " ".join(french_spacing(text).replace("\u202f", " ").replace("\u00a0", " ").split())


def test_duplex_sheets_leave_each_back_blank(kit: Kit) -> None:
    pytest.importorskip("weasyprint")
    tools = [kit.tools[tool_id] for tool_id in PRINTED]
    result = build(kit, tools, layout=Layout.SHEETS, fmt="pdf", lang="en", day=DAY, duplex=True)
    pages = pdf_pages(result.data)
    # The last sheet's back needs no blank page: the printer leaves it white.
    assert len(pages) == 2 * len(tools) - 1
    for index, tool in enumerate(tools):
        assert tool.title.en in pages[2 * index]  # type: ignore[union-attr]
        if index < len(tools) - 1:
            assert pages[2 * index + 1] == ""


def test_writing_room_follows_the_answer() -> None:
    from survivalkit.kit.model import Question, QuestionType
    from survivalkit.sheets.paper import text_lines

    assert text_lines(Question(id="m", type=QuestionType.EMAIL, label="Adresse ?")) == 1
    assert text_lines(Question(id="n", label="Nom ?", max_length=60)) == 1
    assert text_lines(Question(id="w", label="Lequel, et que fait-il ?", max_length=200)) == 3
    assert text_lines(Question(id="d", type=QuestionType.LONGTEXT, label="Décrivez")) >= 3
