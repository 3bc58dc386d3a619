"""An option's value is checked when it is given: typer's checker is built then, not for every option.

typer turns each option's text into its type with a checker it builds on first use: a pydantic
``TypeAdapter``, about 0.7 ms each. It builds it for every option of the command and of the
application (the journey's options are parsed before every command), given or not, although an
option that was not given has no text to check: its value is ``None`` (or an empty tuple for a
repeatable one) whatever the checker. A run of one tool gave four options and paid for sixteen
checkers; `list` gave none and paid for twelve.

``check_when_given`` gives each of a command's options a checker that answers for an option not
given exactly as typer's does, and builds typer's own the first time a value is given, which then
does all the work (the same conversion, the same error message). It relies on two of typer's
internals (``RuntimeParam``, ``build_runtime_param``) and on each option's ``_runtime_param``
slot; when they are not there (another typer), options are left as typer made them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

try:
    from typer._coercion import RuntimeParam, build_runtime_param
except ImportError:  # pragma: no cover - a typer without these internals: nothing changes
    RuntimeParam = None  # type: ignore[assignment,misc]


if RuntimeParam is not None:

    @dataclass(frozen=True)
    class CheckedWhenGiven(RuntimeParam):
        """typer's checker of one option, built on the first value given."""

        descriptor: Any = None

        @cached_property
        def built(self) -> Any:
            """typer's own checker for this option."""
            return build_runtime_param(self.descriptor)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            # ``RuntimeParam.coerce`` answers for an option not given and refuses a lone text for
            # a repeatable one before it calls this: what is left is typer's own conversion.
            return self.built._coerce_value(value, param=param, ctx=ctx)


def check_when_given(command: Any, ctx: Any = None) -> int:
    """Give each option of ``command`` that has no checker yet one built when a value is given
    (with ``ctx``, its help option too); the number of options changed."""
    if RuntimeParam is None:  # pragma: no cover - see the module's text
        return 0
    changed = 0
    for param in command.get_params(ctx) if ctx is not None else getattr(command, "params", ()):
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", False) is not None:
            continue
        try:
            checker = CheckedWhenGiven(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation, descriptor=descriptor)
        except (TypeError, AttributeError):  # pragma: no cover - another typer's internals: as typer made it
            return changed
        param._runtime_param = checker
        changed += 1
    return changed
