"""validate's per-tool cache never serves anything stale: any change of content is checked again,
and a problem read back from the cache is still said in the reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import MINI_KIT, MINI_TOOL, build_tree, run_cli
from survivalkit.authoring.lint_cache import LintCache


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
    assert LintCache.open() is not None and LintCache.open().entries  # type: ignore[union-attr]

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
    cache = LintCache.open()
    assert cache is not None
    cache.path.write_text("{not json", encoding="utf-8")
    assert validate(root, capsys) == first
