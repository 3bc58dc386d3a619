"""The terminal as the engine's frontend: the keyboard ``Asker`` plus notices, intros, tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from survivalkit.cli.terminal import Display, TerminalAsker
from survivalkit.i18n import t
from survivalkit.kit.model import Tool, falls_back
from survivalkit.text.localized import tr

if TYPE_CHECKING:  # the engine's triage (and jinja2 with it) loads only for the journey
    from survivalkit.engine.triage import Recommendation


class TerminalFrontend(TerminalAsker):
    """Questions at the keyboard; notices on standard error; tools introduced before their questions."""

    def __init__(self, display: Display, section: str = "") -> None:
        super().__init__(display, section=section)

    def notice(self, text: str) -> None:
        """A side remark."""
        self.display.notice(text)

    def tool_intro(self, tool: Tool) -> None:
        """The tool's title, what it is for and when to use it."""
        d = self.display
        fallback_notice(d, tool)
        title = tr(tool.title, self.lang)
        d.title(title)
        self._section = title  # the questions' section is this title: not repeated
        d.say(tr(tool.summary, self.lang))
        d.say(t("intro.when", self.lang) + " " + tr(tool.sheet.when_to_use, self.lang), "dim")

    def welcome(self, questions: int) -> None:
        """The journey's welcome, with the true number of situation questions."""
        self.display.title(t("journey.welcome.title", self.lang))
        self.display.say(t("journey.welcome", self.lang, n=questions))

    def recommendations(self, recommendations: Sequence[Recommendation]) -> None:
        """Each recommended tool with its reasons, as a list that fits any width."""
        d = self.display
        title = t("journey.recommended", self.lang)
        d.title(title)
        self._section = title  # the choice that follows belongs to this section: not repeated
        if not recommendations:
            d.say(t("journey.none_recommended", self.lang))
            return
        for number, rec in enumerate(recommendations, start=1):
            lead = f"{number}. "
            d.say(tr(rec.tool.title, self.lang), "bold", indent=" " * len(lead), first=lead)
            for reason in rec.reasons:
                d.say(reason, indent=" " * (len(lead) + 2), first=" " * len(lead) + "– ")


def fallback_notice(display: Display, tool: Tool) -> None:
    """Say so when some of the tool's texts exist only in French."""
    if falls_back(tool, display.lang):
        display.notice(t("lang.fallback", display.lang, tool=tool.id))
