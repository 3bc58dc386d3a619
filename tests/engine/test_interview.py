"""The interview engine, driven by a scripted Asker: conditions, defaults, back, recap, resume."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpers import MINI_KIT, ScriptedAsker, build_tree
from survivalkit.engine.interview import Interview, run_interview
from survivalkit.engine.sources import prefill
from survivalkit.engine.tool_run import new_interview
from survivalkit.kit.loader import load_kit
from survivalkit.kit.model import Question

TOOL = """\
schema_version: 1
title: Achat
summary: Test.
stages: [idee]
reviewed: 2026-11-20
sources: [{title: x, reference: y}]
sheet: {when_to_use: x, steps: [x]}
questions:
  - id: objet
    label: Quoi ?
    help: Décrivez l'achat, par exemple un atelier collaboratif.
  - id: montant
    type: amount
    label: Combien ?
    min: 1
  - id: innovant
    type: bool
    label: Innovant ?
    when: "montant >= fact('seuil').value"
  - id: preuve
    label: Pourquoi ?
    when: innovant
  - id: echeance
    type: date
    label: Quand ?
    default_expr: "add_days(doc_date, 30)"
  - id: note
    label: Remarque ?
    required: false
documents:
  - {id: d, title: D, filename: d, template: "{{ objet }}"}
