"""Interface messages in French and English, and the choice of language."""

from __future__ import annotations

from collections.abc import Mapping

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
    return text.format(**said)


def _said(value: object, lang: str) -> object:
    say = getattr(value, "say", None)
    return say(lang) if callable(say) else value
