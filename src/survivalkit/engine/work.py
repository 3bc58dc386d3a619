"""The engine's entry points: run one tool, run the journey. The command line, the Python API and
the tests all call these, so every policy is decided here once, the same for a run and a journey:

- **the profile** is used when a person answers at a terminal without an answers file, or when
  the caller asks for it (``use_profile``); it never slips into scripted documents otherwise;
- **the date** of the documents: the date given now, else the answers file's, else the
  continued session's, else today (``clock.today``);
- **the formats**: the formats given now, else the answers file's, else the continued
  session's, else (the journey asks at a terminal, offering) the formats remembered in the
  profile, else ``OFFICE_DEFAULT_FORMATS``;
- **which session continues**: ``resume`` True continues the newest one, None offers it at a
  terminal when nothing is scripted, False starts afresh (``engine.sessions.open_session``);
  without a store (the API) nothing is saved or continued;
- **the answers**: named layers, weakest first (``engine.sources``), validated in one pass.

The caller maps its options onto a ``ToolWork``/``JourneyWork`` and its surroundings onto
``Around`` (the front end, the store, how to report, the command to resume with); it adds its
own hints (``--set``, ``--defaults``) to the errors it shows. Nothing here prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from survivalkit import clock
from survivalkit.engine.asker import QuitRequested
from survivalkit.engine.frontend import Frontend
from survivalkit.engine.journey import SESSION_KEY, Journey
from survivalkit.engine.replay import JourneyAnswers, Settings, ToolAnswers
from survivalkit.engine.sessions import Autosave, Start, choose_start, open_session
from survivalkit.engine.sources import AnswerSources
from survivalkit.engine.store import Store
from survivalkit.engine.tool_run import ToolRun, ask_tool, remember_profile, remember_profile_values
from survivalkit.errors import Interrupted, Msg, SessionError, SurvivalkitError, UsageError
from survivalkit.i18n import t
from survivalkit.kit.model import Kit, Tool
from survivalkit.output.availability import problems, rememberable, require, usable_default, works_here
from survivalkit.output.format_names import FORMAT_LABELS, check_formats
from survivalkit.output.formats import FORMATS
from survivalkit.output.render import Locator


# --- the policies ------------------------------------------------------------------------------
def choose_day(given: dt.date | None, file: dt.date | None, session: object, today: dt.date) -> dt.date:
    """The documents' date: given now, else the answers file's, else the session's (when it is a
    plausible date: never 9999-12-31), else today."""
    return given or file or clock.saved_day(session) or today


def _said_session_day(around: Around, lang: str, given: dt.date | None, file: dt.date | None,
                      session: object) -> None:
    """A session date that would be used but is not a plausible date: say so, naming the field."""
    if given or file or session is None or clock.saved_day(session) is not None:
        return
    import json

    shown = session if isinstance(session, str) else json.dumps(session, default=str)
    around.report(t("session.bad_date", lang, value=shown[:40]))


def remembered_formats(profile: Mapping[str, Any]) -> list[str]:
    """The formats chosen last time (kept in the profile), known ones that work on this machine."""
    remembered = profile.get("formats")
    return rememberable(remembered) if isinstance(remembered, list) else []


def choose_formats(given: Sequence[str] | None, *recorded: object, profile: Mapping[str, Any],
                   lang: str = "en", report: Callable[[str], None] | None = None) -> list[str]:
    """Given now, else the first recorded list (answers file, session), else the profile's, else
    the default pair. Only the five formats exist: a given or recorded name that is not one of
    them is refused (``UsageError`` naming it and the accepted ones), and one that cannot be
    written on this machine too (``MissingExtraError`` saying how to install what it needs), before
    anything runs. Of the profile's or the default formats, those that work here are kept; what is
    missing for the others goes to ``report``, with the formats written instead."""
    if given:
        return require(check_formats(given, lang))
    for formats in recorded:
        if formats:
            return require(check_formats(formats, lang))
    saved = profile.get("formats")
    kept, missing = usable_default(check_known(saved) if isinstance(saved, list) else ())
    if report is not None and missing:
        say_unavailable(missing, kept, lang, report)
    return kept


def check_known(values: Sequence[object]) -> list[str]:
    """The known format names among ``values`` (a profile written by hand may hold anything)."""
    return [f for f in FORMATS if f in values]


def say_unavailable(missing: Sequence[Msg], kept: Sequence[str], lang: str,
                    report: Callable[[str], None], *, key: str = "formats.instead") -> None:
    """What is missing on this machine and how to install it, then the formats written instead."""
    for problem in missing:
        report(problem.say(lang))
    labels = ", ".join(label[lang if lang in label else "en"] for f, label in FORMAT_LABELS.items() if f in kept)
    report(t(key, lang, formats=labels))


def profile_applies(*, interactive: bool, scripted: bool, use_profile: bool) -> bool:
    """Whether the saved profile fills answers: a person typing without a file, or on purpose."""
    return (interactive and not scripted) or use_profile


# --- what the caller gives -------------------------------------------------------------------
@dataclass
class Around:
    """The surroundings of a run: who answers, where the agent's data lives, how to talk back."""

    frontend: Frontend | None = None
    """Who answers what is missing (None: nobody; a missing required answer is an error)."""
    store: Store | None = None
    """The profile and the sessions (None: nothing read or saved, as in the API)."""
    report: Callable[[str], None] = lambda _: None
    """Where notices go (a damaged profile, a session kept as a backup…)."""
    resume_command: str = ""
    """The command that continues this work, said when it stops unfinished."""
    confirm_overwrite: Callable[[list[Path]], bool] | None = None
    """Asked before replacing files in the output folder (None: never replace without ``force``)."""

    @property
    def interactive(self) -> bool:
        return self.frontend is not None


