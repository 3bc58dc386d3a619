"""The terminal: a Rich console (or plain text, ``cli/plain.py``) that asks questions and shows results."""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any, TypeAlias, TypeVar

from survivalkit import settings
from survivalkit.i18n import t
from survivalkit.i18n.words import COMMANDS
from survivalkit.text.localized import UNSAFE_CHARS, tr
from survivalkit.text.typography import french_spacing

if TYPE_CHECKING:  # the display must start fast: the model and the engine load only when asking
    from rich.console import Console

    from survivalkit.cli.plain import PlainConsole
    from survivalkit.engine.asker import RecapRow, Step
    from survivalkit.kit.model import Term

    Screen: TypeAlias = Console | PlainConsole
    """Where the display writes: Rich's console, or the plain console (which prints what Rich's
    plain console would)."""

T = TypeVar("T")

TYPE_HINTS = {  # question type → hint message (QuestionType values are these strings)
    "amount": "hint.amount",
    "number": "hint.number",
    "integer": "hint.integer",
    "bool": "hint.bool",
    "date": "hint.date",
    "email": "hint.email",
    "url": "hint.url",
    "longtext": "hint.longtext",
    "multichoice": "hint.multichoice",
    "choice": "hint.choice",
}


def wants_plain(flag: bool, stream: IO[str] | None = None) -> bool:
    """Plain mode: ``--plain``, ``NO_COLOR``, ``TERM=dumb``, or output that is not a terminal."""
    stream = stream or sys.stdout
    if flag or settings.no_colour():
        return True
    return not stream.isatty()


MAX_SHOWN = 200
"""Problems listed at most; the rest are counted (a hostile kit can have a hundred thousand)."""


def capped(items: Sequence[T], limit: int = MAX_SHOWN) -> tuple[Sequence[T], int]:
    """The first ``limit`` items and how many were left out."""
    return items[:limit], max(0, len(items) - limit)


def visible(text: str) -> str:
    """``text`` with every control, escape and bidi character shown as ``\\u001b``: whatever a
    kit, an answer or an argument holds, it cannot drive the terminal or reorder what is shown."""
    return UNSAFE_CHARS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def escape(text: str) -> str:
    """``text`` with Rich markup escaped (Rich is imported only when there is something to escape:
    a ``[``, or a backslash at the end)."""
    if "[" not in text and not text.endswith("\\"):
        return text  # what Rich's escape gives back
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def _safe_console() -> type[Console]:
    """The console class, made on first use: ``--version`` and ``--help`` never import Rich."""
    global _SAFE
    if _SAFE is None:
        from rich.console import Console

        class SafeConsole(Console):
            """A Rich console whose every text goes through ``visible`` first: the one path to the screen."""

            def print(self, *objects: Any, **kwargs: Any) -> None:
                """Print, with texts made visible."""
                super().print(*(visible(o) if isinstance(o, str) else o for o in objects), **kwargs)

            def rule(self, title: Any = "", **kwargs: Any) -> None:
                """A rule, its title made visible."""
                super().rule(visible(title) if isinstance(title, str) else title, **kwargs)

            def input(self, prompt: Any = "", **kwargs: Any) -> str:
                """Read a line after a prompt made visible."""
                return super().input(visible(prompt) if isinstance(prompt, str) else prompt, **kwargs)

            def on_broken_pipe(self) -> None:
                """The reader went away: let the entry point end quietly with 0 (Rich would exit 1)."""
                self.quiet = True
                raise BrokenPipeError

            def print_json(self, json: str | None = None, **kwargs: Any) -> None:
                """JSON as it is, indented, with unsafe characters written as JSON escapes."""
                import json as json_module

                text = json_module.dumps(json_module.loads(json or "null"), indent=2, ensure_ascii=False)
                self.print(text, markup=False, highlight=False, soft_wrap=True)

        _SAFE = SafeConsole
    return _SAFE


_SAFE: type[Console] | None = None


def make_console(plain: bool, stderr: bool = False) -> Screen:
    """A console that never writes escape codes in plain mode, and never passes any on: in plain
    mode the plain console, which loads Rich only for what it cannot print as it is."""
    if plain:
        from survivalkit.cli.plain import PlainConsole

        return PlainConsole(stderr=stderr)
    return make_rich_console(plain, stderr)


def make_rich_console(plain: bool, stderr: bool = False) -> Console:
    """Rich's console, plain (no colour, no highlighting, soft wrap) or not."""
    SafeConsole = _safe_console()
    if plain:
        return SafeConsole(
            stderr=stderr,
            no_color=True,
            color_system=None,
            highlight=False,
            emoji=False,
            force_terminal=False,
            force_interactive=False,
            width=100,
            soft_wrap=True,
        )
    return SafeConsole(stderr=stderr, highlight=False, emoji=False)


