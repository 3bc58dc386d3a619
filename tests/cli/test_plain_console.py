"""The plain console prints, byte for byte, what Rich's plain console prints, without Rich."""

from __future__ import annotations

import io
from typing import Any

import pytest

from survivalkit.cli.plain import MAX_WRITE, PlainConsole
from survivalkit.cli.terminal import Display, escape, make_console, make_rich_console

TEXTS = [
    "",
    "Fichiers écrits",
    "Montant : 12\u202f000\u00a0€ — « guillemets » ; ligne\nsuivante\n",
    "crochets [bold]gras[/bold] et \\[échappés] [1] [x=y] [/]",
    "fin par une barre oblique inverse \\",
    "deux \\\\",
    "tab\tulation\tici, 漢字\tlarge",
    "contrôles \x1b[31m\x07\x08\x0b\x0c\r\x85 bidi \u202e fin",
    ":smile: :thumbs_up: http://exemple.fr/a?b=c 12/10/2026 True None 3.14",
    "a | b | " + "x" * 150 + "   ",
    "   espaces au début et à la fin   ",
    "\n\n",
    "ligne longue " * 40,
]


def _printed(console: Any, *objects: Any, **options: Any) -> str:
    buffer = io.StringIO()
    console.file = buffer
    console.print(*objects, **options)
    return buffer.getvalue()


@pytest.mark.parametrize("stderr", [False, True])
@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("options", [
    {}, {"soft_wrap": True}, {"markup": False, "highlight": False, "soft_wrap": True}, {"end": ""},
    {"end": " "}, {"markup": False}, {"highlight": True}, {"soft_wrap": False}, {"style": "bold"},
])
def test_prints_what_rich_prints(text: str, options: dict[str, Any], stderr: bool) -> None:
    plain = PlainConsole(stderr=stderr)
    assert _printed(plain, text, **options) == _printed(make_rich_console(True, stderr), text, **options)
    escaped = escape(text)
    assert _printed(plain, escaped, **options) == _printed(make_rich_console(True, stderr), escaped, **options)


@pytest.mark.parametrize("objects", [(), ("a", "b"), (12,), (["x", 1],)])
@pytest.mark.parametrize("end", ["\n", ""])
def test_several_or_no_objects_print_as_rich_prints_them(objects: tuple[Any, ...], end: str) -> None:
    assert _printed(PlainConsole(), *objects, end=end) == _printed(make_rich_console(True), *objects, end=end)


def test_escape_without_rich_is_rich_escape() -> None:
    from rich.markup import escape as rich_escape

    for text in TEXTS:
        assert escape(text) == rich_escape(text)


def test_json_prints_as_rich_plain_console() -> None:
    import json

    data = json.dumps({"titre": "a\u202eb\x85c [x]", "n": [1, 2], "t": "\t"}, ensure_ascii=False)
    plain, rich = PlainConsole(), make_rich_console(True)
    plain.file, rich.file = io.StringIO(), io.StringIO()
    plain.print_json(data)
    rich.print_json(data)
    assert plain.file.getvalue() == rich.file.getvalue()


def test_every_display_path_writes_what_rich_writes() -> None:
    """The display through the plain console and through Rich's plain console: the same bytes."""
    def shown(console: Any) -> str:
        buffer = io.StringIO()
        display = Display("fr", plain=True, console=console)
        console.file = buffer
        display.title("Fichiers écrits : [1]")
        display.say("Un paragraphe\u00a0: « texte » " * 12, indent="  ", first="- ")
        display.bullets(["un", "deux [x]", "trois\\"])
        display.table(["id", "titre"], [["a", "b [c]"], ["d\te", ""]])
        return buffer.getvalue()

    assert shown(make_console(True)) == shown(make_rich_console(True))


def test_long_output_is_written_whole() -> None:
    text = "\n".join(f"ligne {n} " + "é" * 50 for n in range(MAX_WRITE // 20))
    assert _printed(PlainConsole(), text) == _printed(make_rich_console(True), text)


def test_a_reader_gone_stops_the_output_quietly() -> None:
    class Gone(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError

    console = PlainConsole()
    console.file = Gone()
    with pytest.raises(BrokenPipeError):
        console.print("a")
    assert console.quiet
    console.print("b")  # nothing more is written, and nothing raised
