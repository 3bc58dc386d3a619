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
    """Run the whole journey, from a terminal or from an answers file (``engine.work.run_journey``)."""
    from survivalkit.cli.frontend import TerminalFrontend
    from survivalkit.cli.work import adopt_recorded, confirm_overwrite, parse_day, report_written
    from survivalkit.engine.journey import SESSION_KEY
    from survivalkit.engine.replay import read_journey_answers
    from survivalkit.engine.store import Store
    from survivalkit.engine.work import Around, JourneyWork, run_journey
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
    work = JourneyWork(
        env.kit, lang, settings=env.settings(), file=file, use_profile=use_profile,
        resume=True if resume else None, day=parse_day(date, lang),
        formats=parse_formats(formats, lang) if formats else None,
        header=t("answers.header", lang, cmd=env.command("--answers", "answers.yaml")),
        out=out, write=True, force=force,
    )
    around = Around(
        frontend=TerminalFrontend(env.display) if interactive else None, store=store,
        report=env.display.notice, resume_command=env.command("--resume"),
        confirm_overwrite=confirm_overwrite(env),
    )
    done = run_journey(work, around)
    report_written(env, done.written)
