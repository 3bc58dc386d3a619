"""Turning what people type (or what an answers file holds) into typed, validated answers.

Every source (terminal, answers file, ``--set``, autosave, kit defaults) goes through
``cast_answer`` then ``check_answer``. Sizes are checked before anything else, and every check
runs in linear time, so an answer of any size is refused at once.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from functools import partial
from typing import Any

from survivalkit.engine.amounts import AmbiguousAnswer, parse_amount, parse_integer, parse_number
from survivalkit.engine.dates import check_date_range, parse_date
from survivalkit.errors import AnswerError, Msg, TemplateError, in_both, refused
from survivalkit.i18n import t
from survivalkit.kit.model import Question, QuestionType
from survivalkit.kit.yamlread import YamlWord
from survivalkit.sandbox.expressions import BudgetExceeded, evaluate
from survivalkit.text.localized import fold, tr
from survivalkit.text.typography import format_date_long, format_number

__all__ = [
    "AmbiguousAnswer", "cast_answer", "check_answer", "display_answer", "is_empty", "max_length",
    "parse_amount", "parse_bool", "parse_choice", "parse_date", "parse_integer", "parse_multichoice",
    "parse_number", "to_plain",
]  # fmt: skip

from survivalkit.i18n.words import FALSE_WORDS, TRUE_WORDS

URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)

# Longest answers, in characters, checked before any other work. A question's own `max_length`
# can only lower them. Beyond a few pages, a text is a document to attach, not an answer.
MAX_LONGTEXT = 10_000
MAX_LINE = 1_000
MAX_EMAIL = 254  # the longest address mail servers carry (RFC 5321)
MAX_URL = 2_000
MAX_PICKS = 1_000  # characters of a several-choices answer (labels may be typed in full)
MAX_SHORT = 100  # amounts, numbers, dates, yes/no, one choice
_LIMITS = {
    QuestionType.LONGTEXT: MAX_LONGTEXT, QuestionType.TEXT: MAX_LINE, QuestionType.EMAIL: MAX_EMAIL,
    QuestionType.URL: MAX_URL, QuestionType.MULTICHOICE: MAX_PICKS,
}  # fmt: skip

# C0 and C1 control characters except tab and newline, and lone surrogates (what a terminal in
# a non-UTF-8 locale hands over for bytes it cannot decode): none can be printed or saved.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_NEWLINES = re.compile("\r\n?|[\u2028\u2029\x85]")
_CHOICE_NUMBER = re.compile(r"[0-9]{1,6}")
_CHOICE_RANGE = re.compile(r"([0-9]{1,6})\s*[-–]\s*([0-9]{1,6})")
# Between picks: commas, semicolons, slashes, "et", "and", "&", "+", or spaces alone.
_PICK_SEPARATORS = re.compile(r"\s*(?:[,;/&+]|\bet\b|\band\b)\s*|\s+")


_TEXTS = frozenset({QuestionType.TEXT, QuestionType.LONGTEXT, QuestionType.EMAIL, QuestionType.URL})


def max_length(question: Question) -> int:
    """The most characters an answer to ``question`` may have."""
    return _LIMITS.get(question.type, MAX_SHORT)


def clean_text(raw: str) -> str:
    """Remove control characters (keeping newlines and tabs) and surrounding spaces; normalise
    (NFC), so that « Orléans » typed decomposed compares equal to the kit's « Orléans »."""
    text = _UNPRINTABLE.sub("", _NEWLINES.sub("\n", raw)).strip()
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def is_email(text: str) -> bool:
    """``name@domain.tld`` with no space, one ``@`` and no empty domain label; linear time."""
    if len(text) > MAX_EMAIL or any(c.isspace() for c in text):
        return False
    local, at, domain = text.partition("@")
    if not at or not local or "@" in domain:
        return False
    labels = domain.split(".")
    return len(labels) >= 2 and all(labels)


