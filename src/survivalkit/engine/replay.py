"""Answers files, for one tool or for a whole journey: the one place that reads and writes them.

A tool's file::

    tool: memo-achat-public        # optional
    date: 2026-11-30               # the documents' date, optional
    lang: fr                       # optional; also plain and kits
    answers: {objet: ..., montant: 45000}

(a flat mapping of answers is accepted too). A journey's file has ``journey: 1`` and
``situation``, ``tools``, ``profile``, ``shared`` and ``answers`` (one mapping per tool).
Every part is checked for its shape before use, so a wrong file gives a message, not a crash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from survivalkit.engine.answers import to_plain
from survivalkit.errors import Msg, SurvivalkitError, UsageError
from survivalkit.i18n import t
from survivalkit.kit.model import Kit, Question, Tool, tool_questions
from survivalkit.kit.yamlread import YamlWord
from survivalkit.output.format_names import check_formats


@dataclass(frozen=True)
class Settings:
    """What travels with the work: the language, plain mode and the extra kit folders."""

    lang: str | None = None
    plain: bool | None = None
    kits: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """Plain data for an answers file or a session."""
        out: dict[str, Any] = {}
        if self.lang:
            out["lang"] = self.lang
        if self.plain:
            out["plain"] = True
        if self.kits:
            out["kits"] = list(self.kits)
        return out

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Settings:
        """Read what is well-formed; ignore what is not (settings are a convenience)."""
        lang = data.get("lang")
        plain = data.get("plain")
        kits = data.get("kits")
        return cls(
            lang=lang if isinstance(lang, str) and lang in ("fr", "en") else None,
            plain=plain if isinstance(plain, bool) else None,
            kits=tuple(k for k in kits if isinstance(k, str)) if isinstance(kits, list) else (),
        )


@dataclass(frozen=True)
class ToolAnswers:
    """A tool's answers file, read and checked."""

    answers: dict[str, Any]
    tool: str | None = None
    date: dt.date | None = None
    formats: list[str] | None = None
    settings: Settings = field(default_factory=Settings)
    source: str = "--answers"
    common: frozenset[str] = frozenset()
    """Answers a project shares between its tools (profile, shared): a tool that does not ask one
    simply leaves it, where an unknown key of its own answers is an error."""
    form: bool = False
    """Read from a filled PDF form: it may hold other tools' fields too."""
    propagate: bool = False
    """``propagate: true``: a datum changed here updates the project's other documents that use it."""


@dataclass(frozen=True)
class JourneyAnswers:
    """A journey's answers file, read and checked."""

    situation: dict[str, Any] | None
    tools: list[str] | None
    common: dict[str, Any]
    per_tool: dict[str, dict[str, Any]]
    date: dt.date | None = None
    formats: list[str] | None = None
    settings: Settings = field(default_factory=Settings)
    source: str = "--answers"
    dates: dict[str, dt.date] = field(default_factory=dict)
    """Each tool's own date, in a project's record (its tools run on different days)."""
    propagate: bool = False
    """``propagate: true``: a datum changed here updates the project's other documents that use it."""


def read_mapping(path: Path, lang: str) -> dict[str, Any]:
    """The file's data, through the guarded YAML reader (size limit first, positions in errors)."""
    from survivalkit.kit.yamlread import REFUSED_BY_SYSTEM, read_yaml

    if not path.exists() and not path.is_symlink():  # a link that loops or leads nowhere is read
        raise UsageError(t("answers_file.not_found", lang, file=path))
    located, problems = read_yaml(path, str(path))
    if located is None:
        refused = [p for p in problems if getattr(p.message, "key", "") in REFUSED_BY_SYSTEM]
        if refused:  # the system refused the file (not its content): exit 1, not a usage error
            message = refused[0].message
            reason = message.values.get("reason") if isinstance(message, Msg) else None
            raise SurvivalkitError(Msg("answers.refused", file=path,
                                       reason=Msg("fs.not_regular") if reason is None else reason))
        raise UsageError("\n".join(p.format(lang) for p in problems))
    if not isinstance(located.data, dict):
        raise UsageError(t("answers_file.not_mapping", lang, file=path))
    data = dict(located.data)
    # A number is given to the answers as written: `montant: 45.000` is 45 000 € for a French
    # reader, not the 45.0 YAML makes of it. The one answer pipeline reads the text as typed.
    for key_path, written in located.numbers.items():
        _put_written(data, key_path, written)
    # So is a YAML 1.1 word (`no`, `Off`, `Null`): « Off » answering a text question is the text
    # « Off », never « False »; the question's type decides what it means (answers.cast_answer).
    for key_path, written in located.words.items():
        if _is_answer(data, key_path):
            _put_written(data, key_path, YamlWord.of(written))
    return data


_META = frozenset({"journey", "date", "lang", "plain", "kits", "formats", "tool", "tools", "propagate"})


