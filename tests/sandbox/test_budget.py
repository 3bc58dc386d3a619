"""The budget of kit code: every evaluation stops within its limits, whatever the template does."""

from __future__ import annotations

import datetime as dt
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from survivalkit.errors import TemplateError
from survivalkit.kit.loader import load_kit
from survivalkit.output.render import render_text
from survivalkit.sandbox.budget import BudgetExceeded, Limits, current_limits, weight
from survivalkit.sandbox.expressions import environment, evaluate

SMALL = "seconds=2,steps=5000,value=10000,total=200000,output=20000,depth=15,digits=40"


@pytest.fixture(autouse=True)
def small_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SURVIVALKIT_KIT_LIMITS", SMALL)


def _render(source: str, **context: object) -> str:
    from survivalkit.kit.model import Tool

    tool = Tool.model_construct(origin="outil.yaml", id="outil")
    return render_text(source, context, tool=tool, key_path=("documents", 0, "template"),
                       what="document `doc`", known=[], lang="en")


def test_the_limits_can_be_lowered_and_bad_values_are_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SURVIVALKIT_KIT_LIMITS", "steps=10, value=oops, nothing=3;seconds=0.5")
    assert current_limits() == Limits(steps=10, seconds=0.5)


def test_ordinary_templates_are_not_hindered() -> None:
    source = (
        "{% for m in [75, 150] %}{{ '%dh%02d' | format(m // 60, m % 60) }} {% endfor %}"
        "{{ montant | euros('EUR_HT', 'en') }} {{ (montant * 1.2) | round(0) }} "
        "{{ '{:>6}'.format('a') }} {{ 'x' | center(12) }} {{ 'a:b'.split(':') | join('-') }} "
        "{{ 250000000 * 1000 }} {{ '%d' % 123456789012 }}"
    )
    out = _render(source, montant=250_000_000)
    # Printed values are document text (escaped Markdown, issue 22): the whole line is pinned.
    assert out == ("1h15 2h30 €250,000,000 excl. VAT 300000000\\.0  a  x       a-b "
                   "250000000000 123456789012")


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("{{ 'x' * 10**9 }}", "a text or list of more than 10000 characters"),
        ("{{ 'x' | center(10**9) }}", "a text or list of more than 10000 characters"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "more than 15 nested calls"),
        ("{% for i in range(999) %}{% for j in range(999) %}{% endfor %}{% endfor %}", "more than 5000 operations"),
        ("{{ 7 ** 1000 }}", "a number of more than 40 digits"),
    ],
)
def test_a_template_over_its_budget_names_file_document_line_and_limit(source: str, reason: str) -> None:
    with pytest.raises(TemplateError) as exc:
        _render("Bonjour\n" + source)
    assert str(exc.value).startswith("outil.yaml (template line 2): document `doc`: the kit's code goes "
                                     f"over its budget: {reason}")


def test_the_message_is_in_the_users_language() -> None:
    with pytest.raises(BudgetExceeded) as exc:
        evaluate("'x' * 10**9", {})
    assert exc.value.explain("fr").startswith("le code du kit dépasse son budget : un texte ou une liste")


def test_a_computed_default_or_a_rule_over_budget_names_its_question(tmp_path: Path) -> None:
    from helpers import MINI_TOOL, mini_kit
    from survivalkit.engine.tool_run import tool_interview

    tool_text = MINI_TOOL.replace(
        "documents:",
        "  - id: piege\n    label: Piège\n    required: false\n"
        "    default_expr: \"'x' * 10**9\"\n"
        "    rules: [{check: \"value * 10**9\", message: Non.}]\ndocuments:",
    )
    kit = load_kit([mini_kit(tmp_path, tool_text)]).kit
    tool = kit.tools["outil-test"]
    interview = tool_interview(kit, tool, lang="en", day=dt.date(2026, 1, 1))
    question = next(q for q in interview.questions if q.id == "piege")
    with pytest.raises(TemplateError, match="question `piege`: `default_expr`: the kit's code goes over"):
        interview.default_for(question)
    from survivalkit.engine.answers import check_answer

    with pytest.raises(TemplateError, match="question `piege`: rule `value \\* 10\\*\\*9`: the kit's code"):
        check_answer(question, "bonjour", {}, "en")


