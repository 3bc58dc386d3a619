"""The parsed-kit cache: same kit as a fresh read, never stale, never trusted beyond a fresh read,
never in the way; and a command that needs one tool reads one tool."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from helpers import MINI_KIT, MINI_TOOL, build_tree, mini_kit
from survivalkit.errors import KitError, TemplateError
from survivalkit.files.places import cache_dir
from survivalkit.kit.cache import EntryStore, KitCache
from survivalkit.kit.loader import bundled_kit_dir, load_kit, locator_for
from survivalkit.output.bundle import render_outputs


def entries(name: str = "kit") -> list[Path]:
    folder = cache_dir() / name
    return sorted(p for p in folder.rglob("*.json")) if folder.is_dir() else []


def test_cached_kit_equals_a_fresh_read() -> None:
    fresh = load_kit([bundled_kit_dir()]).kit
    first = load_kit([bundled_kit_dir()], cache=KitCache.open())  # fills the cache
    list(first.kit.tools.values())
    assert entries()
    cached = load_kit([bundled_kit_dir()], cache=KitCache.open())
    assert cached.kit.model_dump(mode="json") == fresh.model_dump(mode="json")
    assert cached.sources == {}  # nothing was read again
    assert cached.kit.info == fresh.info and cached.kit.glossary == fresh.glossary
    assert [t.origin for t in cached.kit.tools.values()] == [t.origin for t in fresh.tools.values()]
    assert [c.title for c in cached.kit.cards()] == [t.title for t in fresh.tools.values()]


def test_one_tool_is_read_when_one_tool_is_needed(tmp_path: Path) -> None:
    root = mini_kit(tmp_path)
    for i in range(5):
        (root / "tools" / f"autre-{i}.yaml").write_text(MINI_TOOL.replace("Outil test", f"Autre {i}"),
                                                         "utf-8")
    (root / "tools" / "casse.yaml").write_text("schema_version: [", "utf-8")  # broken, unused
    loaded = load_kit([root])
    assert "casse" in loaded.kit.tools and len(loaded.kit.tools) == 7
    assert loaded.kit.tools["outil-test"].title == "Outil test"
    assert [Path(p).name for p in loaded.sources] == ["kit.yaml", "outil-test.yaml"]
    with pytest.raises(KitError, match=r"casse\.yaml"):  # a broken tool says so when it is used
        loaded.kit.cards()


def test_the_list_comes_from_a_small_index(tmp_path: Path) -> None:
    root = mini_kit(tmp_path)
    (root / "tools" / "autre.yaml").write_text(MINI_TOOL.replace("Outil test", "Autre"), "utf-8")
    assert [c.title for c in load_kit([root], cache=KitCache.open()).kit.cards()] == ["Autre", "Outil test"]
    again = load_kit([root], cache=KitCache.open())
    assert [c.title for c in again.kit.cards()] == ["Autre", "Outil test"]
    assert again.sources == {}
    # an edit is seen in the list at once
    (root / "tools" / "autre.yaml").write_text(MINI_TOOL.replace("Outil test", "Autre chose"), "utf-8")
    assert [c.title for c in load_kit([root], cache=KitCache.open()).kit.cards()] == [
        "Autre chose", "Outil test"]


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    root = mini_kit(tmp_path)
    assert load_kit([root], cache=KitCache.open()).kit.tools["outil-test"].title == "Outil test"
    tool = root / "tools" / "outil-test.yaml"
    tool.write_text(MINI_TOOL.replace("Outil test", "Outil changé"), "utf-8")
    os.utime(tool, ns=(1, 1))  # even with an old modification time, the size differs
    assert load_kit([root], cache=KitCache.open()).kit.tools["outil-test"].title == "Outil changé"


def test_an_edit_that_keeps_size_and_time_is_read_again(tmp_path: Path) -> None:
    root = mini_kit(tmp_path)
    tool = root / "tools" / "outil-test.yaml"
    stat = tool.stat()
    assert load_kit([root], cache=KitCache.open()).kit.tools["outil-test"].title == "Outil test"
    tool.write_text(MINI_TOOL.replace("Outil test", "Outil tost"), "utf-8")  # same size
    os.utime(tool, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same modification time
    assert tool.stat().st_size == stat.st_size
    assert load_kit([root], cache=KitCache.open()).kit.tools["outil-test"].title == "Outil tost"


def test_no_cache_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SURVIVALKIT_NO_CACHE", "1")
    assert KitCache.open() is None


def test_template_errors_keep_their_line_with_a_cached_kit(tmp_path: Path) -> None:
    broken = MINI_TOOL.replace("Montant : {{ montant | euros }}", "Montant : {{ montant.__class__ }}")
    root = mini_kit(tmp_path, broken)
    load_kit([root], cache=KitCache.open()).kit.tools["outil-test"]
    loaded = load_kit([root], cache=KitCache.open())
    tool = loaded.kit.tools["outil-test"]
    with pytest.raises(TemplateError, match=r"outil-test\.yaml:27:7: document `note`"):
        render_outputs(loaded.kit, [(tool, {"objet": "x", "montant": 1.0})], day=dt.date(2026, 1, 1),
                       lang="fr", locate_for={tool.id: locator_for(tool, loaded.sources)})


def test_a_large_kit_is_cached_whole(tmp_path: Path) -> None:
    """No cap on the number of entries: a kit of 600 tools is read from files once only."""
    root = mini_kit(tmp_path)
    for i in range(600):
        (root / "tools" / f"outil-{i:03d}.yaml").write_text(MINI_TOOL.replace("Outil test", f"Outil {i}"),
                                                             "utf-8")
    list(load_kit([root], cache=KitCache.open()).kit.tools.values())
    again = load_kit([root], cache=KitCache.open())
    assert len(list(again.kit.tools.values())) == 601
    assert again.sources == {}


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_the_cache_is_bounded_in_bytes(tmp_path: Path) -> None:
    """Never above its budget, not even in the middle of a command: checked after every write."""
    store = EntryStore(tmp_path / "store", budget=40_000)
    for i in range(100):
        store.put(f"cle-{i}", {"texte": "x" * 1000, "i": i})
        assert folder_bytes(tmp_path / "store") <= 40_000
        assert store.size() == folder_bytes(tmp_path / "store")
    assert store.get("cle-99") == {"texte": "x" * 1000, "i": 99}  # the newest are kept
    assert store.get("cle-0") is None  # the oldest made room
    store.put("cle-99", {"texte": "y" * 1000})  # replacing an entry counts once
    assert store.size() == folder_bytes(tmp_path / "store") <= 40_000


def test_a_cache_found_over_its_budget_shrinks_at_the_first_write(tmp_path: Path) -> None:
    big = EntryStore(tmp_path / "store", budget=1_000_000)
    for i in range(50):
        big.put(f"cle-{i}", {"texte": "x" * 1000})
    assert folder_bytes(tmp_path / "store") > 20_000
    small = EntryStore(tmp_path / "store", budget=20_000)  # another command, a smaller budget
    small.put("nouvelle", {"texte": "z"})
    assert folder_bytes(tmp_path / "store") <= 20_000
    assert small.get("nouvelle") == {"texte": "z"}


def test_an_entry_larger_than_the_budget_is_not_written(tmp_path: Path) -> None:
    store = EntryStore(tmp_path / "store", budget=5_000)
    store.put("petite", {"texte": "x"})
    store.put("grande", {"texte": "x" * 10_000})
    assert store.get("grande") is None and store.get("petite") == {"texte": "x"}
    assert folder_bytes(tmp_path / "store") <= 5_000


def test_a_kit_larger_than_the_cache_budget_never_overflows_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Listing a kit whose parsed tools take more than the budget: the folder stays within it."""
    import survivalkit.kit.cache as kit_cache

    root = mini_kit(tmp_path)
    for i in range(40):
        (root / "tools" / f"outil-{i:03d}.yaml").write_text(MINI_TOOL.replace("Outil test", f"Outil {i}"),
                                                             "utf-8")
    monkeypatch.setattr(kit_cache, "KIT_BUDGET", 30_000)
    loaded = load_kit([root], cache=KitCache.open())
    assert len(loaded.kit.cards()) == 41
    assert len(list(loaded.kit.tools.values())) == 41
    assert 0 < folder_bytes(cache_dir() / "kit") <= 30_000


