"""The Python API: load a kit, run a tool or a journey with given answers, build sheets, validate.

A tool run and a journey go through the engine's entry points (``engine/work.py``), the same
the command line calls, so both write the same documents; nothing prints. See ``docs/api.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from survivalkit import clock
from survivalkit.engine import work as engine_work
from survivalkit.engine.frontend import as_frontend
from survivalkit.engine.interview import Asker
from survivalkit.engine.replay import Settings, journey_answers_from, tool_answers_from
from survivalkit.engine.work import Around, JourneyWork, ToolWork
from survivalkit.errors import Problem, UnknownToolError, UsageError
from survivalkit.i18n import t
from survivalkit.kit.model import Kit
from survivalkit.output.format_names import OFFICE_DEFAULT_FORMATS


@dataclass(frozen=True)
class RunResult:
    """What a run produced: every file's name and bytes, and where they were written (if asked)."""

    files: dict[str, bytes]
    answers: dict[str, Any]
    written: list[Path] = field(default_factory=list)


def load_kit(*folders: Path | str, bundled: bool = True) -> Kit:
    """The bundled kit with ``folders`` layered on top (a tool with the same id replaces it).

    Raises ``KitError`` listing every problem, each with its file, line and column.
    """
    from survivalkit.kit.loader import bundled_kit_dir
    from survivalkit.kit.loader import load_kit as _load

    roots = ([bundled_kit_dir()] if bundled else []) + [Path(f) for f in folders]
    return _load(roots).kit


def run_tool(
    tool_id: str,
    answers: Mapping[str, Any] | None = None,
    *,
    kit: Kit | None = None,
    asker: Asker | None = None,
    lang: str = "fr",
    day: dt.date | None = None,
    formats: Sequence[str] = OFFICE_DEFAULT_FORMATS,
    use_defaults: bool = False,
    out: Path | str | None = None,
    force: bool = False,
) -> RunResult:
    """Run one tool with ``answers`` (a mapping, as in an answers file) and, if given, an ``asker``
    for what is missing; return its files, and write them into ``out`` when given.

    Without an asker, a missing required answer raises ``MissingAnswersError``; a bad value
    raises ``UsageError`` naming the question. Nothing is read from or saved to the user's profile.
    """
    kit = kit or load_kit()
    if tool_id not in kit.tools:
        raise UnknownToolError(t("tool.unknown", lang, id=tool_id))
    work = ToolWork(
        kit, kit.tools[tool_id], lang, settings=Settings(lang=lang),
        file=tool_answers_from(dict(answers or {}), "answers", lang), use_defaults=use_defaults,
        day=day, formats=list(formats),
        header=t("answers.header", lang, cmd=f"survivalkit run {tool_id} --answers answers.yaml"),
        out=Path(out) if out is not None else None, force=force,
    )
    done = engine_work.run_tool(work, Around(frontend=as_frontend(asker)))
    return RunResult(done.files, done.answers, done.written)


def run_journey(
    answers: Mapping[str, Any] | None = None,
    *,
    kit: Kit | None = None,
    asker: Asker | None = None,
    lang: str = "fr",
    day: dt.date | None = None,
    formats: Sequence[str] | None = None,
    out: Path | str | None = None,
    force: bool = False,
) -> RunResult:
    """Run the whole journey: situation, recommended tools, each tool, with a journey's
    ``answers`` (``situation``, ``tools``, ``profile``, ``shared``, ``answers`` by tool) and/or an
    ``asker``; return every file, written into ``out`` when given."""
    kit = kit or load_kit()
    work = JourneyWork(
        kit, lang, settings=Settings(lang=lang),
        file=journey_answers_from(dict(answers), "answers", lang) if answers is not None else None,
        day=day, formats=list(formats) if formats else None,
        header=t("answers.header", lang, cmd="survivalkit --answers answers.yaml"),
        out=Path(out) if out is not None else None, force=force,
    )
    done = engine_work.run_journey(work, Around(frontend=as_frontend(asker)))
    return RunResult(done.files, done.answers, done.written)


def build_sheets(
    tool_ids: Sequence[str] | None = None,
    *,
    kit: Kit | None = None,
    layout: str = "sheets",
    fmt: str = "html",
    lang: str = "fr",
    day: dt.date | None = None,
    stage: str | None = None,
) -> bytes:
    """Printable sheets (``layout``: ``sheets``, ``booklet`` or ``forms``) in ``html``, ``pdf`` or ``md``.

    ``sheet`` and ``form`` are accepted for one tool's sheet or form; an unknown layout raises
    ``UsageError`` listing the known ones."""
    from survivalkit.sheets.build import Layout, build, select_tools

    kit = kit or load_kit()
    unknown = [tid for tid in tool_ids or [] if tid not in kit.tools]
    if unknown:
        raise UnknownToolError(t("tool.unknown", lang, id=", ".join(unknown)))
    tools = select_tools(kit, [kit.tools[tid] for tid in tool_ids] if tool_ids else None, stage, lang)
    layout = {"sheet": "sheets", "form": "forms"}.get(layout, layout)
    if layout not in {item.value for item in Layout}:
        raise UsageError(t("sheets.bad_layout", lang, value=layout,
                           known=", ".join(item.value for item in Layout)))
    result = build(kit, tools, layout=Layout(layout), fmt=fmt, lang=lang, day=day or clock.today(), stage=stage)
    return result.data


def validate(*folders: Path | str, strict: bool = False) -> list[Problem]:
    """Every problem of the bundled kit, or of ``folders`` (kit folders or tool files) layered on it.

    With ``strict``, warnings count as problems too; otherwise only errors are returned.
    """
    from survivalkit.authoring.validate import validate_paths

    report = validate_paths([Path(f) for f in folders], [])
    return [p for p in report.problems if strict or p.severity == "error"]
