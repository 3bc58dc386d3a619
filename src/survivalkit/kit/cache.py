"""The user's caches: one policy for every one of them (kit files, lint problems).

- **Per-entry files.** Each cache is a folder of small files, one an entry, named by a hash of
  its key. Keys are made of what the value depends on: the resolved path of a file and a hash of
  its bytes (never a date or a size), the version of survivalkit's own code, and for lint the
  date. Nothing stale can be found, since a change changes the key.
- **Never trusted beyond a fresh load.** An entry holds its key and a checksum of its payload:
  one whose key, shape or checksum does not match is ignored (and rebuilt by the caller), which
  catches corruption and hand edits. Cached values go through the same model validation as a
  fresh read, and the callers apply the same file-name and id checks before they look anything
  up. Reading is bounded: a regular file only (a FIFO, a device or a symbolic link is skipped
  without opening it for reading or waiting), at most ``MAX_ENTRY_BYTES``, and a payload nested
  too deep for the JSON reader is a miss, not a crash.
- **Bounded in bytes, not in entries.** Before an entry is written, the folder's size is known
  (one look at the folder at a command's first write, then counted as entries are written): when
  the new entry would take it over its budget, the least recently written entries are removed
  first, down to three quarters of it, so the folder is never above its budget, even in the
  middle of a command. An entry larger than the whole budget is not written. No cap counts
  entries, so a large kit never thrashes.
- ``SURVIVALKIT_NO_CACHE=1`` turns every cache off; a cache that cannot be read or written is
  never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import time
from functools import cache
from pathlib import Path
from typing import Any

from survivalkit import settings
from survivalkit.files.places import cache_dir
from survivalkit.version import __version__

MAX_ENTRY_BYTES = 64 * 1024 * 1024
"""The largest entry read back (the index of a very large kit is a few MB)."""
KIT_BUDGET = 1024 * 1024 * 1024
"""Bytes kept for parsed kit files: a 5 000-tool kit takes about 200 MB."""
LINT_BUDGET = 256 * 1024 * 1024

_HEADER_END = b"\n"




def cache_disabled() -> bool:
    """Whether ``$SURVIVALKIT_NO_CACHE`` asks for no cache at all."""
    return settings.no_cache()


def digest(*parts: str | bytes) -> str:
    """A short hex hash of parts (separated, so that ``ab|c`` and ``a|bc`` differ)."""
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part)
        h.update(b"\x00")
    return h.hexdigest()


def read_bounded(path: Path, limit: int) -> bytes | None:
    """The bytes of a regular file of at most ``limit`` bytes, else None (never blocks).

    A symbolic link is not followed, a FIFO is opened without waiting for a writer and then
    refused like a device or a folder, and no more than ``limit + 1`` bytes are ever read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        if not hasattr(os, "O_NOFOLLOW") and path.is_symlink():  # pragma: no cover - Windows
            return None
        fd = os.open(path, flags)
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return None if size > limit else b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


@cache
def code_stamp() -> str:
    """What cached values depend on in survivalkit itself: its version and the reading code."""
    from survivalkit.kit import base, loader, model, schema_errors, yamlread

    parts = [__version__]
    for module in (base, model, loader, yamlread, schema_errors):
        try:
            parts.append(f"{Path(str(module.__file__)).name}:{os.stat(str(module.__file__)).st_mtime_ns}")
        except (OSError, TypeError):  # pragma: no cover - a frozen install
            parts.append("0")
    return digest(*parts)


