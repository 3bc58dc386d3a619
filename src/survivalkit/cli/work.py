"""What a tool run and the journey share at the command line: settings that travel with the
work, the saved profile, writing the folder, Ctrl-C, and the end screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from survivalkit.errors import Interrupted, SessionError, UsageError
from survivalkit.i18n import t

if TYPE_CHECKING:
    from survivalkit.cli.app import Env
    from survivalkit.engine.replay import Settings
    from survivalkit.engine.sessions import Autosave
    from survivalkit.engine.store import Store


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


def adopt_recorded(env: Env, store: Store, key: str, *, file: Settings | None, resume: bool) -> None:
    """Take the language, plain mode and kits recorded with the work (answers file or session)."""
    from survivalkit.engine.replay import Settings

    if file is not None:
        env.adopt(file)
    elif resume or env.interactive():
        latest = store.latest(key)
        if latest is not None:
            env.adopt(Settings.from_mapping(latest.settings))


def load_profile(env: Env, store: Store) -> dict[str, Any]:
    """The saved profile; a damaged one is set aside and the user told."""
    try:
        return store.load_profile()
    except SessionError as exc:
        env.display.notice(str(exc))
        return {}


def save_quietly(env: Env, save: Callable[[], None]) -> None:
    """A profile save never stops the work: a failure is said, then the run goes on."""
    try:
        save()
    except SessionError as exc:
        env.display.notice(t("save.failed", env.lang, error=exc))


def stopped(autosave: Autosave, *, saved: bool, lang: str, resume_command: str) -> Interrupted:
    """Ctrl-C or "quitter": let the session go, and say how to resume, or that nothing was saved."""
    autosave.release()
    if autosave.nothing:  # nothing answered yet: no session kept, nothing to resume
        return Interrupted(t("interrupted.nothing", lang))
    return Interrupted(t("interrupted.resume" if saved else "interrupted.not_saved", lang, cmd=resume_command))


def write_bundle(
    env: Env, files: dict[str, bytes], *, out: Path | None, force: bool, day: dt.date, interactive: bool
) -> list[Path]:
    """Write the whole folder at once; ask before replacing files (only at a terminal)."""
    from survivalkit.engine.answers import parse_bool
    from survivalkit.errors import AnswerError
    from survivalkit.output.bundle import default_out_dir
    from survivalkit.output.writer import write_files

    def confirm(existing: list[Path]) -> bool:
        if not interactive:
            return False
        names = ", ".join(p.name for p in existing)
        reply = env.display.console.input(env.display.fr(t("overwrite.ask", env.lang, names=names)) + " ")
        try:
            return parse_bool(reply, env.lang)
        except AnswerError:
            return False

    return write_files(out or default_out_dir(day), files, force=force, confirm_overwrite=confirm)


def report_written(env: Env, written: list[Path]) -> None:
    """What was written, which file to open first, and what to do next."""
    d = env.display
    d.title(t("written.title", env.lang))
    if not written:
        return
    d.say(t("written.folder", env.lang, folder=written[0].parent))
    for path in written:
        d.say(f"  {path.name}")
    first = _first_to_open(written)
    if first is not None:
        d.say("")
        d.say(t("written.open_first", env.lang, file=first), "bold")
    d.say(t("written.next", env.lang))


def _first_to_open(written: list[Path]) -> Path | None:
    """The index page when there are several documents, else the document itself (PDF first)."""
    documents = [p for p in written if p.stem not in ("index", "answers")]
    index = next((p for p in written if p.name == "index.html"), None)
    if index is not None and len({p.stem for p in documents}) > 1:
        return index
    for suffix in (".pdf", ".docx", ".odt", ".html", ".md"):
        for path in documents:
            if path.suffix == suffix:
                return path
    return None
