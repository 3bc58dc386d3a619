"""Names that are safe to give a file: ASCII slugs, never a device name, never the folder's own files."""

from __future__ import annotations

import re
import unicodedata

RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9]|index|answers)$", re.IGNORECASE)
"""Names a document cannot take: Windows devices, and the folder's own index and answers file."""
MAX_NAME = 100


def slugify(text: object, max_length: int = 60) -> str:
    """ASCII lowercase words joined by dashes: ``Imprimante 3D (atelier)`` → ``imprimante-3d-atelier``."""
    value = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^a-zA-Z0-9]+", "-", value).strip("-").lower()
    return value[:max_length].strip("-") or "document"


def safe_filename(stem: str, extension: str) -> str:
    """An ASCII-safe file name from a template's result; never a path, never a reserved name."""
    base = slugify(stem, max_length=MAX_NAME)
    if RESERVED.match(base):
        base = f"doc-{base}"
    return f"{base}.{extension}" if extension else base
