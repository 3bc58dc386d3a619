"""The interview as a pure state machine: next question, back, edit, recap, validation.

No terminal code here: the same engine is driven by the terminal, by an answers file and by
tests, through an ``Asker``.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Protocol

from survivalkit.engine.answers import cast_answer, check_answer, display_answer, is_empty, to_plain
from survivalkit.engine.expressions import ExpressionError, evaluate, evaluate_condition
from survivalkit.errors import AnswerError, TemplateError
from survivalkit.i18n import t
from survivalkit.i18n.words import COMMANDS, CONFIRM_WORDS
from survivalkit.kit.model import Question, Term, tr


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


@dataclass
class Interview:
    """The state of one interview: its questions, what is answered and what is confirmed."""

    questions: list[Question]
    base: dict[str, Any] = field(default_factory=dict)
    lang: str = "fr"
    sections: dict[str, str] = field(default_factory=dict)
    answers: dict[str, Any] = field(default_factory=dict)
    confirmed: list[str] = field(default_factory=list)
    stale: dict[str, str] = field(default_factory=dict)
    """Why a restored answer is asked again (question id → reason)."""
    locked: set[str] = field(default_factory=set)
    """Answers given by an earlier step (another tool of a journey): ``back`` stops before them."""
    given_names: dict[str, Any] | None = None
    """In a journey, ``situation`` and ``earlier`` for the questions' ``given_by`` (None elsewhere)."""

    def __post_init__(self) -> None:
        self._by_id = {q.id: q for q in self.questions}

    # --- reading the state -------------------------------------------------------------
    def question(self, question_id: str) -> Question:
        """The question with this id."""
        return self._by_id[question_id]

    def _walk(self) -> tuple[list[Question], dict[str, Any]]:
        """Applicable questions in order, and the names expressions see (confirmed answers)."""
        ctx = dict(self.base)
        for q in self.questions:
            ctx.setdefault(q.id, None)
        out = []
        done = set(self.confirmed)
        for q in self.questions:
            if q.when is None or self._holds(q, ctx):
                out.append(q)
                if q.id in done and q.id in self.answers:
                    ctx[q.id] = self.answers[q.id]
        return out, ctx

    def context(self) -> dict[str, Any]:
        """Names for expressions: base, then the confirmed answers of applicable questions."""
        return self._walk()[1]

    def applicable(self) -> list[Question]:
        """The questions whose conditions hold, given the answers so far, in order."""
        return self._walk()[0]

    def _holds(self, question: Question, ctx: Mapping[str, Any]) -> bool:
        assert question.when is not None
        try:
            return evaluate_condition(question.when, ctx)
        except ExpressionError as exc:
            raise TemplateError(
                f"question `{question.id}`: its condition `when: {question.when}` "
                f"cannot be evaluated: {exc}"
            ) from None

    def next_question(self) -> Question | None:
        """The first applicable question not yet confirmed, or None when all are."""
        done = set(self.confirmed)
        for q in self.applicable():
            if q.id not in done:
                return q
        return None

    def today(self) -> dt.date | None:
        """The interview's date (what ``aujourd'hui`` means), when one was given."""
        day = self.base.get("today", self.base.get("doc_date"))
        return day if isinstance(day, dt.date) else None

    def cast(self, question: Question, raw: Any) -> Any:
        """``raw`` read as ``question``'s type, in the interview's language and date."""
        return cast_answer(question, raw, self.lang, self.today())

    def default_for(self, question: Question) -> Any:
        """What Enter accepts: the earlier answer, else the kit's default or computed default."""
        if question.id in self.answers and not is_empty(self.answers[question.id]):
            return self.answers[question.id]
        if question.default is not None:
            try:
                return self.cast(question, question.default)
            except AnswerError:
                return None
        if question.default_expr:
            try:
                value = evaluate(question.default_expr, self.context())
            except Exception:  # a default that cannot be computed simply is not offered
                return None
            if value is None:
                return None
            try:
                return self.cast(question, value)
            except AnswerError:
                return None
        return None

    def step(self, question: Question, error: str | None = None) -> Step:
        """The view of ``question`` for an asker."""
        # Numbered among all the interview's questions, as on the paper form: the count stays the
        # same from the first question to the last, whatever the answers make apply.
        ids = [q.id for q in self.questions]
        index = ids.index(question.id) + 1 if question.id in ids else len(ids)
        default = self.default_for(question)
        shown = "" if default is None else display_answer(question, default, self.lang)
        if question.choices and isinstance(default, list):
            # Several picks read best as the numbers the user would type.
            numbers = [str(i) for i, c in enumerate(question.choices, start=1) if c.value in default]
            shown = ",".join(numbers)
        return Step(
            question=question,
            index=index,
            total=len(ids),
            section=self.sections.get(question.id, ""),
            default=default,
            default_text=shown,
            error=error or self.stale.get(question.id),
            lang=self.lang,
        )

    def is_complete(self) -> bool:
        """Whether every applicable question is confirmed."""
        return self.next_question() is None

    def final_answers(self) -> dict[str, Any]:
        """Answers of applicable questions only; an answer made irrelevant by an edit is dropped."""
        return {q.id: self.answers.get(q.id) for q in self.applicable() if q.id in self.confirmed}

    def recap_rows(self) -> list[RecapRow]:
        """The recap table: every applicable question with its answer."""
        rows = []
        for number, q in enumerate(self.applicable(), start=1):
            rows.append(
                RecapRow(
                    number=number,
                    question_id=q.id,
                    label=tr(q.label, self.lang),
                    answer=display_answer(q, self.answers.get(q.id), self.lang),
                    section=self.sections.get(q.id, ""),
                )
            )
        return rows

    # --- moving ------------------------------------------------------------------------
    def accept(self, question: Question, raw: Any) -> Any:
        """Cast and check ``raw`` for ``question`` — the one validation path for every source."""
        if is_empty(raw) or (isinstance(raw, str) and not raw.strip()):
            if question.required:
                raise AnswerError(t("answer.required", self.lang))
            return None
        value = self.cast(question, raw)
        if is_empty(value):
            if question.required:
                raise AnswerError(t("answer.required", self.lang))
            return None
        check_answer(question, value, self.context(), self.lang)
        return value

    def submit(self, question: Question, raw: Any) -> Any:
        """Validate and record an answer, then move on."""
        value = self.accept(question, raw)
        self.answers[question.id] = value
        self.stale.pop(question.id, None)
        if question.id not in self.confirmed:
            self.confirmed.append(question.id)
        return value

    def skip(self, question: Question) -> None:
        """Leave an optional question unanswered."""
        if question.required:
            raise AnswerError(t("answer.required", self.lang))
        self.answers[question.id] = None
        if question.id not in self.confirmed:
            self.confirmed.append(question.id)

    def back(self) -> Question | None:
        """Return to the previous question; later answers stay as defaults."""
        applicable_ids = {q.id for q in self.applicable()}
        while self.confirmed:
            if self.confirmed[-1] in self.locked:
                return None  # answered by an earlier step of the journey: not this tool's to undo
            last = self.confirmed.pop()
            if last in applicable_ids:
                return self._by_id[last]
        return None

    def reopen(self, question_id: str) -> None:
        """Ask one question again (an edit from the recap)."""
        if question_id in self.confirmed:
            self.confirmed.remove(question_id)

    # --- saving ------------------------------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        """The state as plain data, for autosave."""
        return {
            "answers": {
                qid: to_plain(self._by_id[qid], v) for qid, v in self.answers.items() if qid in self._by_id
            },
            "confirmed": list(self.confirmed),
        }

    def preset(self, values: Mapping[str, Any]) -> None:
        """Take answers already validated elsewhere (another tool of the same journey) as given.

        They come first in the order of answers and are locked: ``back`` stops before them.
        """
        given = [qid for qid in values if qid in self._by_id]
        for qid in given:
            self.answers[qid] = values[qid]
            self.stale.pop(qid, None)
        self.confirmed = given + [c for c in self.confirmed if c not in set(given)]
        self.locked |= set(given)

    def fill_given(self) -> list[str]:
        """Answer the questions whose ``given_by`` gives a fitting value; return their ids.

        A value that does not fit the question is not used: the question is then asked as usual.
        """
        if self.given_names is None:
            return []
        from jinja2 import Undefined

        given: dict[str, Any] = {}
        for question in self.questions:
            if question.given_by is None or question.id in self.confirmed or question.id in self.answers:
                continue
            try:
                value = evaluate(question.given_by, {**self.context(), **given, **self.given_names})
            except Exception:  # a declaration that cannot be evaluated here simply gives nothing
                continue
            if value is None or value == "" or value == [] or isinstance(value, Undefined):
                continue
            try:
                given[question.id] = self.accept(question, value)
            except (AnswerError, TypeError, ValueError):
                continue
        if given:
            self.preset(given)
        return list(given)

    def restore(self, data: Mapping[str, Any]) -> None:
        """Reload a snapshot through the same validation as typed answers.

        A confirmed answer that no longer fits the question (the kit changed since) is not
        confirmed: it is asked again, with the reason in ``stale``.
        """
        answers = data.get("answers") or {}
        confirmed = {c for c in data.get("confirmed") or [] if isinstance(c, str)}
        self.answers = {}
        self.confirmed = []
        self.stale = {}
        order = [q for q in self.questions if q.id in answers]
        for q in order:
            raw = answers[q.id]
            if q.id in confirmed:
                if raw is None and not q.required:
                    self.answers[q.id] = None
                    self.confirmed.append(q.id)
                    continue
                try:
                    self.answers[q.id] = self.accept(q, raw)
                    self.confirmed.append(q.id)
                except AnswerError as exc:
                    self.stale[q.id] = t("answer.stale", self.lang, reason=exc)
                    self._keep_unconfirmed(q, raw)
            else:
                self._keep_unconfirmed(q, raw)

    def _keep_unconfirmed(self, question: Question, raw: Any) -> None:
        """An answer not confirmed is kept as the default offered, when it still reads."""
        if raw is None:
            return
        try:
            self.answers[question.id] = self.cast(question, raw)
        except AnswerError:
            pass


