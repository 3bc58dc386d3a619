"""``survivalkit sessions``: the unfinished work kept on this computer, and bringing a backup back."""

from typing import TYPE_CHECKING, Annotated

import typer

from survivalkit.cli.env import Env
from survivalkit.cli.options import SharedOptions
from survivalkit.i18n import t

if TYPE_CHECKING:
    from survivalkit.engine.store import ProjectInfo


def register(app: typer.Typer, ui_lang: str, opts: SharedOptions) -> None:
    """Add the command to ``app``."""
    @app.command("sessions", help=t("cmd.sessions", ui_lang))
    def sessions(
        restore: Annotated[
            str | None, typer.Option("--restore", help=t("opt.sessions_restore", ui_lang), metavar="ID")
        ] = None,
        lang: Annotated[str | None, opts.lang] = None,
        plain: Annotated[bool, opts.plain] = False,
    ) -> None:
        from survivalkit.engine.store import Store

        env = Env(None, lang, plain)
        store = Store()
        store.check_folder()  # a data folder that cannot hold sessions is named, exit 1
        if restore is not None:
            info = store.restore(restore)
            env.display.say(t("sessions.restored", env.lang, id=info.id, what=info.label,
                              cmd=_resume_command(env, info.key)))
            return
        found = store.sessions()
        projects = store.projects()
        if not found:
            env.display.say(t("sessions.none", env.lang))
            _projects(env, projects)
            return
        env.display.title(t("sessions.title", env.lang))
        latest_of: dict[str, str] = {}
        for info in found:  # newest first; the one offered is the newest that no run holds
            if not info.in_use:
                latest_of.setdefault(info.key, info.id)
        rows = []
        for info in found:
            latest = latest_of.get(info.key) == info.id
            state = t("sessions.in_use", env.lang) if info.in_use else (
                t("sessions.latest", env.lang) if latest else t("sessions.backup", env.lang))
            rows.append([info.id, info.label, info.shown_at, str(info.answers), state])
        env.display.table(
            [t("sessions.col.id", env.lang), t("sessions.col.what", env.lang), t("sessions.col.saved", env.lang),
             t("sessions.col.answers", env.lang), t("sessions.col.state", env.lang)],
            rows,
        )
        env.display.say(t("sessions.hint", env.lang))
        _projects(env, projects)


def _projects(env: Env, projects: list["ProjectInfo"]) -> None:
    """The projects in progress: name, tools done, date of the latest documents, folder."""
    import datetime as dt

    from survivalkit.kit.model import tr
    from survivalkit.text.typography import format_date_long

    if not projects:
        env.display.say(t("projects.none", env.lang))
        return
    env.display.title(t("projects.title", env.lang))
    kit = env.kit
    rows = []
    for project in projects:
        try:
            last = format_date_long(dt.date.fromisoformat(project.last), env.lang)
        except ValueError:
            last = project.last
        tools = ", ".join(tr(kit.tools[tid].title, env.lang) if tid in kit.tools else tid for tid in project.tools)
        rows.append([project.name, tools, last, str(project.path)])
    env.display.table([t("projects.col.name", env.lang), t("projects.col.tools", env.lang),
                       t("projects.col.last", env.lang), t("projects.col.folder", env.lang)], rows)
    env.display.say(t("projects.hint", env.lang))


def _resume_command(env: Env, key: str) -> str:
    if key.startswith("update-"):
        return env.command("update", t("metavar.folder", env.lang))
    if key.startswith("tool-"):
        return env.command("run", key.removeprefix("tool-"), "--resume")
    return env.command("--resume")
