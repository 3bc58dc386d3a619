"""The options every command shares (``--kit``, ``--lang``, ``--plain``), with their help in one
language. Built by ``shared_options(lang)``; this module never imports the application.

A command declares them as ``kit: Annotated[list[Path] | None, opts.kit] = None``.
"""

from __future__ import annotations

from dataclasses import dataclass

import typer
from typer.models import OptionInfo

from survivalkit.i18n import t


@dataclass(frozen=True)
class SharedOptions:
    """The shared options' declarations, in one language."""

    kit: OptionInfo
    lang: OptionInfo
    plain: OptionInfo


def shared_options(lang: str) -> SharedOptions:
    """``--kit``, ``--lang`` and ``--plain`` with their help in ``lang``."""
    return SharedOptions(
        kit=typer.Option("--kit", help=t("opt.kit", lang), metavar="DIR"),
        lang=typer.Option("--lang", help=t("opt.lang", lang), metavar="fr|en"),
        plain=typer.Option("--plain", help=t("opt.plain", lang)),
    )
