"""Turning what people type (or what an answers file holds) into typed, validated answers."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

from survivalkit.engine.expressions import evaluate
from survivalkit.errors import AnswerError
from survivalkit.i18n import t
from survivalkit.kit.model import Question, QuestionType, now, tr
from survivalkit.output.typography import format_date_long, format_number

TRUE_WORDS = frozenset({"oui", "o", "yes", "y", "vrai", "true", "1"})
FALSE_WORDS = frozenset({"non", "n", "no", "faux", "false", "0"})
TODAY_WORDS = frozenset({"aujourd'hui", "aujourd’hui", "aujourdhui", "today"})
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0\u202f'’_]")
MAX_TEXT = 100_000


# C0 and C1 control characters except tab and newline, and lone surrogates (what a terminal in
# a non-UTF-8 locale hands over for bytes it cannot decode): none can be printed or saved.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x85]")
_CHOICE_NUMBER = re.compile(r"[0-9]{1,6}")
MAX_DIGITS = 15


def clean_text(raw: str) -> str:
    """Remove control characters (keeping newlines and tabs) and surrounding spaces."""
    return _UNPRINTABLE.sub("", _NEWLINES.sub("\n", raw)).strip()


def parse_amount(raw: object, lang: str = "fr") -> float:
    """``12000``, ``12 000 €``, ``12k``, ``12 000,50``, ``1,5 M€`` → a number of euros."""
    if isinstance(raw, bool):
        raise AnswerError(t("answer.amount", lang))
    if isinstance(raw, int | float):
        value = _as_float(raw, lang, "answer.amount")
    else:
        text = str(raw).strip().lower()
        text = re.sub(r"(€|eur(os?)?|\bht\b|\bttc\b)", "", text).strip()
        factor = 1.0
        if text.endswith(("k", "k€")):
            factor, text = 1_000.0, text.rstrip("k€").strip()
        elif text.endswith("m"):
            factor, text = 1_000_000.0, text[:-1].strip()
        value = _parse_decimal(text, lang, "answer.amount") * factor
    if not math.isfinite(value):
        raise AnswerError(t("answer.amount", lang))
    return round(value, 2)


def _as_float(raw: int | float, lang: str, message: str) -> float:
    try:
        return float(raw)
    except OverflowError:  # an integer with hundreds of digits
        raise AnswerError(t(message, lang)) from None


def _parse_decimal(text: str, lang: str, message: str) -> float:
    text = _SPACES.sub("", text)
    if not text:
        raise AnswerError(t(message, lang))
    if "," in text and "." in text:
        # 12.000,50 (French grouping with dots) or 12,000.50 (English grouping)
        french = text.rfind(",") > text.rfind(".")
        text = text.replace(".", "").replace(",", ".") if french else text.replace(",", "")
    elif "," in text:
        text = text.replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
        raise AnswerError(t(message, lang))
    return float(text)


def parse_number(raw: object, lang: str = "fr") -> float:
    """A decimal number, with a decimal comma or point."""
    if isinstance(raw, bool):
        raise AnswerError(t("answer.number", lang))
    if isinstance(raw, int | float):
        value = _as_float(raw, lang, "answer.number")
    else:
        value = _parse_decimal(str(raw).strip(), lang, "answer.number")
    if not math.isfinite(value):
        raise AnswerError(t("answer.number", lang))
    return value


def parse_integer(raw: object, lang: str = "fr") -> int:
    """A whole number; ``1 200`` is accepted."""
    if isinstance(raw, bool):
        raise AnswerError(t("answer.integer", lang))
    if isinstance(raw, int | float) and not (isinstance(raw, float) and not raw.is_integer()):
        if abs(raw) >= 10**MAX_DIGITS:
            raise AnswerError(t("answer.integer", lang))
        return int(raw)
    text = _SPACES.sub("", str(raw).strip())
    if not re.fullmatch(r"[+-]?\d{1,15}", text):
        raise AnswerError(t("answer.integer", lang))
    return int(text)


def parse_bool(raw: object, lang: str = "fr") -> bool:
    """oui/non, o/n, yes/no, y/n."""
    if isinstance(raw, bool):
        return raw
    word = str(raw).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise AnswerError(t("answer.bool", lang))


def parse_date(raw: object, lang: str = "fr", today: dt.date | None = None) -> dt.date:
    """``26/11/2026``, ``26-11-2026``, ``2026-11-26``, ``aujourd'hui`` / ``today``."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = str(raw).strip().lower()
    if text in TODAY_WORDS:
        return today or now()
    try:
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if match:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        raise AnswerError(t("answer.date_invalid", lang)) from None
    raise AnswerError(t("answer.date", lang))


def _choice_values(question: Question) -> list[str]:
    return [c.value for c in question.choices or []]


def _one_choice(question: Question, item: str, lang: str) -> str:
    item = item.strip()
    values = _choice_values(question)
    # ASCII digits only: "²".isdigit() is true but int("²") fails.
    if _CHOICE_NUMBER.fullmatch(item) and 1 <= int(item) <= len(values):
        return values[int(item) - 1]
    lowered = item.lower()
    for choice in question.choices or []:
        names = (choice.value, tr(choice.label, lang).lower(), tr(choice.label, "fr").lower())
        if lowered in names:
            return choice.value
    raise AnswerError(t("answer.choice", lang, n=len(values), values=", ".join(values)))


