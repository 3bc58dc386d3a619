"""``survivalkit run TOOL``: one tool's questions, recap and documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from survivalkit.cli.app import LANG, KitOpt, LangOpt, PlainOpt
from survivalkit.errors import UsageError
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
    from survivalkit.cli.work import (
        adopt_recorded,
        load_profile,
        parse_day,
        report_written,
        save_quietly,
        stopped,
        write_bundle,
    )
    from survivalkit.engine.interview import QuitRequested
    from survivalkit.engine.replay import read_tool_answers
    from survivalkit.engine.sessions import open_session
    from survivalkit.engine.sources import AnswerSources, parse_set_options
    from survivalkit.engine.store import Store
    from survivalkit.engine.tool_run import ToolRun, ask_tool, remember_profile
    from survivalkit.kit.loader import locator_for
    from survivalkit.output.format_names import OFFICE_DEFAULT_FORMATS
    from survivalkit.output.formats import FORMATS, parse_formats

    store = Store()
    key = f"tool-{tool_id}"
    file = read_tool_answers(answers_file, env.lang) if answers_file is not None else None
    adopt_recorded(env, store, key, file=file.settings if file else None, resume=resume)
    lang = env.lang
    tool = env.tool(tool_id)
    if file is not None and file.tool and file.tool != tool.id:
        raise UsageError(t("answers.other_tool", lang, file=answers_file, tool=file.tool))
    interactive = env.interactive()
    # The profile is read once: for the answers only when a person types them (or on purpose),
    # and for the formats chosen last time when --format is not given.
    person = (interactive and file is None) or use_profile
    profile = load_profile(env, store) if person or not formats else {}
    remembered = profile.get("formats")
    fmt_list = (parse_formats(formats, lang) if formats else (file.formats if file and file.formats else None)
                or [f for f in FORMATS if isinstance(remembered, list) and f in remembered]
                or list(OFFICE_DEFAULT_FORMATS))
    frontend = TerminalFrontend(env.display) if interactive else None
    resume_cmd = env.command("run", tool.id, "--resume")
    opened = open_session(
        store, key, resume=True if resume else None, interactive=interactive,
        scripted=file is not None or bool(sets), frontend=frontend, lang=lang,
        resume_command=resume_cmd, report=env.display.notice,
    )
    restored = opened.restored or {}
    day = (parse_day(date, lang) or (file.date if file else None) or _iso(restored.get("date"))
           or clock.today())
    run = ToolRun(env.kit, tool, lang=lang, day=day, settings=env.settings(),
                  locate=locator_for(tool, env.loaded.sources))
    run.autosave = opened.autosave
    session_state = restored.get("state", {}).get("interview")
    sources = AnswerSources(
        profile=profile if person else {},
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
        ask_tool(run, frontend, interactive=interactive, missing=missing)
        if interactive and file is None:
            save_quietly(env, lambda: remember_profile(store, env.kit, run.interview))
        header = t("answers.header", lang, cmd=env.command("run", tool.id, "--answers", "answers.yaml"))
        written = write_bundle(env, run.documents(fmt_list, header=header), out=out, force=force, day=day,
                               interactive=interactive)
    except (KeyboardInterrupt, QuitRequested):
        saved = run.save() if run.interview.confirmed else opened.autosave.ok
        raise stopped(opened.autosave, saved=saved, lang=lang, resume_command=resume_cmd) from None
    except BaseException:
        opened.autosave.release()
        raise
    opened.autosave.finish()
    report_written(env, written)


def _iso(value: object) -> dt.date | None:
    """The date a session recorded (``2026-11-30``), if it reads."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
