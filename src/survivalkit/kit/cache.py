"""A cache of parsed kit files, so that commands that only read the kit start fast.

Each file is cached as the JSON of its validated model, keyed by a hash of its bytes (blake2b),
under a stamp made of the survivalkit version and the model's own source: an edit, even one that
keeps the size and modification time, means a fresh read. Entries unused for ``MAX_AGE_DAYS``
days are dropped, and the cache keeps at most ``MAX_ENTRIES`` entries (the most recently used).
Only files without problems are cached; ``validate`` never uses the cache.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from survivalkit.kit.yamlread import MAX_BYTES
from survivalkit.version import __version__

ENV_NO_CACHE = "SURVIVALKIT_NO_CACHE"
MAX_AGE_DAYS = 30
MAX_ENTRIES = 500


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


def content_key(file: Path) -> str | None:
    """The hash of ``file``'s bytes (None when it cannot be read or is too big to be a kit file)."""
    try:
        with file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_BYTES:  # refused by the reader anyway
        return None
    return hashlib.blake2b(data, digest_size=20).hexdigest()


class KitCache:
    """Validated kit files by the hash of their bytes; read once, written back only when changed."""

    def __init__(self, path: Path, today: dt.date | None = None) -> None:
        self.path = path
        self.stamp = f"{__version__}:{_model_stamp()}"
        self.today = (today or dt.date.today()).isoformat()
        self.entries: dict[str, Any] = {}
        self.dirty = False
        try:
            data = json.loads(path.read_text("utf-8"))
            if isinstance(data, dict) and data.get("stamp") == self.stamp:
                files = data.get("files")
                self.entries = {k: v for k, v in (files if isinstance(files, dict) else {}).items()
                                if isinstance(v, dict) and "data" in v}
        except (OSError, ValueError):
            pass  # no cache, or a broken one: it is simply rebuilt

    @classmethod
    def open(cls) -> KitCache | None:
        """The user's cache, or None when ``$SURVIVALKIT_NO_CACHE`` is set."""
        if os.environ.get(ENV_NO_CACHE):
            return None
        return cls(cache_file())

    def get(self, file: Path) -> Any:
        """The cached model data of a file with exactly these bytes, else None."""
        key = content_key(file)
        entry = self.entries.get(key) if key is not None else None
        if entry is None:
            return None
        if entry.get("used") != self.today:
            entry["used"] = self.today
            self.dirty = True  # at most one write a day for the dates of use
        return entry.get("data")

    def put(self, file: Path, data: Any) -> None:
        """Remember the validated model data of ``file``."""
        key = content_key(file)
        if key is not None:
            self.entries[key] = {"used": self.today, "data": data}
            self.dirty = True

    def prune(self) -> None:
        """Drop entries unused for ``MAX_AGE_DAYS`` days, then the oldest beyond ``MAX_ENTRIES``."""
        oldest = (dt.date.fromisoformat(self.today) - dt.timedelta(days=MAX_AGE_DAYS)).isoformat()
        kept = {k: v for k, v in self.entries.items() if str(v.get("used", "")) >= oldest}
        if len(kept) > MAX_ENTRIES:
            recent = sorted(kept.items(), key=lambda item: str(item[1].get("used", "")))
            kept = dict(recent[-MAX_ENTRIES:])
        if len(kept) != len(self.entries):
            self.entries = kept
            self.dirty = True

    def save(self) -> None:
        """Write the cache back if it changed; a cache that cannot be written is not an error."""
        self.prune()
        if not self.dirty:
            return
        from survivalkit.files.writer import write_atomic

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
    from survivalkit.files.writer import write_atomic

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
