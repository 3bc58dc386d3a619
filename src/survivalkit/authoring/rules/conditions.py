"""Checks on conditions: comparisons with values a question does not offer, and sandbox escapes."""

from __future__ import annotations

from collections.abc import Iterator

from survivalkit.authoring.rules.base import (
    Context,
    KitCode,
    check,
    did_you_mean,
    kit_questions,
    layers,
    problem_at,
    question_sources,
    relevance_source,
    tool_sources,
)
from survivalkit.authoring.rules.catalog import SK010, SK014, SK108, SK117
from survivalkit.authoring.template_analysis import (
    LiteralTest,
    literal_tests,
    missing_reads,
    never_true,
    unsafe_constructs,
)
from survivalkit.errors import Msg, Problem
from survivalkit.kit.loader import KitLayer
from survivalkit.kit.model import Question, QuestionType, tool_questions
from survivalkit.kit.yamlread import Located
from survivalkit.sandbox.budget import BudgetExceeded


def _literal_problem(q: Question, test: LiteralTest) -> Msg | None:
    if q.type == QuestionType.BOOL and isinstance(test.value, str):
        return Msg("lint.bool_compared", id=q.id, value=test.value)
    if q.choices and isinstance(test.value, str):
        values = [c.value for c in q.choices]
        if test.value not in values:
            hint = did_you_mean(test.value, values) or Msg("lint.choices", values=", ".join(values))
            return Msg("lint.no_such_choice", id=q.id, value=test.value, hint=hint)
    return None


Condition = tuple[Located | None, str, KitCode, dict[str, Question]]


def condition_sources(ctx: Context) -> Iterator[Condition]:
    """Every condition and template, with the questions its names stand for."""
    situation = {q.id: q for q in ctx.kit.info.situation}
    for tool in ctx.tools():
        known = {q.id: q for q in [*ctx.kit.info.profile, *tool_questions(ctx.kit, tool)]}
        loc = ctx.sources.get(tool.origin)
        for source in tool_sources(tool):
            yield loc, tool.origin, source, known
        for i, rel in enumerate(tool.relevance):
            yield loc, tool.origin, relevance_source(i, rel.when), situation
    everything = {q.id: q for _, q in kit_questions(ctx.kit.info)}
    for loc, info in layers(ctx, "kit.yaml", KitLayer):
        for key_path, q in kit_questions(info):
            for source in question_sources(q, key_path):
                yield loc, loc.path, source, everything


@check
def check_conditions(ctx: Context) -> Iterator[Problem]:
    """Comparisons with values a question does not offer, and ``when``s that can never hold."""
    for loc, origin, source, questions in condition_sources(ctx):
        flagged = False
        for test in literal_tests(source.text, expression=source.expression):
            q = questions.get(test.name)
            message = _literal_problem(q, test) if q is not None else None
            if message:
                flagged = True
                yield problem_at(loc, origin, source.key_path, SK108,
                                 Msg("lint.in", what=source.what, message=message), test.lineno)
        is_when = source.key_path[-1] == "when"
        try:
            hopeless = is_when and not flagged and never_true(source.text, questions)
        except BudgetExceeded as exc:
            reason = Msg.both(exc.explain("en"), exc.explain("fr"))
            yield problem_at(loc, origin, source.key_path, SK014,
                             Msg("lint.budget", what=source.what, message=reason))
            continue
        if hopeless:
            yield problem_at(loc, origin, source.key_path, SK108,
                             Msg("lint.never_true", what=source.what, text=source.text))


@check
def check_sandbox(ctx: Context) -> Iterator[Problem]:
    """Templates and expressions that reach for hidden attributes or other files."""
    for loc, origin, source, _ in condition_sources(ctx):
        for what, lineno in unsafe_constructs(source.text, expression=source.expression):
            yield problem_at(loc, origin, source.key_path, SK010,
                             Msg("lint.in", what=source.what, message=what), lineno)


@check
def check_missing_reads(ctx: Context) -> Iterator[Problem]:
    """Values asked elsewhere (``earlier.x``, ``situation.x``) read without a guard.

    In the journey, ``situation`` holds the situation answers; elsewhere it is empty, and
    ``earlier`` holds only the answers of the tools chosen before. Only ``given_by`` (journey only)
    may read a situation answer that is always asked.
    """
    always = frozenset(q.id for q in ctx.kit.info.situation if q.required and q.when is None)
    for loc, origin, source, _ in condition_sources(ctx):
        present = always if source.key_path[-1] == "given_by" else frozenset()
        for read, lineno in missing_reads(source.text, expression=source.expression, present=present):
            base, _, name = read.partition(".")
            yield problem_at(loc, origin, source.key_path, SK117,
                             Msg("lint.maybe_missing", what=source.what, read=read, base=base, name=name),
                             lineno)
