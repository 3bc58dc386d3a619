"""Golden files: every bundled tool × example × document, rendered and compared with tests/golden.

After an intended change, refresh them with ``survivalkit golden --update`` and read the diff
(docs/adding-a-tool.md).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import run_cli
from survivalkit.authoring.golden import expected_files, golden_diff, golden_on_disk, read_golden
from survivalkit.errors import SurvivalkitError
from survivalkit.kit.loader import bundled_kit_dir, load_kit

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "golden"
REGION = REPO / "examples" / "region-kit"
REFRESH = "survivalkit golden --update"


def _bundled_expected() -> dict[str, str] | str:
    """The documents every bundled example renders to, or why they cannot be rendered."""
    try:
        kit = load_kit([bundled_kit_dir()]).kit
        return expected_files(kit, kit.tools.values())
    except SurvivalkitError as exc:
        return str(exc)


EXPECTED = _bundled_expected()
NAMES = sorted(EXPECTED) if isinstance(EXPECTED, dict) else []


def test_bundled_examples_render() -> None:
    assert isinstance(EXPECTED, dict), EXPECTED
    assert NAMES, "the bundled tools have no examples"


@pytest.mark.parametrize("name", NAMES)
def test_golden_file(name: str) -> None:
    assert isinstance(EXPECTED, dict)
    current = read_golden(GOLDEN / name)
    assert current is not None, f"tests/golden/{name} is missing: run `{REFRESH}`"
    if current != EXPECTED[name]:
        pytest.fail(
            f"tests/golden/{name} differs from the rendering.\n"
            f"{golden_diff(EXPECTED[name], GOLDEN, name)}\n"
            f"If the change is intended: `{REFRESH}`, then review `git diff tests/golden`.",
            pytrace=False,
        )


def test_no_stale_golden_files() -> None:
    assert isinstance(EXPECTED, dict)
    stale = [name for name in golden_on_disk(GOLDEN) if name not in EXPECTED]
    assert stale == [], f"golden files of no example (remove them with `{REFRESH}`): {stale}"


def test_golden_files_are_named_by_tool_example_and_document() -> None:
    parts = {tuple(name.split("/")) for name in NAMES}
    assert all(len(p) == 3 and p[2].endswith(".md") for p in parts)
    assert {p[2] for p in parts if not p[2].endswith(".en.md")}, "French documents are pinned"


# --- a region's kit in its own repository --------------------------------------------------


def test_region_kit_validates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["validate", str(REGION / "kit"), "--plain", "--lang", "en"], capsys)
    assert code == 0, out + err
    assert "checked: 0 error(s)" in out + err
    # Only the content's age may be reported, once the example is more than a year old.
    assert [line for line in out.splitlines() if "[SK" in line and "[SK104]" not in line and "[SK112]" not in line] == []


def test_region_kit_golden_files_match(capsys: pytest.CaptureFixture[str]) -> None:
    golden = REGION / "tests" / "golden"
    args = ["golden", str(REGION / "kit"), "--golden-dir", str(golden), "--plain", "--lang", "en"]
    code, out, err = run_cli(args, capsys)
    assert code == 0, out + err
    assert "4 reference file(s) up to date for 1 tool(s)" in out


def test_golden_reports_changes_and_update_refreshes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    region = tmp_path / "region-kit"
    shutil.copytree(REGION, region)
    tool = region / "kit" / "tools" / "appui-labo-regional.yaml"
    text = tool.read_text(encoding="utf-8")
    tool.write_text(text.replace("Nous demandons l'appui", "Nous sollicitons l'appui"), "utf-8")
    golden = region / "tests" / "golden"
    stale = golden / "ancien-outil" / "exemple" / "note.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("# Ancien\n", encoding="utf-8")
    args = ["golden", str(region / "kit"), "--golden-dir", str(golden), "--plain", "--lang", "en"]

    code, out, err = run_cli(args, capsys)
    assert code == 1
    assert "Differs: " in err and "entretiens-seuls/demande.md" in err
    assert "-Nous demandons l'appui" in out and "+Nous sollicitons l'appui" in out
    assert "Matches no example any more: " in err and "ancien-outil" in err
    assert "--update" in err

    code, out, err = run_cli([*args, "--update"], capsys)
    assert code == 0, err
    assert "2 file(s) written, 1 removed, 2 unchanged" in out
    assert not stale.parent.parent.exists()
    assert "Nous sollicitons" in (golden / "appui-labo-regional/entretiens-seuls/demande.md").read_text(
        encoding="utf-8"
    )
    code, _, _ = run_cli(args, capsys)
    assert code == 0


def test_golden_stops_on_an_example_that_does_not_validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    region = tmp_path / "region-kit"
    shutil.copytree(REGION, region)
    tool = region / "kit" / "tools" / "appui-labo-regional.yaml"
    tool.write_text(tool.read_text("utf-8").replace("duree_semaines: 6", "duree_semaines: 60"),
                    "utf-8")
    code, _, err = run_cli(["golden", str(region / "kit"), "--golden-dir", str(region / "g"),
                            "--plain", "--lang", "en"], capsys)
    assert code == 1
    assert "examples[0]" in err and "duree_semaines" in err and "[SK007]" in err
    assert not (region / "g").exists()
