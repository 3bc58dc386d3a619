"""Hostile answers: markup, template syntax, scripts, control characters, 100 KB, right-to-left.

What the agent types is data: literal in Markdown, escaped in HTML and PDF, never run as a
template, stripped of control characters. Property-based tests check that answer parsing lets
nothing but ``AnswerError`` escape, whatever comes from a terminal or an answers file.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import build_tree, run_cli
from survivalkit.engine.answers import MAX_LONGTEXT, cast_answer, check_answer, display_answer, to_plain
from survivalkit.engine.asker import QuitRequested, RecapRow, Step
from survivalkit.engine.interview import Interview, run_interview
from survivalkit.engine.sources import prefill
from survivalkit.errors import AnswerError
from survivalkit.kit.loader import bundled_kit_dir, load_kit
from survivalkit.kit.model import Question, QuestionType, Term, tool_questions
from survivalkit.text.localized import strip_unsafe

DATE = "2026-11-26"
HYPOTHESIS = settings(deadline=None, database=None, derandomize=True,
                      suppress_health_check=[HealthCheck.too_slow])
PROFILE = {"nom": "Claire Martin", "fonction": "Chargée de mission",
           "organisation": "DDT du Gard", "courriel": "claire.martin@gard.gouv.fr"}
ECHO_TOOL = """\
schema_version: 1
title: Écho
summary: Recopie les réponses dans un document.
stages: [idee]
reviewed: 2026-11-20
sources:
  - title: Test
    reference: Aucune
sheet:
  when_to_use: Pour les tests.
  steps: [Tester.]
questions:
  - id: titre
    label: Un titre
  - id: texte
    type: longtext
    label: Un texte
documents:
  - id: echo
    title: Écho
    filename: "echo-{{ titre | slug }}"
    template: |
      # {{ titre }}

      {{ texte }}

      Signé : {{ nom }}
"""
TITLE = '<script>alert("titre")</script> {{ 7*7 }} مرحبا 🚀'
LINES = [
    "<script>alert(document.cookie)</script>",
    "<img src=x onerror=alert(1)> <b>gras</b> &amp; &lt;",
    "[cliquez ici](javascript:alert(1))",
    "[données](data:text/html;base64,PHNjcmlwdD4=) <javascript:alert(2)> ![x](file:///etc/passwd)",
    "{{ nom.__class__ }} {% include '/etc/passwd' %} {# commentaire #}",
    "שלום עולם — مرحبا بالعالم — 👩‍💻🇫🇷 — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "\u202eflippé\u202c et \u200bespace\u200b invisible",
]


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages printed before a command knows its --lang follow the locale: pin them."""
    monkeypatch.setenv("SURVIVALKIT_LANG", "en")


@pytest.fixture
def echo_kit(tmp_path: Path) -> Path:
    """A kit layer with one tool that copies its answers into a document."""
    return build_tree(tmp_path / "echo", {"tools/hostile-echo.yaml": ECHO_TOOL})


def _answers(tmp_path: Path, **values: Any) -> Path:
    path = tmp_path / "reponses.yaml"
    path.write_text(yaml.safe_dump({**PROFILE, **values}, allow_unicode=True), "utf-8")
    return path


def _run_echo(echo_kit: Path, out: Path, capsys: pytest.CaptureFixture[str], *extra: str,
              formats: str = "md,html", lang: str = "en") -> tuple[int, str]:
    args = ["run", "hostile-echo", "--kit", str(echo_kit), "--out", str(out), "--date", DATE,
            "--format", formats, "--lang", lang, *extra]
    code, stdout, stderr = run_cli(args, capsys)
    assert "Traceback" not in stdout + stderr
    return code, stderr


def _read(out: Path, suffix: str) -> str:
    (path,) = out.glob(f"echo-*.{suffix}")
    return path.read_text("utf-8")


