"""The Python API: load a kit, run a tool or a journey with given answers, build sheets, validate.

A tool run and a journey go through the engine's entry points (``engine/work.py``), the same
the command line calls, so both write the same documents; nothing prints. See ``docs/api.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from survivalkit import clock
from survivalkit.engine import work as engine_work
from survivalkit.engine.asker import Asker, QuitRequested
from survivalkit.engine.frontend import as_frontend
from survivalkit.engine.replay import Settings, journey_answers_from, tool_answers_from
from survivalkit.engine.work import Around, Done, JourneyWork, ToolWork
from survivalkit.errors import Interrupted, Msg, Problem, SurvivalkitError, UnknownToolError, UsageError
from survivalkit.i18n import LANGS, t
from survivalkit.kit.model import Kit

KitLike = Kit | Path | str | Sequence[Path | str] | None
"""A loaded ``Kit``, a kit folder or a list of them (layered on the bundled kit in that order, as
``--kit`` does), or None (the bundled kit)."""


@dataclass(frozen=True)
class RunResult:
    """What a run produced: every file's name and bytes, and where they were written (if asked)."""

    files: dict[str, bytes]
    answers: dict[str, Any]
    written: list[Path] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    """What the terminal would have shown on the side: a kit's defect met on the way, for one."""


def load_kit(*folders: Path | str, bundled: bool = True) -> Kit:
    """The bundled kit with ``folders`` layered on top (a tool with the same id replaces it).

    Raises ``KitError`` listing every problem, each with its file, line and column.
    """
    from survivalkit.kit.loader import bundled_kit_dir
    from survivalkit.kit.loader import load_kit as _load

    roots = ([bundled_kit_dir()] if bundled else []) + [Path(f) for f in folders]
    return _load(roots).kit


def _kit(kit: KitLike, lang: str) -> Kit:
    """The kit to use: as given, or loaded from a folder (on top of the bundled kit)."""
    if isinstance(kit, Kit):
        return kit
    if kit is None:
        return load_kit()
    if isinstance(kit, str | Path):
        return load_kit(kit)
    if isinstance(kit, list | tuple) and all(isinstance(folder, str | Path) for folder in kit):
        return load_kit(*kit)
    raise UsageError(t("api.bad_kit", lang, got=type(kit).__name__))


def _settings(kit: Kit, lang: str) -> Settings:
    """What the answers file records: the language and the kit folders beyond the bundled kit,
    so that replaying it (``survivalkit run … --answers``) finds a regional tool again."""
    from survivalkit.kit.loader import bundled_kit_dir

    bundled = bundled_kit_dir().resolve()
    kits = tuple(str(Path(r).resolve()) for r in kit.roots if Path(r).resolve() != bundled)
    return Settings(lang=lang, kits=kits)


def _checked_lang(lang: str) -> str:
    if lang not in LANGS:
        raise UsageError(t("api.bad_lang", "en", got=lang, known=", ".join(LANGS)))
    return lang


def _checked_formats(formats: Sequence[str] | str | None, lang: str) -> list[str] | None:
    """Only the five formats, given as a list or as ``"md,html"``; anything else is refused."""
    from survivalkit.output.format_names import check_formats
    from survivalkit.output.formats import parse_formats

    if formats is None:
        return None
    if isinstance(formats, str):
        return parse_formats(formats, lang)
    return check_formats(formats, lang)


def _day(day: dt.date | str | None, lang: str) -> dt.date | None:
    if day is None:
        return None
    if isinstance(day, dt.datetime):
        return day.date()
    if isinstance(day, dt.date):
        return day
    from survivalkit.engine.answers import parse_date
    from survivalkit.errors import AnswerError

    try:
        return parse_date(str(day), lang)
    except AnswerError as exc:
        raise UsageError(Msg("api.bad_day", reason=exc.message)) from None


def _mapping(answers: Mapping[str, Any] | None, lang: str) -> dict[str, Any]:
    if answers is None:
        return {}
    if not isinstance(answers, Mapping):
        raise UsageError(t("api.bad_answers", lang, got=type(answers).__name__))
    return dict(answers)


def _around(asker: Asker | None, lang: str, notices: list[str]) -> Around:
    """A program answers (a refused reply given again raises); notices are kept, not printed."""
    return Around(frontend=as_frontend(asker, strict=True, lang=lang), report=notices.append)


def available_formats(lang: str = "fr") -> dict[str, str | None]:
    """Each of the five formats → None when it can be written on this machine, else what is
    missing and the command that installs it, in ``lang`` (the test ``run_tool`` makes too)."""
    from survivalkit.output.availability import format_problem
    from survivalkit.output.format_names import FORMATS

    lang = _checked_lang(lang)
    found = {fmt: format_problem(fmt) for fmt in FORMATS}
    return {fmt: None if problem is None else problem.say(lang) for fmt, problem in found.items()}