@dataclass
class ToolWork:
    """One tool's run, as asked."""

    kit: Kit
    tool: Tool
    lang: str
    settings: Settings | None = None
    file: ToolAnswers | None = None
    sets: Mapping[str, Any] = field(default_factory=dict)
    use_defaults: bool = False
    use_profile: bool = False
    resume: bool | None = None
    day: dt.date | None = None
    today: dt.date | None = None
    """Today's date, when the caller fixes it; else the one clock is read once, here."""
    formats: Sequence[str] | None = None
    header: str = ""
    """The first lines of the answers file (how to replay it, in the caller's words)."""
    out: Path | None = None
    """The folder to write into; None with ``write`` writes into the default dated folder."""
    write: bool = False
    force: bool = False
    locate: Locator | None = None
    archive: bool = False
    """Each PDF as an archival PDF/A-3 carrying the answers file."""
    session_key: str | None = None
    """The session this run saves into (default ``tool-<id>``; ``survivalkit update`` has its own)."""
    set_aside: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Answers kept aside in the project's record (per tool: their question no longer exists)."""
    propagate: bool = False
    """Without a terminal: a datum changed here updates the project's other documents that use it
    (at a terminal the person is asked)."""


@dataclass
class JourneyWork:
    """The guided journey, as asked."""

    kit: Kit
    lang: str
    settings: Settings | None = None
    file: JourneyAnswers | None = None
    use_profile: bool = False
    resume: bool | None = None
    day: dt.date | None = None
    today: dt.date | None = None
    """Today's date, when the caller fixes it; else the one clock is read once, here."""
    formats: Sequence[str] | None = None
    header: str = ""
    out: Path | None = None
    write: bool = False
    force: bool = False
    archive: bool = False
    """Each PDF as an archival PDF/A-3 carrying the answers file."""
    propagate: bool = False
    """Without a terminal: a datum changed here updates the project's other documents that use it."""


@dataclass(frozen=True)
class Done:
    """What a run produced: every file's name and bytes, the answers, and where they went."""

    files: dict[str, bytes]
    answers: dict[str, Any]
    day: dt.date
    written: list[Path]
    ignored: list[str] = field(default_factory=list)
    """Questions answered in a filled PDF form that do not apply (their condition is false)."""
    pending: list[str] = field(default_factory=list)
    """Data changed here that other documents of the project still use with their old value, in
    words (nobody was asked, and ``propagate`` was not given): the caller says how to carry them."""


