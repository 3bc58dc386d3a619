"""A large kit is checked a hundred tools at a time, letting each chunk's positions and parsed
templates go: the problems found are the same as when every tool is checked at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import survivalkit.authoring.rules as rules
from helpers import MINI_KIT, MINI_TOOL, build_tree
from survivalkit.authoring.rules import lint
from survivalkit.kit.loader import load_kit

TODAY = dt.date(2026, 12, 1)


def kit_with_problems(root: Path) -> Path:
    files = {"kit.yaml": MINI_KIT}
    for i in range(7):
        text = MINI_TOOL.replace("Outil test", f"Outil {i}")
        if i % 2:
            text = text.replace("{{ montant | euros }}", "{{ montnt | euros }}")  # unknown name
        if i % 3 == 0:
            text = text.replace("label: Combien ?", "label: Combien ?\n    when: \"objet == 3\"")
        files[f"tools/outil-{i}.yaml"] = text
    return build_tree(root, files)


def test_chunks_find_the_same_problems_at_the_same_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = kit_with_problems(tmp_path)
    whole = lint(load_kit([root], strict=False), today=TODAY)
    assert [p for p in whole if "montnt" in str(p.message) and p.line > 1]  # located problems
    monkeypatch.setattr(rules, "CHUNK", 2)
    loaded = load_kit([root], strict=False, tool_sources=False)
    assert not [o for o in loaded.sources if "/tools/" in o]  # no tool positions kept
    assert lint(loaded, today=TODAY) == whole
    # only the last chunk's positions are still held
    assert len([o for o in loaded.sources if "tools" in Path(o).parts]) <= 2


def test_validate_reads_positions_again_for_problems(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``validate`` loads a kit without its tools' positions, and still says each problem's line."""
    from survivalkit.authoring.validate import validate_paths

    root = kit_with_problems(tmp_path)
    monkeypatch.setattr(rules, "CHUNK", 3)
    monkeypatch.setenv("SURVIVALKIT_NO_CACHE", "1")
    uncached = validate_paths([root], [])
    monkeypatch.delenv("SURVIVALKIT_NO_CACHE")
    cached = validate_paths([root], [])
    found = [p for p in cached.problems if "montnt" in str(p.message)]
    assert len(found) == 3 and all(p.line > 1 for p in found)
    assert cached.problems == uncached.problems


def test_an_interrupted_validate_keeps_the_chunks_it_checked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each chunk's problems are kept as soon as it is checked: a cold validate of thousands of
    tools stopped halfway does not start again from nothing."""
    from survivalkit.authoring.validate import validate_paths
    from survivalkit.kit.cache import cache_dir

    root = kit_with_problems(tmp_path)
    monkeypatch.setattr(rules, "CHUNK", 2)

    def stop(ctx: rules.Context):  # type: ignore[no-untyped-def]
        if ctx.only and "outil-4" in ctx.only:
            raise KeyboardInterrupt
        yield from ()

    checks = rules.CHECKS
    monkeypatch.setattr(rules, "CHECKS", [*checks, stop])
    with pytest.raises(KeyboardInterrupt):
        validate_paths([root], [])
    kept = len(list((cache_dir() / "lint").rglob("*.json")))
    monkeypatch.setattr(rules, "CHECKS", checks)
    validate_paths([root], [])
    every = len(list((cache_dir() / "lint").rglob("*.json")))
    assert 0 < kept < every  # the chunks before outil-4 were kept, the rest came after


def test_validate_holds_one_chunk_of_tools_and_reads_again_only_what_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``validate`` keeps an outline of every tool, each tool whole only while its chunk is
    checked; from a warm cache it parses only the changed tool file (for its problems, then its
    lines), and finds the same problems as the whole kit checked at once."""
    import survivalkit.kit.loader as loader
    from survivalkit.authoring.validate import validate_paths

    root = kit_with_problems(tmp_path)
    monkeypatch.setattr(rules, "CHUNK", 2)
    parsed: list[str] = []
    held: list[int] = []
    real_read, real_hold = loader.read_yaml, loader.ReadAgain.hold

    def read(path: Path, *args: object, **kwargs: object) -> object:
        if path.parent.name == "tools" and path.is_relative_to(root):
            parsed.append(path.stem)
        return real_read(path, *args, **kwargs)  # type: ignore[arg-type]

    def hold(self: loader.ReadAgain, ids: list[str]) -> None:
        real_hold(self, ids)
        held.append(len(self._held))

    monkeypatch.setattr(loader, "read_yaml", read)
    monkeypatch.setattr(loader.ReadAgain, "hold", hold)
    first = validate_paths([root], [])
    montnt = [p for p in first.problems if "montnt" in str(p.message)]
    assert len(montnt) == 3 and all(p.line > 1 for p in montnt)
    assert sorted(set(parsed)) == [f"outil-{i}" for i in range(7)]
    assert all(parsed.count(stem) == 2 for stem in set(parsed))  # loaded, then checked with lines
    assert max(held) == 2  # never more than a chunk of tools at once (bundled ones included)
    parsed.clear()
    held.clear()
    tool = root / "tools" / "outil-4.yaml"
    tool.write_text(tool.read_text("utf-8").replace("{{ montant | euros }}", "{{ montnt | euros }}"),
                    "utf-8")
    again = validate_paths([root], [])
    assert parsed == ["outil-4", "outil-4"] and held == [1]
    montnt = [p for p in again.problems if "montnt" in str(p.message)]
    assert len(montnt) == 4 and all(p.line > 1 for p in montnt)
