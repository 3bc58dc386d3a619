"""The sandbox kit code runs in: Jinja's sandbox, with every operation accounted to a budget.

Jinja's sandbox already routes calls, attribute reads, item reads and operators through the
environment; this subclass counts each of them as a step, checks the clock, refuses an
operation whose result could exceed the budget before it is built, and checks every result's
size after. The compiled code is changed in two places only: every ``for`` loop turn is a step,
and the joins that build texts (``~``, macro and block output) are checked.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any, cast

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import LoopContext, Macro, markup_join, str_join
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Joiner, Namespace
from markupsafe import Markup

from survivalkit.sandbox import budget as bud
from survivalkit.text.markdown import MarkdownText, escape_markdown

_ALL_BINOPS = frozenset({"+", "-", "*", "/", "//", "%", "**"})


class _BudgetCodeGenerator(CodeGenerator):
    """Jinja's code generator, with loop turns and text joins accounted for."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        super().visit_Template(node, frame)
        # The generated module imports these joins from jinja2.runtime; rebinding them at its end
        # makes every function of the module use the checked ones.
        self.writeline("concat = environment.budget_concat")
        self.writeline("str_join = environment.budget_str_join")
        self.writeline("markup_join = environment.budget_markup_join")

    def visit_AssignBlock(self, node: nodes.AssignBlock, frame: Frame) -> None:
        """``{% set x %}…{% endset %}``: Jinja's own code, except that in a document the captured
        text is marked as Markdown already escaped (its ``{{ … }}`` were escaped as they were
        printed), so printing ``{{ x }}`` never escapes it twice. A block with a filter
        (``{% set x | upper %}``) is not marked: its result is escaped again when printed."""
        if node.filter is not None:
            super().visit_AssignBlock(node, frame)
            return
        self.push_assign_tracking()
        block_frame = frame.inner()
        block_frame.require_output_check = False
        block_frame.symbols.analyze_node(node)
        self.enter_frame(block_frame)
        self.buffer(block_frame)
        self.blockvisit(node.body, block_frame)
        self.newline(node)
        self.visit(node.target, frame)
        self.write(" = (Markup if context.eval_ctx.autoescape else environment.captured)(")
        self.write(f"concat({block_frame.buffer})")
        self.write(")")
        self.pop_assign_tracking(frame)
        self.leave_frame(block_frame)

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        counted = nodes.Call(nodes.EnvironmentAttribute("budget_iter"), [node.iter], [], None, None,
                             lineno=node.iter.lineno)
        loop = nodes.For(node.target, counted, node.body, node.else_, node.test, node.recursive,
                         lineno=node.lineno)
        super().visit_For(loop, frame)


def _join_size(parts: list[Any], cap: int) -> int:
    return sum(bud.weight(p, cap) for p in parts)


def _joined(parts: Iterable[Any], join: Callable[[Any], str]) -> str:
    account = bud.current()
    items = list(parts)
    account.tick()
    account.before(_join_size(items, account.limits.estimate))
    return str(account.produced(join(items)))


def budget_concat(parts: Iterable[Any]) -> str:
    """``"".join`` of a macro's or block's output, checked."""
    return _joined(parts, "".join)


def budget_str_join(parts: Iterable[Any]) -> str:
    """The ``~`` operator, checked."""
    return _joined(parts, str_join)


def budget_markup_join(parts: Iterable[Any]) -> str:
    """The ``~`` operator with escaping, checked."""
    return _joined(parts, markup_join)


def budget_iter(iterable: Iterable[Any]) -> Iterator[Any]:
    """A loop's items, one step each."""
    account = bud.current()
    for item in iterable:
        account.tick()
        yield item


def budget_finalize(value: Any) -> Any:
    """Every ``{{ … }}`` output: not larger than one value may be; an unanswered question (None)
    prints nothing, never « None »."""
    account = bud.current()
    account.tick()
    if value is None:
        return ""
    if not isinstance(value, str):
        account.before(bud.weight(value, account.limits.estimate))
    return value


def markdown_finalize(value: Any) -> Any:
    """Every ``{{ … }}`` output of a document: within the budget, and escaped as Markdown text, so
    that an answer can never become a link, a heading or any other markup (see text.markdown)."""
    value = budget_finalize(value)
    return escape_markdown(value)


def _trusted_call(obj: Any) -> bool:
    """Callables whose cost is accounted elsewhere: macros, loops, the kit's own helpers."""
    return isinstance(obj, Macro | LoopContext | Joiner) or getattr(obj, "budget_trusted", False) or \
        obj in _TRUSTED


_TRUSTED: set[Any] = {budget_iter, dict, Namespace}


def trusted(func: Any) -> Any:
    """Mark one of survivalkit's own helpers as safe to call with any values."""
    try:
        func.budget_trusted = True
    except AttributeError:  # a builtin: remembered by identity
        _TRUSTED.add(func)
    return func


