"""The command line: parse options, call the core, show results, map errors to exit codes."""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from pathlib import Path
from typing import Annotated, Any

import typer

from survivalkit.errors import (
    ExitCode,
    KitError,
    MissingAnswersError,
    SurvivalkitError,
    UnknownToolError,
    UsageError,
)
from survivalkit.i18n import resolve_lang, t
from survivalkit.version import __version__

LANG = resolve_lang()
"""The interface language: from the environment here; ``main(argv)`` sets it from ``--lang``
before it builds the commands, so that help and messages are in that language."""


def _options(lang: str) -> tuple[Any, Any, Any]:
    """The options every command shares, with their help in ``lang``."""
    kit = Annotated[list[Path] | None, typer.Option("--kit", help=t("opt.kit", lang), metavar="DIR")]
    lang_opt = Annotated[str | None, typer.Option("--lang", help=t("opt.lang", lang), metavar="fr|en")]
    plain = Annotated[bool, typer.Option("--plain", help=t("opt.plain", lang))]
    return kit, lang_opt, plain


KitOpt = Annotated[list[Path] | None, typer.Option("--kit", help=t("opt.kit", LANG), metavar="DIR")]
LangOpt = Annotated[str | None, typer.Option("--lang", help=t("opt.lang", LANG), metavar="fr|en")]
PlainOpt = Annotated[bool, typer.Option("--plain", help=t("opt.plain", LANG))]


def _set_lang(lang: str) -> None:
    """Make ``lang`` the interface language of the commands built next."""
    global LANG
    LANG = lang
    globals().update(zip(("KitOpt", "LangOpt", "PlainOpt"), _options(lang), strict=True))


class Env:
    """What every command needs: language, display, and the kit (loaded on first use)."""

    def __init__(self, kit_dirs: list[Path] | None, lang: str | None, plain: bool) -> None:
        from survivalkit.cli.terminal import Display, wants_plain

        self.lang = resolve_lang(lang) if lang else LANG
        self.lang_given = lang is not None
        self.plain_given = plain
        self.plain = wants_plain(plain)
        self.display = Display(self.lang, self.plain)
        self.kit_dirs = list(kit_dirs or [])
        self._loaded: Any = None

    def adopt(self, settings: Any) -> None:
        """Take the language, plain mode and kits recorded with the work, unless given now."""
        from survivalkit.cli.terminal import Display, wants_plain

        changed = False
        if settings.lang and not self.lang_given and settings.lang != self.lang:
            self.lang = settings.lang
            changed = True
        if settings.plain and not self.plain_given:
            self.plain_given = True
            self.plain = wants_plain(True)
            changed = True
        if changed:
            self.display = Display(self.lang, self.plain)
        known = {str(p.resolve()) for p in self.kit_dirs}
        for folder in settings.kits:
            path = Path(folder)
            if str(path.resolve()) in known:
                continue
            if path.is_dir() and self._loaded is None:
                self.kit_dirs.append(path)
                self.display.notice(t("kit.adopted", self.lang, folder=folder))
            else:
                self.display.notice(t("kit.recorded_missing", self.lang, folder=folder))

    def settings(self) -> Any:
        """What travels with the work: language, plain mode and extra kit folders (absolute)."""
        from survivalkit.engine.replay import Settings

        return Settings(lang=self.lang, plain=self.plain_given or None,
                        kits=tuple(str(p.resolve()) for p in self.kit_dirs))

    def command(self, *parts: str) -> str:
        """A command line to show the user, with the ``--kit``, ``--lang`` and ``--plain`` in use."""
        import shlex

        words = ["survivalkit", *parts]
        for folder in self.kit_dirs:
            words += ["--kit", str(folder)]
        if self.lang_given or self.lang != LANG:
            words += ["--lang", self.lang]
        if self.plain_given:
            words.append("--plain")
        if os.name == "nt":
            return " ".join(f'"{w}"' if " " in w else w for w in words)
        return " ".join(shlex.quote(w) for w in words)

    @property
    def loaded(self) -> Any:
        """The loaded kit with its sources (for line numbers)."""
        if self._loaded is None:
            from survivalkit.kit.cache import KitCache
            from survivalkit.kit.loader import kit_roots, load_kit

            self._loaded = load_kit(kit_roots(self.kit_dirs), cache=KitCache.open())
            from survivalkit.errors import say

            for notice in self._loaded.notices:
                self.display.notice(say(notice, self.lang))
        return self._loaded

    @property
    def kit(self) -> Any:
        """The kit."""
        return self.loaded.kit

    def tool(self, tool_id: str) -> Any:
        """A tool by id, or an error suggesting the nearest ids."""
        from survivalkit.kit.loader import suggest_tools

        if tool_id in self.kit.tools:
            return self.kit.tools[tool_id]
        close = suggest_tools(self.kit, tool_id)
        hint = t("tool.suggest", self.lang, ids=", ".join(close)) if close else ""
        raise UnknownToolError(t("tool.unknown", self.lang, id=tool_id) + hint)

    def interactive(self) -> bool:
        """Whether someone can answer questions."""
        return sys.stdin.isatty() and not os.environ.get("SURVIVALKIT_NO_INPUT")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"survivalkit {__version__}")
        raise typer.Exit()


