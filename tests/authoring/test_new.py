"""``survivalkit new ID``: a commented tool file that validates, and refusals that explain."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli
from survivalkit.authoring.scaffold import PLACEHOLDER_EN, PLACEHOLDER_FR

CLI = ["--plain", "--lang", "en"]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A kit repository with an empty ``kit/tools`` and the JSON Schemas, as the current folder."""
    (tmp_path / "kit" / "tools").mkdir(parents=True)
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "tool.schema.json").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_new_writes_a_commented_tool_that_validates(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(["new", "mon-outil", *CLI], capsys)
    assert code == 0, err
    path = repo / "kit" / "tools" / "mon-outil.yaml"
    assert "kit/tools/mon-outil.yaml" in out and "survivalkit validate --strict" in out
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/tool.schema.json\n")
    assert text.count("\n# ") > 10  # commented for someone who has never seen the format
    assert text.count("- name:") == 1  # one example
    code, out, err = run_cli(["validate", "kit/tools/mon-outil.yaml", *CLI], capsys)
    assert code == 0, out + err
    rules = {line.rsplit("[", 1)[-1] for line in out.splitlines() if "warning:" in line}
    assert rules == {"SK111]"}  # only the texts left to write


def test_a_filled_in_tool_passes_strict_validation(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_cli(["new", "mon-outil", *CLI], capsys)
    path = repo / "kit" / "tools" / "mon-outil.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(f"{PLACEHOLDER_FR} ", "").replace(f"{PLACEHOLDER_EN} ", "")
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli(["validate", "--strict", str(path), *CLI], capsys)
    assert code == 0, out + err
    assert "0 error(s), 0 warning(s)" in out


@pytest.mark.parametrize("bad", ["Mon Outil", "mon_outil", "2-outils", "outil-", "créer", "a" * 65])
def test_new_refuses_an_id_that_is_not_a_lowercase_slug(
    repo: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    code, _, err = run_cli(["new", bad, *CLI], capsys)
    assert code == 2
    assert "is not a valid tool id" in err and "For example:" in err
    assert list((repo / "kit" / "tools").iterdir()) == []


def test_new_suggests_a_slug(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run_cli(["new", "Pass Fab Lab", *CLI], capsys)
    assert "For example: pass-fab-lab" in err


def test_new_refuses_an_existing_tool_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = repo / "kit" / "tools" / "mon-outil.yaml"
    existing.write_text("# my work\n", encoding="utf-8")
    code, _, err = run_cli(["new", "mon-outil", *CLI], capsys)
    assert code == 2 and "already exists" in err
    assert existing.read_text(encoding="utf-8") == "# my work\n"


def test_new_refuses_the_id_of_a_bundled_tool(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(["new", "memo-achat-public", *CLI], capsys)
    assert code == 2
    assert 'The tool "memo-achat-public" already exists' in err
    assert not (repo / "kit" / "tools" / "memo-achat-public.yaml").exists()


def test_new_speaks_french(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["new", "mon-outil", "--plain", "--lang", "fr"], capsys)
    assert code == 0
    assert "Outil créé" in out
    code, _, err = run_cli(["new", "mon-outil", "--plain", "--lang", "fr"], capsys)
    assert code == 2 and "existe déjà" in err
