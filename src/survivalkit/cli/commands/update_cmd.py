"""``survivalkit update FOLDER [--date D]``: a project brought up to date with the kit and a date."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from survivalkit.cli.app import LANG, KitOpt, LangOpt, PlainOpt
from survivalkit.i18n import t

if TYPE_CHECKING:
    from survivalkit.cli.app import Env


def register(app: typer.Typer, env_class: type[Env]) -> None:
    """Add the command to ``app``."""
    @app.command("update", help=t("cmd.update", LANG))
    def update(
        folder: Annotated[Path, typer.Argument(metavar=t("metavar.folder", LANG), help=t("arg.update_folder", LANG))],
        date: Annotated[str | None, typer.Option("--date", help=t("opt.update_date", LANG), metavar="DATE")] = None,
        kit: KitOpt = None,
        lang: LangOpt = None,
        plain: PlainOpt = False,
    ) -> None:
        from survivalkit import clock
        from survivalkit.cli.frontend import TerminalFrontend
        from survivalkit.cli.work import confirm_overwrite, parse_day, report_written
        from survivalkit.engine.update import update_project
        from survivalkit.engine.work import Around
        from survivalkit.text.typography import format_date_long

        env = env_class(kit, lang, plain)
        day = parse_day(date, env.lang) or clock.today()
        around = Around(
            frontend=TerminalFrontend(env.display) if env.interactive() else None,
            report=env.display.notice, confirm_overwrite=confirm_overwrite(env),
        )
        header = t("answers.header", env.lang, cmd=env.command("update", str(folder)))
        updates = update_project(folder, env.kit, lang=env.lang, day=day, around=around,
                                 settings=env.settings(), header=header)
        written = []
        for item in updates:
            since = format_date_long(item.since, env.lang) if item.since else "?"
            env.display.title(t("update.title", env.lang, tool=item.title, since=since,
                                date=format_date_long(day, env.lang)))
            for line in item.lines:
                env.display.say(f"  - {line}")
            written += [p for p in item.written if p not in written]
        report_written(env, written)