def main_callback(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=t("opt.version", LANG))
    ] = False,
    kit: KitOpt = None,
    lang: LangOpt = None,
    plain: PlainOpt = False,
    answers: Annotated[Path | None, typer.Option("--answers", help=t("opt.answers", LANG),
            metavar=t("metavar.file", LANG))] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help=t("opt.out", LANG),
            metavar=t("metavar.folder", LANG))] = None,
    formats: Annotated[str | None, typer.Option("--format", help=t("opt.format", LANG), metavar="FORMATS")] = None,
    use_profile: Annotated[bool, typer.Option("--use-profile", help=t("opt.use_profile", LANG))] = False,
    date: Annotated[str | None, typer.Option("--date", help=t("opt.date", LANG), metavar="DATE")] = None,
    resume: Annotated[bool, typer.Option("--resume", help=t("opt.resume", LANG))] = False,
    force: Annotated[bool, typer.Option("--force", help=t("opt.force", LANG))] = False,
) -> None:
    """Without a command: the guided journey."""
    if ctx.invoked_subcommand is not None:
        return
    from survivalkit.cli.commands.journey import journey_command

    env = Env(kit, lang, plain)
    journey_command(env, answers=answers, out=out, formats=formats, resume=resume, force=force,
                    use_profile=use_profile, date=date)


def lang_from_args(args: list[str]) -> str | None:
    """The ``--lang`` given on the command line, if any (read before the commands are built)."""
    for i, arg in enumerate(args):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
    return None


def _restore_lang(lang: str) -> None:
    """After an in-process run (tests, the API), the default language is as before."""
    _set_lang(lang)


def build_app(lang: str) -> typer.Typer:
    """The typer application, with every help text in ``lang``."""
    from survivalkit.cli.commands import (
        catalog_cmds,
        golden_cmd,
        new_cmd,
        preview_cmd,
        run_cmd,
        sessions_cmd,
        sheets_cmd,
        update_cmd,
        validate_cmd,
    )

    _set_lang(lang)
    app = typer.Typer(
        name="survivalkit",
        help=t("cli.help", lang),
        add_completion=False,
        no_args_is_help=False,
        invoke_without_command=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(main_callback)
    for module in (catalog_cmds, run_cmd, validate_cmd, sheets_cmd, new_cmd, golden_cmd, preview_cmd,
                   sessions_cmd, update_cmd):
        # Help texts are read from each module's names when typer builds the commands.
        for name, value in (("LANG", lang), *zip(("KitOpt", "LangOpt", "PlainOpt"), _options(lang), strict=True)):
            if hasattr(module, name):
                setattr(module, name, value)
        module.register(app, Env)
    return app


def _crash_report(exc: BaseException) -> Path | None:
    from survivalkit.engine.store import data_dir

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = (
        f"survivalkit {__version__} crash report\n"
        f"date: {dt.datetime.now().isoformat(timespec='seconds')}\n"
        f"python: {sys.version.split()[0]} on {sys.platform}\n"
        f"command: {' '.join(sys.argv)}\n\n"
        + "".join(traceback.format_exception(exc))
    )
    for folder in (data_dir() / "crash-reports", Path.cwd()):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        for n in range(100):  # two crashes in the same second get two reports, never one
            path = folder / f"survivalkit-crash-{stamp}{f'-{n}' if n else ''}.txt"
            try:
                with path.open("x", encoding="utf-8") as handle:
                    handle.write(text)
                return path
            except FileExistsError:
                continue
            except OSError:
                break
    return None


def _french_help(command: Any, args: list[str]) -> Any:
    """Run ``--help`` with the parser's own English headings put into French."""
    import contextlib
    import io

    from survivalkit.cli.parser_text import translate_help

    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            result = command.main(args=args, prog_name="survivalkit", standalone_mode=False)
    finally:
        sys.stdout.write(translate_help(buffer.getvalue(), "fr"))
    return result


def _sane_streams() -> None:
    """Standard streams that cannot crash a run: a closed one reads or writes nothing, and text
    the terminal's encoding cannot show (Latin-9, cp1252, ASCII) becomes a replacement character."""
    for name, mode in (("stdin", "r"), ("stdout", "w"), ("stderr", "w")):
        stream = getattr(sys, name)
        if stream is None:  # started with the stream closed (`<&-`, `>&-`)
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8"))  # noqa: SIM115
            continue
        if mode == "w" and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):  # pragma: no cover - a stream that cannot be changed
                pass


