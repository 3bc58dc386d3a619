"""The user's caches are never trusted beyond a fresh read (issue 25, point 4): the same file-name
checks, an entry damaged or edited by hand is rebuilt, and reading an entry is bounded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import MINI_TOOL, mini_kit, run_cli
from survivalkit.files.places import cache_dir
from survivalkit.kit.cache import KitCache
from survivalkit.kit.loader import load_kit

SRC = Path(__file__).resolve().parents[1] / "src"
FACT_TOOL = MINI_TOOL.replace("Montant : {{ montant | euros }}", "Seuil : {{ fact('seuil') | euros }}")


def kit_entries() -> list[Path]:
    return sorted((cache_dir() / "kit").rglob("*.json"))


def cli(args: list[str], tmp_path: Path, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """The command line in its own process (a hang fails the test instead of blocking it)."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "SURVIVALKIT_NO_INPUT": "1", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "survivalkit", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("name", ["con", "NUL", "com1", "outil-t\u0435st", "outil-tést"])
def test_a_badly_named_tool_is_refused_even_when_the_cache_knows_its_bytes(
        tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    root = mini_kit(tmp_path / "kit")
    assert run_cli(["list", "--kit", str(root), "--plain"], capsys)[0] == 0  # fills the cache
    (root / "tools" / f"{name}.yaml").write_text(MINI_TOOL, "utf-8")  # same bytes, another name
    code, out, err = run_cli(["list", "--kit", str(root), "--plain"], capsys)
    assert code == 1
    assert f"{name}.yaml" in out + err
    os.environ["SURVIVALKIT_NO_CACHE"] = "1"
    try:
        assert run_cli(["list", "--kit", str(root), "--plain"], capsys)[0] == 1  # as a fresh read
    finally:
        del os.environ["SURVIVALKIT_NO_CACHE"]


def test_an_entry_edited_by_hand_does_not_change_a_threshold(tmp_path: Path) -> None:
    root = mini_kit(tmp_path)
    load_kit([root], cache=KitCache.open())
    edited = 0
    for entry in kit_entries():
        text = entry.read_text("utf-8")
        if "60000" in text:
            entry.write_text(text.replace("60000", "1"), "utf-8")
            edited += 1
    assert edited
    facts = load_kit([root], cache=KitCache.open()).kit.info.facts
    assert [v.value for v in facts["seuil"].values] == [40000, 60000]
    # and the entry was rebuilt
    assert any("60000" in e.read_text("utf-8") for e in kit_entries())


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "nested", "wrong shape"])
def test_a_damaged_entry_is_rebuilt(tmp_path: Path, damage: str) -> None:
    import json

    from survivalkit.kit.cache import digest

    root = mini_kit(tmp_path)
    load_kit([root], cache=KitCache.open()).kit.tools["outil-test"]
    for entry in kit_entries():
        data = entry.read_bytes()
        head = json.loads(data.split(b"\n", 1)[0])
        if damage == "garbage":
            entry.write_bytes(os.urandom(300))
        elif damage == "truncated":
            entry.write_bytes(data[: len(data) // 2])
        elif damage == "empty":
            entry.write_bytes(b"")
        else:  # a checksum that matches a payload the reader must survive
            payload = (b"[" * 100_000 + b"]" * 100_000) if damage == "nested" else b'{"title": [1, 2]}'
            head["sum"] = digest(head["key"], payload)
            entry.write_bytes(json.dumps(head).encode() + b"\n" + payload)
    loaded = load_kit([root], cache=KitCache.open())
    assert loaded.kit.tools["outil-test"].title == "Outil test"
    assert [Path(p).name for p in loaded.sources] == ["kit.yaml", "outil-test.yaml"]  # read afresh
    again = load_kit([root], cache=KitCache.open())
    assert again.kit.tools["outil-test"].title == "Outil test" and again.sources == {}  # rebuilt


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and device links are POSIX")
@pytest.mark.parametrize("kind", ["fifo", "device link", "folder"])
def test_an_entry_that_is_not_a_file_is_skipped_without_waiting(tmp_path: Path, kind: str) -> None:
    root = mini_kit(tmp_path / "kit")
    assert cli(["show", "outil-test", "--kit", str(root)], tmp_path).returncode == 0
    for entry in kit_entries():
        entry.unlink()
        if kind == "fifo":
            os.mkfifo(entry)
        elif kind == "device link":
            entry.symlink_to("/dev/zero")
        else:
            entry.mkdir()
    for command in (["show", "outil-test"], ["list"]):
        done = cli([*command, "--kit", str(root)], tmp_path, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "Outil test" in done.stdout
        assert "Traceback" not in done.stderr


def test_a_lint_entry_edited_by_hand_is_checked_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = mini_kit(tmp_path, MINI_TOOL.replace("{{ montant | euros }}", "{{ montnt | euros }}"))
    first = run_cli(["validate", str(root), "--plain", "--lang", "en"], capsys)[1]
    assert "unknown name `montnt`" in first
    for entry in sorted((cache_dir() / "lint").rglob("*.json")):
        entry.write_text(entry.read_text("utf-8").replace("montnt", "montant"), "utf-8")
    assert run_cli(["validate", str(root), "--plain", "--lang", "en"], capsys)[1] == first
