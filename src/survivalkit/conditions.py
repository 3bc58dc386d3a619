"""What a condition tests: comparisons with literals, and conditions that can never hold."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import TemplateSyntaxError, nodes

from survivalkit.expressions import analyse, environment, evaluate
from survivalkit.model import Question, QuestionType

MAX_COMBINATIONS = 20_000
"""Beyond this many combinations of answers, a condition is not judged."""


@lru_cache(maxsize=2048)
def _parse(text: str) -> nodes.Template:
    return environment().parse(text)


@dataclass(frozen=True)
class LiteralTest:
    """A question compared with a literal in a condition: ``nature == 'travaux'``."""

    name: str
    value: object
    lineno: int


def _constants(node: nodes.Expr) -> list[object] | None:
    if isinstance(node, nodes.Const):
        return [node.value]
    if isinstance(node, nodes.List | nodes.Tuple) and all(
        isinstance(item, nodes.Const) for item in node.items
    ):
        return [item.value for item in node.items if isinstance(item, nodes.Const)]
    return None


def literal_tests(source: str, *, expression: bool) -> list[LiteralTest]:
    """Comparisons of a name with literals (``==``, ``!=``, ``in``, ``not in``) in ``source``."""
    text = "{{ " + source + " }}" if expression else source
    try:
        ast = _parse(text)
    except TemplateSyntaxError:
        return []
    found: list[LiteralTest] = []
    for compare in ast.find_all(nodes.Compare):
        left: nodes.Expr = compare.expr
        for operand in compare.ops:
            right = operand.expr
            pairs: list[tuple[nodes.Expr, nodes.Expr]] = []
            if operand.op in ("eq", "ne"):
                pairs = [(left, right), (right, left)]
            elif operand.op in ("in", "notin"):
                pairs = [(right, left), (left, right)]
            for name, other in pairs:
                values = _constants(other)
                if isinstance(name, nodes.Name) and values is not None:
                    found += [LiteralTest(name.name, v, compare.lineno) for v in values]
            left = right
    return found


def _subsets(values: list[str]) -> list[list[str] | None]:
    picks = itertools.chain.from_iterable(
        itertools.combinations(values, n) for n in range(len(values) + 1)
    )
    return [list(p) for p in picks] + [None]


def _domain(q: Question, mentioned: set[object], plain: bool) -> list[Any] | None:
    """Every answer worth trying for ``q`` in a condition (None: too many to try)."""
    values = [c.value for c in q.choices or []]
    if q.type == QuestionType.BOOL:
        return [True, False, None]
    if q.type == QuestionType.CHOICE:
        return [*values, None]
    if q.type != QuestionType.MULTICHOICE:
        return None
    if plain:
        # Only `in` tests and truth tests: the values it names, plus one it does not, tell all.
        named = [v for v in values if v in mentioned]
        others = [v for v in values if v not in mentioned]
        return _subsets(named + others[:1])
    return _subsets(values) if len(values) <= 12 else None


def never_true(source: str, questions: Mapping[str, Question]) -> bool:
    """Whether a condition over choice and yes/no questions is false for every possible answer.

    Conditions that use other names (amounts, texts, dates, facts) are not judged: False.
    """
    try:
        names = list(analyse(source, expression=True).names)
    except TemplateSyntaxError:
        return False
    mentioned = {test.value for test in literal_tests(source, expression=True)}
    plain = not re.search(r"[|(\[.]", source.replace("'", " ").replace('"', " "))
    domains: list[list[Any]] = []
    for name in names:
        domain = ["fr", "en"] if name == "lang" else (
            _domain(questions[name], mentioned, plain) if name in questions else None)
        if domain is None:
            return False
        domains.append(domain)
    size = 1
    for domain in domains:
        size *= len(domain)
    if size > MAX_COMBINATIONS:
        return False
    for combination in itertools.product(*domains):
        try:
            if evaluate(source, dict(zip(names, combination, strict=True))):
                return False
        except Exception:  # a combination the condition cannot handle simply does not count
            continue
    return True
