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


# fontTools' subsetter and instancer: deferred by the command line, loaded at their first use.

PRINT = """
import hashlib, pathlib
HTML = native.weasyprint_html()
from weasyprint import CSS
from weasyprint.text.fonts import FontConfiguration
from survivalkit.output.fonts import print_options
CASE = {case!r}
if CASE == "fonttools-subset":  # HarfBuzz older than 4.1: WeasyPrint subsets with fontTools
    import weasyprint.pdf.fonts
    weasyprint.pdf.fonts.harfbuzz_subset = None
page = "<h1>Note</h1><p>Bonjour <b>gras</b> <i>penché</i> <b><i>les deux</i></b> ☐ → fin</p>"
def variable() -> bytes:  # its font configuration let go before the interpreter stops
    config = FontConfiguration()
    url = pathlib.Path({font!r}).as_uri()
    sheet = CSS(string='@font-face {{ font-family: Boite; src: url("' + url + '"); }} '
                       'p {{ font-family: Boite; font-weight: 700; }}', font_config=config)
    return HTML(string="<p>AB BA</p>").write_pdf(stylesheets=[sheet], font_config=config,
                                                 uncompressed_pdf=True)
if CASE == "variable-font":
    pdf = variable()
else:  # uncompressed, to count the fonts embedded
    pdf = HTML(string=page).render(**print_options()).write_pdf(pdf_variant="pdf/ua-1",
                                                                  uncompressed_pdf=True)
subset, instancer = sys.modules.get("fontTools.subset"), sys.modules.get("fontTools.varLib.instancer")
print(json.dumps({{"pdf": hashlib.sha256(pdf).hexdigest(), "fonts": pdf.count(b"/FontFile2"),
                  "subsetter_ran": subset is not None and "Subsetter" in vars(subset),
                  "instancer_ran": instancer is not None and "instantiateVariableFont" in vars(instancer)
                                   and callable(vars(instancer)["instantiateVariableFont"])
                                   and "fontTools.varLib" in sys.modules,
                  "varlib": "fontTools.varLib" in sys.modules}}))
"""


def _variable_font(path: Path) -> Path:
    """A tiny variable font (a weight axis; « A » wider in bold): WeasyPrint makes a static
    instance of it with fontTools' instancer."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib.tables.TupleVariation import TupleVariation

    def box(width: int) -> object:
        pen = TTGlyphPen(None)
        for point in ((50, 0), (50, 700), (width, 700), (width, 0)):
            (pen.moveTo if point == (50, 0) else pen.lineTo)(point)
        pen.closePath()
        return pen.glyph()

    order = [".notdef", "space", "A", "B"]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({32: "space", 65: "A", 66: "B"})
    builder.setupGlyf({".notdef": box(400), "space": TTGlyphPen(None).glyph(), "A": box(500), "B": box(450)})
    builder.setupHorizontalMetrics({name: (600, 50) for name in order})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Boite", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=800, usWinAscent=800, usWinDescent=200)
    builder.setupPost()
    builder.setupFvar([("wght", 100, 400, 900, "Weight")], [])
    moved = [(0, 0), (0, 0), (200, 0), (200, 0), (0, 0), (0, 0), (0, 0), (0, 0)]
    builder.setupGvar({"A": [TupleVariation({"wght": (0, 1.0, 1.0)}, moved)]})
    builder.save(str(path))
    return path


def _print(case: str, *, command_line: bool, font: Path | None = None) -> dict[str, object]:
    """Print in a fresh interpreter as the command line does, or as a program using the API."""
    body = ("native.allow_quick_import()\n" if command_line else "") + PRINT.format(case=case, font=str(font))
    return _run(body)[0]


def test_the_command_line_prints_without_running_fonttools_subsetter_or_instancer() -> None:
    found = _print("shipped-typeface", command_line=True)
    assert found["fonts"] == 4  # the four faces of the shipped typeface, embedded
    assert found["subsetter_ran"] is False and found["instancer_ran"] is False
    assert found["varlib"] is False
    api = _print("shipped-typeface", command_line=False)  # the usual import loads both
    assert api["subsetter_ran"] is True and api["instancer_ran"] is True


@pytest.mark.parametrize("case", ["shipped-typeface", "fonttools-subset", "variable-font"])
def test_the_pdf_is_the_same_whether_fonttools_was_deferred_or_not(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000000000")  # fontTools stamps the fonts it saves
    font = _variable_font(tmp_path / "boite.ttf") if case == "variable-font" else None
    deferred = _print(case, command_line=True, font=font)
    usual = _print(case, command_line=False, font=font)
    assert deferred["pdf"] == usual["pdf"]
    assert deferred["fonts"] == usual["fonts"] and usual["fonts"] in (1, 4)
    if case == "fonttools-subset":  # used, so loaded: at its first use
        assert deferred["subsetter_ran"] is True
    if case == "variable-font":
        assert deferred["instancer_ran"] is True and deferred["subsetter_ran"] is True


@pytest.fixture
def heavy_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A package ``heavypkg`` of two modules that note when their code runs; the second needs what
    the first adds (as fontTools' instancer needs the subsetter's additions)."""
    package = tmp_path / "heavypkg"
    (package / "inner").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "inner" / "__init__.py").write_text("import builtins\nbuiltins.heavy_ran.append('inner')\n")
    (package / "first.py").write_text(
        "import builtins\nbuiltins.heavy_ran.append('first')\nADDED = 'added'\n")
    (package / "inner" / "second.py").write_text(
        "import builtins\nfrom heavypkg import first\nbuiltins.heavy_ran.append('second')\n"
        "def double(x):\n    return first.ADDED + str(2 * x)\n")
    ran: list[str] = []
    monkeypatch.setattr("builtins.heavy_ran", ran, raising=False)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(native, "DEFERRED", {"heavypkg.first": (), "heavypkg.inner.second": ("double",)})
    monkeypatch.setattr(native, "_waiting", [])
    yield ran
    for name in [m for m in sys.modules if m.startswith("heavypkg")]:
        del sys.modules[name]


