"""A regional tool's printed sheet and form carry the --kit an agent needs to run it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from survivalkit.kit.loader import bundled_kit_dir, load_kit
from survivalkit.sheets.build import Layout, build

REGION = Path(__file__).resolve().parents[2] / "examples" / "region-kit" / "kit"


@pytest.mark.parametrize("layout", [Layout.SHEETS, Layout.FORMS, Layout.BOOKLET])
def test_the_commands_on_a_regional_page_carry_the_kit(
    layout: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REGION.parent)
    kit = load_kit([bundled_kit_dir(), REGION]).kit
    tool = kit.tools["appui-labo-regional"]
    page = build(kit, [tool], layout=layout, fmt="html", lang="fr", day=dt.date(2026, 11, 26))
    html = page.data.decode("utf-8")
    assert " --kit kit</code>" in html
    assert "survivalkit run " in html


def test_the_bundled_kit_alone_needs_no_kit_option() -> None:
    kit = load_kit([bundled_kit_dir()]).kit
    page = build(kit, [kit.tools["pass-fab-lab"]], layout=Layout.SHEETS, fmt="html", lang="fr",
                 day=dt.date(2026, 11, 26))
    assert "--kit" not in page.data.decode("utf-8")
