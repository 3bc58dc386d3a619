"""Finding kits, reading their files into the model, and reporting every problem with its place."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, ValuesView
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field, ValidationError

from survivalkit import settings
from survivalkit.errors import KitError, Msg, Problem, os_reason
from survivalkit.kit.base import TOOL_ID_PATTERN, Text
from survivalkit.kit.cache import KitCache, file_hash
from survivalkit.kit.model import (
    CARD_FIELDS,
    DATA_FIELDS,
    DataCard,
    Glossary,
    Kit,
    KitInfo,
    Question,
    Stage,
    Tool,
    ToolCard,
    card_of,
    data_card_of,
)
from survivalkit.kit.schema_errors import parse_model
from survivalkit.kit.yamlread import KeyPath, Located, read_yaml
from survivalkit.text.names import RESERVED, shown_name, windows_device

M = TypeVar("M", bound=BaseModel)
_Card = TypeVar("_Card", ToolCard, DataCard)
_Where = TypeVar("_Where")


def bundled_kit_dir() -> Path:
    """The kit shipped with the package (inside the wheel, or the repository's ``kit/``)."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "data" / "kit"
    if (installed / "kit.yaml").is_file():
        return installed
    return package.parents[1] / "kit"


def is_kit_dir(folder: Path) -> bool:
    """Whether ``folder`` is a kit folder itself: it holds ``kit.yaml`` or ``tools/``."""
    return (folder / "kit.yaml").is_file() or (folder / "tools").is_dir()


def kit_dir_of(path: Path) -> Path:
    """The kit folder a path means: itself, or the ``kit/`` folder of a repository root."""
    if not is_kit_dir(path) and is_kit_dir(path / "kit"):
        return path / "kit"
    return path


def holds_kit(folder: Path) -> bool:
    """Whether a kit folder holds anything a kit is made of (kit.yaml, glossary or tools)."""
    return (
        (folder / "kit.yaml").is_file()
        or (folder / "glossary.yaml").is_file()
        or bool(tool_files(folder))
    )


def no_kit_problem(folder: Path) -> Problem:
    """A folder that holds no kit: say where tools are expected."""
    return Problem(
        _display(folder), 1, 1, "",
        Msg("kit.no_tools", path=_display(folder),
            tools=_display(folder / "tools"), repo_tools=_display(folder / "kit" / "tools")),
    )


def kit_roots(extra: Iterable[Path] = (), *, use_env: bool = True) -> list[Path]:
    """The bundled kit, then ``$SURVIVALKIT_KIT`` folders, then ``--kit`` folders.

    A repository root that keeps its kit in ``kit/`` stands for that folder.
    """
    roots = [bundled_kit_dir()]
    if use_env:
        roots += [kit_dir_of(p) for p in settings.kit_folders()]
    roots += [kit_dir_of(p) for p in extra]
    return roots


@dataclass
class LoadedKit:
    """A kit with the located source of each of its files, for deep checks and lint."""

    kit: Kit
    sources: dict[str, Located] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    """What layering did (a tool replaced…), as ``Msg`` so that it can be said in any language."""


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a link that loops
        return str(path)


def tool_name_problem(path: Path, display: str | None = None) -> Problem | None:
    """The problem with a tool file's name, if any: its id is its file name, so the name must
    be a plain id (no look-alike letters) and not a name Windows or the output folder reserves.

    Checked before anything is read, from the cache or the file.
    """
    tool_id = path.stem
    where = display if display is not None else _display(path)
    if RESERVED.match(tool_id):
        key = "schema.reserved_name" if windows_device(tool_id) else "schema.output_name"
        return Problem(where, 1, 1, "", Msg(key, file=shown_name(path.name)))
    if not re.fullmatch(TOOL_ID_PATTERN, tool_id) or len(tool_id) > 64:
        return Problem(where, 1, 1, "", Msg("schema.bad_file_name", file=shown_name(path.name)))
    return None


def _from_cache(model: type[M], data: Any, **extra: str) -> M | None:
    """A model from cached data, validated like a fresh read; None when the data does not fit."""
    try:
        return model.model_validate({**data, **extra} if extra else data)
    except (ValidationError, TypeError, ValueError, RecursionError):
        return None


def read_tool(
    path: Path, cache: KitCache | None = None, *, content: str | None = None,
    key_path: Path | None = None,
) -> tuple[Tool | None, Located | None, list[Problem]]:
    """Read and validate one tool file; its id is its file name.

    ``key_path`` is the resolved path the cache knows the file by, ``content`` its hash when
    already known. The file-name checks come first, whether or not the cache knows the file.
    """
    display = _display(path)
    bad_name = tool_name_problem(path, display)
    if bad_name is not None:
        return None, None, [bad_name]
    tool_id = path.stem
    key = key_path or path
    if cache is not None:
        content = content or file_hash(path)
        cached = cache.get(key, content) if content else None
        if cached is not None:
            tool = _from_cache(Tool, cached, id=tool_id, origin=display)
            if tool is not None:
                return tool, None, []
    located, problems = read_yaml(path, display)
    if located is None:
        return None, None, problems
    tool, problems = parse_model(located, Tool, id=tool_id, origin=display)
    if cache is not None and tool is not None and not problems:
        cache.put(key, tool.model_dump(mode="json", by_alias=True, exclude_unset=True), content)
    return tool, located, problems


def _current_hash(path: Path | str, entry: Any) -> tuple[str | None, list[int] | None]:
    """A file's content hash, and its status signature (size, times, inode).

    When the index entry holds the same signature, its hash is the file's: any write changes
    the change time, which no tool can set back (``utime`` sets it to now). A file changed within
    the last two seconds gets no signature (it could change again within the clock's tick
    unseen): it is hashed next time.
    """
    import time

    try:
        info = os.stat(path)
    except OSError:
        return None, None
    signature = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]
    if (isinstance(entry, list) and len(entry) == 3 and entry[1] == signature
            and isinstance(entry[0], str)):
        return entry[0], signature
    recent = time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) < 2_000_000_000
    return file_hash(Path(path)), None if recent else signature


