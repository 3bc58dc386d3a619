"""Writing files safely: ASCII-safe names inside the output folder, atomic, never silently over."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from survivalkit.errors import OutputError
from survivalkit.kit.texts import slugify

RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$", re.IGNORECASE)
MAX_NAME = 100


def safe_filename(stem: str, extension: str) -> str:
    """An ASCII-safe file name from a template's result; never a path, never a reserved name."""
    base = slugify(stem, max_length=MAX_NAME)
    if RESERVED.match(base):
        base = f"doc-{base}"
    return f"{base}.{extension}" if extension else base


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, refusing anything that would land outside ``folder``."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\x00" in name:
        raise OutputError(f"refused file name {name!r}: it must be a plain name")
    target = (folder / name).resolve()
    if target.parent != folder.resolve():
        raise OutputError(f"refused file name {name!r}: it points outside {folder}")
    return target


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file then rename: a failure leaves no half-written file."""
    tmp = _stage(path.parent, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _stage(folder: Path, data: bytes) -> Path:
    """``data`` written and flushed to disk in a hidden temporary file of ``folder``."""
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_files(
    folder: Path,
    files: dict[str, bytes],
    *,
    force: bool = False,
    confirm_overwrite: Callable[[list[Path]], bool] | None = None,
) -> list[Path]:
    """Write every file or none: names checked first, conflicts settled, then atomic writes.

    An existing file is replaced only with ``force`` or when ``confirm_overwrite`` agrees.
    Every file is first written in full to a temporary file next to its target; only when all
    of them are on disk are they renamed into place. A full disk, a refused write or Ctrl-C
    therefore leaves the folder as it was: no partial file, no temporary file, no folder created
    for nothing.
    """
    targets = {name: inside(folder, name) for name in files}
    existing = [p for p in targets.values() if p.exists()]
    refused = bool(existing) and not force
    if refused and (confirm_overwrite is None or not confirm_overwrite(existing)):
        names = ", ".join(p.name for p in existing)
        raise OutputError(
            f"these files already exist in {folder}: {names}. "
            "Choose another folder with --out, or replace them with --force."
        )
    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {folder}: {exc.strerror or exc}") from None
    staged: list[tuple[Path, Path]] = []
    written: list[Path] = []
    try:
        for name, data in files.items():
            staged.append((_stage(folder, data), targets[name]))
        for tmp, target in staged:
            os.replace(tmp, target)
            written.append(target)
    except BaseException as exc:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        for path in written:
            if path not in existing:
                path.unlink(missing_ok=True)
        if created:
            _remove_if_empty(folder)
        if isinstance(exc, OSError):
            raise OutputError(
                f"cannot write in {folder}: {exc.strerror or exc}; no file was left half-written"
            ) from None
        raise
    return written


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass
