"""How many times a printout is laid out (issue 30, point 5): the booklet once, whatever its
length; loose sheets once each (again only for one that runs over its page, to number its pages);
``sheets --check`` once per language. No size is ever guessed and printed again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import MINI_TOOL
from survivalkit.kit.loader import bundled_kit_dir, load_kit
from survivalkit.kit.model import Kit
from survivalkit.sheets.build import Layout, build
from survivalkit.sheets.pdf import sheet_overflow

DAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def kit() -> Kit:
    return load_kit([bundled_kit_dir()]).kit


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The text of each page WeasyPrint lays out, in order (its <title>)."""
    weasyprint = pytest.importorskip("weasyprint")
    seen: list[str] = []
    real = weasyprint.HTML.render

    def render(self: object, *args: object, **kwargs: object) -> object:
        document = real(self, *args, **kwargs)
        seen.append(str(getattr(document.metadata, "title", "")))
        return document

    monkeypatch.setattr(weasyprint.HTML, "render", render)
    yield seen


def test_the_booklet_is_laid_out_once(kit: Kit, layouts: list[str]) -> None:
    tools = list(kit.tools.values())
    result = build(kit, tools, layout=Layout.BOOKLET, fmt="pdf", lang="fr", day=DAY)
    assert result.pages > len(tools) and result.overflowing == []
    assert len(layouts) == 1


def test_each_loose_sheet_is_laid_out_once_when_it_fits(kit: Kit, layouts: list[str]) -> None:
    tools = [kit.tools[tool_id] for tool_id in ("memo-achat-public", "pre-analyse-rgpd", "pass-fab-lab")]
    result = build(kit, tools, layout=Layout.SHEETS, fmt="pdf", lang="en", day=DAY)
    assert result.pages == 3 and result.overflowing == []
    assert len(layouts) == 1 + len(tools)  # the file's blank page (its metadata), then each sheet


def test_a_sheet_that_runs_over_is_laid_out_once_more_to_number_its_pages(
    layouts: list[str], tmp_path: Path
) -> None:
    steps = "\n".join(f'    - "Étape numéro {n}, une phrase assez longue pour remplir une ligne '
                      'entière de la fiche imprimée, puis un peu plus."' for n in range(50))
    layer = tmp_path / "region"
    (layer / "tools").mkdir(parents=True)
    (layer / "tools" / "outil-long.yaml").write_text(
        MINI_TOOL.replace("  steps: [Faire.]", "  steps:\n" + steps), "utf-8")
    kit = load_kit([bundled_kit_dir(), layer]).kit
    tools = [kit.tools["memo-achat-public"], kit.tools["outil-long"]]
    result = build(kit, tools, layout=Layout.SHEETS, fmt="pdf", lang="fr", day=DAY)
    assert result.overflowing == ["outil-long"] and result.pages > 2
    assert len(layouts) == 1 + len(tools) + 1  # the blank page, each sheet, the long one again


def test_check_lays_the_whole_kit_out_once_per_language(kit: Kit, layouts: list[str]) -> None:
    tools = list(kit.tools.values())
    for lang in ("fr", "en"):
        assert all(cm == 0 for cm in sheet_overflow(kit, tools, lang).values())
    assert len(layouts) == 2
