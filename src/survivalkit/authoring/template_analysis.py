"""Reading templates and conditions from their syntax tree: literal tests, escapes, dead conditions."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import TemplateSyntaxError, nodes

from survivalkit.kit.model import Question, QuestionType
from survivalkit.sandbox.budget import BudgetExceeded
from survivalkit.sandbox.expressions import References, environment, evaluate, references_in

MAX_COMBINATIONS = 20_000
"""Beyond this many combinations of answers, a condition is not judged."""


@cache  # one entry per distinct condition or template of the kit, shared by every check
def _parse(text: str) -> nodes.Template:
    return environment().parse(text)


def parsed(source: str, *, expression: bool = False) -> nodes.Template:
    """The syntax tree of a template or expression, parsed once per process; may raise."""
    return _parse("{{ " + source + " }}" if expression else source)


@cache
def _references(source: str, expression: bool) -> References:
    return references_in(parsed(source, expression=expression))  # the same tree as every check


def references(source: str, *, expression: bool = False) -> References:
    """``expressions.analyse``, computed once per text (several checks read each template)."""
    return _references(source, expression)


def forget_parsed() -> None:
    """Let go of every parsed, analysed and compiled template and expression (``validate``
    between two chunks of a large kit: each text is parsed once per chunk, not kept all along)."""
    from survivalkit.output.render import forget_compiled
    from survivalkit.sandbox.expressions import compile_expression, used_names

    _parse.cache_clear()
    _references.cache_clear()
    compile_expression.cache_clear()
    used_names.cache_clear()
    forget_compiled()


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


_HIDDEN = re.compile(r"[.\[]\s*['\"]?(_\w*)")
_LOADING = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "import",
            nodes.Extends: "extends"}


_FORMATS = frozenset({"format", "format_map"})
_ATTRIBUTE_FILTERS = frozenset({"map", "selectattr", "rejectattr", "sort", "groupby", "sum",
                                "unique", "min", "max"})


def _attribute_names(node: nodes.Node) -> list[str]:
    """Attribute names a node takes by name: ``attr('x')``, ``map(attribute='a.b')``, ``['x']``."""
    names: list[str] = []
    if (isinstance(node, nodes.Filter) and node.name == "attr" and node.args
            and isinstance(node.args[0], nodes.Const)):
        names.append(str(node.args[0].value))
    if isinstance(node, nodes.Filter) and node.name in _ATTRIBUTE_FILTERS:
        for kwarg in node.kwargs:
            if kwarg.key == "attribute" and isinstance(kwarg.value, nodes.Const):
                names += str(kwarg.value.value).split(".")
    if (isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, str)):
        names.append(node.arg.value)
    return names


def _format_by_name(node: nodes.Node) -> bool:
    """Whether a node takes a text's ``format`` method as a value, where no check can follow it
    (``x['format']`` is left alone: on a mapping it is an ordinary key)."""
    return not isinstance(node, nodes.Getitem) and any(
        name in _FORMATS for name in _attribute_names(node))


def _hidden_name(node: nodes.Node) -> str | None:
    """The ``_name`` a node reaches for, if it reaches for one."""
    if isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
        return node.attr
    for name in _attribute_names(node):
        if name.startswith("_"):
            return name
    if (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr)
            and node.node.attr == "format" and isinstance(node.node.node, nodes.Const)):
        # '{0.__class__}'.format(x) reaches the attribute through the format string.
        found = _HIDDEN.search(str(node.node.node.value))
        return found.group(1) if found else None
    return None


def unsafe_constructs(source: str, *, expression: bool) -> list[tuple[str, int]]:
    """What ``source`` tries that the sandbox refuses, by line: ``_`` names, other files."""
    text = "{{ " + source + " }}" if expression else source
    try:
        ast = _parse(text)
    except TemplateSyntaxError:
        return []
    hidden: dict[int, list[str]] = {}
    found: list[tuple[str, int]] = []
    for node in ast.find_all(nodes.Node):
        name = _hidden_name(node)
        if name is not None:
            hidden.setdefault(node.lineno, []).append(name)
        for kind, word in _LOADING.items():
            if isinstance(node, kind):
                found.append((f"`{word}`: a template cannot load other files", node.lineno))
        if _format_by_name(node):
            found.append(("`format` taken by name (`attr`, `map(attribute=…)`, `['format']`): "
                          "a format string can reach hidden names; write `'…'.format(…)`",
                          node.lineno))
    for lineno, names in hidden.items():
        ordered = sorted(set(names), key=lambda n: (text.find(n), n))
        listed = ", ".join(f"`{n}`" for n in ordered)
        found.append((f"{listed}: names starting with `_` are out of reach", lineno))
    return sorted(found, key=lambda item: item[1])


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
    A condition over its budget raises ``BudgetExceeded``.
    """
    try:
        names = list(references(source, expression=True).names)
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
    judged = 0
    for combination in itertools.product(*domains):
        try:
            if evaluate(source, dict(zip(names, combination, strict=True))):
                return False
        except BudgetExceeded:  # reported by the caller: trying more combinations would only wait
            raise
        except Exception:  # a combination the condition cannot handle simply does not count
            continue
        judged += 1
    return judged > 0


CARRIED = ("earlier", "situation")
"""Mappings of values asked elsewhere: what they hold depends on the run (the journey's tools)."""
_SAFE_METHODS = frozenset({"get", "items", "keys", "values"})


def missing_reads(source: str, *, expression: bool, present: frozenset[str] = frozenset()) -> list[tuple[str, int]]:
    """``earlier.x`` or ``situation.x`` read without a guard: a value that may not exist where
    the expression runs. ``present`` names the situation answers sure to exist there.

    Guards: ``earlier.get('x')``, ``'x' in earlier``, ``earlier.x is defined``. Each read comes
    with its line; an expression that cannot be parsed reports nothing (the syntax rule does).
    """
    try:
        tree = parsed(source, expression=expression)
    except TemplateSyntaxError:
        return []
    guarded: set[tuple[str, str]] = set()
    for compare in tree.find_all(nodes.Compare):
        if isinstance(compare.expr, nodes.Const) and isinstance(compare.expr.value, str):
            for op in compare.ops:
                if op.op == "in" and isinstance(op.expr, nodes.Name) and op.expr.name in CARRIED:
                    guarded.add((op.expr.name, compare.expr.value))
    for test in tree.find_all(nodes.Test):
        if test.name in ("defined", "undefined") and isinstance(test.node, nodes.Getattr):
            inner = test.node
            if isinstance(inner.node, nodes.Name) and inner.node.name in CARRIED:
                guarded.add((inner.node.name, inner.attr))
    found: list[tuple[str, int]] = []
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        base = node.node if isinstance(node, nodes.Getattr | nodes.Getitem) else None
        if not isinstance(base, nodes.Name) or base.name not in CARRIED:
            continue
        if isinstance(node, nodes.Getattr):
            name = node.attr
            if name in _SAFE_METHODS:
                continue
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) \
                and isinstance(node.arg.value, str):
            name = node.arg.value
        else:
            continue
        if (base.name, name) in guarded or (base.name == "situation" and name in present):
            continue
        read = f"{base.name}.{name}"
        if all(read != seen for seen, _ in found):
            found.append((read, node.lineno))
    return found
