"""Reading amounts and numbers as people write them in French and English, and saying when unsure.

Spaces (ordinary, no-break, narrow no-break), apostrophes and underscores always group thousands.
With both ``.`` and ``,`` the last one is the decimal separator (``1.234,56``, ``1,234.56``).
With a single ``.`` or ``,`` followed by exactly three digits the reading depends on habits: the
language's thousands separator groups (``45.000`` in French, ``45,000`` in English), while its
decimal separator could mean either (``45,000`` in French: 45 or 45 000) and is asked again.
"""

from __future__ import annotations

import decimal
import math
import re
from decimal import Decimal
from functools import partial
from typing import Any

from survivalkit.errors import AnswerError, Msg, in_both, refused
from survivalkit.text.typography import format_amount, format_number

MAX_INPUT = 100  # characters: nobody writes an amount longer than this
MAX_DIGITS = 15  # whole digits a float still holds exactly
_GROUPING = frozenset(" \t\u00a0\u202f\u2009\u2007'’_")
_CURRENCY = re.compile(
    r"€|(?<![a-z])(?:eur|euros?|hors taxes?|toutes taxes comprises|excl\.? vat|incl\.? vat"
    r"|excluding vat|including vat|ht|h\.t\.?|ttc|t\.t\.c\.?)(?![a-z])"
)
_SUFFIXES = (  # longest first
    ("millions", 1_000_000.0), ("million", 1_000_000.0), ("mio", 1_000_000.0),
    ("k", 1_000.0), ("m", 1_000_000.0),
)  # fmt: skip


class Amount(Decimal):
    """An amount of money, exact to the cent: what is summed never drifts (``0.1 + 0.2`` is
    ``0.3``), while a kit's arithmetic with ordinary numbers keeps working (``montant * 0.2``,
    ``montant > 40000``, ``montant <= fact('seuil')``): a float is read as the decimal it is
    written as (``0.2`` is exactly two tenths), and every result is an ``Amount`` again.

    An answer is read as a float rounded to the cent, then made exact from its shortest
    writing (``Amount.of(12000.5)`` is ``12000.5``): written to answers files and sessions as that
    number (``to_plain``), it reads back equal.
    """

    __slots__ = ()

    @classmethod
    def of(cls, value: object) -> Amount:
        """``value`` (an int, a float read as written, a Decimal or a text of digits) as an amount."""
        exact = _exact(value)
        if exact is None:
            raise TypeError(f"not a number: {type(value).__name__}")
        return cls(exact)

    def __repr__(self) -> str:
        return f"Amount('{self}')"

    def __hash__(self) -> int:
        return Decimal.__hash__(self)

    def __neg__(self, context: Any = None) -> Amount:
        return Amount(Decimal.__neg__(self))

    def __pos__(self, context: Any = None) -> Amount:
        return Amount(Decimal.__pos__(self))

    def __abs__(self, round: bool = True, context: Any = None) -> Amount:
        return Amount(Decimal.__abs__(self))

    def __round__(self, n: int | None = None) -> Any:
        if n is None:
            return Decimal.__round__(self)
        return Amount(Decimal.__round__(self, n))


def _exact(value: object) -> Decimal | int | None:
    """An operand as an exact number: a float as the decimal it is written as; None if not a number."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return Decimal(value)
        except ArithmeticError:
            return None
    return None


def _operator(name: str, *, arithmetic: bool) -> Any:
    """``Decimal``'s operator ``name`` with a float read as written; an arithmetic result is an
    ``Amount`` again."""
    operation = getattr(Decimal, name)

    def method(self: Amount, other: object) -> Any:
        exact = _exact(other) if not isinstance(other, str) else None
        if exact is None:
            return NotImplemented
        try:
            result = operation(self, exact)
        except ZeroDivisionError:  # decimal's own classes would read « DivisionByZero: [<class…>] »
            raise ZeroDivisionError("division by zero") from None
        except decimal.Overflow:
            raise OverflowError("number too large") from None
        except decimal.DecimalException:
            raise ValueError("invalid operation on an amount") from None
        return Amount(result) if arithmetic and isinstance(result, Decimal) else result

    method.__name__ = name
    return method


for _name in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "divmod"):
    for _side in ("", "r"):
        setattr(Amount, f"__{_side}{_name}__", _operator(f"__{_side}{_name}__", arithmetic=True))
for _name in ("eq", "ne", "lt", "le", "gt", "ge"):
    setattr(Amount, f"__{_name}__", _operator(f"__{_name}__", arithmetic=False))


class AmbiguousAnswer(AnswerError):
    """An answer that reads as two different values; the message names both."""

    def __init__(self, message: str, readings: tuple[float, float], *, lang: str | None = None) -> None:
        super().__init__(message, lang=lang)
        self.readings = readings


def _tokens(text: str) -> list[str] | None:
    """Digit runs and separators (``.``, ``,`` or one ``" "`` for any grouping run); None if other."""
    out: list[str] = []
    digits: list[str] = []
    for char in text:
        if "0" <= char <= "9":
            digits.append(char)
            continue
        if digits:
            out.append("".join(digits))
            digits = []
        if char in ".,":
            out.append(char)
        elif char in _GROUPING:
            if out and out[-1] == " ":
                continue
            out.append(" ")
        else:
            return None
    if digits:
        out.append("".join(digits))
    return out


def _grouped(groups: list[str]) -> bool:
    """``12000`` alone, or ``12 000 000``: a first group of one to three digits, then groups of three."""
    return len(groups) == 1 or (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]))


def readings(text: str, lang: str) -> list[float] | None:
    """The values ``text`` can mean (one, or two when ambiguous); None when it is no number."""
    text = text.strip()
    sign = ""
    if text[:1] in ("+", "-"):
        sign, text = text[0], text[1:].strip()
    tokens = _tokens(text)
    if not tokens:
        return None
    if tokens[0] in ".,":  # ".5"
        tokens.insert(0, "0")
    groups = tokens[0::2]
    seps = tokens[1::2]
    if len(groups) != len(seps) + 1 or not all(g.isdigit() for g in groups):
        return None
    if sum(len(g) for g in groups) > MAX_DIGITS + 6:
        return None
    marks = [s for s in seps if s != " "]
    kinds = set(marks)

    def number(whole: list[str], frac: str = "") -> float:
        return float(sign + "".join(whole) + ("." + frac if frac else ""))

    if not marks or (len(marks) >= 2 and len(kinds) == 1):
        return [number(groups)] if _grouped(groups) else None  # only thousands separators
    if seps[-1] == " ":
        return None  # "1,5 000": a decimal part cannot be grouped
    if len(kinds) == 2 and marks.count(seps[-1]) != 1:
        return None  # "1,234,56.7": the decimal separator comes once, last
    whole, frac = groups[:-1], groups[-1]
    if not _grouped(whole):
        return None
    decimal = number(whole, frac)
    if len(kinds) == 2 or " " in seps:
        return [decimal]  # 1.234,56 / 12 000,50: the last mark can only be the decimal one
    left = whole[0]
    if len(frac) != 3 or len(left) > 3 or left.startswith("0"):
        return [decimal]  # 2,5 / 12000,50 / 0,125: no thousands grouping reads like that
    thousands = number([*whole, frac])
    if seps[-1] == ("." if lang == "fr" else ","):
        return [thousands]  # 45.000 in French, 45,000 in English
    return [decimal, thousands]


def _plain(value: float, lang: str) -> str:
    """``value`` without grouping, with the language's decimal separator."""
    if value.is_integer():
        return str(int(value))
    text = f"{value:.6f}".rstrip("0")
    return text.replace(".", ",") if lang == "fr" else text