def prefill(
    interview: Interview,
    values: Mapping[str, Any],
    source: str | Mapping[str, str],
    *,
    use_defaults: bool = False,
    interactive: bool = False,
) -> tuple[list[str], list[str]]:
    """Apply answers from a file or options through the same validation as typed answers.

    Returns ``(errors, missing)``: one message per bad value (naming the source and key), and
    the ids of required questions still unanswered. Questions it cannot answer stay pending.
    """
    lang = interview.lang
    errors: list[str] = []
    known = {q.id for q in interview.questions}

    def source_of(key: str) -> str:
        return source if isinstance(source, str) else source.get(key, "--answers")

    for key in values:
        if key not in known:
            close = difflib.get_close_matches(str(key), sorted(known), n=1)
            hint = f" (did you mean `{close[0]}`?)" if close and lang == "en" else ""
            if close and lang == "fr":
                hint = f" (vouliez-vous dire `{close[0]}` ?)"
            errors.append(t("answer.unknown_key", lang, source=source_of(str(key)), key=key, hint=hint))
    for key in values:
        # A value given explicitly wins over a saved one (e.g. the saved profile).
        if key in known:
            interview.reopen(str(key))
    missing: list[str] = []
    parked: list[str] = []
    while True:
        q = interview.next_question()
        if q is None:
            break
        if q.id in values:
            try:
                interview.submit(q, values[q.id])
                continue
            except AnswerError as exc:
                errors.append(t("answer.bad_value", lang, source=source_of(q.id), key=q.id, reason=exc))
        elif use_defaults and interview.default_for(q) is not None:
            interview.submit(q, interview.default_for(q))
            continue
        elif not q.required and not interactive:
            interview.skip(q)
            continue
        elif q.required:
            missing.append(q.id)
        # Park it to keep walking: later questions may not depend on it.
        parked.append(q.id)
        interview.confirmed.append(q.id)
        interview.answers.setdefault(q.id, None)
    for qid in parked:
        interview.confirmed.remove(qid)
        if interview.answers.get(qid) is None:
            interview.answers.pop(qid, None)
    return errors, missing


