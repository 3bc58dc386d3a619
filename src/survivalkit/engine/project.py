"""A project is the unit of work: one folder and one record, ``answers.yaml``, across tools and weeks.

Another tool written into a folder that already holds a project (in the journey, with ``run``, or
with ``--out`` naming the folder) adds its documents and its answers: the record keeps every
tool's answers and each tool's date, the index lists every tool's documents, and nothing of
another tool is replaced. Running a tool again keeps its previous documents, renamed with their
date (``memo.version-2026-11-30.md``) and listed in the index.

The record stays readable by what reads answers files: it has the layout of a journey's answers
file (``survivalkit --answers answers.yaml`` replays the whole project; ``survivalkit run TOOL
--answers answers.yaml`` replays one of its tools), plus ``dates`` and ``documents``. A record
written by an earlier version (one tool's answers file, or a journey's) is read as a one-tool or a
journey project; one that cannot be read is kept beside, never lost.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from survivalkit.engine.interview import Interview
from survivalkit.i18n import t
from survivalkit.kit.model import Kit, Tool, tr
from survivalkit.output.bundle import ANSWERS_FILE, project_index

INDEX_FILES = ("index.md", "index.html")
_LINE = re.compile(r"^- \*\*(?P<title>.+?)\*\*(?:\s\((?P<tool>.+?)\))?\s*:\s*(?P<links>.+)$")
_LINK = re.compile(r"\[((?:\\.|[^\]\\])+)\]\(<?([^)\s>]+)>?\)")  # link texts may hold escaped brackets
_VERSION = re.compile(r"\.version-\d{4}-\d{2}-\d{2}(?:-\d+)?\.")


@dataclass
class Documents:
    """The documents one tool wrote into the folder: each title with its files."""

    title: str
    files: list[str]
    date: str = ""
    """For a previous version: the date of the documents it kept."""


@dataclass
class Record:
    """The project's record, as plain data (what ``answers.yaml`` holds)."""

    settings: dict[str, Any] = field(default_factory=dict)
    formats: list[str] = field(default_factory=list)
    situation: dict[str, Any] | None = None
    tools: list[str] = field(default_factory=list)
    profile: dict[str, Any] = field(default_factory=dict)
    shared: dict[str, Any] = field(default_factory=dict)
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    dates: dict[str, str] = field(default_factory=dict)
    documents: dict[str, list[Documents]] = field(default_factory=dict)
    previous: dict[str, list[Documents]] = field(default_factory=dict)
    kit: dict[str, Any] = field(default_factory=dict)
    obsolete: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Answers whose question a tool no longer has (``survivalkit update``): kept aside, never deleted."""


def _docs(value: Any) -> list[Documents]:
    out = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict) and isinstance(item.get("files"), list):
            files = [str(f) for f in item["files"] if isinstance(f, str)]
            out.append(Documents(str(item.get("title") or ""), files, str(item.get("date") or "")))
    return out


def read_record(data: Mapping[str, Any], kit: Kit) -> Record:
    """Any answers file written by survivalkit, as a project record (malformed parts ignored)."""
    record = Record()
    for key in ("lang", "plain", "kits"):
        if key in data:
            record.settings[key] = data[key]
    if isinstance(data.get("formats"), list):
        record.formats = [str(f) for f in data["formats"]]
    day = str(data.get("date") or "")
    if isinstance(data.get("tool"), str) and isinstance(data.get("answers"), dict):
        # One tool's answers file: its answers split as the journey keeps them.
        tool_id = data["tool"]
        profile_ids = {q.id for q in kit.info.profile}
        shared_ids = {q.id for q in kit.info.shared}
        own: dict[str, Any] = {}
        for key, value in data["answers"].items():
            if key in profile_ids:
                record.profile[key] = value
            elif key in shared_ids:
                record.shared[key] = value
            else:
                own[key] = value
        record.tools = [tool_id]
        record.answers = {tool_id: own}
        record.dates = {tool_id: day}
        return record
    if isinstance(data.get("situation"), dict):
        record.situation = dict(data["situation"])
    if isinstance(data.get("tools"), list):
        record.tools = [str(x) for x in data["tools"] if isinstance(x, str)]
    for name in ("profile", "shared"):
        if isinstance(data.get(name), dict):
            setattr(record, name, dict(data[name]))
    if isinstance(data.get("answers"), dict):
        record.answers = {str(k): dict(v) for k, v in data["answers"].items() if isinstance(v, dict)}
    raw_dates = data.get("dates")
    dates: dict[str, Any] = raw_dates if isinstance(raw_dates, dict) else {}
    record.dates = {tid: str(dates.get(tid) or day) for tid in record.tools}
    for name in ("documents", "previous"):
        value = data.get(name)
        if isinstance(value, dict):
            setattr(record, name, {str(k): _docs(v) for k, v in value.items()})
    if isinstance(data.get("kit"), dict):
        record.kit = dict(data["kit"])
    if isinstance(data.get("obsolete"), dict):
        record.obsolete = {str(k): dict(v) for k, v in data["obsolete"].items() if isinstance(v, dict)}
    return record


def index_entries(text: str) -> list[tuple[str, str | None, list[str]]]:
    """The document lines of an index: (title, tool title or None, file names)."""
    entries = []
    for line in text.splitlines():
        found = _LINE.match(line.strip())
        if found is None:
            continue
        files = [target for _, target in _LINK.findall(found["links"])]
        if files:
            entries.append((found["title"], found["tool"], files))
    return entries


def _owner(title: str, tool_title: str | None, kit: Kit, lang: str, tools: Sequence[str]) -> str | None:
    """Which tool a line of an older index belongs to, from the titles it shows."""
    for tool_id in tools:
        tool = kit.tools.get(tool_id)
        if tool is None:
            continue
        names = {tr(tool.title, lang)} | {tr(d.title, lang) for d in tool.documents}
        if (tool_title or title) in names or title in names:
            return tool_id
    return tools[0] if len(tools) == 1 else None


@dataclass(frozen=True)
class Reused:
    """A project datum already known: its value, the tool that filled it, and when."""

    value: Any
    tool: str
    day: str

    def origin(self, kit: Kit, lang: str) -> str:
        """« repris de « Mémo achat public » du 7 décembre 2026 »."""
        from survivalkit.text.typography import format_date_long

        try:
            when = format_date_long(dt.date.fromisoformat(self.day), lang)
        except ValueError:
            when = self.day
        return t("data.from", lang, tool=_tool_title(kit, self.tool, lang), date=when)


def data_of(record: Record, kit: Kit) -> dict[str, Reused]:
    """The project's data in a record: each datum from the last tool that filled it."""
    from survivalkit.kit.model import tool_questions

    data: dict[str, Reused] = {}
    for tool_id in record.tools:
        tool = kit.tools.get(tool_id)
        if tool is None:
            continue
        answers = {**record.profile, **record.shared, **record.answers.get(tool_id, {})}
        for q in tool_questions(kit, tool):
            if q.datum and answers.get(q.id) is not None:
                data[q.datum] = Reused(answers[q.id], tool_id, record.dates.get(tool_id, ""))
    return data


