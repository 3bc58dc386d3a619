"""What the process's environment asks of survivalkit: every variable is read here, and only here.

The library never reads ``os.environ`` anywhere else (a test in ``tests/test_settings.py`` keeps it
so); each function reads its variable when called, so a test or a caller may set it just before.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from pathlib import Path

ENV_HOME = "SURVIVALKIT_HOME"
"""A folder holding the agent's data and caches (tests, a portable install)."""
ENV_TODAY = "SURVIVALKIT_TODAY"
"""An ISO date (``2026-11-30``) that replaces today's date, for reproducible runs and tests."""
ENV_LIMITS = "SURVIVALKIT_KIT_LIMITS"
"""Lower limits for kit code, ``name=number,...`` (e.g. ``seconds=0.5,steps=20000``)."""
ENV_KIT = "SURVIVALKIT_KIT"
"""More kit folders, separated like ``PATH``."""
ENV_NO_CACHE = "SURVIVALKIT_NO_CACHE"
"""Any value: no cache at all."""
ENV_LANG = "SURVIVALKIT_LANG"
"""The language of messages and documents, when ``--lang`` does not say it."""
ENV_NO_INPUT = "SURVIVALKIT_NO_INPUT"
"""Any value: nobody can answer questions, even at a terminal."""
ENV_PANDOC = "PYPANDOC_PANDOC"
"""The pandoc program to use (pypandoc's own variable)."""
ENV_PYDANTIC_PLUGINS = "PYDANTIC_DISABLE_PLUGINS"
"""Pydantic's own variable: ``__all__`` looks up no third-party plugin."""
SYSTEM_LANG = ("LC_ALL", "LC_MESSAGES", "LANG")
"""The system's language, first set first."""


def environ() -> Mapping[str, str]:
    """The process's environment (for a policy that reads several variables at once)."""
    return os.environ


def home() -> Path | None:
    """``$SURVIVALKIT_HOME``, when set."""
    value = os.environ.get(ENV_HOME)
    return Path(value) if value else None


def fixed_today() -> dt.date | None:
    """``$SURVIVALKIT_TODAY`` as a date; a malformed value is ignored rather than stopping every
    command."""
    value = os.environ.get(ENV_TODAY, "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def kit_limits() -> str:
    """``$SURVIVALKIT_KIT_LIMITS`` as written (``sandbox.budget.limits_of`` reads it)."""
    return os.environ.get(ENV_LIMITS, "")


def kit_folders() -> list[Path]:
    """``$SURVIVALKIT_KIT``'s folders."""
    return [Path(p) for p in os.environ.get(ENV_KIT, "").split(os.pathsep) if p]


def no_cache() -> bool:
    """Whether ``$SURVIVALKIT_NO_CACHE`` asks for no cache at all."""
    return bool(os.environ.get(ENV_NO_CACHE))


def no_input() -> bool:
    """Whether ``$SURVIVALKIT_NO_INPUT`` says nobody can answer questions."""
    return bool(os.environ.get(ENV_NO_INPUT))


def no_colour() -> bool:
    """Whether ``NO_COLOR`` or ``TERM=dumb`` asks for plain output."""
    return bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"


def pandoc() -> str | None:
    """``$PYPANDOC_PANDOC``, when set."""
    return os.environ.get(ENV_PANDOC) or None


def without_pydantic_plugins() -> Callable[[], None]:
    """Pydantic looks up no third-party plugin in this process, unless ``$PYDANTIC_DISABLE_PLUGINS``
    says otherwise (the command line's choice, at its entry point: the look-up reads the metadata
    of every installed package at each start). Returns what sets the environment back."""
    set_by_us = os.environ.get(ENV_PYDANTIC_PLUGINS) is None
    if set_by_us:
        os.environ[ENV_PYDANTIC_PLUGINS] = "__all__"

    def back() -> None:
        if set_by_us:
            os.environ.pop(ENV_PYDANTIC_PLUGINS, None)

    return back
