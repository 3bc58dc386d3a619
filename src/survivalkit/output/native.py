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

The quick way also defers two parts of fontTools that WeasyPrint imports at once but uses only for
fonts survivalkit never prints (``DEFERRED``): they load at their first use, all together, as
WeasyPrint would have loaded them.
"""

from __future__ import annotations

import sys
import threading
import types
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


DEFERRED: dict[str, tuple[str, ...]] = {
    "fontTools.subset": (),
    "fontTools.varLib.instancer": ("instantiateVariableFont",),
}
"""The modules of fontTools that WeasyPrint imports when it starts and uses only for fonts no
printout of survivalkit has (about 45 ms of processor time, a tenth of a memo's PDF): its
subsetter (WeasyPrint subsets a font with HarfBuzz, and with fontTools only where HarfBuzz is
older than 4.1) and its instancer of variable fonts (the shipped typeface has four static faces).
Each with the names WeasyPrint takes from it by ``from … import``. Listed in the order they load:
the instancer needs the subsetter's additions to fontTools' tables."""


class _Deferred(types.ModuleType):
    """A module in ``sys.modules`` whose code has not run yet. It runs, in this very module
    object, at the first attribute asked of it that it does not have, set or deleted, or at the
    first call of a function taken from it by name; and with it every other deferred module
    (``load_deferred``)."""

    def __getattr__(self, name: str) -> Any:
        if name == "__path__":  # a plain module's; the import system asks at each ``from … import``
            raise AttributeError(name)
        load_deferred()
        if isinstance(self, _Deferred):  # dropped without running (``forget_deferred``)
            raise AttributeError(name)
        return getattr(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        load_deferred()  # set after the module's code ran, which would otherwise undo it
        types.ModuleType.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        load_deferred()
        types.ModuleType.__delattr__(self, name)


_waiting: list[tuple[types.ModuleType, tuple[str, ...]]] = []
"""The deferred modules whose code has not run yet, in the order of ``DEFERRED``, each with the
names standing for its functions."""
_running = threading.RLock()
"""Held while deferred modules run: another thread waits for them to have run, as at an import."""


def _forwarder(module: types.ModuleType, name: str) -> Callable[..., Any]:
    """A function standing for ``module.name`` until the module's code has run."""

    def forward(*args: Any, **kwargs: Any) -> Any:
        load_deferred()
        real = module.__dict__.get(name)
        if real is None:  # the module no longer has it: what the import itself would have said
            raise ImportError(f"cannot import name {name!r} from {module.__name__!r}")
        return real(*args, **kwargs)

    forward.__name__ = forward.__qualname__ = name
    return forward


def _module_spec(name: str) -> Any:
    """Where module ``name`` is, found without importing its parent packages (``find_spec``
    would, and the instancer's parent is most of what is deferred); None when not installed."""
    import importlib.machinery

    top, *rest = name.split(".")
    spec = importlib.machinery.PathFinder.find_spec(top)
    for part in rest:
        if spec is None or spec.submodule_search_locations is None:
            return None
        spec = importlib.machinery.PathFinder.find_spec(f"{spec.name}.{part}",
                                                        list(spec.submodule_search_locations))
    return spec


def defer_unused_modules() -> None:
    """Put each module of ``DEFERRED`` not imported yet in ``sys.modules``, its code not run (a
    parent package not imported yet stays so)."""
    import importlib.util

    for name, names in DEFERRED.items():
        if name in sys.modules:
            continue
        spec = _module_spec(name)
        if spec is None or not hasattr(spec.loader, "exec_module"):
            continue  # not installed, or not an ordinary module: left to the usual import
        module = importlib.util.module_from_spec(spec)
        for attribute in names:
            setattr(module, attribute, _forwarder(module, attribute))
        module.__class__ = _Deferred
        _waiting.append((module, names))
        sys.modules[name] = module
        parent, _, child = name.rpartition(".")
        if parent in sys.modules:  # else it is given the module when the module runs
            setattr(sys.modules[parent], child, module)


def load_deferred() -> None:
    """Run the code of every deferred module still waiting, in order, each after its parent
    package, as the usual import would have (one that fails is dropped, as a failed import)."""
    import importlib

    with _running:
        while _waiting:
            module, names = _waiting[0]
            parent, _, child = module.__name__.rpartition(".")
            importlib.import_module(parent)  # which may have run it (a package importing it)
            if not _waiting or _waiting[0][0] is not module:
                continue
            del _waiting[0]
            types.ModuleType.__setattr__(module, "__class__", types.ModuleType)
            for attribute in names:
                del module.__dict__[attribute]  # the forwarders give way to the real functions
            try:
                module.__spec__.loader.exec_module(module)  # type: ignore[union-attr]
            except BaseException:
                _drop(module)
                raise
            setattr(sys.modules[parent], child, module)


def _drop(module: types.ModuleType) -> None:
    """Take ``module`` out of ``sys.modules`` and out of its parent package."""
    parent, _, child = module.__name__.rpartition(".")
    if sys.modules.get(module.__name__) is module:
        del sys.modules[module.__name__]
    if getattr(sys.modules.get(parent), child, None) is module:
        delattr(sys.modules[parent], child)


def forget_deferred() -> None:
    """Drop the deferred modules whose code never ran (WeasyPrint did not load after all)."""
    while _waiting:
        module, _ = _waiting.pop()
        types.ModuleType.__setattr__(module, "__class__", types.ModuleType)
        _drop(module)


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
    if "weasyprint" in sys.modules or not _quick:
        from weasyprint import HTML

        return HTML
    defer_unused_modules()
    try:
        return _first_import()
    except BaseException:
        forget_deferred()
        raise


def _first_import() -> Any:
    """The command line's import of WeasyPrint: without library look-ups on Linux, else, or
    should that fail, the usual way."""
    if quick_import_allowed():
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
