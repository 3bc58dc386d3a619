"""What every command needs: the language, the display, and the kit (loaded on first use).

This module never imports the application; commands receive ``Env`` from their factory.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from survivalkit import settings
from survivalkit.errors import UnknownToolError
from survivalkit.i18n import resolve_lang, t

if TYPE_CHECKING:
    from survivalkit.cli.terminal import Display
    from survivalkit.engine.replay import Settings
    from survivalkit.kit.loader import LoadedKit
    from survivalkit.kit.model import Kit, Tool


T = TypeVar("T")


def paused_collector(work: Callable[[], T]) -> T:
    """Do ``work`` with the garbage collector paused, then freeze what it made: a command's
    process keeps the kit (and the cards of a listing) to its end, so collecting while reading
    (many small objects, all kept) only costs time, and so would walking them in every later
    collection. Done here, in the command line's own process: a program using the API keeps its
    collector as it set it."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        return work()
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


class Env:
    """The language (``--lang``, else the one language policy of ``i18n.resolve_lang``), the
    display, the kit folders, and the kit loaded once."""

    def __init__(self, kit_dirs: list[Path] | None, lang: str | None, plain: bool) -> None:
        from survivalkit.cli.terminal import Display, wants_plain

        self.lang: str = resolve_lang(lang)
        self.lang_given = lang is not None
        self.plain_given = plain
        self.plain = wants_plain(plain)
        self.display: Display = Display(self.lang, self.plain)
        self.kit_dirs = list(kit_dirs or [])
        self._loaded: LoadedKit | None = None

    def adopt(self, settings: Settings) -> None:
        """Take the language, plain mode and kits recorded with the work, unless given now."""
        from survivalkit.cli.terminal import Display, wants_plain

        changed = False
        if settings.lang and not self.lang_given and settings.lang != self.lang:
            self.lang = settings.lang
            changed = True
        if settings.plain and not self.plain_given:
            self.plain_given = True
            self.plain = wants_plain(True)
            changed = True
        if changed:
            self.display = Display(self.lang, self.plain)
        known = {str(p.resolve()) for p in self.kit_dirs}
        for folder in settings.kits:
            path = Path(folder)
            if str(path.resolve()) in known:
                continue
            if path.is_dir() and self._loaded is None:
                self.kit_dirs.append(path)
                self.display.notice(t("kit.adopted", self.lang, folder=folder))
            else:
                self.display.notice(t("kit.recorded_missing", self.lang, folder=folder))

    def settings(self) -> Settings:
        """What travels with the work: language, plain mode and extra kit folders (absolute)."""
        from survivalkit.engine.replay import Settings

        return Settings(lang=self.lang, plain=self.plain_given or None,
                        kits=tuple(str(p.resolve()) for p in self.kit_dirs))

    def command(self, *parts: str) -> str:
        """A command line to show the user, with the ``--kit``, ``--lang`` and ``--plain`` in use."""
        import shlex

        words = ["survivalkit", *parts]
        for folder in self.kit_dirs:
            words += ["--kit", str(folder)]
        if self.lang_given or self.lang != resolve_lang():
            words += ["--lang", self.lang]
        if self.plain_given:
            words.append("--plain")
        if os.name == "nt":
            return " ".join(f'"{w}"' if " " in w else w for w in words)
        return " ".join(shlex.quote(w) for w in words)

    @property
    def loaded(self) -> LoadedKit:
        """The loaded kit with its sources (for line numbers)."""
        if self._loaded is None:
            from survivalkit.errors import say
            from survivalkit.kit.cache import KitCache
            from survivalkit.kit.loader import kit_roots, load_kit

            self._loaded = paused_collector(lambda: load_kit(kit_roots(self.kit_dirs), cache=KitCache.open()))
            for notice in self._loaded.notices:
                self.display.notice(say(notice, self.lang))
        return self._loaded

    @property
    def kit(self) -> Kit:
        """The kit."""
        return self.loaded.kit

    def tool(self, tool_id: str) -> Tool:
        """A tool by id, or an error suggesting the nearest ids."""
        from survivalkit.kit.loader import suggest_tools

        if tool_id in self.kit.tools:
            return self.kit.tools[tool_id]
        close = suggest_tools(self.kit, tool_id)
        hint = t("tool.suggest", self.lang, ids=", ".join(close)) if close else ""
        raise UnknownToolError(t("tool.unknown", self.lang, id=tool_id) + hint)

    def interactive(self) -> bool:
        """Whether someone can answer questions."""
        return sys.stdin.isatty() and not settings.no_input()
