"""The projects in progress are kept in the user's data folder, and plain `survivalkit` offers them
(issue 23, point 1)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_project import MEMO, write

from helpers import run_cli
from survivalkit.engine.asker import Step
from survivalkit.engine.frontend import as_frontend
from survivalkit.engine.store import Store
from survivalkit.engine.work import Around, JourneyWork, run_journey
from survivalkit.kit.loader import bundled_kit_dir, load_kit

KIT = load_kit([bundled_kit_dir()]).kit


class Agent:
    """Answers by question id (the first offer elsewhere); picks ``tools`` by their ids."""

    def __init__(self, replies: dict[str, str], tools: tuple[str, ...] = ("justification-achat-innovant",),
                 start: str = "") -> None:
        self.replies = replies
        self.tools = tools
        self.start = start
        self.steps: list[Step] = []

    def ask(self, step: Step) -> str:
        self.steps.append(step)
        if step.error and len(self.steps) > 1 and self.steps[-2].question.id == step.question.id:
            raise AssertionError(f"{step.question.id}: {step.error}")
        if step.question.id == "commencer":
            return self.start
        if step.question.id == "outils":
            values = [c.value for c in step.question.choices or []]
            return ",".join(str(values.index(t.replace("-", "_")) + 1) for t in self.tools)
        if step.question.id in self.replies:
            return self.replies[step.question.id]
        return "1" if step.question.choices and step.default is None else ""

    def show_help(self, step: Step, help_text: str, terms: Any) -> None:
        pass

    def recap(self, rows: Any, error: str | None) -> str:
        return ""

    @property
    def asked(self) -> list[str]:
        return [s.question.id for s in self.steps]

    def offered(self, question_id: str) -> list[str]:
        step = next(s for s in self.steps if s.question.id == question_id)
        return [str(c.label.fr) for c in step.question.choices or []]


JUSTIFICATION = {k: (v.isoformat() if isinstance(v, dt.date) else str(v))
                 for k, v in KIT.tools["justification-achat-innovant"].examples[0].answers.items()
                 if not isinstance(v, list)}
JUSTIFICATION.update(etape="2", besoins="1", structure="1", formats="5")


def spaced(text: str) -> str:
    """French typography's no-break spaces as plain spaces (what a reader sees)."""
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split(" "))


def memo_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "rendez-vous-en-ligne"
    code, _, err = run_cli(["run", "memo-achat-public", "--answers", str(write(tmp_path / "m.yaml", MEMO)),
                            "--date", "2026-12-07", "--out", str(folder), "--lang", "fr", "--format", "md"], capsys)
    assert code == 0, err
    return folder


