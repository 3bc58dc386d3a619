"""Writing files safely: ASCII-safe names inside the output folder, atomic, never silently over."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from survivalkit.errors import OutputError
from survivalkit.expressions import slugify

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
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


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
    If a write fails midway, the files this call already wrote are removed.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {folder}: {exc.strerror or exc}") from None
    targets = {name: inside(folder, name) for name in files}
    existing = [p for p in targets.values() if p.exists()]
    if existing and not force:
        if confirm_overwrite is None or not confirm_overwrite(existing):
            names = ", ".join(p.name for p in existing)
            raise OutputError(
                f"these files already exist in {folder}: {names}. "
                "Choose another folder with --out, or replace them with --force."
            )
    written: list[Path] = []
    try:
        for name, data in files.items():
            write_atomic(targets[name], data)
            written.append(targets[name])
    except OSError as exc:
        for path in written:
            if path not in existing:
                path.unlink(missing_ok=True)
        raise OutputError(
            f"cannot write in {folder}: {exc.strerror or exc}; nothing was left half-written"
        ) from None
    return written
