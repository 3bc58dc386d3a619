"""Interrupts in a real terminal: Ctrl-C at every question, SIGKILL, and a damaged autosave.

The wizard runs in a pseudo-terminal (pexpect). An interrupted run followed by ``--resume`` must
give exactly the document of an uninterrupted run: nothing typed and confirmed is ever lost.
"""

from __future__ import annotations

import json
import re
import signal
import sys
from pathlib import Path

import pexpect
import pytest

from helpers import run_cli, spawn_cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

TOOL = "memo-achat-public"
DATE = "2026-11-26"
HOSTILE = Path(__file__).resolve().parents[1] / "hostile"

# The questions of memo-achat-public in the order they are asked (with `innovant: non`), as a
# label fragment and the answer typed. A list is a multi-line answer (a longtext question).
QUESTIONS: list[tuple[str, str | list[str]]] = [
    ("Vos prénom et nom", "Claire Martin"),
    ("Votre fonction", "Chargée de mission innovation"),
    ("Votre administration", "DDT du Gard"),
    ("Votre service", "Mission modernisation"),
    ("Votre adresse électronique", "claire.martin@gard.gouv.fr"),
    ("Votre ville", "Nîmes"),
    ("Le nom de votre projet", "Rendez-vous en ligne"),
    ("Votre projet en deux ou trois phrases",
     ["Les usagers attendent des semaines pour un rendez-vous.",
      "Nous voulons tester une prise de rendez-vous en ligne avec eux."]),
    ("Que voulez-vous acheter", "six ateliers de conception avec des usagers"),
    ("De quel type d'achat", "2"),
    ("Montant estimé", "12 000"),
    ("Qui achète", "1"),
    ("La solution est-elle nouvelle", "non"),
    ("Connaissez-vous les entreprises", "3"),
    ("Pour quand en avez-vous besoin", "15/01/2027"),
    ("Quel budget", "Fonds d'innovation du département"),
]
HEADER = re.compile(r"Question (\d+) sur (\d+) — ([^\r\n]+)\r\n")
RECAP = "pour valider"


def _spawn(home: Path, out: Path, *extra: str) -> pexpect.spawn:
    args = ["run", TOOL, "--format", "md", "--out", str(out), "--lang", "fr", "--date", DATE, *extra]
    child = spawn_cli(args, data=home / "data", cwd=home, width=200, HOME=str(home))
    child.delaybeforesend = None  # the pty buffers input: no need to wait before typing
    child.delayafterclose = child.delayafterterminate = 0.0
    return child


def _answer_for(label: str) -> str | list[str]:
    for fragment, answer in QUESTIONS:
        if fragment in label:
            return answer
    raise AssertionError(f"unexpected question: {label!r}")


def _next_prompt(child: pexpect.spawn) -> tuple[int, str] | None:
    """Wait for the next question (its number and label, prompt shown) or the recap (None)."""
    if child.expect([HEADER, RECAP]) == 1:
        return None
    number, label = int(child.match.group(1)), child.match.group(3)
    child.expect_exact("> ")
    return number, label


def _type(child: pexpect.spawn, answer: str | list[str]) -> None:
    if isinstance(answer, list):
        for line in answer:
            child.sendline(line)
        child.sendline("")
    else:
        child.sendline(answer)


def _finish(child: pexpect.spawn) -> list[int]:
    """Answer every remaining question, confirm the recap, wait for the end; the numbers asked."""
    asked = []
    while True:
        prompt = _next_prompt(child)
        if prompt is None:
            break
        asked.append(prompt[0])
        _type(child, _answer_for(prompt[1]))
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return asked


def _document(out: Path) -> str:
    docs = [p for p in out.glob("memo-achat-*.md")]
    assert len(docs) == 1, sorted(p.name for p in out.iterdir())
    return docs[0].read_text(encoding="utf-8")


def _sessions(home: Path) -> list[Path]:
    """The tool's autosaved sessions (one file per run)."""
    return sorted((home / "data" / "sessions" / f"tool-{TOOL}").glob("*.json"))


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The memo written by a run nobody interrupted."""
    home = tmp_path_factory.mktemp("reference")
    child = _spawn(home, home / "out")
    asked = _finish(child)
    # Numbered as on the paper form, among all the tool's questions: increasing, never more than asked.
    assert len(asked) == len(QUESTIONS) and asked == sorted(set(asked))
    text = _document(home / "out")
    assert "six ateliers de conception" in text and "fonds d'innovation" in text
    return text


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A fresh home and data folder for one scenario."""
    return tmp_path


INTERRUPT_POINTS = [*range(1, len(QUESTIONS) + 1), "recap"]


@pytest.mark.slow
@pytest.mark.parametrize("where", INTERRUPT_POINTS, ids=[f"q{p}" if p != "recap" else p
                                                        for p in INTERRUPT_POINTS])
