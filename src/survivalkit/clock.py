"""The one clock: every "today" in survivalkit is read here, so tests and golden files can set it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from survivalkit import settings

_fixed: dt.date | None = None


def today() -> dt.date:
    """Today's date: the fixed date if one is set, else ``$SURVIVALKIT_TODAY``, else the system's."""
    if _fixed is not None:
        return _fixed
    return settings.fixed_today() or dt.date.today()


PLAUSIBLE_YEARS = 50
"""A date read back from a saved session is believed within this many years of today."""


def saved_day(value: object) -> dt.date | None:
    """A date read back from a saved file (``2026-11-30``), when it is one and plausible (within
    ``PLAUSIBLE_YEARS`` of today): a damaged or edited session never dates documents in 9999."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        return None
    return day if abs(day.year - today().year) <= PLAUSIBLE_YEARS else None


def set_today(day: dt.date | None) -> None:
    """Fix the date (``None`` goes back to the system clock)."""
    global _fixed
    _fixed = day


@contextmanager
def frozen(day: dt.date) -> Iterator[None]:
    """Within the block, today is ``day``."""
    previous = _fixed
    set_today(day)
    try:
        yield
    finally:
        set_today(previous)
