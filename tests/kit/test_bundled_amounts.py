"""Amounts typed into free text reach the documents as typed: the bundled kit asks for them in full."""

from __future__ import annotations

import datetime as dt

import pytest

from survivalkit.engine.answers import AnswerError
from survivalkit.engine.tool_run import tool_interview
from survivalkit.kit.loader import bundled_kit_dir, load_kit
from survivalkit.kit.model import QuestionType

KIT = load_kit([bundled_kit_dir()]).kit
DAY = dt.date(2026, 11, 26)
MONEY_WORDS = ("€", "euro", "coût", "budget", "financement", "financé")


def _free_text_money_questions() -> list[tuple[str, str]]:
    found = []
    for tool in KIT.tools.values():
        for q in tool.questions:
            if q.type not in (QuestionType.TEXT, QuestionType.LONGTEXT):
                continue
            words = " ".join(filter(None, [q.label.fr if q.label else "", q.help.fr if q.help else ""])).lower()
            if any(w in words for w in MONEY_WORDS):
                found.append((tool.id, q.id))
    return found


QUESTIONS = _free_text_money_questions()


def test_the_kit_has_free_text_questions_about_money() -> None:
    assert ("protocole-partage-innovations", "financement") in QUESTIONS
    assert ("dossier-candidature-financement", "autres_financeurs") in QUESTIONS


@pytest.mark.parametrize(("tool_id", "question_id"), QUESTIONS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_free_text_answer_about_money_refuses_120k_and_takes_the_full_amount(
    tool_id: str, question_id: str, lang: str
) -> None:
    tool = KIT.tools[tool_id]
    interview = tool_interview(KIT, tool, lang=lang, day=DAY)
    [question] = [q for q in interview.questions if q.id == question_id]
    for typed in ("environ 120k", "coût : 120 k€", "Département, 10K accordé"):
        with pytest.raises(AnswerError) as refused:
            interview.accept(question, typed + " pour le projet de la ville")
        assert ("120 000" if lang == "fr" else "120,000") in str(refused.value)
    full = "environ 120 000 € HT sur deux ans, à 4 km du centre, pour le projet de la ville"
    assert interview.accept(question, full) == full