def _as_read(markdown: str) -> str:
    """The Markdown as a reader sees it: every backslash escape resolved (answers are escaped text)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def test_hostile_answers_are_literal_in_markdown_and_escaped_in_html_and_pdf(
    tmp_path: Path, echo_kit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pypdf = pytest.importorskip("pypdf")
    answers = _answers(tmp_path, titre=TITLE, texte="\n".join(LINES))
    out = tmp_path / "out"
    code, err = _run_echo(echo_kit, out, capsys, "--answers", str(answers), formats="md,html,pdf")
    assert code == 0, err

    markdown = _as_read(_read(out, "md"))
    assert f"# {TITLE}\n" in markdown
    for line in LINES:  # bidi controls never reach a document (issue 16): the rest is literal
        assert strip_unsafe(line) in markdown
    assert "49" not in markdown and "root:" not in markdown

    page = _read(out, "html")
    body = page.split("<main>", 1)[1]
    assert "<script" not in page and "<img" not in body and "<b>" not in body
    assert "&lt;script&gt;alert(document.cookie)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert 'href="javascript' not in body and "[cliquez ici](javascript:alert(1))" in body
    assert 'href="data:' not in body and 'src="file:' not in body
    assert "{{ 7*7 }}" in body and "{% include '/etc/passwd' %}" in body
    assert "مرحبا بالعالم" in body and "👩‍💻" in body

    (pdf_path,) = out.glob("echo-*.pdf")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(pdf_path).pages)
    flat = " ".join(text.replace("\x00", "").split())  # some fonts extract as UTF-16
    assert "<script>alert(document.cookie)</script>" in flat
    assert "{{ 7*7 }}" in flat and "49" not in flat

    # The answers file written next to the documents replays them exactly.
    replay = tmp_path / "replay"
    code, err = _run_echo(echo_kit, replay, capsys, "--answers", str(out / "answers.yaml"))
    assert code == 0, err
    assert _as_read(_read(replay, "md")) == markdown


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_control_characters_are_removed(
    lang: str, tmp_path: Path, echo_kit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = "avant\x07\x1b[31mrouge\x1b[0m\x9b2J\x7f\x08après\r\nligne\x0bdeux\ttab"
    out = tmp_path / "out"
    code, err = _run_echo(echo_kit, out, capsys, "--answers", str(_answers(tmp_path)),
                          "--set", "titre=Titre\x1b]0;pwned\x07 propre", "--set", f"texte={hostile}",
                          lang=lang)
    assert code == 0, err
    for name in ("md", "html"):
        text = _read(out, name)
        assert not any(c in text for c in "\x07\x1b\x9b\x7f\x08\x0b\r")
    # French typography adds no-break spaces before ; : ! ? — in answers too.
    markdown = _as_read(_read(out, "md")).replace("\u202f", "").replace("\u00a0", "")
    assert "avant[31mrouge[0m2Japrès\nlignedeux\ttab" in markdown
    assert "# Titre]0;pwned propre" in markdown
    saved = yaml.safe_load((out / "answers.yaml").read_text("utf-8"))
    assert "\x1b" not in json.dumps(saved, ensure_ascii=False)


def test_the_longest_text_allowed_and_one_too_long(
    tmp_path: Path, echo_kit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chunk = "Texte <b>long</b> {{ x }} مرحبا 🚀 "
    big = (chunk * (MAX_LONGTEXT // len(chunk) + 1))[: MAX_LONGTEXT - 1] + "."
    assert len(big) == MAX_LONGTEXT
    out = tmp_path / "out"
    answers = _answers(tmp_path, titre="Cent mille", texte=big)
    code, err = _run_echo(echo_kit, out, capsys, "--answers", str(answers))
    assert code == 0, err
    assert big in _as_read(_read(out, "md"))
    assert "<b>long</b>" not in _read(out, "html")

    too_big = tmp_path / "trop"
    answers = _answers(tmp_path, titre="Trop", texte="x" * 102_400)
    code, err = _run_echo(echo_kit, too_big, capsys, "--answers", str(answers))
    assert code == 2 and "texte: Answer too long: 10,000 characters at most (you wrote 102,400)" in err
    assert not too_big.exists()


def test_an_image_in_an_answer_is_never_fetched(
    tmp_path: Path, echo_kit: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import http.server
    import threading

    pytest.importorskip("weasyprint")
    hits: list[str] = []

    class Spy(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Spy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/espion.png"
        answers = _answers(tmp_path, titre="Image", texte=f"Voici ![pixel]({url}) une image.")
        out = tmp_path / "out"
        code, err = _run_echo(echo_kit, out, capsys, "--answers", str(answers),
                              formats="md,html,pdf")
    finally:
        server.shutdown()
        server.server_close()
    assert code == 0, err
    assert hits == [], "making the PDF fetched a URL typed in an answer"
    assert "<img" not in _read(out, "html")


class _Replies:
    """``input()`` replaced by a script; the prompts are kept for the assertions."""

    def __init__(self, replies: Sequence[str]) -> None:
        self.replies = list(replies)
        self.prompts: list[str] = []

    def __call__(self, prompt: str = "") -> str:
        self.prompts.append(prompt)
        if not self.replies:
            raise EOFError
        return self.replies.pop(0)


def test_typed_answers_from_a_terminal_in_a_non_utf8_locale(
    tmp_path: Path, echo_kit: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Bytes a terminal cannot decode arrive as lone surrogates: they must not crash anything."""
    typed = _Replies([
        "Claire \udcc3\udca9 Martin", "Chargée\x1b[2J", "DDT", "", "claire@gard.gouv.fr", "",
        "Titre \udcff 🚀 <script>", "ligne un \x07", "{{ 7*7 }}", "", "",
    ])
    monkeypatch.setattr("builtins.input", typed)
    monkeypatch.setattr("survivalkit.cli.env.Env.interactive", lambda self: True)
    out = tmp_path / "out"
    code, err = _run_echo(echo_kit, out, capsys)
    assert code == 0, err
    markdown = _as_read(_read(out, "md"))
    assert "# Titre 🚀 <script>" in markdown
    assert "ligne un\n{{ 7*7 }}" in markdown
    assert "Signé : Claire Martin" in markdown or "Signé\u00a0: Claire Martin" in markdown
    for path in out.iterdir():
        path.read_bytes().decode("utf-8")  # every file is valid UTF-8


