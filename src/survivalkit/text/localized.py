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


LANG_MARK = re.compile(r"\[([^\[\]\n]+)\]\{lang=(fr|en)\}")
"""A phrase in the other language, in a kit text: ``[design thinking]{lang=en}`` (the words in
square brackets, then ``{lang=en}`` or ``{lang=fr}`` right after, as Pandoc writes a span).
HTML and PDF sheets mark it ``<span lang="en">`` for screen readers; plain text keeps the words."""
_MARK_START = "]{lang="
_MARK_LIKE = re.compile(r"\{\s*lang\s*[=:]", re.IGNORECASE)


def strip_marks(text: str) -> str:
    """``text`` with each language mark replaced by its words (``[workshop]{lang=en}`` → ``workshop``)."""
    if _MARK_START not in text:
        return text
    return LANG_MARK.sub(r"\1", text)


def split_marks(text: str) -> list[tuple[str, str | None]]:
    """``text`` cut into (words, language) runs: None for the text's own words, ``en`` or ``fr``
    for a marked phrase."""
    if _MARK_START not in text:
        return [(text, None)]
    out: list[tuple[str, str | None]] = []
    at = 0
    for match in LANG_MARK.finditer(text):
        if match.start() > at:
            out.append((text[at:match.start()], None))
        out.append((match[1], match[2]))
        at = match.end()
    if at < len(text):
        out.append((text[at:], None))
    return out


def bad_marks(text: str, lang: str | None = None) -> list[str]:
    """What looks like a language mark but is not one (``[x] {lang=en}``, ``{lang=de}``,
    ``[]{lang=en}``, ``{lang: en}``), or marks a phrase in ``lang``, the text's own language;
    each as the fragment to quote."""
    if "lang" not in text.lower():
        return []
    good = [(m.start(), m.end()) for m in LANG_MARK.finditer(text) if m[1].strip()]
    found: list[str] = []
    for match in _MARK_LIKE.finditer(text):
        if not any(start < match.start() < end for start, end in good):
            opening = text.rfind("[", max(0, match.start() - 40), match.start())
            closing = text.find("}", match.start(), match.start() + 20)
            found.append(text[opening if opening != -1 else max(0, match.start() - 15):
                              closing + 1 if closing != -1 else match.end() + 5].strip())
    if lang is not None:
        found += [m[0] for m in LANG_MARK.finditer(text) if m[2] == lang]
    return found


def tr(text: Any, lang: str, *, marks: bool = False) -> str:
    """The text in ``lang``, falling back to French; never with a character of ``UNSAFE_CHARS``
    (a bidi override in a title would show it reordered, on screen and in documents).

    Language marks (``LANG_MARK``) are kept with ``marks`` (for a page that shows them as
    ``lang``), else reduced to their words: plain text has no use for them."""
    if text is None:
        return ""
    if isinstance(text, str):
        value = text
    elif lang == "en" and getattr(text, "en", None):
        value = str(text.en)
    else:
        value = str(text.fr)
    value = strip_unsafe(value)
    return value if marks else strip_marks(value)


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
