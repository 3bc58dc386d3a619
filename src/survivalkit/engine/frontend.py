"""What the engine needs from whoever drives it: an ``Asker`` that can also show a few things.

The terminal implements it in the command-line package; ``Quiet`` turns any plain ``Asker`` (a
test script, an answers file) into a frontend that shows nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from survivalkit.engine.asker import Asker, RecapRow, Step
from survivalkit.engine.triage import Recommendation
from survivalkit.errors import refused
from survivalkit.kit.model import Term, Tool


class Frontend(Asker, Protocol):
    """An ``Asker`` that also shows notices, a tool's introduction and the recommendations."""

    def notice(self, text: str) -> None:
        """A short message that needs no answer (a session continued, a file set aside…)."""

    def tool_intro(self, tool: Tool) -> None:
        """Introduce a tool before its questions."""

    def welcome(self, questions: int) -> None:
        """Introduce the journey: ``questions`` situation questions come first."""

    def recommendations(self, recommendations: Sequence[Recommendation]) -> None:
        """Show the recommended tools, each with its reasons."""


class Quiet:
    """A frontend over a plain ``Asker``: questions go to it, everything else is dropped."""

    def __init__(self, asker: Asker) -> None:
        self.asker = asker
        self.notices: list[str] = []

    def ask(self, step: Step) -> str:
        """Delegate to the asker."""
        return self.asker.ask(step)

    def show_help(self, step: Step, help_text: str, terms: Sequence[Term]) -> None:
        """Delegate to the asker."""
        self.asker.show_help(step, help_text, terms)

    def recap(self, rows: Sequence[RecapRow], error: str | None) -> str:
        """Delegate to the asker."""
        return self.asker.recap(rows, error)

    def notice(self, text: str) -> None:
        """Kept, so that a script can read what would have been shown."""
        self.notices.append(text)

    def tool_intro(self, tool: Tool) -> None:
        """Nothing to show."""

    def welcome(self, questions: int) -> None:
        """Nothing to show."""

    def recommendations(self, recommendations: Sequence[Recommendation]) -> None:
        """Nothing to show."""


class Strict:
    """A frontend for a program (not a person): the same refused reply twice raises.

    A person retypes; a script that answers a required question with nothing, or with the same
    wrong value, would be asked again forever. ``AnswerError`` names the question and the reason.
    """

    def __init__(self, frontend: Frontend, lang: str = "fr") -> None:
        self.frontend = frontend
        self.lang = lang
        self._last: tuple[str, str] | None = None
        self._last_recap: str | None = None

    def ask(self, step: Step) -> str:
        """Delegate; raise when the previous reply to this same question was refused and repeats."""
        reply = self.frontend.ask(step)
        key = (step.question.id, reply)
        if step.error and self._last == key:
            raise refused(step.lang, "api.refused", id=step.question.id, reason=step.error)
        self._last = key
        return reply

    def show_help(self, step: Step, help_text: str, terms: Sequence[Term]) -> None:
        """Delegate."""
        self.frontend.show_help(step, help_text, terms)

    def recap(self, rows: Sequence[RecapRow], error: str | None) -> str:
        """Delegate; an invalid recap reply given twice raises."""
        reply = self.frontend.recap(rows, error)
        if error and reply == self._last_recap:
            raise refused(self.lang, "api.refused", id="recap", reason=error)
        self._last_recap = reply
        return reply

    def notice(self, text: str) -> None:
        """Delegate."""
        self.frontend.notice(text)

    def tool_intro(self, tool: Tool) -> None:
        """Delegate."""
        self.frontend.tool_intro(tool)

    def welcome(self, questions: int) -> None:
        """Delegate."""
        self.frontend.welcome(questions)

    def recommendations(self, recommendations: Sequence[Recommendation]) -> None:
        """Delegate."""
        self.frontend.recommendations(recommendations)


def as_frontend(asker: Asker | None, *, strict: bool = False, lang: str = "fr") -> Frontend | None:
    """``asker`` itself when it is a full frontend, else wrapped in ``Quiet``; with ``strict``
    (a program answers), a refused reply given again raises instead of being asked forever."""
    if asker is None:
        return None
    if all(hasattr(asker, name) for name in ("notice", "tool_intro", "welcome", "recommendations")):
        frontend: Frontend = asker  # type: ignore[assignment]
    else:
        frontend = Quiet(asker)
    return Strict(frontend, lang) if strict else frontend
