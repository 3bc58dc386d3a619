"""Unfinished work is never dropped, never shared between runs, and never leaks between people."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
import yaml

from helpers import run_cli, spawn_cli
from survivalkit.engine.interview import Interview
from survivalkit.engine.store import Store
from survivalkit.kit.model import Question

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "tests" / "hostile" / "answers" / "good.yaml"
TOOL = "memo-achat-public"


def _layer(tmp_path: Path) -> Path:
    """A regional kit folder with one tool (a copy of the fab lab pass)."""
    layer = tmp_path / "layer"
    (layer / "tools").mkdir(parents=True)
    shutil.copy(ROOT / "kit" / "tools" / "pass-fab-lab.yaml", layer / "tools")
    return layer


def _memo(out: Path) -> str:
    return next(out.glob("memo-achat-*.md")).read_text(encoding="utf-8")


# --- 1. never dropped silently ------------------------------------------------------------------

@pytest.mark.slow
def test_ctrl_c_then_a_plain_run_offers_to_continue_and_finds_the_answers(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "out"
    child = spawn_cli(["run", TOOL, "--lang", "fr", "-f", "md", "-o", str(out), "--date", "2026-11-30"],
                      data=data, cwd=tmp_path)
    child.expect_exact("Vos prénom et nom")
    child.expect_exact("> ")
    child.sendline("Claire Martin")
    child.expect_exact("Votre fonction")
    child.expect_exact("> ")
    child.sendline("Cheffe de projet")
    child.expect_exact("Votre administration")
    child.sendintr()
    child.expect("--resume")
    child.expect(pexpect.EOF)
    # No --resume, and no --lang: the run offers the session (continue is the default) in French.
    again = spawn_cli(["run", TOOL, "-f", "md", "-o", str(out), "--date", "2026-11-30"], data=data, cwd=tmp_path)
    again.expect_exact("Vous aviez commencé le")
    again.expect_exact("2 réponse(s)")
    again.expect_exact("> ")
    again.sendline("")
    again.expect_exact("Votre administration")  # the third question: the first two are kept
    again.sendintr()
    again.expect(pexpect.EOF)
    saved = json.loads(next((data / "sessions" / f"tool-{TOOL}").glob("*.json")).read_text(encoding="utf-8"))
    assert saved["state"]["interview"]["answers"]["nom"] == "Claire Martin"
    assert saved["settings"]["lang"] == "fr"


def test_starting_again_keeps_a_backup_that_can_be_listed_and_restored(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store()
    first = store.open(f"tool-{TOOL}")
    first.save({"state": {"interview": {"answers": {"nom": "Claire"}, "confirmed": ["nom"]}}})
    first.release()
    second = store.open(f"tool-{TOOL}")
    second.save({"state": {"interview": {"answers": {"nom": "Paul"}, "confirmed": ["nom"]}}})
    second.release()
    listed = store.sessions(f"tool-{TOOL}")
    assert len(listed) == 2 and all(s.answers == 1 for s in listed)
    code, out, _ = run_cli(["sessions", "--lang", "fr"], capsys)
    assert code == 0 and first.id in out and second.id in out and "copie de réserve" in out
    code, out, _ = run_cli(["sessions", "--restore", first.id, "--lang", "fr"], capsys)
    assert code == 0 and "survivalkit run memo-achat-public --resume" in out
    assert store.latest(f"tool-{TOOL}").id == first.id  # type: ignore[union-attr]


def test_two_runs_of_one_tool_never_write_into_the_same_session(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store()
    running = store.open(f"tool-{TOOL}")
    running.save({"state": {"interview": {"answers": {"nom": "Claire"}, "confirmed": ["nom"]}}})
    # The lock proves a living survivalkit run holds it (this process): seen from another run…
    monkeypatch.setattr("survivalkit.engine.store.os.getpid", lambda: 1)
    # While the first run lives (its lock is held), a second run is not offered its session.
    assert store.latest(f"tool-{TOOL}") is None
    other = store.open(f"tool-{TOOL}")
    assert other.path != running.path
    other.save({"state": {"interview": {"answers": {"nom": "Paul"}, "confirmed": ["nom"]}}})
    kept = json.loads(running.path.read_text(encoding="utf-8"))
    assert kept["state"]["interview"]["answers"]["nom"] == "Claire"


def test_without_a_terminal_the_user_is_told_that_a_session_exists(
    tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = Store().open(f"tool-{TOOL}")
    session.save({"state": {"interview": {"answers": {"nom": "Claire"}, "confirmed": ["nom"]}}})
    session.release()
    layer = _layer(tmp_path)
    code, _, err = run_cli(["run", TOOL, "--answers", str(GOOD), "-f", "md", "-o", str(tmp_path / "o"),
                            "--lang", "en", "--kit", str(layer)], capsys)
    assert code == 0, err
    assert "An unfinished session exists" in err
    assert f"survivalkit run {TOOL} --resume --kit {layer} --lang en" in err
    assert session.path.exists(), "the unfinished session is kept"


# --- 5. the saved profile never leaks between people -------------------------------------------

def test_an_answers_file_run_neither_reads_nor_writes_the_saved_profile(
    tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store()
    store.save_profile({"nom": "Première Personne", "service": "Service de la première personne"})
    answers = yaml.safe_load(GOOD.read_text(encoding="utf-8"))
    answers["nom"] = "Seconde Personne"
    second = tmp_path / "second.yaml"
    second.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    code, _, err = run_cli(["run", TOOL, "--answers", str(second), "-f", "md", "-o", str(tmp_path / "o"),
                            "--lang", "fr"], capsys)
    assert code == 0, err
    memo = _memo(tmp_path / "o")
    assert "Seconde Personne" in memo and "première personne" not in memo.lower()
    assert store.load_profile() == {"nom": "Première Personne", "service": "Service de la première personne"}
    # On purpose, --use-profile fills what the file leaves out (here the service).
    code, _, err = run_cli(["run", TOOL, "--answers", str(second), "-f", "md", "-o", str(tmp_path / "p"),
                            "--lang", "fr", "--use-profile"], capsys)
    assert code == 0, err
    assert "Service de la première personne" in _memo(tmp_path / "p")


# --- 6. language and kits travel with the work ---------------------------------------------------

def test_an_english_answers_file_replays_in_english_with_the_command_in_its_header(
    tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layer = _layer(tmp_path)
    code, _, err = run_cli(["run", TOOL, "--answers", str(GOOD), "-f", "md", "-o", str(tmp_path / "en"),
                            "--lang", "en", "--kit", str(layer)], capsys)
    assert code == 0, err
    replay = (tmp_path / "en" / "answers.yaml").read_text(encoding="utf-8")
    command = replay.splitlines()[1]  # the header's second line: the command that replays it
    assert command.startswith("#   survivalkit run ")
    assert f"--kit {layer}" in command and "--lang en" in command
    data = yaml.safe_load(replay)
    assert data["lang"] == "en" and data["kits"] == [str(layer.resolve())]
    # Replayed without --lang: the memo comes out in English again.
    code, _, err = run_cli(["run", TOOL, "--answers", str(tmp_path / "en" / "answers.yaml"), "-f", "md",
                            "-o", str(tmp_path / "again")], capsys)
    assert code == 0, err
    assert _memo(tmp_path / "again") == _memo(tmp_path / "en")


# --- 8. a restored session is validated like typed answers --------------------------------------

def test_a_restored_answer_that_no_longer_fits_is_asked_again_with_the_reason() -> None:
    question = Question.model_validate({"id": "montant", "type": "amount", "label": "Montant", "max": 1000})
    interview = Interview([question], lang="fr")
    interview.restore({"answers": {"montant": 5000}, "confirmed": ["montant"]})
    assert interview.next_question() is question
    step = interview.step(question)
    assert step.error is not None and "ne convient plus" in step.error
    assert step.default == 5000  # offered again, to correct


def test_a_journey_resumed_does_not_show_a_confirmed_recap_again() -> None:
    import survivalkit
    from survivalkit.engine.frontend import as_frontend
    from survivalkit.engine.journey import Journey
    from test_api import MEMO, Script

    kit = survivalkit.load_kit()
    file = {"situation": {"etape": "experimentation", "besoins": ["acheter"], "structure": "etat"},
            "tools": ["memo-achat-public", "decharge-temps-innovation"]}
    first = Journey(kit, lang="fr", day=dt.date(2026, 11, 30), interactive=True)
    from survivalkit.engine.replay import journey_answers_from

    first.use_answers_file(journey_answers_from(file, "f", "fr"))

    class StopAtSecondTool(Script):
        def ask(self, step):  # type: ignore[no-untyped-def]
            if self.recaps:
                raise KeyboardInterrupt
            return super().ask(step)

    script = StopAtSecondTool({k: [str(v)] for k, v in MEMO.items()})
    with pytest.raises(KeyboardInterrupt):
        first.run(as_frontend(script))
    saved = first.snapshot()
    assert saved["state"]["done"] == ["memo-achat-public"]
    again = Journey(kit, lang="fr", day=dt.date(2026, 11, 30), interactive=True)
    again.use_answers_file(journey_answers_from(file, "f", "fr"))
    again.restore(json.loads(json.dumps(saved)))
    resumed = Script({"usagers": ["les agents"], "constat": ["x"]})
    with pytest.raises(AssertionError):  # the script does not know the second tool's answers
        again.run(as_frontend(resumed))
    assert resumed.recaps == [], "the memo's recap, confirmed before, is not shown again"
    assert "objet" not in resumed.asked


# --- tidy sessions (issue 23, point 7) -------------------------------------------------------------

@pytest.mark.slow
def test_ctrl_c_at_the_first_question_keeps_nothing_to_offer_or_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    child = spawn_cli(["--lang", "fr", "--format", "md", "-o", str(tmp_path / "out")], data=data, cwd=tmp_path)
    child.expect_exact("Où en est votre projet")
    child.expect_exact("> ")
    child.sendintr()
    child.expect_exact("rien à reprendre")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not list(data.glob("sessions/*/*.json"))
    monkeypatch.setenv("SURVIVALKIT_HOME", str(data))
    code, out, _ = run_cli(["sessions", "--lang", "fr"], capsys)
    assert code == 0 and "Aucun travail non terminé" in out and "la plus récente" not in out
    # The next journey starts with its first question, offering nothing.
    again = spawn_cli(["--lang", "fr", "--format", "md", "-o", str(tmp_path / "out")], data=data, cwd=tmp_path)
    again.expect_exact("> ")
    assert "Vous aviez commencé" not in (again.before or "")
    again.sendintr()
    again.expect(pexpect.EOF)


def test_an_empty_session_left_by_an_older_run_is_neither_offered_nor_listed(isolated_home: Path) -> None:
    store = Store()
    empty = store.open("journey")
    empty.save({"kind": "journey", "state": {"situation": {"answers": {}, "confirmed": []}, "picked": None,
                                             "tools": {}, "done": [], "formats": None}})
    empty.release()
    kept = store.open(f"tool-{TOOL}")
    kept.save({"state": {"interview": {"answers": {"nom": "Claire", "objet": "x"},
                                       "confirmed": ["nom", "objet"], "prefilled": ["nom"]}}})
    kept.release()
    assert store.latest("journey") is None
    assert [s.key for s in store.sessions()] == [f"tool-{TOOL}"]
    assert not empty.path.exists()
    # Counted: the work's own answer, not the name taken from the saved profile.
    assert store.sessions()[0].answers == 1


def test_a_failed_answers_file_run_leaves_no_session(
    tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "journey.yaml"
    answers.write_text(yaml.safe_dump({"situation": {"etape": "experimentation", "besoins": ["acheter"],
                                                     "structure": "etat"}, "tools": [TOOL]}), "utf-8")
    code, _, err = run_cli(["--answers", str(answers), "--lang", "fr", "-o", str(tmp_path / "o"), "--format", "md"],
                           capsys)
    assert code == 2 and "Réponses manquantes" in err
    assert "--set" in err, "the command line adds how to give them"
    partial = tmp_path / "memo.yaml"
    partial.write_text(yaml.safe_dump({"nom": "Claire Martin"}), "utf-8")
    code, _, err = run_cli(["run", TOOL, "--answers", str(partial), "--lang", "fr", "-o", str(tmp_path / "o"),
                            "-f", "md"], capsys)
    assert code == 2, err
    assert Store().sessions() == []
    assert not list((isolated_home / "survivalkit-data").glob("sessions/*/*"))


def test_the_count_is_the_works_answers_not_the_saved_profile(isolated_home: Path) -> None:
    from survivalkit.engine.sources import AnswerSources
    from survivalkit.engine.store import count_answers
    from survivalkit.engine.tool_run import ToolRun
    from survivalkit.kit.loader import bundled_kit_dir, load_kit

    kit = load_kit([bundled_kit_dir()]).kit
    run = ToolRun(kit, kit.tools[TOOL], lang="fr", day=dt.date(2026, 11, 30))
    profile = {"nom": "Claire Martin", "fonction": "Cheffe de projet", "organisation": "DDT du Gard",
               "courriel": "claire@gard.gouv.fr"}
    run.fill(AnswerSources(profile=profile), interactive=True)
    assert len(run.interview.confirmed) == 4
    assert count_answers(run.snapshot()["state"]) == 0
    run.interview.submit(run.interview.question("projet_nom"), "Rendez-vous en ligne")
    run.interview.submit(run.interview.question("fonction"), "Directrice")  # retyped: the work's own now
    assert count_answers(run.snapshot()["state"]) == 2
    # Continued later over the same profile, the count stays the same.
    again = ToolRun(kit, kit.tools[TOOL], lang="fr", day=dt.date(2026, 11, 30))
    again.fill(AnswerSources(profile=profile, session=run.snapshot()["state"]["interview"]), interactive=True)
    assert count_answers(again.snapshot()["state"]) == 2


@pytest.mark.skipif(sys.platform != "linux", reason="kills a process with SIGKILL")
def test_temporary_files_of_a_killed_autosave_are_removed_when_the_next_run_opens_its_session(
    tmp_path: Path,
) -> None:
    from survivalkit.engine.store import Store

    folder = Store(tmp_path).session_dir("tool-x")
    folder.mkdir(parents=True)
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "import survivalkit.files.writer as writer\n"
        "writer.os.replace = lambda src, dst: os.kill(os.getpid(), signal.SIGKILL)\n"
        "writer.write_atomic(Path(sys.argv[1]) / 'session.json', b'{}')\n"
    )
    subprocess.run([sys.executable, "-c", script, str(folder)], timeout=60)
    assert [p.name for p in folder.iterdir() if p.name.startswith(".tmp-")], "a temporary was left"
    session = Store(tmp_path).open("tool-x")
    session.save({"kind": "tool"})
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".tmp-")]
    session.release()
