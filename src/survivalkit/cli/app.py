"""The command line: parse options, call the core, show results, map errors to exit codes."""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.exceptions import TyperException

from survivalkit import settings
from survivalkit.cli.coercion import check_when_given
from survivalkit.errors import ExitCode, FilesExistError, KitError, MissingAnswersError, SurvivalkitError
from survivalkit.i18n import resolve_lang, t
from survivalkit.version import __version__


class Invocation:
    """What one run of the command line knows before its command: the language its help and
    errors are shown in (``--lang``, else the policy of ``i18n.resolve_lang``)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang


class LanguageGiven(Exception):
    """``--lang`` names another language than the one the commands were built in: build again."""

    def __init__(self, lang: str) -> None:
        super().__init__(lang)
        self.lang = lang


def _check_lang(command: TyperCommand | TyperGroup, ctx: Any, args: list[str]) -> None:
    """Before any option is acted on: when the parser reads a ``--lang`` other than the language
    of this build, stop so that ``main`` builds the commands in that language."""
    invocation = ctx.find_root().obj
    if not isinstance(invocation, Invocation) or ctx.resilient_parsing:
        return
    try:
        opts, _, _ = command.make_parser(ctx).parse_args(args=list(args))
    except TyperException:
        return  # the real parse says what is wrong
    given = opts.get("lang")
    if isinstance(given, str) and given:
        lang = resolve_lang(given)
        if lang != invocation.lang:
            raise LanguageGiven(lang)


def _help_lang(ctx: Any) -> str:
    invocation = ctx.find_root().obj
    return invocation.lang if isinstance(invocation, Invocation) else resolve_lang()


class Command(TyperCommand):
    """A command whose ``--lang`` is read before anything else, and whose help headings are translated."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _check_lang(self, ctx, args)
        check_when_given(self, ctx)
        return super().parse_args(ctx, args)

    def get_help(self, ctx: Any) -> str:
        from survivalkit.cli.parser_text import translate_help

        return translate_help(super().get_help(ctx), _help_lang(ctx))