def folder_data(folder: Path, kit: Kit) -> dict[str, Reused]:
    """The data of the project in ``folder`` (none when it holds no readable record)."""
    path = folder / ANSWERS_FILE
    if not path.is_file():
        return {}
    raw = _read_old(path)
    return data_of(read_record(raw, kit), kit) if raw is not None else {}


def folder_common(folder: Path, kit: Kit) -> dict[str, Any]:
    """The profile and shared answers the project in ``folder`` already holds (its name, the agent…)."""
    path = folder / ANSWERS_FILE
    raw = _read_old(path) if path.is_file() else None
    if raw is None:
        return {}
    record = read_record(raw, kit)
    return {k: v for k, v in {**record.profile, **record.shared}.items() if v is not None}


def read_folder(folder: Path, kit: Kit) -> Record | None:
    """The record of the project in ``folder`` (None when it holds no readable one)."""
    path = folder / ANSWERS_FILE
    raw = _read_old(path) if path.is_file() else None
    return read_record(raw, kit) if raw is not None else None


def project_name(record: Record, folder: Path) -> str:
    """What the project is called: its name as answered, else its folder's name."""
    name = record.shared.get("projet_nom") or record.profile.get("projet_nom")
    return name.strip() if isinstance(name, str) and name.strip() else folder.name


def last_date(record: Record) -> str:
    """The date of the project's most recent documents (ISO), or ``""``."""
    days = [d for d in record.dates.values() if d]
    return max(days) if days else ""


