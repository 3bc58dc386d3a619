"""Paper forms: room to answer, units, help without keyboard instructions, conditions in words."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from jinja2 import nodes

from survivalkit.i18n import t
from survivalkit.kit.model import Question, QuestionType
from survivalkit.sandbox.expressions import analyse, environment
from survivalkit.sheets.text import message
from survivalkit.text.localized import tr
from survivalkit.text.typography import format_amount, format_number

KEYBOARD_WORDS = re.compile(
    r"plusieurs réponses possibles|séparé(?:e)?s? par des virgules|vous pouvez (?:écrire|taper|saisir)"
    r"|\btapez\b|\bappuyez\b|touche entrée|par exemple \d+ ?(?:, ?\d+)+"
    r"|several answers (?:allowed|possible)|separated by commas|you can (?:write|type|enter)\b"
    r"|\bpress (?:enter|the)\b|for example \d+ ?(?:, ?\d+)+",
    re.IGNORECASE,
)
"""Sentences of a question's help that speak of the keyboard: they have no place on paper."""

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ«“\"(])")


OPTIONAL_ONLY = re.compile(r"(?:facultatif|optional)\s*\.?", re.IGNORECASE)
"""A sentence that only says the question is optional: the form flags it already."""


def paper_help(text: str) -> str:
    """``text`` without its sentences about typing (several answers, ``12k``, commas …)."""
    sentences = SENTENCE_END.split(text.strip())
    return " ".join(s for s in sentences
                    if not KEYBOARD_WORDS.search(s) and not OPTIONAL_ONLY.fullmatch(s))


def text_lines(question: Question) -> int:
    """How many lines to write a text answer on."""
    if question.type is QuestionType.LONGTEXT:
        size = question.max_length or 800
        return max(3, min(7, round(size / 220)))
    return 2 if (question.max_length or 0) > 200 else 1


def _number_text(value: float, lang: str) -> str:
    return format_number(int(value) if float(value).is_integer() else value, lang)


def answer_unit(question: Question, lang: str) -> str:
    """What follows a number's box: ``euros`` for an amount, else the range a count falls in.

    An amount's bounds only guard against typing mistakes: they are not printed.
    """
    if question.type is QuestionType.AMOUNT:
        return message("sheets.form.euros", lang)
    if question.min is not None and question.max is not None:
        return message("sheets.form.range", lang, min=_number_text(question.min, lang),
                       max=_number_text(question.max, lang))
    return ""


# --- conditions in words -----------------------------------------------------------------


class _Unsaid(Exception):
    """The condition is not one of the simple shapes said in words."""


def condition_text(
    question: Question, numbers: Mapping[str, int], by_id: Mapping[str, Question], lang: str
) -> str:
    """When to answer a conditional question, naming the answers it depends on when possible.

    ``numbers`` are the printed numbers of the form's questions and ``by_id`` the questions.
    A simple test (``nature == 'travaux'``, ``'x' in besoins``, ``innovant``, ``not innovant``,
    ``montant > 40000``, or several joined by one ``and``/``or``) is said as "À remplir si vous
    avez répondu « Oui » à la question 4."; anything else names the questions it reads.
    """
    if not question.when:
        return ""
    try:
        expr = _parse(question.when)
        return message("sheets.form.if", lang,
                       clauses=_say(expr, numbers, by_id, lang, top=True))
    except _Unsaid:
        pass
    except Exception:  # a broken condition is `validate`'s business; the form stays usable
        return message("sheets.form.when_any", lang)
    try:
        names = analyse(question.when, expression=True).names
    except Exception:
        names = {}
    refs = sorted(numbers[n] for n in names if n in numbers)
    if len(refs) == 1:
        return message("sheets.form.when", lang, refs=str(refs[0]))
    if refs:
        return message("sheets.form.when_many", lang, refs=", ".join(str(r) for r in refs))
    return message("sheets.form.when_any", lang)


def _parse(source: str) -> nodes.Expr:
    template = environment().parse("{{ " + source + " }}")
    [output] = template.body
    assert isinstance(output, nodes.Output)
    [expr] = output.nodes
    return expr