"""


def interview(tmp_path: Path) -> Interview:
    root = build_tree(tmp_path, {"kit.yaml": MINI_KIT, "tools/achat.yaml": TOOL})
    kit = load_kit([root]).kit
    return new_interview(kit, kit.tools["achat"].questions, lang="fr", day=dt.date(2026, 11, 26))


def test_conditions_follow_the_answers(tmp_path: Path) -> None:
    iv = interview(tmp_path)
    asker = ScriptedAsker(["atelier", "12 000", "", ""])
    answers = run_interview(iv, asker)
    assert asker.asked == ["objet", "montant", "echeance", "note"]
    assert answers["montant"] == 12000
    assert answers["echeance"] == dt.date(2026, 12, 26)
    assert answers["note"] is None


def test_threshold_from_dated_fact_opens_a_question(tmp_path: Path) -> None:
    iv = interview(tmp_path)
    asker = ScriptedAsker(["x", "70k", "oui", "nouveau procédé", "15/01/2027", "rien"])
    answers = run_interview(iv, asker)
    assert asker.asked == ["objet", "montant", "innovant", "preuve", "echeance", "note"]
    assert answers["preuve"] == "nouveau procédé"


def test_invalid_answer_is_asked_again_with_the_reason(tmp_path: Path) -> None:
    iv = interview(tmp_path)
    asker = ScriptedAsker(["x", "douze", "0", "12000", "", ""])
    run_interview(iv, asker)
    errors = [s.error for s in asker.steps if s.question.id == "montant"]
    assert errors[0] is None
    assert "Montant non reconnu" in (errors[1] or "")
    assert "au moins 1" in (errors[2] or "")


def test_back_keeps_later_answers_as_defaults(tmp_path: Path) -> None:
    iv = interview(tmp_path)
    asker = ScriptedAsker(["atelier", "12000", "<", "<", "imprimante", "", "", ""])
    answers = run_interview(iv, asker)
    assert asker.asked == ["objet", "montant", "echeance", "montant", "objet", "montant", "echeance", "note"]
    second_montant = [s for s in asker.steps if s.question.id == "montant"][1]
    assert second_montant.default == 12000
    assert answers["objet"] == "imprimante" and answers["montant"] == 12000


def test_recap_edit_reevaluates_conditions(tmp_path: Path) -> None:
    iv = interview(tmp_path)
    # First pass under the threshold; the recap edits the amount (row 2) above it:
    # the newly relevant questions are asked before the recap comes back.
    asker = ScriptedAsker(["x", "1000", "", "", "80000", "oui", "nouveau"], recap_replies=["2", ""])
    answers = run_interview(iv, asker)
    assert asker.asked[-3:] == ["montant", "innovant", "preuve"]
    assert len(asker.recaps) == 2
    assert [r.question_id for r in asker.recaps[1]] == [
        "objet", "montant", "innovant", "preuve", "echeance", "note"]
    assert answers["innovant"] is True


def test_recap_edit_drops_answers_that_no_longer_apply(tmp_path: Path) -> None:
    iv = interview(tmp_path)
    asker = ScriptedAsker(["x", "80000", "oui", "nouveau", "", "", "500"], recap_replies=["2", ""])
    answers = run_interview(iv, asker)
    assert "innovant" not in answers and "preuve" not in answers
    assert answers["montant"] == 500


def test_help_shows_glossary_terms(tmp_path: Path) -> None:
    from survivalkit.kit.model import Term

    iv = interview(tmp_path)
    term = Term(term="atelier collaboratif", definition="Un lieu partagé.")
    asker = ScriptedAsker(["?", "x", "1000", "", ""])
    run_interview(iv, asker, glossary_lookup=lambda text: [term] if "atelier collaboratif" in text else [])
    assert asker.helps == [("Décrivez l'achat, par exemple un atelier collaboratif.", ["atelier collaboratif"])]


def test_snapshot_and_restore_resume_at_the_same_question(tmp_path: Path) -> None:
    iv = interview(tmp_path)
    run_partial = ScriptedAsker(["atelier", "70000", "oui"])
    with pytest.raises(AssertionError, match="no scripted reply left for preuve"):
        run_interview(iv, run_partial)  # the user stopped at the fourth question
    saved = iv.snapshot()
    fresh = interview(tmp_path)
    fresh.restore(saved)
    assert fresh.next_question() is not None
    assert fresh.next_question().id == "preuve"  # type: ignore[union-attr]
    assert fresh.answers["montant"] == 70000


def test_prefill_lists_every_missing_answer_and_bad_value(tmp_path: Path) -> None:
    iv = interview(tmp_path)
    errors, missing = prefill(iv, {"montant": "beaucoup", "objt": "x"}, "réponses.yaml")
    french = [e.say("fr") for e in errors]
    assert french[0].startswith("réponses.yaml : `objt` ne correspond à aucune question")
    assert "vouliez-vous dire `objet`" in french[0]
    assert french[1].startswith("réponses.yaml : montant : Montant non reconnu")
    # The same refusals are data: said in English too, each knowing the answer it is about.
    assert errors[1].say("en").startswith("réponses.yaml: montant: ")
    assert [e.path for e in errors] == [("objt",), ("montant",)]
    assert missing == ["objet", "echeance"]  # montant is reported as a bad value


def test_prefill_with_defaults_completes(tmp_path: Path) -> None:
    iv = interview(tmp_path)
    errors, missing = prefill(iv, {"objet": "x", "montant": 10}, "--set", use_defaults=True)
    assert errors == [] and missing == []
    assert iv.is_complete()
    assert iv.final_answers()["echeance"] == dt.date(2026, 12, 26)


def test_same_validation_for_typed_and_file_answers() -> None:
    q = Question(id="m", type="amount", label="?", min=10)
    typed = Interview([q])
    filed = Interview([q])
    run_interview(typed, ScriptedAsker(["5", "12 000 €"]), recap=False)
    errors, _ = prefill(filed, {"m": 5}, "f.yaml")
    assert "au moins 10" in errors[0].say("fr")
    prefill(filed, {"m": "12 000 €"}, "f.yaml")
    assert typed.final_answers() == filed.final_answers() == {"m": 12000}


def test_a_rule_written_in_the_kit_gives_its_own_message() -> None:
    from survivalkit.kit.base import Localized
    from survivalkit.kit.model import Rule

    start = Question(id="debut", type="date", label="Début ?")
    end = Question(
        id="fin", type="date", label="Fin ?",
        rules=[Rule(check="value > debut", message=Localized(fr="La fin doit suivre le début.",
                                                             en="The end must come after the start."))],
    )
    iv = Interview([start, end])
    asker = ScriptedAsker(["01/03/2027", "01/02/2027", "01/04/2027"])
    answers = run_interview(iv, asker, recap=False)
    assert [s.error for s in asker.steps if s.question.id == "fin"] == [None, "La fin doit suivre le début."]
    assert answers["fin"] == dt.date(2027, 4, 1)
    errors, _ = prefill(Interview([start, end], lang="en"), {"debut": "2027-03-01", "fin": "2027-01-01"}, "f.yaml")
    assert errors == ["f.yaml: fin: The end must come after the start."]


def test_filling_answers_walks_the_questions_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """10 000 answers from a file: each condition is evaluated once, not once per answer."""
    from survivalkit.engine import interview as module
    from survivalkit.engine.sources import prefill
    from survivalkit.kit.model import Question

    calls = {"n": 0}
    real = module.evaluate_condition

    def counting(source: str, ctx: object) -> bool:
        calls["n"] += 1
        return real(source, ctx)

    monkeypatch.setattr(module, "evaluate_condition", counting)
    n = 10_000
    questions = [Question.model_validate({"id": f"q{i}", "type": "text", "label": "x",
                                          **({"when": "q0 != 'non'"} if i else {})}) for i in range(n)]
    iv = Interview(questions, lang="fr")
    errors, missing = prefill(iv, {f"q{i}": "oui" for i in range(n)}, "answers.yaml")
    assert errors == [] and missing == [] and len(iv.confirmed) == n
    assert calls["n"] == n - 1


FAULTY = """\
schema_version: 1
title: Défauts
summary: Test.
stages: [idee]
reviewed: 2026-11-20
sources: [{title: x, reference: y}]
sheet: {when_to_use: x, steps: [x]}
questions:
  - id: objet
    label: Quoi ?
    given_by: "earlier.objet"
  - id: debut
    type: date
    label: Début ?
    default_expr: "earlier.date_debut"
  - id: detail
    label: Détail ?
    when: "earlier.nature == 'travaux'"
