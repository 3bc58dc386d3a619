"""What a tool run and the journey share at the command line: settings that travel with the
work, ``--date``, asking before replacing files, and the end screen. The work itself is done by
the engine's entry points (``engine/work.py``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from survivalkit.errors import UsageError
from survivalkit.i18n import t

if TYPE_CHECKING:
    from survivalkit.cli.env import Env
    from survivalkit.engine.replay import Settings
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
        raise UsageError(t("date.option", lang, reason=exc)) from None


def adopt_recorded(env: Env, store: Store, key: str, *, file: Settings | None, resume: bool) -> None:
    """Take the language, plain mode and kits recorded with the work (answers file or session)."""
    from survivalkit.engine.replay import Settings

    if file is not None:
        env.adopt(file)
    elif resume or env.interactive():
        latest = store.latest(key)
        if latest is not None:
            env.adopt(Settings.from_mapping(latest.settings))


def confirm_overwrite(env: Env) -> Callable[[list[Path]], bool]:
    """Asked at the terminal before files of the output folder are replaced."""

    def confirm(existing: list[Path]) -> bool:
        from survivalkit.engine.answers import parse_bool
        from survivalkit.errors import AnswerError

        names = ", ".join(p.name for p in existing)
        reply = env.display.console.input(env.display.fr(t("overwrite.ask", env.lang, names=names)) + " ")
        try:
            return parse_bool(reply, env.lang)
        except AnswerError:
            return False

    return confirm


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