def test_ctrl_c_then_resume_gives_the_same_document(
    where: int | str, home: Path, reference: str
) -> None:
    out = home / "out"
    child = _spawn(home, out)
    confirmed = 0
    while True:
        prompt = _next_prompt(child)
        if prompt is None or confirmed + 1 == where:  # the where-th question asked
            break
        _type(child, _answer_for(prompt[1]))
        confirmed += 1
    if prompt is not None:
        # Ctrl-C in the middle of typing: that answer, and only that one, may be lost.
        answer = _answer_for(prompt[1])
        if isinstance(answer, list):
            child.sendline(answer[0])  # one line of a longer text already entered
        child.send("à moitié tap")
    child.sendintr()
    # Nothing answered yet: nothing kept, and no invitation to resume what does not exist.
    child.expect("--resume" if confirmed else "rien à reprendre")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not out.exists(), "an interrupted run must not write documents"
    assert len(_sessions(home)) == (1 if confirmed > 0 else 0)

    resumed = _spawn(home, out, "--resume")
    if confirmed:
        resumed.expect(rf"Reprise\s*: {confirmed} réponse")
    asked = _finish(resumed)
    expected_first = [] if prompt is None else [prompt[0]]
    assert asked[:1] == expected_first, "the resumed run must start at the interrupted question"
    assert _document(out) == reference
    assert not _sessions(home), "the autosave is cleared once the documents are written"


@pytest.mark.slow
@pytest.mark.parametrize("answered", [3, 9])
def test_sigkill_loses_at_most_the_answer_being_typed(
    answered: int, home: Path, reference: str
) -> None:
    out = home / "out"
    child = _spawn(home, out)
    for _ in range(answered):
        prompt = _next_prompt(child)
        assert prompt is not None
        _type(child, _answer_for(prompt[1]))
    prompt = _next_prompt(child)  # the next question is on screen: the last answer is saved
    assert prompt is not None
    next_number = prompt[0]
    child.send("en train d'écr")
    child.kill(signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close(force=True)
    (session,) = _sessions(home)
    saved = json.loads(session.read_text(encoding="utf-8"))
    assert len(saved["state"]["interview"]["confirmed"]) == answered

    resumed = _spawn(home, out, "--resume")
    resumed.expect(rf"Reprise\s*: {answered} réponse")
    asked = _finish(resumed)
    assert asked[0] == next_number
    assert _document(out) == reference


CORRUPTIONS = {
    "garbage": b"\x00\x01 ceci n'est pas du JSON",
    "truncated": b'{"tool": "memo-achat-public", "interview": {"answers": {"nom": "Cla',
    "invalid-utf8": b'{"tool": "memo-achat-public\xe9"}',
    "a-list": b"[1, 2, 3]",
    "wrong-shape": b'{"tool": "memo-achat-public", "interview": "nom=Claire"}',
    "answers-not-a-mapping": b'{"interview": {"answers": ["Claire"], "confirmed": ["nom"]}}',
    "confirmed-not-ids": b'{"interview": {"answers": {}, "confirmed": [1, {"a": 2}]}}',
    "deep": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("kind", list(CORRUPTIONS))
def test_corrupt_autosave_is_kept_aside_and_the_run_starts_afresh(
    kind: str, tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session = isolated_home / "survivalkit-data" / "sessions" / f"tool-{TOOL}" / "20261101-090000-abcd.json"
    session.parent.mkdir(parents=True)
    session.write_bytes(CORRUPTIONS[kind])
    args = ["run", TOOL, "--format", "md", "--answers", str(HOSTILE / "answers" / "good.yaml"), "--lang", "en",
            "--date", DATE, "--out", str(tmp_path / "out"), "--resume"]
    code, _, err = run_cli(args, capsys)
    assert code == 0, err
    assert "could not be read" in err and "kept aside" in err and "Traceback" not in err
    assert not session.exists()
    aside = list(session.parent.glob(f"{session.name}.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == CORRUPTIONS[kind]
    assert (tmp_path / "out" / "index.md").is_file()
    # The next --resume finds nothing to resume and says so; the damaged file is still kept.
    code, _, err = run_cli([*args, "--force"], capsys)
    assert code == 0, err
    assert "starting afresh" in err
    assert len(list(session.parent.glob(f"{session.name}.corrupt-*"))) == 1


def test_corrupt_profile_is_kept_aside_and_the_run_goes_on(
    tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = isolated_home / "survivalkit-data" / "profile.yaml"
    profile.parent.mkdir(parents=True)
    bomb = (HOSTILE / "tools" / "billion-laughs.yaml").read_bytes()
    profile.write_bytes(bomb)
    args = ["run", TOOL, "--format", "md", "--answers", str(HOSTILE / "answers" / "good.yaml"), "--lang", "en",
            "--date", DATE, "--out", str(tmp_path / "out"), "--use-profile"]
    code, _, err = run_cli(args, capsys)
    assert code == 0, err
    assert "saved profile could not be read" in err and "kept aside" in err
    (aside,) = profile.parent.glob("profile.yaml.corrupt-*")
    assert aside.read_bytes() == bomb
