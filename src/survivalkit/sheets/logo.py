"""The organiser's logo on a booklet's cover: a small PNG or JPEG, carried inside the page.

The file is read once, checked by its first bytes (not its name) and by its size, and put in
the page as a ``data:`` URI; the printer loads nothing else.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from survivalkit.errors import UsageError
from survivalkit.i18n import t

MAX_LOGO_BYTES = 2 * 1024 * 1024
"""The largest logo accepted (a cover logo needs a few tens of kilobytes)."""
SIGNATURES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def image_type(data: bytes) -> str | None:
    """``image/png`` or ``image/jpeg`` from the file's first bytes, else None."""
    return next((mime for head, mime in SIGNATURES.items() if data.startswith(head)), None)


def read_logo(path: Path, lang: str) -> str:
    """The logo at ``path`` as a ``data:`` URI; refuses anything but a PNG or JPEG of 2 MB or less."""
    try:
        size = path.stat().st_size
        if size > MAX_LOGO_BYTES:
            raise UsageError(t("sheets.logo.too_big", lang, path=path,
                               max=MAX_LOGO_BYTES // (1024 * 1024)))
        data = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(t("sheets.logo.missing", lang, path=path)) from None
    except OSError as exc:
        raise UsageError(t("sheets.logo.unreadable", lang, path=path,
                           reason=exc.strerror or str(exc))) from None
    mime = image_type(data)
    if mime is None or len(data) > MAX_LOGO_BYTES:
        raise UsageError(t("sheets.logo.kind", lang, path=path))
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")


def data_uri_image(url: str) -> tuple[str, bytes] | None:
    """The image a ``data:image/png;base64,…`` URI holds, if it is one of ours; else None."""
    for mime in SIGNATURES.values():
        prefix = f"data:{mime};base64,"
        if url.startswith(prefix) and len(url) <= len(prefix) + MAX_LOGO_BYTES * 4 // 3 + 4:
            try:
                data = base64.b64decode(url[len(prefix):], validate=True)
            except (binascii.Error, ValueError):
                return None
            return (mime, data) if image_type(data) == mime else None
    return None