def test_the_cache_and_the_reader_agree_on_the_largest_kit_file() -> None:
    from survivalkit.kit.cache import MAX_FILE_BYTES
    from survivalkit.kit.yamlread import MAX_BYTES

    assert MAX_FILE_BYTES == MAX_BYTES


def test_the_list_sees_an_edit_that_keeps_size_and_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The index trusts a recorded hash only while the file's status is the same: a write
    changes the change time, which no one can set back."""
    import time

    real = time.time_ns
    monkeypatch.setattr(time, "time_ns", lambda: real() + 10 * 1_000_000_000)  # files look old
    root = mini_kit(tmp_path)
    tool = root / "tools" / "outil-test.yaml"
    assert [c.title for c in load_kit([root], cache=KitCache.open()).kit.cards()] == ["Outil test"]
    assert [c.title for c in load_kit([root], cache=KitCache.open()).kit.cards()] == ["Outil test"]
    stat = tool.stat()
    tool.write_text(MINI_TOOL.replace("Outil test", "Outil tost"), "utf-8")  # same size
    os.utime(tool, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same modification time
    assert [c.title for c in load_kit([root], cache=KitCache.open()).kit.cards()] == ["Outil tost"]


def test_cards_say_which_project_data_each_tool_fills() -> None:
    """The cards carry the project data of each tool, the same whether read from the index or
    from the tools themselves (both paths give equal cards)."""
    from survivalkit.kit.model import card_of, tool_questions

    fresh = load_kit([bundled_kit_dir()]).kit
    load_kit([bundled_kit_dir()], cache=KitCache.open()).kit.cards()  # writes the index
    indexed = load_kit([bundled_kit_dir()], cache=KitCache.open()).kit.cards()
    tools = list(fresh.tools.values())
    assert indexed == [card_of(tool) for tool in tools]
    for card, tool in zip(indexed, tools, strict=True):
        assert card.project_data(fresh) == list(dict.fromkeys(
            q.datum for q in tool_questions(fresh, tool) if q.datum))
    by_id = {c.id: c.project_data(fresh) for c in indexed}
    assert by_id["memo-achat-public"] == ["achat_objet", "achat_nature", "achat_montant"]


DATUM_KIT = MINI_KIT + "project:\n  objet:\n    type: text\n    meaning: Ce que le projet achète\n"
"""The mini kit with one project datum, ``objet``."""
DATUM_TOOL = MINI_TOOL.replace("  - id: objet\n", "  - id: objet\n    datum: objet\n", 1)
"""The mini tool whose question ``objet`` fills that datum."""
assert DATUM_TOOL != MINI_TOOL


def _spy_read_tool(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The tools read whole (``loader.read_tool``), by file name, from now on."""
    import survivalkit.kit.loader as loader

    read: list[str] = []
    real = loader.read_tool

    def spy(path: Path, *args: object, **kwargs: object) -> object:
        read.append(path.stem)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "read_tool", spy)
    return read