# --- the entry points -------------------------------------------------------------------------
def run_tool(work: ToolWork, around: Around) -> Done:
    """One tool: sources, the questions still missing, the documents, written when asked."""
    lang, interactive, file = work.lang, around.interactive, work.file
    if file is not None and file.tool and file.tool != work.tool.id:
        raise UsageError(t("answers_file.other_tool", lang, file=file.source, tool=file.tool))
    scripted = file is not None or bool(work.sets)
    person = profile_applies(interactive=interactive, scripted=file is not None, use_profile=work.use_profile)
    profile = _profile(around, lang) if person or not work.formats else {}
    opened = open_session(
        around.store, work.session_key or f"tool-{work.tool.id}", resume=work.resume, interactive=interactive,
        scripted=scripted, frontend=around.frontend, lang=lang, resume_command=around.resume_command,
        report=around.report,
    )
    restored = opened.restored or {}
    _said_session_day(around, lang, work.day, file.date if file else None, restored.get("date"))
    today = work.today or clock.today()  # the clock, read once for the whole work
    day = choose_day(work.day, file.date if file else None, restored.get("date"), today)
    formats = choose_formats(work.formats, file.formats if file else None, profile=profile, lang=lang,
                             report=around.report)
    run = ToolRun(work.kit, work.tool, lang=lang, day=day, settings=work.settings or Settings(lang=lang),
                  locate=work.locate, report=around.report, today=today)
    run.autosave = opened.autosave
    session_state = restored.get("state", {}).get("interview") if isinstance(restored.get("state"), dict) else None
    given = dict(file.answers) if file else {}
    asked = {q.id for q in run.interview.questions}
    if file is not None and file.form:
        # A filled PDF form may hold other tools' forms too: only this tool's questions count.
        given = {key: value for key, value in given.items() if key in asked}
    elif file is not None and file.common:
        # A project's record: what it shares between tools counts where this tool asks it.
        given = {key: value for key, value in given.items() if key not in file.common or key in asked}
    sources = AnswerSources(
        profile=profile if person else {},
        session=session_state if isinstance(session_state, dict) else None,
        answers_file=given,
        answers_file_name=file.source if file else "--answers",
        sets=work.sets,
        use_defaults=work.use_defaults,
    )
    try:
        missing = run.fill(sources, interactive=interactive)
        if work.out is not None:  # another tool of a project: what the project knows is given
            from survivalkit.engine.project import folder_common, folder_data, give_common, give_data

            reused = give_common(run.interview, folder_common(work.out, work.kit))
            reused += give_data(run.interview, folder_data(work.out, work.kit), work.kit, tool=work.tool.id)
            missing = [m for m in missing if m not in reused]
        applicable = {q.id for q in run.interview.applicable()}
        ignored = [key for key in given if key not in applicable] if file and file.form else []
        if restored:
            around.report(t("resume.from", lang, n=len(run.interview.confirmed)))
        ask_tool(run, around.frontend, interactive=interactive, missing=missing)
        if interactive and file is None and around.store is not None:
            store = around.store
            _quietly(around, lang, lambda: remember_profile(store, work.kit, run.interview))
        files = run.documents(formats, header=work.header, archive=work.archive)
        written = _write(work.out, work.write, files, day=day, force=work.force, around=around,
                         kit=work.kit, lang=lang, name=_project_name([run.answers()], files),
                         set_aside=work.set_aside, archive=work.archive)
        pending = _carry(written, [work.tool.id], work=work, around=around, day=day,
                         propagate=work.propagate or bool(file and file.propagate))
    except (KeyboardInterrupt, QuitRequested):
        saved = run.save() if run.interview.confirmed else opened.autosave.ok
        raise _stopped(opened.autosave, saved=saved, lang=lang, around=around) from None
    except BaseException:
        if not interactive and opened.restored is None:
            opened.autosave.discard()  # nobody typed anything: a failed scripted run leaves no session
        else:
            opened.autosave.release()
        raise
    opened.autosave.finish()
    return Done(files, run.answers(), day, written, ignored, pending)


