"""A cache of parsed kit files, so that commands that only read the kit start fast.

Each file is cached as the JSON of its validated model, keyed by its path, size, modification
time, the survivalkit version and the model's own source: any change means a fresh read.
Only files without problems are cached; ``validate`` never uses the cache.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from survivalkit import __version__

ENV_NO_CACHE = "SURVIVALKIT_NO_CACHE"


def cache_file() -> Path:
    """``$SURVIVALKIT_HOME/cache/kit.json``, else the platform's user cache folder."""
    home = os.environ.get("SURVIVALKIT_HOME")
    if home:
        return Path(home) / "cache" / "kit.json"
    import platformdirs

    return Path(platformdirs.user_cache_dir("survivalkit", appauthor=False)) / "kit.json"


def _model_stamp() -> str:
    from survivalkit.kit import model

    try:
        return str(Path(model.__file__).stat().st_mtime_ns)
    except OSError:  # pragma: no cover - a frozen install
        return "0"


class KitCache:
    """Validated kit files by path; read once, written back only when something changed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stamp = f"{__version__}:{_model_stamp()}"
        self.entries: dict[str, Any] = {}
        self.dirty = False
        try:
            data = json.loads(path.read_text("utf-8"))
            if isinstance(data, dict) and data.get("stamp") == self.stamp:
                self.entries = dict(data.get("files") or {})
        except (OSError, ValueError):
            pass  # no cache, or a broken one: it is simply rebuilt

    @classmethod
    def open(cls) -> KitCache | None:
        """The user's cache, or None when ``$SURVIVALKIT_NO_CACHE`` is set."""
        if os.environ.get(ENV_NO_CACHE):
            return None
        return cls(cache_file())

    @staticmethod
    def _key(file: Path) -> tuple[str, list[int]] | None:
        try:
            st = file.stat()
        except OSError:
            return None
        return str(file.resolve()), [st.st_size, st.st_mtime_ns]

    def get(self, file: Path) -> Any:
        """The cached model data of ``file`` if it has not changed since, else None."""
        key = self._key(file)
        if key is None:
            return None
        entry = self.entries.get(key[0])
        if isinstance(entry, dict) and entry.get("stat") == key[1]:
            return entry.get("data")
        return None

    def put(self, file: Path, data: Any) -> None:
        """Remember the validated model data of ``file``."""
        key = self._key(file)
        if key is not None:
            self.entries[key[0]] = {"stat": key[1], "data": data}
            self.dirty = True

    def save(self) -> None:
        """Write the cache back if it changed; a cache that cannot be written is not an error."""
        if not self.dirty:
            return
        from survivalkit.output.writer import write_atomic

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps({"stamp": self.stamp, "files": self.entries}, ensure_ascii=False)
            write_atomic(self.path, text.encode("utf-8"))
            self.dirty = False
        except OSError:
            pass


def fit_file() -> Path:
    """Where the fitted type sizes of printed sheets are remembered."""
    return cache_file().with_name("sheet-fit.json")


def load_fit(key: str) -> dict[str, float]:
    """Type sizes that made each sheet fit its page last time this exact booklet was printed."""
    if os.environ.get(ENV_NO_CACHE):
        return {}
    try:
        data = json.loads(fit_file().read_text("utf-8"))
        found = data.get(key) if isinstance(data, dict) else None
        if isinstance(found, dict):
            return {str(k): float(v) for k, v in found.items()}
    except (OSError, ValueError, TypeError):
        pass
    return {}


def save_fit(key: str, fit: dict[str, float]) -> None:
    """Remember fitted sizes (a few recent prints only); failures are not errors."""
    if os.environ.get(ENV_NO_CACHE):
        return
    from survivalkit.output.writer import write_atomic

    path = fit_file()
    try:
        data = json.loads(path.read_text("utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data.pop(key, None)
    data[key] = fit
    recent = dict(list(data.items())[-20:])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(recent).encode("utf-8"))
    except OSError:
        pass
