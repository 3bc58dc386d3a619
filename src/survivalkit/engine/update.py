"""``survivalkit update FOLDER``: bring a project up to date with the current kit and a new date.

Every tool of the project is run again from its recorded answers, dated ``day`` (by default
today: the day the work would now be engaged). Only what the answers no longer give is asked (a
new question, an answer that no longer fits); the earlier documents are kept as the previous
version (``engine.project``); and for each tool, in plain words, what changed: the dated figures
its documents rely on, and which documents now read differently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from survivalkit.engine import work as engine_work
from survivalkit.engine.project import index_entries, read_record
from survivalkit.engine.replay import Settings, read_tool_answers
from survivalkit.errors import UsageError
from survivalkit.i18n import t
from survivalkit.kit.model import Kit, Tool
from survivalkit.output.bundle import ANSWERS_FILE
from survivalkit.output.format_names import FORMAT_LABELS
from survivalkit.sandbox.expressions import FactLookupError, fact_at
from survivalkit.text.localized import tr


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
        if since is not None:
            update.lines += facts_changed(kit, tool, since, day, lang)
        work = engine_work.ToolWork(
            kit, tool, lang, settings=settings or Settings.from_mapping(record.settings),
            file=read_tool_answers(record_path, lang, tool_id), day=day,
            formats=_formats(folder, names) or record.formats or None, header=header,
            out=folder, write=True,
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