def parse_bool(raw: object, lang: str = "fr") -> bool:
    """oui/non, o/n, yes/no, y/n."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, list | dict | tuple):
        raise refused(lang, "answer.bool")
    word = str(raw).strip().lower()
    if word in TRUE_WORDS or word == "on":  # on/off: YAML 1.1's words, in answers files and kits
        return True
    if word in FALSE_WORDS or word == "off":
        return False
    raise refused(lang, "answer.bool")


def _choice_names(question: Question, lang: str) -> str:
    """``1. Oui ; 2. Un peu ; 3. Non``: the choices as the user reads them (never internal values)."""
    labels = [f"{n}. {tr(c.label, lang)}" for n, c in enumerate(question.choices or [], start=1)]
    if len(labels) > 12:
        labels = [*labels[:12], "…"]
    return (" ; " if lang == "fr" else "; ").join(labels)


def _unknown_choice(question: Question, item: str, lang: str) -> AnswerError:
    shown = item if len(item) <= 40 else item[:40] + "…"
    return refused(lang, "answer.choice_unknown", item=shown, n=len(question.choices or []),
                   choices=in_both(partial(_choice_names, question)))


def _match_choice(question: Question, item: str, lang: str) -> str | None:
    """The value of the choice ``item`` names: its number, its label (either language) or value."""
    item = item.strip()
    choices = question.choices or []
    # ASCII digits only: "²".isdigit() is true but int("²") fails. "2." and "2)" are 2.
    if _CHOICE_NUMBER.fullmatch(item.removesuffix(".").removesuffix(")")):
        number = int(item.removesuffix(".").removesuffix(")"))
        return choices[number - 1].value if 1 <= number <= len(choices) else None
    folded = " ".join(fold(item).split())
    if not folded:
        return None
    for choice in choices:
        names = (choice.value, tr(choice.label, lang), tr(choice.label, "fr"), tr(choice.label, "en"))
        if any(" ".join(fold(name).split()) == folded for name in names):
            return choice.value
    return None


def _one_choice(question: Question, item: str, lang: str) -> str:
    value = _match_choice(question, item, lang)
    if value is None:
        raise _unknown_choice(question, item.strip(), lang)
    return value


def parse_choice(question: Question, raw: object, lang: str = "fr") -> str:
    """A choice by its number (1-based), its label (any case, accents optional) or its value."""
    if isinstance(raw, bool):
        raw = "oui" if raw else "non"
    if isinstance(raw, list | dict | tuple):
        raise _unknown_choice(question, str(raw), lang)
    if isinstance(raw, YamlWord) and raw.meaning is not None:  # `no` for a « Non » choice
        found = _match_choice(question, raw, lang)
        return found or _one_choice(question, "oui" if raw.meaning else "non", lang)
    return _one_choice(question, str(raw), lang)


def _numbers(question: Question, text: str, lang: str) -> list[str] | None:
    """``1 et 4``, ``1 and 4``, ``1;4``, ``1, 4``, ``1 4``, ``1-3``; None when not only numbers."""
    items = [i for i in _PICK_SEPARATORS.split(_CHOICE_RANGE.sub(r"\1-\2", text.lower())) if i]
    count = len(question.choices or [])
    picked: list[int] = []
    for item in items:
        span = _CHOICE_RANGE.fullmatch(item)
        if span:
            low, high = sorted((int(span[1]), int(span[2])))
            if not 1 <= low <= high <= count:
                raise _unknown_choice(question, item, lang)
            picked.extend(range(low, high + 1))
        elif _CHOICE_NUMBER.fullmatch(item.rstrip(".)")):
            if not 1 <= int(item.rstrip(".)")) <= count:
                raise _unknown_choice(question, item, lang)
            picked.append(int(item.rstrip(".)")))
        else:
            return None
    return [question.choices[n - 1].value for n in picked] if question.choices else []


def parse_multichoice(question: Question, raw: object, lang: str = "fr") -> list[str]:
    """Several choices by numbers, ranges or labels; kept in the order of the choices."""
    if isinstance(raw, list | tuple):
        if len(raw) > MAX_PICKS:
            raise refused(lang, "answer.too_long", max=in_both(partial(format_number, MAX_PICKS)),
                          got=in_both(partial(format_number, len(raw))))
        picked = {_one_choice(question, str(item), lang) for item in raw}
    else:
        text = str(raw).strip()
        whole = _match_choice(question, text, lang) if text else None
        found = [whole] if whole else _numbers(question, text, lang) if text else []
        if found is None:
            # Labels typed in full: a label may itself hold a comma or "et", so try the
            # coarsest split first.
            for pattern in (r";", r"[;,]", r"\s*(?:[;,/&+]|\bet\b|\band\b)\s*"):
                items = [i for i in re.split(pattern, text) if i.strip()]
                matched = [_match_choice(question, i, lang) for i in items]
                if all(matched):
                    found = [m for m in matched if m]
                    break
            else:
                bad = next(i for i, m in zip(items, matched, strict=True) if m is None)
                raise _unknown_choice(question, bad.strip(), lang)
        picked = set(found)
    return [c.value for c in question.choices or [] if c.value in picked]


def _too_long(question: Question, raw: object, lang: str) -> None:
    """Refuse an answer longer than its question allows, before any other work."""
    if not isinstance(raw, str):
        return
    limit = max_length(question)
    if len(raw) > limit and len(raw.strip()) > limit:
        raise refused(lang, "answer.too_long", max=in_both(partial(format_number, limit)),
                      got=in_both(partial(format_number, len(raw.strip()))))


def cast_answer(question: Question, raw: Any, lang: str = "fr", today: dt.date | None = None) -> Any:
    """Parse ``raw`` (typed text, or a value from an answers file) into the question's type.

    ``today`` is the interview's date, for ``aujourd'hui`` / ``today``.
    """
    _too_long(question, raw, lang)
    kind = question.type
    if isinstance(raw, YamlWord) and kind not in _TEXTS:
        # `null` answering a date is no answer; `Off` answering a text stays the text « Off ».
        if raw.meaning is None:
            return None
        if kind == QuestionType.BOOL:
            return raw.meaning
    if kind == QuestionType.AMOUNT:
        return parse_amount(raw, lang)
    if kind == QuestionType.NUMBER:
        return parse_number(raw, lang)
    if kind == QuestionType.INTEGER:
        return parse_integer(raw, lang)
    if kind == QuestionType.BOOL:
        return parse_bool(raw, lang)
    if kind == QuestionType.DATE:
        return parse_date(raw, lang, today)
    if kind == QuestionType.CHOICE:
        return parse_choice(question, raw, lang)
    if kind == QuestionType.MULTICHOICE:
        return parse_multichoice(question, raw, lang)
    if isinstance(raw, list | dict | tuple):
        raise refused(lang, "answer.text")
    text = clean_text(str(raw))
    if kind != QuestionType.LONGTEXT:
        text = " ".join(text.split())
    if kind == QuestionType.EMAIL and not is_email(text):
        raise refused(lang, "answer.email")
    if kind == QuestionType.URL and not URL_RE.match(text):
        raise refused(lang, "answer.url")
    return text


def is_empty(value: Any) -> bool:
    """An answer that says nothing: None, blank text, an empty list."""
    return value is None or (isinstance(value, str | list) and not value)


def check_answer(
    question: Question, value: Any, context: Mapping[str, Any], lang: str = "fr"
) -> None:
    """Limits, pattern and the kit's own rules; raises ``AnswerError`` with the reason."""
    kind = question.type
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        if question.min is not None and value < question.min:
            raise refused(lang, "answer.min", min=in_both(partial(format_number, question.min)))
        if question.max is not None and value > question.max:
            raise refused(lang, "answer.max", max=in_both(partial(format_number, question.max)))
    if isinstance(value, dt.date) and question.date_range is not None:
        check_date_range(value, question.date_range, context, lang)
    if isinstance(value, str):
        _too_long(question, value, lang)
        if question.min_length is not None and len(value) < question.min_length:
            raise refused(lang, "answer.min_length", n=question.min_length)
        if question.max_length is not None and len(value) > question.max_length:
            raise refused(lang, "answer.max_length", n=question.max_length, got=len(value))
        if question.pattern and not re.fullmatch(question.pattern, value):
            if question.pattern_message is None:
                raise refused(lang, "answer.pattern")
            raise AnswerError(in_both(partial(tr, question.pattern_message)), lang=lang)
    if kind == QuestionType.MULTICHOICE and isinstance(value, list):
        if question.min_length is not None and len(value) < question.min_length:
            raise refused(lang, "answer.min_picks", n=question.min_length)
        if question.max_length is not None and len(value) > question.max_length:
            raise refused(lang, "answer.max_picks", n=question.max_length)
    for rule in question.rules:
        local = {**context, question.id: value, "value": value}
        try:
            ok = bool(evaluate(rule.check, local))
        except BudgetExceeded as exc:  # a kit error, not a wrong answer: say so
            raise TemplateError(Msg("kit.rule_failed", id=question.id, check=rule.check,
                                    reason=Msg.both(exc.explain("en"), exc.explain("fr")))) from None
        except Exception:  # a rule that cannot be evaluated on this value fails closed
            ok = False
        if not ok:
            raise AnswerError(in_both(partial(tr, rule.message)), lang=lang)


def display_answer(question: Question, value: Any, lang: str = "fr") -> str:
    """An answer as a person reads it in a recap."""
    from survivalkit.text.typography import format_amount

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
    if isinstance(value, Decimal):  # an amount: a number, exact to the cent, in YAML and JSON
        value = float(value)
    if isinstance(value, float) and value.is_integer() and question.type != QuestionType.NUMBER:
        return int(value)
    return value
