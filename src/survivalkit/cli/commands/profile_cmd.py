"""``survivalkit profile``: show, edit or clear the saved profile."""

from pathlib import Path
from typing import Annotated

import typer

from survivalkit.cli.env import Env
from survivalkit.cli.options import SharedOptions
from survivalkit.clock import today as now
from survivalkit.i18n import t


def register(app: typer.Typer, ui_lang: str, opts: SharedOptions) -> None:
    """Add the command to ``app``."""
    @app.command("profile", help=t("cmd.profile", ui_lang))
    def profile(
        action: Annotated[str, typer.Argument(metavar="show|edit|clear",
                                              help=t("arg.profile", ui_lang))] = "show",
        kit: Annotated[list[Path] | None, opts.kit] = None,
        lang: Annotated[str | None, opts.lang] = None,
        plain: Annotated[bool, opts.plain] = False,
    ) -> None:
        env = Env(kit, lang, plain)
        profile_command(env, action)


def profile_command(env: Env, action: str) -> None:
    """Show, edit or clear the saved profile."""
    from survivalkit.engine import store as session
    from survivalkit.errors import UsageError
    from survivalkit.kit.model import tr

    lang = env.lang
    session.Store().check_folder()  # a data folder that cannot hold a profile is named, exit 1
    if action == "clear":
        removed = session.clear_profile()
        env.display.say(t("profile.cleared" if removed else "profile.empty", lang))
        return
    if action == "show":
        store = session.Store()
        values = store.load_profile()
        for problem in store.profile_problems:
            env.display.notice(problem.say(lang))
        if not values:
            env.display.say(t("profile.empty", lang))
            return
        labels = {q.id: tr(q.label, lang) for q in env.kit.info.profile}

        def shown(value: object) -> str:
            return "—" if value is None else ", ".join(value) if isinstance(value, list) else str(value)

        env.display.table([t("recap.question", lang), t("recap.answer", lang)],
                          [[labels.get(k, k), shown(v)] for k, v in values.items()])
        env.display.say(t("profile.where", lang, path=session.profile_path()), "dim")
        return
    if action == "edit":

        from survivalkit.cli.terminal import TerminalAsker
        from survivalkit.engine.asker import QuitRequested
        from survivalkit.engine.interview import run_interview
        from survivalkit.engine.tool_run import new_interview

        if not env.interactive():
            raise UsageError(t("profile.no_tty", lang))
        interview = new_interview(env.kit, env.kit.info.profile, lang=lang, day=now(),
                                  section=t("section.profile", lang))
        current = session.load_profile()
        interview.restore({"answers": current, "confirmed": []})
        try:
            answers = run_interview(interview, TerminalAsker(env.display))
        except (KeyboardInterrupt, QuitRequested):
            from survivalkit.errors import Interrupted

            raise Interrupted(t("interrupted", lang)) from None
        from survivalkit.engine.answers import to_plain

        by_id = {q.id: q for q in env.kit.info.profile}
        # A skipped optional field is kept as empty, so that runs do not ask it again.
        path = session.save_profile({k: None if v is None else to_plain(by_id[k], v)
                                     for k, v in answers.items()})
        env.display.say(t("profile.saved", lang, path=path))
        return
    raise UsageError(t("profile.bad_action", lang, action=action))