def run_tool(
    tool_id: str,
    answers: Mapping[str, Any] | None = None,
    *,
    kit: KitLike = None,
    asker: Asker | None = None,
    lang: str = "fr",
    day: dt.date | str | None = None,
    formats: Sequence[str] | None = None,
    use_defaults: bool = False,
    out: Path | str | None = None,
    force: bool = False,
    archive: bool = False,
) -> RunResult:
    """Run one tool with ``answers`` (a mapping, as in an answers file) and, if given, an ``asker``
    for what is missing; return its files, and write them into ``out`` when given.

    ``kit`` is a loaded ``Kit`` or a kit folder (layered on the bundled kit). Without an asker,
    a missing required answer raises ``MissingAnswersError``; a bad value raises ``UsageError``
    naming the question; an asker that gives the same refused reply twice raises ``AnswerError``.
    Nothing is read from or saved to the user's profile or sessions. With ``archive`` (as
    ``--archive``), each PDF is an archival PDF/A-3 carrying the answers file.

    ``formats`` defaults to PDF and Word, those of them that work on this machine (see
    ``available_formats``; what is missing is said in ``notices``); a format asked for that cannot
    be written here raises ``MissingExtraError`` before anything runs.
    """
    lang = _checked_lang(lang)
    chosen = _checked_formats(formats, lang)
    the_kit = _kit(kit, lang)
    if tool_id not in the_kit.tools:
        raise UnknownToolError(t("tool.unknown", lang, id=tool_id))
    work = ToolWork(
        the_kit, the_kit.tools[tool_id], lang, settings=_settings(the_kit, lang),
        file=tool_answers_from(_mapping(answers, lang), "answers", lang), use_defaults=use_defaults,
        day=_day(day, lang), formats=chosen,
        header=t("answers_file.header", lang, cmd=f"survivalkit run {tool_id} --answers answers.yaml"),
        out=Path(out) if out is not None else None, force=force, archive=archive,
    )
    return _run(partial(engine_work.run_tool, work), asker, lang)


def run_journey(
    answers: Mapping[str, Any] | None = None,
    *,
    kit: KitLike = None,
    asker: Asker | None = None,
    lang: str = "fr",
    day: dt.date | str | None = None,
    formats: Sequence[str] | None = None,
    out: Path | str | None = None,
    force: bool = False,
    archive: bool = False,
) -> RunResult:
    """Run the whole journey: situation, recommended tools, each tool, with a journey's
    ``answers`` (``situation``, ``tools``, ``profile``, ``shared``, ``answers`` by tool) and/or an
    ``asker``; return every file, written into ``out`` when given. With ``archive`` (as
    ``--archive``), each PDF is an archival PDF/A-3 carrying the answers file."""
    lang = _checked_lang(lang)
    chosen = _checked_formats(formats, lang)
    the_kit = _kit(kit, lang)
    work = JourneyWork(
        the_kit, lang, settings=_settings(the_kit, lang),
        file=journey_answers_from(_mapping(answers, lang), "answers", lang) if answers is not None else None,
        day=_day(day, lang), formats=chosen,
        header=t("answers_file.header", lang, cmd="survivalkit --answers answers.yaml"),
        out=Path(out) if out is not None else None, force=force, archive=archive,
    )
    return _run(partial(engine_work.run_journey, work), asker, lang)


def _run(entry: Callable[[Around], Done], asker: Asker | None, lang: str) -> RunResult:
    """One entry point run as the API's: notices collected, errors said in the run's language."""
    notices: list[str] = []
    try:
        done = entry(_around(asker, lang, notices))
    except QuitRequested:
        raise Interrupted(t("api.quit", lang)) from None
    except SurvivalkitError as exc:  # the API is an edge: its errors read in the run's language
        exc.lang = lang
        raise
    return RunResult(done.files, done.answers, done.written, notices)


def build_sheets(
    tool_ids: Sequence[str] | str | None = None,
    *,
    kit: KitLike = None,
    layout: str = "sheets",
    fmt: str = "html",
    lang: str = "fr",
    day: dt.date | str | None = None,
    stage: str | None = None,
    duplex: bool = False,
    event: str | None = None,
    place: str | None = None,
    date: dt.date | str | None = None,
    logo: Path | str | None = None,
) -> bytes:
    """Printable sheets in ``html``, ``pdf`` or ``md``, as ``survivalkit sheets`` makes them.

    ``layout``: ``sheets``, ``booklet``, ``forms`` or ``pack`` (the booklet then every form, PDF
    only); the singular works too. ``duplex`` (PDF): every sheet and form starts on a right-hand
    page. ``event``, ``place``, ``date`` and ``logo`` (a PNG or JPEG file) go on the booklet's
    cover, as ``--event``, ``--place``, ``--date`` and ``--logo`` do. ``day``: the day printed
    for (the facts in force then; today by default). A regional tool's command names the kit
    folders of ``kit``, as ``--kit`` does.
    """
    from survivalkit.sheets.build import Layout, print_sheets, sheets_work, workshop_cover

    lang = _checked_lang(lang)
    wanted = {"sheet": "sheets", "form": "forms"}.get(layout, layout)
    if wanted not in {item.value for item in Layout}:
        raise UsageError(t("api.bad_layout", lang, got=layout, known=", ".join(item.value for item in Layout)))
    the_kit = _kit(kit, lang)
    ids = [tool_ids] if isinstance(tool_ids, str) else list(tool_ids or [])
    unknown = [tid for tid in ids if tid not in the_kit.tools]
    if unknown:
        raise UnknownToolError(t("tool.unknown", lang, id=", ".join(unknown)))
    cover = workshop_cover(event, place, _day(date, lang), Path(logo) if logo is not None else None, lang)
    work = sheets_work(the_kit, [the_kit.tools[tid] for tid in ids], layout=Layout(wanted), fmt=fmt,
                       lang=lang, stage=stage, duplex=duplex, workshop=cover,
                       kits=_settings(the_kit, lang).kits)
    return print_sheets(the_kit, work, lang=lang, day=_day(day, lang) or clock.today()).data


def validate(*folders: Path | str, strict: bool = False) -> list[Problem]:
    """Every problem of the bundled kit, or of ``folders`` (kit folders or tool files) layered on it.

    With ``strict``, warnings count as problems too; otherwise only errors are returned. The
    points to check (SK190, ``info``) are never problems: ``validate --strict`` lists them.
    """
    from survivalkit.authoring.validate import validate_paths

    report = validate_paths([Path(f) for f in folders], [])
    return [p for p in report.problems
            if p.severity == "error" or (strict and p.severity == "warning")]
