"""``survivalkit new ID``: write a commented tool file to start from."""

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
    @app.command("new", help=t("cmd.new", LANG))
    def new(
        tool_id: Annotated[str, typer.Argument(metavar="ID", help=t("arg.new_id", LANG))],
        folder: Annotated[
            Path | None, typer.Option("--dir", help=t("opt.new_dir", LANG), metavar="DIR")
        ] = None,
        kit: KitOpt = None,
        lang: LangOpt = None,
        plain: PlainOpt = False,
    ) -> None:
        env = env_class(kit, lang, plain)
        path = create_tool(env, tool_id, folder)
        env.display.say(t("new.written", env.lang, path=path))
        env.display.bullets([
            t("new.next_edit", env.lang),
            t("new.next_validate", env.lang, path=path),
            t("new.next_show", env.lang, id=tool_id, kit=_kit_arg(path)),
            t("new.next_guide", env.lang),
        ])


def _kit_arg(path: Path) -> str:
    """``--kit DIR`` for a tool written outside the bundled kit, else nothing."""
    from survivalkit.kit.loader import bundled_kit_dir

    kit_dir = path.parent.parent
    if kit_dir.resolve() == bundled_kit_dir().resolve():
        return ""
    return f" --kit {kit_dir}"


def default_folder(cwd: Path) -> Path | None:
    """``kit/tools`` or ``tools`` in the current folder, whichever exists."""
    for candidate in (cwd / "kit" / "tools", cwd / "tools"):
        if candidate.is_dir():
            return candidate
    return None


def create_tool(env: Env, tool_id: str, folder: Path | None) -> Path:
    """Check the id, then write ``<folder>/<id>.yaml``; never overwrite anything."""
    from survivalkit.authoring.scaffold import MAX_ID_LENGTH, new_tool_text, schema_ref, valid_tool_id
    from survivalkit.engine.expressions import slugify
    from survivalkit.errors import UsageError

    lang = env.lang
    if not valid_tool_id(tool_id):
        raise UsageError(t("new.bad_id", lang, id=tool_id, max=MAX_ID_LENGTH,
                           suggestion=slugify(tool_id, MAX_ID_LENGTH)))
    target = folder or default_folder(Path("."))
    if target is None:
        raise UsageError(t("new.no_folder", lang))
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
