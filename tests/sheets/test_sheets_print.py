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