def run_interview(
    interview: Interview,
    asker: Asker,
    *,
    glossary_lookup: Callable[[str], list[Term]] | None = None,
    on_change: Callable[[Interview], None] | None = None,
    recap: bool = True,
    allow_leave: bool = False,
) -> dict[str, Any]:
    """Drive ``interview`` with ``asker`` until every question is answered and confirmed.

    With ``allow_leave``, ``<`` where there is nothing to go back to raises ``LeaveBackwards``.
    """
    lang = interview.lang
    error: str | None = None
    recap_error: str | None = None
    while True:
        interview.fill_given()
        question = interview.next_question()
        if question is None:
            if not recap:
                break
            rows = interview.recap_rows()
            reply = asker.recap(rows, recap_error).strip()
            recap_error = None
            command = command_of(reply)
            if reply.lower() in CONFIRM_WORDS:
                break
            if command is Command.BACK:
                if interview.back() is None and allow_leave:
                    raise LeaveBackwards
            elif command is Command.QUIT:
                raise QuitRequested
            elif reply.isascii() and reply.isdigit() and 1 <= int(reply) <= len(rows):
                interview.reopen(rows[int(reply) - 1].question_id)
            else:
                recap_error = t("recap.invalid", lang, n=len(rows))
            continue
        step = interview.step(question, error)
        reply = asker.ask(step)
        error = None
        command = command_of(reply) if "\n" not in reply else None
        if command is Command.HELP:
            help_text = tr(question.help, lang) or t("help.none", lang)
            text = " ".join([tr(question.label, lang), help_text])
            terms = glossary_lookup(text) if glossary_lookup else []
            asker.show_help(step, help_text, terms)
            continue
        if command is Command.BACK:
            if interview.back() is None:
                if allow_leave:
                    raise LeaveBackwards
                error = t("nav.first", lang)
            continue
        if command is Command.QUIT:
            raise QuitRequested
        try:
            if command is Command.SKIP:
                interview.skip(question)
            elif reply.strip() == "" and step.default is not None:
                interview.submit(question, step.default)
            else:
                interview.submit(question, reply)
        except AnswerError as exc:
            error = str(exc)
            continue
        if on_change:
            on_change(interview)
    return interview.final_answers()
