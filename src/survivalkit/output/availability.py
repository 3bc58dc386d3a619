"""Which output formats work on this machine: one answer, decided once per process.

A plain ``pip install survivalkit`` writes Markdown and HTML only: PDF needs WeasyPrint and the
Pango library, ODT and DOCX need pandoc. The journey, ``run``, the Python API and the profile all
ask ``format_problem`` (or the helpers below): a format that cannot be written here is said before
the first question, with the command that installs what it needs, and is never remembered.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

from survivalkit.errors import MissingExtraError, Msg
from survivalkit.output.format_names import FORMATS, OFFICE_DEFAULT_FORMATS

ALWAYS: tuple[str, ...] = ("md", "html")
"""Written by the program itself, on any machine."""

FALLBACK_FORMATS: tuple[str, ...] = ("html",)
"""What a run writes when none of the default formats works here: a page any computer opens."""

_known: dict[str, Msg | None] = {}


def format_problem(fmt: str) -> Msg | None:
    """Why ``fmt`` cannot be written on this machine (what is missing and the command that installs
    it, as a catalogue message), or None when it can. Probed once per process and format."""
    if fmt not in _known:
        _known[fmt] = _probe(fmt)
    return _known[fmt]


def forget() -> None:
    """Probe again next time (after installing an extra in the same process; tests)."""
    _known.clear()


def _probe(fmt: str) -> Msg | None:
    """The real test: PDF imports WeasyPrint (which loads Pango; it is imported anyway to print),
    ODT and DOCX look for the pandoc program (without starting it)."""
    if fmt == "pdf":
        from survivalkit.output.formats import weasyprint_html

        try:
            weasyprint_html()
        except (ImportError, OSError) as exc:
            return pdf_problem(exc)
        return None
    if fmt in ("odt", "docx"):
        from survivalkit.output.formats import find_pandoc

        try:
            find_pandoc()
        except MissingExtraError as exc:
            return exc.args[0] if isinstance(exc.args[0], Msg) else Msg("extra.pandoc")
        return None
    return None


def pdf_problem(exc: ImportError | OSError) -> Msg:
    """What importing WeasyPrint says is missing: WeasyPrint itself, or Pango (an ``OSError``
    from loading the library), with the command that installs it."""
    if isinstance(exc, ImportError):
        return Msg("extra.weasyprint")
    return Msg("extra.pango", reason=str(exc)[:160], install=pango_install())


def pango_install() -> str:
    """The command (or the steps) that install Pango on this system, as a message value."""
    if sys.platform.startswith("win"):
        return Msg("extra.pango_windows")
    if sys.platform == "darwin":
        return "brew install pango"
    return "sudo apt install libpango-1.0-0 libpangoft2-1.0-0"


def works_here(formats: Iterable[str]) -> list[str]:
    """The formats of ``formats`` that can be written on this machine, in the same order."""
    return [f for f in formats if format_problem(f) is None]


def problems(formats: Iterable[str]) -> list[Msg]:
    """One message per missing part among ``formats`` (PDF's, then pandoc's once for ODT and DOCX)."""
    found: list[Msg] = []
    for fmt in formats:
        problem = format_problem(fmt)
        if problem is not None and all(p.key != problem.key for p in found):
            found.append(problem)
    return found


def require(formats: Sequence[str]) -> list[str]:
    """``formats`` as asked, when each can be written here; else ``MissingExtraError`` naming the
    first missing part and how to install it: raised before any question is asked."""
    for fmt in formats:
        problem = format_problem(fmt)
        if problem is not None:
            raise MissingExtraError(problem)
    return list(formats)


def usable_default(preferred: Sequence[str] = ()) -> tuple[list[str], list[Msg]]:
    """The formats a run writes when none were asked: ``preferred`` (the profile's) else the
    default pair, keeping those that work here (else ``FALLBACK_FORMATS``); and what is missing
    for the others, to say before the questions."""
    wanted = [f for f in FORMATS if f in preferred] or list(OFFICE_DEFAULT_FORMATS)
    kept = works_here(wanted)
    return kept or list(FALLBACK_FORMATS), problems(wanted)


def rememberable(formats: Iterable[str]) -> list[str]:
    """The formats that may be saved in the profile: known ones that work here."""
    return [f for f in FORMATS if f in set(formats) and format_problem(f) is None]