def test_weight_counts_nested_items_once_per_level_and_stops_early() -> None:
    assert weight("abc", 10) == 3
    assert weight([["ab"]], 100) == 1 + 2 + 2  # the inner list, one level down, then its text
    shared = ["x" * 1000]
    for _ in range(30):
        shared = [shared, shared]  # 2**30 paths to the same text: counting stops at the cap
    assert 10_000 < weight(shared, 10_000) < 20_000


# --- property: random templates built from the sandbox's operations stay within the budget --------
VALUES = st.sampled_from(["nom", "'x'", "[1, 2]", "range(50)", "ns.s", "ns.l", "7", "3.5", "{'a': nom}"])
NUMBERS = st.sampled_from(["0", "1", "3", "99", "10**6", "10**9", "-5"])
# Operations with holes: V a value (maybe another operation), N a number.
OPERATIONS = st.sampled_from([
    "V ~ V", "V * N", "V + V", "N ** N", "'%Ns' % V", "'{:N}'.format(V)", "V | center(N)",
    "V | indent(N)", "V | join(V)", "V | replace('x', V)", "V | tojson(indent=N)",
    "V | slice(N) | list", "V | batch(N, 'x') | list", "[V] * N", "[V, V, V]", "V | sum(start=[])",
    "V | list", "V | string", "'%-Nd' | format(N)", "V | truncate(N)", "(V | string).ljust(N)",
])
STATEMENTS = st.sampled_from([
    "{% for i in range(N) %}B{% endfor %}",
    "{% set ns.s = E %}B",
    "{% set ns.l = E %}B",
    "{% for x in E recursive %}B{{ loop([x]) if x is string and x | length < 3 }}{% endfor %}",
    "{{ E }}B",
    "{% macro m(k) %}B{{ m(k) }}{{ m(k) }}{% endmacro %}{{ m(1) }}",
    "{% filter upper %}B{% endfilter %}",
])


@st.composite
def expressions(draw: st.DrawFn, depth: int = 0) -> str:
    text = draw(OPERATIONS)
    while "V" in text:
        nested = depth < 2 and draw(st.booleans())
        text = text.replace("V", draw(expressions(depth + 1)) if nested else draw(VALUES), 1)
    while "N" in text:
        text = text.replace("N", draw(NUMBERS), 1)
    return f"({text})"


@st.composite
def templates(draw: st.DrawFn) -> str:
    body = ""
    for _ in range(draw(st.integers(1, 4))):
        statement = draw(STATEMENTS).replace("N", draw(NUMBERS)).replace("E", draw(expressions()))
        body = statement.replace("B", body)
    return "{% set ns = namespace(s='ab', l=[1]) %}" + body


@settings(deadline=None, database=None, derandomize=True, max_examples=150,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(templates())
def test_random_templates_finish_within_the_budget(source: str) -> None:
    limits = current_limits()
    try:
        template = environment().from_string(source)
    except Exception:  # a combination that is not valid Jinja is not this test's subject
        return
    tracemalloc.start()
    try:
        out = _render(source, nom="Claire")
    except TemplateError as exc:
        out = ""
        assert "\n" not in str(exc)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert template is not None
    assert len(out) <= limits.output
    assert peak < 200 * limits.estimate, f"{peak} bytes at the peak"


def test_the_time_limit_counts_the_processor_time_of_the_evaluation_not_the_wall_clock() -> None:
    """A loaded machine (here: the thread asleep between operations) does not use up kit code's
    time; working does. The same template passes or fails alike on a quiet or a busy machine."""
    import time

    from survivalkit.sandbox.budget import Budget

    budget = Budget(Limits(seconds=0.05, steps=10**9))
    for _ in range(40):  # 0.2 s of wall clock, four times the limit, spent waiting
        time.sleep(0.005)
        budget.tick()
    with pytest.raises(BudgetExceeded) as exceeded:
        while True:  # working: stopped by the time limit, not by the steps
            budget.tick()
    assert exceeded.value.kind == "seconds"