def _typed(value: float, lang: str) -> str:
    """How to write ``value`` so that it reads only one way (no grouping, never three decimals)."""
    text = _plain(value, lang)
    return text + "0" if len(re.split("[.,]", text + ".")[1]) == 3 else text


def _split_suffix(text: str) -> tuple[str, float]:
    for word, factor in _SUFFIXES:
        if text.endswith(word):
            head = text[: -len(word)].rstrip()
            if head and (head[-1].isdigit() or head[-1] in _GROUPING):
                return head, factor
    return text, 1.0


def _from_value(raw: object, lang: str, message: str) -> float | None:
    """A number an answers file already holds as one, or None when ``raw`` is text."""
    if isinstance(raw, bool | list | dict | tuple):
        raise refused(lang, message)
    if isinstance(raw, int | float | Decimal):
        try:
            value = float(raw)
        except OverflowError:  # an integer with hundreds of digits
            raise refused(lang, message) from None
        if not math.isfinite(value):
            raise refused(lang, message)
        return value
    return None


def _text(raw: object, lang: str, message: str) -> str:
    text = str(raw).strip()
    if not text or len(text) > MAX_INPUT:
        raise refused(lang, message)
    return text.lower()


def parse_amount(raw: object, lang: str = "fr") -> Amount:
    """``12000``, ``12 000 €``, ``€45,000``, ``12k``, ``12 000,50``, ``1,5 M€`` → euros, to the cent."""
    value = _from_value(raw, lang, "answer.amount")
    if value is None:
        text = _CURRENCY.sub(" ", _text(raw, lang, "answer.amount")).strip()
        text, factor = _split_suffix(text)
        found = readings(text, lang)
        if not found:
            raise refused(lang, "answer.amount")
        values = [round(v * factor, 2) for v in found]
        if len(values) == 2 and values[0] != values[1]:
            small, large = values
            raise AmbiguousAnswer(
                Msg("answer.amount_ambiguous",
                    first=in_both(partial(format_amount, small, "EUR")),
                    second=in_both(partial(format_amount, large, "EUR")),
                    first_typed=in_both(partial(_typed, small)),
                    second_typed=in_both(partial(_typed, large))),
                (small, large), lang=lang,
            )
        value = values[0]
    if not math.isfinite(value) or abs(value) >= 10**MAX_DIGITS:
        raise refused(lang, "answer.amount")
    return Amount.of(round(value, 2))


def parse_number(raw: object, lang: str = "fr") -> float:
    """A decimal number, with a decimal comma or point; ``2,5``, ``1 200,75``."""
    value = _from_value(raw, lang, "answer.number")
    if value is None:
        found = readings(_text(raw, lang, "answer.number"), lang)
        if not found:
            raise refused(lang, "answer.number")
        if len(found) == 2:
            small, large = found
            raise AmbiguousAnswer(
                Msg("answer.number_ambiguous",
                    first=in_both(partial(_plain, small)), second=in_both(partial(format_number, large)),
                    first_typed=in_both(partial(_typed, small)),
                    second_typed=in_both(partial(_typed, large))),
                (small, large), lang=lang,
            )
        value = found[0]
    if not math.isfinite(value) or abs(value) >= 10**MAX_DIGITS:
        raise refused(lang, "answer.number")
    return value


def parse_integer(raw: object, lang: str = "fr") -> int:
    """A whole number; ``1 200``, ``1.200`` in French and ``1,200`` in English are 1200."""
    value = _from_value(raw, lang, "answer.integer")
    if value is None:
        found = readings(_text(raw, lang, "answer.integer"), lang) or []
        whole = [v for v in found if v.is_integer()]
        if len(whole) != 1:
            raise refused(lang, "answer.integer")
        value = whole[0]
    if not value.is_integer() or abs(value) >= 10**MAX_DIGITS:
        raise refused(lang, "answer.integer")
    return int(value)
