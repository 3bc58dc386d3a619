"""The one sandboxed Jinja environment: conditions, computed defaults, rules and templates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from jinja2 import (
    StrictUndefined,
    TemplateSyntaxError,
    Undefined,
    UndefinedError,
    meta,
    nodes,
    pass_context,
    pass_environment,
)
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

from survivalkit.errors import Msg
from survivalkit.kit.model import Fact, Kit
from survivalkit.sandbox.budget import BudgetExceeded, evaluation
from survivalkit.sandbox.environment import KitSandbox, trusted
from survivalkit.text.casing import milieu
from survivalkit.text.localized import tr
from survivalkit.text.markdown import bullet_list
from survivalkit.text.names import slugify
from survivalkit.text.typography import format_amount, format_date_long, format_number

GLOBAL_NAMES = frozenset(
    {
        "today", "doc_date", "lang", "fact", "facts", "add_days", "add_months", "plural", "value",
        "range", "dict", "namespace", "joiner", "loop", "situation", "earlier",
    }
)


@dataclass(frozen=True)
class FactAt:
    """A dated fact as it stands on a given day: value, source and label."""

    name: str
    value: int | float
    since: dt.date
    source: str
    url: str | None
    label: str
    unit: str
    until: dt.date | None = None
    """The last day this value is known to apply."""
    expired: bool = False
    """Whether the document date is after ``until``: the value must be checked."""
    to_check: str = ""
    """What is not yet verified in this value (empty: nothing); the document says it at its end."""

    lang: str = "fr"
    """The document's language: a fact printed as it is (``{{ facts.seuil }}``) reads in it."""

    def __str__(self) -> str:
        if self.unit.startswith("EUR"):
            return format_amount(self.value, self.unit, self.lang)
        return format_number(self.value, self.lang)

    def __int__(self) -> int:
        return int(self.value)

    def __float__(self) -> float:
        return float(self.value)

    def __lt__(self, other: object) -> bool:
        return self.value < _num(other)

    def __le__(self, other: object) -> bool:
        return self.value <= _num(other)

    def __gt__(self, other: object) -> bool:
        return self.value > _num(other)

    def __ge__(self, other: object) -> bool:
        return self.value >= _num(other)


def _num(other: object) -> float | Decimal:
    if isinstance(other, FactAt):
        return other.value
    if isinstance(other, int | float | Decimal):  # an amount answered is a Decimal
        return other
    raise TypeError(f"cannot compare a fact with {type(other).__name__}")


class FactLookupError(Exception):
    """A fact name that the kit does not define, or a date before its first value."""


def fact_at(
    facts: Mapping[str, Fact], name: str, day: dt.date, lang: str, used: set[str] | None = None
) -> FactAt:
    """The value of fact ``name`` in force on ``day``, with its source (``used`` records the name)."""
    if used is not None:
        used.add(name)
    if name not in facts:
        raise FactLookupError(Msg("fact.unknown", name=name))
    fact = facts[name]
    item = fact.value_at(day)
    if item is None:
        raise FactLookupError(Msg("fact.no_value", name=name, day=day.isoformat()))
    return FactAt(
        name=name,
        value=item.value,
        since=item.from_,
        source=item.source or fact.source,
        url=fact.url,
        label=tr(fact.label, lang),
        unit=fact.unit,
        until=item.until,
        expired=item.until is not None and day > item.until,
        to_check=tr(item.to_check, lang) if item.to_check else "",
        lang=lang,
    )


class _FactsView:
    """``facts.name`` in expressions: the value in force on the document date."""

    def __init__(self, facts: Mapping[str, Fact], day: dt.date, lang: str, used: set[str] | None = None) -> None:
        self._facts = facts
        self._day = day
        self._lang = lang
        self._used = used

    def __getattr__(self, name: str) -> FactAt:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return fact_at(self._facts, name, self._day, self._lang, self._used)
        except FactLookupError as exc:
            raise AttributeError(str(exc)) from exc


