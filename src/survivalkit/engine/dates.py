"""Reading dates in every form the tool shows, in French and English, and checking their range.

Accepted: ``26/11/2026`` (also with ``.`` or ``-``: always day/month/year), ``2026-11-26``,
``1er février 2027``, ``1 fevrier 2027``, ``15 March 2027``, ``March 15, 2027``, ``15th of Mar
2027``, a weekday in front, abbreviated months (``févr.``, ``Mar``), any case, accents optional,
and ``aujourd'hui`` / ``today``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import partial
from typing import Any

from survivalkit.errors import in_both, refused
from survivalkit.kit.model import DateRange, now
from survivalkit.text.localized import fold
from survivalkit.text.typography import MONTHS, format_date_long, format_date_short

MAX_INPUT = 100  # characters
TODAY_WORDS = frozenset({"aujourd'hui", "aujourdhui", "today"})
_MONTH_NAMES = [(fold(name), number) for names in MONTHS.values()
                for number, name in enumerate(names, start=1)]  # fmt: skip
_WEEKDAYS = frozenset({
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "lun", "mar", "mer", "jeu", "ven", "sam", "dim", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun",
})  # fmt: skip
_FILLERS = frozenset({"le", "the", "of", "on"})
_ISO = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_DMY = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_DAY = re.compile(r"(\d{1,2})(?:er|re|e|eme|st|nd|rd|th)?")
_YEAR = re.compile(r"\d{4}")


def _month(word: str) -> int | None:
    """A month named in French or English, in full or cut after three letters or more."""
    word = word.rstrip(".")
    if len(word) < 3:
        return None
    found = {number for name, number in _MONTH_NAMES if name.startswith(word)}
    return found.pop() if len(found) == 1 else None


def _calendar(year: int, month: int, day: int, lang: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise refused(lang, "answer.date_invalid") from None


def _slashed(day: int, month: int, year: int, lang: str) -> dt.date:
    """``15/03/2027``; ``03/15/2027`` says that dates are day/month/year and offers the swap."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        pass
    try:
        swapped = dt.date(year, day, month)
    except ValueError:
        raise refused(lang, "answer.date_invalid") from None
    raise refused(lang, "answer.date_swapped", date=in_both(partial(format_date_long, swapped)),
                  typed=in_both(partial(format_date_short, swapped)))


def _in_words(words: list[str], lang: str) -> dt.date | None:
    """``1er février 2027``, ``March 15 2027``, ``15th of March 2027`` (fillers already out)."""
    if len(words) != 3 or not _YEAR.fullmatch(words[2]):
        return None
    first, second = words[0], words[1]
    day_match = _DAY.fullmatch(first)
    month = _month(second)
    if day_match is None or month is None:
        day_match, month = _DAY.fullmatch(second), _month(first)
    if day_match is None or month is None:
        return None
    return _calendar(int(words[2]), month, int(day_match[1]), lang)


def parse_date(raw: object, lang: str = "fr", today: dt.date | None = None) -> dt.date:
    """A date typed or read from a file, in any form the tool shows (see the module's doc)."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, bool | int | float | list | dict | tuple):
        raise refused(lang, "answer.date")
    text = str(raw).strip()
    if len(text) > MAX_INPUT:
        raise refused(lang, "answer.date")
    text = fold(text.replace("’", "'"))
    if text in TODAY_WORDS:
        return today or now()
    match = _ISO.fullmatch(text)
    if match:
        return _calendar(int(match[1]), int(match[3]), int(match[4]), lang)
    match = _DMY.fullmatch(text)
    if match:
        return _slashed(int(match[1]), int(match[3]), int(match[4]), lang)
    words = [w for w in re.split(r"[\s,]+", text) if w]
    while len(words) > 3 and (words[0].rstrip(".") in _WEEKDAYS or words[0] in _FILLERS):
        words.pop(0)
    found = _in_words([w for w in words if w not in _FILLERS], lang)
    if found is None:
        raise refused(lang, "answer.date")
    return found


def check_date_range(value: dt.date, date_range: DateRange, context: Mapping[str, Any],
                     lang: str) -> None:
    """Raise ``AnswerError`` when ``value`` is outside ``date_range``, counted from the document date."""
    reference = context.get("doc_date")
    if not isinstance(reference, dt.date):
        reference = now()
    ok = {
        "future": value > reference,
        "past": value < reference,
        "today_or_future": value >= reference,
        "today_or_past": value <= reference,
    }[date_range]
    if not ok:
        raise refused(lang, f"answer.date_{date_range}",
                      date=in_both(partial(format_date_long, reference)))