class _ToolsById(Mapping[str, Tool], Generic[_Where]):
    """Tools by id, their ids known from their files' names before any is read: membership,
    order and count come from ``_paths`` (id → where the tool's file is)."""

    _paths: dict[str, _Where]

    def __contains__(self, tool_id: object) -> bool:
        return tool_id in self._paths

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


class ToolShelf(_ToolsById[tuple[Path, Path, str]]):
    """The tools of a kit by id, each read (from the cache or its file) when first asked for.

    The ids are the file names, known without reading anything: ``show``, ``run`` and
    ``preview`` read one tool whatever the kit's size. ``cards()`` gives what listing needs
    from a small index. A tool with problems raises ``KitError`` when it is read.
    """

    def __init__(self, paths: dict[str, tuple[Path, Path, str]], cache: KitCache | None,
                 sources: dict[str, Located]) -> None:
        self._paths = dict(sorted(paths.items()))  # id -> (folder, resolved folder, file name)
        self._tools: dict[str, Tool] = {}
        self._cache = cache
        self._sources = sources
        self.last: Tool | None = None

    def __getitem__(self, tool_id: str) -> Tool:
        tool = self._tools.get(tool_id)
        if tool is not None:
            return tool
        if tool_id not in self._paths:
            raise KeyError(tool_id)
        problems = self._read(tool_id)
        if problems:
            raise KitError(problems)
        return self._tools[tool_id]

    def _read(self, tool_id: str, content: str | None = None, *, keep: bool = True) -> list[Problem]:
        """Read one tool; ``keep``: hold it (and its positions) for the rest of the command,
        else only ``self.last`` holds it (listing a large kit keeps its cards, not its tools)."""
        folder, real, name = self._paths[tool_id]
        path = folder / name
        tool, located, problems = read_tool(path, self._cache, content=content, key_path=real / name)
        if located is not None and keep:
            self._sources[located.path] = located
        self.last = tool
        if tool is None and not problems:  # pragma: no cover - read_tool always says why
            problems = [Problem(str(path), 1, 1, "", Msg("kit.not_found", path=str(path)))]
        elif tool is not None and not problems and keep:
            self._tools[tool_id] = tool
        if self._cache is not None:
            self._cache.save()
        return problems

    def load_all(self) -> list[Problem]:
        """Read every tool not read yet; the problems of those that could not be read."""
        problems: list[Problem] = []
        for tool_id in self._paths:
            if tool_id not in self._tools:
                problems += self._read(tool_id)
        return problems

    def values(self) -> ValuesView[Tool]:
        """Every tool, in id order (all read; ``KitError`` listing every problem found)."""
        problems = self.load_all()
        if problems:
            raise KitError(problems)
        return {tid: self._tools[tid] for tid in self._paths}.values()

    def cards(self) -> list[ToolCard]:
        """The card of every tool, in id order, from each tools folder's index when it holds
        the file's current hash; the other tools are read (and the index written again)."""
        if self._cache is None:
            return [card_of(tool) for tool in self.values()]
        return self._indexed(self._cache, "index", ToolCard, card_of, CARD_FIELDS) or []

    def data_cards(self) -> list[DataCard]:
        """The data card of every tool, in id order, from each tools folder's small index of
        them, checked against each file like the cards: a tool changed since is read again (and
        the index written again); a folder without that index yet has it made from its cards."""
        if self._cache is None:
            return [data_card_of(card) for card in self.cards()]
        found = self._indexed(self._cache, "data", DataCard, lambda tool: data_card_of(card_of(tool)),
                              DATA_FIELDS)
        return self._data_cards_again() if found is None else found

    def _indexed(self, cache: KitCache, kind: str, model: type[_Card], make: Callable[[Tool], _Card],
                 fields: tuple[str, ...]) -> list[_Card] | None:
        """Every tool's ``model`` from each tools folder's index of that ``kind``, where it holds
        the file's current hash; the other tools read and made into one (``make``), and the index
        written again. None when a ``data`` index does not exist yet (made from the cards)."""
        indexes: dict[Path, dict[str, Any]] = {}
        fresh: dict[Path, dict[str, Any]] = {}
        cards: list[_Card] = []
        problems: list[Problem] = []
        for tool_id, (where, folder, name) in self._paths.items():
            if folder not in indexes:
                indexes[folder] = cache.get_index(folder, kind)
                if not indexes[folder] and kind == "data":
                    return None
                fresh[folder] = {}
            entry = indexes[folder].get(name)
            content, signature = _current_hash(os.path.join(where, name), entry)  # no Path: 5 000 of them
            card = None
            if (content is not None and isinstance(entry, list) and len(entry) == 3
                    and entry[0] == content and isinstance(entry[2], dict)):
                card = _from_cache(model, entry[2], id=tool_id)
            if card is None:
                tool = self._tools.get(tool_id)
                if tool is None:
                    found = self._read(tool_id, content, keep=False)
                    if found or self.last is None:
                        problems += found
                        continue
                    tool = self.last
                card = make(tool)
                entry = [content, signature, card.model_dump(mode="json", include=set(fields))]
            elif isinstance(entry, list) and entry[1] != signature:  # the same bytes, touched
                entry = [content, signature, entry[2]]
            fresh[folder][name] = entry
            cards.append(card)
        if problems:
            raise KitError(problems)
        for folder, index in fresh.items():
            if indexes[folder] != index:
                cache.put_index(folder, index, kind)
        cache.save()
        return cards

    def _data_cards_again(self) -> list[DataCard]:
        cards = self.cards()  # raises KitError when a tool has problems, as listing does
        if self._cache is not None:
            for folder in dict.fromkeys(real for _, real, _ in self._paths.values()):
                index = self._cache.get_index(folder)
                self._cache.put_index(folder, {
                    name: [entry[0], entry[1], {k: entry[2][k] for k in DATA_FIELDS}]
                    for name, entry in index.items()}, "data")
            self._cache.save()
        return [data_card_of(card) for card in cards]