def _say(
    expr: nodes.Expr, numbers: Mapping[str, int], by_id: Mapping[str, Question], lang: str,
    *, top: bool = False,
) -> str:
    if isinstance(expr, nodes.And | nodes.Or):
        if not top:
            raise _Unsaid  # a mix of and/or reads ambiguously in a sentence
        kind = type(expr)
        parts = _flatten(expr, kind)
        joiner = t("sheets.form.and" if kind is nodes.And else "sheets.form.or", lang)
        return joiner.join(_say(p, numbers, by_id, lang) for p in parts)
    if isinstance(expr, nodes.Not):
        return _truth(expr.node, False, numbers, by_id, lang)
    if isinstance(expr, nodes.Name):
        return _truth(expr, True, numbers, by_id, lang)
    if isinstance(expr, nodes.Compare) and len(expr.ops) == 1:
        return _compare(expr.expr, expr.ops[0].op, expr.ops[0].expr, numbers, by_id, lang)
    raise _Unsaid


def _flatten(expr: nodes.Expr, kind: type[nodes.Expr]) -> list[nodes.Expr]:
    if isinstance(expr, kind):
        assert isinstance(expr, nodes.BinExpr)
        return _flatten(expr.left, kind) + _flatten(expr.right, kind)
    return [expr]


def _asked(node: nodes.Expr, numbers: Mapping[str, int]) -> str:
    """The question id a node names, if it is a question of this form."""
    if isinstance(node, nodes.Name) and node.name in numbers:
        return node.name
    raise _Unsaid


def _const(node: nodes.Expr) -> Any:
    if isinstance(node, nodes.Const):
        return node.value
    raise _Unsaid


def _answer_words(question: Question, value: Any, lang: str) -> str:
    """How the form shows the answer ``value``: a choice's label, Oui/Non, a number."""
    if isinstance(value, bool):
        text = t("yes" if value else "no", lang).capitalize()
    elif question.choices and isinstance(value, str):
        labels = {c.value: tr(c.label, lang) for c in question.choices}
        if value not in labels:
            raise _Unsaid
        text = labels[value]
    elif isinstance(value, int | float) and not isinstance(value, bool):
        text = _number_text(value, lang)
    else:
        raise _Unsaid
    return t("sheets.form.quote", lang, text=text)


def _truth(node: nodes.Expr, wanted: bool, numbers: Mapping[str, int],
           by_id: Mapping[str, Question], lang: str) -> str:
    name = _asked(node, numbers)
    question, n = by_id[name], str(numbers[name])
    if question.type is QuestionType.BOOL:
        return t("sheets.form.answered", lang, answers=_answer_words(question, wanted, lang), n=n)
    return t("sheets.form.filled" if wanted else "sheets.form.not_filled", lang, n=n)


COMPARISONS = {"gt", "gteq", "lt", "lteq"}


def _compare(left: nodes.Expr, op: str, right: nodes.Expr, numbers: Mapping[str, int],
             by_id: Mapping[str, Question], lang: str) -> str:
    if op in ("in", "notin") and isinstance(left, nodes.Const):
        # 'x' in besoins: a box ticked in a question with several answers
        name = _asked(right, numbers)
        question, n = by_id[name], str(numbers[name])
        words = _answer_words(question, _const(left), lang)
        key = "sheets.form.ticked" if op == "in" else "sheets.form.not_ticked"
        return t(key, lang, answers=words, n=n)
    name = _asked(left, numbers)
    question, n = by_id[name], str(numbers[name])
    if op in ("eq", "ne"):
        words = _answer_words(question, _const(right), lang)
        key = "sheets.form.answered" if op == "eq" else "sheets.form.not_answered"
        return t(key, lang, answers=words, n=n)
    if op in ("in", "notin") and isinstance(right, nodes.List | nodes.Tuple):
        values = [_answer_words(question, _const(item), lang) for item in right.items]
        if not values:
            raise _Unsaid
        if op == "in":
            return t("sheets.form.answered", lang, answers=t("sheets.form.or", lang).join(values),
                     n=n)
        if len(values) == 1:
            return t("sheets.form.not_answered", lang, answers=values[0], n=n)
        return t("sheets.form.neither", lang,
                 answers=t("sheets.form.neither_join", lang).join(values), n=n)
    if op in COMPARISONS and question.type in (
        QuestionType.AMOUNT, QuestionType.NUMBER, QuestionType.INTEGER
    ):
        value = _const(right)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise _Unsaid
        if question.type is QuestionType.AMOUNT:
            shown = format_amount(value, "EUR", lang)
        else:
            shown = _number_text(value, lang)
        return t(f"sheets.form.compare.{op}", lang, n=n, value=shown)
    raise _Unsaid
