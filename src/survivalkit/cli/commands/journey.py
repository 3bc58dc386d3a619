"""The guided journey (``survivalkit`` with no command): options mapped onto the engine's ``Journey``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from survivalkit.i18n import t

if TYPE_CHECKING:
    from survivalkit.cli.app import Env


def journey_command(
    env: Env,
    *,
    answers: Path | None,
    out: Path | None,
    formats: str | None,
    resume: bool,
    force: bool,
    use_profile: bool = False,
    date: str | None = None,
) -> None:
    """Run the whole journey, from a terminal or from an answers file."""
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
    from survivalkit.engine.journey import SESSION_KEY, Journey
    from survivalkit.engine.replay import read_journey_answers
    from survivalkit.engine.sessions import open_session
    from survivalkit.engine.store import Store
    from survivalkit.engine.tool_run import remember_profile_values
    from survivalkit.output.formats import parse_formats

    store = Store()
    file = read_journey_answers(answers, env.lang) if answers is not None else None
    adopt_recorded(env, store, SESSION_KEY, file=file.settings if file else None, resume=resume)
    lang = env.lang
    interactive = env.interactive()
    if file is None and not interactive:
        latest = store.latest(SESSION_KEY)
        if latest is not None:
            env.display.notice(t("session.exists", lang, when=latest.shown_at,
                                 n=latest.answers, cmd=env.command("--resume")))
        import typer

        env.display.error(t("journey.no_tty", lang))
        raise typer.Exit(2)
    frontend = TerminalFrontend(env.display) if interactive else None
    resume_cmd = env.command("--resume")
    opened = open_session(
        store, SESSION_KEY, resume=True if resume else None, interactive=interactive,
        scripted=file is not None, frontend=frontend, lang=lang, resume_command=resume_cmd,
        report=env.display.notice,
    )
    day = parse_day(date, lang)
    profile = load_profile(env, store) if (interactive and file is None) or use_profile else {}
    journey = Journey(
        env.kit, lang=lang, day=day or clock.today(), interactive=interactive,
        settings=env.settings(),
        profile=profile, formats=parse_formats(formats, lang) if formats else None,
    )
    journey.autosave = opened.autosave
    if file is not None:
        journey.use_answers_file(file)
        if day is not None:  # --date wins over the file's date
            journey.day = day
    if opened.restored:
        journey.restore(opened.restored)
        env.display.notice(t("journey.resumed", lang))
    try:
        journey.run(frontend)
        if interactive and file is None:
            values = journey.typed_profile()
            values["formats"] = list(journey.formats or [])
            save_quietly(env, lambda: remember_profile_values(store, values))
        header = t("answers.header", lang, cmd=env.command("--answers", "answers.yaml"))
        files = journey.documents(header=header)
        written = write_bundle(env, files, out=out, force=force, day=journey.day, interactive=interactive)
    except (KeyboardInterrupt, QuitRequested):
        journey.save()
        raise stopped(opened.autosave, saved=opened.autosave.ok, lang=lang, resume_command=resume_cmd) from None
    except BaseException:
        opened.autosave.release()
        raise
    opened.autosave.finish()
    report_written(env, written)
