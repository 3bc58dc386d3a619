"""validate's per-tool cache never serves anything stale: any change of content is checked again,
and a problem read back from the cache is still said in the reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import MINI_KIT, MINI_TOOL, build_tree, run_cli
from survivalkit.files.places import cache_dir


def lint_entries() -> list[Path]:
    return sorted((cache_dir() / "lint").rglob("*.json"))


def validate(root: Path, capsys: pytest.CaptureFixture[str], lang: str = "en") -> str:
    _, out, _ = run_cli(["validate", str(root), "--plain", "--lang", lang], capsys)
    return out


def test_a_changed_tool_or_kit_file_is_checked_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "kit"
    build_tree(root, {"kit.yaml": MINI_KIT, "tools/outil-test.yaml": MINI_TOOL})
    tool = root / "tools" / "outil-test.yaml"
    first = validate(root, capsys)
    assert "[SK002]" not in first
    assert validate(root, capsys) == first  # read back from the cache
    assert lint_entries()

    tool.write_text(MINI_TOOL.replace("{{ montant | euros }}", "{{ montnt | euros }}"), "utf-8")
    assert "unknown name `montnt`" in validate(root, capsys)
    tool.write_text(MINI_TOOL, "utf-8")
    assert validate(root, capsys) == first

    # a fact the tool uses disappears from kit.yaml: the unchanged tool is checked again
    tool.write_text(MINI_TOOL.replace("{{ montant | euros }}", "{{ fact('seuil') }}"), "utf-8")
    assert "[SK003]" not in validate(root, capsys)
    (root / "kit.yaml").write_text(MINI_KIT.replace("  seuil:", "  seuil_autre:"), "utf-8")
    assert "unknown fact `seuil`" in validate(root, capsys)


def test_cached_problems_are_still_translated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "kit"
    tool = MINI_TOOL.replace("{{ montant | euros }}", "{{ montant | euro }}")
    build_tree(root, {"kit.yaml": MINI_KIT, "tools/outil-test.yaml": tool})
    assert "unknown filter `euro`" in validate(root, capsys)
    assert "filtre inconnu `euro`" in validate(root, capsys, "fr")


def test_a_broken_cache_file_is_rebuilt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "kit"
    build_tree(root, {"kit.yaml": MINI_KIT, "tools/outil-test.yaml": MINI_TOOL})
    first = validate(root, capsys)
    for entry in lint_entries():
        entry.write_text("{not json", encoding="utf-8")
    assert validate(root, capsys) == first


def test_a_relative_kit_path_finds_what_an_absolute_one_stored(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "kit"
    build_tree(root, {"kit.yaml": MINI_KIT, "tools/outil-test.yaml": MINI_TOOL})
    first = validate(root, capsys)
    stored = lint_entries()
    monkeypatch.chdir(tmp_path)
    assert validate(Path("kit"), capsys).splitlines()[-1] == first.splitlines()[-1]
    # only the kit's own entry depends on where one runs: every tool entry was found again
    assert len(lint_entries()) <= len(stored) + 1


def test_one_changed_tool_is_the_only_one_checked_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "kit"
    files = {"kit.yaml": MINI_KIT}
    files |= {f"tools/outil-{i}.yaml": MINI_TOOL.replace("Outil test", f"Outil {i}") for i in range(4)}
    build_tree(root, files)
    validate(root, capsys)
    checked = _spy_checked(monkeypatch)
    (root / "tools" / "outil-2.yaml").write_text(MINI_TOOL.replace("Outil test", "Outil deux"), "utf-8")
    validate(root, capsys)
    assert checked == [{"outil-2"}]


def _spy_checked(monkeypatch: pytest.MonkeyPatch) -> list[set[str] | None]:
    """The tools each chunk of lint checks (its ``Context.only``), from now on."""
    import survivalkit.authoring.rules as rules

    checked: list[set[str] | None] = []
    real = rules.Context

    def spy(*args: object, **kwargs: object) -> object:
        ctx = real(*args, **kwargs)  # type: ignore[arg-type]
        checked.append(ctx.only)
        return ctx

    monkeypatch.setattr(rules, "Context", spy)
    return checked


def test_a_tool_added_or_removed_is_the_only_one_checked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The other tools' problems do not depend on which tools the kit holds: adding one checks it
    alone (and the kit's own files), removing one checks none."""
    root = tmp_path / "kit"
    files = {"kit.yaml": MINI_KIT}
    files |= {f"tools/outil-{i}.yaml": MINI_TOOL.replace("Outil test", f"Outil {i}") for i in range(4)}
    build_tree(root, files)
    first = validate(root, capsys)
    checked = _spy_checked(monkeypatch)
    build_tree(root, {"tools/outil-9.yaml": MINI_TOOL.replace("{{ montant | euros }}", "{{ montnt }}")})
    added = validate(root, capsys)
    assert checked == [{"outil-9"}]
    assert "outil-9.yaml" in added and "unknown name `montnt`" in added
    checked.clear()
    (root / "tools" / "outil-9.yaml").unlink()
    assert validate(root, capsys).splitlines()[-1] == first.splitlines()[-1]
    assert checked == []  # nothing: the kit files' entry of these very tools is known


DATA_KIT = MINI_KIT + (
    "project:\n  achat_objet:\n    type: text\n"
    "    meaning: {fr: L'objet de l'achat, en: The purchase's object}\n")


def test_a_tool_is_checked_again_when_another_starts_filling_its_question(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """SK118 reads the other tools (a question asked again that another tool's question fills):
    the tools whose checks read what changed are checked again with the changed one."""
    root = tmp_path / "kit"
    build_tree(root, {"kit.yaml": DATA_KIT,
                      "tools/outil-a.yaml": MINI_TOOL, "tools/outil-b.yaml": MINI_TOOL,
                      "tools/outil-c.yaml": MINI_TOOL.replace("label: Quoi ?", "label: Autre ?")})
    assert "[SK118]" not in validate(root, capsys)
    checked = _spy_checked(monkeypatch)
    # outil-a now fills the datum with its question « Quoi ? »: outil-b asks the same unfilled
    (root / "tools" / "outil-a.yaml").write_text(
        MINI_TOOL.replace("    label: Quoi ?\n", "    label: Quoi ?\n    datum: achat_objet\n"), "utf-8")
    out = validate(root, capsys)
    assert checked == [{"outil-a", "outil-b"}]  # not outil-c, whose question is another
    assert [line.split("/tools/")[1].split(":")[0] for line in out.splitlines() if "[SK118]" in line] \
        == ["outil-b.yaml"]
    checked.clear()
    (root / "tools" / "outil-a.yaml").write_text(MINI_TOOL, "utf-8")
    assert "[SK118]" not in validate(root, capsys)
    assert checked == []  # the kit as at first: every tool's problems are known
