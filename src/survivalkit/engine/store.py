"""Where the agent's data lives: the saved profile and autosaved sessions (platformdirs).

Every run that asks questions has its own session file, ``sessions/<key>/<id>.json``, held by a
lock file while the run lives, so that two runs of one tool never overwrite each other. A run
that finishes deletes its session; a run that starts again leaves the older one as a backup,
which ``survivalkit sessions`` lists and can bring back.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import stat
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from survivalkit.errors import Msg, SessionError, os_reason
from survivalkit.files.places import data_dir
from survivalkit.files.writer import sweep, write_atomic
from survivalkit.kit.yamlread import parse_yaml
from survivalkit.output.format_names import FORMATS
from survivalkit.text.names import without_controls

MAX_SESSION_BYTES = 2_000_000
MAX_PROJECTS = 200
"""The list of projects in progress keeps the most recent ones only."""
"""A session larger than this is neither written nor read (answers are limited well below it)."""
STALE_LOCK_SECONDS = 12 * 3600
"""A lock not refreshed for this long belongs to a run that died without cleaning up."""


@dataclass(frozen=True)
class SessionInfo:
    """One autosaved session, as listed to the user."""

    key: str
    id: str
    path: Path
    saved_at: str
    answers: int
    in_use: bool
    settings: dict[str, Any]
    """What the run recorded to travel with the work (language, plain mode, kit folders)."""
    empty: bool = False
    """Read, and holding no answer of the work (Ctrl-C at the first question): nothing to offer."""

    @property
    def label(self) -> str:
        """``tool-memo-achat-public`` → ``memo-achat-public``; ``journey`` stays."""
        return self.key.removeprefix("tool-")

    @property
    def shown_at(self) -> str:
        """``2026-11-30T14:02:11.5`` → ``30/11/2026 14:02`` (day first, in both languages)."""
        date, _, time_of_day = self.saved_at.partition("T")
        parts = date.split("-")
        if len(parts) != 3:
            return self.saved_at
        return f"{parts[2]}/{parts[1]}/{parts[0]} {time_of_day[:5]}".strip()


@dataclass(frozen=True)
class ProjectInfo:
    """A project in progress: its folder, its name, the tools done in it, its last documents' date."""

    path: Path
    name: str
    tools: tuple[str, ...]
    last: str
    """The date of its most recent documents (``2026-12-09``)."""
    saved_at: str
    """When this computer last wrote into its folder."""

    def as_dict(self) -> dict[str, Any]:
        """Plain data for ``projects.json``."""
        return {"path": str(self.path), "name": self.name, "tools": list(self.tools), "last": self.last,
                "saved_at": self.saved_at}


