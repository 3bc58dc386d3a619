"""Importing WeasyPrint without its slow look-ups of the native libraries, when the program may.

On import, WeasyPrint asks cffi for each native library (GObject, Pango, HarfBuzz, fontconfig,
PangoFT2) under several names. Every name that is not a file name makes cffi call
``ctypes.util.find_library``, which on Linux starts ``ldconfig`` and the C compiler: about twenty
calls, two hundred processes, a quarter of a second of processor time at every PDF (WeasyPrint
#1125, #2073). Each list also holds the library's exact file name (``libpango-1.0.so.0``), which
the system's loader finds by itself, with no look-up.

The quick way answers « not found » to ``find_library`` for those libraries during that one
import (any other name is looked up as usual), so that only their exact names load; and it hides
what WeasyPrint prints when it fails (the command line says what is missing in the user's
language, with the command that installs it). Replacing a function of the standard library and
``sys.stdout``, even for a moment, concerns the whole process: only the command line, which owns
its process, allows it (``allow_quick_import``, at its entry point). A program using the API
imports WeasyPrint the usual way. Should the quick way fail (a system whose loader does not know
the exact names), the import is tried again the usual way, and nothing of the attempt stays.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

_quick = False


def allow_quick_import() -> None:
    """The command line's word that its process may import WeasyPrint the quick way."""
    global _quick
    _quick = True


def quick_import_allowed() -> bool:
    """Whether ``weasyprint_html`` may take the quick way (the command line said so, on Linux)."""
    return _quick and sys.platform.startswith("linux")


def _forget_weasyprint() -> None:
    """Drop the modules of a failed import, so that the next one starts afresh."""
    for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
        del sys.modules[name]


WEASYPRINT_LIBRARIES = ("gobject", "pango", "harfbuzz", "fontconfig")
"""What the names WeasyPrint asks for start with (after ``lib``): GObject, Pango and PangoFT2,
HarfBuzz and its subsetter, fontconfig."""


def quick_find_library(real: Callable[[str], str | None]) -> Callable[[str], str | None]:
    """``find_library`` during the quick import: « not found » at once for WeasyPrint's libraries
    (their exact names load without it), ``real`` for any other name."""

    def find(name: str) -> str | None:
        if name.lower().removeprefix("lib").startswith(WEASYPRINT_LIBRARIES):
            return None
        return real(name)

    return find


def _quick_import() -> Any:
    """``weasyprint.HTML`` loaded by the exact library names only; ``None`` when that fails."""
    import contextlib
    import ctypes.util
    import io

    real = ctypes.util.find_library
    ctypes.util.find_library = quick_find_library(real)  # type: ignore[assignment]
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # WeasyPrint prints its failures
            from weasyprint import HTML
    except (ImportError, OSError):
        _forget_weasyprint()
        return None
    finally:
        ctypes.util.find_library = real
    return HTML


def weasyprint_html() -> Any:
    """WeasyPrint's ``HTML`` class (``ImportError``/``OSError`` when WeasyPrint or Pango is
    missing), imported the quick way when the command line allows it."""
    if "weasyprint" not in sys.modules and quick_import_allowed():
        found = _quick_import()
        if found is not None:
            return found
        import contextlib
        import io

        # The usual way; should it fail too (Pango missing), the command line says so in the
        # user's language, with the command that installs it: WeasyPrint's banner is not shown.
        with contextlib.redirect_stdout(io.StringIO()):
            from weasyprint import HTML

        return HTML
    from weasyprint import HTML

    return HTML
