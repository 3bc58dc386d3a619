"""The budget of one evaluation of kit code: time, steps, sizes, output, nesting and integer size.

Every template, condition, computed default and rule runs under a ``Budget``. The sandbox
(``sandbox/environment.py``) calls into it at each operation; exceeding a limit raises
``BudgetExceeded``, which names the limit. The limits can be lowered for tests with the
``SURVIVALKIT_KIT_LIMITS`` variable, e.g. ``seconds=0.5,steps=20000``.
"""

from __future__ import annotations

import contextlib
import re
import string
import time
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from typing import Any

from survivalkit import settings
from survivalkit.i18n import t


@dataclass(frozen=True)
class Limits:
    """What one evaluation of kit code may use."""

    seconds: float = 2.0
    """Processor time of the evaluating thread: kit code cannot wait on anything, so this bounds
    a runaway loop alike on a quiet or a loaded machine (the wall clock of a shared machine made
    one same template pass or fail with the load, and ``validate`` kept that result)."""
    steps: int = 1_000_000
    """Operations: calls, filters, attribute reads, operators, loop turns."""
    value: int = 1_000_000
    """Characters (or items) in one value: a text, a list, a number's digits."""
    total: int = 50_000_000
    """Characters (or items) produced over the whole evaluation."""
    output: int = 2_000_000
    """Characters of one rendered document."""
    depth: int = 40
    """Calls nested in one another (a macro calling a macro…)."""
    digits: int = 80
    """Decimal digits of one whole number."""
    printed: int = 300_000
    """Characters of one document made as PDF, ODT or DOCX (about a hundred pages), checked
    before the conversion."""
    written: int = 100_000_000
    """Bytes one run writes, all files together."""

    @property
    def estimate(self) -> int:
        """The largest result an operation may even start to build (checked after, to ``value``)."""
        return self.value * 10


def current_limits() -> Limits:
    """The default limits, lowered by ``$SURVIVALKIT_KIT_LIMITS`` (``name=number,...``; read by
    ``survivalkit.settings``, the one place that reads the environment)."""
    return limits_of(settings.kit_limits())


@lru_cache(maxsize=8)
def limits_of(text: str) -> Limits:
    """The limits a ``$SURVIVALKIT_KIT_LIMITS`` text asks for (read once per distinct text)."""
    if not text:
        return Limits()
    known = {f.name: f.type for f in fields(Limits)}
    changes: dict[str, Any] = {}
    for item in text.replace(";", ",").split(","):
        name, _, number = item.partition("=")
        name = name.strip()
        try:
            if name in known:
                changes[name] = float(number) if name == "seconds" else int(number)
        except ValueError:
            continue
    return replace(Limits(), **changes)


class BudgetExceeded(Exception):
    """Kit code went over one of its limits; ``kind`` names the limit, ``limit`` its value."""

    def __init__(self, kind: str, limit: float) -> None:
        self.kind = kind
        self.limit = limit
        super().__init__(budget_message(kind, limit, "en"))

    def explain(self, lang: str) -> str:
        """The reason in the user's language."""
        return budget_message(self.kind, self.limit, lang)


def budget_message(kind: str, limit: float, lang: str) -> str:
    """``over its budget: more than N …`` in ``lang``."""
    shown = f"{limit:g}" if isinstance(limit, float) else f"{limit}"
    return t("budget.exceeded", lang, what=t(f"budget.{kind}", lang, n=shown))


_CLOCK_EVERY = 16
"""Operations between two readings of the clock (reading a thread's processor time costs about
ten times an operation's other checks)."""


