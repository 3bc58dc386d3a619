"""Finding kits, reading their files into the model, and reporting every problem with its place."""

from __future__ import annotations

import difflib
import gc
import os
import re
import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from survivalkit.errors import KitError, Problem
from survivalkit.kit.cache import KitCache
from survivalkit.kit.model import (
    TOOL_ID_PATTERN,
    Glossary,
    Kit,
    KitInfo,
    Question,
    Tool,
)
from survivalkit.kit.yamlread import KeyPath, Located, read_yaml
from survivalkit.output.writer import RESERVED

ENV_KIT = "SURVIVALKIT_KIT"
M = TypeVar("M", bound=BaseModel)


def bundled_kit_dir() -> Path:
    """The kit shipped with the package (inside the wheel, or the repository's ``kit/``)."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "data" / "kit"
    if (installed / "kit.yaml").is_file():
        return installed
    return package.parents[1] / "kit"


def kit_roots(extra: Iterable[Path] = (), *, use_env: bool = True) -> list[Path]:
    """The bundled kit, then ``$SURVIVALKIT_KIT`` folders, then ``--kit`` folders."""
    roots = [bundled_kit_dir()]
    if use_env and os.environ.get(ENV_KIT):
        roots += [Path(p) for p in os.environ[ENV_KIT].split(os.pathsep) if p]
    roots += list(extra)
    return roots


@dataclass
class LoadedKit:
    """A kit with the located source of each of its files, for deep checks and lint."""

    kit: Kit
    sources: dict[str, Located] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def parse_model(located: Located, model: type[M], **extra: Any) -> tuple[M | None, list[Problem]]:
    """Validate located data against ``model``; map pydantic errors to file positions."""
    try:
        return model.model_validate({**located.data, **extra}), []
    except ValidationError as exc:
        return None, _problems_from(exc, located, model)


def _problems_from(exc: ValidationError, located: Located, model: type[BaseModel]) -> list[Problem]:
    raw: list[tuple[KeyPath, str, str, Any]] = []
    for err in exc.errors(include_url=False):
        path = _real_path(err["loc"], located)
        raw.append((path, err["type"], err["msg"], err))
    # A union (plain text or {fr, en}) reports one error per branch: keep the deepest one.
    kept = [
        item
        for item in raw
        if not (
            item[1].endswith("_type")
            and any(len(o[0]) > len(item[0]) and o[0][: len(item[0])] == item[0] for o in raw)
        )
    ]
    problems: list[Problem] = []
    seen: set[KeyPath] = set()
    for path, kind, msg, err in kept:
        if path in seen and kind.endswith("_type"):
            continue
        seen.add(path)
        problems.append(_problem_for(path, kind, msg, err, located, model))
    return problems


def _real_path(loc: tuple[int | str, ...], located: Located) -> KeyPath:
    """Drop pydantic's union-branch tags from ``loc``; keep the parts that exist in the file."""
    path: KeyPath = ()
    for part in loc:
        candidate = (*path, part)
        if candidate in located.values or candidate in located.keys:
            path = candidate
    return path


def _problem_for(
    path: KeyPath, kind: str, msg: str, err: Any, located: Located, model: type[BaseModel]
) -> Problem:
    loc = err["loc"]
    if kind == "extra_forbidden":
        key = str(path[-1]) if path else str(loc[-1])
        parent = _model_at(model, path[:-1])
        allowed = sorted(_field_names(parent)) if parent else []
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f"; did you mean `{close[0]}`?" if close else ""
        if allowed and not close:
            hint = f"; allowed keys: {', '.join(allowed)}"
        return located.problem(path, f"unknown key `{key}`{hint}", prefer_key=True)
    if kind == "missing":
        missing = str(loc[-1])
        return located.problem(path, f"missing required key `{missing}`")
    if kind == "enum":
        expected = err.get("ctx", {}).get("expected", "")
        return located.problem(path, f"`{err['input']}` is not allowed; use one of {expected}")
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return located.problem(path, f"`{err['input']}` is not allowed; expected {expected}")
    if kind in ("string_type", "model_type", "model_attributes_type") and _is_text(model, path):
        return located.problem(path, "expected a text, or a mapping like `{fr: ..., en: ...}`")
    if kind == "string_pattern_mismatch" and path and path[-1] in ("id", "value", "name"):
        return located.problem(
            path, f"`{err['input']}` is not a valid identifier: use lowercase letters, digits, _"
        )
    msg = msg.removeprefix("Value error, ")
    return located.problem(path, msg[:1].lower() + msg[1:])


