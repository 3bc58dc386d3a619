"""Names that are safe to give a file: ASCII slugs, never a device name, never the folder's own files."""

from __future__ import annotations

import re
import unicodedata

RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9]|index|answers)$", re.IGNORECASE)
"""Names a document cannot take: Windows devices, and the folder's own index and answers file."""
MAX_NAME = 100
WINDOWS_DEVICES = re.compile(r"(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])", re.IGNORECASE)
"""Device names Windows reserves whatever the extension (``con``, ``NUL.md``, ``com1.tar.gz``)."""


MAX_COMPONENT_BYTES = 255
"""The longest name of one file or folder most file systems accept (in UTF-8 bytes)."""
MAX_PATH_BYTES = 4000
"""The longest whole path written (Linux allows 4096)."""


def too_long_part(path: str) -> str | None:
    """The part of ``path`` that no file system would take (a name over 255 bytes, or the whole
    path when it is over ``MAX_PATH_BYTES``), or None when every part fits."""
    for part in re.split(r"[/\\]", path):
        if len(part.encode("utf-8", "surrogateescape")) > MAX_COMPONENT_BYTES:
            return part
    return path if len(path.encode("utf-8", "surrogateescape")) > MAX_PATH_BYTES else None


def windows_device(name: str) -> bool:
    """Whether ``name`` (a file name, or an id that becomes one) is a Windows device name: what is
    before its first dot, trailing dots and spaces ignored as Windows does, in any case."""
    return bool(WINDOWS_DEVICES.fullmatch(name.split(".", 1)[0].rstrip(" .")))


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


def shown_name(text: str) -> str:
    """A key, an id or a file name as a message shows it: invisible characters (zero-width spaces,
    joiners, no-break spaces, combining marks, controls) and look-alike letters (a Cyrillic « о »
    in a Latin word, fullwidth or mathematical letters) are written as ``\\u200b``, so that
    « `objet\\u200b` … did you mean `objet`? » says what differs."""
    if text.isascii() and text.isprintable():
        return text
    latin = any(ch.isascii() and ch.isalpha() for ch in text)
    out = []
    for ch in text:
        if ch.isascii() and ch.isprintable():
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        odd = category[0] in "CZ" or category in ("Mn", "Me") or unicodedata.normalize("NFKC", ch) != ch
        if not odd and latin and category[0] == "L":
            odd = not unicodedata.name(ch, "").startswith("LATIN")
        if odd:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return "".join(out)


def without_controls(text: object, limit: int) -> str:
    """``text`` as it may be shown: control and formatting characters (terminal escapes,
    bidirectional overrides, line breaks) dropped, cut at ``limit``; a value that is not a text,
    a number, gives nothing."""
    if isinstance(text, bool) or not isinstance(text, str | int | float):
        return ""
    return "".join(c for c in str(text) if unicodedata.category(c) not in ("Cc", "Cf"))[:limit]
