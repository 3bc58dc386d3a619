"""``survivalkit preview TOOL``: one example's documents, on the terminal or in a file."""

from pathlib import Path
from typing import Annotated

import typer

from survivalkit.cli.env import Env
from survivalkit.cli.options import SharedOptions
from survivalkit.cli.work import parse_day
from survivalkit.i18n import t


def register(app: typer.Typer, ui_lang: str, opts: SharedOptions) -> None:
    """Add the command to ``app``."""
    @app.command("preview", help=t("cmd.preview", ui_lang))
    def preview(
        tool_id: Annotated[str, typer.Argument(metavar="TOOL", help=t("arg.preview_tool", ui_lang))],
        example: Annotated[
            str | None, typer.Option("--example", help=t("opt.preview_example", ui_lang), metavar="NAME")
        ] = None,
        answers: Annotated[
            Path | None, typer.Option("--answers", help=t("opt.preview_answers", ui_lang),
                                      metavar=t("metavar.file", ui_lang))
        ] = None,
        fmt: Annotated[
            str, typer.Option("--format", help=t("opt.preview_format", ui_lang), metavar="md|html|pdf")
        ] = "md",
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help=t("opt.preview_output", ui_lang),
                                      metavar=t("metavar.file", ui_lang))
        ] = None,
        date: Annotated[
            str | None, typer.Option("--date", help=t("opt.preview_date", ui_lang), metavar="DATE")
        ] = None,
        kit: Annotated[list[Path] | None, opts.kit] = None,
        lang: Annotated[str | None, opts.lang] = None,
        plain: Annotated[bool, opts.plain] = False,
    ) -> None:
        from survivalkit.authoring.preview import PREVIEW_FORMATS, as_bytes, as_markdown
        from survivalkit.authoring.preview import preview as make_preview
        from survivalkit.errors import UsageError

        env = Env(kit, lang, plain)
        if fmt not in PREVIEW_FORMATS:
            raise UsageError(t("preview.bad_format", env.lang, value=fmt))
        if example is not None and answers is not None:
            raise UsageError(t("preview.example_or_answers", env.lang))
        day = parse_day(date, env.lang)  # any date form, as for run and the journey
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


def _answers(path: Path, lang: str) -> dict[str, object]:
    from survivalkit.engine.replay import read_tool_answers

    return dict(read_tool_answers(path, lang).answers)