documents:
  - id: doc
    title: Doc
    filename: doc
    template: "{{ objet }}"
"""


def test_an_expression_meeting_a_missing_value_never_stops_the_interview(tmp_path: Path) -> None:
    """given_by gives nothing, default_expr offers nothing, when does not hold: each located once."""
    from survivalkit.engine.tool_run import ToolRun

    kit = load_kit([build_tree(tmp_path, {"kit.yaml": MINI_KIT, "tools/defauts.yaml": FAULTY})]).kit
    told: list[str] = []
    run = ToolRun(kit, kit.tools["defauts"], lang="fr", day=dt.date(2026, 11, 30), report=told.append)
    interview = run.interview
    interview.given_names = {"situation": {}, "earlier": {}}
    interview.base.update(interview.given_names)
    assert interview.fill_given() == []
    asker = ScriptedAsker(["Claire", "un atelier", "30/12/2026"])
    answers = run_interview(interview, asker)
    assert [s.question.id for s in asker.steps] == ["nom", "objet", "debut"]  # `detail` is not asked
    assert asker.steps[2].default is None
    assert answers["objet"] == "un atelier"
    origin = kit.tools["defauts"].origin
    said = {m.split(")")[0].removeprefix("Défaut du kit ("): m for m in told}
    assert sorted(said) == [f"{origin}:11:15", f"{origin}:15:19", f"{origin}:18:11"]  # each once
    assert "« objet »" in said[f"{origin}:11:15"] and "la question vous est posée" in said[f"{origin}:11:15"]
    assert "aucune réponse n'est proposée d'avance" in said[f"{origin}:15:19"]
    assert "la question n'est pas posée" in said[f"{origin}:18:11"]


def test_answering_one_question_evaluates_only_the_conditions_that_read_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Interactive answers cost the same in a tool of 20 or 400 questions: a condition is
    evaluated again only when a name it reads changed."""
    from survivalkit.engine import interview as module

    calls = {"n": 0}
    real = module.evaluate_condition

    def counting(source: str, ctx: object) -> bool:
        calls["n"] += 1
        return real(source, ctx)

    monkeypatch.setattr(module, "evaluate_condition", counting)
    per_answer = []
    for n in (20, 400):
        # every question after the first shows only when the first is not « non »; the last
        # five read the previous question too
        questions = [Question.model_validate({"id": f"q{i}", "type": "text", "label": "x", **(
            {"when": f"q0 != 'non' and q{i - 1} != 'stop'"} if i >= n - 5
            else {"when": "q0 != 'non'"} if i else {})}) for i in range(n)]
        iv = Interview(questions, lang="fr")
        asker = ScriptedAsker(["oui"] * n)
        calls["n"] = 0
        run_interview(iv, asker, recap=False)
        assert len(iv.confirmed) == n
        per_answer.append(calls["n"] / n)
    # the first answer makes every condition true once; afterwards only the last five conditions
    # are evaluated again, each when the question before it is answered
    assert per_answer[1] <= per_answer[0]
    assert per_answer[1] < 3
