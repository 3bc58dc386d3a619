"""``survivalkit update FOLDER [--date D]``: a project brought up to date with the kit and a date."""

from pathlib import Path
from typing import Annotated

import typer

from survivalkit.cli.env import Env
from survivalkit.cli.options import SharedOptions
from survivalkit.i18n import t


def register(app: typer.Typer, ui_lang: str, opts: SharedOptions) -> None:
    """Add the command to ``app``."""
    @app.command("update", help=t("cmd.update", ui_lang))
    def update(
        folder: Annotated[
            Path, typer.Argument(metavar=t("metavar.folder", ui_lang), help=t("arg.update_folder", ui_lang))
        ],
        date: Annotated[str | None, typer.Option("--date", help=t("opt.update_date", ui_lang), metavar="DATE")] = None,
        kit: Annotated[list[Path] | None, opts.kit] = None,
        lang: Annotated[str | None, opts.lang] = None,
        plain: Annotated[bool, opts.plain] = False,
    ) -> None:
        from survivalkit import clock
        from survivalkit.cli.frontend import TerminalFrontend
        from survivalkit.cli.work import confirm_overwrite, parse_day, report_written
        from survivalkit.engine.store import Store
        from survivalkit.engine.update import update_project
        from survivalkit.engine.work import Around
        from survivalkit.text.typography import format_date_long

        env = Env(kit, lang, plain)
        day = parse_day(date, env.lang) or clock.today()
        around = Around(  # the store: the update's sessions (resumed after Ctrl-C), the projects' list
            frontend=TerminalFrontend(env.display) if env.interactive() else None, store=Store(),
            report=env.display.notice, confirm_overwrite=confirm_overwrite(env),
            resume_command=env.command("update", str(folder), "--date", day.isoformat()),
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
