"""``survivalkit new ID``: write a commented tool file to start from."""

from pathlib import Path
from typing import Annotated

import typer

from survivalkit.cli.env import Env
from survivalkit.cli.options import SharedOptions
from survivalkit.clock import today as now
from survivalkit.i18n import t


def register(app: typer.Typer, ui_lang: str, opts: SharedOptions) -> None:
    """Add the command to ``app``."""
    @app.command("new", help=t("cmd.new", ui_lang))
    def new(
        tool_id: Annotated[str, typer.Argument(metavar="ID", help=t("arg.new_id", ui_lang))],
        folder: Annotated[
            Path | None, typer.Option("--dir", help=t("opt.new_dir", ui_lang), metavar="DIR")
        ] = None,
        kit: Annotated[list[Path] | None, opts.kit] = None,
        lang: Annotated[str | None, opts.lang] = None,
        plain: Annotated[bool, opts.plain] = False,
    ) -> None:
        from survivalkit.cli.commandline import command_line

        env = Env(kit, lang, plain)
        target = folder or tools_folder(env.kit_dirs, Path("."))
        created = not target.is_dir()
        path = create_tool(env, tool_id, target)
        if created:
            env.display.say(t("new.created_folder", env.lang, path=target))
        env.display.say(t("new.written", env.lang, path=path))
        kits = _kits_for(env.kit_dirs, path)
        env.display.bullets([
            t("new.next_edit", env.lang),
            t("new.next_check", env.lang,
              cmd=command_line("validate", "--strict", path, kit_dirs=env.kit_dirs,
                               lang=env.lang if env.lang_given else None,
                                plain=env.plain_given)),
            t("new.next_look", env.lang,
              cmd=command_line("preview", tool_id, kit_dirs=kits, lang=env.lang if env.lang_given else None,
                                plain=env.plain_given)),
            t("new.next_guide", env.lang),
        ])


def _kits_for(kit_dirs: list[Path], path: Path) -> list[Path]:
    """The ``--kit`` folders a command about the new tool needs: those given, plus its own."""
    from survivalkit.kit.loader import bundled_kit_dir, kit_dir_of

    kit_dir = path.parent.parent
    known = {kit_dir_of(k).resolve() for k in kit_dirs} | {bundled_kit_dir().resolve()}
    if kit_dir.resolve() in known:
        return list(kit_dirs)
    return [*kit_dirs, kit_dir]


def default_folder(cwd: Path) -> Path | None:
    """``kit/tools`` or ``tools`` in the current folder, whichever exists."""
    for candidate in (cwd / "kit" / "tools", cwd / "tools"):
        if candidate.is_dir():
            return candidate
    return None


def tools_folder(kit_dirs: list[Path], cwd: Path) -> Path:
    """Where a new tool goes: the last ``--kit``'s tools, else this repository's, else a new
    ``kit/tools`` here (a new regional repository starts with ``survivalkit new``)."""
    from survivalkit.kit.loader import kit_dir_of

    if kit_dirs:
        return kit_dir_of(kit_dirs[-1]) / "tools"
    return default_folder(cwd) or cwd / "kit" / "tools"


def create_tool(env: Env, tool_id: str, target: Path) -> Path:
    """Check the id, then write ``<folder>/<id>.yaml``; never overwrite anything."""
    from survivalkit.authoring.scaffold import MAX_ID_LENGTH, new_tool_text, schema_ref, valid_tool_id
    from survivalkit.errors import UsageError
    from survivalkit.text.names import slugify

    lang = env.lang
    if not valid_tool_id(tool_id):
        raise UsageError(t("new.bad_id", lang, id=tool_id, max=MAX_ID_LENGTH,
                           suggestion=slugify(tool_id, MAX_ID_LENGTH)))
    if tool_id in env.kit.tools:
        raise UsageError(t("new.exists", lang, id=tool_id, path=env.kit.tools[tool_id].origin))
    path = target / f"{tool_id}.yaml"
    for existing in (path, path.with_suffix(".yml")):
        if existing.exists():
            raise UsageError(t("new.exists", lang, id=tool_id, path=existing))
    text = new_tool_text(tool_id, env.kit, today=now(), schema=schema_ref(target))
    try:
        target.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise UsageError(t("new.exists", lang, id=tool_id, path=path)) from None
    except OSError as exc:
        from survivalkit.errors import OutputError

        reason = exc.strerror or str(exc)
        raise OutputError(t("new.cannot_write", lang, path=path, reason=reason)) from None
    return path
