"""Schema (pydantic) errors placed at their file position and said in plain words."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from survivalkit.errors import Msg, Problem
from survivalkit.kit.yamlread import KeyPath, Located

M = TypeVar("M", bound=BaseModel)


def parse_model(located: Located, model: type[M], **extra: Any) -> tuple[M | None, list[Problem]]:
    """Validate located data against ``model``; map pydantic errors to file positions."""
    _words_as_typed(located)
    try:
        return model.model_validate({**located.data, **extra}), []
    except ValidationError as exc:
        return None, _problems_from(exc, located, model)


def _words_as_typed(located: Located) -> None:
    """A question's ``default: off`` (or ``no``, ``Null``) is the word as typed, not False or None:
    the question's type says what it means when the default is offered."""
    for path, word in located.words.items():
        if not path or path[-1] != "default":
            continue
        node: Any = located.data
        for part in path[:-1]:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
        else:
            if isinstance(node, dict) and (node.get("default") is None or isinstance(node["default"], bool)):
                node["default"] = word


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
    from survivalkit.kit.plain_words import schema_reason

    loc = err["loc"]
    if kind == "extra_forbidden":
        key = str(path[-1]) if path else str(loc[-1])
        parent = _model_at(model, path[:-1])
        allowed = sorted(_field_names(parent)) if parent else []
        close = difflib.get_close_matches(key, allowed, n=1)
        if close:
            return located.problem(path, Msg("schema.unknown_key_close", key=key, close=close[0]),
                                   prefer_key=True)
        return located.problem(path, Msg("schema.unknown_key", key=key, allowed=", ".join(allowed)),
                               prefer_key=True)
    if kind == "missing":
        return located.problem(path, Msg("schema.missing", key=str(loc[-1])))
    if kind in ("enum", "literal_error"):
        expected = err.get("ctx", {}).get("expected", "")
        return located.problem(path, Msg("schema.one_of", given=str(err["input"]), expected=expected))
    if kind in ("string_type", "model_type", "model_attributes_type") and _is_text(model, path):
        return located.problem(path, Msg("schema.localized"))
    if kind == "string_pattern_mismatch" and path and path[-1] in ("id", "value", "name"):
        return located.problem(path, Msg("schema.identifier", given=str(err["input"])))
    error = err.get("ctx", {}).get("error")
    if isinstance(error, ValueError) and error.args and isinstance(error.args[0], Msg):
        return located.problem(path, Msg("schema.other", reason=error.args[0]))  # said in the reader's language
    plain = schema_reason(kind, err, str(path[-1]) if path else "")
    if plain is not None:
        return located.problem(path, plain)
    msg = msg.removeprefix("Value error, ")
    return located.problem(path, Msg("schema.other", reason=msg[:1].lower() + msg[1:]))


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
