"""The parsed-kit cache: same kit as a fresh read, never stale, never in the way."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from helpers import MINI_TOOL, mini_kit
from survivalkit.errors import TemplateError
from survivalkit.kit.cache import KitCache, cache_file
from survivalkit.kit.loader import bundled_kit_dir, load_kit, locator_for
from survivalkit.output.bundle import render_outputs


def test_cached_kit_equals_a_fresh_read() -> None:
    fresh = load_kit([bundled_kit_dir()]).kit
    load_kit([bundled_kit_dir()], cache=KitCache.open())  # fills the cache
    assert cache_file().is_file()
    cached = load_kit([bundled_kit_dir()], cache=KitCache.open())
    assert cached.sources == {}  # nothing was read again
    # Same data (answers in examples come back as their text form, e.g. dates as 2027-01-15;
    # they go through the same answer parsing either way).
    assert cached.kit.model_dump(mode="json") == fresh.model_dump(mode="json")
    assert cached.kit.info == fresh.info and cached.kit.glossary == fresh.glossary
    assert [t.origin for t in cached.kit.tools.values()] == [t.origin for t in fresh.tools.values()]


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    root = mini_kit(tmp_path)
    assert load_kit([root], cache=KitCache.open()).kit.tools["outil-test"].title == "Outil test"
    tool = root / "tools" / "outil-test.yaml"
    tool.write_text(MINI_TOOL.replace("Outil test", "Outil changé"), "utf-8")
    os.utime(tool, ns=(1, 1))  # even with an old modification time, the size differs
    assert load_kit([root], cache=KitCache.open()).kit.tools["outil-test"].title == "Outil changé"


def test_a_broken_cache_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    root = mini_kit(tmp_path)
    cache_file().parent.mkdir(parents=True, exist_ok=True)
    cache_file().write_text("{ pas du json", "utf-8")
    assert "outil-test" in load_kit([root], cache=KitCache.open()).kit.tools
    assert KitCache.open() is not None and KitCache.open().entries  # type: ignore[union-attr]


def test_no_cache_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SURVIVALKIT_NO_CACHE", "1")
    assert KitCache.open() is None


def test_template_errors_keep_their_line_with_a_cached_kit(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("Montant : {{ montant | euros }}", "Montant : {{ montant.__class__ }}")
    root = mini_kit(tmp_path, broken)
    load_kit([root], cache=KitCache.open())
    loaded = load_kit([root], cache=KitCache.open())
    tool = loaded.kit.tools["outil-test"]
    with pytest.raises(TemplateError, match=r"outil-test\.yaml:27:7: document `note`"):
        render_outputs(loaded.kit, [(tool, {"objet": "x", "montant": 1.0})], day=dt.date(2026, 1, 1),
                       lang="fr", locate_for={tool.id: locator_for(tool, loaded.sources)})


def test_an_edit_that_keeps_size_and_time_is_read_again(tmp_path: Path) -> None:
    root = mini_kit(tmp_path)
    tool = root / "tools" / "outil-test.yaml"
    stat = tool.stat()
    assert load_kit([root], cache=KitCache.open()).kit.tools["outil-test"].title == "Outil test"
    tool.write_text(MINI_TOOL.replace("Outil test", "Outil tost"), "utf-8")  # same size
    os.utime(tool, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same modification time
    assert tool.stat().st_size == stat.st_size
    assert load_kit([root], cache=KitCache.open()).kit.tools["outil-test"].title == "Outil tost"


def test_the_cache_is_pruned_by_age_and_by_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    import survivalkit.kit.cache as cache_module

    root = mini_kit(tmp_path)
    old = KitCache(cache_file(), today=dt.date(2026, 1, 1))
    load_kit([root], cache=old)
    assert len(old.entries) >= 2
    later = KitCache(cache_file(), today=dt.date(2026, 3, 1))  # two months without use
    later.save()
    assert json.loads(cache_file().read_text("utf-8"))["files"] == {}

    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 2)
    many = KitCache(cache_file(), today=dt.date(2026, 3, 1))
    for i in range(5):
        many.entries[f"k{i}"] = {"used": f"2026-02-2{i}", "data": {}}
    many.save()
    assert sorted(json.loads(cache_file().read_text("utf-8"))["files"]) == ["k3", "k4"]
