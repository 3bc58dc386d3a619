"""``survivalkit run TOOL``: one tool's questions, recap and documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from survivalkit.cli.app import LANG, KitOpt, LangOpt, PlainOpt
from survivalkit.errors import Interrupted, UsageError
from survivalkit.i18n import t

if TYPE_CHECKING:
    from survivalkit.cli.app import Env


def register(app: typer.Typer, env_class: type[Env]) -> None:
    """Add the command to ``app``."""
    @app.command("run", help=t("cmd.run", LANG))
    def run(
        tool_id: Annotated[str, typer.Argument(metavar=t("metavar.tool", LANG), help=t("arg.tool", LANG))],
        answers: Annotated[
            Path | None, typer.Option("--answers", "-a", help=t("opt.answers", LANG), metavar=t("metavar.file", LANG))
        ] = None,
        set_: Annotated[
            list[str] | None, typer.Option("--set", help=t("opt.set", LANG), metavar=t("metavar.keyvalue", LANG))
        ] = None,
        defaults: Annotated[bool, typer.Option("--defaults", help=t("opt.defaults", LANG))] = False,
        resume: Annotated[bool, typer.Option("--resume", help=t("opt.resume", LANG))] = False,
        out: Annotated[Path | None, typer.Option("--out", "-o", help=t("opt.out", LANG),
                metavar=t("metavar.folder", LANG))] = None,
        formats: Annotated[str | None, typer.Option("--format", "-f", help=t("opt.format", LANG),
                metavar="FORMATS")] = None,
        use_profile: Annotated[bool, typer.Option("--use-profile", help=t("opt.use_profile", LANG))] = False,
        force: Annotated[bool, typer.Option("--force", help=t("opt.force", LANG))] = False,
        date: Annotated[str | None, typer.Option("--date", help=t("opt.date", LANG), metavar="DATE")] = None,
        kit: KitOpt = None,
        lang: LangOpt = None,
        plain: PlainOpt = False,
    ) -> None:
        env = env_class(kit, lang, plain)
        run_tool(
            env,
            tool_id,
            answers_file=answers,
            sets=set_ or [],
            use_defaults=defaults,
            resume=resume,
            out=out,
            formats=formats,
            force=force,
            date=date,
            use_profile=use_profile,
        )


def parse_day(text: str | None, lang: str) -> dt.date | None:
    """``--date`` in any accepted date form."""
    if text is None:
        return None
    from survivalkit.engine.answers import parse_date
    from survivalkit.errors import AnswerError

    try:
        return parse_date(text, lang)
    except AnswerError as exc:
        raise UsageError(f"--date: {exc}") from None


def run_tool(
    env: Env,
    tool_id: str,
    *,
    answers_file: Path | None,
    sets: list[str],
    use_defaults: bool,
    resume: bool,
    out: Path | None,
    formats: str | None,
    force: bool,
    date: str | None,
    use_profile: bool = False,
) -> None:
    """Map the options onto a ``ToolRun``, then write its documents and say what to do next."""
    from survivalkit import clock
    from survivalkit.cli.frontend import TerminalFrontend
    from survivalkit.engine.interview import QuitRequested
    from survivalkit.engine.replay import read_tool_answers
    from survivalkit.engine.sessions import open_session
    from survivalkit.engine.sources import AnswerSources, parse_set_options
    from survivalkit.engine.store import Store
    from survivalkit.engine.tool_run import ToolRun, ask_tool, remember_profile
    from survivalkit.kit.loader import locator_for
    from survivalkit.kit.model import tr

    store = Store()
    key = f"tool-{tool_id}"
    file = read_tool_answers(answers_file, env.lang) if answers_file is not None else None
    if file is not None:
        env.adopt(file.settings)
    elif resume or env.interactive():
        peek = store.latest(key)
        if peek is not None:
            env.adopt(_session_settings(peek.path))
    lang = env.lang
    tool = env.tool(tool_id)
    if file is not None and file.tool and file.tool != tool.id:
        raise UsageError(t("answers.other_tool", lang, file=answers_file, tool=file.tool))
    fmt_list = _formats(formats, env)
    interactive = env.interactive()
    frontend = TerminalFrontend(env.display) if interactive else None
    resume_cmd = env.command("run", tool.id, "--resume")
    opened = open_session(
        store, key, resume=True if resume else None, interactive=interactive,
        scripted=file is not None or bool(sets), frontend=frontend, lang=lang,
        resume_command=resume_cmd, report=env.display.notice,
    )
    restored = opened.restored or {}
    day = parse_day(date, lang) or (file.date if file else None) or _iso(restored.get("date")) or clock.today()
    run = ToolRun(env.kit, tool, lang=lang, day=day, settings=env.settings(), store=store,
                  locate=locator_for(tool, env.loaded.sources))
    run.autosave = opened.autosave
    session_state = restored.get("state", {}).get("interview") if restored else None
    sources = AnswerSources(
        profile=_profile(env, store) if (interactive and file is None) or use_profile else {},
        session=session_state if isinstance(session_state, dict) else None,
        answers_file=file.answers if file else {},
        answers_file_name=file.source if file else "--answers",
        sets=parse_set_options(sets),
        use_defaults=use_defaults,
    )
    try:
        missing = run.fill(sources, interactive=interactive)
        if restored:
            env.display.notice(t("resume.from", lang, n=len(run.interview.confirmed)))

        def interrupted() -> None:
            if run.interview.confirmed:
                run.save()

        if frontend is not None:
            frontend._section = tr(tool.title, lang)
        ask_tool(run, frontend, interactive=interactive, missing=missing, on_interrupt=interrupted)
        if interactive and file is None:
            save_quietly(env, lambda: remember_profile(store, env.kit, run.interview))
        header = t("answers.header", lang, cmd=env.command("run", tool.id, "--answers", "answers.yaml"))
        files = run.documents(fmt_list, header=header)
        written = write_bundle(env, files, out=out, force=force, day=day, interactive=interactive)
    except (KeyboardInterrupt, QuitRequested):
        saved = run.save() if run.interview.confirmed else opened.autosave.ok
        opened.autosave.release()
        key_msg = "interrupted.resume" if saved else "interrupted.not_saved"
        raise Interrupted(t(key_msg, lang, cmd=resume_cmd)) from None
    except BaseException:
        opened.autosave.release()
        raise
    opened.autosave.finish()
    report_written(env, written, out_files=files)


def _iso(value: object) -> dt.date | None:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _session_settings(path: Path) -> Any:
    """The settings recorded in a session file (none when it cannot be read)."""
    import json

    from survivalkit.engine.replay import Settings
    from survivalkit.engine.store import MAX_SESSION_BYTES

    try:
        if path.stat().st_size > MAX_SESSION_BYTES:
            return Settings()
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return Settings()
    settings = data.get("settings") if isinstance(data, dict) else None
    return Settings.from_mapping(settings) if isinstance(settings, dict) else Settings()


def _formats(formats: str | None, env: Env) -> list[str]:
    """``--format``, else the formats remembered in the profile, else PDF and Word."""
    from survivalkit.output.format_names import OFFICE_DEFAULT_FORMATS
    from survivalkit.output.formats import parse_formats

    if formats:
        return parse_formats(formats)
    remembered = env.remembered_formats()
    return remembered or list(OFFICE_DEFAULT_FORMATS)


def _profile(env: Env, store: Any) -> dict[str, Any]:
    from survivalkit.errors import SessionError

    try:
        profile: dict[str, Any] = store.load_profile()
        return profile
    except SessionError as exc:
        env.display.notice(str(exc))
        return {}


_warned: set[str] = set()


def save_quietly(env: Env, save: Any) -> None:
    """Profile saves never stop the work: a failure is reported once, then ignored."""
    from survivalkit.errors import SessionError

    try:
        save()
    except SessionError as exc:
        message = t("save.failed", env.lang, error=exc)
        if message not in _warned:
            _warned.add(message)
            env.display.notice(message)


def write_bundle(
    env: Env, files: dict[str, bytes], *, out: Path | None, force: bool, day: dt.date, interactive: bool
) -> list[Path]:
    """Write the whole folder at once; ask before replacing files (only at a terminal)."""
    from survivalkit.output.bundle import default_out_dir
    from survivalkit.output.writer import write_files

    folder = out or default_out_dir(day)

    def confirm(existing: list[Path]) -> bool:
        if not interactive:
            return False
        names = ", ".join(p.name for p in existing)
        reply = env.display.console.input(env.display.fr(t("overwrite.ask", env.lang, names=names)) + " ")
        from survivalkit.engine.answers import parse_bool
        from survivalkit.errors import AnswerError

        try:
            return parse_bool(reply, env.lang)
        except AnswerError:
            return False

    return write_files(folder, files, force=force, confirm_overwrite=confirm)


def report_written(env: Env, written: list[Path], *, out_files: dict[str, bytes]) -> None:
    """What was written, which file to open first, and what to do next."""
    d = env.display
    d.title(t("written.title", env.lang))
    if not written:
        return
    folder = written[0].parent
    d.say(t("written.folder", env.lang, folder=folder))
    for path in written:
        d.say(f"  {path.name}")
    first = _first_to_open(written)
    if first is not None:
        d.say("")
        d.say(t("written.open_first", env.lang, file=first), "bold")
    d.say(t("written.next", env.lang))


def _first_to_open(written: list[Path]) -> Path | None:
    """The index page when there is one, else the first PDF, else the first document."""
    by_name = {p.name: p for p in written}
    documents = [p for p in written if p.stem not in ("index", "answers")]
    if "index.html" in by_name and len({p.stem for p in documents}) > 1:
        return by_name["index.html"]  # several documents: the page that links them all
    for suffix in (".pdf", ".docx", ".odt", ".html", ".md"):
        for path in documents:
            if path.suffix == suffix:
                return path
    return None
