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
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from survivalkit.engine.frontend import Frontend
from survivalkit.engine.interview import Interview
from survivalkit.engine.replay import kit_stamp
from survivalkit.i18n import t
from survivalkit.kit.model import Kit, Tool
from survivalkit.kit.yamlread import safe_loader
from survivalkit.output.bundle import ANSWERS_FILE, project_index
from survivalkit.output.render import RenderedDocument
from survivalkit.text.localized import tr
from survivalkit.text.names import without_controls

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


def folder_file(name: object) -> str | None:
    """``name`` when it can be a file the project wrote in its own folder: a plain file name (no
    folder part, no ``..``, not hidden, no control character, not a Windows device) — else ``None``.
    The record is a file anyone can edit: a name leading out of the folder is never linked,
    read or moved."""
    from survivalkit.text.names import windows_device

    if not isinstance(name, str) or not name or len(name) > 255 or without_controls(name, 255) != name:
        return None
    if name != Path(name).name or "/" in name or "\\" in name or ":" in name or name.startswith("."):
        return None
    return None if windows_device(name) else name


def _plain_date(value: object) -> str:
    """An ISO date as the record writes it, else nothing (never a free text shown as a date)."""
    try:
        return dt.date.fromisoformat(str(value)).isoformat() if value else ""
    except ValueError:
        return ""


def _docs(value: Any) -> list[Documents]:
    out = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict) and isinstance(item.get("files"), list):
            files = [name for name in map(folder_file, item["files"]) if name is not None]
            title = without_controls(item.get("title"), 200)
            if files:
                out.append(Documents(title, files, _plain_date(item.get("date"))))
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
        if isinstance(data.get("kit"), dict):
            record.kit = dict(data["kit"])
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
    interview.prefilled.update(given)  # given by the project, not typed in this work: not counted
    return list(given)


def give_data(interview: Interview, data: Mapping[str, Reused], kit: Kit, *, tool: str | None = None) -> list[str]:
    """Answer the questions whose datum the project knows, saying where each came from.

    A value that does not fit the question (the kit changed) is not used: the question is asked.
    ``tool``: the tool being run; a datum it filled itself is its own answer, not one taken from
    another tool, wherever its answers already give that question (an update, a replay).
    """
    given: dict[str, Any] = {}
    for q in interview.questions:
        reused = data.get(q.datum) if q.datum else None
        if reused is None:
            continue
        if tool is not None and reused.tool == tool and interview.answers.get(q.id) is not None:
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
    interview.prefilled.update(given)  # given by the project, not typed in this work: not counted
    return list(given)


@dataclass(frozen=True)
class Change:
    """A datum of the project changed in one tool while other tools' documents use its old value."""

    datum: str
    value: Any
    before: Any
    source: str
    """The tool whose answer changed it."""
    tools: tuple[str, ...]
    """The other tools whose documents still use the old value."""

    def said(self, kit: Kit, record: Record, lang: str) -> str:
        """« Le montant de l'achat » vaut maintenant 18 000 € dans « … » (avant : 12 500 €) ; …"""
        datum = kit.info.project.get(self.datum)
        meaning = tr(datum.meaning, lang) if datum is not None else self.datum
        kind = datum.type.value if datum is not None else ""
        others = ", ".join(t("data.tool_of", lang, tool=_tool_title(kit, tid, lang),
                             date=_long(record.dates.get(tid, ""), lang)) for tid in self.tools)
        return t("data.changed", lang, datum=meaning, value=_shown(self.value, kind, lang),
                 before=_shown(self.before, kind, lang), tool=_tool_title(kit, self.source, lang), others=others)


def _long(day: str, lang: str) -> str:
    from survivalkit.text.typography import format_date_long

    try:
        return format_date_long(dt.date.fromisoformat(day), lang)
    except ValueError:
        return day


def _shown(value: Any, kind: str, lang: str) -> str:
    from survivalkit.text.typography import format_amount

    if kind == "amount" and isinstance(value, int | float) and not isinstance(value, bool):
        return format_amount(value, "EUR", lang)
    if kind == "date" and isinstance(value, str | dt.date):
        return _long(str(value), lang)
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return text if len(text) <= 80 else text[:79] + "…"


def _same(a: Any, b: Any) -> bool:
    numbers = (int, float)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool) and not isinstance(b, bool):
        return float(a) == float(b)
    if isinstance(a, dt.date) or isinstance(b, dt.date):
        return str(a) == str(b)
    return bool(a == b)