def _output_gone() -> None:
    """After a broken pipe: nothing more goes to the reader (not even at interpreter exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _stream_error(exc: OSError) -> bool:
    """Whether ``exc`` is a failure to write the standard output (full disk, closed terminal)."""
    import errno

    return exc.filename is None and exc.errno in (errno.ENOSPC, errno.EIO, errno.EBADF, errno.EDQUOT,
                                                  errno.EFBIG)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the command, turn every failure into a message and an exit code."""
    from typer.exceptions import Abort, Exit, TyperException

    from survivalkit.cli.terminal import Display, capped, wants_plain

    _sane_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    given = lang_from_args(args)
    lang = resolve_lang(given) if given else LANG
    previous = LANG
    display = Display(lang, wants_plain(False, sys.stderr))
    try:
        command = typer.main.get_command(build_app(lang))
        if lang == "fr" and any(a in ("--help", "-h") for a in args):
            result = _french_help(command, args)
        else:
            result = command.main(args=args, prog_name="survivalkit", standalone_mode=False)
        code = int(result) if isinstance(result, int) else 0
        if code == ExitCode.INTERRUPTED:  # typer returns 130 for a Ctrl-C outside our prompts
            display.error(t("interrupted", lang))
    except Exit as exc:
        code = exc.exit_code
        if code == ExitCode.INTERRUPTED:  # typer turns a Ctrl-C outside our prompts into Exit(130)
            display.error(t("interrupted", lang))
    except Abort:
        display.error(t("interrupted", lang))
        code = ExitCode.INTERRUPTED
    except TyperException as exc:
        from survivalkit.cli.parser_text import translate_error

        display.error(f"{t('usage.error', lang)} {translate_error(exc.format_message(), lang)}")
        display.error(t("usage.help", lang))
        code = ExitCode.USAGE if exc.exit_code == 2 else exc.exit_code
    except KitError as exc:
        shown, rest = capped(exc.problems)
        for problem in shown:  # as is: editors read `file:line:col:`
            display.err.print(problem.format(lang), markup=False, highlight=False, soft_wrap=True)
        if rest:
            display.error(t("problems.more", lang, n=rest))
        display.error(t("kit.invalid", lang, n=len(exc.problems)))
        code = exc.exit_code
    except (MissingAnswersError, UsageError) as exc:
        lines = str(exc).splitlines() or [""]
        if isinstance(exc, MissingAnswersError) and exc.keys:  # the options are the CLI's to name
            lines.append(t("answer.missing_hint", lang))
        display.errors(lines)
        code = exc.exit_code
    except SurvivalkitError as exc:
        display.errors(str(exc).splitlines() or [""])
        code = exc.exit_code
    except KeyboardInterrupt:
        display.error(t("interrupted", lang))
        code = ExitCode.INTERRUPTED
    except BrokenPipeError:  # the reader went away (`| head`): what it wanted, it has
        _output_gone()
        code = ExitCode.OK
    except OSError as exc:
        if not _stream_error(exc):
            code = _crash(exc, display, lang)
        else:
            _output_gone()
            display.error(t("stream.unwritable", lang, reason=exc.strerror or str(exc)))
            code = ExitCode.USER_ERROR
    except Exception as exc:
        code = _crash(exc, display, lang)
    finally:
        _restore_lang(previous)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _output_gone()
    except OSError as exc:
        _output_gone()
        display.error(t("stream.unwritable", lang, reason=exc.strerror or str(exc)))
        code = max(code, ExitCode.USER_ERROR)
    sys.exit(code)


def _crash(exc: BaseException, display: Any, lang: str) -> int:
    """An unexpected error: one line on the terminal, the details in a crash report."""
    report = _crash_report(exc)
    where = str(report) if report else "-"
    first_line = (str(exc).strip().splitlines() or [""])[0][:200]
    display.error(t("crash", lang, error=f"{type(exc).__name__}: {first_line}", report=where))
    return int(ExitCode.UNEXPECTED)
