"""French and English typography: dates in words, amounts, numbers and no-break spaces."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal

from survivalkit.text.markdown import outside_addresses

NNBSP = "\u202f"  # narrow no-break space: thousands, before ; ! ? and inside « »
NBSP = "\u00a0"  # no-break space: before : and between a number and its unit
CENT = Decimal("0.01")

MONTHS = {
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

UNIT_SUFFIX = {
    "fr": {"EUR_HT": "€ HT", "EUR_TTC": "€ TTC", "EUR": "€"},
    "en": {"EUR_HT": "€ excl. VAT", "EUR_TTC": "€ incl. VAT", "EUR": "€"},
}


def format_date_long(day: object, lang: str = "fr") -> str:
    """``26 novembre 2026`` / ``26 November 2026`` (``1er`` for the first day in French)."""
    if isinstance(day, dt.datetime):
        day = day.date()
    if not isinstance(day, dt.date):
        return str(day)
    months = MONTHS.get(lang, MONTHS["fr"])
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{number} {months[day.month - 1]} {day.year}"


def format_date_short(day: object, lang: str = "fr") -> str:
    """``26/11/2026`` in both languages: day/month/year, the order the tool reads back."""
    if isinstance(day, dt.datetime):
        day = day.date()
    if not isinstance(day, dt.date):
        return str(day)
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def format_number(value: object, lang: str = "fr") -> str:
    """Group thousands (narrow no-break space in French, comma in English), decimal comma in French."""
    number: int | float | Decimal
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        number = value
    else:
        try:
            number = float(str(value).replace(",", "."))
        except ValueError:
            return str(value)
    if isinstance(number, Decimal) and (not number.is_finite() or abs(number) >= 10**25):
        number = float(number)  # never an amount a person typed: no cent to keep exact
    negative = number < 0
    number = -number if negative else number
    if isinstance(number, Decimal):  # an amount: exact, rounded to the cent as a cashier would
        cents = number.quantize(CENT, rounding=ROUND_HALF_UP)
        whole, _, decimals = f"{cents:f}".partition(".")
        decimals = "" if cents == cents.to_integral_value() else decimals
    elif not math.isfinite(number):
        return str(value)
    elif float(number).is_integer():
        whole, decimals = f"{int(number):d}", ""
    else:
        whole, decimals = f"{number:.2f}".split(".")
    sep = NNBSP if lang == "fr" else ","
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = sep.join(groups)
    if decimals:
        text += ("," if lang == "fr" else ".") + decimals
    return ("-" if negative else "") + text


def format_amount(value: object, unit: str = "EUR", lang: str = "fr") -> str:
    """``60 000 € HT`` in French, ``€60,000 excl. VAT`` in English."""
    number = format_number(value, lang)
    suffix = UNIT_SUFFIX.get(lang, UNIT_SUFFIX["fr"]).get(unit, unit)
    if lang == "fr":
        return f"{number}{NBSP}{suffix}"
    rest = suffix.removeprefix("€").strip()
    return f"€{number}" + (f" {rest}" if rest else "")


# Each pattern starts at the first space of a run (never inside it): linear on any text.
_BEFORE_HIGH = re.compile(r"(?<![ \u00a0\u202f])[ \u00a0\u202f]*([;!?])")
_BEFORE_COLON = re.compile(r"(?<=[^\s\\])[ \u00a0\u202f]*:(?=\s|$)")  # not after an escaping backslash
_OPEN_GUILLEMET = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE_GUILLEMET = re.compile(r"(?<![ \u00a0\u202f])[ \u00a0\u202f]*»")


def french_spacing(text: str) -> str:
    """No-break spaces before ``; ! ?`` and ``:``, and inside « », leaving link targets,
    autolinks, addresses (``mailto:`` included) and code alone."""
    return outside_addresses(text, _space)


def _space(chunk: str) -> str:
    chunk = _BEFORE_HIGH.sub(lambda m: _high(m, chunk), chunk)
    chunk = _BEFORE_COLON.sub(NBSP + ":", chunk)
    chunk = _OPEN_GUILLEMET.sub("«" + NNBSP, chunk)
    return _CLOSE_GUILLEMET.sub(NNBSP + "»", chunk)


def _high(match: re.Match[str], chunk: str) -> str:
    # Only after a word: "?!" runs, and a sign at the start of a line, keep their spacing.
    start = match.start()
    if start == 0 or chunk[start - 1] in "\n!?;":
        return match.group(0)
    return NNBSP + match.group(1)