def give_common(interview: Interview, values: Mapping[str, Any]) -> list[str]:
    """Answer the profile and shared questions the project already answered (asked once for all)."""
    given: dict[str, Any] = {}
    for q in interview.questions:
        if q.id in values and q.id not in interview.confirmed:
            try:
                given[q.id] = interview.accept(q, values[q.id])
            except Exception:  # no longer fits: asked as usual
                continue
    interview.preset(given)
    return list(given)


def give_data(interview: Interview, data: Mapping[str, Reused], kit: Kit) -> list[str]:
    """Answer the questions whose datum the project knows, saying where each came from.

    A value that does not fit the question (the kit changed) is not used: the question is asked.
    """
    given: dict[str, Any] = {}
    for q in interview.questions:
        reused = data.get(q.datum) if q.datum else None
        if reused is None:
            continue
        try:
            value = interview.accept(q, reused.value)
        except Exception:  # no longer fits: asked as usual
            continue
        if q.id in interview.confirmed:  # a resumed session: still said where it came from
            if interview.answers.get(q.id) == value:
                interview.origins[q.id] = reused.origin(kit, interview.lang)
            continue
        given[q.id] = value
        interview.origins[q.id] = reused.origin(kit, interview.lang)
    interview.preset(given)
    return list(given)


def tool_hash(tool: Tool) -> str:
    """The hash of one tool's file (never of the whole kit: a run loads only what it needs)."""
    try:
        return "sha256:" + hashlib.sha256(Path(tool.origin).read_bytes()).hexdigest()[:16]
    except OSError:
        return ""


@dataclass(frozen=True)
class Merged:
    """The files to write into a project folder, and the existing ones that may be replaced."""

    files: dict[str, bytes]
    replaceable: set[str]


def merge_into_folder(
    folder: Path, files: dict[str, bytes], *, kit: Kit, lang: str, day: dt.date,
    set_aside: Mapping[str, Mapping[str, Any]] | None = None,
) -> Merged:
    """This run's ``files`` merged with the project already in ``folder`` (if any); ``set_aside``:
    per tool, answers whose question no longer exists, kept in the record under ``obsolete``."""
    record_path = folder / ANSWERS_FILE
    if not record_path.is_file() or ANSWERS_FILE not in files:
        return Merged(files, set())
    new_text = files[ANSWERS_FILE].decode("utf-8")
    header = "".join(f"# {line}\n" for line in t("project.header", lang).splitlines())
    new = read_record(yaml.safe_load(new_text) or {}, kit)
    out = dict(files)
    old_data = _read_old(record_path)
    if old_data is None:  # an unreadable record is kept beside, never lost
        out[_versioned(ANSWERS_FILE, day.isoformat(), folder, out)] = record_path.read_bytes()
        return Merged(out, {ANSWERS_FILE, *INDEX_FILES})
    old = read_record(old_data, kit)
    old_index = _read_text(folder / "index.md")
    old_entries = index_entries(old_index)
    for tool_id in old.tools:  # documents known by an older record only through its index
        if tool_id not in old.documents:
            old.documents[tool_id] = []
    if old_entries and not any(old.documents.values()):
        for title, tool_title, names in old_entries:
            owner = _owner(title, tool_title, kit, lang, old.tools) or "?"
            old.documents.setdefault(owner, []).append(Documents(title, names))
    new_entries = index_entries(files.get("index.md", b"").decode("utf-8"))
    for title, tool_title, names in new_entries:
        owner = _owner(title, tool_title, kit, lang, new.tools) or (new.tools[0] if new.tools else "?")
        new.documents.setdefault(owner, []).append(Documents(title, names))
    replaceable = {ANSWERS_FILE, *INDEX_FILES}
    merged = old
    for tool_id in new.tools:
        for kept in old.documents.get(tool_id, []):  # this tool's earlier documents: kept, dated
            when = old.dates.get(tool_id) or day.isoformat()
            saved: list[str] = []
            for name in kept.files:
                path = folder / name
                if name in files and path.is_file():
                    versioned = _versioned(name, when, folder, out)
                    out[versioned] = path.read_bytes()
                    saved.append(versioned)
                    replaceable.add(name)
                elif path.is_file():
                    saved.append(name)
            if saved:
                merged.previous.setdefault(tool_id, []).append(Documents(kept.title, saved, when))
        merged.documents[tool_id] = new.documents.get(tool_id, [])
        merged.answers[tool_id] = new.answers.get(tool_id, {})
        merged.dates[tool_id] = new.dates.get(tool_id) or day.isoformat()
        if tool_id not in merged.tools:
            merged.tools.append(tool_id)
    for tool_id, values in (set_aside or {}).items():
        if values:  # never deleted: what an earlier update set aside stays
            merged.obsolete[tool_id] = {**merged.obsolete.get(tool_id, {}), **values}
    merged.profile.update(new.profile)
    merged.shared.update(new.shared)
    if new.situation is not None:
        merged.situation = new.situation
    merged.formats = list(dict.fromkeys([*new.formats, *old.formats]))
    kits = [*(old.settings.get("kits") or []), *(new.settings.get("kits") or [])]
    merged.settings = {**old.settings, **new.settings}
    if kits:
        merged.settings["kits"] = list(dict.fromkeys(k for k in kits if isinstance(k, str)))
    merged.kit = {"version": kit.info.version,
                  "tools": {tid: tool_hash(kit.tools[tid]) for tid in merged.tools if tid in kit.tools}}
    out[ANSWERS_FILE] = (header + _dump(merged, day)).encode("utf-8")
    index = project_index(
        [(d.title, _tool_title(kit, tid, lang), d.files) for tid in merged.tools
         for d in merged.documents.get(tid, [])],
        [(d.title, _tool_title(kit, tid, lang), d.files, d.date) for tid in merged.tools
         for d in merged.previous.get(tid, [])],
        [kit.tools[tid] for tid in merged.tools if tid in kit.tools],
        lang=lang, day=day, kit=kit,
    )
    out["index.md"] = index.markdown.encode("utf-8")
    if "index.html" in files or (folder / "index.html").is_file():
        out["index.html"] = index.html.encode("utf-8")
    return Merged(out, replaceable)


