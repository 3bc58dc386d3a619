"""``survivalkit golden``: compare examples' documents with their golden files, or refresh them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from survivalkit.cli.app import LANG, LangOpt, PlainOpt
from survivalkit.i18n import t

if TYPE_CHECKING:
    from survivalkit.cli.app import Env


DEFAULT_GOLDEN = Path("tests/golden")


def register(app: typer.Typer, env_class: type[Env]) -> None:
    """Add the command to ``app``."""
    @app.command("golden", help=t("cmd.golden", LANG))
    def golden(
        kit_dir: Annotated[
            Path | None, typer.Argument(metavar="KIT_DIR", help=t("arg.golden_kit", LANG))
        ] = None,
        golden_dir: Annotated[
            Path, typer.Option("--golden-dir", help=t("opt.golden_dir", LANG), metavar="DIR")
        ] = DEFAULT_GOLDEN,
        update: Annotated[
            bool, typer.Option("--update", help=t("opt.golden_update", LANG))
        ] = False,
        lang: LangOpt = None,
        plain: PlainOpt = False,
    ) -> None:
        from survivalkit.authoring.golden import (
            compare_golden,
            expected_files,
            golden_diff,
            tools_under,
            update_golden,
        )
        from survivalkit.kit.loader import bundled_kit_dir

        bundled = bundled_kit_dir()
        layered = kit_dir is not None and kit_dir.resolve() != bundled.resolve()
        env = env_class([kit_dir] if layered and kit_dir else [], lang, plain)
        kit = env.kit
        tools = tools_under(kit, kit_dir or bundled)
        expected = expected_files(kit, tools)
        d = env.display
        if update:
            report = update_golden(expected, golden_dir)
            for name in report.missing + report.changed:
                d.say(t("golden.written", env.lang, path=golden_dir / name))
            for name in report.stale:
                d.say(t("golden.removed", env.lang, path=golden_dir / name))
            d.say(t("golden.updated", env.lang, n=len(report.missing) + len(report.changed),
                    removed=len(report.stale), same=report.same))
            return
        report = compare_golden(expected, golden_dir)
        for name in report.changed:
            d.error(t("golden.changed", env.lang, path=golden_dir / name))
            d.console.print(golden_diff(expected[name], golden_dir, name), markup=False,
                            highlight=False, soft_wrap=True)
        for name in report.missing:
            d.error(t("golden.missing", env.lang, path=golden_dir / name))
        for name in report.stale:
            d.error(t("golden.stale", env.lang, path=golden_dir / name))
        if not report.ok:
            d.error(t("golden.fix", env.lang, cmd=_update_command(kit_dir, golden_dir)))
            raise typer.Exit(1)
        d.say(t("golden.ok", env.lang, n=report.same, tools=len(tools)))


def _update_command(kit_dir: Path | None, golden_dir: Path) -> str:
    parts = ["survivalkit golden"]
    if kit_dir is not None:
        parts.append(str(kit_dir))
    if golden_dir != DEFAULT_GOLDEN:
        parts.append(f"--golden-dir {golden_dir}")
    return " ".join([*parts, "--update"])
