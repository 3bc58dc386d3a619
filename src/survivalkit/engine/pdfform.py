"""Answers read back from a filled PDF form (``survivalkit sheets TOOL --form``), as untrusted text.

The printed form is also a fillable PDF: one field per question, named by its id — a text field,
radio buttons for one choice or yes/no (their export values are the choices' values, ``yes`` and
``no``), a check box per box of a question with several answers (``id:value``), three text
fields for a date (``id:dd``, ``id:mm``, ``id:yyyy``). This module turns such a file into the
mapping an answers file gives, and nothing more: every value is a plain string (or a list of
strings) that then goes through the interview's one validation path, like a typed answer.

Whatever sent the file, it is read with limits first: its size, how many fields, how long a value
is, which names count (a question id, optionally ``:`` and a box's value); control characters are
dropped. A field name that is not one of ours is ignored, never used.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from survivalkit.errors import UsageError
from survivalkit.i18n import t

MAX_PDF_BYTES = 20 * 1024 * 1024
"""The largest PDF form read (a filled form weighs a few hundred kilobytes)."""
MAX_FIELDS = 2000
"""The most form fields read from one file."""
MAX_VALUE_CHARS = 20_000
"""The longest value read from one field (each question's own limit is checked afterwards)."""
FIELD_NAME = re.compile(r"([a-z][a-z0-9_]{0,63})(?::([A-Za-z0-9_.-]{1,64}))?")
"""``question_id`` or ``question_id:part`` — anything else is not a field of ours."""
DATE_PARTS = ("dd", "mm", "yyyy")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Control and bidirectional-override characters: never part of an answer."""


def is_pdf(path: Path) -> bool:
    """Whether ``path`` names a PDF (by its extension)."""
    return path.suffix.lower() == ".pdf"


def read_pdf_answers(path: Path, lang: str) -> dict[str, Any]:
    """The answers written in a filled PDF form, by question id (empty fields left out)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UsageError(t("answers_file.not_found", lang, file=path)) from None
    except OSError as exc:
        raise UsageError(t("pdfform.unreadable", lang, file=path, reason=exc.strerror or exc)) \
            from None
    if size > MAX_PDF_BYTES:
        raise UsageError(t("pdfform.too_big", lang, file=path, max=MAX_PDF_BYTES // (1024 * 1024)))
    fields = _fields(path, lang)
    if len(fields) > MAX_FIELDS:
        raise UsageError(t("pdfform.too_many", lang, file=path, max=MAX_FIELDS))
    answers: dict[str, Any] = {}
    dates: dict[str, dict[str, str]] = {}
    for name, field in fields.items():
        match = FIELD_NAME.fullmatch(str(name))
        if match is None:
            continue
        question, part = match[1], match[2]
        value = _value(field, str(name), path, lang)
        if value is None:
            continue
        if part in DATE_PARTS:
            if isinstance(value, str):
                dates.setdefault(question, {})[part] = value
        elif part is not None:  # a ticked box of a question with several answers
            if value is not False:
                picked = answers.setdefault(question, [])
                if isinstance(picked, list):
                    picked.append(part)
        elif isinstance(value, str):
            answers[question] = value
    for question, parts in dates.items():
        answers[question] = "/".join(parts.get(p, "").strip() for p in DATE_PARTS)
    return answers


def _fields(path: Path, lang: str) -> Mapping[str, Any]:
    """The form fields of the PDF, by name (pypdf, quiet)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise UsageError(t("pdfform.no_pypdf", lang)) from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    from survivalkit.kit.yamlread import NotRegular, read_regular

    try:  # read through the guarded reader: a FIFO named *.pdf never hangs, a device is refused
        raw = read_regular(path, MAX_PDF_BYTES + 1)
    except NotRegular:
        raise UsageError(t("pdfform.unreadable", lang, file=path, reason=t("fs.special", lang))) from None
    except OSError as exc:
        raise UsageError(t("pdfform.unreadable", lang, file=path, reason=exc.strerror or exc)) from None
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted:
            raise UsageError(t("pdfform.encrypted", lang, file=path))
        fields = reader.get_fields() or {}
    except UsageError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError,
            RecursionError) as exc:
        raise UsageError(t("pdfform.unreadable", lang, file=path, reason=type(exc).__name__)) \
            from None
    if not fields:
        raise UsageError(t("pdfform.no_fields", lang, file=path))
    return {**fields, **_ticked_radios(reader, len(fields))}


def _ticked_radios(reader: Any, limit: int) -> dict[str, Any]:
    """Radio groups read from their buttons: some viewers only mark the button ticked (``/AS``)."""
    found: dict[str, Any] = {}
    seen = 0
    try:
        for page in reader.pages:
            for ref in page.get("/Annots") or []:
                seen += 1
                if seen > MAX_FIELDS + limit:
                    return found
                widget = ref.get_object()
                parent = widget.get("/Parent")
                state = str(widget.get("/AS") or "/Off")
                if parent is None or state == "/Off":
                    continue
                group = parent.get_object()
                if group.get("/Opt") is None or str(group.get("/V") or "/Off") != "/Off":
                    continue
                name = str(group.get("/T") or "")
                found.setdefault(name, {"/FT": "/Btn", "/V": state, "/Opt": group.get("/Opt")})
    except (AttributeError, KeyError, TypeError, ValueError, RecursionError):
        return found
    return found


def _value(field: Mapping[str, Any], name: str, path: Path, lang: str) -> str | bool | None:
    """A field's value as text (``False`` for an unticked box, None when empty)."""
    kind = str(field.get("/FT") or "")
    raw = field.get("/V")
    if raw is None:
        return None
    if kind == "/Btn":
        state = str(raw)
        if state in ("", "/Off", "Off"):
            return None if field.get("/Opt") is not None else False
        options = field.get("/Opt")
        if options is not None:  # radio buttons: the state is the index of the export value
            labels = [str(o) for o in options][:MAX_FIELDS]
            key = state.lstrip("/")
            if key.isdigit() and int(key) < len(labels):
                return _text(labels[int(key)], name, path, lang)
            return _text(key, name, path, lang) if key in labels else None
        return True
    if isinstance(raw, list | tuple):
        return None
    text = _text(str(raw), name, path, lang)
    return text if text.strip() else None


def _text(value: str, name: str, path: Path, lang: str) -> str:
    """Untrusted text from a field: bounded, without control characters."""
    if len(value) > MAX_VALUE_CHARS:
        raise UsageError(t("pdfform.value_too_long", lang, file=path, field=name[:80],
                           max=MAX_VALUE_CHARS))
    return CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
