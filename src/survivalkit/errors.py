"""The project's exceptions and exit codes: one root error, a few kinds, predictable exit codes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of the command line, stable for scripts."""

    OK = 0
    USER_ERROR = 1
    USAGE = 2
    UNEXPECTED = 3
    INTERRUPTED = 130


class SurvivalkitError(Exception):
    """Root of every error survivalkit expects and explains; never shown with a traceback."""

    exit_code: ExitCode = ExitCode.USER_ERROR


@dataclass(frozen=True)
class Problem:
    """One problem found in a kit file, located as precisely as the file allows."""

    path: str
    line: int
    col: int
    key_path: str
    message: str
    rule: str = "schema"
    severity: str = "error"

    def format(self) -> str:
        """``path:line:col: key.path: message`` — the form editors and people both read."""
        where = f"{self.key_path}: " if self.key_path else ""
        tag = "" if self.rule == "schema" else f" [{self.rule}]"
        level = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.path}:{self.line}:{self.col}: {level}{where}{self.message}{tag}"


class KitError(SurvivalkitError):
    """A kit could not be loaded; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))


class UnknownToolError(SurvivalkitError):
    """A tool id that the kit does not hold."""


class AnswerError(SurvivalkitError):
    """An answer that does not fit its question; the message says why, in the user's language."""


class MissingAnswersError(SurvivalkitError):
    """Required answers are missing and nobody is there to type them."""

    exit_code = ExitCode.USAGE


class TemplateError(SurvivalkitError):
    """A document template failed to render; names the file, document and line."""


class OutputError(SurvivalkitError):
    """A document could not be written where it was asked to go."""


class MissingExtraError(SurvivalkitError):
    """An optional dependency is needed for the asked format."""


class SessionError(SurvivalkitError):
    """A saved session or profile could not be read or written."""


class Interrupted(SurvivalkitError):
    """The user pressed Ctrl-C; the message says how to resume."""

    exit_code = ExitCode.INTERRUPTED


class UsageError(SurvivalkitError):
    """The command was called in a way that cannot work."""

    exit_code = ExitCode.USAGE
