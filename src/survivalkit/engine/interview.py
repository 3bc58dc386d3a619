"""The interview as a pure state machine: next question, back, edit, recap, validation.

No terminal code here: the same engine is driven by the terminal, by an answers file and by
tests, through an ``Asker``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from survivalkit.engine.answers import cast_answer, check_answer, display_answer, is_empty, to_plain
from survivalkit.engine.asker import Asker, Command, LeaveBackwards, QuitRequested, RecapRow, Step, command_of
from survivalkit.errors import AnswerError, Msg, TemplateError, refused
from survivalkit.i18n import t
from survivalkit.i18n.words import CONFIRM_WORDS
from survivalkit.kit.model import Question, Term
from survivalkit.sandbox.expressions import (
    BudgetExceeded,
    ExpressionError,
    MissingValue,
    evaluate,
    evaluate_condition,
    used_names,
)
from survivalkit.text.localized import tr


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
    place: Callable[[str, str], str] | None = None
    """Where a question's expression is written: (question id, key) → ``file:line:col``."""
    faults: list[Msg] = field(default_factory=list)
    """The kit's expressions that met a missing value in this interview, each said once."""
    on_fault: Callable[[str], None] | None = None
    """Told each fault as it is found, in the interview's language (the terminal shows it)."""
    origins: dict[str, str] = field(default_factory=dict)
    """Where a reused project datum came from (question id → « repris de … »), for the recap."""
    prefilled: set[str] = field(default_factory=set)
    """Answers taken from the saved profile and not typed in this work (not counted as its own)."""

    def __post_init__(self) -> None:
        self._by_id = {q.id: q for q in self.questions}
        # question id -> (the values its condition read, its truth): a condition is evaluated
        # again only when a name it reads changed, so an answer costs the same in a tool of ten
        # questions or of a thousand (the walks over the questions only compare values).
        self._holds_memo: dict[str, tuple[tuple[Any, ...], bool]] = {}

    def where(self, question: Question, key: str) -> str:
        """``file:line:col`` of ``question``'s ``key`` (its id when the place is not known)."""
        if self.place is not None:
            try:
                return self.place(question.id, key)
            except Exception:  # a place that cannot be read only makes the message less precise
                pass
        return f"`{question.id}`"

    def fault(self, question: Question, key: str, exc: MissingValue, then: str) -> None:
        """A kit expression met a missing value: note it once, say it, and go on (``then`` says how)."""
        text = question.given_by if key == "given_by" else question.default_expr if key == "default_expr" \
            else question.when
        msg = Msg("kit.fault.missing", where=self.where(question, key), id=question.id, key=key,
                  expr=text or "", name=exc.name, then=Msg(then))
        if any(str(m) == str(msg) for m in self.faults):
            return
        self.faults.append(msg)
        if self.on_fault is not None:
            self.on_fault(msg.say(self.lang))

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
            if q.when is None or self.holds(q, ctx):
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

    def holds(self, question: Question, ctx: Mapping[str, Any]) -> bool:
        """Whether ``question``'s condition holds for the names in ``ctx``."""
        assert question.when is not None
        names = used_names(question.when)
        key = None
        if names is not None:
            key = tuple(_frozen(ctx.get(name, _ABSENT)) for name in sorted(names))
            known = self._holds_memo.get(question.id)
            if known is not None and known[0] == key:
                return known[1]
        try:
            result = evaluate_condition(question.when, ctx)
        except MissingValue as exc:
            # Like an unanswered value: the condition does not hold. The kit is told where.
            self.fault(question, "when", exc, "kit.fault.then_skipped")
            result = False
        except ExpressionError as exc:
            raise TemplateError(Msg("kit.when_failed", where=self.where(question, "when"), id=question.id,
                                    when=question.when, reason=_both(exc))) from None
        if key is not None:
            self._holds_memo[question.id] = (key, result)
        return result

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

    def default_for(self, question: Question, ctx: Mapping[str, Any] | None = None) -> Any:
        """What Enter accepts: the earlier answer, else the kit's default or computed default.

        ``ctx`` is the names expressions see, when the caller already has them (one pass).
        """
        if question.id in self.answers and not is_empty(self.answers[question.id]):
            return self.answers[question.id]
        if question.default is not None:
            try:
                return self.cast(question, question.default)
            except AnswerError as exc:  # a kit error (validate says SK031): never dropped silently
                raise self._unfit_default(question, "default", question.default, exc) from None
        if question.default_expr:
            try:
                value = evaluate(question.default_expr, self.context() if ctx is None else ctx)
            except BudgetExceeded as exc:  # a kit error, not a missing default: say so
                raise TemplateError(Msg("kit.default_expr_failed", id=question.id, reason=_both(exc))) from None
            except MissingValue as exc:
                self.fault(question, "default_expr", exc, "kit.fault.then_no_default")
                return None
            except Exception:  # a default that cannot be computed simply is not offered
                return None
            if value is None:
                return None
            try:
                return self.cast(question, value)
            except AnswerError as exc:  # a computed default of the wrong type: the kit's mistake
                raise self._unfit_default(question, "default_expr", value, exc) from None
        return None

    def _unfit_default(self, question: Question, key: str, value: Any, exc: AnswerError) -> TemplateError:
        where = self.place(question.id, key) if self.place is not None else ""
        return TemplateError(t("default.unfit", self.lang, where=f"{where}: " if where else "",
                               id=question.id, key=key, value=value, reason=str(exc)))

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
                    answer=display_answer(q, self.answers.get(q.id), self.lang)
                    + (f" ({self.origins[q.id]})" if q.id in self.origins else ""),
                    section=self.sections.get(q.id, ""),
                )
            )
        return rows

    # --- moving ------------------------------------------------------------------------
    def accept(self, question: Question, raw: Any, ctx: Mapping[str, Any] | None = None) -> Any:
        """Cast and check ``raw`` for ``question`` — the one validation path for every source.

        ``ctx`` is the names rules see, when the caller already has them (one pass over answers).
        """
        if is_empty(raw) or (isinstance(raw, str) and not raw.strip()):
            if question.required:
                raise refused(self.lang, "answer.required")
            return None
        value = self.cast(question, raw)
        if is_empty(value):
            if question.required:
                raise refused(self.lang, "answer.required")
            return None
        check_answer(question, value, self.context() if ctx is None else ctx, self.lang)
        return value

    def submit(self, question: Question, raw: Any) -> Any:
        """Validate and record an answer, then move on."""
        value = self.accept(question, raw)
        if self.answers.get(question.id) != value:
            self.origins.pop(question.id, None)  # changed here: no longer the reused value
        self.answers[question.id] = value
        self.stale.pop(question.id, None)
        self.prefilled.discard(question.id)
        if question.id not in self.confirmed:
            self.confirmed.append(question.id)
        return value

    def skip(self, question: Question) -> None:
        """Leave an optional question unanswered."""
        if question.required:
            raise refused(self.lang, "answer.required")
        self.answers[question.id] = None
        self.prefilled.discard(question.id)
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
        data: dict[str, Any] = {
            "answers": {
                qid: to_plain(self._by_id[qid], v) for qid, v in self.answers.items() if qid in self._by_id
            },
            "confirmed": list(self.confirmed),
        }
        prefilled = [c for c in self.confirmed if c in self.prefilled]
        if prefilled:
            data["prefilled"] = prefilled
        return data

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
        given: dict[str, Any] = {}
        for question in self.questions:
            if question.given_by is None or question.id in self.confirmed or question.id in self.answers:
                continue
            try:
                value = evaluate(question.given_by, {**self.context(), **given, **self.given_names})
            except MissingValue as exc:
                self.fault(question, "given_by", exc, "kit.fault.then_asked")
                continue
            except Exception:  # a declaration that cannot be evaluated here simply gives nothing
                continue
            if is_empty(value):
                continue
            try:
                given[question.id] = self.accept(question, value)
            except Exception:  # a value that does not fit (or a rule that fails): simply asked
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
        prefilled = data.get("prefilled")
        self.answers = {}
        self.confirmed = []
        self.stale = {}
        self.prefilled = {p for p in prefilled if isinstance(p, str)} if isinstance(prefilled, list) else set()
        # One pass in asking order, with the names rules see built as it goes (as ``_walk`` does),
        # so that a long session is restored in linear time.
        ctx = dict(self.base)
        for q in self.questions:
            ctx.setdefault(q.id, None)
        for q in self.questions:
            if q.id not in answers:
                continue
            raw = answers[q.id]
            if q.id in confirmed:
                if raw is None and not q.required:
                    self.answers[q.id] = None
                    self.confirmed.append(q.id)
                    continue
                try:
                    self.answers[q.id] = self.accept(q, raw, ctx)
                    self.confirmed.append(q.id)
                    if q.when is None or self.holds(q, ctx):
                        ctx[q.id] = self.answers[q.id]
                except (AnswerError, TemplateError) as exc:  # asked again, never a dead end
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


_ABSENT = object()


def _frozen(value: Any) -> Any:
    """A value as it stands now (lists and mappings copied), to compare with a later one."""
    if isinstance(value, list | tuple | set | frozenset):
        return (type(value), tuple(_frozen(v) for v in value))
    if isinstance(value, dict):
        return (dict, tuple((k, _frozen(v)) for k, v in value.items()))
    return value


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


def _both(exc: BudgetExceeded | ExpressionError) -> Msg:
    """Why kit code failed, in both languages (said in the reader's at the edge)."""
    return Msg.both(exc.explain("en"), exc.explain("fr"))
