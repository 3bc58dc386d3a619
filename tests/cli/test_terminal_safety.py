"""Nothing from a kit, a golden file or an argument drives the terminal: one escaping for all output."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from helpers import run_cli
from survivalkit.cli.terminal import Display, make_console, visible
from survivalkit.text.localized import UNSAFE_CHARS, strip_unsafe

REGION = Path(__file__).resolve().parents[2] / "examples" / "region-kit"


def test_visible_shows_controls_escapes_and_bidi_and_keeps_the_rest() -> None:
    assert visible("a\x1b[2Jb\x9b31mc\u202ed\re\x07") == "a\\u001b[2Jb\\u009b31mc\\u202ed\\u000de\\u0007"
    assert visible("Élan : 12 000 €\n\tfin") == "Élan : 12 000 €\n\tfin"


def test_strip_unsafe_keeps_lines_and_tabs() -> None:
    assert strip_unsafe("a\x1b[2J\u2066b\n\tc") == "a[2Jb\n\tc"


def _shown(plain: bool, show: str, *args: object) -> str:
    display = Display("en", plain)
    buffer = io.StringIO()
    display.console = make_console(plain)
    display.console.file = buffer
    display.err = make_console(plain, stderr=True)
    display.err.file = buffer
    getattr(display, show)(*args)
    return buffer.getvalue()


@pytest.mark.parametrize("plain", [True, False])
@pytest.mark.parametrize("show", ["say", "title", "error", "notice"])
def test_every_display_path_escapes(plain: bool, show: str) -> None:
    out = _shown(plain, show, "titre \x1b]0;pwned\x07 \u202eexe")
    assert "\\u001b]0;pwned\\u0007" in out and "\\u202e" in out
    assert "\x07" not in out and "\u202e" not in out and "]0;pwned\x07" not in out


@pytest.mark.parametrize("plain", [True, False])
def test_tables_and_lists_escape(plain: bool) -> None:
    table = _shown(plain, "table", ["id", "titre\x1b[31m"], [["outil", "a\u2067b"]])
    bullets = _shown(plain, "bullets", ["x\x1b[2J"])
    for out in (table, bullets):
        assert not any(ch in out for ch in ("\x07", "\u2067", "\u202e"))
    assert "\\u2067" in table and "\\u001b[2J" in bullets


def test_json_output_stays_valid_json_and_escaped() -> None:
    import json

    console = make_console(True)
    console.file = io.StringIO()
    console.print_json(json.dumps({"titre": "a\u202eb\x85c"}, ensure_ascii=False))
    text = console.file.getvalue()
    assert not UNSAFE_CHARS.search(text)
    assert json.loads(text) == {"titre": "a\u202eb\x85c"}


def test_golden_diffs_are_printed_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    region = tmp_path / "region-kit"
    shutil.copytree(REGION, region)
    golden = region / "tests" / "golden"
    target = next(golden.rglob("*.md"))
    target.write_text("\x1b[2J\x1b[H\x1b[32mAll golden files match\x1b[0m\r\n", encoding="utf-8")
    args = ["golden", str(region / "kit"), "--golden-dir", str(golden), "--plain", "--lang", "en"]
    code, out, err = run_cli(args, capsys)
    assert code == 1
    assert not UNSAFE_CHARS.search(out + err)
    assert "\\u001b[2J\\u001b[H\\u001b[32mAll golden files match" in out