@dataclass(frozen=True)
class ToolOutline:
    """What the checks across tools read of a tool: its file, and its own questions' ids,
    labels and data (``validate`` keeps this of every tool, and each tool whole only while
    it is checked)."""

    origin: str
    questions: tuple[tuple[str, Text, str | None], ...]

    @classmethod
    def of(cls, tool: Tool) -> ToolOutline:
        """The outline of a tool read already."""
        return cls(tool.origin, tuple((q.id, q.label, q.datum) for q in tool.questions))


class ReadAgain(_ToolsById[tuple[Path, ToolOutline]]):
    """The tools of a kit that ``validate`` checks, by id: read once when the kit is loaded
    (their problems and ``outline`` are kept), then read again, with their positions, a few at
    a time when their turn comes (``hold``), so that checking thousands of tools never holds
    them all."""

    def __init__(self, paths: dict[str, tuple[Path, ToolOutline]], sources: dict[str, Located]) -> None:
        self._paths = dict(sorted(paths.items()))
        self.outline = {tid: outline for tid, (_, outline) in self._paths.items()}
        self._held: dict[str, Tool] = {}
        self._sources = sources

    def hold(self, ids: Iterable[str]) -> None:
        """Read these tools (and their positions, into the kit's sources) and let the ones
        held before go."""
        self._held = {}
        for tool_id in ids:
            tool = self._read(tool_id)
            if tool is not None:
                self._held[tool_id] = tool

    def _read(self, tool_id: str) -> Tool | None:
        path, _ = self._paths[tool_id]
        tool, located, _ = read_tool(path)  # not from the cache: the positions are wanted too
        if located is not None:
            self._sources[located.path] = located
        return tool

    def __getitem__(self, tool_id: str) -> Tool:
        tool = self._held.get(tool_id)
        if tool is None:
            if tool_id not in self._paths:
                raise KeyError(tool_id)
            tool = self._read(tool_id)
            if tool is None:  # changed since the kit was loaded, and broken now
                raise KeyError(tool_id)
        return tool