def _is_answer(data: Mapping[str, Any], key_path: tuple[str | int, ...]) -> bool:
    """Whether ``key_path`` holds an answer (not a setting such as ``plain: yes``)."""
    if not key_path:
        return False
    head = key_path[0]
    if "journey" in data:
        if head == "answers":
            return len(key_path) >= 3
        return head in ("profile", "shared", "situation") and len(key_path) >= 2
    if isinstance(data.get("answers"), dict):
        return head == "answers" and len(key_path) >= 2
    return head not in _META


def _put_written(data: dict[str, Any], key_path: tuple[str | int, ...], written: str) -> None:
    """Replace the value at ``key_path`` with its text, where it is an answer (not ``journey: 1``)."""
    if len(key_path) < 1 or key_path[0] in ("journey", "date"):
        return
    node: Any = data
    for part in key_path[:-1]:
        found = (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and part < len(node))
        if not found:
            return
        node = node[part]
    last = key_path[-1]
    here = (isinstance(node, dict) and last in node) or (
        isinstance(node, list) and isinstance(last, int) and last < len(node))
    if here and (node[last] is None or isinstance(node[last], int | float)):
        node[last] = written


def read_tool_answers(path: Path, lang: str, tool_id: str | None = None) -> ToolAnswers:
    """A tool's answers file: flat, or ``answers:`` with ``tool``, ``date`` and settings; or
    ``tool_id``'s part of a project's record (or of a journey's answers file).

    A ``.pdf`` is a filled PDF form: its fields give the answers (see ``pdfform``).
    """
    from survivalkit.engine.pdfform import is_pdf, read_pdf_answers

    if is_pdf(path):
        return ToolAnswers(answers=read_pdf_answers(path, lang), source=str(path), form=True)
    return tool_answers_from(read_mapping(path, lang), path, lang, tool_id)


def tool_answers_from(
    data: Mapping[str, Any], path: Path | str, lang: str, tool_id: str | None = None
) -> ToolAnswers:
    """Check the shape of a tool's answers (from a file, or given in Python)."""
    path = Path(path)
    per_tool = data.get("answers")
    if "journey" in data and isinstance(per_tool, dict):
        own = per_tool.get(tool_id) if tool_id else None
        if not isinstance(own, dict):
            raise UsageError(t("answers_file.is_journey", lang, file=path))
        # One tool of a project (or of a journey): its answers, with the profile and shared ones.
        common = {**_mapping(data.get("profile") or {}, path, "profile", lang),
                   **_mapping(data.get("shared") or {}, path, "shared", lang)}
        answers = {**common, **_mapping(own, path, f"answers.{tool_id}", lang)}
        dates = data.get("dates") if isinstance(data.get("dates"), dict) else {}
        day = dates.get(tool_id) if isinstance(dates, dict) else None
        return ToolAnswers(answers=answers, tool=tool_id, date=_date(day or data.get("date"), path, lang),
                           settings=Settings.from_mapping(data), source=str(path),
                           common=frozenset(common) - frozenset(own))
    if "answers" in data:
        answers = _mapping(data["answers"], path, "answers", lang)
        meta = data
    else:
        answers, meta = dict(data), {}
    tool = meta.get("tool")
    if tool is not None and not isinstance(tool, str):
        raise UsageError(t("answers_file.bad_part", lang, file=path, part="tool"))
    return ToolAnswers(
        answers=answers,
        tool=tool,
        date=_date(meta.get("date"), path, lang),
        formats=_formats(meta.get("formats"), path, lang),
        settings=Settings.from_mapping(meta),
        source=str(path),
        propagate=_flag(meta.get("propagate"), path, lang),
    )


def read_journey_answers(path: Path, lang: str) -> JourneyAnswers:
    """A journey's answers file; every part checked for its shape."""
    return journey_answers_from(read_mapping(path, lang), path, lang)


def journey_answers_from(data: Mapping[str, Any], path: Path | str, lang: str) -> JourneyAnswers:
    """Check the shape of a journey's answers (from a file, or given in Python)."""
    path = Path(path)
    situation = data.get("situation")
    tools = data.get("tools")
    if tools is not None and (not isinstance(tools, list) or not all(isinstance(x, str) for x in tools)):
        raise UsageError(t("answers_file.bad_part", lang, file=path, part="tools"))
    per_tool_raw = _mapping(data.get("answers") or {}, path, "answers", lang)
    per_tool = {
        str(k): _mapping(v or {}, path, f"answers.{k}", lang) for k, v in per_tool_raw.items()
    }
    common = {
        **_mapping(data.get("profile") or {}, path, "profile", lang),
        **_mapping(data.get("shared") or {}, path, "shared", lang),
    }
    formats = _formats(data.get("formats"), path, lang)
    raw_dates = data.get("dates")
    dates: dict[str, dt.date] = {}
    if raw_dates is not None:
        for tool_id, value in _mapping(raw_dates, path, "dates", lang).items():
            day = _date(value, path, lang)
            if day is not None:
                dates[tool_id] = day
    return JourneyAnswers(
        situation=None if situation is None else _mapping(situation, path, "situation", lang),
        tools=tools,
        common=common,
        per_tool=per_tool,
        date=_date(data.get("date"), path, lang),
        formats=formats,
        settings=Settings.from_mapping(data),
        source=str(path),
        dates=dates,
        propagate=_flag(data.get("propagate"), path, lang),
    )


