"""Plain output without Rich: what a plain console (``--plain``, ``NO_COLOR``, a pipe or a file)
prints is text as it is, so writing it needs no library. Rich costs every command about 10 ms
of start-up; a listing piped to another program or a run from a script does not pay it.

``PlainConsole`` writes exactly what Rich's plain console writes (``make_console(True)``: no
colour, no highlighting, no emoji, soft wrap): a text that Rich would change — markup to read
(a ``[``), a tab to expand, several objects to join, a table — or an option Rich acts on is
handed to that Rich console, made then. ``tests/cli/test_plain_console.py`` compares the two.
"""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

MAX_WRITE = 32 * 1024 // 4
"""Rich writes longer output line by line in pieces of at most this many characters (a Windows
console refuses larger writes); so does ``PlainConsole``."""

_OWN = frozenset({"end", "markup", "highlight", "soft_wrap"})
"""The options of ``print`` the plain console acts on itself (as Rich's plain console does)."""


class PlainConsole:
    """Rich's plain console, for the texts it would print as they are (see the module)."""

    width = 100
    """The width Rich's plain console would wrap to (texts are never wrapped: soft wrap)."""

    def __init__(self, stderr: bool = False) -> None:
        self.stderr = stderr
        self.quiet = False
        self._file: IO[str] | None = None
        self._rich: Console | None = None

    @property
    def file(self) -> IO[str]:
        """Standard output (or error) as it is when printing, unless a file was set."""
        if self._file is not None:
            return self._file
        return sys.stderr if self.stderr else sys.stdout

    @file.setter
    def file(self, file: IO[str]) -> None:
        self._file = file

    def rich(self) -> Console:
        """Rich's plain console, writing where this one writes (made on first need)."""
        if self._rich is None:
            from survivalkit.cli.terminal import make_rich_console

            self._rich = make_rich_console(True, stderr=self.stderr)
        self._rich.file = self.file
        self._rich.quiet = self.quiet
        return self._rich

    def print(self, *objects: Any, **options: Any) -> None:
        """Print like Rich's plain console: one text, made visible, then ``end``."""
        from survivalkit.cli.terminal import visible

        text = objects[0] if len(objects) == 1 else ""
        if (len(objects) > 1 or not isinstance(text, str) or not _OWN.issuperset(options)
                or options.get("highlight") or options.get("soft_wrap") is False):
            self._by_rich_call("print", *objects, **options)
            return
        end = options.get("end", "\n")
        if not objects and end == "\n":
            text = ""  # Rich prints a line break alone
        text = visible(text)
        if "\t" in text or (options.get("markup") is not False and "[" in text):
            self._by_rich_call("print", text, **options)  # tabs to expand, markup to read: Rich's own work
            return
        self._write(text + end)

    def _write(self, text: str) -> None:
        if self.quiet:
            return
        file = self.file
        try:
            try:
                if len(text) <= MAX_WRITE:
                    file.write(text)
                else:
                    _write_in_pieces(file, text)
            except UnicodeEncodeError as error:  # as Rich says it
                error.reason = (f"{error.reason}\n*** You may need to add PYTHONIOENCODING=utf-8 "
                                "to your environment ***")
                raise
            file.flush()
        except BrokenPipeError:
            self.on_broken_pipe()

    def on_broken_pipe(self) -> None:
        """The reader went away: let the entry point end quietly with 0."""
        self.quiet = True
        raise BrokenPipeError

    def print_json(self, json: str | None = None, **options: Any) -> None:
        """JSON as it is, indented, with unsafe characters written as JSON escapes."""
        import json as json_module

        text = json_module.dumps(json_module.loads(json or "null"), indent=2, ensure_ascii=False)
        self.print(text, markup=False, highlight=False, soft_wrap=True)

    def rule(self, title: Any = "", **options: Any) -> None:
        """A rule (Rich draws it)."""
        self._by_rich_call("rule", title, **options)

    def input(self, prompt: Any = "", **options: Any) -> str:
        """Read a line after a prompt (Rich reads it: someone is at the keyboard)."""
        return str(self._by_rich_call("input", prompt, **options))

    def _by_rich_call(self, name: str, *args: Any, **options: Any) -> Any:
        """Rich's plain console does ``name`` (print, rule, input); its quiet state is kept."""
        console = self.rich()
        try:
            return getattr(console, name)(*args, **options)
        finally:
            self.quiet = console.quiet


def _write_in_pieces(file: IO[str], text: str) -> None:
    batch: list[str] = []
    size = 0
    for line in text.splitlines(True):
        if size + len(line) > MAX_WRITE and batch:
            file.write("".join(batch))
            batch.clear()
            size = 0
        batch.append(line)
        size += len(line)
    if batch:
        file.write("".join(batch))
