"""The Python API: the documented examples run, and a whole journey is driven by a script."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import survivalkit
from survivalkit.engine.interview import RecapRow, Step
from survivalkit.errors import MissingAnswersError, UsageError

DOCS = Path(__file__).resolve().parents[1] / "docs" / "api.md"
DAY = dt.date(2026, 11, 30)
PROFILE = {"nom": "Claire Martin", "fonction": "Chargée de mission innovation", "organisation": "DDT du Gard",
           "courriel": "claire.martin@gard.gouv.fr"}
MEMO = {**PROFILE, "projet_nom": "Rendez-vous en ligne", "projet_description": "Les usagers attendent.",
        "objet": "six ateliers", "nature": "services", "montant": "45 000 €", "acheteur": "etat",
        "innovant": "non", "connaissance_marche": "non", "echeance": "15/01/2027"}


def test_every_example_of_docs_api_runs_and_writes_into_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    blocks = re.findall(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 2
    for block in blocks:
        exec(compile(block, str(DOCS), "exec"), {})
    written = sorted(p.name for p in tmp_path.iterdir())
    assert "answers.yaml" in written and "index.md" in written
    memo = next(tmp_path.glob("memo-achat-*.md")).read_text(encoding="utf-8")
    assert re.search("45[\u00a0\u202f ]000[\u00a0\u202f ]€ HT", memo), "the amount typed 45 000 € is in the memo"
    out = capsys.readouterr().out
    assert "answers.yaml" in out and "memo-achat" in out


def test_the_api_exports_what_it_documents() -> None:
    documented = set(re.findall(r"^\| `(\w+)", DOCS.read_text(encoding="utf-8"), re.M))
    assert documented <= set(survivalkit.__all__)
    for name in survivalkit.__all__:
        assert getattr(survivalkit, name) is not None


def test_run_tool_needs_every_required_answer_without_an_asker() -> None:
    partial = {k: v for k, v in MEMO.items() if k != "objet"}
    with pytest.raises(MissingAnswersError, match="objet"):
        survivalkit.run_tool("memo-achat-public", partial, day=DAY, formats=["md"])
    with pytest.raises(UsageError, match="montant"):
        survivalkit.run_tool("memo-achat-public", {**MEMO, "montant": "beaucoup"}, day=DAY, formats=["md"])


class Script:
    """Answers by question id; Enter elsewhere; records every step and recap."""

    def __init__(self, replies: dict[str, list[str]]) -> None:
        self.replies = {k: list(v) for k, v in replies.items()}
        self.steps: list[Step] = []
        self.recaps: list[list[RecapRow]] = []

    def ask(self, step: Step) -> str:
        self.steps.append(step)
        queue = self.replies.get(step.question.id)
        return queue.pop(0) if queue else ""

    def show_help(self, step: Step, help_text: str, terms: Any) -> None:
        pass

    def recap(self, rows: Any, error: str | None) -> str:
        self.recaps.append(list(rows))
        return ""

    @property
    def asked(self) -> list[str]:
        return [s.question.id for s in self.steps]


def test_a_whole_journey_through_the_api_with_a_scripted_asker() -> None:
    fablab_ids = {q.id for q in survivalkit.load_kit().tools["pass-fab-lab"].questions}
    replies: dict[str, list[str]] = {k: [str(v)] for k, v in MEMO.items()}
    replies.update({"etape": ["2"], "besoins": ["1 2"], "structure": ["1"], "outils": [""]})
    script = Script(replies)
    result = survivalkit.run_journey(asker=script, day=DAY, formats=["md"])
    # The situation comes first, then the choice of tools, then each tool's questions.
    assert script.asked[:4] == ["etape", "besoins", "structure", "outils"]
    # The profile is asked once for the whole journey, not once per tool.
    assert script.asked.count("nom") == 1
    assert set(result.answers) >= {"memo-achat-public"}
    if "pass-fab-lab" in result.answers:
        assert fablab_ids & set(script.asked)
    replay = yaml.safe_load(result.files["answers.yaml"].decode("utf-8"))
    assert replay["situation"]["etape"] == "experimentation"
    assert replay["profile"]["nom"] == "Claire Martin"
    # Replaying the journey's answers file gives the same documents, with nobody at the keyboard.
    again = survivalkit.run_journey(replay, day=DAY, formats=["md"])
    assert {k: v for k, v in again.files.items() if k != "answers.yaml"} == {
        k: v for k, v in result.files.items() if k != "answers.yaml"}


def test_back_from_a_tools_first_question_returns_to_the_previous_tool() -> None:
    journey = {"situation": {"etape": "experimentation", "besoins": ["acheter"], "structure": "etat"},
               "tools": ["memo-achat-public", "decharge-temps-innovation"]}
    kit = survivalkit.load_kit()
    second = kit.tools["decharge-temps-innovation"]
    first_own = next(q.id for q in second.questions)
    replies: dict[str, list[str]] = {k: [str(v)] for k, v in MEMO.items()}
    replies[first_own] = ["<"]
    script = Script(replies)
    with pytest.raises(Exception):  # noqa: B017 - the script runs out of answers for the second tool
        survivalkit.run_journey(journey, asker=script, day=DAY, formats=["md"])
    first_of_second = script.asked.index(first_own)
    # After "<", the memo's recap is shown again (it is the previous step), not a question of the profile.
    recap_ids = [[r.question_id for r in rows] for rows in script.recaps]
    assert any("objet" in ids for ids in recap_ids[1:]), "the previous tool's recap comes back"
    assert script.asked[first_of_second + 1:first_of_second + 2] != ["nom"]
