"""The Python API: the documented examples run, and a whole journey is driven by a script."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import survivalkit
from helpers import MEMO
from survivalkit.engine.asker import RecapRow, Step
from survivalkit.errors import MissingAnswersError, UsageError

DOCS = Path(__file__).resolve().parents[1] / "docs" / "api.md"
DAY = dt.date(2026, 11, 30)


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
    import importlib
    import importlib.metadata

    documented = set(re.findall(r"^\| `(\w+)", DOCS.read_text(encoding="utf-8"), re.M))
    assert documented <= set(survivalkit.__all__)
    for name in survivalkit.__all__:
        if name == "__version__":
            assert survivalkit.__version__ == importlib.metadata.version("survivalkit")
            continue
        value = getattr(survivalkit, name)
        # Each name is the object it stands for, from the module that defines it.
        assert value.__name__ == name and value.__module__.startswith("survivalkit."), name
        assert getattr(importlib.import_module(value.__module__), name) is value


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
        if step.error and len(self.steps) > 1 and self.steps[-2].question.id == step.question.id:
            raise AssertionError(f"{step.question.id}: {step.error}")
        if step.question.id == "outils":  # pick the memo by its number, whatever the ranking
            values = [c.value for c in step.question.choices]
            return str(values.index("memo_achat_public") + 1)
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
    kit = survivalkit.load_kit()
    fablab_ids = ({q.id for q in kit.tools["pass-fab-lab"].questions}
                  - {q.id for q in kit.tools["memo-achat-public"].questions})
    replies: dict[str, list[str]] = {k: [str(v)] for k, v in MEMO.items()}
    replies.update({"etape": ["2"], "besoins": ["1 et 2"], "structure": ["1"]})
    script = Script(replies)
    result = survivalkit.run_journey(asker=script, day=DAY, formats=["md"])
    # The situation comes first, then the choice of tools, then each tool's questions.
    assert script.asked[:4] == ["etape", "besoins", "structure", "outils"]
    # The profile is asked once for the whole journey, not once per tool.
    assert script.asked.count("nom") == 1
    assert set(result.answers) == {"memo-achat-public"}
    assert not fablab_ids & set(script.asked)
    replay = yaml.safe_load(result.files["answers.yaml"].decode("utf-8"))
    assert replay["situation"]["etape"] == "experimentation"
    assert replay["profile"]["nom"] == "Claire Martin"
    # Replaying the journey's answers file gives the same documents, with nobody at the keyboard.
    again = survivalkit.run_journey(replay, day=DAY, formats=["md"])
    assert {k: v for k, v in again.files.items() if k != "answers.yaml"} == {
        k: v for k, v in result.files.items() if k != "answers.yaml"}


class Stop(Exception):
    """Ends a scripted journey once the test has seen what it needs."""


def test_back_from_a_tools_first_question_returns_to_the_previous_tool() -> None:
    journey = {"situation": {"etape": "experimentation", "besoins": ["acheter"], "structure": "etat"},
               "tools": ["memo-achat-public", "decharge-temps-innovation"]}
    events: list[str] = []

    class BackOnce(Script):
        def ask(self, step: Step) -> str:
            if len(self.recaps) == 1 and not events:  # the second tool's first question
                events.append(step.question.id)
                return "<"
            if len(self.recaps) == 2:  # back in the second tool after confirming the memo again
                events.append(step.question.id)
                raise Stop
            return super().ask(step)

    script = BackOnce({k: [str(v)] for k, v in MEMO.items()})
    with pytest.raises(Stop):
        survivalkit.run_journey(journey, asker=script, day=DAY, formats=["md"])
    # "<" showed the memo's recap again (the previous step), then came back to the same question.
    assert [r.question_id for r in script.recaps[1]] == [r.question_id for r in script.recaps[0]]
    assert "objet" in [r.question_id for r in script.recaps[1]]
    assert events[0] == events[1]


def test_the_journey_asks_once_what_the_situation_or_an_earlier_tool_already_said() -> None:
    kit = survivalkit.load_kit()
    fablab = {q.id for q in kit.tools["pass-fab-lab"].questions}
    journey = {"situation": {"etape": "experimentation", "besoins": ["acheter", "lieu"], "structure": "collectivite"},
               "tools": ["memo-achat-public", "pass-fab-lab"]}
    replies: dict[str, list[str]] = {k: [str(v)] for k, v in MEMO.items() if k != "acheteur"}
    # The fab lab's own questions: answered from its first example, except the amount.
    example = kit.tools["pass-fab-lab"].examples[0].answers
    fablab_questions = {q.id: q for q in kit.tools["pass-fab-lab"].questions}

    def typed(qid: str, value: Any) -> str:  # what a person types: choice numbers, oui/non, text
        q = fablab_questions[qid]
        if q.choices:
            values = [c.value for c in q.choices]
            picked = value if isinstance(value, list) else [value]
            return " ".join(str(values.index(v) + 1) for v in picked)
        if isinstance(value, bool):
            return "oui" if value else "non"
        return value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else str(value)

    replies.update({k: [typed(k, v)] for k, v in example.items() if k in fablab and k != "montant"})
    replies["paiement"] = ["2"]  # "my administration pays": a purchase of its own, not the memo's
    replies["montant"] = [MEMO["montant"], "3 000"]
    replies.update({"usagers": ["les habitants du quartier"], "responsable_nom": ["Mme Roux"],
                    "responsable_fonction": ["Directrice"]})
    script = Script(replies)
    result = survivalkit.run_journey(journey, asker=script, day=DAY, formats=["md"])
    assert "acheteur" not in script.asked, "the situation already said who buys"
    assert result.answers["memo-achat-public"]["acheteur"] == "autre"
    # The fab lab's price is its own datum: never the amount of the memo's purchase.
    assert script.asked.count("montant") == 2
    assert result.answers["memo-achat-public"]["montant"] == 45000
    assert result.answers["pass-fab-lab"]["montant"] == 3000
    note = result.files[next(n for n in result.files if n.startswith("note-atelier"))].decode()
    assert re.search("montant estimé à \\*\\*3[\u00a0\u202f ]000[\u00a0\u202f ]€ HT", note), note
    assert not re.search("45[\u00a0\u202f ]000", note)
    # The count of a tool's questions does not change while answering.
    own = fablab - set(MEMO)
    totals = {s.total for s in script.steps if s.question.id in own}
    assert len(totals) == 1


def test_an_answers_file_journey_takes_what_the_situation_gives() -> None:
    """Without a terminal too, `given_by` answers before anything is reported missing."""
    profile_ids = ("nom", "fonction", "organisation", "courriel")
    journey = {"situation": {"etape": "experimentation", "besoins": ["acheter"], "structure": "collectivite"},
               "tools": ["memo-achat-public"], "profile": {k: MEMO[k] for k in profile_ids},
               "answers": {"memo-achat-public": {k: v for k, v in MEMO.items()
                                                 if k not in profile_ids and k != "acheteur"}}}
    result = survivalkit.run_journey(journey, day=DAY, formats=["md"])
    assert result.answers["memo-achat-public"]["acheteur"] == "autre"


def test_the_project_datum_a_tool_filled_answers_another_tools_question_saying_where_from() -> None:
    """`datum: experimentation_debut`: the test's start given in the note answers the agreement's."""
    from survivalkit.engine.project import Reused, give_data
    from survivalkit.engine.tool_run import tool_interview

    kit = survivalkit.load_kit()
    known = {"experimentation_debut": Reused("2027-03-01", "note-convaincre", "2026-11-30")}
    agreement = tool_interview(kit, kit.tools["convention-experimentation"], lang="fr", day=DAY)
    assert give_data(agreement, known, kit) == ["date_debut"]
    assert agreement.answers["date_debut"] == dt.date(2027, 3, 1)
    row = next(r for r in agreement.recap_rows() if r.question_id == "date_debut")
    assert "repris de « Note pour convaincre sa hiérarchie ou ses élus » du 30 novembre 2026" in row.answer.replace("\u202f", " ")
    # The fab lab's first day is another thing: never given by the test's start.
    fablab = tool_interview(kit, kit.tools["pass-fab-lab"], lang="fr", day=DAY)
    assert give_data(fablab, known, kit) == []
    # Changed in the recap, the value is the tool's own: no longer said to come from elsewhere.
    agreement.submit(agreement.question("date_debut"), "15/03/2027")
    row = next(r for r in agreement.recap_rows() if r.question_id == "date_debut")
    assert "repris" not in row.answer


def test_in_the_journey_the_purchase_is_asked_once_for_the_memo_and_the_justification() -> None:
    kit = survivalkit.load_kit()
    example = kit.tools["justification-achat-innovant"].examples[0].answers
    questions = {q.id: q for q in kit.tools["justification-achat-innovant"].questions}

    def typed(qid: str, value: Any) -> str:
        q = questions[qid]
        if q.choices:
            values = [c.value for c in q.choices]
            picked = value if isinstance(value, list) else [value]
            return " ".join(str(values.index(v) + 1) for v in picked)
        if isinstance(value, bool):
            return "oui" if value else "non"
        return value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else str(value)

    replies: dict[str, list[str]] = {k: [str(v)] for k, v in MEMO.items()}
    replies.update({k: [typed(k, v)] for k, v in example.items() if k in questions and k not in MEMO})
    journey = {"situation": {"etape": "experimentation", "besoins": ["acheter"], "structure": "etat"},
               "tools": ["memo-achat-public", "justification-achat-innovant"]}
    script = Script(replies)
    result = survivalkit.run_journey(journey, asker=script, day=DAY, formats=["md"])
    for qid in ("objet", "nature", "montant"):
        assert script.asked.count(qid) == 1, f"{qid} is asked once, in the memo"
        assert result.answers["justification-achat-innovant"][qid] == result.answers["memo-achat-public"][qid]
    recap = {r.question_id: r.answer for r in script.recaps[-1]}
    assert "repris de « Mémo" in recap["montant"].replace("\u202f", " ")


# --- the API works with its defaults (issue 23, point 6) ------------------------------------------
REGION = Path(__file__).resolve().parents[1] / "examples" / "region-kit" / "kit"


def test_build_sheets_with_its_default_layout() -> None:
    page = survivalkit.build_sheets(["memo-achat-public"], day=DAY)
    assert b"<html" in page and b'id="end-memo-achat-public"' in page
    assert survivalkit.build_sheets(["memo-achat-public"], layout="sheet", day=DAY) == page
    with pytest.raises(survivalkit.SurvivalkitError, match="layout"):
        survivalkit.build_sheets(["memo-achat-public"], layout="poster")


def _pdf_pages(data: bytes) -> list[str]:
    from io import BytesIO

    from pypdf import PdfReader

    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(BytesIO(data)).pages]


def test_build_sheets_prints_the_duplex_workshop_pack_the_command_line_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("weasyprint")
    from helpers import run_cli

    ids = ["memo-achat-public", "pass-fab-lab"]
    pack = survivalkit.build_sheets(ids, layout="pack", fmt="pdf", lang="fr", duplex=True,
                                    event="Atelier innovation", place="Nîmes", date="12/03/2027")
    out = tmp_path / "dossier.pdf"
    code, _, err = run_cli(["sheets", *ids, "--booklet", "--form", "--duplex", "--event",
                            "Atelier innovation", "--place", "Nîmes", "--date", "12/03/2027",
                            "-o", str(out), "--lang", "fr"], capsys)
    assert code == 0, err
    pages = _pdf_pages(pack)
    assert pages == _pdf_pages(out.read_bytes())
    assert "Atelier innovation" in pages[0] and "12 mars 2027" in pages[0]
    starts = [i for i, page in enumerate(pages) if "page 1 / " in page]  # each form on a recto
    assert len(starts) == len(ids) and all(i % 2 == 0 for i in starts)
    simplex = _pdf_pages(survivalkit.build_sheets(ids, layout="pack", fmt="pdf", lang="fr"))
    assert len(simplex) < len(pages)


def test_build_sheets_names_the_kit_folders_of_a_regional_tool() -> None:
    region = survivalkit.load_kit(REGION)
    tool = next(t for t in region.tools.values() if t.origin and str(REGION) in str(Path(t.origin).resolve()))
    for kit in (str(REGION), [REGION], region):
        page = survivalkit.build_sheets([tool.id, "memo-achat-public"], kit=kit, layout="sheets",
                                        day=DAY).decode("utf-8")
        assert f"survivalkit run {tool.id} --kit {REGION.resolve()}</code>" in page
        assert "survivalkit run memo-achat-public</code>" in page


@pytest.mark.parametrize(("options", "words"), [
    ({"layout": "forms", "event": "Atelier"}, "couverture du livret"),
    ({"layout": "booklet", "place": "x" * 200}, "Le lieu de la couverture : 120 caractères"),
    ({"layout": "pack", "fmt": "html"}, "PDF seulement"),
    ({"layout": "booklet", "logo": "/nulle/part/logo.png"}, "Logo introuvable"),
])
def test_build_sheets_refuses_what_it_cannot_print_without_naming_an_option(
    options: dict[str, Any], words: str
) -> None:
    with pytest.raises(UsageError) as caught:
        survivalkit.build_sheets(["memo-achat-public", "pass-fab-lab"], lang="fr", **options)
    assert words in str(caught.value) and "--" not in str(caught.value)


def test_a_kit_is_a_folder_path_or_a_kit_and_the_answers_file_records_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpers import run_cli

    example = survivalkit.load_kit(REGION).tools["appui-labo-regional"].examples[0]
    answers = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in example.answers.items()}
    by_path = survivalkit.run_tool("appui-labo-regional", answers, kit=str(REGION), day=example.date,
                                   formats=["md"], use_defaults=True)
    by_kit = survivalkit.run_tool("appui-labo-regional", answers, kit=survivalkit.load_kit(REGION),
                                  day=example.date, formats=["md"], out=tmp_path / "api", use_defaults=True)
    assert by_path.files == by_kit.files
    recorded = yaml.safe_load(by_kit.files["answers.yaml"])
    assert recorded["kits"] == [str(REGION.resolve())]
    # Replayed at the command line with no --kit, the regional tool is found again.
    out = tmp_path / "cli"
    code, _, err = run_cli(["run", "appui-labo-regional", "--answers", str(tmp_path / "api" / "answers.yaml"),
                            "--out", str(out), "--format", "md"], capsys)
    assert code == 0, err
    doc = next(n for n in by_kit.files if n.endswith(".md") and n not in ("index.md",))
    assert (out / doc).read_bytes() == by_kit.files[doc]


@pytest.mark.parametrize("call", [
    lambda: survivalkit.run_tool("memo-achat-public", MEMO, lang="de", formats=["md"]),
    lambda: survivalkit.run_tool("memo-achat-public", ["nom"], formats=["md"]),  # type: ignore[arg-type]
    lambda: survivalkit.run_tool("memo-achat-public", MEMO, formats=["doc"]),
    lambda: survivalkit.run_tool("memo-achat-public", MEMO, kit=42, formats=["md"]),  # type: ignore[arg-type]
    lambda: survivalkit.run_tool("memo-achat-public", MEMO, day="le 45 brumaire", formats=["md"]),
    lambda: survivalkit.run_tool("memo-achat-public", MEMO, kit="/nulle/part", formats=["md"]),
    lambda: survivalkit.run_journey({"tools": ["nulle-part"]}, formats=["md"]),
    lambda: survivalkit.build_sheets(["nulle-part"]),
])
def test_every_api_error_is_a_survivalkit_error(call: Any) -> None:
    with pytest.raises(survivalkit.SurvivalkitError):
        call()


def test_api_errors_name_no_command_line_option() -> None:
    partial = {k: v for k, v in MEMO.items() if k != "objet"}
    with pytest.raises(MissingAnswersError) as exc:
        survivalkit.run_tool("memo-achat-public", partial, day=DAY, formats=["md"])
    assert "objet" in str(exc.value)
    assert "--set" not in str(exc.value) and "--defaults" not in str(exc.value)


def test_the_documented_script_asker_raises_on_a_refused_answer_instead_of_looping() -> None:
    from survivalkit.errors import AnswerError

    class Script:  # as in docs/api.md: Enter wherever it has no reply
        def __init__(self, replies: dict[str, str]) -> None:
            self.replies = replies
            self.calls = 0

        def ask(self, step: Step) -> str:
            self.calls += 1
            if self.calls > 100:
                raise AssertionError("asked forever")
            return self.replies.get(step.question.id, "")

        def show_help(self, step: Step, help_text: str, terms: Any) -> None:
            pass

        def recap(self, rows: Any, error: str | None) -> str:
            return ""

    no_amount = {k: str(v) for k, v in MEMO.items() if k != "montant"}
    with pytest.raises(AnswerError, match="montant"):
        survivalkit.run_tool("memo-achat-public", asker=Script(no_amount), day=DAY, formats=["md"])
    with pytest.raises(AnswerError, match="montant"):
        survivalkit.run_tool("memo-achat-public", asker=Script({**no_amount, "montant": "beaucoup"}), day=DAY,
                             formats=["md"])


def test_loading_a_kit_leaves_the_callers_garbage_collector_and_logging_alone() -> None:
    import gc
    import logging

    frozen = gc.get_freeze_count()
    level = logging.getLogger("weasyprint").level
    survivalkit.load_kit()
    survivalkit.run_tool("memo-achat-public", MEMO, day=DAY, formats=["md"])
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
    assert logging.getLogger("weasyprint").level == level


def test_an_error_reads_in_the_runs_language(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "index.md").write_text("déjà là", "utf-8")
    with pytest.raises(survivalkit.SurvivalkitError) as exc:
        survivalkit.run_tool("memo-achat-public", MEMO, day=DAY, formats=["md"], out=tmp_path / "out", lang="fr")
    assert "ces fichiers existent déjà" in str(exc.value)
    assert "these files already exist" in exc.value.say("en")
    assert "--force" not in str(exc.value)  # options are the command line's to name
