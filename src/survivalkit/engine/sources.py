"""Where answers come from, and which wins: the precedence of answer sources, declared once.

From the weakest to the strongest:

1. the **saved profile** (name, service, e-mail…), used only when a person answers at the
   terminal and no answers file is given (or when ``use_profile`` asks for it on purpose), so
   that one person's details never slip into another person's scripted documents;
2. the **autosaved session** being continued (``--resume``, or "continue" when offered);
3. the **answers file** (``--answers``);
4. the **``--set key=value``** options;
5. then, for what is still unanswered: the question's **default** when ``--defaults`` is
   given or nobody can type (an optional question is then left empty), else the terminal asks.

Every value, whatever its source, goes through the interview's one validation path.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from survivalkit.engine.interview import Interview
from survivalkit.errors import AnswerError, MissingAnswersError, Msg, UsageError
from survivalkit.i18n import t
from survivalkit.text.names import shown_name


@dataclass(frozen=True)
class Layer:
    """One named source of answers."""

    name: str
    """``profile``, ``session``, ``answers_file`` or ``set``."""
    values: Mapping[str, Any]
    origin: str
    """How a message names it (``--answers``, the file's name, ``--set``)."""
    given: bool
    """Given on purpose for this run: a bad value is an error. Otherwise (saved earlier) a bad
    value is simply asked again."""


PRECEDENCE = ("profile", "session", "answers_file", "set")
"""The layers, weakest first: a stronger layer's answer replaces a weaker one's."""


@dataclass
class AnswerSources:
    """Everything one run knows before asking: one mapping per layer, then ``use_defaults``."""

    profile: Mapping[str, Any] = field(default_factory=dict)
    session: Mapping[str, Any] | None = None
    """An interview snapshot (``answers`` and ``confirmed``) to continue."""
    answers_file: Mapping[str, Any] = field(default_factory=dict)
    answers_file_name: str = "--answers"
    sets: Mapping[str, Any] = field(default_factory=dict)
    use_defaults: bool = False

    @property
    def scripted(self) -> bool:
        """Whether answers were given on purpose (a file or ``--set``)."""
        return bool(self.answers_file) or bool(self.sets)

    def layers(self, profile_ids: Sequence[str] = ()) -> list[Layer]:
        """The non-empty layers in ``PRECEDENCE`` order (the profile limited to ``profile_ids``)."""
        session = dict(self.session.get("answers") or {}) if self.session is not None else {}
        known = set(profile_ids)
        every = {
            "profile": Layer("profile", {k: v for k, v in self.profile.items() if k in known}, "profile", False),
            "session": Layer("session", session, "session", False),
            "answers_file": Layer("answers_file", self.answers_file, self.answers_file_name, True),
            "set": Layer("set", self.sets, "--set", True),
        }
        return [every[name] for name in PRECEDENCE if every[name].values]

    def merged(self, profile_ids: Sequence[str] = ()) -> tuple[dict[str, Any], dict[str, Layer]]:
        """Every answer, the strongest layer's, with the layer it came from: the one merge."""
        values: dict[str, Any] = {}
        origin: dict[str, Layer] = {}
        for layer in self.layers(profile_ids):
            for key, value in layer.values.items():
                values[key] = value
                origin[key] = layer
        return values, origin


def apply_sources(
    interview: Interview,
    sources: AnswerSources,
    *,
    interactive: bool,
    profile_ids: Sequence[str] = (),
) -> list[str]:
    """Fill ``interview`` from the merged layers, then validate in one pass; return the ids still missing.

    Answers saved earlier (profile, session) are restored as they were confirmed; a bad one is
    simply asked again. Answers given for this run (file, ``--set``) go through ``prefill``:
    raises ``UsageError`` listing every bad value (each names its source and key).
    """
    values, origin = sources.merged(profile_ids)
    saved = {k: v for k, v in values.items() if not origin[k].given}
    if saved:
        confirmed = [k for k in saved if origin[k].name == "profile"]
        if sources.session is not None:
            confirmed += [c for c in sources.session.get("confirmed") or [] if c in saved]
        # Taken from the saved profile, not typed in this work (the session says which it took).
        session_prefilled = (sources.session or {}).get("prefilled")
        prefilled = [k for k in saved if origin[k].name == "profile"
                     or (isinstance(session_prefilled, list) and k in session_prefilled)]
        interview.restore({"answers": saved, "confirmed": list(dict.fromkeys(confirmed)),
                           "prefilled": prefilled})
    given = {k: v for k, v in values.items() if origin[k].given}
    errors: list[Msg] = []
    missing: list[str] = []
    if given or sources.use_defaults or not interactive:
        errors, missing = prefill(
            interview, given, {k: origin[k].origin for k in given}, use_defaults=sources.use_defaults,
            interactive=interactive,
        )
    if errors:
        raise UsageError(Msg.lines(errors))
    return missing


def require_complete(
    interview: Interview, missing: Sequence[str], *, where: str = "", defaults_option: bool = True
) -> None:
    """Without a terminal, every required answer must have come from a source.

    ``defaults_option``: whether the command has ``--defaults`` (the journey has not: its message
    does not mention it)."""
    lang = interview.lang
    interview.fill_given()  # what the situation or an earlier tool says counts as given
    done = set(interview.confirmed)
    applicable = {q.id for q in interview.applicable()}
    pending = [m for m in missing if m not in done and m in applicable]
    if not pending and interview.next_question() is not None:
        pending = [q.id for q in interview.applicable() if q.id not in done]
    if pending:
        prefix = f"{where}: " if where else ""
        raise MissingAnswersError(
            prefix + t("answer.missing" if defaults_option else "answer.missing_in_file", lang,
                       count=len(pending), keys=", ".join(pending)), tuple(pending)
        )


def parse_set_options(items: Sequence[str]) -> dict[str, str]:
    """``--set key=value`` options into a mapping."""
    values: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(Msg("set.form", item=repr(item)))
        values[unicodedata.normalize("NFC", key.strip())] = value
    return values


def prefill(
    interview: Interview,
    values: Mapping[str, Any],
    source: str | Mapping[str, str],
    *,
    use_defaults: bool = False,
    interactive: bool = False,
) -> tuple[list[Msg], list[str]]:
    """Apply answers from a file or options through the same validation as typed answers.

    Returns ``(errors, missing)``: one message per bad value (data: naming the source and key, in
    either language, ``Msg.path`` the answer's key), and
    the ids of required questions still unanswered. Questions it cannot answer stay pending; at a
    terminal (``interactive``) a bad value is no error: its question is asked again, saying why.
    """
    lang = interview.lang
    errors: list[Msg] = []
    known = {q.id for q in interview.questions}

    def source_of(key: str) -> str:
        return source if isinstance(source, str) else source.get(key, "--answers")

    for key in values:
        if key not in known:
            close = difflib.get_close_matches(str(key), sorted(known), n=1)
            hint = Msg.both(f" (did you mean `{close[0]}`?)", f" (vouliez-vous dire `{close[0]}` ?)") \
                if close else ""
            # An invisible or look-alike character is written out: never « `objet` … `objet`? ».
            errors.append(Msg("answer.unknown_key", source=source_of(str(key)), key=shown_name(str(key)),
                              hint=hint).about(str(key)))
    # A value given explicitly wins over a saved one (e.g. the saved profile).
    given = {str(key) for key in values if key in known}
    interview.confirmed = [c for c in interview.confirmed if c not in given]
    done = set(interview.confirmed)
    # One pass in asking order, with the names expressions see built as it goes: linear in the
    # number of questions (a condition only reads the questions before it; lint rule SK011).
    ctx = dict(interview.base)
    for q in interview.questions:
        ctx.setdefault(q.id, None)
    missing: list[str] = []

    def record(question_id: str, value: Any) -> None:
        interview.answers[question_id] = value
        interview.stale.pop(question_id, None)
        interview.prefilled.discard(question_id)
        interview.confirmed.append(question_id)
        done.add(question_id)
        ctx[question_id] = value

    for q in interview.questions:
        if q.when is not None and not interview.holds(q, ctx):
            continue
        if q.id in done:
            if q.id in interview.answers:
                ctx[q.id] = interview.answers[q.id]
            continue
        if q.id in values:
            try:
                record(q.id, interview.accept(q, values[q.id], ctx))
                continue
            except AnswerError as exc:
                reason = Msg("answer.bad_value", source=source_of(q.id), key=q.id,
                             reason=exc.message).about(q.id)
                if interactive:  # at a terminal the agent answers it again: never a dead end
                    interview.stale[q.id] = reason.say(lang)
                    interview.answers.pop(q.id, None)
                else:
                    errors.append(reason)
        elif use_defaults and (default := interview.default_for(q, ctx)) is not None:
            try:
                record(q.id, interview.accept(q, default, ctx))
                continue
            except AnswerError as exc:
                errors.append(Msg("answer.bad_value", source="--defaults", key=q.id,
                                  reason=exc.message).about(q.id))
        elif not q.required and not interactive:
            record(q.id, None)
            continue
        elif q.required:
            missing.append(q.id)
        # Not answered: later questions are still walked (they may not depend on it).
    return errors, missing
