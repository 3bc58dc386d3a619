"""WeasyPrint's native libraries load without ``find_library``'s processes when the command line
allows it, and the usual way otherwise (issue 30, point 5).

Each case runs in a fresh interpreter (WeasyPrint is imported once per process); the processes a
case starts are counted by an audit hook on ``subprocess.Popen``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from survivalkit.output import native

pytest.importorskip("weasyprint")
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="find_library starts processes on Linux only")

SRC = Path(__file__).resolve().parents[2] / "src"

PRELUDE = """
import ctypes.util, json, sys
started = []
sys.addaudithook(lambda event, args: started.append(str(args[0])) if event == "subprocess.Popen" else None)
real_find_library = ctypes.util.find_library
from survivalkit.output import native
"""

CHECK = """
HTML = native.weasyprint_html()
pdf = HTML(string="<p>Bonjour</p>").write_pdf()
print(json.dumps({"started": len(started), "pdf": pdf[:5].decode(),
                  "find_library_restored": ctypes.util.find_library is real_find_library,
                  "quick": native.quick_import_allowed()}))
"""


def _run(body: str) -> tuple[dict[str, object], str]:
    """Run ``body`` after the prelude in a new interpreter: its last line (JSON), and all it printed."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(PRELUDE) + textwrap.dedent(body)],
                          capture_output=True, text=True, env=env, check=True, timeout=120)
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stdout


@linux_only
def test_the_command_line_loads_weasyprint_without_starting_a_process() -> None:
    found, printed = _run("native.allow_quick_import()\n" + CHECK)
    assert found == {"started": 0, "pdf": "%PDF-", "find_library_restored": True, "quick": True}
    assert printed.count("\n") == 1  # nothing printed but the result


@linux_only
def test_a_program_using_the_api_imports_weasyprint_the_usual_way() -> None:
    found, _ = _run(CHECK)  # no word from the command line
    assert found["quick"] is False
    assert isinstance(found["started"], int) and found["started"] > 0  # find_library's processes
    assert found["pdf"] == "%PDF-" and found["find_library_restored"] is True


@linux_only
def test_when_the_exact_names_do_not_load_weasyprint_is_imported_the_usual_way_silently() -> None:
    # A system whose loader does not know the exact file names: during the quick attempt (while
    # find_library answers « not found ») every library fails, and WeasyPrint prints its banner.
    found, printed = _run(textwrap.dedent("""
        import cffi
        real_dlopen = cffi.FFI.dlopen
        def dlopen(self, name, *args, **kwargs):
            if ctypes.util.find_library is not real_find_library:
                raise OSError(f"cannot load {name}")
            return real_dlopen(self, name, *args, **kwargs)
        cffi.FFI.dlopen = dlopen
        native.allow_quick_import()
    """) + CHECK)
    assert found["pdf"] == "%PDF-" and found["find_library_restored"] is True
    assert isinstance(found["started"], int) and found["started"] > 0  # the usual way
    assert "WeasyPrint could not import" not in printed
    assert printed.count("\n") == 1


def test_the_command_line_gives_its_word_at_its_entry_point(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpers import run_cli

    monkeypatch.setattr(native, "_quick", False)
    assert not native.quick_import_allowed()
    code, _, _ = run_cli(["--version"], capsys)
    assert code == 0
    assert native._quick is True


def test_without_pango_the_command_line_says_so_in_french_and_nothing_else(tmp_path: Path) -> None:
    # No native library loads, by any name: Pango is missing.
    code = textwrap.dedent(f"""
        import cffi, sys
        def dlopen(self, name, *args, **kwargs):
            raise OSError(f"cannot load library {{name!r}}")
        cffi.FFI.dlopen = dlopen
        from survivalkit.cli.app import main
        main(["sheets", "memo-achat-public", "--format", "pdf", "-o", {str(tmp_path / "fiche.pdf")!r},
              "--lang", "fr"])
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
           "SURVIVALKIT_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          timeout=120, check=False)
    assert done.returncode == 1
    assert "il y manque la bibliothèque Pango" in done.stderr
    assert "sudo apt install libpango-1.0-0" in done.stderr
    assert "WeasyPrint could not import" not in done.stdout + done.stderr  # its English banner
    assert not (tmp_path / "fiche.pdf").exists()


def test_only_weasyprint_s_libraries_are_answered_at_once() -> None:
    asked: list[str] = []

    def real(name: str) -> str | None:
        asked.append(name)
        return f"lib{name}.so.6"

    find = native.quick_find_library(real)
    for name in ("libgobject-2.0-0", "gobject-2.0", "pango-1.0", "libpangoft2-1.0-0", "harfbuzz",
                 "harfbuzz-subset-0.0", "libfontconfig-1", "fontconfig"):
        assert find(name) is None
    assert asked == []  # WeasyPrint's names: no look-up
    assert find("c") == "libc.so.6" and find("ssl") == "libssl.so.6"  # any other: as usual
    assert asked == ["c", "ssl"]