def tool_values(record: Record, kit: Kit, tool_id: str) -> dict[str, Any]:
    """The datum → value a recorded tool's answers give (the tools the kit no longer has: none)."""
    from survivalkit.kit.model import tool_questions

    tool = kit.tools.get(tool_id)
    if tool is None:
        return {}
    answers = {**record.profile, **record.shared, **record.answers.get(tool_id, {})}
    return {q.datum: answers[q.id] for q in tool_questions(kit, tool) if q.datum and answers.get(q.id) is not None}


def stale_data(record: Record, kit: Kit, written: Sequence[str]) -> list[Change]:
    """The data the tools just ``written`` changed while other tools of the project use the old value."""
    values = {tid: tool_values(record, kit, tid) for tid in record.tools}
    changes = []
    for datum in kit.info.project:
        sources = [tid for tid in record.tools if tid in written and datum in values[tid]]
        if not sources:
            continue
        source = sources[-1]
        new = values[source][datum]
        behind = tuple(tid for tid in record.tools
                       if tid != source and datum in values[tid] and not _same(values[tid][datum], new))
        if behind:
            changes.append(Change(datum, new, values[behind[0]][datum], source, behind))
    return changes


def confirm_change(frontend: Frontend, said: str, lang: str) -> bool:
    """Yes (the default) or no: carry the change into the other documents, asked like any question."""
    from survivalkit.engine.interview import run_interview
    from survivalkit.kit.base import Localized
    from survivalkit.kit.model import Question, QuestionType

    label = f"{said} {t('data.ask', lang)}"  # ``said`` is already in the reader's language
    question = Question(id="reporter", type=QuestionType.BOOL, default=True, label=Localized(fr=label, en=label))
    return bool(run_interview(Interview([question], lang=lang), frontend, recap=False).get("reporter"))


def current_answers(kit: Kit, tool: Tool, recorded: Mapping[str, Any]
                    ) -> tuple[dict[str, Any], dict[str, Any], list[tuple[str, str]]]:
    """A tool's recorded answers for the current kit: renamed questions mapped through the tool's
    ``renamed`` declaration, and answers whose question no longer exists set aside.

    Returns (the answers to replay, the answers set aside, the (old, new) ids carried over)."""
    from survivalkit.kit.model import tool_questions

    answers = dict(recorded)
    moved = []
    for old, new in tool.renamed.items():
        if old in answers and new not in answers:
            answers[new] = answers.pop(old)
            moved.append((old, new))
    asked = {q.id for q in tool_questions(kit, tool)} | {q.id for q in kit.info.profile} | {
        q.id for q in kit.info.shared}
    obsolete = {k: v for k, v in answers.items() if k not in asked}
    return {k: v for k, v in answers.items() if k in asked}, obsolete, moved


def recorded_formats(record: Record, folder: Path, tool_id: str) -> list[str] | None:
    """The formats a tool's documents were written in (from their files' names), if known."""
    from survivalkit.output.format_names import FORMAT_LABELS

    names = [n for d in record.documents.get(tool_id, []) for n in d.files]
    found = [f for f in FORMAT_LABELS if any(n.endswith(f".{f}") for n in names)]
    return found or record.formats or None


@dataclass(frozen=True)
class Merged:
    """The files to write into a project folder, and the existing ones that may be replaced."""

    files: dict[str, bytes]
    replaceable: set[str]