def add_days(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days`` days."""
    return day + dt.timedelta(days=int(days))


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` months, clamped to the end of shorter months."""
    month_index = day.month - 1 + int(months)
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError("impossible date")  # pragma: no cover


def document_lang(context: Mapping[str, Any] | Context) -> str:
    """The language of the document being written (the ``lang`` every context holds), else French."""
    lang = context.get("lang")
    return lang if lang in ("fr", "en") else "fr"


def plural(count: object, singular: str, plural_form: str | None = None, lang: str = "fr") -> str:
    """The singular or plural word for ``count``: in French 0 and 1 are singular, in English only 1."""
    n = float(count) if isinstance(count, int | float | str) and str(count) else 0.0
    if abs(n) < 2 and (lang == "fr" or abs(n) == 1):
        return singular
    return plural_form if plural_form is not None else singular + "s"


# The filters and helpers that write words or numbers follow the document's language unless a
# language is given explicitly (``{{ montant | euros('EUR_HT', 'fr') }}`` in an English letter).
@pass_context
def _date_long(context: Context, day: object, lang: str | None = None) -> str:
    return format_date_long(day, lang or document_lang(context))


@pass_context
def _euros(context: Context, value: object, unit: str = "EUR_HT", lang: str | None = None) -> str:
    return format_amount(value, unit, lang or document_lang(context))


@pass_context
def _number(context: Context, value: object, lang: str | None = None) -> str:
    return format_number(value, lang or document_lang(context))


@pass_context
def _plural(context: Context, count: object, singular: str, plural_form: str | None = None,
            lang: str | None = None) -> str:
    return plural(count, singular, plural_form, lang or document_lang(context))


@pass_environment
def _bullets(env: SandboxedEnvironment, items: object) -> str:
    """A Markdown list of ``items`` (a list, or the lines of a text); in a document, the list is
    markup and each item is text (escaped)."""
    if not items:
        return ""
    if isinstance(items, str):
        items = [line for line in items.splitlines() if line.strip()]
    if not isinstance(items, Iterable):
        return str(items)
    if getattr(env, "markdown", False):
        return bullet_list(items)
    return "\n".join(f"- {item}" for item in items)


def make_environment(autoescape: bool = False, *, markdown: bool = False) -> SandboxedEnvironment:
    """A sandboxed, strict environment with the kit's filters (no file system access); with
    ``markdown``, every printed value is escaped as Markdown text (documents)."""
    env = KitSandbox(
        markdown=markdown,
        undefined=StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        loader=None,
    )
    env.filters["slug"] = trusted(slugify)
    env.filters["date_long"] = trusted(_date_long)
    env.filters["euros"] = trusted(_euros)
    env.filters["number"] = trusted(_number)
    env.filters["bullets"] = _bullets
    env.filters["milieu"] = milieu
    # Only harmless helpers: no lipsum (placeholder text) and no cycler.
    safe: dict[str, Any] = {k: env.globals[k] for k in ("range", "dict", "namespace", "joiner") if k in env.globals}
    env.globals.clear()
    env.globals.update(safe, add_days=trusted(add_days), add_months=trusted(add_months),
                       plural=trusted(_plural))
    env.check_functions()
    return env


@lru_cache(maxsize=3)
def environment(autoescape: bool = False, *, markdown: bool = False) -> SandboxedEnvironment:
    """The shared environment (one per escaping mode: none, HTML, Markdown)."""
    return make_environment(autoescape, markdown=markdown)


def base_context(
    kit: Kit, day: dt.date, lang: str, used: set[str] | None = None, *, today: dt.date | None = None
) -> dict[str, Any]:
    """Names every expression and template can use besides the answers (``used`` collects facts read).

    ``today`` is given by the caller (the engine's entry points read the one clock); without it,
    the documents' date ``day`` stands for today. The sandbox never reads the clock."""
    facts = kit.info.facts

    def fact(name: str) -> FactAt:
        return fact_at(facts, name, day, lang, used)

    return {
        "today": today or day,
        "doc_date": day,
        "lang": lang,
        "fact": fact,
        "facts": _FactsView(facts, day, lang, used),
        # In the journey: the situation answers and the answers of earlier tools (empty elsewhere),
        # for `given_by` and computed defaults such as `earlier.get('date_debut')`.
        "situation": {},
        "earlier": {},
    }


@cache  # one entry per distinct expression of the kit
def compile_expression(source: str) -> Callable[..., Any]:
    """Compile a condition or computed value; raises ``TemplateSyntaxError``."""
    return environment().compile_expression(source, undefined_to_none=False)


@cache  # one entry per distinct expression of the kit
def used_names(source: str) -> frozenset[str] | None:
    """The names an expression reads (None when it cannot be parsed: the compile step says why)."""
    try:
        return frozenset(analyse(source, expression=True).names)
    except Exception:
        return None


def evaluate(source: str, context: Mapping[str, Any]) -> Any:
    """Evaluate an expression in ``context``, within the budget; may raise ``BudgetExceeded``.

    Only the names the expression reads are passed in: a condition costs the same whether the
    interview has ten answers or ten thousand.
    Reading a value that does not exist here (``earlier.montant`` when no earlier tool asked it)
    raises ``MissingValue``, whether the expression fails on it or returns it: an expression
    never hands back a value that explodes later, when it is compared or printed.
    """
    names = used_names(source)
    if names is not None:
        context = {name: context[name] for name in names if name in context}
    with evaluation():
        try:
            value = compile_expression(source)(**context)
        except UndefinedError as exc:
            raise MissingValue(str(exc.message or exc)) from None
    hole = _undefined_in(value)
    if hole is not None:
        raise MissingValue(hole._undefined_message)
    return value


def _undefined_in(value: Any, depth: int = 0) -> Undefined | None:
    """The first undefined value in ``value`` (itself, or in a list or mapping it holds)."""
    if isinstance(value, Undefined):
        return value
    if depth > 3:
        return None
    if isinstance(value, list | tuple | set | frozenset):
        items: Iterable[Any] = value
    elif isinstance(value, dict):
        items = value.values()
    else:
        return None
    for item in items:
        found = _undefined_in(item, depth + 1)
        if found is not None:
            return found
    return None


class ExpressionError(Exception):
    """A condition or computed value that cannot be evaluated (sandbox refusal, division by zero…)."""

    def __init__(self, message: str, cause: BaseException | None = None) -> None:
        super().__init__(message)
        self.cause = cause

    def explain(self, lang: str) -> str:
        """The reason in ``lang`` when it is a budget, else as raised."""
        return self.cause.explain(lang) if isinstance(self.cause, BudgetExceeded) else str(self)


_MISSING_NAME = re.compile(r"has no attribute '([^']+)'|^'([^']+)' is undefined|no element '?([^']+?)'?$")


class MissingValue(ExpressionError):
    """An expression read a value that does not exist where it ran: another tool's answer in a
    run where that tool was not used, a situation answer outside the journey, a missing key."""

    @property
    def name(self) -> str:
        """The name of the missing value, as far as the message says it (else the message)."""
        found = _MISSING_NAME.search(str(self))
        if found is None:
            return str(self)
        return next(g for g in found.groups() if g)


def evaluate_condition(source: str, context: Mapping[str, Any]) -> bool:
    """A condition's truth; a comparison with an unanswered (None) value counts as false.

    Any other failure (the sandbox refusing an attribute, a division by zero) is an
    ``ExpressionError``: a broken condition must be reported, not silently taken as false.
    A value that does not exist here raises ``MissingValue`` (the caller decides what it means).
    """
    try:
        return bool(evaluate(source, context))
    except MissingValue:
        raise
    except TypeError:
        return False
    except BudgetExceeded as exc:
        raise ExpressionError(str(exc), exc) from None
    except Exception as exc:
        raise ExpressionError(f"{type(exc).__name__}: {exc}") from None


@dataclass(frozen=True)
class References:
    """What a template or expression refers to."""

    names: dict[str, int]
    facts: dict[str, int]


def analyse(source: str, *, expression: bool = False) -> References:
    """Names and facts used by ``source`` with the first line using each; may raise syntax errors."""
    env = environment()
    text = "{{ " + source + " }}" if expression else source
    return references_in(env.parse(text))


def _undeclared(ast: nodes.Template) -> set[str]:
    """``jinja2.meta.find_undeclared_variables`` without its constant folding, which rewrites the
    tree in place (the tree is shared by every check) and costs a third of the walk. Folding
    never removes a name: a name is never constant."""
    codegen = meta.TrackingCodeGenerator(ast.environment)  # type: ignore[arg-type]
    codegen.optimizer = None
    codegen.visit(ast)
    return codegen.undeclared_identifiers


def references_in(ast: nodes.Template) -> References:
    """``analyse`` on a template already parsed (its syntax tree is only read)."""
    stored = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    undeclared = _undeclared(ast) - stored
    names: dict[str, int] = {}
    for node in ast.find_all(nodes.Name):
        if node.name in undeclared and node.name not in names:
            names[node.name] = node.lineno
    facts: dict[str, int] = {}
    for call in ast.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name == "fact" and call.args:
            arg = call.args[0]
            if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
                facts.setdefault(arg.value, call.lineno)
    for getattr_node in ast.find_all(nodes.Getattr):
        if isinstance(getattr_node.node, nodes.Name) and getattr_node.node.name == "facts":
            facts.setdefault(getattr_node.attr, getattr_node.lineno)
    return References(names, facts)


__all__ = [
    "GLOBAL_NAMES",
    "BudgetExceeded",
    "ExpressionError",
    "FactAt",
    "MissingValue",
    "TemplateSyntaxError",
    "analyse",
    "base_context",
    "compile_expression",
    "environment",
    "evaluate",
    "evaluate_condition",
    "fact_at",
]