class Group(TyperGroup):
    """The application: like ``Command``, for the options given before a command."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _check_lang(self, ctx, args)
        check_when_given(self, ctx)
        return super().parse_args(ctx, args)

    def get_help(self, ctx: Any) -> str:
        from survivalkit.cli.parser_text import translate_help

        return translate_help(super().get_help(ctx), _help_lang(ctx))


class App(typer.Typer):
    """A typer application whose commands are ``Command``s."""

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", Command)
        return super().command(*args, **kwargs)


COMMANDS: dict[str, str] = {
    "list": "catalog_cmds", "show": "catalog_cmds", "glossary": "catalog_cmds",
    "profile": "profile_cmd", "schema": "schema_cmd", "run": "run_cmd", "validate": "validate_cmd",
    "sheets": "sheets_cmd", "new": "new_cmd", "golden": "golden_cmd", "preview": "preview_cmd",
    "sessions": "sessions_cmd", "update": "update_cmd",
}
"""Each command, in the order of the help, and the module of ``survivalkit.cli.commands`` that
registers it."""


def build_app(lang: str, only: str | None = None) -> typer.Typer:
    """The typer application, built by each command module's factory with every help text in ``lang``.

    With ``only`` (a command's name), only the module of that command is imported and registered:
    a run of one command does not build the others (their options, their help)."""
    from importlib import import_module

    from survivalkit.cli.commands import journey
    from survivalkit.cli.options import shared_options

    opts = shared_options(lang)
    app = App(
        name="survivalkit",
        cls=Group,
        help=t("cli.help", lang),
        add_completion=False,
        no_args_is_help=False,
        invoke_without_command=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(journey.root_callback(lang, opts))
    modules = [COMMANDS[only]] if only in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for name in modules:
        import_module(f"survivalkit.cli.commands.{name}").register(app, lang, opts)
    return app


def _crash_report(exc: BaseException) -> Path | None:
    from survivalkit.files.places import data_dir

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


def _run(invocation: Invocation, args: list[str]) -> Any:
    # `survivalkit run …`: the first word names the command, and only that command is built
    # (the application's own options come before a command, and it takes no argument of its own).
    # Anything else (`--help`, an option first, a mistyped command) builds them all.
    only = args[0] if args and args[0] in COMMANDS else None
    command = typer.main.get_command(build_app(invocation.lang, only))
    return command.main(args=args, prog_name="survivalkit", standalone_mode=False, obj=invocation)


def _quiet_printing_libraries() -> None:
    """WeasyPrint and fontTools log every font subtlety as a warning: the command line shows only
    their errors (a program using the API keeps its own logging settings). WeasyPrint may be
    imported without its slow library look-ups, and with two parts of fontTools it never uses for
    our fonts left to load at their first use (``output.native``: process-wide, so the command
    line's decision)."""
    import logging

    for name in ("weasyprint", "fontTools"):
        logging.getLogger(name).setLevel(logging.ERROR)
    from survivalkit.output.native import allow_quick_import

    allow_quick_import()  # this process is the program's own: WeasyPrint loads without look-ups


COLLECT_EVERY = 100_000
"""New objects between two looks of the garbage collector for cycles, in the command line's
process (Python's default: 700)."""


def _collect_less_often() -> Callable[[], None]:
    """A command is a short process that keeps most of what it makes (modules, the kit, compiled
    templates): looking for garbage cycles every 700 new objects costs a run about 6 % of its
    processor time, spent walking objects that stay. Cycles are still collected, every
    ``COLLECT_EVERY`` new objects. Done here, in the command line's own process (a program using
    the API keeps its collector as it set it). Returns what gives the thresholds before back."""
    import gc

    before = gc.get_threshold()
    gc.set_threshold(COLLECT_EVERY, before[1], before[2])
    return lambda: gc.set_threshold(*before)


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


def _shown_path(name: object) -> str:
    """A path for a message: a very long one shows its start and its end."""
    text = os.fsdecode(name) if isinstance(name, str | bytes) else str(name)
    return text if len(text) <= 160 else f"{text[:80]}…{text[-60:]}"


def fs_reason(exc: OSError, lang: str) -> str:
    """Why the file system refused, in ``lang`` for the usual reasons."""
    import errno

    key = {errno.ENAMETOOLONG: "fs.too_long", errno.ELOOP: "fs.loop", errno.EACCES: "fs.denied",
           errno.EPERM: "fs.denied", errno.ENOENT: "fs.missing", errno.ENOTDIR: "fs.not_dir",
           errno.EISDIR: "fs.is_dir", errno.ENXIO: "fs.special", errno.ENOSPC: "fs.full",
           errno.EROFS: "fs.read_only"}.get(exc.errno or 0)
    return t(key, lang) if key else (exc.strerror or type(exc).__name__)


def _stream_error(exc: OSError) -> bool:
    """Whether ``exc`` is a failure to write the standard output (full disk, closed terminal)."""
    import errno

    return exc.filename is None and exc.errno in (errno.ENOSPC, errno.EIO, errno.EBADF, errno.EDQUOT,
                                                  errno.EFBIG)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the command, turn every failure into a message and an exit code."""
    collector_back = _collect_less_often()
    # The kit's models are not handed to third-party pydantic plugins, and none is looked up.
    plugins_back = settings.without_pydantic_plugins()
    try:
        code = _main(argv)
    finally:
        collector_back()
        plugins_back()
    sys.exit(code)


def _main(argv: list[str] | None) -> int:
    """``main`` without its exit: the exit code."""
    from typer.exceptions import Abort, Exit, TyperException

    from survivalkit.cli.terminal import Display, capped, wants_plain

    _sane_streams()
    _quiet_printing_libraries()
    args = list(sys.argv[1:] if argv is None else argv)
    invocation = Invocation(resolve_lang())
    display = Display(invocation.lang, wants_plain(False, sys.stderr))
    try:
        try:
            result = _run(invocation, args)
        except LanguageGiven as given:  # `--lang` read by the parser: the commands in that language
            invocation = Invocation(given.lang)
            display = Display(invocation.lang, wants_plain(False, sys.stderr))
            result = _run(invocation, args)
        code = int(result) if isinstance(result, int) else 0
        if code == ExitCode.INTERRUPTED:  # typer returns 130 for a Ctrl-C outside our prompts
            display.error(t("interrupted", invocation.lang))
    except Exit as exc:
        code = exc.exit_code
        if code == ExitCode.INTERRUPTED:  # typer turns a Ctrl-C outside our prompts into Exit(130)
            display.error(t("interrupted", invocation.lang))
    except Abort:
        display.error(t("interrupted", invocation.lang))
        code = ExitCode.INTERRUPTED
    except TyperException as exc:
        from survivalkit.cli.parser_text import translate_error

        display.error(f"{t('usage.error', invocation.lang)} {translate_error(exc.format_message(), invocation.lang)}")
        display.error(t("usage.help", invocation.lang))
        code = ExitCode.USAGE if exc.exit_code == 2 else exc.exit_code
    except KitError as exc:
        shown, rest = capped(exc.problems)
        for problem in shown:  # as is: editors read `file:line:col:`
            display.err.print(problem.format(invocation.lang), markup=False, highlight=False, soft_wrap=True)
        if rest:
            display.error(t("problems.more", invocation.lang, n=rest))
        display.error(t("kit.invalid", invocation.lang, n=len(exc.problems)))
        code = exc.exit_code
    except SurvivalkitError as exc:  # said here, once, in the reader's language
        lines = exc.say(invocation.lang).splitlines() or [""]
        if isinstance(exc, MissingAnswersError) and exc.keys:  # the options are the CLI's to name
            lines.append(t("answer.missing_hint", invocation.lang))
        if isinstance(exc, FilesExistError):  # the command line's own way out
            lines.append(t("writer.exist_hint", invocation.lang))
        display.errors(lines)
        code = exc.exit_code
    except KeyboardInterrupt:
        display.error(t("interrupted", invocation.lang))
        code = ExitCode.INTERRUPTED
    except BrokenPipeError:  # the reader went away (`| head`): what it wanted, it has
        _output_gone()
        code = ExitCode.OK
    except OSError as exc:
        if exc.filename is not None:  # a path the file system refuses: say which, never crash
            reason = fs_reason(exc, invocation.lang)
            display.error(t("fs.error", invocation.lang, path=_shown_path(exc.filename), reason=reason))
            code = ExitCode.USER_ERROR
        elif not _stream_error(exc):
            code = _crash(exc, display, invocation.lang)
        else:
            _output_gone()
            display.error(t("stream.unwritable", invocation.lang, reason=fs_reason(exc, invocation.lang)))
            code = ExitCode.USER_ERROR
    except Exception as exc:
        code = _crash(exc, display, invocation.lang)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _output_gone()
    except OSError as exc:
        _output_gone()
        display.error(t("stream.unwritable", invocation.lang, reason=fs_reason(exc, invocation.lang)))
        code = max(code, ExitCode.USER_ERROR)
    return int(code)


def _crash(exc: BaseException, display: Any, lang: str) -> int:
    """An unexpected error: one line on the terminal, the details in a crash report."""
    report = _crash_report(exc)
    where = str(report) if report else "-"
    first_line = (str(exc).strip().splitlines() or [""])[0][:200]
    display.error(t("crash", lang, error=f"{type(exc).__name__}: {first_line}", report=where))
    return int(ExitCode.UNEXPECTED)
