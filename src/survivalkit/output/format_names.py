"""The output formats as a civil servant names them, and the default set of a run."""

from __future__ import annotations

from collections.abc import Iterable

from survivalkit.errors import UsageError

FORMAT_LABELS: dict[str, dict[str, str]] = {
    "pdf": {"fr": "PDF (à imprimer ou à envoyer)", "en": "PDF (to print or send)"},
    "docx": {"fr": "Word (.docx, modifiable)", "en": "Word (.docx, editable)"},
    "odt": {"fr": "LibreOffice (.odt, modifiable)", "en": "LibreOffice (.odt, editable)"},
    "html": {"fr": "Page web (.html)", "en": "Web page (.html)"},
    "md": {"fr": "Markdown (texte brut)", "en": "Markdown (plain text)"},
}
"""Every format, in the order they are offered."""

OFFICE_DEFAULT_FORMATS: tuple[str, ...] = ("pdf", "docx")
"""What a run writes unless told otherwise: a PDF to send and a document to edit."""

FORMATS: tuple[str, ...] = ("md", "html", "pdf", "odt", "docx")
"""The five output formats: nothing else is ever written, whatever the source asks."""

_SHOWN = 60  # characters of a refused value shown in a message


def shown_value(value: object) -> str:
    """A refused value as a message shows it: one line, control characters escaped, cut short."""
    text = value if isinstance(value, str) else repr(value)
    text = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def check_formats(values: object, lang: str, *, where: str = "") -> list[str]:
    """``values`` as a list of the five formats, in their stable order; anything else is refused.

    Every source goes through here (command line, answers file, session, profile, API) before any
    converter runs: a name that is not one of the five (``latex``, ``pwn.lua``, a path) is never
    handed to a converter as a writer, filter or file.
    """
    from survivalkit.i18n import t

    if isinstance(values, str) or not isinstance(values, Iterable):
        raise UsageError(t("formats.not_list", lang, where=where or "formats", value=shown_value(values),
                           known=", ".join(FORMATS)))
    asked: list[str] = []
    for value in values:
        name = value.strip().lower() if isinstance(value, str) else None
        if name not in FORMATS:
            raise UsageError(t("formats.unknown", lang, value=shown_value(value), known=", ".join(FORMATS))
                             + (f" ({where})" if where else ""))
        asked.append(name)
    return [f for f in FORMATS if f in asked]