class EntryStore:
    """A folder of cache entries, each a file named by the hash of its key.

    An entry file is one header line, ``{"key": …, "sum": …}``, then the JSON payload; ``sum``
    is the blake2b hash of the payload's bytes and of the key.
    """

    def __init__(self, folder: Path, budget: int) -> None:
        self.folder = folder
        self.budget = budget
        self._sizes: dict[str, tuple[int, int]] | None = None
        """Each entry file's (time written, size), known from a command's first write on."""
        self._total = 0
        self._clock = 0

    @classmethod
    def open(cls, name: str, budget: int) -> EntryStore | None:
        """The user's store ``name``, or None when caches are turned off."""
        if cache_disabled():
            return None
        return cls(cache_dir() / name, budget)

    def path_of(self, key: str) -> Path:
        """Where the entry of ``key`` lives."""
        name = digest(key)
        return self.folder / name[:2] / f"{name}.json"

    def get(self, key: str) -> Any:
        """The payload stored under ``key``, or None (absent, foreign, damaged or edited)."""
        data = read_bounded(self.path_of(key), MAX_ENTRY_BYTES)
        if data is None:
            return None
        head, sep, payload = data.partition(_HEADER_END)
        if not sep:
            return None
        try:
            header = json.loads(head)
            if not isinstance(header, dict) or header.get("key") != key:
                return None
            if header.get("sum") != digest(key, payload):
                return None
            return json.loads(payload)
        except (ValueError, RecursionError):
            return None

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` (plain JSON data) under ``key``, within the folder's budget (older
        entries are removed first when it would not fit); failures are not errors."""
        try:
            payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError, RecursionError):
            return
        head = json.dumps({"key": key, "sum": digest(key, payload)}).encode("utf-8")
        size = len(head) + len(_HEADER_END) + len(payload)
        if size > self.budget:
            return
        path = self.path_of(key)
        sizes = self._known_sizes()
        if self._total + size > self.budget:  # the entry it replaces counts until replaced
            self._shrink(self.budget * 3 // 4 - size)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            with open(tmp, "wb") as handle:
                handle.write(head + _HEADER_END + payload)
            os.replace(tmp, path)
        except OSError:
            return
        self._clock += 1
        _, replaced = sizes.pop(str(path), (0, 0))
        sizes[str(path)] = (time.time_ns() + self._clock, size)
        self._total += size - replaced

    def close(self) -> None:
        """After writing: nothing left to do, the budget is kept as entries are written."""

    def size(self) -> int:
        """The bytes the folder's entries take, as counted by this store (for tests)."""
        self._known_sizes()
        return self._total

    def _known_sizes(self) -> dict[str, tuple[int, int]]:
        """Each entry file with its time and size: read once, at a command's first write."""
        if self._sizes is None:
            self._sizes = {}
            self._total = 0
            try:
                subs = list(os.scandir(self.folder))
            except OSError:
                subs = []
            for sub in subs:
                try:
                    if not sub.is_dir(follow_symlinks=False):
                        continue
                    items = list(os.scandir(sub.path))
                except OSError:
                    continue
                for item in items:
                    try:
                        info = item.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    self._sizes[item.path] = (info.st_mtime_ns, info.st_size)
                    self._total += info.st_size
        return self._sizes

    def _shrink(self, target: int) -> None:
        """Remove the least recently written entries until the folder takes at most ``target``."""
        sizes = self._known_sizes()
        for path, (_, size) in sorted(sizes.items(), key=lambda item: item[1][0]):
            if self._total <= max(target, 0):
                break
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
            except OSError:
                continue
            del sizes[path]
            self._total -= size

    def prune(self) -> None:
        """Remove the least recently written entries while the folder is over its budget."""
        self._sizes = None
        if self.size() > self.budget:
            self._shrink(self.budget * 3 // 4)


MAX_FILE_BYTES = 1_000_000
"""A kit file's largest size (``survivalkit.kit.yamlread.MAX_BYTES``: a test keeps them equal)."""


def file_hash(file: Path) -> str | None:
    """The hash of a kit file's bytes (None when it cannot be read or is too big for a kit file)."""
    data = read_bounded(file, MAX_FILE_BYTES)
    return None if data is None else hashlib.blake2b(data, digest_size=20).hexdigest()


class KitCache:
    """Validated kit files, by resolved path and hash of their bytes.

    Two kinds of entries: the validated model of one file (``get``/``put``), and per tools
    folder an index of small cards (``get_index``/``put_index``) so that listing a large kit
    reads one entry instead of every tool.
    """

    def __init__(self, store: EntryStore) -> None:
        self.store = store
        self.stamp = code_stamp()

    @classmethod
    def open(cls) -> KitCache | None:
        """The user's cache, or None when ``$SURVIVALKIT_NO_CACHE`` is set."""
        store = EntryStore.open("kit", KIT_BUDGET)
        return None if store is None else cls(store)

    def key(self, file: Path, content: str) -> str:
        """The key of a file's entry: survivalkit's reading code, its resolved path, its bytes."""
        return f"kit|{self.stamp}|{file}|{content}"

    def get(self, file: Path, content: str | None = None) -> Any:
        """The cached model data of ``file`` with exactly these bytes, else None."""
        content = content or file_hash(file)
        if content is None:
            return None
        found = self.store.get(self.key(file, content))
        return found if isinstance(found, dict) else None

    def put(self, file: Path, data: Any, content: str | None = None) -> None:
        """Remember the validated model data of ``file``."""
        content = content or file_hash(file)
        if content is not None:
            self.store.put(self.key(file, content), data)

    def get_index(self, folder: Path, kind: str = "index") -> dict[str, Any]:
        """The cards of a tools folder: file name → ``[hash of the file, its signature, card
        data]`` (``kind`` ``data``: the data cards of ``show``)."""
        found = self.store.get(f"{kind}|{self.stamp}|{folder}")
        return found if isinstance(found, dict) else {}

    def put_index(self, folder: Path, cards: dict[str, Any], kind: str = "index") -> None:
        """Remember the cards (or with ``kind`` ``data``, the data cards) of a tools folder."""
        self.store.put(f"{kind}|{self.stamp}|{folder}", cards)

    def save(self) -> None:
        """Keep the cache within its budget (the entries are already written)."""
        self.store.close()