def outlines(kit: Kit) -> dict[str, ToolOutline]:
    """The outline of every tool of ``kit``, in id order (kept by ``ReadAgain``, else made)."""
    kept = getattr(kit.tools, "outline", None)
    if isinstance(kept, dict):
        return kept
    return {tool.id: ToolOutline.of(tool) for tool in kit.tools.values()}


def _merge_questions(base: list[Question], layer: list[Question]) -> list[Question]:
    by_id = {q.id: q for q in base}
    order = [q.id for q in base]
    for q in layer:
        if q.id not in by_id:
            order.append(q.id)
        by_id[q.id] = q
    return [by_id[i] for i in order]


def _no_stages() -> list[Stage]:
    """A layer's stages when it has none (a function of ours, not ``list``: pydantic reads the
    signature of a default factory, and a built-in's costs every start 2 ms to parse)."""
    return []


class KitLayer(KitInfo):
    """A layer's ``kit.yaml``: it holds only what it adds or replaces, so nothing is required."""

    title: Text | None = None  # type: ignore[assignment]
    """The edition's title (default: the kit's underneath)."""
    version: str | None = None  # type: ignore[assignment]
    """The edition's version."""
    description: Text | None = None  # type: ignore[assignment]
    """What the edition is for."""
    stages: list[Stage] = Field(default_factory=_no_stages)
    """Stages added or replaced by id."""


def _merge_info(base: KitInfo, layer: KitInfo) -> KitInfo:
    stages = {s.id: s for s in base.stages}
    order = [s.id for s in base.stages]
    for s in layer.stages:
        if s.id not in stages:
            order.append(s.id)
        stages[s.id] = s
    return base.model_copy(
        update={
            "title": layer.title if layer.title is not None else base.title,
            "version": layer.version if layer.version is not None else base.version,
            "description": layer.description if layer.description is not None else base.description,
            "stages": [stages[i] for i in order],
            "profile": _merge_questions(base.profile, layer.profile),
            "situation": _merge_questions(base.situation, layer.situation),
            "shared": _merge_questions(base.shared, layer.shared),
            "facts": {**base.facts, **layer.facts},
            "project": {**base.project, **layer.project},
        }
    )


_TOOL_ID = re.compile(TOOL_ID_PATTERN)


def _tool_names(folder: Path) -> list[str]:
    """The names of a tools folder's tool files, sorted (``tool_files`` without a Path each)."""
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries
                     if os.path.splitext(e.name)[1] in (".yaml", ".yml") and e.is_file()]
    except OSError:
        return []
    return sorted(names)


def tool_files(root: Path) -> list[Path]:
    """The tool files of a kit folder, sorted by name (``unreadable_entries`` says what is left out)."""
    folder = root / "tools"
    try:
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    except OSError:  # an unreadable folder: reported by unreadable_entries
        return []