# --- property-based: answer parsing lets only AnswerError escape -----------------------------------
KIT = load_kit([bundled_kit_dir()]).kit
MEMO = KIT.tools["memo-achat-public"]
MEMO_QUESTIONS = list(KIT.info.profile) + tool_questions(KIT, MEMO)


def _question(kind: QuestionType, **extra: Any) -> Question:
    choices = None
    if kind in (QuestionType.CHOICE, QuestionType.MULTICHOICE):
        choices = [{"value": "oui", "label": "Oui"}, {"value": "un_peu", "label": "Un peu"},
                   {"value": "non", "label": {"fr": "Non", "en": "No"}}]
    return Question.model_validate({"id": "q", "type": kind.value, "label": "Q ?",
                                    "choices": choices, **extra})


QUESTIONS = [_question(kind) for kind in QuestionType] + [
    _question(QuestionType.TEXT, max_length=10, min_length=2, pattern=r"[a-z ]+"),
    _question(QuestionType.AMOUNT, min=1, max=1000),
    _question(QuestionType.INTEGER, rules=[{"check": "value > 2", "message": "trop petit"}]),
    _question(QuestionType.MULTICHOICE, min_length=1, max_length=2),
]
TYPED = st.text(max_size=40) | st.sampled_from([
    "12 000 €", "1,5 M€", "12k", "-0", "1e400", "9" * 400, "²", "٣", "１２", "3,", ",5", "oui",
    "aujourd'hui", "2026-02-30", "31/12/9999", "0000-01-01", "1, 3", "1;;3", "non,oui", " ",
    "\udcc3\udca9", "\x00", "\u202e", "a@b.c", "https://x", "http://", "∞", "NaN", "inf",
])
RAW = (TYPED | st.none() | st.booleans() | st.integers() | st.integers(10**300, 10**400)
       | st.floats() | st.dates() | st.datetimes() | st.lists(TYPED, max_size=4)
       | st.dictionaries(TYPED, TYPED, max_size=2))


@HYPOTHESIS
@given(st.sampled_from(QUESTIONS), RAW)
def test_casting_any_answer_raises_only_answer_errors(question: Question, raw: Any) -> None:
    for lang in ("fr", "en"):
        try:
            value = cast_answer(question, raw, lang)
            check_answer(question, value, {}, lang)
        except AnswerError as exc:
            assert str(exc) and "\n" not in str(exc)
            continue
        assert isinstance(display_answer(question, value, lang), str)
        plain = to_plain(question, value)
        json.dumps(plain, ensure_ascii=False).encode("utf-8")  # savable: no lone surrogates
        # What autosave writes, resume reads back to the same value.
        assert cast_answer(question, plain, lang) == value


@HYPOTHESIS
@given(st.dictionaries(st.sampled_from([q.id for q in MEMO_QUESTIONS] + ["inconnu", "../x"]),
                       RAW, max_size=8))
def test_an_answers_file_with_anything_in_it_gives_messages(values: dict[str, Any]) -> None:
    interview = Interview(list(MEMO_QUESTIONS), lang="en")
    errors, missing = prefill(interview, values, "answers.yaml")
    assert all(isinstance(e, str) and e.startswith("answers.yaml") for e in errors)
    assert all(isinstance(m, str) for m in missing)
    json.dumps(interview.snapshot(), ensure_ascii=False).encode("utf-8")


class _Exhausted(Exception):
    pass


class _RandomAsker:
    def __init__(self, replies: list[str]) -> None:
        self.replies = replies

    def ask(self, step: Step) -> str:
        if not self.replies:
            raise _Exhausted
        return self.replies.pop(0)

    def show_help(self, step: Step, help_text: str, terms: Sequence[Term]) -> None:
        assert isinstance(help_text, str)

    def recap(self, rows: Sequence[RecapRow], error: str | None) -> str:
        return ""


@HYPOTHESIS
@given(st.lists(TYPED | st.sampled_from(["?", "<", "passer", "aide", "retour"]), max_size=40))
def test_typing_anything_at_any_question_is_answered_with_a_message(replies: list[str]) -> None:
    interview = Interview(list(MEMO_QUESTIONS), lang="fr",
                          base={"today": dt.date(2026, 11, 26), "doc_date": dt.date(2026, 11, 26)})
    saved: list[str] = []
    try:
        run_interview(interview, _RandomAsker(replies),
                      on_change=lambda iv: saved.append(json.dumps(iv.snapshot(), ensure_ascii=False)))
    except (_Exhausted, QuitRequested):
        pass
    for blob in saved:
        blob.encode("utf-8")  # what autosave writes: UTF-8, so no lone surrogate may reach it


def test_a_superscript_digit_at_the_recap_is_an_invalid_choice() -> None:
    interview = Interview([_question(QuestionType.TEXT)], lang="fr")

    recaps = ["²", ""]

    class Asker(_RandomAsker):
        def recap(self, rows: Sequence[RecapRow], error: str | None) -> str:
            return recaps.pop(0)

    assert run_interview(interview, Asker(["réponse"])) == {"q": "réponse"}
    assert recaps == []