class Budget:
    """The running account of one evaluation."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or current_limits()
        self.deadline = time.thread_time() + self.limits.seconds
        self.steps = 0
        self.total = 0
        self.depth = 0

    def tick(self) -> None:
        """One more operation: the step count and the clock are checked."""
        self.steps += 1
        if self.steps > self.limits.steps:
            raise BudgetExceeded("steps", self.limits.steps)
        if not self.steps % _CLOCK_EVERY and time.thread_time() > self.deadline:
            raise BudgetExceeded("seconds", self.limits.seconds)

    def before(self, estimate: int) -> None:
        """Refuse an operation whose result could be larger than the budget allows."""
        if estimate > self.limits.estimate:
            raise BudgetExceeded("value", self.limits.value)

    def produced(self, value: object) -> object:
        """Account for a value an operation produced; too large a value is refused."""
        if isinstance(value, int) and not isinstance(value, bool) and _digits(value) > self.limits.digits:
            raise BudgetExceeded("digits", self.limits.digits)
        size = weight(value, self.limits.value)
        if size > self.limits.value:
            raise BudgetExceeded("value", self.limits.value)
        self.total += size
        if self.total > self.limits.total:
            raise BudgetExceeded("total", self.limits.total)
        return value


_CURRENT: ContextVar[Budget | None] = ContextVar("survivalkit_budget", default=None)


def current() -> Budget:
    """The budget of the evaluation under way (a fresh one outside any evaluation)."""
    budget = _CURRENT.get()
    return budget if budget is not None else Budget()


@contextlib.contextmanager
def evaluation(limits: Limits | None = None) -> Iterator[Budget]:
    """Run kit code under one budget; a nested evaluation shares the outer one."""
    outer = _CURRENT.get()
    if outer is not None:
        yield outer
        return
    budget = Budget(limits)
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


_CONTAINERS = (list, tuple, dict, set, frozenset)


def _digits(number: int) -> int:
    return number.bit_length() * 30103 // 100000 + 1


def weight(value: object, cap: int) -> int:
    """How big ``value`` is once written out: characters of texts, items of lists (nested items
    count once per level of nesting, as indentation would). Stops counting past ``cap``."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return _digits(value)
    if not isinstance(value, _CONTAINERS):
        return 1
    total = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        container, depth = stack.pop()
        items = container.items() if isinstance(container, dict) else container
        for item in items:
            if isinstance(container, dict):
                key, item = item
                total += weight(key, cap) if isinstance(key, str | bytes | int) else 1
            total += depth
            if isinstance(item, str | bytes):
                total += len(item)
            elif isinstance(item, _CONTAINERS):
                stack.append((item, depth + 1))
            if total > cap:
                return total
    return total


def count(value: object, cap: int) -> int:
    """How many times a parameter may be repeated in a result built from ``value``."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, _CONTAINERS):
        return max(1, weight(value, cap))
    return 1


def parameter_size(value: object, cap: int) -> int:
    """What a parameter adds per item: a text's length, a number's magnitude (a width)."""
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return abs(value) if abs(value) <= cap else cap + 1
    if isinstance(value, float):
        return int(min(abs(value), cap + 1)) if value == value else 0
    if isinstance(value, str | bytes | list | tuple | dict | set | frozenset):
        return weight(value, cap)
    return 0


def call_estimate(data: object, params: list[object], cap: int) -> int:
    """A generous bound on the size of what an operation on ``data`` with ``params`` builds."""
    base = weight(data, cap)
    if base > cap:
        return base
    extra = sum(parameter_size(p, cap) for p in params)
    return base + count(data, cap) * extra


_PERCENT = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")
_NUMBER = re.compile(r"\d+")


def _widths(found: list[str], args: list[object], cap: int) -> int:
    total = 0
    for text in found:
        if "*" in text or "{" in text:  # a width taken from the arguments
            total += sum(parameter_size(a, cap) for a in args if isinstance(a, int))
        total += sum(int(n) if len(n) < 12 else cap + 1 for n in _NUMBER.findall(text))
    return total


def format_estimate(fmt: str, args: list[object], *, percent: bool, cap: int) -> int:
    """A bound on what ``fmt % args`` or ``fmt.format(*args)`` builds, widths included."""
    values = [v for a in args for v in (a.values() if isinstance(a, dict) else
                                       a if isinstance(a, tuple) else [a])]
    base = len(fmt) + sum(weight(v, cap) for v in values)
    if percent:
        specs = ["".join(m.groups(default="")) for m in _PERCENT.finditer(fmt)]
    else:
        specs = []
        try:
            specs = [spec or "" for _, _, spec, _ in string.Formatter().parse(fmt)]
        except ValueError:
            pass  # the real call raises the same error
    return base + _widths(specs, values, cap)


__all__ = [
    "Budget",
    "BudgetExceeded",
    "Limits",
    "budget_message",
    "call_estimate",
    "current",
    "current_limits",
    "evaluation",
    "format_estimate",
    "weight",
]
