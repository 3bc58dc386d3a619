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
