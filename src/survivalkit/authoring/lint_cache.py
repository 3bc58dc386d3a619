"""Problems found by ``lint``, kept per tool and keyed by the content of everything they depend on.

``validate`` in a pre-commit hook checks the same kit again and again with one file changed: a
tool whose file, kit files, survivalkit code and date are the same as last time has the same
problems. Keys hold hashes of file *contents* (never dates or sizes) and resolved paths (so
``--kit kit`` and ``--kit /abs/kit`` are the same kit), so nothing stale is ever trusted. The
entries follow the policy of every cache (see ``survivalkit.kit.cache``): one file each,
checksummed, read with bounds, the folder bounded in bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from survivalkit.errors import Msg, Problem
from survivalkit.kit.cache import LINT_BUDGET, EntryStore, digest, file_hash

KIT_LEVEL = "<kit>"
ORIGIN = "<origin>"
"""Stands for the tool file's own path in a stored problem (shown relative to where one runs)."""


@cache
def code_stamp() -> str:
    """A hash of survivalkit's own code and data: another version means other problems."""
    package = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def resolved(path: Path | str) -> str:
    """A path as the cache knows it: absolute, links resolved."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return str(Path(path).absolute())


def kit_key(roots: Iterable[Path], tools: Iterable[str], today: dt.date) -> str:
    """What every tool's problems depend on besides its own file (and what it shares with other
    tools, see ``tool_key``): survivalkit's code, the date, the kit files and ``tools``' ids.

    A tool's problems do not depend on which other tools the kit holds: its key is made with
    ``tools`` empty, so that adding or removing a tool checks that tool alone. The kit files'
    own entry keeps every id."""
    parts = [code_stamp(), today.isoformat()]
    for root in roots:
        real = Path(resolved(root))
        parts.append(str(real))
        for name in ("kit.yaml", "glossary.yaml"):
            parts.append(f"{name}:{file_hash(real / name) if (real / name).exists() else '-'}")
    parts += sorted(tools)
    return digest(*parts)


def tool_key(base: str, origin: str, shared: str = "") -> str:
    """A tool's own key: the kit's, its file's (``origin``) resolved path and content, and
    ``shared``: what its checks read of other tools (``rules.data.outside_inputs``)."""
    return digest(base, resolved(origin), file_hash(Path(origin)) or "unreadable", shared)


def _msg_to_json(text: str) -> Any:
    if isinstance(text, Msg):
        values = {k: _msg_to_json(v) if isinstance(v, str) else v for k, v in text.values.items()}
        return {"key": text.key, "values": values, "text": str(text)}
    return text


def _msg_from_json(data: Any) -> str:
    if not isinstance(data, dict):
        return str(data)
    values = {k: _msg_from_json(v) if isinstance(v, dict | str) else v
              for k, v in data.get("values", {}).items()}
    if not data.get("key"):
        return Msg.both(str(values.get("en", "")), str(values.get("fr", "")))
    return Msg(str(data["key"]), **values)


def problem_to_json(problem: Problem) -> dict[str, Any]:
    """A problem as JSON, its message's key and values kept for translation."""
    return {"path": problem.path, "line": problem.line, "col": problem.col,
            "key_path": problem.key_path, "message": _msg_to_json(problem.message),
            "rule": problem.rule, "severity": problem.severity}


def problem_from_json(data: dict[str, Any]) -> Problem:
    """A problem read back from JSON."""
    return Problem(str(data["path"]), int(data["line"]), int(data["col"]), str(data["key_path"]),
                   _msg_from_json(data["message"]), str(data["rule"]), str(data["severity"]))


class LintCache:
    """Problems by key, one checksummed entry file per tool (and one for the kit's own files)."""

    def __init__(self, store: EntryStore) -> None:
        self.store = store

    @classmethod
    def open(cls) -> LintCache | None:
        """The user's cache, or None when ``$SURVIVALKIT_NO_CACHE`` is set."""
        store = EntryStore.open("lint", LINT_BUDGET)
        return None if store is None else cls(store)

    def get(self, key: str, origin: str = "") -> list[Problem] | None:
        """The problems stored under ``key`` (those of the file ``origin``), or None."""
        stored = self.store.get(key)
        if not isinstance(stored, list):
            return None
        try:
            problems = [problem_from_json(item) for item in stored]
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
            return None
        return [p if p.path != ORIGIN else
                Problem(origin, p.line, p.col, p.key_path, p.message, p.rule, p.severity)
                for p in problems]

    def put(self, key: str, problems: list[Problem], origin: str = "") -> None:
        """Remember ``problems`` under ``key`` (those of the file ``origin``)."""
        items = []
        for p in problems:
            item = problem_to_json(p)
            if origin and p.path == origin:
                item["path"] = ORIGIN
            items.append(item)
        self.store.put(key, items)

    def save(self) -> None:
        """Keep the cache within its budget."""
        self.store.close()


def cwd_key() -> str:
    """Where one runs: problems of the kit's own files are shown relative to it."""
    return os.getcwd()