def _field_names(model: type[BaseModel]) -> set[str]:
    names = set()
    for name, info in model.model_fields.items():
        if info.exclude:
            continue
        names.add(info.alias or name)
    return names


def _unwrap(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(annotation):
            out += _unwrap(arg)
        return out
    return [annotation]


def _model_at(model: type[BaseModel] | None, path: KeyPath) -> type[BaseModel] | None:
    """The model class that describes the mapping at ``path``, when there is one."""
    current: Any = model
    for part in path:
        current = _step(current, part)
        if current is None:
            return None
    return _as_model(current)


def _step(annotation: Any, part: str | int) -> Any:
    for cand in _unwrap(annotation):
        origin = typing.get_origin(cand)
        if isinstance(part, int) and origin is list:
            return typing.get_args(cand)[0]
        if isinstance(part, str) and origin is dict:
            return typing.get_args(cand)[1]
        if isinstance(part, str) and isinstance(cand, type) and issubclass(cand, BaseModel):
            fields = {(f.alias or n): f for n, f in cand.model_fields.items()}
            if part in fields:
                return fields[part].annotation
    return None


def _as_model(annotation: Any) -> type[BaseModel] | None:
    for cand in _unwrap(annotation):
        if isinstance(cand, type) and issubclass(cand, BaseModel):
            return cand
    return None


def _is_text(model: type[BaseModel], path: KeyPath) -> bool:
    parent = _model_at(model, path[:-1]) if path else None
    if parent is None or not path:
        return False
    fields = {(f.alias or n): f for n, f in parent.model_fields.items()}
    info = fields.get(str(path[-1]))
    return info is not None and "Localized" in str(info.annotation)


def read_tool(
    path: Path, cache: KitCache | None = None
) -> tuple[Tool | None, Located | None, list[Problem]]:
    """Read and validate one tool file; its id is its file name."""
    display = _display(path)
    if cache is not None:
        cached = cache.get(path)
        if cached is not None:
            return Tool.model_validate({**cached, "id": path.stem, "origin": display}), None, []
    located, problems = read_yaml(path, display)
    if located is None:
        return None, None, problems
    tool_id = path.stem

    if RESERVED.match(tool_id):
        return (
            None,
            located,
            [
                located.problem(
                    (),
                    f"file name `{path.name}` is a reserved device name on Windows; "
                    "choose another tool id",
                )
            ],
        )
    if not re.fullmatch(TOOL_ID_PATTERN, tool_id) or len(tool_id) > 64:
        return (
            None,
            located,
            [
                located.problem(
                    (),
                    f"file name `{path.name}` is not a valid tool id: use lowercase words "
                    "joined by dashes (e.g. `pass-fab-lab.yaml`), 64 characters at most",
                )
            ],
        )
    tool, problems = parse_model(located, Tool, id=tool_id, origin=display)
    if cache is not None and tool is not None and not problems:
        cache.put(path, tool.model_dump(mode="json", by_alias=True, exclude_unset=True))
    return tool, located, problems


def _merge_questions(base: list[Question], layer: list[Question]) -> list[Question]:
    by_id = {q.id: q for q in base}
    order = [q.id for q in base]
    for q in layer:
        if q.id not in by_id:
            order.append(q.id)
        by_id[q.id] = q
    return [by_id[i] for i in order]


def _merge_info(base: KitInfo, layer: KitInfo) -> KitInfo:
    stages = {s.id: s for s in base.stages}
    order = [s.id for s in base.stages]
    for s in layer.stages:
        if s.id not in stages:
            order.append(s.id)
        stages[s.id] = s
    return layer.model_copy(
        update={
            "stages": [stages[i] for i in order],
            "profile": _merge_questions(base.profile, layer.profile),
            "situation": _merge_questions(base.situation, layer.situation),
            "shared": _merge_questions(base.shared, layer.shared),
            "facts": {**base.facts, **layer.facts},
        }
    )


def tool_files(root: Path) -> list[Path]:
    """The tool files of a kit folder, sorted by name."""
    folder = root / "tools"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def _read_model(
    path: Path,
    model: type[M],
    problems: list[Problem],
    sources: dict[str, Located],
    cache: KitCache | None = None,
) -> M | None:
    """Read one kit file into ``model``, adding its problems and its located source."""
    if cache is not None:
        cached = cache.get(path)
        if cached is not None:
            return model.model_validate(cached)
    located, found = read_yaml(path, _display(path))
    problems += found
    if located is None:
        return None
    sources[located.path] = located
    value, found = parse_model(located, model)
    problems += found
    if cache is not None and value is not None and not found:
        cache.put(path, value.model_dump(mode="json", by_alias=True, exclude_unset=True))
    return value


def load_kit(roots: list[Path], *, strict: bool = True, cache: KitCache | None = None) -> LoadedKit:
    """Load and layer kit folders (see ``_load_kit``), with the garbage collector paused.

    Reading builds many small objects that all stay alive: collecting meanwhile only costs time
    (about 45 % of the load on a large kit), and so would walking them in every later collection.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_kit(roots, strict=strict, cache=cache)
    finally:
        # The kit lives as long as the command: keep later collections from walking it again.
        gc.freeze()
        if enabled:
            gc.enable()


def _load_kit(roots: list[Path], *, strict: bool, cache: KitCache | None) -> LoadedKit:
    """Load and layer kit folders: the first must hold ``kit.yaml``; later ones add or replace.

    Every file is read and every problem collected; with ``strict`` a kit with problems raises
    ``KitError`` listing them all.
    """
    problems: list[Problem] = []
    sources: dict[str, Located] = {}
    info: KitInfo | None = None
    glossary = Glossary(schema_version=1, terms=[])
    tools: dict[str, Tool] = {}
    notices: list[str] = []
    for index, root in enumerate(roots):
        if not root.is_dir():
            problems.append(Problem(str(root), 1, 1, "", "kit folder not found"))
            continue
        kit_file = root / "kit.yaml"
        if kit_file.is_file():
            layer = _read_model(kit_file, KitInfo, problems, sources, cache)
            if layer is not None:
                info = layer if info is None else _merge_info(info, layer)
        elif index == 0:
            problems.append(Problem(_display(kit_file), 1, 1, "", "a kit needs a kit.yaml"))
        glossary_file = root / "glossary.yaml"
        if glossary_file.is_file():
            terms = _read_model(glossary_file, Glossary, problems, sources, cache)
            if terms is not None:
                glossary = Glossary(schema_version=1, terms=[*glossary.terms, *terms.terms])
        for path in tool_files(root):
            tool, located, found = read_tool(path, cache)
            problems += found
            if located is not None:
                sources[located.path] = located
            if tool is None:
                continue
            if tool.id in tools:
                notices.append(f"{tool.origin} replaces tool `{tool.id}` from {tools[tool.id].origin}")
            tools[tool.id] = tool
    if info is None:
        if strict:
            raise KitError(problems or [Problem("kit.yaml", 1, 1, "", "no kit.yaml found")])
        info = KitInfo.model_construct(
            schema_version=1, title="?", version="0", description="", stages=[]
        )
    kit = Kit(
        info=info,
        glossary=glossary,
        tools=dict(sorted(tools.items())),
        roots=[str(r) for r in roots],
        notices=notices,
    )
    loaded = LoadedKit(kit, sources, problems)
    if cache is not None:
        cache.save()
    if strict and problems:
        raise KitError(problems)
    return loaded


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
