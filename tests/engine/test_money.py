"""Money is exact: amounts answered are summed without drift, a kit's arithmetic with ordinary
numbers still works, and answers files and sessions give back the same amounts."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from survivalkit.engine.amounts import Amount, parse_amount
from survivalkit.engine.interview import Interview
from survivalkit.engine.replay import Settings, read_tool_answers, tool_answers_yaml
from survivalkit.kit.loader import bundled_kit_dir, load_kit
from survivalkit.kit.model import Question, Tool
from survivalkit.output.render import render_text
from survivalkit.sandbox.expressions import base_context, evaluate

KIT = load_kit([bundled_kit_dir()]).kit
DAY = dt.date(2026, 11, 30)


def _render(source: str, **answers: Any) -> str:
    tool = Tool.model_construct(origin="outil.yaml", id="outil")
    context = {**base_context(KIT, DAY, "fr"), **answers}
    return render_text(source, context, tool=tool, key_path=("documents", 0, "template"),
                       what="document `doc`", known=[], lang="fr")


def test_amounts_answered_sum_exactly() -> None:
    a, b = parse_amount("0,10 €"), parse_amount("0,20 €")
    assert isinstance(a, Amount) and a + b == Decimal("0.3")
    # In a document: a budget's total compared and printed, with no 0.30000000000000004.
    source = "{% set total = a + b %}{{ total == 0.3 }} {{ [a, b, b] | sum | euros('EUR') }} {{ total | euros }}"
    assert _render(source, a=a, b=b) == "True 0,50\u00a0€ 0,30\u00a0€ HT"


def test_a_kits_arithmetic_on_amounts_keeps_working() -> None:
    montant = parse_amount("45 000 €")
    ctx = {**base_context(KIT, DAY, "fr"), "montant": montant}
    assert evaluate("montant * 0.2", ctx) == Decimal("9000")
    assert evaluate("montant > 40000 and montant < 45000.01", ctx) is True
    assert evaluate("(montant * 100 / 60000) | round | int", ctx) == 75
    assert evaluate("montant > fact('seuil_convention_subvention')", ctx) is True  # 23 000 €
    assert evaluate("fact('seuil_convention_subvention') < montant", ctx) is True
    assert _render("{{ (montant * 0.2) | euros('EUR') }} {{ montant | number }}", montant=montant) == \
        "9\u202f000\u00a0€ 45\u202f000"


@pytest.mark.parametrize("typed", ["0,1", "12 000,50", "1 234 567,89", "0,07", "99 999 999 999,99"])
def test_amounts_come_back_equal_from_an_answers_file_and_a_session(typed: str, tmp_path: Path) -> None:
    question = Question(id="montant", type="amount", label="?")
    amount = parse_amount(typed)
    written = tool_answers_yaml("# test", tool="outil", day=DAY, settings=Settings(lang="fr"),
                                answers={"montant": amount}, questions=[question])
    assert isinstance(yaml.safe_load(written)["answers"]["montant"], int | float)  # a number
    path = tmp_path / "answers.yaml"
    path.write_bytes(written)
    again = Interview([question])
    assert again.accept(question, read_tool_answers(path, "fr").answers["montant"], {}) == amount
    interview = Interview([question])
    interview.answers["montant"] = amount
    saved = json.loads(json.dumps(interview.snapshot()))
    restored = Interview([question])
    restored.restore(saved)
    assert restored.answers["montant"] == amount and isinstance(restored.answers["montant"], Amount)


def test_an_amount_already_read_is_never_read_again_as_text() -> None:
    # « 12.500 » would read as twelve thousand five hundred in French: an amount stays itself.
    assert parse_amount(Amount("12.500"), "fr") == Decimal("12.5")


def test_a_kits_mistake_with_an_amount_reads_like_one_with_a_number() -> None:
    montant = parse_amount("100")
    with pytest.raises(ZeroDivisionError, match="division by zero") as caught:
        montant / 0
    assert type(caught.value) is ZeroDivisionError  # never decimal's « DivisionByZero: [<class…>] »
