"""``survivalkit preview``: one example's documents on the terminal or in a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli


def test_preview_prints_the_first_example_in_the_users_language(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["preview", "memo-achat-public", "--plain", "--lang", "fr"], capsys)
    assert code == 0, err
    assert out.startswith("Claire Martin\n") and "**Objet\u00a0:** Procédure d'achat" in out
    code, out, _ = run_cli(["preview", "memo-achat-public", "--example", "achat-innovant",
                            "--plain", "--lang", "en"], capsys)
    assert code == 0 and out.startswith("Karim Benali\n") and "**Subject:** Purchasing procedure" in out


def test_preview_names_the_examples_when_one_is_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["preview", "memo-achat-public", "--example", "nope", "--plain",
                            "--lang", "en"], capsys)
    assert code == 2
    assert "no example \"nope\"" in err and "petit-achat" in err


def test_preview_writes_html_and_reads_an_answers_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "apercu.html"
    code, _, err = run_cli(["preview", "memo-achat-public", "--format", "html", "-o", str(target),
                              "--plain", "--lang", "fr"], capsys)
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    answers = tmp_path / "answers.yaml"
    answers.write_text("objet: une imprimante\n", encoding="utf-8")
    code, _, err = run_cli(["preview", "memo-achat-public", "--answers", str(answers), "--plain",
                            "--lang", "en"], capsys)
    assert code == 2
    assert "Missing answers" in err and "montant" in err and "objet" not in err.split("):")[1]


def test_preview_refuses_an_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["preview", "memo-achat-public", "--format", "docx", "--plain",
                            "--lang", "en"], capsys)
    assert code == 2 and "md, html or pdf" in err


def test_preview_shows_the_documents_in_the_kits_language_unless_told(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SURVIVALKIT_LANG", "en")  # an English system: messages in English
    code, out, err = run_cli(["preview", "memo-achat-public", "--plain"], capsys)
    assert code == 0, err
    assert "**Objet\u00a0:** Procédure d'achat" in out  # as `expect` and the golden files read


def test_preview_takes_a_date_in_any_form_run_takes(capsys: pytest.CaptureFixture[str]) -> None:
    iso = run_cli(["preview", "memo-achat-public", "--plain", "--lang", "fr", "--date", "2026-12-07"], capsys)
    french = run_cli(["preview", "memo-achat-public", "--plain", "--lang", "fr", "--date", "07/12/2026"], capsys)
    assert iso[0] == french[0] == 0, french[2]
    assert "7 décembre 2026" in french[1]
    assert french[1] == iso[1]
    code, _, err = run_cli(["preview", "memo-achat-public", "--plain", "--lang", "fr", "--date", "bientôt"], capsys)
    assert code == 2 and "--date" in err
