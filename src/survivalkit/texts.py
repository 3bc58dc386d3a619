"""Reading localized texts without loading the model: a plain string is French; else {fr, en}."""

from __future__ import annotations

from typing import Any

SOURCE_LANGUAGE = "fr"


def tr(text: Any, lang: str) -> str:
    """The text in ``lang``, falling back to French."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if lang == "en" and getattr(text, "en", None):
        return str(text.en)
    return str(text.fr)


def has_lang(text: Any, lang: str) -> bool:
    """Whether ``text`` exists in ``lang`` without falling back."""
    if text is None:
        return True
    if isinstance(text, str):
        return lang == SOURCE_LANGUAGE
    return bool(getattr(text, lang, None))
