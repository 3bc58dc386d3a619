"""Printed sheets pinned byte for byte: a sheet, the booklet and paper forms, HTML and Markdown.

The kit they are built from is a frozen copy under ``tests/golden_sheets/kit`` so that edits to the
bundled kit's content do not move them; only a change in how sheets are laid out does. After an
intended change, regenerate them with the one command that writes them,
``python tests/sheets/update_golden.py``, and read ``git diff tests/golden_sheets``: a test run only
compares, it never writes.
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest

from helpers import run_cli
from survivalkit.kit.loader import load_kit
from survivalkit.kit.model import Kit
from survivalkit.sheets.build import Layout, booklet_order, build

HERE = Path(__file__).resolve().parents[1] / "golden_sheets"
DAY = dt.date(2026, 11, 26)
REGENERATE = "python tests/sheets/update_golden.py"

CASES = [
    ("sheet-memo-achat-public", Layout.SHEETS, ["memo-achat-public"]),
    ("booklet", Layout.BOOKLET, []),
    ("form-memo-achat-public", Layout.FORMS, ["memo-achat-public"]),
    ("form-checklist-perenniser", Layout.FORMS, ["checklist-perenniser"]),
]


def sheet_text(kit: Kit, layout: Layout, tool_ids: list[str], lang: str, fmt: str) -> str:
    """What a golden sheet file holds (``update_golden.py`` writes it, the tests compare)."""
    tools = [kit.tools[i] for i in tool_ids] or booklet_order(kit, list(kit.tools.values()))
    return build(kit, tools, layout=layout, fmt=fmt, lang=lang, day=DAY).data.decode("utf-8")


@pytest.fixture(scope="module")
def kit() -> Kit:
    return load_kit([HERE / "kit"]).kit


@pytest.mark.parametrize("fmt", ["html", "md"])
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("name", "layout", "tool_ids"), CASES, ids=[c[0] for c in CASES])
def test_sheets_match_golden_files(
    kit: Kit, name: str, layout: Layout, tool_ids: list[str], lang: str, fmt: str
) -> None:
    got = sheet_text(kit, layout, tool_ids, lang, fmt)
    path = HERE / f"{name}.{lang}.{fmt}"
    assert path.is_file(), f"no golden file {path.name}: run {REGENERATE}"
    want = path.read_text(encoding="utf-8")
    if got != want:
        diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "golden", "now", lineterm="")
        pytest.fail(f"{path.name} differs:\n" + "\n".join(list(diff)[:80]))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_show_matches_golden_file(
    lang: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("survivalkit.kit.loader.bundled_kit_dir", lambda: HERE / "kit")
    monkeypatch.setenv("COLUMNS", "100")
    code, got, err = run_cli(["show", "memo-achat-public", "--plain", "--lang", lang], capsys)
    assert code == 0, err
    path = HERE / f"show-memo-achat-public.{lang}.txt"
    assert path.is_file(), f"no golden file {path.name}: run {REGENERATE}"
    want = path.read_text(encoding="utf-8")
    if got != want:
        diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "golden", "now", lineterm="")
        pytest.fail(f"{path.name} differs:\n" + "\n".join(list(diff)[:80]))
