"""Interface messages in French and English, and the choice of language."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from survivalkit.i18n.messages import MESSAGES
from survivalkit.i18n.words import SOURCE_LANGUAGE
from survivalkit.settings import ENV_LANG, SYSTEM_LANG
from survivalkit.settings import environ as process_environ

LANGS = ("fr", "en")


def resolve_lang(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The one language policy, for every command: ``--lang``, then ``$SURVIVALKIT_LANG``, then
    the system's language when it is French or English, then the kit's source language (French).

    The system's language is the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set; a
    locale of no language (``C.UTF-8``, ``POSIX``) or another language leaves French.
    """
    env = process_environ() if environ is None else environ
    for candidate in (option, env.get(ENV_LANG)):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGS:
                return code
    for var in SYSTEM_LANG:
        value = env.get(var)
        if value:
            code = value.strip().lower()[:2]
            return code if code in LANGS and value[2:3] in ("", "_", ".", "@") else SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def t(key: str, lang: str, /, **values: object) -> str:
    """The message ``key`` in ``lang`` (French when missing), with ``{placeholders}`` filled."""
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry[SOURCE_LANGUAGE]
    if not values:
        return text
    # A value that is itself a message (an error, a ``Msg``) is said in the same language.
    said = {k: _said(v, lang) for k, v in values.items()}
    for name, quote in _quoted(text).items():
        value = said.get(name)
        if isinstance(value, str) and name in _TITLES and _OPENING[quote] in value:
            said[name] = _INNER[quote](value)
    return text.format(**said)


# A value quoted by its message that holds quotes of its own (« Mémo « achat public » ») takes the
# second level of quotes inside the first: « Mémo “achat public” », “Memo ‘public purchase’”.
# Only names and titles (what a person typed, quoted back to them, is left as typed).
_TITLES = frozenset({"tool", "title", "document", "label", "datum", "stage", "name"})
_SPACES = "[ \u00a0\u202f]*"
_OPENING = {"«": "«", "“": "“"}


def _french_inner(value: str) -> str:
    return re.sub(_SPACES + "»", "”", re.sub("«" + _SPACES, "“", value))


def _english_inner(value: str) -> str:
    return value.replace("“", "‘").replace("”", "’")


_INNER = {"«": _french_inner, "“": _english_inner}


@lru_cache(maxsize=512)
def _quoted(text: str) -> dict[str, str]:
    """The placeholders ``text`` puts between quotes, with the opening quote used."""
    return {m.group(2): m.group(1)[0] for m in re.finditer("([«“]" + _SPACES + ")\\{(\\w+)\\}", text)}


def _said(value: object, lang: str) -> object:
    say = getattr(value, "say", None)
    return say(lang) if callable(say) else value