class Display:
    """Everything the commands show: text in the user's language, plain or with colour.

    Text is wrapped here, on ordinary spaces only, to the terminal's width: a word is never cut,
    and a no-break space (« ? », « : », 12 000 €) never starts a line with a lone sign.
    """

    def __init__(self, lang: str, plain: bool, console: Screen | None = None) -> None:
        self.lang = lang
        self.plain = plain
        self._console = console
        self._err: Screen | None = None

    @property
    def console(self) -> Screen:
        """Standard output's console, made when something is first shown."""
        if self._console is None:
            self._console = make_console(self.plain)
        return self._console

    @console.setter
    def console(self, console: Screen) -> None:
        self._console = console

    @property
    def err(self) -> Screen:
        """Standard error's console, made when something is first shown."""
        if self._err is None:
            self._err = make_console(self.plain, stderr=True)
        return self._err

    @err.setter
    def err(self, console: Screen) -> None:
        self._err = console

    @property
    def width(self) -> int:
        """The width to wrap to: the terminal's; no wrapping when the output is a file or a pipe."""
        if not self.plain:
            return max(20, self.console.width)
        if sys.stdout.isatty():
            return max(20, shutil.get_terminal_size((100, 24)).columns)
        return 100_000

    @property
    def narrow(self) -> bool:
        """Too narrow for tables: they are shown as lists."""
        return self.width < 72 and (not self.plain or sys.stdout.isatty())

    def wrap(self, text: str, indent: str = "", first: str = "") -> list[str]:
        """``text`` in lines that fit, its own line breaks kept; later lines indented by ``indent``."""
        lines: list[str] = []
        for n, paragraph in enumerate(text.splitlines() or [""]):
            lead = first if n == 0 else indent
            lines += textwrap.wrap(paragraph, width=self.width - 1, initial_indent=lead, subsequent_indent=indent,
                                   break_long_words=False, break_on_hyphens=False) or [lead.rstrip()]
        return lines

    def fr(self, text: str) -> str:
        """French typography on French text."""
        return french_spacing(text) if self.lang == "fr" else text

    def _print(self, console: Screen, lines: Sequence[str], style: str = "") -> None:
        for line in lines:
            if self.plain or not style:
                console.print(escape(line), soft_wrap=True)
            else:
                console.print(f"[{style}]{escape(line)}[/]", soft_wrap=True)

    def say(self, text: str, style: str = "", indent: str = "", first: str | None = None) -> None:
        """One paragraph, escaped from Rich markup and wrapped (``first`` starts its first line)."""
        self._print(self.console, self.wrap(self.fr(text), indent=indent, first=indent if first is None else first),
                    style)

    def title(self, text: str) -> None:
        """A section title (wrapped, never cut, when it is longer than the line)."""
        text = self.fr(text)
        self.console.print()
        if self.plain or len(text) + 4 > self.width:
            lines = self.wrap(text)
            self._print(self.console, lines, "bold")
            self.console.print(("=" if self.plain else "─") * min(max(len(x) for x in lines), self.width - 1),
                               soft_wrap=True)
        else:
            self.console.rule(f"[bold]{escape(text)}[/]", align="left")

    def bullets(self, items: Sequence[str]) -> None:
        """A list of short items."""
        for item in items:
            self._print(self.console, self.wrap(self.fr(item), indent="  ", first="- "))

    def error(self, text: str) -> None:
        """An error, on standard error."""
        self._print(self.err, self.wrap(self.fr(text)), "bold red")

    def errors(self, lines: Sequence[str]) -> None:
        """Several errors, at most ``MAX_SHOWN`` of them, then how many more there are."""
        shown, rest = capped(lines)
        for line in shown:
            self.error(line)
        if rest:
            self.error(t("problems.more", self.lang, n=rest))

    def notice(self, text: str) -> None:
        """A side remark, on standard error so that piped output stays clean."""
        self._print(self.err, self.wrap(self.fr(text)), "yellow")

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """A table; in plain mode one record per line (" | "); as a list when the line is narrow."""
        if self.plain and not (self.narrow and sys.stdout.isatty()):
            self.console.print(escape(" | ".join(headers)), soft_wrap=True)
            for row in rows:
                self.console.print(escape(" | ".join(self.fr(c) for c in row)), soft_wrap=True)
            return
        if self.narrow:
            self._records(headers, rows)
            return
        from rich.table import Table

        table = Table(show_lines=False, header_style="bold")
        for header in headers:
            table.add_column(escape(visible(header)), overflow="fold")
        for row in rows:
            table.add_row(*(escape(visible(self.fr(c))) for c in row))
        self.console.print(table)

    def _records(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        """Each row as a short block: its first two cells as a heading, then the others."""
        for row in rows:
            cells = [self.fr(c) for c in row]
            head = f"{cells[0]}. {cells[1]}" if len(cells) > 1 and cells[0].isdigit() else " — ".join(cells[:2])
            self.console.print()
            self._print(self.console, self.wrap(head, indent="   "), "bold")
            for cell in cells[2:]:
                if cell.strip():
                    self._print(self.console, self.wrap(cell, indent="   ", first="   "))


class TerminalAsker:
    """An ``Asker`` reading from the keyboard."""

    def __init__(self, display: Display, reader: Any = None, section: str = "") -> None:
        self.display = display
        self.lang = display.lang
        self._section = section  # a title already shown (the tool's introduction) is not repeated
        self._read = reader or self._input

    def _input(self, prompt: str) -> str:
        if self.display.plain:
            self.display.console.print(prompt, end="")
            self.display.console.file.flush()
            return input()
        return self.display.console.input(prompt)

    def ask(self, step: Step) -> str:
        """Show the question and read the reply (several lines for a long text)."""
        d = self.display
        q = step.question
        if step.section and step.section != self._section:
            self._section = step.section
            d.title(step.section)
        d.console.print()
        label = step.label
        if step.total <= 1:  # a single question (which tools, which formats…) needs no count
            d.say(label, "bold")
        else:
            progress = t("progress", self.lang, index=step.index, total=step.total)
            d.say(f"{progress} — {label}", "bold")
        if q.choices:
            for number, choice in enumerate(q.choices, start=1):
                lead = f"  {number}. "
                d.say(tr(choice.label, self.lang), indent=" " * len(lead), first=lead)
        hints = []
        if q.type in TYPE_HINTS:
            hints.append(t(TYPE_HINTS[q.type], self.lang))
        if not q.required:
            hints.append(t("hint.optional", self.lang))
        if q.example is not None:
            hints.append(t("hint.example", self.lang, example=tr(q.example, self.lang)))
        hints.append(t("hint.commands_plain" if d.plain else "hint.commands", self.lang))
        d.say(" · ".join(hints) if not d.plain else "; ".join(hints), "dim")
        if step.error:
            d.error(step.error)
        default = f" [{step.default_text}]" if step.default_text else ""
        prompt = "> " if not default else f"{escape(default.strip())} > "
        if q.type == "longtext":
            return self._read_long(prompt, step)
        try:
            return str(self._read(prompt))
        except EOFError:
            raise KeyboardInterrupt from None

    def _read_long(self, prompt: str, step: Step) -> str:
        lines: list[str] = []
        while True:
            try:
                line = str(self._read(prompt if not lines else "  "))
            except EOFError:
                if not lines:
                    raise KeyboardInterrupt from None
                break
            if not line.strip():
                break
            if not lines and line.strip().lower() in COMMANDS:
                return line
            lines.append(line)
        return "\n".join(lines)

    def show_help(self, step: Step, help_text: str, terms: Sequence[Term]) -> None:
        """The help of the question and the plain meaning of its jargon."""
        d = self.display
        d.say(help_text, "cyan")
        for term in terms:
            official = f" — {t('glossary.official', self.lang)}: {term.official}" if term.official else ""
            d.say(f"{term.term}: {tr(term.definition, self.lang)}{official}", "cyan")

    def recap(self, rows: Sequence[RecapRow], error: str | None) -> str:
        """The recap table, then the choice: confirm, edit a number, or go back."""
        d = self.display
        d.title(t("recap.title", self.lang))
        d.table(
            ["#", t("recap.question", self.lang), t("recap.answer", self.lang)],
            [[str(r.number), r.label, _short(r.answer, plain=d.plain)] for r in rows],
        )
        if error:
            d.error(error)
        try:
            return str(self._read(d.fr(t("recap.prompt", self.lang)) + " "))
        except EOFError:
            raise KeyboardInterrupt from None


def _short(text: str, limit: int = 160, plain: bool = False) -> str:
    # A multi-line answer keeps its lines (one record per line in plain mode: " / " between them).
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    text = (" / " if plain else "\n").join(lines)
    return text if len(text) <= limit else text[: limit - 1] + "…"