def _checked_filter(func: Callable[..., Any], percent_format: bool) -> Callable[..., Any]:
    """A filter whose input is checked before and whose result is checked after."""
    passes = getattr(func, "jinja_pass_arg", None) is not None

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        account = bud.current()
        account.tick()
        data_at = 1 if passes else 0
        data = args[data_at] if len(args) > data_at else None
        params = [*args[data_at + 1:], *kwargs.values()]
        cap = account.limits.estimate
        if percent_format and isinstance(data, str):
            account.before(bud.format_estimate(data, params, percent=True, cap=cap))
        elif not getattr(func, "budget_trusted", False):
            account.before(bud.call_estimate(data, params, cap))
        return account.produced(func(*args, **kwargs))

    return wrapper


def _checked_test(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        bud.current().tick()
        return func(*args, **kwargs)

    return wrapper


class KitSandbox(SandboxedEnvironment):
    """Jinja's sandbox with a budget on every operation (see the module's docstring)."""

    code_generator_class = _BudgetCodeGenerator
    intercepted_binops = _ALL_BINOPS
    budget_concat = staticmethod(budget_concat)
    budget_str_join = staticmethod(budget_str_join)
    budget_markup_join = staticmethod(budget_markup_join)
    budget_iter = staticmethod(budget_iter)

    def __init__(self, *, markdown: bool = False, **options: Any) -> None:
        self.markdown = markdown
        self.captured: Callable[[str], str] = MarkdownText if markdown else str
        """What a ``{% set %}`` block's text becomes (see ``visit_AssignBlock``)."""
        super().__init__(finalize=markdown_finalize if markdown else budget_finalize, **options)

    def check_functions(self) -> None:
        """Wrap every filter and test: call after adding the kit's own ones."""
        for name, func in list(self.filters.items()):
            if not getattr(func, "budget_checked", False):
                wrapped = _checked_filter(func, percent_format=name == "format")
                wrapped.budget_checked = True  # type: ignore[attr-defined]
                self.filters[name] = wrapped
        for name, test in list(self.tests.items()):
            if not getattr(test, "budget_checked", False):
                wrapped = _checked_test(cast(Callable[..., Any], test))
                wrapped.budget_checked = True  # type: ignore[attr-defined]
                self.tests[name] = wrapped

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        account = bud.current()
        account.tick()
        if not _trusted_call(__obj):
            data = getattr(__obj, "__self__", None)
            account.before(bud.call_estimate(data, [*args, *kwargs.values()],
                                             account.limits.estimate))
        account.depth += 1
        try:
            if account.depth > account.limits.depth:
                raise bud.BudgetExceeded("depth", account.limits.depth)
            result = super().call(__context, __obj, *args, **kwargs)
        finally:
            account.depth -= 1
        if __self.markdown and isinstance(__obj, Macro) and isinstance(result, str):
            # A macro's output was escaped as it was printed inside: printing it is not escaping again.
            result = MarkdownText(result)
        return account.produced(result)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        account = bud.current()
        account.tick()
        cap = account.limits.estimate
        if operator == "%" and isinstance(left, str):
            account.before(bud.format_estimate(left, [right], percent=True, cap=cap))
        elif operator == "*":
            account.before(_product(left, right, cap))
        elif operator == "**":
            _check_power(left, right, account.limits.digits)
        elif operator == "+":
            account.before(bud.weight(left, cap) + bud.weight(right, cap))
        return account.produced(super().call_binop(context, operator, left, right))

    def getattr(self, obj: Any, attribute: str) -> Any:
        bud.current().tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        bud.current().tick()
        return super().getitem(obj, argument)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        fmt = str(value.__self__)

        def checked(*args: Any, **kwargs: Any) -> str:
            account = bud.current()
            account.before(bud.format_estimate(fmt, [*args, *kwargs.values()], percent=False,
                                               cap=account.limits.estimate))
            return wrapped(*args, **kwargs)

        trusted(checked)  # checked here; the call itself needs no other estimate
        return checked


def _product(left: Any, right: Any, cap: int) -> int:
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, str | bytes | list | tuple) and isinstance(times, int):
            return bud.weight(seq, cap) * max(times, 0)
    if isinstance(left, int) and isinstance(right, int):
        return 0  # the digits of the result are checked after; both sides are already bounded
    return 0


def _check_power(left: Any, right: Any, digits: int) -> None:
    numbers = int | float | Decimal
    if isinstance(left, numbers) and isinstance(right, numbers) and not isinstance(left, bool):
        import math

        base, power = abs(float(left)), float(right)  # an amount (Decimal) as well as a number
        if base > 1 and power > 0 and power * math.log10(min(base, 10.0**digits)) > digits:
            raise bud.BudgetExceeded("digits", digits)


__all__ = ["KitSandbox", "Markup", "trusted"]
