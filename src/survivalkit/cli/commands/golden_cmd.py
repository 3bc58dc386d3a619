"""``survivalkit golden``: compare examples' documents with their golden files, or refresh them."""

from pathlib import Path
from typing import Annotated

import typer

from survivalkit.cli.env import Env
from survivalkit.cli.options import SharedOptions
from survivalkit.i18n import t

DEFAULT_GOLDEN = Path("tests/golden")


def register(app: typer.Typer, ui_lang: str, opts: SharedOptions) -> None:
    """Add the command to ``app``."""
    @app.command("golden", help=t("cmd.golden", ui_lang))
    def golden(
        kit_dir: Annotated[
            Path | None, typer.Argument(metavar="KIT_DIR", help=t("arg.golden_kit", ui_lang))
        ] = None,
        golden_dir: Annotated[
            Path, typer.Option("--golden-dir", help=t("opt.golden_dir", ui_lang), metavar="DIR")
        ] = DEFAULT_GOLDEN,
        update: Annotated[
            bool, typer.Option("--update", help=t("opt.golden_update", ui_lang))
        ] = False,
        kit: Annotated[list[Path] | None, opts.kit] = None,
        lang: Annotated[str | None, opts.lang] = None,
        plain: Annotated[bool, opts.plain] = False,
    ) -> None:
        from survivalkit.authoring.golden import (
            compare_golden,
            expected_files,
            golden_diff,
            tools_under,
            update_golden,
        )
        from survivalkit.authoring.validate import local_kit
        from survivalkit.errors import KitError
        from survivalkit.kit.loader import bundled_kit_dir, holds_kit, kit_dir_of, no_kit_problem

        bundled = bundled_kit_dir()
        # Without KIT_DIR: the kit of the repository we stand in (a region's), else the bundled one.
        checked = kit_dir_of(kit_dir) if kit_dir is not None else (local_kit() or bundled)
        if not holds_kit(checked):
            raise KitError([no_kit_problem(checked)])
        layered = checked.resolve() != bundled.resolve()
        extra = [k for k in (kit or []) if kit_dir_of(k).resolve() != checked.resolve()]
        env = Env([*extra, checked] if layered else extra, lang, plain)
        tools = tools_under(env.kit, checked)
        foreign = [tool_id for tool_id in env.kit.tools if tool_id not in {tool.id for tool in tools}]
        d = env.display
        try:
            expected = expected_files(env.kit, tools, env.loaded.sources)
        except KitError as exc:  # said here, in the language asked for
            for problem in exc.problems:
                d.err.print(problem.format(env.lang), markup=False, highlight=False, soft_wrap=True)
            d.error(t("kit.invalid", env.lang, n=len(exc.problems)))
            raise typer.Exit(1) from None
        if update:
            report = update_golden(expected, golden_dir, foreign)
            for name in report.missing + report.changed:
                d.say(t("golden.written", env.lang, path=golden_dir / name))
            for name in report.stale:
                d.say(t("golden.removed", env.lang, path=golden_dir / name))
            d.say(t("golden.updated", env.lang, n=len(report.missing) + len(report.changed),
                    removed=len(report.stale), same=report.same))
            if report.others:
                d.notice(t("golden.others", env.lang, folders=", ".join(report.others)))
            return
        report = compare_golden(expected, golden_dir, foreign)
        for name in report.changed:
            d.error(t("golden.changed", env.lang, path=golden_dir / name))
            d.console.print(golden_diff(expected[name], golden_dir, name), markup=False,
                            highlight=False, soft_wrap=True)
        for name in report.missing:
            d.error(t("golden.missing", env.lang, path=golden_dir / name))
        for name in report.stale:
            d.error(t("golden.stale", env.lang, path=golden_dir / name))
        if report.others:
            d.notice(t("golden.others", env.lang, folders=", ".join(report.others)))
        if not report.ok:
            d.error(t("golden.fix", env.lang, cmd=_update_command(env, kit_dir, golden_dir, extra)))
            raise typer.Exit(1)
        d.say(t("golden.ok", env.lang, n=report.same, tools=len(tools)))


def _update_command(env: Env, kit_dir: Path | None, golden_dir: Path, extra: list[Path]) -> str:
    from survivalkit.cli.commandline import command_line

    args: list[str | Path] = ["golden"]
    if kit_dir is not None:
        args.append(kit_dir)
    if golden_dir != DEFAULT_GOLDEN:
        args += ["--golden-dir", golden_dir]
    args.append("--update")
    return command_line(*args, kit_dirs=extra, lang=env.lang if env.lang_given else None,
                                plain=env.plain_given)
