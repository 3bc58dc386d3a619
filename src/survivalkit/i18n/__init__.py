"""Interface messages in French and English, and the choice of language."""

from __future__ import annotations

import locale
import os

from survivalkit.i18n.messages import MESSAGES
from survivalkit.i18n.words import SOURCE_LANGUAGE

LANGS = ("fr", "en")
ENV_LANG = "SURVIVALKIT_LANG"


def resolve_lang(option: str | None = None, environ: dict[str, str] | None = None) -> str:
    """``--lang``, then ``$SURVIVALKIT_LANG``, then the locale (``fr*`` → fr, else en)."""
    env = os.environ if environ is None else environ
    for candidate in (option, env.get(ENV_LANG)):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGS:
                return code
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    if environ is None:
        try:
            current = locale.getlocale()[0] or ""
        except ValueError:  # pragma: no cover - broken locale settings
            current = ""
        if current.lower().startswith("fr"):
            return "fr"
    return "en"


def t(key: str, lang: str, /, **values: object) -> str:
    """The message ``key`` in ``lang`` (French when missing), with ``{placeholders}`` filled."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry[SOURCE_LANGUAGE]
    return text.format(**values) if values else text