def test_show_names_the_other_tools_of_a_datum_from_the_cards(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``show`` says which other tools fill the same datum without reading them whole."""
    from survivalkit.kit.listing import data_lines

    root = build_tree(tmp_path, {"kit.yaml": DATUM_KIT, "tools/outil-test.yaml": DATUM_TOOL,
                                 "tools/autre.yaml": DATUM_TOOL.replace("Outil test", "Autre outil"),
                                 "tools/sans.yaml": MINI_TOOL.replace("Outil test", "Sans donnée")})
    load_kit([root], cache=KitCache.open()).kit.cards()  # the index, as any earlier `list` makes
    read = _spy_read_tool(monkeypatch)
    kit = load_kit([root], cache=KitCache.open()).kit
    assert data_lines(kit, "outil-test", "fr") == ["Ce que le projet achète (aussi dans : Autre outil)"]
    assert data_lines(kit, "sans", "fr") == []
    assert read == []


def test_show_names_a_few_other_tools_of_a_datum_and_counts_the_rest(tmp_path: Path) -> None:
    """A large kit has thousands of tools filling the same datum: `show` names five, counts the rest."""
    from survivalkit.kit.listing import OTHERS_SHOWN, data_lines

    files = {"kit.yaml": DATUM_KIT}
    files |= {f"tools/outil-{i}.yaml": DATUM_TOOL.replace("Outil test", f"Outil {i}") for i in range(8)}
    kit = load_kit([build_tree(tmp_path, files)], cache=KitCache.open()).kit
    assert OTHERS_SHOWN == 5
    assert data_lines(kit, "outil-3", "fr") == [
        "Ce que le projet achète (aussi dans : Outil 0, Outil 1, Outil 2, Outil 4, Outil 5 "
        "et 2 autres outils)"]
    assert data_lines(kit, "outil-0", "en") == [
        "Ce que le projet achète (also in: Outil 1, Outil 2, Outil 3, Outil 4, Outil 5 "
        "and 2 other tools)"]


def test_show_reads_a_small_index_of_data_cards_checked_against_each_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once made, `show`'s data cards come from their own small index, not from the cards (the
    larger index of `list`); a tool changed since is read again alone, and its new title shown."""
    import survivalkit.kit.loader as loader
    from survivalkit.kit.listing import data_lines

    root = build_tree(tmp_path, {"kit.yaml": DATUM_KIT, "tools/outil-test.yaml": DATUM_TOOL,
                                 "tools/autre.yaml": DATUM_TOOL.replace("Outil test", "Autre outil")})
    calls: list[str] = []
    real = loader.ToolShelf.cards

    def cards(self: loader.ToolShelf) -> object:
        calls.append("cards")
        return real(self)

    monkeypatch.setattr(loader.ToolShelf, "cards", cards)

    def shown() -> list[str]:
        return data_lines(load_kit([root], cache=KitCache.open()).kit, "outil-test", "fr")

    assert shown() == ["Ce que le projet achète (aussi dans : Autre outil)"]
    assert calls == ["cards"]  # the first time, the small index is made from the cards
    assert shown() == ["Ce que le projet achète (aussi dans : Autre outil)"]
    assert calls == ["cards"]
    read = _spy_read_tool(monkeypatch)
    (root / "tools" / "autre.yaml").write_text(DATUM_TOOL.replace("Outil test", "Outil renommé"), "utf-8")
    assert shown() == ["Ce que le projet achète (aussi dans : Outil renommé)"]
    assert read == ["autre"]  # the changed tool alone, for its card
    assert shown() == ["Ce que le projet achète (aussi dans : Outil renommé)"]
    assert calls == ["cards"] and read == ["autre"]