def _flag(value: Any, path: Path, lang: str) -> bool:
    """A yes/no setting of the file (``propagate: true``); anything else than yes or no is refused."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, str) and str(value).strip().lower() in ("true", "yes", "oui", "on"):
        return True
    if isinstance(value, str) and str(value).strip().lower() in ("false", "no", "non", "off"):
        return False
    raise UsageError(t("answers_file.bad_part", lang, file=path, part="propagate"))


def _formats(value: Any, path: Path, lang: str) -> list[str] | None:
    """The ``formats`` an answers file asks for: only the five known ones, else refused."""
    if value is None:
        return None
    return check_formats(value, lang, where=f"{path}: formats")


def _mapping(value: Any, path: Path, part: str, lang: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise UsageError(t("answers_file.bad_part", lang, file=path, part=part))
    return {str(k): v for k, v in value.items()}


def _date(value: Any, path: Path, lang: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise UsageError(t("answers_file.bad_part", lang, file=path, part="date"))


def _plain(answers: Mapping[str, Any], questions: Mapping[str, Question]) -> dict[str, Any]:
    return {
        k: (to_plain(questions[k], v) if k in questions else v)
        for k, v in answers.items()
        if v is not None
    }


def _dump(header: str, data: dict[str, Any]) -> bytes:
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return (header + body).encode("utf-8")


def tool_hash(tool: Tool) -> str:
    """The hash of one tool's file (never of the whole kit: a run loads only what it needs)."""
    try:
        return "sha256:" + hashlib.sha256(Path(tool.origin).read_bytes()).hexdigest()[:16]
    except OSError:
        return ""


def questions_of(kit: Kit, tool: Tool) -> list[str]:
    """The questions a tool's answers are given to today (the profile's included)."""
    return [q.id for q in [*kit.info.profile, *tool_questions(kit, tool)]]


def kit_stamp(kit: Kit, tools: Sequence[str], *, earlier: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """What an answers file records of the kit its answers were given with: the kit's version, and
    per tool the hash of its file and the questions it asked (``update`` tells a question new
    since then from one the agent left empty). ``tools`` are run now; ``earlier`` is the record's
    own stamp, kept for the project's other tools."""
    before = earlier or {}
    hashes = before.get("tools")
    asked = before.get("questions")
    stamp_tools = {str(k): str(v) for k, v in hashes.items() if isinstance(v, str)} if isinstance(hashes, dict) else {}
    stamp_questions = ({str(k): [str(q) for q in v if isinstance(q, str)] for k, v in asked.items()
                        if isinstance(v, list)} if isinstance(asked, dict) else {})
    for tool_id in tools:
        tool = kit.tools.get(tool_id)
        if tool is not None:
            stamp_tools[tool_id] = tool_hash(tool)
            stamp_questions[tool_id] = questions_of(kit, tool)
    return {"version": kit.info.version, "tools": stamp_tools, "questions": stamp_questions}


def tool_answers_yaml(
    header: str,
    *,
    tool: str,
    day: dt.date,
    settings: Settings,
    answers: Mapping[str, Any],
    questions: Sequence[Question],
    kit: Mapping[str, Any] | None = None,
) -> bytes:
    """The replayable answers file of one tool run (``kit``: its stamp, see ``kit_stamp``)."""
    by_id = {q.id: q for q in questions}
    meta = {"tool": tool, "date": day.isoformat(), **settings.as_dict()}
    return _dump(header, {**meta, "answers": _plain(answers, by_id), **({"kit": dict(kit)} if kit else {})})


def journey_answers_yaml(
    header: str,
    *,
    day: dt.date,
    settings: Settings,
    situation: Mapping[str, Any],
    situation_questions: Sequence[Question],
    tools: Sequence[str],
    formats: Sequence[str],
    profile: Mapping[str, Any],
    shared: Mapping[str, Any],
    per_tool: Mapping[str, Mapping[str, Any]],
    questions: Mapping[str, Question],
    dates: Mapping[str, dt.date] | None = None,
    kit: Mapping[str, Any] | None = None,
) -> bytes:
    """The replayable answers file of a whole journey (``per_tool`` already as plain data; ``dates``:
    the tools whose documents have a date of their own, as when a project is replayed; ``kit``: its
    stamp, see ``kit_stamp``)."""
    by_situation = {q.id: q for q in situation_questions}
    own_dates = {tid: d.isoformat() for tid, d in (dates or {}).items() if tid in tools and d != day}
    return _dump(header, {
        "journey": 1,
        "date": day.isoformat(),
        **settings.as_dict(),
        "formats": list(formats),
        "situation": _plain(situation, by_situation),
        "tools": list(tools),
        "profile": _plain(profile, questions),
        "shared": _plain(shared, questions),
        "answers": {tid: {k: v for k, v in a.items() if v is not None} for tid, a in per_tool.items()},
        **({"dates": {tid: own_dates.get(tid, day.isoformat()) for tid in tools}} if own_dates else {}),
        **({"kit": dict(kit)} if kit else {}),
    })
