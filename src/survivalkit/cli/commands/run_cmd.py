"""``survivalkit run TOOL``: one tool's questions, recap and documents."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from survivalkit.cli.env import Env
from survivalkit.cli.options import SharedOptions
from survivalkit.i18n import t

if TYPE_CHECKING:
    from survivalkit.kit.model import Tool


def register(app: typer.Typer, ui_lang: str, opts: SharedOptions) -> None:
    """Add the command to ``app``."""
    @app.command("run", help=t("cmd.run", ui_lang))
    def run(
        tool_id: Annotated[str, typer.Argument(metavar=t("metavar.tool", ui_lang), help=t("arg.tool", ui_lang))],
        answers: Annotated[
            Path | None,
            typer.Option("--answers", "-a", help=t("opt.answers", ui_lang), metavar=t("metavar.file", ui_lang)),
        ] = None,
        set_: Annotated[
            list[str] | None, typer.Option("--set", help=t("opt.set", ui_lang), metavar=t("metavar.keyvalue", ui_lang))
        ] = None,
        defaults: Annotated[bool, typer.Option("--defaults", help=t("opt.defaults", ui_lang))] = False,
        resume: Annotated[bool, typer.Option("--resume", help=t("opt.resume", ui_lang))] = False,
        out: Annotated[Path | None, typer.Option("--out", "-o", help=t("opt.out", ui_lang),
                metavar=t("metavar.folder", ui_lang))] = None,
        formats: Annotated[str | None, typer.Option("--format", "-f", help=t("opt.format", ui_lang),
                metavar="FORMATS")] = None,
        use_profile: Annotated[bool, typer.Option("--use-profile", help=t("opt.use_profile", ui_lang))] = False,
        force: Annotated[bool, typer.Option("--force", help=t("opt.force", ui_lang))] = False,
        date: Annotated[str | None, typer.Option("--date", help=t("opt.date", ui_lang), metavar="DATE")] = None,
        archive: Annotated[bool, typer.Option("--archive", help=t("opt.archive", ui_lang))] = False,
        propagate: Annotated[bool, typer.Option("--propagate", help=t("opt.propagate", ui_lang))] = False,
        kit: Annotated[list[Path] | None, opts.kit] = None,
        lang: Annotated[str | None, opts.lang] = None,
        plain: Annotated[bool, opts.plain] = False,
    ) -> None:
        env = Env(kit, lang, plain)
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
            use_profile=use_profile,
            archive=archive,
            propagate=propagate,
        )


def run_tool(
    env: Env,
    tool_id: str,
    *,
    answers_file: Path | None,
    sets: list[str],
    use_defaults: bool,
    resume: bool,
    out: Path | None,
    formats: str | None,
    force: bool,
    date: str | None,
    use_profile: bool = False,
    archive: bool = False,
    propagate: bool = False,
) -> None:
    """Map the options onto the engine's entry point (``engine.work.run_tool``), then say what was written."""
    from survivalkit.cli.frontend import TerminalFrontend
    from survivalkit.cli.work import (
        adopt_recorded,
        check_out,
        confirm_overwrite,
        parse_day,
        report_pending,
        report_written,
    )
    from survivalkit.engine.replay import read_tool_answers
    from survivalkit.engine.sources import parse_set_options
    from survivalkit.engine.store import Store
    from survivalkit.engine.work import Around, ToolWork
    from survivalkit.engine.work import run_tool as run_work
    from survivalkit.kit.loader import locator_for
    from survivalkit.output.formats import parse_formats

    store = Store()
    file = read_tool_answers(answers_file, env.lang, tool_id) if answers_file is not None else None
    adopt_recorded(env, store, f"tool-{tool_id}", file=file.settings if file else None, resume=resume)
    check_out(env, out)
    lang = env.lang
    tool = env.tool(tool_id)
    interactive = env.interactive()
    work = ToolWork(
        env.kit, tool, lang, settings=env.settings(), file=file, sets=parse_set_options(sets),
        use_defaults=use_defaults, use_profile=use_profile, resume=True if resume else None,
        day=parse_day(date, lang), formats=parse_formats(formats, lang) if formats is not None else None,
        header=t("answers.header", lang, cmd=env.command("run", tool.id, "--answers", "answers.yaml")),
        out=out, write=True, force=force, locate=locator_for(tool, env.loaded.sources), archive=archive,
        propagate=propagate,
    )
    around = Around(
        frontend=TerminalFrontend(env.display) if interactive else None, store=store,
        report=env.display.notice, resume_command=env.command("run", tool.id, "--resume"),
        confirm_overwrite=confirm_overwrite(env),
    )
    done = run_work(work, around)
    if file is not None and done.ignored:
        report_ignored(env, tool, done.ignored, file.source)
    report_written(env, done.written)
    report_pending(env, done.pending)


def report_ignored(env: Env, tool: "Tool", ignored: list[str], source: str) -> None:
    """A notice for each field filled in a PDF form whose question does not apply."""
    from survivalkit.sheets.view import asked_questions, form_view
    from survivalkit.text.localized import tr

    conditions = {f.id: f.condition for f in form_view(env.kit, tool, env.lang).fields}
    by_id = {q.id: q for q in asked_questions(env.kit, tool)}
    for key in ignored:
        condition = conditions.get(key, "").rstrip(" :\u00a0\u202f")
        env.display.notice(t("pdfform.ignored", env.lang, file=source, id=key,
                             question=tr(by_id[key].label, env.lang), condition=condition))