def unreadable_entries(root: Path) -> list[Problem]:
    """What a kit folder holds but cannot be read as a tool file: an unreadable ``tools/`` folder,
    a dangling or looping link, a pipe, a device or a folder named like a tool file. Never
    skipped silently: ``validate`` and every command say which."""
    import errno
    import stat

    folder = root / "tools"
    try:
        if not folder.is_dir():
            return []
        with os.scandir(folder) as found:
            # a plain file (known from the folder's listing, no look at the file) is readable
            names = sorted(e.name for e in found if os.path.splitext(e.name)[1] in (".yaml", ".yml")
                           and not e.is_file(follow_symlinks=False))
    except OSError as exc:
        return [Problem(_display(folder), 1, 1, "", Msg("kit.unreadable_folder", reason=_reason(exc)))]
    problems: list[Problem] = []
    shown = _display(folder)
    for path in (folder / name for name in names):
        name = str(Path(shown) / path.name)  # the entry itself, never where a link leads
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            key = "kit.link_loop" if exc.errno == errno.ELOOP else (
                "kit.link_dangling" if path.is_symlink() else "kit.unreadable_file")
            problems.append(Problem(name, 1, 1, "", Msg(key, reason=_reason(exc))))
            continue
        if not stat.S_ISREG(mode):
            kind = "kit.entry_folder" if stat.S_ISDIR(mode) else "kit.entry_special"
            problems.append(Problem(name, 1, 1, "", Msg(kind)))
    return problems


def _reason(exc: OSError) -> Msg:
    """Why the system refused, said in the reader's language (``errors.os_reason``)."""
    return os_reason(exc)


def _read_model(
    path: Path,
    model: type[M],
    problems: list[Problem],
    sources: dict[str, Located],
    cache: KitCache | None = None,
    key_path: Path | None = None,
) -> M | None:
    """Read one kit file into ``model``, adding its problems and its located source."""
    key = key_path or path
    content = file_hash(path) if cache is not None else None
    if cache is not None and content is not None:
        cached = cache.get(key, content)
        if cached is not None:
            value = _from_cache(model, cached)
            if value is not None:
                return value
    located, found = read_yaml(path, _display(path))
    problems += found
    if located is None:
        return None
    sources[located.path] = located
    value, found = parse_model(located, model)
    problems += found
    if cache is not None and value is not None and not found:
        cache.put(key, value.model_dump(mode="json", by_alias=True, exclude_unset=True), content)
    return value


def _resolved(folder: Path) -> Path:
    try:
        return folder.resolve()
    except (OSError, RuntimeError):
        return folder.absolute()


