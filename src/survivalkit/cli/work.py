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


def check_out(env: Env, out: Path | None) -> None:
    """Refuse, before any question, an output folder no file system takes (a name too long, a
    link that loops) or one inside a kit folder, where documents would be read back as tools.
    Without ``--out`` the documents go in the current folder, which is checked the same way."""
    from survivalkit.errors import OutputError
    from survivalkit.kit.loader import kit_roots
    from survivalkit.text.names import too_long_part

    folder = out if out is not None else Path.cwd()
    part = too_long_part(str(folder)) if out is not None else None
    if part is not None:
        shown = part if len(part) <= 80 else f"{part[:40]}…{part[-20:]}"
        raise OutputError(t("path.too_long", env.lang, part=shown))
    if out is not None and (out.is_symlink() and not out.exists()):
        import errno

        try:
            out.stat()
            loops = False
        except OSError as exc:
            loops = exc.errno == errno.ELOOP
        reason = t("fs.loop" if loops else "fs.dangling", env.lang)
        raise OutputError(t("fs.error", env.lang, path=out, reason=reason))
    if out is not None and out.exists() and not out.is_dir():
        raise OutputError(t("fs.error", env.lang, path=out, reason=t("fs.not_a_folder", env.lang)))
    try:
        where = folder.resolve()
    except (OSError, RuntimeError):  # a loop of symbolic links
        raise OutputError(t("fs.error", env.lang, path=folder, reason=t("fs.loop", env.lang))) from None
    if too_long_part(str(where / ("x" * 110))) is not None:  # room for a document's name
        raise OutputError(t("path.too_long", env.lang, part=f"{str(where)[:40]}…{str(where)[-20:]}"))
    for root in kit_roots(env.kit_dirs):
        try:
            kit = root.resolve()
        except (OSError, RuntimeError):
            continue
        if where == kit or kit in where.parents:
            key = "out.in_kit" if out is not None else "out.cwd_in_kit"
            raise OutputError(t(key, env.lang, out=folder, kit=root))


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
    if not written:  # never a « Files written » heading over nothing
        d.say(t("written.none", env.lang))
        return
    d.title(t("written.title", env.lang))
    d.say(t("written.folder", env.lang, folder=written[0].parent))
    for path in written:
        d.say(f"  {path.name}")
    from survivalkit.engine.project import is_version_file
    from survivalkit.output.combined import is_combined

    combined = next((p for p in written if is_combined(p.name)), None)
    # A previous version kept beside (``x.version-2026-03-09.eml``) is not a draft to send.
    drafts = [p for p in written if p.suffix == ".eml" and not is_version_file(p.name)]
    if combined is not None or drafts:
        d.say("")
    if combined is not None:
        d.say(t("written.combined", env.lang, file=combined.name))
    if drafts:
        d.say(t("written.drafts", env.lang, files=", ".join(p.name for p in drafts)))
    first = _first_to_open(written)
    if first is not None:
        d.say("")
        d.say(t("written.open_first", env.lang, file=first), "bold")
    d.say(t("written.next", env.lang))


def report_pending(env: Env, pending: list[str]) -> None:
    """A datum changed in this run that other documents of the project still use with the old
    value: said, with how to carry it (nothing is changed silently)."""
    for said in pending:
        env.display.notice(f"{said} {t('data.carry_hint', env.lang)}")


def _first_to_open(written: list[Path]) -> Path | None:
    """The index page when there are several documents, else the document itself (PDF first);
    previous versions kept beside are not documents to open."""
    from survivalkit.engine.project import is_version_file

    documents = [p for p in written if p.stem not in ("index", "answers") and not is_version_file(p.name)]
    index = next((p for p in written if p.name == "index.html"), None)
    if index is not None and len({p.stem for p in documents}) > 1:
        return index
    for suffix in (".pdf", ".docx", ".odt", ".html", ".md"):
        for path in documents:
            if path.suffix == suffix:
                return path
    return None