def parse_choice(question: Question, raw: object, lang: str = "fr") -> str:
    """A choice by its number (1-based), its value or its label."""
    if isinstance(raw, bool):
        raw = "oui" if raw else "non"
    return _one_choice(question, str(raw), lang)


def parse_multichoice(question: Question, raw: object, lang: str = "fr") -> list[str]:
    """Several choices: ``1,3``, ``1 3`` or values; kept in the order of the choices."""
    if isinstance(raw, list | tuple):
        items = [str(i) for i in raw]
    else:
        text = str(raw).strip()
        items = [i for i in re.split(r"[,;]\s*|\s+", text) if i] if text else []
        if not all(_CHOICE_NUMBER.fullmatch(i) for i in items) and "," in text:
            items = [i for i in re.split(r"[,;]", text) if i.strip()]
    picked = {_one_choice(question, item, lang) for item in items}
    return [v for v in _choice_values(question) if v in picked]


def cast_answer(question: Question, raw: Any, lang: str = "fr") -> Any:
    """Parse ``raw`` (typed text, or a value from an answers file) into the question's type."""
    kind = question.type
    if kind == QuestionType.AMOUNT:
        return parse_amount(raw, lang)
    if kind == QuestionType.NUMBER:
        return parse_number(raw, lang)
    if kind == QuestionType.INTEGER:
        return parse_integer(raw, lang)
    if kind == QuestionType.BOOL:
        return parse_bool(raw, lang)
    if kind == QuestionType.DATE:
        return parse_date(raw, lang)
    if kind == QuestionType.CHOICE:
        return parse_choice(question, raw, lang)
    if kind == QuestionType.MULTICHOICE:
        return parse_multichoice(question, raw, lang)
    if isinstance(raw, list | dict):
        raise AnswerError(t("answer.text", lang))
    text = clean_text(str(raw))
    if kind != QuestionType.LONGTEXT:
        text = " ".join(text.split())
    if kind == QuestionType.EMAIL and not EMAIL_RE.match(text):
        raise AnswerError(t("answer.email", lang))
    if kind == QuestionType.URL and not URL_RE.match(text):
        raise AnswerError(t("answer.url", lang))
    return text


def is_empty(value: Any) -> bool:
    """An answer that says nothing: None, blank text, an empty list."""
    return value is None or (isinstance(value, str | list) and not value)


def check_answer(
    question: Question, value: Any, context: Mapping[str, Any], lang: str = "fr"
) -> None:
    """Limits, pattern and the kit's own rules; raises ``AnswerError`` with the reason."""
    kind = question.type
    if isinstance(value, int | float) and not isinstance(value, bool):
        if question.min is not None and value < question.min:
            raise AnswerError(t("answer.min", lang, min=format_number(question.min, lang)))
        if question.max is not None and value > question.max:
            raise AnswerError(t("answer.max", lang, max=format_number(question.max, lang)))
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise AnswerError(t("answer.too_long", lang, max=MAX_TEXT))
        if question.min_length is not None and len(value) < question.min_length:
            raise AnswerError(t("answer.min_length", lang, n=question.min_length))
        if question.max_length is not None and len(value) > question.max_length:
            raise AnswerError(t("answer.max_length", lang, n=question.max_length, got=len(value)))
        if question.pattern and not re.fullmatch(question.pattern, value):
            message = tr(question.pattern_message, lang) or t("answer.pattern", lang)
            raise AnswerError(message)
    if kind == QuestionType.MULTICHOICE and isinstance(value, list):
        if question.min_length is not None and len(value) < question.min_length:
            raise AnswerError(t("answer.min_picks", lang, n=question.min_length))
        if question.max_length is not None and len(value) > question.max_length:
            raise AnswerError(t("answer.max_picks", lang, n=question.max_length))
    for rule in question.rules:
        local = {**context, question.id: value, "value": value}
        try:
            ok = bool(evaluate(rule.check, local))
        except Exception:  # a rule that cannot be evaluated on this value fails closed
            ok = False
        if not ok:
            raise AnswerError(tr(rule.message, lang))


def display_answer(question: Question, value: Any, lang: str = "fr") -> str:
    """An answer as a person reads it in a recap."""
    from survivalkit.output.typography import format_amount

    if is_empty(value):
        return "—"
    kind = question.type
    if kind == QuestionType.AMOUNT:
        return format_amount(value, "EUR", lang)
    if kind in (QuestionType.NUMBER, QuestionType.INTEGER):
        return format_number(value, lang)
    if kind == QuestionType.BOOL:
        return t("yes" if value else "no", lang)
    if kind == QuestionType.DATE and isinstance(value, dt.date):
        return format_date_long(value, lang)
    labels = {c.value: tr(c.label, lang) for c in question.choices or []}
    if kind == QuestionType.CHOICE:
        return labels.get(str(value), str(value))
    if kind == QuestionType.MULTICHOICE and isinstance(value, list):
        return "; ".join(labels.get(str(v), str(v)) for v in value)
    return str(value)


def to_plain(question: Question, value: Any) -> Any:
    """An answer as written to an answers file (dates as ISO strings, amounts as numbers)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and question.type != QuestionType.NUMBER:
        return int(value)
    return value