def _tool_title(kit: Kit, tool_id: str, lang: str) -> str:
    tool = kit.tools.get(tool_id)
    return tr(tool.title, lang) if tool is not None else tool_id


def _read_old(path: Path) -> dict[str, Any] | None:
    from survivalkit.kit.yamlread import read_yaml

    located, _ = read_yaml(path, str(path))
    if located is None or not isinstance(located.data, dict):
        return None
    return dict(located.data)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _versioned(name: str, when: str, folder: Path, taken: Mapping[str, bytes]) -> str:
    """``memo.md`` → ``memo.version-2026-11-30.md`` (``-2``… when that name is taken)."""
    stem, dot, ext = name.partition(".")
    for n in range(1, 1000):
        suffix = "" if n == 1 else f"-{n}"
        candidate = f"{stem}.version-{when}{suffix}{dot}{ext}"
        if candidate not in taken and not (folder / candidate).exists():
            return candidate
    return f"{stem}.version-{when}-{len(taken)}{dot}{ext}"


def _dump(record: Record, day: dt.date) -> str:
    data: dict[str, Any] = {"journey": 1, "project": 1, "date": day.isoformat(), **record.settings}
    if record.formats:
        data["formats"] = record.formats
    if record.situation is not None:
        data["situation"] = record.situation
    data["tools"] = record.tools
    data["profile"] = record.profile
    data["shared"] = record.shared
    data["answers"] = {tid: record.answers.get(tid, {}) for tid in record.tools}
    data["dates"] = {tid: record.dates[tid] for tid in record.tools if record.dates.get(tid)}
    data["documents"] = {tid: [{"title": d.title, "files": d.files} for d in record.documents.get(tid, [])]
                         for tid in record.tools}
    previous = {tid: [{"title": d.title, "date": d.date, "files": d.files} for d in docs]
                for tid, docs in record.previous.items() if docs}
    if previous:
        data["previous"] = previous
    data["kit"] = record.kit
    obsolete = {tid: values for tid, values in record.obsolete.items() if values}
    if obsolete:
        data["obsolete"] = obsolete
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def is_version_file(name: str) -> bool:
    """Whether ``name`` is a previous version kept by the project (``x.version-2026-11-30.md``)."""
    return bool(_VERSION.search(name))


__all__ = [
    "Merged",
    "Record",
    "Reused",
    "data_of",
    "folder_common",
    "folder_data",
    "give_common",
    "give_data",
    "index_entries",
    "is_version_file",
    "last_date",
    "merge_into_folder",
    "project_name",
    "read_folder",
    "read_record",
]
