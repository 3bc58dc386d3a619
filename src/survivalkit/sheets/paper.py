"""Paper forms: how much room an answer needs, its unit, and when a question is to be answered."""

from __future__ import annotations

from survivalkit.engine.expressions import analyse
from survivalkit.kit.model import Question, QuestionType
from survivalkit.output.typography import format_number
from survivalkit.sheets.text import message


def text_lines(question: Question) -> int:
    """How many lines to write a text answer on."""
    if question.type is QuestionType.LONGTEXT:
        size = question.max_length or 800
        return max(3, min(7, round(size / 220)))
    return 2 if (question.max_length or 0) > 200 else 1


def _number_text(value: float, lang: str) -> str:
    return format_number(int(value) if float(value).is_integer() else value, lang)


def answer_unit(question: Question, lang: str) -> str:
    """What follows a number's box: ``euros`` for an amount."""
    return message("sheets.form.euros", lang) if question.type is QuestionType.AMOUNT else ""


def answer_bounds(question: Question, lang: str) -> str:
    """The allowed range of a number, when it has one."""
    if question.min is not None and question.max is not None:
        return message("sheets.form.between", lang, min=_number_text(question.min, lang),
                       max=_number_text(question.max, lang))
    return ""


def condition_text(question: Question, numbers: dict[str, int], lang: str) -> str:
    """For a conditional question, which earlier questions decide whether to answer it."""
    if not question.when:
        return ""
    try:
        names = analyse(question.when, expression=True).names
    except Exception:  # a broken condition is `validate`'s business; the form stays usable
        names = {}
    refs = sorted(numbers[n] for n in names if n in numbers)
    if refs:
        return message("sheets.form.when", lang, refs=", ".join(str(r) for r in refs))
    return message("sheets.form.when_any", lang)
