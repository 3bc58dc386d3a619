"""``survivalkit sheets``: printable sheets, booklet and paper forms for trainers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from survivalkit.cli.app import LANG, KitOpt, LangOpt, PlainOpt
from survivalkit.clock import today as now
from survivalkit.i18n import t

if TYPE_CHECKING:
    from survivalkit.cli.app import Env


def register(app: typer.Typer, env_class: type[Env]) -> None:
    """Add the command to ``app``."""
    @app.command("sheets", help=t("sheets.cmd", LANG))
    def sheets(
        tool_ids: Annotated[
            list[str] | None,
            typer.Argument(metavar="TOOL", help=t("sheets.arg.tools", LANG),
                           show_default=False),
        ] = None,
        stage: Annotated[
            str | None, typer.Option("--stage", help=t("sheets.opt.stage", LANG), metavar="S")
        ] = None,
        form: Annotated[bool, typer.Option("--form", help=t("sheets.opt.form", LANG))] = False,
        fmt: Annotated[
            str | None,
            typer.Option("--format", "-f", help=t("sheets.opt.format", LANG),
                         metavar="pdf|html|md"),
        ] = None,
        out: Annotated[
            Path | None, typer.Option("--out", "-o", help=t("sheets.opt.out", LANG), metavar="FILE")
        ] = None,
        booklet: Annotated[
            bool | None,
            typer.Option("--booklet/--no-booklet", help=t("sheets.opt.booklet", LANG),
                         show_default=False),
        ] = None,
        force: Annotated[bool, typer.Option("--force", help=t("sheets.opt.force", LANG))] = False,
        kit: KitOpt = None,
        lang: LangOpt = None,
        plain: PlainOpt = False,
    ) -> None:
        env = env_class(kit, lang, plain)
        sheets_command(env, tool_ids or [], stage=stage, form=form, fmt=fmt, out=out,
                       booklet=booklet, force=force)


def choose_format(fmt: str | None, out: Path | None, lang: str) -> str:
    """``--format``, else the output file's extension, else PDF; refuses a mismatch."""
    from survivalkit.errors import UsageError
    from survivalkit.sheets.selection import SHEET_FORMATS

    ext = out.suffix.lower().lstrip(".") if out is not None else ""
    ext = {"htm": "html", "markdown": "md"}.get(ext, ext)
    if fmt is None:
        return ext if ext in SHEET_FORMATS else "pdf"
    chosen = fmt.strip().lower().lstrip(".")
    if chosen not in SHEET_FORMATS:
        raise UsageError(t("sheets.bad_format", lang, value=fmt, known=", ".join(SHEET_FORMATS)))
    if ext in SHEET_FORMATS and ext != chosen:
        raise UsageError(t("sheets.ext_mismatch", lang, path=out, fmt=chosen))
    return chosen


def sheets_command(
    env: Env,
    tool_ids: list[str],
    *,
    stage: str | None,
    form: bool,
    fmt: str | None,
    out: Path | None,
    booklet: bool | None,
    force: bool,
) -> None:
    """Build the sheets, booklet or forms and write them to one file."""
    from survivalkit.errors import OutputError
    from survivalkit.files.writer import write_atomic
    from survivalkit.kit.model import tr
    from survivalkit.sheets.build import Layout, build, default_filename, select_tools

    lang = env.lang
    chosen_fmt = choose_format(fmt, out, lang)
    asked = [env.tool(tool_id) for tool_id in tool_ids]
    tools = select_tools(env.kit, asked, stage, lang)
    if form:
        layout = Layout.FORMS
    elif booklet or (booklet is None and len(tools) > 1):
        layout = Layout.BOOKLET
    else:
        layout = Layout.SHEETS
    target = out if out is not None else Path(default_filename(tools, layout, chosen_fmt, lang))
    if target.is_dir():
        target = target / default_filename(tools, layout, chosen_fmt, lang)
    if target.exists() and not force:
        raise OutputError(t("sheets.exists", lang, path=target))
    result = build(env.kit, tools, layout=layout, fmt=chosen_fmt, lang=lang, day=now(),
                   stage=stage)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, result.data)
    except OSError as exc:
        raise OutputError(
            t("sheets.cannot_write", lang, path=target, reason=exc.strerror or str(exc))
        ) from None
    titles = {tool.id: tr(tool.title, lang) for tool in tools}
    for tool_id in result.overflowing:
        env.display.notice(t("sheets.overflow", lang, title=titles.get(tool_id, tool_id)))
    if result.pages == 1:
        env.display.say(t("sheets.written_page", lang, path=target))
    elif result.pages:
        env.display.say(t("sheets.written_pages", lang, path=target, pages=result.pages))
    else:
        env.display.say(t("sheets.written", lang, path=target))
