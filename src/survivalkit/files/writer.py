"""Writing files safely: ASCII-safe names inside the output folder, all or nothing, never silently over.

A set of files is first written in full to a hidden staging folder next to its targets. A
journal then names the staging folder and a backup folder, the files being replaced are moved
to the backup, and the new ones moved into place. If anything fails, the old files come back;
if the process is killed, the next write in that folder reads the journal and finishes the swap
(every new file was in place) or undoes it. Hidden temporary files of dead runs are removed.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from survivalkit.errors import FilesExistError, Msg, OutputError, os_reason

TMP_PREFIX = ".tmp-"
NEW_PREFIX = ".survivalkit-new-"
OLD_PREFIX = ".survivalkit-old-"
JOURNAL = ".survivalkit-journal.json"
STALE_SECONDS = 3600  # a leftover whose process cannot be checked is removed after an hour


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, refusing anything that would land outside ``folder``."""
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\x00" in name:
        raise OutputError(Msg("writer.plain_name", name=repr(name)))
    target = (folder / name).resolve()
    if target.parent != folder.resolve():
        raise OutputError(Msg("writer.outside", name=repr(name), folder=folder))
    return target


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file then rename: a failure leaves no half-written file.

    Leftovers of killed runs are not swept here (an autosave writes often): ``sweep`` is called
    once by whoever owns the folder."""
    tmp = _stage(path.parent, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _stage(folder: Path, data: bytes) -> Path:
    """``data`` written and flushed to disk in a hidden temporary file of ``folder``."""
    fd, tmp = _create(folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)


def _create(folder: Path) -> tuple[int, Path]:
    """A new hidden temporary file in ``folder``, open for writing. It is created with the
    permissions any new file of the user gets (their umask applies), so nothing is changed
    afterwards and the process's umask is never touched."""
    while True:
        path = folder / f"{TMP_PREFIX}{os.getpid()}-{secrets.token_hex(6)}"
        try:
            return os.open(path, _NEW_FILE, 0o666), path
        except FileExistsError:
            continue


# --- leftovers of killed runs ----------------------------------------------------------------------
def _alive(pid: int) -> bool | None:
    """Whether process ``pid`` runs (None: cannot tell here)."""
    if os.name != "posix":
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, owned by someone else
        return True
    return True


def _dead_leftover(entry: Path) -> bool:
    """A temporary of ours whose process is gone (or, when that cannot be told, an old one)."""
    for prefix in (TMP_PREFIX, NEW_PREFIX, OLD_PREFIX):
        if entry.name.startswith(prefix):
            pid_text = entry.name[len(prefix):].split("-", 1)[0]
            alive = _alive(int(pid_text)) if pid_text.isdigit() else None
            if alive is not None:
                return pid_text != str(os.getpid()) and not alive
            try:
                return time.time() - entry.lstat().st_mtime > STALE_SECONDS
            except OSError:
                return False
    return False


def sweep(folder: Path) -> None:
    """Remove the hidden temporaries that killed runs left in ``folder`` (never an error)."""
    with contextlib.suppress(OSError):
        recover(folder)
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if _dead_leftover(entry):
            with contextlib.suppress(OSError):
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()


# --- the journal of a swap -------------------------------------------------------------------------
def recover(folder: Path) -> None:
    """Finish or undo a swap that a killed run left half done in ``folder``."""
    journal = folder / JOURNAL
    if not journal.is_file():
        return
    try:
        plan = json.loads(journal.read_text("utf-8"))
        new, old = str(plan["new"]), str(plan["old"])
        names = [str(n) for n in plan["names"]]
    except (OSError, ValueError, KeyError, TypeError):
        plan = None
    # Only our own plain names inside the folder: a planted journal cannot move or delete others.
    if (plan is None or not new.startswith(NEW_PREFIX) or not old.startswith(OLD_PREFIX)
            or not all(_plain(n) for n in (new, old, *names))):
        journal.unlink(missing_ok=True)  # nothing can be undone: keep what is there
        return
    staging, backup = folder / new, folder / old
    if any((staging / name).exists() for name in names):
        _undo(folder, staging, backup, names)
    _finish(folder, staging, backup)


def _plain(name: str) -> bool:
    return bool(name) and Path(name).name == name and name not in (".", "..") and "\\" not in name


def _undo(folder: Path, staging: Path, backup: Path, names: list[str]) -> None:
    """Put the previous files back: the new ones already moved in are removed first."""
    for name in names:
        if not (staging / name).exists():
            (folder / name).unlink(missing_ok=True)
    for name in names:
        if (backup / name).exists() or (backup / name).is_symlink():
            os.replace(backup / name, folder / name)


def _finish(folder: Path, staging: Path, backup: Path) -> None:
    (folder / JOURNAL).unlink(missing_ok=True)
    for leftover in (staging, backup):
        shutil.rmtree(leftover, ignore_errors=True)


def write_files(
    folder: Path,
    files: dict[str, bytes],
    *,
    force: bool = False,
    confirm_overwrite: Callable[[list[Path]], bool] | None = None,
) -> list[Path]:
    """Write every file or none: names checked first, conflicts settled, then a journaled swap.

    An existing file is replaced only with ``force`` or when ``confirm_overwrite`` agrees. A full
    disk, a refused write or Ctrl-C leaves the folder as it was: the previous files, no partial
    file, no temporary file, no folder created for nothing (see the module's docstring).
    """
    targets = {name: inside(folder, name) for name in files}
    folded = [name.casefold() for name in files]
    if len(set(folded)) != len(folded):
        raise OutputError(Msg("writer.same_name", folder=folder, names=", ".join(files)))
    if folder.is_dir():
        sweep(folder)
    existing = [p for p in targets.values() if p.exists() or p.is_symlink()]
    refused = bool(existing) and not force
    if refused and (confirm_overwrite is None or not confirm_overwrite(existing)):
        names = ", ".join(p.name for p in existing)
        raise FilesExistError(Msg("writer.exist", folder=folder, names=names))
    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(Msg("writer.mkdir", folder=folder, reason=os_reason(exc))) from None
    run = f"{os.getpid()}-{secrets.token_hex(4)}"
    staging, backup = folder / f"{NEW_PREFIX}{run}", folder / f"{OLD_PREFIX}{run}"
    swapping = False
    try:
        staging.mkdir()
        for name, data in files.items():
            os.replace(_stage(staging, data), staging / name)
        _write_journal(folder, staging, backup, list(files))
        swapping = True
        backup.mkdir()
        for path in existing:
            os.replace(path, backup / path.name)
        for name in files:
            os.replace(staging / name, targets[name])
    except BaseException as exc:
        if swapping:
            _undo(folder, staging, backup, list(files))
        _finish(folder, staging, backup)
        if created:
            _remove_if_empty(folder)
        if isinstance(exc, OSError):
            key = "writer.cannot_write_kept" if existing else "writer.cannot_write"
            raise OutputError(Msg(key, folder=folder, reason=os_reason(exc))) from None
        raise
    _finish(folder, staging, backup)
    return list(targets.values())


def _write_journal(folder: Path, staging: Path, backup: Path, names: list[str]) -> None:
    plan = {"new": staging.name, "old": backup.name, "names": names}
    tmp = _stage(folder, json.dumps(plan).encode("utf-8"))
    os.replace(tmp, folder / JOURNAL)


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass
