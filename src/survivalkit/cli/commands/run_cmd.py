"""``survivalkit run TOOL``: one tool's questions, recap and documents."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from survivalkit.cli.app import LANG, KitOpt, LangOpt, PlainOpt
from survivalkit.errors import Interrupted, MissingAnswersError, UsageError
from survivalkit.i18n import t

if TYPE_CHECKING:
    from survivalkit.cli.app import Env


def register(app: typer.Typer, env_class: type[Env]) -> None:
    """Add the command to ``app``."""
    @app.command("run", help=t("cmd.run", LANG))
    def run(
        tool_id: Annotated[str, typer.Argument(metavar=t("metavar.tool", LANG), help=t("arg.tool", LANG))],
        answers: Annotated[
            Path | None, typer.Option("--answers", "-a", help=t("opt.answers", LANG), metavar=t("metavar.file", LANG))
        ] = None,
        set_: Annotated[
            list[str] | None, typer.Option("--set", help=t("opt.set", LANG), metavar=t("metavar.keyvalue", LANG))
        ] = None,
        defaults: Annotated[bool, typer.Option("--defaults", help=t("opt.defaults", LANG))] = False,
        resume: Annotated[bool, typer.Option("--resume", help=t("opt.resume", LANG))] = False,
        out: Annotated[Path | None, typer.Option("--out", "-o", help=t("opt.out", LANG),
                metavar=t("metavar.folder", LANG))] = None,
        formats: Annotated[str, typer.Option("--format", "-f", help=t("opt.format", LANG), metavar="FORMATS")] = "md",
        force: Annotated[bool, typer.Option("--force", help=t("opt.force", LANG))] = False,
        date: Annotated[str | None, typer.Option("--date", help=t("opt.date", LANG), metavar="DATE")] = None,
        kit: KitOpt = None,
        lang: LangOpt = None,
        plain: PlainOpt = False,
    ) -> None:
        env = env_class(kit, lang, plain)
        run_tool(
            env,
            tool_id,
            answers_file=answers,
            sets=set_ or [],
            use_defaults=defaults,
            resume=resume,
            out=out,
            formats=formats,
            force=force,
            date=date,
        )


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


def run_tool(
    env: Env,
    tool_id: str,
    *,
    answers_file: Path | None,
    sets: list[str],
    use_defaults: bool,
    resume: bool,
    out: Path | None,
    formats: str,
    force: bool,
    date: str | None,
) -> None:
    """Ask (or take) the answers, then write the documents."""
    from survivalkit.cli.terminal import TerminalAsker
    from survivalkit.engine import store as session
    from survivalkit.engine.interview import QuitRequested, prefill, run_interview
    from survivalkit.engine.runner import (
        parse_set_options,
        read_answers_file,
        split_answers_file,
        tool_interview,
    )
    from survivalkit.kit.model import tr
    from survivalkit.output.formats import parse_formats

    lang = env.lang
    fmt_list = parse_formats(formats)
    tool = env.tool(tool_id)
    kit = env.kit
    file_values: dict[str, Any] = {}
    meta: dict[str, Any] = {}
    if answers_file is not None:
        file_values, meta = split_answers_file(read_answers_file(answers_file))
        if meta.get("tool") and meta["tool"] != tool.id:
            raise UsageError(t("answers.other_tool", lang, file=answers_file, tool=meta["tool"]))
    day = parse_day(date, lang) or _meta_date(meta) or dt.date.today()
    interactive = env.interactive()
    profile = _safe_profile(env)
    interview = tool_interview(kit, tool, lang=lang, day=day, profile=profile)
    key = f"tool-{tool.id}"
    if resume:
        saved = session.load_session(key)
        if saved is None:
            env.display.notice(t("resume.none", lang))
        else:
            interview.restore(saved.get("interview", {}))
            day = _meta_date(saved) or day
            env.display.notice(t("resume.from", lang, n=len(interview.confirmed)))
    errors: list[str] = []
    missing: list[str] = []
    # Later sources win: the answers file, then --set; with neither, one pass still applies
    # --defaults and lists what is missing when nobody can type it.
    sources: list[tuple[dict[str, Any], str]] = []
    if answers_file is not None:
        sources.append((file_values, str(answers_file)))
    if sets:
        sources.append((dict(parse_set_options(sets)), "--set"))
    if not sources and (use_defaults or not interactive):
        sources.append(({}, "--defaults"))
    for values, source in sources:
        found, missing = prefill(interview, values, source, use_defaults=use_defaults,
                                 interactive=interactive)
        errors += found
    if errors:
        raise UsageError("\n".join(errors))
    if missing and not interactive:
        raise MissingAnswersError(
            t("answer.missing", lang, count=len(missing), keys=", ".join(missing))
        )

    def autosave(iv: Any) -> None:
        save_quietly(env, lambda: session.save_session(
            key, {"tool": tool.id, "date": day.isoformat(), "interview": iv.snapshot()}))
        _remember_profile(env, iv)

    if not interview.is_complete() or (interactive and answers_file is None and not sets):
        if not interactive:
            raise MissingAnswersError(t("answer.missing", lang, count=0, keys="-"))
        _intro(env, tool)
        asker = TerminalAsker(env.display, section=tr(tool.title, lang))
        try:
            run_interview(
                interview,
                asker,
                glossary_lookup=lambda text: glossary_terms(env, text),
                on_change=autosave,
            )
        except (KeyboardInterrupt, QuitRequested):
            if interview.confirmed:
                autosave(interview)
            raise Interrupted(
                t("interrupted.resume", lang, cmd=f"survivalkit run {tool.id} --resume")
            ) from None
    answers = interview.final_answers()
    _remember_profile(env, interview)
    try:
        written = write_documents(
            env,
            [(tool, answers)],
            formats=fmt_list,
            out=out,
            force=force,
            day=day,
            answers_blob=_answers_blob(kit, tool, answers, day, lang),
            interactive=interactive,
        )
    except KeyboardInterrupt:  # e.g. at the "replace these files?" question
        if interview.confirmed:
            autosave(interview)
        raise Interrupted(
            t("interrupted.resume", lang, cmd=f"survivalkit run {tool.id} --resume")
        ) from None
    save_quietly(env, lambda: session.clear_session(key))
    _report(env, written)


def _meta_date(meta: dict[str, Any]) -> dt.date | None:
    value = meta.get("date")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _safe_profile(env: Env) -> dict[str, Any]:
    from survivalkit.engine import store as session
    from survivalkit.errors import SessionError

    try:
        return session.load_profile()
    except SessionError as exc:
        env.display.notice(str(exc))
        return {}


def _remember_profile(env: Env, interview: Any) -> None:
    from survivalkit.engine import store as session
    from survivalkit.engine.answers import to_plain

    values = {}
    for q in env.kit.info.profile:
        if q.id in interview.confirmed and q.id in interview.answers:
            # A skipped optional field is saved as empty, so that it is not asked every time.
            value = interview.answers[q.id]
            values[q.id] = None if value is None else to_plain(q, value)
    if values:
        current = _safe_profile(env)
        if any(current.get(k) != v for k, v in values.items()):
            save_quietly(env, lambda: session.save_profile({**current, **values}))


_warned: set[str] = set()


def save_quietly(env: Env, save: Any) -> None:
    """Autosave and profile saves never stop the work: a failure is reported once, then ignored."""
    from survivalkit.errors import SessionError

    try:
        save()
    except SessionError as exc:
        message = t("save.failed", env.lang, error=exc)
        if message not in _warned:
            _warned.add(message)
            env.display.notice(message)


def glossary_terms(env: Env, text: str) -> list[Any]:
    """Glossary terms that appear in ``text``."""
    from survivalkit.kit.glossary import find_terms

    return find_terms(env.kit.glossary, text)


def _intro(env: Env, tool: Any) -> None:
    from survivalkit.kit.model import tr

    d = env.display
    fallback_notice(env, tool)
    d.title(tr(tool.title, env.lang))
    d.say(tr(tool.summary, env.lang))
    d.say(t("intro.when", env.lang) + " " + tr(tool.sheet.when_to_use, env.lang), "dim")


def fallback_notice(env: Env, tool: Any) -> None:
    """Say so when some of the tool's texts exist only in French."""
    from survivalkit.kit.model import falls_back

    if falls_back(tool, env.lang):
        env.display.notice(t("lang.fallback", env.lang, tool=tool.id))


def _answers_blob(kit: Any, tool: Any, answers: dict[str, Any], day: dt.date, lang: str) -> bytes:
    from survivalkit.engine.runner import answers_document
    from survivalkit.kit.model import tool_questions

    header = t("answers.header", lang, cmd=f"survivalkit run {tool.id} --answers answers.yaml")
    questions = list(kit.info.profile) + tool_questions(kit, tool)
    return answers_document(header, {"tool": tool.id, "date": day.isoformat(), "lang": lang},
                            answers, questions)


def write_documents(
    env: Env,
    items: list[tuple[Any, dict[str, Any]]],
    *,
    formats: list[str],
    out: Path | None,
    force: bool,
    day: dt.date,
    answers_blob: bytes,
    interactive: bool,
    index_html: bool = False,
) -> list[Path]:
    """Render everything in memory, then write it all at once."""
    from survivalkit.engine.runner import default_out_dir, files_for, render_outputs
    from survivalkit.kit.loader import locator_for
    from survivalkit.output.writer import write_files

    locate_for = {tool.id: locator_for(tool, env.loaded.sources) for tool, _ in items}
    outputs = render_outputs(env.kit, items, day=day, lang=env.lang, locate_for=locate_for)
    files = files_for(outputs, formats, lang=env.lang, day=day, kit=env.kit, index_html=index_html)
    files["answers.yaml"] = answers_blob
    folder = out or default_out_dir(day)

    def confirm(existing: list[Path]) -> bool:
        if not interactive:
            return False
        names = ", ".join(p.name for p in existing)
        reply = env.display.console.input(env.display.fr(t("overwrite.ask", env.lang, names=names)) + " ")
        return reply.strip().lower() in ("o", "oui", "y", "yes")

    return write_files(folder, files, force=force, confirm_overwrite=confirm)


def _report(env: Env, written: list[Path]) -> None:
    d = env.display
    d.title(t("written.title", env.lang))
    for path in written:
        d.say(f"- {path}")
