"""``survivalkit sheets``: printable sheets, booklet and paper forms for trainers."""

import math
from pathlib import Path
from typing import Annotated

import typer

from survivalkit.cli.env import Env
from survivalkit.cli.options import SharedOptions
from survivalkit.clock import today as now
from survivalkit.i18n import t


def register(app: typer.Typer, ui_lang: str, opts: SharedOptions) -> None:
    """Add the command to ``app``."""
    @app.command("sheets", help=t("sheets.cmd", ui_lang))
    def sheets(
        tool_ids: Annotated[
            list[str] | None,
            typer.Argument(metavar="TOOL", help=t("sheets.arg.tools", ui_lang),
                           show_default=False),
        ] = None,
        stage: Annotated[
            str | None, typer.Option("--stage", help=t("sheets.opt.stage", ui_lang), metavar="S")
        ] = None,
        form: Annotated[bool, typer.Option("--form", help=t("sheets.opt.form", ui_lang))] = False,
        fmt: Annotated[
            str | None,
            typer.Option("--format", "-f", help=t("sheets.opt.format", ui_lang),
                         metavar="pdf|html|md"),
        ] = None,
        out: Annotated[
            Path | None, typer.Option("--out", "-o", help=t("sheets.opt.out", ui_lang), metavar="FILE")
        ] = None,
        booklet: Annotated[
            bool | None,
            typer.Option("--booklet/--no-booklet", help=t("sheets.opt.booklet", ui_lang),
                         show_default=False),
        ] = None,
        force: Annotated[bool, typer.Option("--force", help=t("sheets.opt.force", ui_lang))] = False,
        check: Annotated[bool, typer.Option("--check", help=t("sheets.opt.check", ui_lang))] = False,
        duplex: Annotated[
            bool, typer.Option("--duplex", help=t("sheets.opt.duplex", ui_lang))
        ] = False,
        event: Annotated[
            str | None, typer.Option("--event", help=t("sheets.opt.event", ui_lang), metavar="TEXT")
        ] = None,
        place: Annotated[
            str | None, typer.Option("--place", help=t("sheets.opt.place", ui_lang), metavar="TEXT")
        ] = None,
        date: Annotated[
            str | None, typer.Option("--date", help=t("sheets.opt.date", ui_lang), metavar="D")
        ] = None,
        logo: Annotated[
            Path | None, typer.Option("--logo", help=t("sheets.opt.logo", ui_lang), metavar="FILE")
        ] = None,
        kit: Annotated[list[Path] | None, opts.kit] = None,
        lang: Annotated[str | None, opts.lang] = None,
        plain: Annotated[bool, opts.plain] = False,
    ) -> None:
        env = Env(kit, lang, plain)
        if check:
            if not check_sheets(env, tool_ids or [], stage=stage):
                raise typer.Exit(1)
            return
        sheets_command(env, tool_ids or [], stage=stage, form=form, fmt=fmt, out=out,
                       booklet=booklet, force=force, duplex=duplex,
                       cover=(event, place, date, logo))


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


def check_sheets(env: Env, tool_ids: list[str], *, stage: str | None) -> bool:
    """Say which tool's sheet, in which language, runs past its page and by how much."""
    from survivalkit.kit.model import tr
    from survivalkit.sheets.build import select_tools
    from survivalkit.sheets.pdf import sheet_overflow

    lang = env.lang
    tools = select_tools(env.kit, [env.tool(tool_id) for tool_id in tool_ids], stage, lang)
    over = 0
    for sheet_lang in ("fr", "en"):
        for tool_id, cm in sheet_overflow(env.kit, tools, sheet_lang).items():
            if cm > 0:
                over += 1
                title = tr(env.kit.tools[tool_id].title, lang)
                env.display.error(t("sheets.check.over", lang, tool=tool_id, title=title,
                                    sheet_lang=sheet_lang, cm=_centimetres(cm, lang)))
    if over:
        env.display.error(t("sheets.check.failed", lang, n=over))
        return False
    env.display.say(t("sheets.check.ok", lang, n=len(tools)))
    return True


def _centimetres(cm: float, lang: str) -> str:
    """``2,4`` in French, ``2.4`` in English (rounded up: 0.01 cm over is still over)."""
    text = f"{math.ceil(cm * 10) / 10:.1f}"
    return text.replace(".", ",") if lang == "fr" else text


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
    duplex: bool = False,
    cover: tuple[str | None, str | None, str | None, Path | None] = (None, None, None, None),
) -> None:
    """Build the sheets, booklet or forms and write them to one file (the printout is made by
    ``sheets.build``, as for the API: this adds the file)."""
    from survivalkit.cli.work import parse_day
    from survivalkit.errors import OutputError, UsageError
    from survivalkit.files.writer import write_atomic
    from survivalkit.kit.model import tr
    from survivalkit.sheets.build import (
        Layout,
        choose_layout,
        default_filename,
        print_sheets,
        select_tools,
        sheets_work,
        workshop_cover,
    )

    lang = env.lang
    chosen_fmt = choose_format(fmt, out, lang)
    asked = [env.tool(tool_id) for tool_id in tool_ids]
    count = len(select_tools(env.kit, asked, stage, lang))
    layout = choose_layout(count, form=form, booklet=booklet)
    event, place, day, logo = cover
    if any(value is not None for value in cover) and layout not in (Layout.BOOKLET, Layout.PACK):
        raise UsageError(t("sheets.cover.booklet_only", lang))  # the core's message, with the options
    work = sheets_work(
        env.kit, asked, layout=layout, fmt=chosen_fmt,
        lang=lang, stage=stage, duplex=duplex,
        workshop=workshop_cover(event, place, parse_day(day, lang), logo, lang),
        kits=[str(folder) for folder in env.kit_dirs],
    )
    tools = work.tools
    target = out if out is not None else Path(default_filename(tools, work.layout, chosen_fmt, lang))
    if target.is_dir():
        target = target / default_filename(tools, work.layout, chosen_fmt, lang)
    if target.exists() and not force:
        raise OutputError(t("sheets.exists", lang, path=target))
    result = print_sheets(env.kit, work, lang=lang, day=now())
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
