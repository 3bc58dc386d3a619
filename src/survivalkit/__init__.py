"""survivalkit: the public innovator's survival kit, as guided tools that write real documents.

The Python API (see ``docs/api.md``)::

    import survivalkit
    result = survivalkit.run_tool("memo-achat-public", answers, out="documents")

Names are imported on first use, so that ``import survivalkit`` (and the command line) stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from survivalkit.version import __version__ as __version__

__all__ = [
    "Asker",
    "Kit",
    "KitError",
    "MissingAnswersError",
    "Problem",
    "RunResult",
    "SurvivalkitError",
    "UsageError",
    "__version__",
    "available_formats",
    "build_sheets",
    "load_kit",
    "run_journey",
    "run_tool",
    "validate",
]

_FROM = {
    "RunResult": "survivalkit.api",
    "available_formats": "survivalkit.api",
    "build_sheets": "survivalkit.api",
    "load_kit": "survivalkit.api",
    "run_journey": "survivalkit.api",
    "run_tool": "survivalkit.api",
    "validate": "survivalkit.api",
    "Asker": "survivalkit.engine.asker",
    "Kit": "survivalkit.kit.model",
    "KitError": "survivalkit.errors",
    "MissingAnswersError": "survivalkit.errors",
    "Problem": "survivalkit.errors",
    "SurvivalkitError": "survivalkit.errors",
    "UsageError": "survivalkit.errors",
}

if TYPE_CHECKING:
    from survivalkit.api import (
        RunResult,
        available_formats,
        build_sheets,
        load_kit,
        run_journey,
        run_tool,
        validate,
    )
    from survivalkit.engine.asker import Asker
    from survivalkit.errors import KitError, MissingAnswersError, Problem, SurvivalkitError, UsageError
    from survivalkit.kit.model import Kit


def __getattr__(name: str) -> Any:
    """Import the API's names lazily."""
    module = _FROM.get(name)
    if module is None:
        raise AttributeError(f"module 'survivalkit' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
