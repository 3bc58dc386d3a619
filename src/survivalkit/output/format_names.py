"""The output formats as a civil servant names them, and the default set of a run."""

from __future__ import annotations

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
