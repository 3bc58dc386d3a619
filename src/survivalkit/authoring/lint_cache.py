"""Problems found by ``lint``, kept per tool and keyed by the content of everything they depend on.

``validate`` in a pre-commit hook checks the same kit again and again with one file changed: a
tool whose file, kit files, survivalkit code and date are the same as last time has the same
problems. Keys are SHA-256 hashes of file *contents* (never dates or sizes), so nothing stale is
ever trusted; a broken or foreign cache file is simply rebuilt.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from survivalkit.errors import Msg, Problem
from survivalkit.kit.model import Tool

ENV_NO_CACHE = "SURVIVALKIT_NO_CACHE"
MAX_ENTRIES = 5000
KIT_LEVEL = "<kit>"


@cache
def code_stamp() -> str:
    """A hash of survivalkit's own code and data: another version means other problems."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def kit_key(roots: Iterable[Path], tools: Iterable[Tool], today: dt.date) -> str:
    """What every tool's problems depend on besides its own file: kit files, tool ids, the date."""
    digest = hashlib.sha256(f"{code_stamp()}|{today.isoformat()}".encode())
    for root in roots:
        digest.update(str(root).encode())
        for name in ("kit.yaml", "glossary.yaml"):
            digest.update(f"|{name}:{_file_hash(root / name)}".encode())
    for tool in sorted(tools, key=lambda t: t.id):
        digest.update(f"|{tool.id}@{tool.origin}".encode())
    return digest.hexdigest()


def tool_key(base: str, tool: Tool) -> str:
    """A tool's own key: the kit's, plus its file's content."""
    return hashlib.sha256(f"{base}|{tool.origin}|{_file_hash(Path(tool.origin))}".encode()).hexdigest()


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
    """Problems by key, read once, written back when something changed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, list[dict[str, Any]]] = {}
        self.dirty = False
        try:
            data = json.loads(path.read_text("utf-8"))
            if isinstance(data, dict) and isinstance(data.get("entries"), dict):
                self.entries = data["entries"]
        except (OSError, ValueError):
            pass  # no cache, or a broken one: rebuilt

    @classmethod
    def open(cls) -> LintCache | None:
        """The user's cache, or None when ``$SURVIVALKIT_NO_CACHE`` is set."""
        if os.environ.get(ENV_NO_CACHE):
            return None
        from survivalkit.kit.cache import cache_file

        return cls(cache_file().with_name("lint.json"))

    def get(self, key: str) -> list[Problem] | None:
        """The problems stored under ``key``, or None."""
        stored = self.entries.get(key)
        if stored is None:
            return None
        try:
            return [problem_from_json(item) for item in stored]
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, key: str, problems: list[Problem]) -> None:
        """Remember ``problems`` under ``key``."""
        self.entries[key] = [problem_to_json(p) for p in problems]
        self.dirty = True

    def save(self) -> None:
        """Write the cache back (the newest entries), quietly giving up on any error."""
        if not self.dirty:
            return
        keep = dict(list(self.entries.items())[-MAX_ENTRIES:])
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps({"entries": keep}, ensure_ascii=False), "utf-8")
            tmp.replace(self.path)
        except OSError:
            pass
