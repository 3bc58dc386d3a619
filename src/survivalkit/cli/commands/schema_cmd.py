"""``survivalkit schema``: write the kit's JSON schema, or check that it is up to date."""

from pathlib import Path
from typing import Annotated

import typer

from survivalkit.cli.env import Env
from survivalkit.cli.options import SharedOptions
from survivalkit.i18n import t


def register(app: typer.Typer, ui_lang: str, opts: SharedOptions) -> None:
    """Add the command to ``app``."""
    @app.command("schema", help=t("cmd.schema", ui_lang))
    def schema(
        out: Annotated[Path, typer.Option("--out", "-o", help=t("opt.schema_out", ui_lang),
                metavar=t("metavar.folder", ui_lang))] = Path(
            "schema"
        ),
        check: Annotated[bool, typer.Option("--check", help=t("opt.schema_check", ui_lang))] = False,
        lang: Annotated[str | None, opts.lang] = None,
        plain: Annotated[bool, opts.plain] = False,
    ) -> None:
        from survivalkit.kit.schema import schema_files

        env = Env(None, lang, plain)
        files = schema_files()
        if check:
            stale = [name for name, text in files.items()
                     if not (out / name).is_file() or (out / name).read_text("utf-8") != text]
            if stale:
                env.display.error(t("schema.stale", env.lang, files=", ".join(stale)))
                raise typer.Exit(1)
            env.display.say(t("schema.fresh", env.lang))
            return
        out.mkdir(parents=True, exist_ok=True)
        from survivalkit.files.writer import write_atomic

        for name, text in files.items():
            write_atomic(out / name, text.encode("utf-8"))
            env.display.say(str(out / name))
