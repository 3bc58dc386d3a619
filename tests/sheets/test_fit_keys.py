"""The fitted size of each sheet is remembered under a key of its own: what the sheet looks like,
not the whole booklet nor the printing date."""

from __future__ import annotations

from survivalkit.kit.loader import bundled_kit_dir, load_kit
from survivalkit.sheets.pdf import MIN_SHEET_PT, SHEET_PT, SHIPPED_FITS, sheet_key
from survivalkit.sheets.selection import Layout


def test_each_sheet_has_its_own_key() -> None:
    kit = load_kit([bundled_kit_dir()]).kit
    memo, note = kit.tools["memo-achat-public"], kit.tools["note-convaincre"]
    key = sheet_key(kit, memo, layout=Layout.BOOKLET, lang="fr", stage=None)
    assert key == sheet_key(kit, memo, layout=Layout.BOOKLET, lang="fr", stage=None)
    assert key != sheet_key(kit, note, layout=Layout.BOOKLET, lang="fr", stage=None)
    assert key != sheet_key(kit, memo, layout=Layout.BOOKLET, lang="en", stage=None)
    assert key != sheet_key(kit, memo, layout=Layout.SHEETS, lang="fr", stage=None)
    changed = memo.model_copy(update={"title": "Un autre titre"})
    assert key != sheet_key(kit, changed, layout=Layout.BOOKLET, lang="fr", stage=None)


def test_the_shipped_sizes_are_plausible() -> None:
    import json

    sizes = json.loads(SHIPPED_FITS.read_text("utf-8"))
    assert sizes and all(MIN_SHEET_PT <= v <= SHEET_PT for v in sizes.values())