def test_a_written_project_is_listed_with_its_name_tools_and_date(
    tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = memo_project(tmp_path, capsys)
    [project] = Store().projects()
    assert project.path == folder.resolve() and project.name == "Rendez-vous en ligne"
    assert project.tools == ("memo-achat-public",) and project.last == "2026-12-07"
    code, out, _ = run_cli(["sessions", "--lang", "fr"], capsys)
    out = spaced(out)
    assert code == 0 and "Projets en cours" in out and "Rendez-vous en ligne" in out
    assert "Mémo « achat public »" in out and "7 décembre 2026" in out and str(folder) in out
    code, out, _ = run_cli(["sessions", "--lang", "en"], capsys)
    assert code == 0 and "Projects in progress" in out and "7 December 2026" in out and "Public procurement memo" in out


def test_a_folder_that_no_longer_exists_is_dropped_from_the_list(
    tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = memo_project(tmp_path, capsys)
    kept = tmp_path / "autre"
    kept.mkdir()
    (kept / "answers.yaml").write_text("tool: memo-achat-public\nanswers: {}\n", "utf-8")
    store = Store()
    store.remember_project(kept, name="Autre", tools=["memo-achat-public"], last="2026-12-01")
    assert [p.name for p in store.projects()] == ["Autre", "Rendez-vous en ligne"]
    shutil.rmtree(folder)
    assert [p.name for p in store.projects()] == ["Autre"]
    saved = json.loads(store.projects_path.read_text("utf-8"))
    assert [p["name"] for p in saved["projects"]] == ["Autre"], "the list is saved pruned"


def test_a_damaged_list_is_set_aside_and_the_next_project_listed(
    tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store()
    store.root.mkdir(parents=True, exist_ok=True)
    store.projects_path.write_text('{"projects": [', "utf-8")
    assert store.projects() == []
    assert list(store.root.glob("projects.json.corrupt-*")), "the damaged list is kept aside"
    memo_project(tmp_path, capsys)
    assert [p.name for p in store.projects()] == ["Rendez-vous en ligne"]


def test_the_journey_offers_the_project_and_adds_the_next_tool_to_its_folder(
    tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = memo_project(tmp_path, capsys)
    agent = Agent(JUSTIFICATION)
    store = Store()
    done = run_journey(JourneyWork(KIT, "fr", day=dt.date(2026, 12, 9), write=True),
                       Around(frontend=as_frontend(agent), store=store))
    offered = [spaced(o) for o in agent.offered("commencer")]
    assert offered[0] == "Continuer le projet « Rendez-vous en ligne » (Mémo « achat public » ; " \
                         "documents du 7 décembre 2026)"
    assert offered[-1] == "Commencer un nouveau projet"
    # What the project knows is not asked again: the agent, the project, what is bought and for how much.
    for known in ("nom", "courriel", "projet_nom", "objet", "nature", "montant"):
        assert known not in agent.asked
    assert all(p.parent == folder for p in done.written)
    record = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    assert record["tools"] == ["memo-achat-public", "justification-achat-innovant"]
    assert record["dates"] == {"memo-achat-public": "2026-12-07", "justification-achat-innovant": "2026-12-09"}
    assert record["answers"]["justification-achat-innovant"]["montant"] == 12500
    [project] = store.projects()
    assert project.tools == ("memo-achat-public", "justification-achat-innovant") and project.last == "2026-12-09"


def test_a_new_project_is_started_on_request_and_an_answers_file_is_never_offered_one(
    tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    memo_project(tmp_path, capsys)
    monkeypatch.chdir(tmp_path)
    agent = Agent({**JUSTIFICATION, **{k: str(v) for k, v in MEMO.items()}, "projet_nom": "Autre projet"},
                  start="2")
    done = run_journey(JourneyWork(KIT, "fr", day=dt.date(2026, 12, 9), write=True),
                       Around(frontend=as_frontend(agent), store=Store()))
    assert "nom" in agent.asked and "montant" in agent.asked
    assert {p.parent.name for p in done.written} == {"autre-projet"}
    # Without a terminal (an answers file), nothing is offered: the file says what to do.
    journey = {"date": "2026-12-07", "situation": {"etape": "experimentation", "besoins": ["acheter"],
                                                   "structure": "etat"},
               "tools": ["memo-achat-public"], "profile": {}, "answers": {"memo-achat-public": MEMO}}
    code, _, err = run_cli(["--answers", str(write(tmp_path / "j.yaml", journey)), "--out", str(tmp_path / "j"),
                            "--lang", "fr", "--format", "md"], capsys)
    assert code == 0, err and "Continuer le projet" not in err


def test_two_projects_of_the_same_name_are_told_apart_by_their_folder(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from survivalkit.engine.sessions import choose_start

    monkeypatch.chdir(tmp_path)
    store = Store()
    for name in ("mars", "decembre"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "answers.yaml").write_text("tool: memo-achat-public\nanswers: {}\n", "utf-8")
        store.remember_project(tmp_path / name, name="Rendez-vous en ligne", tools=["memo-achat-public"],
                               last="2026-12-07")
    agent = Agent({}, start="2")
    start = choose_start(store, "journey", frontend=as_frontend(agent), lang="fr", kit=KIT, report=lambda _: None)
    offered = agent.offered("commencer")
    assert offered[0].endswith("— ./decembre") and offered[1].endswith("— ./mars")
    assert start.project == (tmp_path / "mars").resolve() and start.resume is False


def test_a_journey_writing_into_the_project_asks_before_changing_the_memos_amount(
    tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The journey's purchase note says 18 000 € where the memo said 12 500 €: asked, then the memo
    is written again with 18 000 €, its version of 7 December kept."""
    folder = memo_project(tmp_path, capsys)
    memo = next(folder.glob("memo-achat-*.md"))
    agent = Agent({**JUSTIFICATION, **{k: str(v) for k, v in MEMO.items()}, "montant": "18000", "reporter": "oui"})
    done = run_journey(JourneyWork(KIT, "fr", day=dt.date(2026, 12, 14), out=folder, write=True),
                       Around(frontend=as_frontend(agent), store=Store()))
    [step] = [s for s in agent.steps if s.question.id == "reporter"]
    assert "Mémo “achat public”" in spaced(str(step.question.label.fr))
    assert "18 000 €" in spaced(memo.read_text("utf-8")) and memo in done.written
    assert "12 500 €" in spaced(memo.with_name(memo.name.replace(".md", ".version-2026-12-07.md")).read_text("utf-8"))


def test_a_hand_edited_list_neither_hides_the_projects_nor_reaches_the_terminal(tmp_path: Path) -> None:
    """projects.json is a file anyone can edit: an entry the file system refuses (a name too long,
    a loop, a relative path) is left out, never hiding the others; control and formatting
    characters of a name (terminal escapes, a bidirectional override) are dropped."""
    folder = tmp_path / "projet"
    folder.mkdir()
    (folder / "answers.yaml").write_text("tool: memo-achat-public\nanswers: {}\n", encoding="utf-8")
    loop = tmp_path / "boucle"
    loop.symlink_to(loop)
    data = tmp_path / "data"
    data.mkdir()
    entries = [
        {"path": "/" + "x" * 5000, "name": "trop long"},
        {"path": str(loop), "name": "boucle"},
        {"path": "relatif/projet", "name": "relatif"},
        {"path": str(folder), "name": "\x1b[2J\x1b[31mMon projet\u202e", "tools": ["memo-achat-public", "\x07"],
         "last": "2026-12-07\x1b[5m", "saved_at": "2026-12-07T10:00:00"},
    ]
    (data / "projects.json").write_text(json.dumps({"projects": entries}), encoding="utf-8")
    [project] = Store(data).projects()
    assert project.path == folder
    assert project.name == "[2J[31mMon projet"
    assert project.tools == ("memo-achat-public",)
    assert project.last == "2026-12-07[5m"
