"""What an ``Asker`` sees and answers: a question's step, the recap rows, the commands people type.

The terminal, an answers file and tests implement ``Asker``; the interview drives it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

from survivalkit.i18n.words import COMMANDS
from survivalkit.kit.model import Question, Term
from survivalkit.text.localized import tr


class Command(Enum):
    """What a reply can ask instead of answering."""

    HELP = "help"
    BACK = "back"
    SKIP = "skip"
    QUIT = "quit"


def command_of(reply: str) -> Command | None:
    """The navigation command a reply stands for, if it is one."""
    word = reply.strip().lower()
    return Command(COMMANDS[word]) if word in COMMANDS else None


class QuitRequested(Exception):
    """The user asked to stop; what was answered is kept."""


class LeaveBackwards(Exception):
    """``<`` on the first question: the caller goes back to what came before (a journey step)."""


@dataclass(frozen=True)
class Step:
    """Everything an asker needs to show one question."""

    question: Question
    index: int
    total: int
    section: str
    default: Any
    default_text: str
    error: str | None
    lang: str

    @property
    def label(self) -> str:
        """The question in the user's language."""
        return tr(self.question.label, self.lang)


@dataclass(frozen=True)
class RecapRow:
    """One line of the recap."""

    number: int
    question_id: str
    label: str
    answer: str
    section: str


class Asker(Protocol):
    """Where answers come from: the terminal, a script in tests."""

    def ask(self, step: Step) -> str:
        """Show the question and return what the user typed (a command or an answer)."""

    def show_help(self, step: Step, help_text: str, terms: Sequence[Term]) -> None:
        """Show the question's help and the glossary terms it uses."""

    def recap(self, rows: Sequence[RecapRow], error: str | None) -> str:
        """Show all answers; return ``""`` to confirm, a number to edit, or ``<`` to go back."""
