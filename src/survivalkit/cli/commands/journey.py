"""The guided journey (``survivalkit`` with no command): options mapped onto the engine's entry point."""

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from survivalkit.cli.env import Env
from survivalkit.cli.options import SharedOptions
from survivalkit.i18n import t
from survivalkit.version import __version__


def _version(value: bool) -> None:
    if value:
        typer.echo(f"survivalkit {__version__}")
        raise typer.Exit()


def root_callback(ui_lang: str, opts: SharedOptions) -> Callable[..., None]:
    """The application's own options, with their help in ``ui_lang``; without a command, the journey."""

    def main_callback(
        ctx: typer.Context,
        version: Annotated[
            bool, typer.Option("--version", callback=_version, is_eager=True, help=t("opt.version", ui_lang))
        ] = False,
        kit: Annotated[list[Path] | None, opts.kit] = None,
        lang: Annotated[str | None, opts.lang] = None,
        plain: Annotated[bool, opts.plain] = False,
        answers: Annotated[Path | None, typer.Option("--answers", help=t("opt.answers", ui_lang),
                metavar=t("metavar.file", ui_lang))] = None,
        out: Annotated[Path | None, typer.Option("--out", "-o", help=t("opt.out", ui_lang),
                metavar=t("metavar.folder", ui_lang))] = None,
        formats: Annotated[str | None, typer.Option("--format", help=t("opt.format", ui_lang),
                metavar="FORMATS")] = None,
        use_profile: Annotated[bool, typer.Option("--use-profile", help=t("opt.use_profile", ui_lang))] = False,
        date: Annotated[str | None, typer.Option("--date", help=t("opt.date", ui_lang), metavar="DATE")] = None,
        resume: Annotated[bool, typer.Option("--resume", help=t("opt.resume", ui_lang))] = False,
        force: Annotated[bool, typer.Option("--force", help=t("opt.force", ui_lang))] = False,
        archive: Annotated[bool, typer.Option("--archive", help=t("opt.archive", ui_lang))] = False,
        propagate: Annotated[bool, typer.Option("--propagate", help=t("opt.propagate", ui_lang))] = False,
    ) -> None:
        """Without a command: the guided journey."""
        if ctx.invoked_subcommand is not None:
            return
        journey_command(Env(kit, lang, plain), answers=answers, out=out, formats=formats, resume=resume,
                        force=force, use_profile=use_profile, date=date, archive=archive, propagate=propagate)

    return main_callback


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
    archive: bool = False,
    propagate: bool = False,
) -> None:
    """Run the whole journey, from a terminal or from an answers file (``engine.work.run_journey``)."""
    from survivalkit.cli.frontend import TerminalFrontend
    from survivalkit.cli.work import (
        adopt_recorded,
        check_out,
        confirm_overwrite,
        parse_day,
        report_pending,
        report_written,
    )
    from survivalkit.engine.journey import SESSION_KEY
    from survivalkit.engine.replay import read_journey_answers
    from survivalkit.engine.store import Store
    from survivalkit.engine.work import Around, JourneyWork, run_journey
    from survivalkit.output.formats import parse_formats

    store = Store()
    file = read_journey_answers(answers, env.lang) if answers is not None else None
    adopt_recorded(env, store, SESSION_KEY, file=file.settings if file else None, resume=resume)
    check_out(env, out)
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
        formats=parse_formats(formats, lang) if formats is not None else None,
        header=t("answers.header", lang, cmd=env.command("--answers", "answers.yaml")),
        out=out, write=True, force=force, archive=archive, propagate=propagate,
    )
    around = Around(
        frontend=TerminalFrontend(env.display) if interactive else None, store=store,
        report=env.display.notice, resume_command=env.command("--resume"),
        confirm_overwrite=confirm_overwrite(env),
    )
    done = run_journey(work, around)
    report_written(env, done.written)
    report_pending(env, done.pending)
