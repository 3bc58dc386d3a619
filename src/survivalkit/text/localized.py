"""Reading localized texts without loading the model: a plain string is French; else {fr, en}."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from survivalkit.i18n.words import SOURCE_LANGUAGE

UNSAFE_CHARS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""Characters a terminal or a reader would not show as written: C0 and C1 controls (escape
sequences start with one; tab and newline excepted), bidirectional controls (which reorder what
is shown), lone surrogates."""


def strip_unsafe(text: str) -> str:
    """``text`` without the characters of ``UNSAFE_CHARS`` (for documents)."""
    return UNSAFE_CHARS.sub("", text)


def tr(text: Any, lang: str) -> str:
    """The text in ``lang``, falling back to French; never with a character of ``UNSAFE_CHARS``
    (a bidi override in a title would show it reordered, on screen and in documents)."""
    if text is None:
        return ""
    if isinstance(text, str):
        return strip_unsafe(text)
    if lang == "en" and getattr(text, "en", None):
        return strip_unsafe(str(text.en))
    return strip_unsafe(str(text.fr))


def fold(text: str) -> str:
    """Lowercase ASCII without accents, to compare words as people type them."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


_NEUTRAL = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|[\W\d_]", re.DOTALL)


def has_lang(text: Any, lang: str) -> bool:
    """Whether ``text`` exists in ``lang`` without falling back."""
    if text is None:
        return True
    if isinstance(text, str):
        # A text made only of template expressions ("{{ nom }}, {{ fonction }}") needs no translation.
        return lang == SOURCE_LANGUAGE or not _NEUTRAL.sub("", text)
    return bool(getattr(text, lang, None))
