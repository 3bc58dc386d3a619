"""Paper forms: room to answer, units, help without keyboard instructions, conditions in words."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
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


LINE_CHARS = 80
"""About how many handwritten characters a full line of a form holds."""


def text_lines(question: Question) -> int:
    """How many lines to write a text answer on, from the longest answer the question takes.

    An e-mail or web address gets one full line; a short text up to three lines (a name and
    what it does); a description three to seven.
    """
    if question.type is QuestionType.LONGTEXT:
        size = question.max_length or 800
        return max(3, min(7, round(size / 220)))
    if question.type in (QuestionType.EMAIL, QuestionType.URL) or not question.max_length:
        return 1
    return max(1, min(3, -(-question.max_length // LINE_CHARS)))


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


@dataclass(frozen=True)
class _Clause:
    """One test on one question's answer, before it is said in words.

    ``kind``: ``is`` (that answer, or one of them), ``all`` (these boxes all ticked), ``not``
    (not that answer, nor any of them), ``filled``, ``blank``, or a comparison (``gt``, ``gteq``,
    ``lt``, ``lteq``) with one number.
    """

    name: str
    kind: str
    values: tuple[Any, ...] = ()


def condition_text(
    question: Question, numbers: Mapping[str, int], by_id: Mapping[str, Question], lang: str
) -> str:
    """When to answer a conditional question, written for a pen and naming the answers.

    ``numbers`` are the printed numbers of the form's questions and ``by_id`` the questions.
    Simple tests (``nature == 'travaux'``, ``'x' in besoins``, ``innovant``, ``not innovant``,
    ``montant > 40000``), joined by ``and``/``or`` with one level of brackets, are said as
    « Si vous avez coché « Oui » à la question 4 : », each question named once; anything else
    names the questions it reads.
    """
    if not question.when:
        return ""
    try:
        expr = _parse(question.when)
        return message("sheets.form.if", lang, clauses=_say_top(expr, numbers, by_id, lang))
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


def _flatten(expr: nodes.Expr, kind: type[nodes.Expr]) -> list[nodes.Expr]:
    if isinstance(expr, kind):
        assert isinstance(expr, nodes.BinExpr)
        return _flatten(expr.left, kind) + _flatten(expr.right, kind)
    return [expr]


def _say_top(expr: nodes.Expr, numbers: Mapping[str, int], by_id: Mapping[str, Question],
             lang: str) -> str:
    """The clauses of a condition: top-level parts joined by « et si » or « ou si »."""
    kind: type[nodes.Expr] = nodes.Or if isinstance(expr, nodes.Or) else nodes.And
    parts = _flatten(expr, kind)
    said = []
    for group in _by_question(parts, kind, numbers):
        if len(group) == 1 and isinstance(group[0], _Clause):
            said.append(_words(group[0], numbers, by_id, lang))
            continue
        # A bracketed group of the other kind: said only when it comes down to one clause.
        inner = [c for part in group for c in _merged_inner(part, numbers, by_id)]
        if len(inner) != 1:
            raise _Unsaid
        said.append(_words(inner[0], numbers, by_id, lang))
    joiner = "sheets.form.or" if kind is nodes.Or else "sheets.form.and"
    return t(joiner, lang).join(said)


def _by_question(parts: list[nodes.Expr], kind: type[nodes.Expr],
                 numbers: Mapping[str, int]) -> list[list[Any]]:
    """Clauses of the same question merged into one; bracketed groups kept apart."""
    merged: dict[str, list[_Clause]] = {}
    order: list[Any] = []
    for part in parts:
        if isinstance(part, nodes.And | nodes.Or):
            order.append([part])
            continue
        clause = _clause(part, numbers)
        if clause.name not in merged:
            merged[clause.name] = []
            order.append(clause.name)
        merged[clause.name].append(clause)
    out: list[list[Any]] = []
    for item in order:
        if isinstance(item, str):
            out.append([_merge(merged[item], kind)])
        else:
            out.append(item)
    return out


def _merged_inner(part: Any, numbers: Mapping[str, int],
                  by_id: Mapping[str, Question]) -> list[_Clause]:
    kind: type[nodes.Expr] = nodes.Or if isinstance(part, nodes.Or) else nodes.And
    groups = _by_question(_flatten(part, kind), kind, numbers)
    clauses = []
    for group in groups:
        if not (len(group) == 1 and isinstance(group[0], _Clause)):
            raise _Unsaid  # brackets inside brackets read ambiguously
        clauses.append(group[0])
    return clauses


def _merge(clauses: list[_Clause], kind: type[nodes.Expr]) -> _Clause:
    """Several tests on one question as one: « une autre case que … », « … ou … »."""
    if len(clauses) == 1:
        return clauses[0]
    name = clauses[0].name
    kinds = {c.kind for c in clauses}
    values = tuple(v for c in clauses for v in c.values)
    if kind is nodes.And:
        rest = [c for c in clauses if c.kind != "filled"]
        if "filled" in kinds and len(rest) == 1 and rest[0].kind == "not":
            return _Clause(name, "other", rest[0].values)
        if "filled" in kinds and len(rest) == 1:
            return rest[0]  # a given answer is a filled answer
        if kinds == {"is"} and all(len(c.values) == 1 for c in clauses):
            return _Clause(name, "all", values)
        if kinds == {"not"}:
            return _Clause(name, "not", values)
    elif kinds == {"is"}:
        return _Clause(name, "is", values)
    raise _Unsaid


def _asked(node: nodes.Expr, numbers: Mapping[str, int]) -> str:
    """The question id a node names, if it is a question of this form."""
    if isinstance(node, nodes.Name) and node.name in numbers:
        return node.name
    raise _Unsaid


def _const(node: nodes.Expr) -> Any:
    if isinstance(node, nodes.Const):
        return node.value
    raise _Unsaid


COMPARISONS = {"gt", "gteq", "lt", "lteq"}


def _clause(expr: nodes.Expr, numbers: Mapping[str, int]) -> _Clause:
    """One simple test as a clause on one question."""
    if isinstance(expr, nodes.Not):
        if isinstance(expr.node, nodes.Name):
            return _Clause(_asked(expr.node, numbers), "blank")
        raise _Unsaid
    if isinstance(expr, nodes.Name):
        return _Clause(_asked(expr, numbers), "filled")
    if not (isinstance(expr, nodes.Compare) and len(expr.ops) == 1):
        raise _Unsaid
    left, op, right = expr.expr, expr.ops[0].op, expr.ops[0].expr
    if op in ("in", "notin") and isinstance(left, nodes.Const):
        # 'x' in besoins: a box ticked in a question with several answers
        return _Clause(_asked(right, numbers), "is" if op == "in" else "not", (_const(left),))
    name = _asked(left, numbers)
    if op in ("eq", "ne"):
        return _Clause(name, "is" if op == "eq" else "not", (_const(right),))
    if op in ("in", "notin") and isinstance(right, nodes.List | nodes.Tuple):
        values = tuple(_const(item) for item in right.items)
        if not values:
            raise _Unsaid
        return _Clause(name, "is" if op == "in" else "not", values)
    if op in COMPARISONS:
        value = _const(right)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise _Unsaid
        return _Clause(name, op, (value,))
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


TICKED = (QuestionType.BOOL, QuestionType.CHOICE, QuestionType.MULTICHOICE)
NUMBERED = (QuestionType.AMOUNT, QuestionType.NUMBER, QuestionType.INTEGER)


def _words(clause: _Clause, numbers: Mapping[str, int], by_id: Mapping[str, Question],
           lang: str) -> str:
    """One clause for a pen: « vous avez coché « Oui » à la question 13 »."""
    question, n = by_id[clause.name], str(numbers[clause.name])
    kind = clause.kind
    if kind in ("filled", "blank"):
        if question.type is QuestionType.BOOL:  # `innovant` is true when « Oui » is ticked
            return _words(_Clause(clause.name, "is", (kind == "filled",)), numbers, by_id, lang)
        return t("sheets.form.filled" if kind == "filled" else "sheets.form.not_filled", lang, n=n)
    if kind in COMPARISONS:
        if question.type not in NUMBERED:
            raise _Unsaid
        value = clause.values[0]
        shown = (format_amount(value, "EUR", lang) if question.type is QuestionType.AMOUNT
                 else _number_text(value, lang))
        return t(f"sheets.form.compare.{kind}", lang, n=n, value=shown)
    if question.type not in TICKED:
        raise _Unsaid
    words = [_answer_words(question, value, lang) for value in clause.values]
    if kind == "is":
        return t("sheets.form.ticked", lang, n=n, answers=t("sheets.form.either", lang).join(words))
    if kind == "all":
        return t("sheets.form.ticked", lang, n=n, answers=t("sheets.form.both", lang).join(words))
    if kind == "other":
        return t("sheets.form.other", lang, n=n, answers=t("sheets.form.nor", lang).join(words))
    if len(words) == 1:
        return t("sheets.form.not_ticked", lang, n=n, answers=words[0])
    return t("sheets.form.neither", lang, n=n, answers=t("sheets.form.nor", lang).join(words))