def test_a_deferred_module_runs_at_its_first_use_with_the_others_in_order(heavy_package: list[str]) -> None:
    native.defer_unused_modules()
    from heavypkg import first  # type: ignore[import-not-found]
    from heavypkg.inner.second import double  # type: ignore[import-not-found]

    assert heavy_package == []  # imported by name, not run: not even the parent package
    assert double(21) == "added42"  # the first call runs both, the first one first
    assert heavy_package == ["first", "inner", "second"]
    assert first.ADDED == "added" and sys.modules["heavypkg.inner"].second is sys.modules["heavypkg.inner.second"]
    assert double(1) == "added2" and heavy_package == ["first", "inner", "second"]  # once


def test_asking_a_deferred_module_for_anything_runs_it(heavy_package: list[str]) -> None:
    import heavypkg  # type: ignore[import-not-found]

    native.defer_unused_modules()
    import heavypkg.first  # type: ignore[import-not-found]

    assert heavypkg.first.ADDED == "added"
    assert heavy_package == ["first", "inner", "second"]
    with pytest.raises(AttributeError):
        heavypkg.first.MISSING  # noqa: B018 - what a module without it says


def test_a_value_set_on_a_deferred_module_stays_after_its_code_runs(heavy_package: list[str]) -> None:
    native.defer_unused_modules()
    from heavypkg import first  # type: ignore[import-not-found]

    first.ADDED = "changed"  # as WeasyPrint sets Pillow's options: the module's code runs first
    assert heavy_package == ["first", "inner", "second"]
    assert first.ADDED == "changed"
    del first.ADDED
    assert not hasattr(first, "ADDED")


def test_a_deferred_module_whose_package_uses_it_when_imported_runs_once(
    heavy_package: list[str], tmp_path: Path
) -> None:
    (tmp_path / "heavypkg" / "inner" / "__init__.py").write_text(
        "import builtins\nfrom heavypkg.inner import second\nVALUE = second.double(1)\n"
        "builtins.heavy_ran.append('inner')\n")
    native.defer_unused_modules()
    from heavypkg.inner.second import double  # type: ignore[import-not-found]

    assert double(2) == "added4"
    assert heavy_package == ["first", "second", "inner"]
    assert sys.modules["heavypkg.inner"].VALUE == "added2"


def test_a_deferred_module_that_fails_is_dropped_like_a_failed_import(
    heavy_package: list[str], tmp_path: Path
) -> None:
    (tmp_path / "heavypkg" / "first.py").write_text("raise ValueError('broken')\n")
    native.defer_unused_modules()
    from heavypkg import first  # type: ignore[import-not-found]

    with pytest.raises(ValueError, match="broken"):
        first.ADDED  # noqa: B018
    assert "heavypkg.first" not in sys.modules
    assert not hasattr(sys.modules["heavypkg"], "first")


def test_deferred_modules_never_run_are_forgotten(heavy_package: list[str]) -> None:
    native.defer_unused_modules()
    native.forget_deferred()
    assert "heavypkg.first" not in sys.modules and "heavypkg.inner.second" not in sys.modules
    import heavypkg.first  # type: ignore[import-not-found]  # the usual import, afresh

    assert heavypkg.first.ADDED == "added" and heavy_package == ["first"]


def test_a_second_thread_waits_for_deferred_modules_to_have_run(
    heavy_package: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading
    import time

    gate = threading.Event()
    monkeypatch.setattr("builtins.heavy_gate", gate, raising=False)
    (tmp_path / "heavypkg" / "first.py").write_text(
        "import builtins\nbuiltins.heavy_ran.append('first')\nbuiltins.heavy_gate.wait(10)\nADDED = 'added'\n")
    native.defer_unused_modules()
    from heavypkg.inner.second import double  # type: ignore[import-not-found]

    results: dict[str, object] = {}

    def call(name: str, value: int) -> None:
        try:
            results[name] = double(value)
        except Exception as exc:  # what the other thread would have met
            results[name] = exc

    threads = [threading.Thread(target=call, args=("a", 1))]
    threads[0].start()
    while not heavy_package:  # the first thread is running the first module
        time.sleep(0.01)
    threads.append(threading.Thread(target=call, args=("b", 2)))
    threads[1].start()
    time.sleep(0.2)  # the second thread asks meanwhile
    gate.set()
    for thread in threads:
        thread.join(10)
    assert results == {"a": "added2", "b": "added4"}
    assert heavy_package == ["first", "inner", "second"]
