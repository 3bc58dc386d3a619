"""``survivalkit update FOLDER``: bring a project up to date with the current kit and a new date.

Every tool of the project is run again from its recorded answers, dated ``day`` (by default
today: the day the work would now be engaged). Only what the answers no longer give is asked (a
new question, an answer that no longer fits); the earlier documents are kept as the previous
version (``engine.project``); and for each tool, in plain words, what changed: the dated figures
its documents rely on, and which documents now read differently.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from survivalkit.engine import work as engine_work
from survivalkit.engine.project import current_answers, index_entries, read_record
from survivalkit.engine.replay import Settings, read_tool_answers, tool_hash
from survivalkit.errors import UsageError
from survivalkit.i18n import t
from survivalkit.kit.model import Kit, Tool, tool_questions
from survivalkit.output.bundle import ANSWERS_FILE
from survivalkit.output.format_names import FORMAT_LABELS
from survivalkit.sandbox.expressions import FactLookupError, fact_at
from survivalkit.text.localized import tr
from survivalkit.text.typography import format_date_long


@dataclass
class ToolUpdate:
    """What updating one tool changed, said in plain words."""

    tool: str
    title: str
    since: dt.date | None
    lines: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)


def facts_changed(kit: Kit, tool: Tool, before: dt.date, after: dt.date, lang: str) -> list[str]:
    """The dated figures the tool relies on whose value differs between the two dates."""
    text = tool.model_dump_json()
    lines = []
    for name in kit.info.facts:
        if f"'{name}'" not in text and f'"{name}"' not in text and f"facts.{name}" not in text:
            continue
        try:
            old, new = fact_at(kit.info.facts, name, before, lang), fact_at(kit.info.facts, name, after, lang)
        except FactLookupError:
            continue
        if old.value != new.value:
            lines.append(t("update.fact", lang, label=new.label, old=str(old), new=str(new), source=new.source))
    return lines


def update_session_key(folder: Path, tool_id: str) -> str:
    """The session of one tool's update in one project's folder (resumed by the next update)."""
    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:8]
    return f"update-{digest}-{tool_id}"


def _has_session(around: engine_work.Around, key: str) -> bool:
    """Whether an update of this tool in this folder was stopped half-way (then it continues)."""
    if around.store is None or around.frontend is None:
        return False
    try:
        return around.store.latest(key) is not None
    except OSError:
        return False


def _confirmed_in_session(around: engine_work.Around, key: str) -> set[str]:
    """The questions the stopped update had confirmed (read from its session; nothing if unreadable)."""
    import json

    info = around.store.latest(key) if around.store is not None else None
    if info is None:
        return set()
    try:
        state = json.loads(info.path.read_text("utf-8")).get("state", {}).get("interview", {})
        confirmed = state.get("confirmed") if isinstance(state, dict) else None
    except (OSError, ValueError, AttributeError, RecursionError):
        return set()
    return {c for c in confirmed if isinstance(c, str)} if isinstance(confirmed, list) else set()


def _shown(value: Any) -> str:
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return text if len(text) <= 80 else text[:79] + "…"


def _formats(folder: Path, names: list[str]) -> list[str] | None:
    found = [f for f in FORMAT_LABELS if any(n.endswith(f".{f}") for n in names)]
    return found or None


def update_project(
    folder: Path, kit: Kit, *, lang: str, day: dt.date, around: engine_work.Around,
    settings: Settings | None = None, header: str = "",
) -> list[ToolUpdate]:
    """Run every tool of the project in ``folder`` again, dated ``day``; say what changed."""
    from survivalkit.engine.project import _read_old  # the record's guarded reader

    record_path = folder / ANSWERS_FILE
    raw = _read_old(record_path) if record_path.is_file() else None
    if raw is None:
        raise UsageError(t("update.no_project", lang, folder=folder))
    record = read_record(raw, kit)
    if not record.tools:
        raise UsageError(t("update.no_project", lang, folder=folder))
    old_index = index_entries((folder / "index.md").read_text("utf-8")) if (folder / "index.md").is_file() else []
    updates = []
    for tool_id in list(record.tools):
        tool = kit.tools.get(tool_id)
        if tool is None:
            around.report(t("update.tool_gone", lang, id=tool_id))
            continue
        try:
            since: dt.date | None = dt.date.fromisoformat(record.dates.get(tool_id, ""))
        except ValueError:
            since = None
        names = [n for d in record.documents.get(tool_id, []) for n in d.files]
        if not names:
            titles = {tr(d.title, lang) for d in tool.documents} | {tr(tool.title, lang)}
            names = [n for title, tool_title, files in old_index if title in titles or tool_title in titles
                     for n in files]
        before = {n: (folder / n).read_bytes() for n in names if n.endswith(".md") and (folder / n).is_file()}
        update = ToolUpdate(tool_id, tr(tool.title, lang), since)
        own, obsolete, moved = current_answers(kit, tool, record.answers.get(tool_id, {}))
        update.lines += [t("update.renamed", lang, old=old, new=new) for old, new in moved]
        update.lines += [t("update.obsolete", lang, key=key, value=_shown(value)) for key, value in obsolete.items()]
        if (not moved and not obsolete and since == day
                and record.kit.get("tools", {}).get(tool_id) == tool_hash(tool)):
            update.lines.append(t("update.up_to_date", lang, date=format_date_long(day, lang)))
            updates.append(update)  # already brought to this date (an update resumed): not redone
            continue
        if since is not None:
            update.lines += facts_changed(kit, tool, since, day, lang)
        recorded = read_tool_answers(record_path, lang, tool_id)
        # The project's profile and shared answers count for every tool, also in a one-tool file
        # (where they sit among the tool's own): never taken for answers the agent left empty.
        common = {k: v for k, v in {**record.profile, **record.shared}.items() if v is not None}
        values = {**common, **own}
        # An optional question left unanswered then stays so: only what is required and missing
        # (a new question), or no longer fits, is asked.
        # A question new since the record (known from the record's list of questions) is asked
        # even when optional; without that list, every optional gap counts as skipped.
        known = record.kit.get("questions", {}).get(tool_id) if isinstance(record.kit.get("questions"), dict) else None
        skipped = {q.id: None for q in [*kit.info.profile, *tool_questions(kit, tool)]
                   if not q.required and q.id not in values and (not isinstance(known, list) or q.id in known)}
        key = update_session_key(folder, tool_id)
        resume = _has_session(around, key)
        if resume:  # what the agent confirmed before stopping wins over the record (a fixed answer)
            done_ids = _confirmed_in_session(around, key)
            values = {k: v for k, v in values.items() if k not in done_ids}
            skipped = {k: v for k, v in skipped.items() if k not in done_ids}
        file = replace(recorded, answers={**skipped, **values}, common=frozenset(common) - frozenset(own))
        work = engine_work.ToolWork(
            kit, tool, lang, settings=settings or Settings.from_mapping(record.settings),
            file=file, day=day, formats=_formats(folder, names) or record.formats or None, header=header,
            out=folder, write=True, session_key=key, set_aside={tool_id: obsolete} if obsolete else {},
            resume=resume,
        )
        done = engine_work.run_tool(work, around)
        update.written = done.written
        for name, old in before.items():
            new = folder / name
            if new.is_file() and new.read_bytes() != old:
                update.lines.append(t("update.rewritten", lang, file=name))
            elif new.is_file():
                update.lines.append(t("update.same", lang, file=name))
        updates.append(update)
    return updates
