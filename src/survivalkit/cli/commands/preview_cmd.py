"""``survivalkit preview TOOL``: one example's documents, on the terminal or in a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from survivalkit.cli.app import LANG, KitOpt, LangOpt, PlainOpt
from survivalkit.i18n import t

if TYPE_CHECKING:
    from survivalkit.cli.app import Env


def register(app: typer.Typer, env_class: type[Env]) -> None:
    """Add the command to ``app``."""
    @app.command("preview", help=t("cmd.preview", LANG))
    def preview(
        tool_id: Annotated[str, typer.Argument(metavar="TOOL", help=t("arg.preview_tool", LANG))],
        example: Annotated[
            str | None, typer.Option("--example", help=t("opt.preview_example", LANG), metavar="NAME")
        ] = None,
        answers: Annotated[
            Path | None, typer.Option("--answers", help=t("opt.preview_answers", LANG),
                                      metavar=t("metavar.file", LANG))
        ] = None,
        fmt: Annotated[
            str, typer.Option("--format", help=t("opt.preview_format", LANG), metavar="md|html|pdf")
        ] = "md",
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help=t("opt.preview_output", LANG),
                                      metavar=t("metavar.file", LANG))
        ] = None,
        date: Annotated[
            str | None, typer.Option("--date", help=t("opt.preview_date", LANG), metavar="YYYY-MM-DD")
        ] = None,
        kit: KitOpt = None,
        lang: LangOpt = None,
        plain: PlainOpt = False,
    ) -> None:
        from survivalkit.authoring.preview import PREVIEW_FORMATS, as_bytes, as_markdown
        from survivalkit.authoring.preview import preview as make_preview
        from survivalkit.errors import UsageError

        env = env_class(kit, lang, plain)
        if fmt not in PREVIEW_FORMATS:
            raise UsageError(t("preview.bad_format", env.lang, value=fmt))
        if example is not None and answers is not None:
            raise UsageError(t("preview.example_or_answers", env.lang))
        day = _day(date, env.lang)
        values = _answers(answers, env.lang) if answers is not None else None
        # The documents in the kit's language (as `expect` and golden files), unless --lang says.
        result = make_preview(env.kit, env.tool(tool_id), lang=env.lang, example=example,
                              answers=values, day=day, doc_lang=lang)
        if output is None and fmt == "md":
            env.display.console.print(as_markdown(result), markup=False, highlight=False,
                                      soft_wrap=True, end="")
            return
        target = output or Path(f"{tool_id}-{result.name}.{fmt}")
        data = as_bytes(result, fmt)
        from survivalkit.files.writer import write_atomic

        try:
            write_atomic(target, data)
        except OSError as exc:
            from survivalkit.errors import OutputError

            raise OutputError(t("new.cannot_write", env.lang, path=target,
                                reason=exc.strerror or str(exc))) from None
        env.display.say(t("preview.written", env.lang, path=target))


def _day(date: str | None, lang: str) -> dt.date | None:
    from survivalkit.errors import UsageError

    if date is None:
        return None
    try:
        return dt.date.fromisoformat(date)
    except ValueError:
        raise UsageError(t("preview.bad_date", lang, value=date)) from None


def _answers(path: Path, lang: str) -> dict[str, object]:
    from survivalkit.engine.replay import read_tool_answers

    return dict(read_tool_answers(path, lang).answers)