class Store:
    """The profile and the sessions under one folder (the user's data folder by default)."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root if root is not None else data_dir()
        self.profile_problems: list[Msg] = []
        """What the last ``load_profile`` left out: one message per field of the wrong form."""

    def folder_problem(self) -> Msg | None:
        """Why the data folder (or its ``sessions`` folder) cannot hold the agent's data, when
        something occupies its place: a pipe, a device, a file, a link that loops or leads nowhere.
        ``None`` when it is a folder, or does not exist yet (it is created when first needed)."""
        for folder in (self.root, self.root / "sessions"):
            try:
                mode = os.stat(folder).st_mode
            except FileNotFoundError:
                if folder.is_symlink():
                    return Msg("store.bad_folder", path=str(folder), reason=Msg("fs.dangling"))
                return None
            except OSError as exc:
                return Msg("store.bad_folder", path=str(folder), reason=os_reason(exc))
            if not stat.S_ISDIR(mode):
                return Msg("store.bad_folder", path=str(folder), reason=Msg("fs.not_a_folder"))
        return None

    def check_folder(self) -> None:
        """Raise ``SessionError`` naming the data folder when it cannot hold the agent's data."""
        problem = self.folder_problem()
        if problem is not None:
            raise SessionError(problem)

    # --- profile -----------------------------------------------------------------------
    @property
    def profile_path(self) -> Path:
        """The saved profile file."""
        return self.root / "profile.yaml"

    def load_profile(self) -> dict[str, Any]:
        """The saved profile answers (empty when none is saved); a damaged file is set aside."""
        path = self.profile_path
        self.profile_problems = []
        problem = self.folder_problem()
        if problem is not None:  # said, and the run goes on without the profile
            self.profile_problems.append(problem)
            return {}
        if not path.is_file():
            if path.is_symlink() or path.exists():  # a pipe, a device, a folder, a link to nothing
                self.profile_problems.append(Msg("profile.not_regular", path=str(path)))
            return {}
        try:
            raw = path.read_bytes()
        except OSError:
            raw = b"\x00"  # unreadable: handled as a damaged file below
        if not raw.strip():
            return {}
        # The same guarded reader as kit files: size, depth and alias limits, data-only tags.
        located, _ = parse_yaml(raw, str(path))
        if located is None or not isinstance(located.data, dict):
            aside = keep_aside(path)
            raise SessionError(Msg("store.profile_aside", aside=aside))
        return self._checked_profile(located.data)

    def _checked_profile(self, data: dict[str, Any]) -> dict[str, Any]:
        """The fields that have a profile's form (a text, a number, yes/no, a date; the formats
        chosen last time as a list of names); each other one is left out and named in
        ``profile_problems``."""
        self.profile_problems = []
        kept: dict[str, Any] = {}
        for key, value in data.items():
            plain = value is None or isinstance(value, str | int | float | bool | dt.date)
            names = key == "formats" and isinstance(value, list) and all(isinstance(v, str) for v in value)
            if plain or names:
                kept[key] = value
            else:
                kind = "kind.list" if isinstance(value, list) else "kind.mapping" if isinstance(
                    value, dict) else "kind.other"
                self.profile_problems.append(Msg("profile.bad_field", path=str(self.profile_path),
                                                 field=str(key)[:60], kind=Msg(kind)))
        return kept

    def save_profile(self, values: dict[str, Any]) -> Path:
        """Save the profile answers."""
        path = self.profile_path
        _ensure(path.parent)
        text = yaml.safe_dump(values, allow_unicode=True, sort_keys=False)
        _write(path, text.encode("utf-8"))
        return path

    def clear_profile(self) -> bool:
        """Delete the saved profile; says whether there was one."""
        path = self.profile_path
        if path.is_file():
            path.unlink()
            return True
        return False

    # --- projects in progress ------------------------------------------------------------
    @property
    def projects_path(self) -> Path:
        """The list of the projects in progress (``projects.json``)."""
        return self.root / "projects.json"

    def projects(self) -> list[ProjectInfo]:
        """The projects in progress, most recently written first. A folder that no longer holds its
        record (moved, deleted) is dropped from the list, and the list saved without it."""
        entries = self._read_projects()
        alive = [p for p in entries if _holds_record(p.path)]
        if len(alive) != len(entries):
            try:
                self._write_projects(alive)
            except SessionError:
                pass  # pruned again next time
        return sorted(alive, key=lambda p: p.saved_at, reverse=True)

    def remember_project(self, path: Path, *, name: str, tools: list[str], last: str) -> None:
        """Note that ``path`` holds a project in progress (written crash-safely, replacing the
        folder's earlier entry)."""
        path = path.resolve()
        entry = ProjectInfo(path, name, tuple(tools), last,
                            dt.datetime.now().isoformat(timespec="microseconds"))
        others = [p for p in self._read_projects() if p.path != path]
        self._write_projects([entry, *others][:MAX_PROJECTS])

    def forget_project(self, path: Path) -> bool:
        """Drop ``path`` from the list; says whether it was there."""
        path = path.resolve()
        entries = self._read_projects()
        kept = [p for p in entries if p.path != path]
        if len(kept) == len(entries):
            return False
        self._write_projects(kept)
        return True

    def _read_projects(self) -> list[ProjectInfo]:
        """The list as saved; a damaged file is set aside (the projects' folders are untouched)."""
        path = self.projects_path
        try:
            status = path.stat()
        except OSError:
            return []
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_SESSION_BYTES:
            return []
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("projects"), list):
                raise ValueError("not a list of projects")
        except (OSError, ValueError, UnicodeDecodeError, RecursionError):
            keep_aside(path)
            return []
        found = []
        for item in data["projects"]:
            if not isinstance(item, dict) or not isinstance(item.get("path"), str) or not item["path"]:
                continue
            tools = item.get("tools")
            found.append(ProjectInfo(
                Path(item["path"]), without_controls(item.get("name"), 200),
                tuple(filter(None, (without_controls(x, 100) for x in tools))) if isinstance(tools, list) else (),
                without_controls(item.get("last"), 40), without_controls(item.get("saved_at"), 40),
            ))
        return found

    def _write_projects(self, entries: list[ProjectInfo]) -> None:
        _ensure(self.root)
        blob = json.dumps({"projects": [e.as_dict() for e in entries]}, ensure_ascii=False, indent=1)
        _write(self.projects_path, blob.encode("utf-8"))

    # --- sessions ----------------------------------------------------------------------
    def session_dir(self, key: str) -> Path:
        """The folder of a tool's (``tool-<id>``) or the journey's (``journey``) sessions."""
        return self.root / "sessions" / key

    def sessions(self, key: str | None = None) -> list[SessionInfo]:
        """Saved sessions, newest first (all keys when ``key`` is None); none when the data folder
        cannot hold any (``folder_problem`` says why)."""
        base = self.root / "sessions"
        if not base.is_dir():
            return []
        self._adopt_legacy(base)
        folders = [base / key] if key else sorted(p for p in base.iterdir() if p.is_dir())
        found: list[SessionInfo] = []
        for folder in folders:
            if not folder.is_dir():
                continue
            for path in folder.glob("*.json"):
                info = _info(folder.name, path)
                if info.empty and not info.in_use:
                    _forget(info.path)  # nothing typed: neither offered nor listed, and not kept
                    continue
                found.append(info)
        found.sort(key=lambda s: (s.saved_at, s.id), reverse=True)
        return found

    def latest(self, key: str) -> SessionInfo | None:
        """The newest session of ``key`` that no other running process holds."""
        return next((s for s in self.sessions(key) if not s.in_use), None)

    def find(self, session_id: str) -> SessionInfo | None:
        """A session by its id (or a unique start of it)."""
        matches = [s for s in self.sessions() if s.id == session_id or s.id.startswith(session_id)]
        return matches[0] if len(matches) == 1 else None

    def open(self, key: str, session_id: str | None = None) -> Session:
        """A session to save into: an existing one (``session_id``) or a new one; locked."""
        folder = self.session_dir(key)
        _ensure(folder)
        sweep(folder)  # what killed runs left; once per run, not at every autosave
        if session_id is None:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            session_id = f"{stamp}-{secrets.token_hex(2)}"
        session = Session(key, folder / f"{session_id}.json")
        session.lock()
        return session

    def restore(self, session_id: str) -> SessionInfo:
        """Make a backup the newest session of its tool, so that the next run offers it."""
        info = self.find(session_id)
        if info is None:
            raise SessionError(Msg("store.no_session", id=session_id))
        now = time.time()
        try:
            os.utime(info.path, (now, now))
            data = json.loads(info.path.read_text(encoding="utf-8"))
            data["saved_at"] = dt.datetime.now().isoformat(timespec="microseconds")
            _write(info.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        except OSError as exc:
            raise SessionError(Msg("store.cannot_restore", path=info.path, reason=os_reason(exc))) from None
        except ValueError:
            raise SessionError(Msg("store.cannot_restore", path=info.path, reason=Msg("store.unreadable"))) from None
        return _info(info.key, info.path)

    def _adopt_legacy(self, base: Path) -> None:
        """Sessions of the first edition (``sessions/<key>.json``) move into their folder."""
        for old in base.glob("*.json"):
            folder = base / old.stem
            try:
                folder.mkdir(exist_ok=True)
                old.replace(folder / f"00000000-000000-{old.stem[:8]}.json")
            except OSError:
                continue


class Session:
    """One run's autosave file, locked while the run lives."""

    def __init__(self, key: str, path: Path) -> None:
        self.key = key
        self.path = path
        self.lock_path = path.with_suffix(".lock")

    @property
    def id(self) -> str:
        """The session's id (its file name without extension)."""
        return self.path.stem

    def lock(self) -> None:
        """Hold the session; refuse one that another living run holds."""
        if _lock_alive(self.lock_path):
            raise SessionError(Msg("store.in_use", id=self.id))
        try:  # through a rename: a FIFO or a link planted as the lock is replaced, never opened
            write_atomic(self.lock_path, json.dumps(_lock_record()).encode("ascii"))
        except OSError:
            pass  # a read-only folder: saving will say so

    def release(self) -> None:
        """Let other runs take the session."""
        try:
            self.lock_path.unlink(missing_ok=True)
        except OSError:
            pass

    def load(self) -> dict[str, Any] | None:
        """The saved state, or None when nothing was saved; a damaged file is set aside."""
        if not self.path.is_file():
            return None
        try:
            if self.path.stat().st_size > MAX_SESSION_BYTES:
                raise ValueError("too large")
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a session")
            if "state" not in data:  # the first edition's layout
                data["state"] = {k: data[k] for k in ("interview", "situation", "picked", "tools") if k in data}
            check_state(data["state"])
        except (OSError, ValueError, UnicodeDecodeError, RecursionError):
            aside = keep_aside(self.path)
            raise SessionError(Msg("store.session_aside", aside=aside)) from None
        return data

    def save(self, payload: dict[str, Any]) -> None:
        """Write the state atomically; raises ``SessionError`` when it could not be saved."""
        data = {"saved_at": dt.datetime.now().isoformat(timespec="microseconds"), **payload}
        blob = json.dumps(data, ensure_ascii=False, indent=1, default=str).encode("utf-8")
        if len(blob) > MAX_SESSION_BYTES:
            raise SessionError(Msg("store.too_large", kb=len(blob) // 1000))
        _ensure(self.path.parent)
        _write(self.path, blob)
        try:
            os.utime(self.lock_path)
        except OSError:
            pass

    def finish(self) -> None:
        """The work is done: forget the session."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            raise SessionError(Msg("store.cannot_remove", reason=os_reason(exc))) from None
        finally:
            self.release()
        try:
            self.path.parent.rmdir()
        except OSError:
            pass  # other sessions remain


def check_state(state: Any) -> None:
    """Raise ``ValueError`` unless ``state`` has the shape a tool run or a journey saves."""
    if not isinstance(state, dict):
        raise ValueError("`state` is not a mapping")
    for name in ("interview", "situation"):
        if name in state:
            _check_snapshot(state[name], name)
    tools = state.get("tools")
    if tools is not None:
        if not isinstance(tools, dict):
            raise ValueError("`tools` is not a mapping")
        for tool_id, snapshot in tools.items():
            _check_snapshot(snapshot, f"tools.{tool_id}")
    for name in ("picked", "done", "formats"):
        value = state.get(name)
        if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
            raise ValueError(f"`{name}` is not a list of names")
    unknown = [f for f in state.get("formats") or [] if f not in FORMATS]
    if unknown:  # only the five formats exist, whatever a session file says
        raise ValueError(f"`formats` names an unknown format: {unknown[0][:40]!r}")


def _check_snapshot(snapshot: Any, where: str) -> None:
    if not isinstance(snapshot, dict):
        raise ValueError(f"`{where}` is not a mapping")
    if not isinstance(snapshot.get("answers") or {}, dict):
        raise ValueError(f"`{where}.answers` is not a mapping")
    confirmed = snapshot.get("confirmed") or []
    if not isinstance(confirmed, list) or not all(isinstance(c, str) for c in confirmed):
        raise ValueError(f"`{where}.confirmed` is not a list of question ids")


def _info(key: str, path: Path) -> SessionInfo:
    saved_at = ""
    count = 0
    readable = False
    settings: dict[str, Any] = {}
    try:
        status = path.stat()
        if stat.S_ISREG(status.st_mode) and status.st_size <= MAX_SESSION_BYTES:  # never a FIFO
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                saved_at = str(data.get("saved_at") or "")
                state = data.get("state") if "state" in data else {
                    k: data[k] for k in ("interview", "situation", "picked", "tools") if k in data}
                count = count_answers(state)
                try:
                    check_state(state)
                    readable = bool(state) or "state" in data  # a damaged file is never "empty"
                except ValueError:
                    readable = False
                if isinstance(data.get("settings"), dict):
                    settings = data["settings"]
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        pass
    if not saved_at:
        try:
            saved_at = dt.datetime.fromtimestamp(path.stat().st_mtime).isoformat(timespec="seconds")
        except OSError:
            saved_at = ""
    return SessionInfo(key, path.stem, path, saved_at, count, _lock_alive(path.with_suffix(".lock")), settings,
                       empty=readable and count == 0)


def count_answers(state: Any) -> int:
    """How many answers of the work a saved state holds (tool or journey): each question once,
    however many tools share it, and not the answers taken from the saved profile."""
    if not isinstance(state, dict):
        return 0
    parts = [state.get("interview"), state.get("situation")]
    tools = state.get("tools")
    if isinstance(tools, dict):
        parts += list(tools.values())
    typed: set[str] = set()
    for part in parts:  # per part: a question typed in one tool and given to the next counts once
        if not isinstance(part, dict):
            continue
        ids = {name: {i for i in part.get(name) or [] if isinstance(i, str)} if isinstance(part.get(name), list)
               else set() for name in ("confirmed", "prefilled")}
        typed |= ids["confirmed"] - ids["prefilled"]
    return len(typed)


def _forget(path: Path) -> None:
    """Delete a session file that holds nothing, and its folder when it is the last."""
    try:
        path.unlink(missing_ok=True)
        path.with_suffix(".lock").unlink(missing_ok=True)
        path.parent.rmdir()
    except OSError:
        pass


LOCK_PROGRAM = "survivalkit"
MAX_LOCK_BYTES = 4096


def _proc_text(path: str) -> str | None:
    """A small file of ``/proc`` (Linux), or None where there is none."""
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_LOCK_BYTES).decode("utf-8", "replace")
    except OSError:
        return None


def _process_start(pid: int) -> str | None:
    """When process ``pid`` started (clock ticks since boot, Linux), or None when unknown."""
    text = _proc_text(f"/proc/{pid}/stat")
    if text is None:
        return None
    fields = text.rpartition(")")[2].split()  # the command name may hold spaces and brackets
    return fields[19] if len(fields) > 19 else None


def _boot_id() -> str | None:
    text = _proc_text("/proc/sys/kernel/random/boot_id")
    return text.strip() if text else None


def _lock_record() -> dict[str, Any]:
    """What proves a lock belongs to this very run: program, PID, process start and boot."""
    pid = os.getpid()
    return {"program": LOCK_PROGRAM, "pid": pid, "started": _process_start(pid), "boot": _boot_id(),
            "token": secrets.token_hex(8)}


def _read_lock(lock: Path) -> tuple[dict[str, Any], float] | None:
    """The lock's record and age, when it is a small regular file holding one (never blocks)."""
    try:
        status = lock.lstat()
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_LOCK_BYTES:
            return None  # a FIFO, a device, a link or a huge file is no lock of ours
        fd = os.open(lock, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            record = json.loads(handle.read(MAX_LOCK_BYTES).decode("ascii"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(record, dict) or record.get("program") != LOCK_PROGRAM:
        return None
    return record, time.time() - status.st_mtime


def _lock_alive(lock: Path) -> bool:
    """Whether a living run of survivalkit holds ``lock``: not just any living PID.

    The lock records the PID with the process's start time and the boot it ran in (Linux); a
    PID reused by another program, a lock from before a reboot, or a lock file that is not ours
    does not hold the session.
    """
    found = _read_lock(lock)
    if found is None:
        return False
    record, age = found
    pid = record.get("pid")
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0 or pid == os.getpid():
        return False
    if age > STALE_LOCK_SECONDS:
        return False
    boot = _boot_id()
    if boot is not None:  # Linux: the boot and the start time say which process it is
        if record.get("boot") != boot:
            return False
        started = _process_start(pid)
        return started is not None and record.get("started") == started
    if sys.platform == "win32":  # os.kill would stop the process there; trust the age
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _holds_record(folder: Path) -> bool:
    """Whether ``folder`` still holds a project's record. A hand-edited list may name anything (a
    name too long, a loop, a relative path): such an entry is simply not a project in progress."""
    if not folder.is_absolute():
        return False
    try:
        return stat.S_ISREG(os.stat(folder / "answers.yaml").st_mode)
    except (OSError, ValueError):
        return False


def keep_aside(path: Path) -> Path:
    """Rename a damaged file so that it is kept but no longer read; never overwrites."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        aside = path.with_name(f"{path.name}.corrupt-{stamp}" + (f"-{n}" if n else ""))
        if not aside.exists():
            try:
                path.replace(aside)
            except OSError:
                return path
            return aside
    return path


def _ensure(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SessionError(Msg("store.cannot_create", folder=folder, reason=os_reason(exc))) from None


def _write(path: Path, data: bytes) -> None:
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise SessionError(Msg("store.cannot_save", path=path, reason=os_reason(exc))) from None


# Module-level shortcuts on the default store (the user's data folder).
def profile_path() -> Path:
    """The saved profile file of the default store."""
    return Store().profile_path


def load_profile() -> dict[str, Any]:
    """The saved profile of the default store."""
    return Store().load_profile()


def save_profile(values: dict[str, Any]) -> Path:
    """Save the profile in the default store."""
    return Store().save_profile(values)


def clear_profile() -> bool:
    """Delete the profile of the default store."""
    return Store().clear_profile()