def load_kit(roots: list[Path], *, strict: bool = True, cache: KitCache | None = None,
             tool_sources: bool = True, keep_tools: bool = True) -> LoadedKit:
    """Load and layer kit folders: the first must hold ``kit.yaml``; later ones add or replace.

    With ``strict``, ``kit.yaml`` and the glossary are read and any problem raises ``KitError``;
    the tools are only listed (their ids are their file names, checked here) and each is read
    when first used (see ``ToolShelf``). Without ``strict`` (``validate``), every file is read
    and every problem collected. Without ``tool_sources``, the positions of the tool files read
    are not kept (``validate`` reads them again a few tools at a time: a large kit's positions
    would take gigabytes); without ``keep_tools`` (``validate`` too, not strict), nor are the
    tools: each is read again when its turn comes (``ReadAgain``).
    """
    problems: list[Problem] = []
    sources: dict[str, Located] = {}
    info: KitInfo | None = None
    glossary = Glossary(schema_version=1, terms=[])
    tools: dict[str, Tool] = {}
    paths: dict[str, tuple[Path, Path, str]] = {}
    origins: dict[str, str] = {}
    later: dict[str, tuple[Path, ToolOutline]] = {}
    notices: list[str] = []
    for index, root in enumerate(roots):
        if not root.is_dir():
            problems.append(Problem(str(root), 1, 1, "", Msg("kit.not_found", path=str(root))))
            continue
        if index > 0 and not holds_kit(root):
            problems.append(no_kit_problem(root))
            continue
        real = _resolved(root)
        kit_file = root / "kit.yaml"
        if kit_file.is_file():
            layer = _read_model(kit_file, KitInfo if index == 0 else KitLayer, problems, sources,
                                cache, real / "kit.yaml")
            if layer is not None:
                info = layer if info is None else _merge_info(info, layer)
        elif index == 0:
            problems.append(Problem(_display(kit_file), 1, 1, "", Msg("kit.needs_kit_yaml")))
        glossary_file = root / "glossary.yaml"
        if glossary_file.is_file():
            terms = _read_model(glossary_file, Glossary, problems, sources, cache,
                                real / "glossary.yaml")
            if terms is not None:
                glossary = Glossary(schema_version=1, terms=[*glossary.terms, *terms.terms])
        problems += unreadable_entries(root)
        if strict:
            folder, real_folder = root / "tools", real / "tools"
            for name in _tool_names(folder):
                stem = os.path.splitext(name)[0]
                if RESERVED.match(stem) or not _TOOL_ID.fullmatch(stem) or len(stem) > 64:
                    problems.append(tool_name_problem(folder / name)
                                    or Problem(name, 1, 1, "", Msg("schema.bad_file_name", file=name)))
                    continue
                if stem in paths:
                    notices.append(Msg("kit.replaces", origin=_display(folder / name), id=stem,
                                       previous=_display(paths[stem][0] / paths[stem][2])))
                paths[stem] = (folder, real_folder, name)
            continue
        for path in tool_files(root):
            key = real / "tools" / path.name
            tool, located, found = read_tool(path, cache, key_path=key)
            problems += found
            if located is not None and tool_sources:
                sources[located.path] = located
            if tool is None:
                continue
            if tool.id in origins:
                notices.append(Msg("kit.replaces", origin=tool.origin, id=tool.id,
                                   previous=origins[tool.id]))
            origins[tool.id] = tool.origin
            if keep_tools:
                tools[tool.id] = tool
            else:
                later[tool.id] = (path, ToolOutline.of(tool))
    if info is None:
        if strict:
            raise KitError(problems or [Problem("kit.yaml", 1, 1, "", Msg("kit.no_kit_yaml"))])
        info = KitInfo.model_construct(
            schema_version=1, title="?", version="0", description="", stages=[]
        )
    if strict and problems:
        raise KitError(problems)
    shelf: Mapping[str, Tool] = (ToolShelf(paths, cache, sources) if strict
                                 else dict(sorted(tools.items())) if keep_tools
                                 else ReadAgain(later, sources))
    kit = Kit.model_construct(
        info=info,
        glossary=glossary,
        tools=shelf,
        roots=[str(r) for r in roots],
        notices=notices,
    )
    loaded = LoadedKit(kit, sources, problems, notices)
    if cache is not None:
        cache.save()
    return loaded


def read_sources(loaded: LoadedKit, origins: Iterable[str], *, kit_files: bool) -> list[str]:
    """Read the located source of files that came from the cache (for their problems' lines):
    the given tool files, and with ``kit_files`` every layer's ``kit.yaml`` and glossary.
    Returns the files read now (so that the caller can let them go)."""
    read: list[str] = []
    wanted = list(origins)
    if kit_files:
        for root in loaded.kit.roots:
            wanted += [_display(Path(root) / name) for name in ("kit.yaml", "glossary.yaml")
                       if (Path(root) / name).is_file()]
    for origin in wanted:
        if origin not in loaded.sources:
            located, _ = read_yaml(Path(origin), origin)
            if located is not None:
                loaded.sources[origin] = located
                read.append(origin)
    return read


def locator_for(
    tool: Tool, sources: dict[str, Located]
) -> Callable[[KeyPath, int], tuple[int, int]]:
    """Map a template line of ``tool`` to its file line; reads the file only when asked.

    A kit loaded from the cache has no positions: they are read again on the rare template error.
    """

    def locate(key_path: KeyPath, lineno: int) -> tuple[int, int]:
        located = sources.get(tool.origin)
        if located is None:
            located, _ = read_yaml(Path(tool.origin), tool.origin)
            if located is None:
                return lineno, 1
            sources[tool.origin] = located
        return located.template_line(key_path, lineno)

    return locate


def suggest_tools(kit: Kit, wanted: str) -> list[str]:
    """The tool ids closest to a mistyped one."""
    return difflib.get_close_matches(wanted, list(kit.tools), n=3, cutoff=0.5)
