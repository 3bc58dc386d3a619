"""The project's exceptions and exit codes: one root error, a few kinds, predictable exit codes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any


class ExitCode(IntEnum):
    """Exit codes of the command line, stable for scripts."""

    OK = 0
    USER_ERROR = 1
    USAGE = 2
    UNEXPECTED = 3
    INTERRUPTED = 130


class SurvivalkitError(Exception):
    """Root of every error survivalkit expects and explains; never shown with a traceback.

    Its message is data: a ``Msg`` (a catalogue key and its values) said in the reader's language
    by ``say`` at the edge (the command line, a notice); ``str()`` gives the English text.
    """

    exit_code: ExitCode = ExitCode.USER_ERROR

    lang: str | None = None
    """The language ``str()`` says the message in, when the edge that let it through knows it
    (the Python API sets the run's language); else English."""

    def say(self, lang: str) -> str:
        """The message in ``lang`` (as it is when it was not written as a ``Msg``)."""
        if len(self.args) == 1:
            return say(self.args[0], lang) if isinstance(self.args[0], str) else str(self.args[0])
        return super().__str__()

    def __str__(self) -> str:
        return self.say(self.lang) if self.lang else super().__str__()


class Msg(str):
    """A message that is English text as a ``str`` and knows its catalogue key to be translated.

    Problems are found deep in the core, which does not know the reader's language: the message
    keeps its key and values, and ``Problem.format(lang)`` says it in the reader's language.
    """

    key: str
    values: dict[str, Any]
    path: tuple[str | int, ...] = ()
    """The key path of what the message is about (an answer's question id), when it is about one."""

    def __new__(cls, key: str, /, **values: Any) -> Msg:
        from survivalkit.i18n import t

        text = t(key, "en").format(**values)
        msg = super().__new__(cls, text)
        msg.key = key
        msg.values = values
        return msg

    @classmethod
    def both(cls, en: str, fr: str) -> Msg:
        """A message already said in both languages (by code that knew them both)."""
        msg = super().__new__(cls, en)
        msg.key = ""
        msg.values = {"en": en, "fr": fr}
        return msg

    @classmethod
    def lines(cls, messages: Sequence[str]) -> Msg:
        """Several messages said one per line, each in the reader's language."""
        return cls.both("\n".join(say(m, "en") for m in messages),
                        "\n".join(say(m, "fr") for m in messages))

    def about(self, *path: str | int) -> Msg:
        """This message, noting the key path it is about (``answer_path`` reads it, never the text)."""
        self.path = path
        return self

    def say(self, lang: str) -> str:
        """The message in ``lang``; values that are themselves ``Msg`` are translated too."""
        from survivalkit.i18n import t

        if not self.key:
            return str(self.values.get(lang) or self.values["en"])
        values = {k: v.say(lang) if isinstance(v, Msg) else v for k, v in self.values.items()}
        return t(self.key, lang).format(**values)


def say(text: str, lang: str) -> str:
    """``text`` in ``lang`` when it is a ``Msg``, else as it is."""
    return text.say(lang) if isinstance(text, Msg) else text


def os_reason(exc: OSError) -> Msg:
    """Why the system refused, in words of both languages (by ``errno``; the English is the
    system's own text)."""
    import errno as errnos

    name = errnos.errorcode.get(exc.errno or 0, "")
    key = f"os.{name}"
    from survivalkit.i18n.messages import MESSAGES

    if name and key in MESSAGES:
        msg = Msg(key)
        if exc.strerror:  # the system's own English words
            msg = Msg.both(exc.strerror, msg.say("fr"))
        return msg
    return Msg("os.other", code=exc.errno or "?", text=exc.strerror or str(exc))


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

    def format(self, lang: str = "en") -> str:
        """``path:line:col: key.path: message`` — the form editors and people both read."""
        where = f"{self.key_path}: " if self.key_path else ""
        tag = "" if self.rule == "schema" else f" [{self.rule}]"
        level = ""
        if self.severity == "info":
            level = "note : " if lang == "fr" else "note: "
        elif self.severity != "error":
            level = ("avertissement : " if lang == "fr" else f"{self.severity}: ")
        return f"{self.path}:{self.line}:{self.col}: {level}{where}{self.text(lang)}{tag}"

    def text(self, lang: str = "en") -> str:
        """The message alone, in ``lang`` when it was written with a catalogue key."""
        return say(self.message, lang)


class KitError(SurvivalkitError):
    """A kit could not be loaded; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))


class UnknownToolError(SurvivalkitError):
    """A tool id that the kit does not hold."""


class AnswerError(SurvivalkitError):
    """An answer that does not fit its question. Its message is data (a ``Msg``): ``say(lang)``
    gives it in either language, ``str()`` in the language of the person who answered (``lang``).
    """

    def __init__(self, message: str, *, lang: str | None = None) -> None:
        super().__init__(message)
        self.lang = lang

    @property
    def message(self) -> Msg:
        """The reason as data (a ``Msg`` even when it was raised with plain text)."""
        reason = self.args[0] if self.args else ""
        return reason if isinstance(reason, Msg) else Msg.both(str(reason), str(reason))


def refused(lang: str | None, key: str, /, **values: Any) -> AnswerError:
    """An ``AnswerError`` whose reason is the catalogue message ``key`` (said in ``lang`` by ``str``)."""
    return AnswerError(Msg(key, **values), lang=lang)


def in_both(said: Callable[[str], str]) -> Msg:
    """A value written by code that knows both languages (a date, a number, a kit text): ``said``
    is called with ``"en"`` then ``"fr"``."""
    return Msg.both(said("en"), said("fr"))


class MissingAnswersError(SurvivalkitError):
    """Required answers are missing and nobody is there to type them.

    ``keys`` are the questions missing; the command line adds how to give them (its options),
    the core never does: an API caller has no options.
    """

    exit_code = ExitCode.USAGE

    def __init__(self, message: str, keys: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.keys = keys


class TemplateError(SurvivalkitError):
    """A document template failed to render; names the file, document and line."""


class OutputError(SurvivalkitError):
    """A document could not be written where it was asked to go."""


class FilesExistError(OutputError):
    """The output folder already holds files of these names (the command line adds how to choose)."""


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