def run_journey(work: JourneyWork, around: Around) -> Done:
    """The journey: situation, tools, each tool's questions, formats, then the documents."""
    lang, interactive, file = work.lang, around.interactive, work.file
    person = profile_applies(interactive=interactive, scripted=file is not None, use_profile=work.use_profile)
    profile = _profile(around, lang) if person or not work.formats else {}
    start = Start(work.resume)
    if interactive and file is None and work.resume is None and work.out is None:
        # A person at a terminal: their unfinished session, a project in progress, or a new one.
        start = choose_start(around.store, SESSION_KEY, frontend=around.frontend, lang=lang, kit=work.kit,
                             report=around.report)
    opened = open_session(
        around.store, SESSION_KEY, resume=start.resume, interactive=interactive, scripted=file is not None,
        frontend=around.frontend, lang=lang, resume_command=around.resume_command, report=around.report,
    )
    restored = opened.restored or {}
    state = restored.get("state") if isinstance(restored.get("state"), dict) else {}
    _said_session_day(around, lang, work.day, file.date if file else None, restored.get("date"))
    today = work.today or clock.today()  # the clock, read once for the whole work
    day = choose_day(work.day, file.date if file else None, restored.get("date"), today)
    recorded = (file.formats if file else None, state.get("formats") if isinstance(state, dict) else None)
    given_formats = (choose_formats(work.formats, *recorded, profile={}, lang=lang)
                     if work.formats or any(recorded) else None)
    if given_formats is None and not interactive:
        given_formats = choose_formats(None, profile=profile, lang=lang, report=around.report)
    elif given_formats is None:  # asked at the end: what cannot be offered is said now
        missing = problems(FORMATS)
        if missing:
            say_unavailable(missing, works_here(FORMATS), lang, around.report, key="formats.offered")
    journey = Journey(work.kit, lang=lang, day=day, interactive=interactive, settings=work.settings,
                      profile=profile if person else {}, formats=given_formats, report=around.report,
                      today=today)
    journey.remembered_formats = remembered_formats(profile)
    journey.autosave = opened.autosave
    if file is not None:
        journey.use_answers_file(file)
    if start.project is not None:
        journey.continue_project(start.project)
    if opened.restored:
        journey.restore(opened.restored)
        around.report(t("journey.resumed", lang))
    journey.day = day  # the policy above, whatever the file or the session said
    if work.day is not None:  # a date given now dates every document
        journey.tool_days = {}
    journey.situation.base["doc_date"] = day
    try:
        journey.run(around.frontend)
        if interactive and file is None and around.store is not None:
            store = around.store
            values = journey.typed_profile()
            values["formats"] = rememberable(journey.formats or [])  # never one that fails here
            _quietly(around, lang, lambda: remember_profile_values(store, values))
        files = journey.documents(header=work.header, archive=work.archive)
        written = _write(work.out or journey.project, work.write, files, day=day, force=work.force,
                         around=around, kit=work.kit, lang=lang,
                         name=_project_name(list(journey.results().values()), files), archive=work.archive)
        pending = _carry(written, list(journey.picked or []), work=work, around=around, day=day,
                         propagate=work.propagate or bool(file and file.propagate))
    except (KeyboardInterrupt, QuitRequested):
        journey.save()
        raise _stopped(opened.autosave, saved=opened.autosave.ok, lang=lang, around=around) from None
    except BaseException:
        if not interactive and opened.restored is None:
            opened.autosave.discard()  # nobody typed anything: a failed scripted run leaves no session
        else:
            opened.autosave.release()
        raise
    opened.autosave.finish()
    return Done(files, {tid: dict(a) for tid, a in journey.results().items()}, day, written, pending=pending)


# --- shared steps -----------------------------------------------------------------------------
def _profile(around: Around, lang: str) -> dict[str, Any]:
    """The saved profile; a damaged one is set aside and the user told, and so is each field of
    the wrong form (named, never shown as a Python value)."""
    if around.store is None:
        return {}
    try:
        values = around.store.load_profile()
    except SessionError as exc:
        around.report(exc.say(lang))
        return {}
    for problem in around.store.profile_problems:
        around.report(problem.say(lang))
    return values


def _quietly(around: Around, lang: str, save: Callable[[], None]) -> None:
    """A profile save never stops the work: a failure is said, then the run goes on."""
    try:
        save()
    except SessionError as exc:
        around.report(t("save.failed", lang, error=exc))


def _stopped(autosave: Autosave, *, saved: bool, lang: str, around: Around) -> Interrupted:
    """Ctrl-C or "quitter": let the session go, and say how to resume, or that nothing was saved."""
    autosave.release()
    if autosave.nothing:  # nothing answered yet: no session kept, nothing to resume
        return Interrupted(t("interrupted.nothing", lang))
    return Interrupted(t("interrupted.resume" if saved else "interrupted.not_saved", lang,
                         cmd=around.resume_command))


def _project_name(answers: Sequence[Mapping[str, Any]], files: Mapping[str, bytes]) -> str | None:
    """What the default folder is named after: the project, else the first document's subject."""
    for values in answers:
        name = values.get("projet_nom")
        if isinstance(name, str) and name.strip():
            return name
    from survivalkit.output.bundle import ANSWERS_FILE

    documents = [n for n in files if n != ANSWERS_FILE and not n.startswith("index.")]
    return documents[0].partition(".")[0] if documents else None


