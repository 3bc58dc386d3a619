"""A region's own repository: every command finds its kit from the root or `kit/`, a wrong path
is an error that says where tools go, a layer holds only what it adds, and golden files of
another kit are never touched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import build_tree, run_cli

REGION = Path(__file__).resolve().parents[2] / "examples" / "region-kit"
CLI = ["--plain", "--lang", "en"]

SITUATION = """
situation:
  - id: regle_bloque
    type: bool
    label: {fr: Une règle vous bloque-t-elle ?, en: Is a rule blocking you?}
"""


@pytest.fixture
def region(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example regional repository, as the current folder."""
    root = tmp_path / "kit-region"
    shutil.copytree(REGION, root)
    monkeypatch.chdir(root)
    return root


def test_kit_accepts_the_repository_root_or_its_kit_folder(
    region: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for given in (str(region), str(region / "kit"), "."):
        code, out, err = run_cli(["list", "--kit", given, *CLI], capsys)
        assert code == 0, err
        assert "appui-labo-regional" in out
        code, out, err = run_cli(["validate", given, *CLI], capsys)
        assert code == 0, out + err
        assert "1 tool(s) checked: 0 error(s)" in out


def test_a_path_without_tools_is_an_error_that_says_where_tools_go(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    code, out, err = run_cli(["validate", str(empty), *CLI], capsys)
    assert code == 1
    assert "no tools here" in out and "nothing-here/tools/*.yaml" in out
    assert "nothing-here/kit/tools/*.yaml" in out
    code, _, err = run_cli(["list", "--kit", str(empty), *CLI], capsys)
    assert code == 1 and "no tools here" in err
    code, out, _ = run_cli(["validate", str(empty), "--plain", "--lang", "fr"], capsys)
    assert code == 1 and "aucun outil ici" in out


def layer_without_stages(region: Path) -> None:
    """The example's kit.yaml with no title, version, description nor stages, plus a question."""
    kit_yaml = region / "kit" / "kit.yaml"
    text = kit_yaml.read_text(encoding="utf-8")
    _, facts = text.split("\nfacts:", 1)
    kit_yaml.write_text("schema_version: 1\nfacts:" + facts + SITUATION, encoding="utf-8")


def test_a_layer_kit_yaml_holds_only_what_it_adds(
    region: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layer_without_stages(region)
    code, out, err = run_cli(["validate", "--strict", "kit", *CLI], capsys)
    assert code == 0, out + err
    code, out, _ = run_cli(["list", "--kit", "kit", *CLI], capsys)
    assert code == 0 and "appui-labo-regional" in out


def test_one_file_is_checked_with_the_kit_folder_it_belongs_to(
    region: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layer_without_stages(region)
    tool = region / "kit" / "tools" / "appui-labo-regional.yaml"
    text = tool.read_text(encoding="utf-8")
    tool.write_text(text.replace("relevance:\n", "relevance:\n  - when: regle_bloque\n"
                                 "    why: {fr: Une règle bloque., en: A rule blocks.}\n", 1),
                    encoding="utf-8")
    code, out, err = run_cli(["validate", "--strict", str(tool), *CLI], capsys)
    assert code == 0, out + err
    assert "regle_bloque" not in out


def test_new_creates_the_folders_of_a_new_repository_and_prints_commands_with_its_kit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(["new", "mon-outil", *CLI], capsys)
    assert code == 0, err
    assert (tmp_path / "kit" / "tools" / "mon-outil.yaml").is_file()
    assert "Folder created: kit/tools" in out
    assert "survivalkit validate --strict kit/tools/mon-outil.yaml" in out
    assert "survivalkit preview mon-outil --kit kit --lang en" in out
    code, out, err = run_cli(["validate", "kit/tools/mon-outil.yaml", *CLI], capsys)
    assert code == 0, out + err


def test_golden_update_in_a_region_never_touches_another_kits_files(
    region: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    golden = region / "tests" / "golden"
    bundled = golden / "memo-achat-public" / "petit-achat" / "memo.md"
    bundled.parent.mkdir(parents=True)
    bundled.write_text("# un fichier du kit national\n", encoding="utf-8")
    before = sorted(p.relative_to(golden).as_posix() for p in golden.rglob("*.md"))
    code, out, err = run_cli(["golden", "--update", *CLI], capsys)  # no KIT_DIR: the repository's
    assert code == 0, err
    after = sorted(p.relative_to(golden).as_posix() for p in golden.rglob("*.md"))
    assert after == before
    assert bundled.read_text(encoding="utf-8") == "# un fichier du kit national\n"
    assert "0 file(s) written, 0 removed, 4 unchanged" in out
    assert "memo-achat-public" in err  # said to be left alone
    code, out, err = run_cli(["golden", *CLI], capsys)
    assert code == 0, err


def test_golden_points_at_the_example_answer_in_the_users_language(
    region: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tool = region / "kit" / "tools" / "appui-labo-regional.yaml"
    text = tool.read_text(encoding="utf-8")
    tool.write_text(text.replace("duree_semaines: 6", "duree_semaines: six"), encoding="utf-8")
    line = next(i for i, row in enumerate(tool.read_text("utf-8").splitlines(), 1)
                if "duree_semaines: six" in row)
    code, _, err = run_cli(["golden", "--plain", "--lang", "fr"], capsys)
    assert code == 1
    assert f"kit/tools/appui-labo-regional.yaml:{line}:" in err
    assert "examples[0].answers.duree_semaines" in err
    assert "exemple « entretiens-seuls »" in err and "Nombre entier attendu" in err


def test_validate_says_format_mistakes_in_plain_french_with_the_fix(
    region: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tool = region / "kit" / "tools" / "appui-labo-regional.yaml"
    text = tool.read_text(encoding="utf-8")
    broken = text.replace("reviewed: 2026-", "reviewed: 30/11/").replace("url: https://", "url: www.", 1)
    tool.write_text(broken, encoding="utf-8")
    code, out, _ = run_cli(["validate", "kit", "--plain", "--lang", "fr"], capsys)
    assert code == 1
    assert "une date écrite année-mois-jour est attendue, par exemple 2026-11-30" in out
    assert "une adresse web qui commence par https:// est attendue" in out
    assert "input should" not in out and "string should" not in out


def test_template_syntax_errors_are_said_in_plain_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpers import MINI_KIT, MINI_TOOL

    tool = MINI_TOOL.replace("Montant : {{ montant | euros }}", "Montant : {{ montant euros }}")
    build_tree(tmp_path, {"kit.yaml": MINI_KIT, "tools/outil-test.yaml": tool})
    code, out, _ = run_cli(["validate", str(tmp_path), "--plain", "--lang", "fr"], capsys)
    assert code == 1
    assert "« euros » est en trop" in out and "end of print statement" not in out
    assert "  correction : Corrigez la syntaxe Jinja" in out
    code, out, _ = run_cli(["validate", str(tmp_path), *CLI], capsys)
    assert "\"euros\" is extra" in out and "  fix: Fix the Jinja syntax" in out


def test_yaml_mistakes_are_said_in_plain_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from helpers import MINI_KIT, MINI_TOOL

    colon = MINI_TOOL.replace("summary: Un outil de test.", "summary: Un outil: de test.")
    tab = MINI_TOOL.replace("  - id: montant\n", "  - id: montant\n\t")
    expected = {"colon": ("3:18", "doit être mis entre guillemets"), "tab": (None, "tabulation")}
    for name, tool in (("colon", colon), ("tab", tab)):
        kit = build_tree(tmp_path / name, {"kit.yaml": MINI_KIT, "tools/outil-test.yaml": tool})
        code, out, _ = run_cli(["validate", str(kit), "--plain", "--lang", "fr"], capsys)
        assert code == 1
        at, words = expected[name]
        assert words in out, out
        if at:
            assert f"outil-test.yaml:{at}:" in out


def test_the_welcome_counts_the_situation_questions_a_layer_adds(region: Path, tmp_path: Path) -> None:
    from helpers import spawn_cli
    from survivalkit.kit.loader import bundled_kit_dir, load_kit

    bundled = len(load_kit([bundled_kit_dir()]).kit.info.situation)
    layer_without_stages(region)
    child = spawn_cli(["--kit", "kit", "--lang", "fr", "--plain"], data=tmp_path / "data", cwd=region)
    try:
        child.expect(rf"{bundled + 1} questions sur votre projet")
    finally:
        child.terminate(force=True)