def merge_into_folder(
    folder: Path, files: dict[str, bytes], *, kit: Kit, lang: str, day: dt.date,
    set_aside: Mapping[str, Mapping[str, Any]] | None = None, archive: bool = False,
) -> Merged:
    """This run's ``files`` merged with the project already in ``folder`` (if any); ``set_aside``:
    per tool, answers whose question no longer exists, kept in the record under ``obsolete``; the
    project's combined PDF made again with every tool's documents (archival with ``archive``)."""
    record_path = folder / ANSWERS_FILE
    if not record_path.is_file() or ANSWERS_FILE not in files:
        return Merged(files, set())
    new_text = files[ANSWERS_FILE].decode("utf-8")
    header = "".join(f"# {line}\n" for line in t("project.header", lang).splitlines())
    new = read_record(yaml.load(new_text, Loader=safe_loader()) or {}, kit)
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
            if _made_again(kept, folder, files):  # the same files, byte for byte: no copy kept
                replaceable.update(kept.files)
                continue
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
    merged.kit = kit_stamp(kit, new.tools, earlier=old.kit)
    out[ANSWERS_FILE] = (header + _dump(merged, day)).encode("utf-8")
    combined = _combined(folder, out, merged, kit=kit, lang=lang, day=day, archived=archive)
    if combined is not None:
        replaceable.add(combined)
    index = project_index(
        [(d.title, _tool_title(kit, tid, lang), d.files) for tid in merged.tools
         for d in merged.documents.get(tid, [])],
        [(d.title, _tool_title(kit, tid, lang), d.files, d.date) for tid in merged.tools
         for d in merged.previous.get(tid, [])],
        [kit.tools[tid] for tid in merged.tools if tid in kit.tools],
        lang=lang, day=day, kit=kit, combined=combined, project=str(merged.shared.get("projet_nom") or ""),
    )
    out["index.md"] = index.markdown.encode("utf-8")
    if "index.html" in files or (folder / "index.html").is_file():
        out["index.html"] = index.html.encode("utf-8")
    return Merged(out, replaceable)


def _combined(folder: Path, out: dict[str, bytes], record: Record, *, kit: Kit, lang: str,
              day: dt.date, archived: bool) -> str | None:
    """The project's combined PDF, made again from every tool's answers in the record when the
    project has two documents or more and PDF is asked now (or the folder already has one).

    Its name, or None when there is none (a document that cannot be made again from the record,
    for a kit that changed, leaves the combined PDF out rather than incomplete).
    """
    from survivalkit.output.combined import combined_name, combined_pdf, is_combined

    for name in [n for n in out if is_combined(n)]:
        del out[name]  # this run's own combined PDF: replaced by the whole project's
    asked = any(n.endswith(".pdf") and not is_version_file(n) for n in out)
    had = any(is_combined(p.name) for p in folder.glob("*.pdf"))
    if not (asked or had) or sum(len(record.documents.get(tid, [])) for tid in record.tools) < 2:
        return None
    documents = project_documents(record, kit, lang=lang, day=day)
    if documents is None or len(documents) < 2:
        return None
    taken = {n for tid in record.tools for d in record.documents.get(tid, []) for n in d.files}
    name = combined_name(lang, taken)
    archive = out.get(ANSWERS_FILE) if archived else None
    out[name] = combined_pdf(documents, lang=lang, day=day, archive=archive)
    return name


def project_documents(
    record: Record, kit: Kit, *, lang: str, day: dt.date
) -> list[tuple[RenderedDocument, str]] | None:
    """Every document of the project, made again from the record's answers (each tool's own date),
    with its tool's title; None when one of them cannot be made (the kit changed since)."""
    from survivalkit.engine.sources import AnswerSources
    from survivalkit.engine.tool_run import ToolRun
    from survivalkit.errors import SurvivalkitError
    from survivalkit.output.render import render_tool

    documents: list[tuple[RenderedDocument, str]] = []
    for tool_id in record.tools:
        tool = kit.tools.get(tool_id)
        if not record.documents.get(tool_id):
            continue
        if tool is None:
            return None
        try:
            when = dt.date.fromisoformat(record.dates.get(tool_id) or "")
        except ValueError:
            when = day
        run = ToolRun(kit, tool, lang=lang, day=when)
        asked = {q.id for q in run.interview.questions}
        values = {**record.profile, **record.shared, **record.answers.get(tool_id, {})}
        try:
            missing = run.fill(AnswerSources(answers_file={k: v for k, v in values.items() if k in asked}),
                               interactive=False)
            if missing:
                return None
            rendered = render_tool(kit, tool, run.answers(), day=when, lang=lang)
        except SurvivalkitError:
            return None
        documents += [(doc, tr(tool.title, lang)) for doc in rendered]
    return documents


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


def _made_again(kept: Documents, folder: Path, files: Mapping[str, bytes]) -> bool:
    """Whether this run writes every file of ``kept`` again with the very same bytes (a tool run
    twice the same day with the same answers): such a version would be a copy of the new one."""
    if not kept.files:
        return False
    for name in kept.files:
        if name not in files:
            return False
        try:
            if (folder / name).read_bytes() != files[name]:
                return False
        except OSError:
            return False
    return True


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