def _write(out: Path | None, write: bool, files: dict[str, bytes], *, day: dt.date, force: bool,
           around: Around, kit: Kit, lang: str, name: str | None,
           set_aside: Mapping[str, Mapping[str, Any]] | None = None, archive: bool = False) -> list[Path]:
    """Write the whole folder at once (``out``, else the project's folder when ``write``).

    A folder that already holds a project gets this run's documents and answers added: nothing
    of another tool is replaced, and this tool's earlier documents are kept as previous versions
    (``engine.project``). Only files the project does not know are asked about before replacing.
    """
    if out is None and not write:
        return []
    from survivalkit.engine.project import merge_into_folder
    from survivalkit.errors import OutputError
    from survivalkit.files.writer import write_files
    from survivalkit.output.bundle import default_out_dir

    folder = out or default_out_dir(day, name)
    confirm = around.confirm_overwrite if around.interactive else None
    merged = merge_into_folder(folder, files, kit=kit, lang=lang, day=day, set_aside=set_aside,
                               archive=archive)
    if not merged.replaceable:
        written = write_files(folder, files, force=force, confirm_overwrite=confirm)
    else:
        foreign = [folder / n for n in merged.files if n not in merged.replaceable and (folder / n).exists()]
        if foreign and not force and (confirm is None or not confirm(foreign)):
            raise OutputError(t("project.foreign_files", lang, folder=folder,
                                names=", ".join(p.name for p in foreign)))
        written = write_files(folder, merged.files, force=True)
    _remember(around, folder, kit, lang)
    return written


def _carry(written: list[Path], tools: Sequence[str], *, work: ToolWork | JourneyWork, around: Around,
           day: dt.date, propagate: bool) -> list[str]:
    """A datum of the project changed by this run reaches the other documents that use it, after
    confirmation: asked at a terminal, else done when ``propagate`` says so. Those documents are
    written again with the new value (their current version kept, the index updated); never
    silently: what is not carried is returned, in words."""
    from dataclasses import replace

    from survivalkit.engine.project import (
        confirm_change,
        current_answers,
        read_folder,
        recorded_formats,
        stale_data,
    )
    from survivalkit.engine.replay import read_tool_answers
    from survivalkit.kit.model import tool_questions
    from survivalkit.output.bundle import ANSWERS_FILE

    kit, lang = work.kit, work.lang
    folder = written[0].parent if written else None
    record = read_folder(folder, kit) if folder is not None else None
    if folder is None or record is None:
        return []
    pending: list[str] = []
    new_values: dict[str, dict[str, Any]] = {}
    for change in stale_data(record, kit, tools):
        said = change.said(kit, record, lang)
        if around.frontend is not None:
            agreed = confirm_change(around.frontend, said, lang)
        else:
            agreed = propagate
        if not agreed:
            pending.append(said if around.frontend is None else f"{said} {t('data.not_carried', lang)}")
            continue
        for tool_id in change.tools:
            questions = tool_questions(kit, kit.tools[tool_id])
            new_values.setdefault(tool_id, {}).update(
                {q.id: change.value for q in questions if q.datum == change.datum})
    for tool_id, values in new_values.items():
        recorded = read_tool_answers(folder / ANSWERS_FILE, lang, tool_id)
        own, _, _ = current_answers(kit, kit.tools[tool_id], recorded.answers)
        again = ToolWork(kit, kit.tools[tool_id], lang, settings=work.settings,
                         file=replace(recorded, answers={**own, **values}, propagate=False), day=day,
                         formats=recorded_formats(record, folder, tool_id), header=work.header, out=folder,
                         write=True, archive=work.archive)
        try:
            redone = run_tool(again, Around(report=around.report))
        except SurvivalkitError as exc:  # this run's documents are written: say it, never lose them
            around.report(t("data.carry_failed", lang, tool=_title(kit, tool_id, lang), error=exc.say(lang)))
            continue
        around.report(t("data.carried", lang, tool=_title(kit, tool_id, lang)))
        written.extend(p for p in redone.written if p not in written)  # said with this run's files
    if new_values:
        _remember(around, folder, kit, lang)
    return pending


def _title(kit: Kit, tool_id: str, lang: str) -> str:
    from survivalkit.text.localized import tr

    return tr(kit.tools[tool_id].title, lang)


def _remember(around: Around, folder: Path, kit: Kit, lang: str) -> None:
    """Note the folder in the list of projects in progress (the user's data folder), so that a
    plain ``survivalkit`` offers it; a failure is said and never stops the work."""
    if around.store is None:
        return
    from survivalkit.engine.project import last_date, project_name, read_folder

    record = read_folder(folder, kit)
    if record is None or not record.tools:
        return
    store = around.store
    _quietly(around, lang, lambda: store.remember_project(
        folder, name=project_name(record, folder), tools=list(record.tools), last=last_date(record)))

