"""Paper forms read as paper: the terminal's numbers, no keyboard instructions, conditions in words."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from survivalkit.engine.interview import Interview
from survivalkit.engine.tool_run import tool_interview
from survivalkit.kit.loader import bundled_kit_dir, load_kit
from survivalkit.kit.model import Kit, Question, QuestionType
from survivalkit.sheets.build import Layout, build_markdown
from survivalkit.sheets.paper import condition_text, paper_help
from survivalkit.sheets.view import form_view

DAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def kit() -> Kit:
    return load_kit([bundled_kit_dir()], strict=False).kit


def screen_numbers(interview: Interview) -> dict[str, int]:
    """The number the terminal shows for each question, every condition holding."""
    return {q.id: interview.step(q).index for q in interview.questions}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_form_numbers_questions_as_the_terminal_does(kit: Kit, lang: str) -> None:
    for tool in kit.tools.values():
        interview = tool_interview(kit, tool, lang=lang, day=DAY)
        # Make every condition hold, as a paper form shows every question.
        interview.questions = [q.model_copy(update={"when": None}) for q in interview.questions]
        interview.__post_init__()
        shown = screen_numbers(interview)
        form = form_view(kit, tool, lang)
        assert {f.id: f.number for f in form.fields} == {
            k: v for k, v in shown.items() if k not in {q.id for q in kit.info.profile}
        }, tool.id
        assert [n for n, _, _ in form.identity] == [shown[q.id] for q in kit.info.profile]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_forms_carry_no_keyboard_instructions(kit: Kit, lang: str) -> None:
    for tool in kit.tools.values():
        text = build_markdown(kit, [tool], layout=Layout.FORMS, lang=lang, day=DAY)
        for words in ("12k", "1,2,8", "par exemple 1,", "for example 1,", "virgules", "commas",
                      "Plusieurs réponses possibles", "Several answers", "entre 1 et",
                      "between 1 and", "Vous pouvez écrire", "You can write"):
            assert words not in text, (tool.id, words)


def test_paper_help_keeps_what_helps_to_answer() -> None:
    assert paper_help("Cochez ce qui est probable. Plusieurs réponses possibles (par exemple 1,2,8).") \
        == "Cochez ce qui est probable."
    assert paper_help("Facultatif. Plusieurs réponses possibles, séparées par des virgules. "
                      "Une mise à disposition compte.") == "Une mise à disposition compte."
    assert paper_help("The total. You can write 12 000, 12k or 12 000 €.") == "The total."
    assert paper_help("Optional if you do not know yet: say so.") == "Optional if you do not know yet: say so."


QUESTIONS = [
    Question(id="nature", type=QuestionType.CHOICE, label="Nature ?", choices=[
        {"value": "travaux", "label": "Des travaux"}, {"value": "services", "label": "Des services"},
        {"value": "fournitures", "label": "Des fournitures"}]),
    Question(id="besoins", type=QuestionType.MULTICHOICE, label="Besoins ?", choices=[
        {"value": "acheter", "label": "Acheter"}, {"value": "temps", "label": "Du temps"}]),
    Question(id="innovant", type=QuestionType.BOOL, label="Innovant ?"),
    Question(id="montant", type=QuestionType.AMOUNT, label="Montant ?"),
    Question(id="precision", label="Précision ?", required=False),
]
NUMBERS = {q.id: n for n, q in enumerate(QUESTIONS, start=7)}
BY_ID = {q.id: q for q in QUESTIONS}


@pytest.mark.parametrize(
    ("when", "lang", "expected"),
    [
        ("innovant", "fr", "Si vous avez coché « Oui » à la question 9 :"),
        ("not innovant", "fr", "Si vous avez coché « Non » à la question 9 :"),
        ("innovant", "en", "If you ticked “Yes” in question 9:"),
        ("nature == 'travaux'", "fr", "Si vous avez coché « Des travaux » à la question 7 :"),
        ("nature != 'travaux'", "fr", "Si vous n'avez pas coché « Des travaux » à la question 7 :"),
        ("nature in ['travaux', 'services']", "fr",
         "Si vous avez coché « Des travaux » ou « Des services » à la question 7 :"),
        ("nature not in ['travaux', 'services']", "en",
         "If you ticked neither “Des travaux” nor “Des services” in question 7:"),
        ("'temps' in besoins", "fr", "Si vous avez coché « Du temps » à la question 8 :"),
        ("'temps' not in besoins", "en", "If you did not tick “Du temps” in question 8:"),
        ("innovant and montant > 40000", "fr",
         "Si vous avez coché « Oui » à la question 9 et si vous avez écrit à la question 10 "
         "plus de 40 000 € :"),
        ("precision", "fr", "Si vous avez répondu à la question 11 :"),
        # one question tested twice is named once
        ("besoins and 'temps' not in besoins", "fr",
         "Si vous avez coché à la question 8 une autre case que « Du temps » :"),
        ("'temps' in besoins and 'acheter' in besoins", "fr",
         "Si vous avez coché « Du temps » et « Acheter » à la question 8 :"),
        ("nature == 'travaux' or nature == 'services'", "en",
         "If you ticked “Des travaux” or “Des services” in question 7:"),
        ("innovant or (besoins and 'temps' not in besoins)", "fr",
         "Si vous avez coché « Oui » à la question 9 ou si vous avez coché à la question 8 une "
         "autre case que « Du temps » :"),
        # not a simple test: the questions it reads are named, honestly
        ("innovant and (montant > 1 or 'temps' in besoins)", "fr",
         "Selon vos réponses aux questions 8, 9, 10, si cela vous concerne :"),
        ("nature == 'inconnue'", "fr",
         "Selon votre réponse à la question 7, si cela vous concerne :"),
        ("etape == 'idee'", "fr", "Seulement si cela vous concerne :"),
        ("innovant ==", "fr", "Seulement si cela vous concerne :"),
    ],
)
def test_condition_names_the_answer(when: str, lang: str, expected: str) -> None:
    question = Question(id="q", label="Q ?", when=when)
    got = condition_text(question, NUMBERS, BY_ID, lang)
    assert re.sub(r"[\u00a0\u202f]", " ", got) == expected


def test_bundled_forms_name_each_question_once_for_a_pen(kit: Kit) -> None:
    memo = kit.tools["memo-achat-public"]
    form = form_view(kit, memo, "fr")
    by_id = {f.id: f for f in form.fields}
    innovant = by_id["innovant"].number
    assert f"Si vous avez coché « Oui » à la question {innovant} :" in [
        f.condition.replace("\u202f", " ").replace("\u00a0", " ") for f in form.fields]
    for lang in ("fr", "en"):
        for tool in kit.tools.values():
            for field in form_view(kit, tool, lang).fields:
                refs = re.findall(r"question (\d+)", field.condition)
                assert len(refs) == len(set(refs)), (tool.id, field.condition)
                assert "répondu « " not in field.condition, (tool.id, field.condition)
