"""``survivalkit validate``: every problem of a kit, with file, line, column and key path."""

from pathlib import Path
from typing import Annotated

import typer

from survivalkit.cli.env import Env
from survivalkit.cli.options import SharedOptions
from survivalkit.i18n import t


def register(app: typer.Typer, ui_lang: str, opts: SharedOptions) -> None:
    """Add the command to ``app``."""
    @app.command("validate", help=t("cmd.validate", ui_lang))
    def validate(
        paths: Annotated[
            list[Path] | None, typer.Argument(metavar="[PATH...]", help=t("arg.paths", ui_lang))
        ] = None,
        output: Annotated[
            str, typer.Option("--format", help=t("opt.validate_format", ui_lang), metavar="text|github")
        ] = "text",
        strict: Annotated[bool, typer.Option("--strict", help=t("opt.strict", ui_lang))] = False,
        list_rules: Annotated[bool, typer.Option("--list-rules", help=t("opt.list_rules", ui_lang))] = False,
        kit: Annotated[list[Path] | None, opts.kit] = None,
        lang: Annotated[str | None, opts.lang] = None,
        plain: Annotated[bool, opts.plain] = False,
    ) -> None:
        from survivalkit.authoring.validate import validate_paths
        from survivalkit.cli.terminal import MAX_SHOWN, capped
        from survivalkit.errors import UsageError

        env = Env(kit, lang, plain)
        if output not in ("text", "github"):
            raise UsageError(t("validate.bad_format", env.lang, value=output))
        if list_rules:
            from survivalkit.authoring.rules import RULES

            env.display.table(
                ["id", t("col.severity", env.lang), t("col.rule", env.lang), t("col.fix", env.lang)],
                [[r.id, r.severity, r.summary_in(env.lang), r.fix_in(env.lang)]
                 for r in sorted(RULES.values(), key=lambda r: r.id)],
            )
            return
        from survivalkit.authoring.rules import RULES

        report = validate_paths(list(paths or []), env.kit_dirs)
        problems = report.problems
        # Past the cap, errors are listed before warnings, and warnings before the points to
        # check (info): a flood hides no error.
        rank = {"error": 0, "warning": 1}
        shown, rest = capped(problems if len(problems) <= MAX_SHOWN else
                             sorted(problems, key=lambda p: rank.get(p.severity, 2)))
        for problem in shown:
            rule = RULES.get(problem.rule)
            fix = rule.fix_in(env.lang) if rule else ""
            if output == "github":
                level = {"error": "error", "info": "notice"}.get(problem.severity, "warning")
                text = problem.text(env.lang) + (f" — {fix}" if fix else "")
                message = text.replace("%", "%25").replace("\n", "%0A")
                title = problem.rule if problem.rule != "schema" else "survivalkit"
                key = f"{problem.key_path}: " if problem.key_path else ""
                env.display.console.print(
                    f"::{level} file={problem.path},line={problem.line},col={problem.col},"
                    f"title={title}::{key}{message}",
                    markup=False, highlight=False, soft_wrap=True,
                )
            else:
                env.display.console.print(problem.format(env.lang), markup=False, highlight=False,
                                          soft_wrap=True)
                if fix:
                    env.display.console.print(t("validate.fix", env.lang, fix=fix), markup=False,
                                              highlight=False, soft_wrap=True)
        if rest:
            env.display.notice(t("problems.more", env.lang, n=rest))
        errors = sum(1 for p in problems if p.severity == "error")
        infos = sum(1 for p in problems if p.severity == "info")
        warnings = len(problems) - errors - infos
        summary = t("validate.summary", env.lang, tools=report.tools, errors=errors,
                    warnings=warnings)
        if output == "text":
            env.display.notice(summary) if errors or warnings else env.display.say(summary)
            if infos:  # points a reviewer must look at: said, never a failure
                env.display.say(t("validate.to_check", env.lang, n=infos))
        if errors or (strict and warnings):
            raise typer.Exit(1)
