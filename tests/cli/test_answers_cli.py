"""Amounts, dates and choices read as meant from a real terminal, an answers file and ``--set``."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest
import yaml

from helpers import run_cli, spawn_cli
from survivalkit.kit.loader import bundled_kit_dir, load_kit

MEMO = dict(load_kit([bundled_kit_dir()]).kit.tools["memo-achat-public"].examples[0].answers)


def _memo(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, *sets: str,
          **answers: object) -> tuple[int, str, Path]:
    out = tmp_path / f"out-{lang}"
    path = tmp_path / f"answers-{lang}.yaml"
    path.write_text(yaml.safe_dump({**MEMO, **answers}, allow_unicode=True), "utf-8")
    args = ["run", "memo-achat-public", "--answers", str(path), "--out", str(out), "--lang", lang,
            "--date", "2026-11-26", "--format", "md"]
    for item in sets:
        args += ["--set", item]
    code, _, err = run_cli(args, capsys)
    return code, _spaces(err), out


def _spaces(text: str) -> str:
    """Messages on screen use French typography (no-break spaces): compare them as plain spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def _memo_text(out: Path) -> str:
    return next(out.glob("memo-achat-*.md")).read_text("utf-8")


@pytest.mark.parametrize(("lang", "typed", "shown"), [
    ("fr", "45.000", "45\u202f000"), ("fr", "45 000 €", "45\u202f000"), ("en", "€45,000", "€45,000"),
    ("en", "45,000", "€45,000"), ("fr", "12 000,50", "12\u202f000,50"),
])  # fmt: skip
def test_an_amount_from_an_answers_file_comes_out_right(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, typed: str, shown: str
) -> None:
    code, err, out = _memo(tmp_path, capsys, lang, montant=typed)
    assert code == 0, err
    assert shown in _memo_text(out)
    assert "45\u202f€" not in _memo_text(out) and "€45 " not in _memo_text(out)


@pytest.mark.parametrize(("lang", "typed", "message"), [
    ("fr", "45,000", "montant : Voulez-vous dire 45\u00a0€ ou 45\u202f000\u00a0€ ? Écrivez 45 ou 45000."),
    ("en", "45.000", "montant: Do you mean €45 or €45,000? Type 45 or 45000."),
])  # fmt: skip
def test_an_ambiguous_amount_is_an_error_naming_both_readings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, typed: str, message: str
) -> None:
    for sets, answers in (((), {"montant": typed}), ((f"montant={typed}",), {"montant": 1})):
        code, err, out = _memo(tmp_path, capsys, lang, *sets, **answers)
        assert code != 0
        assert _spaces(message) in err.replace("\n", " ")
        assert not out.exists()


def test_dates_and_choices_as_typed_in_an_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err, out = _memo(tmp_path, capsys, "fr", montant="30 000", echeance="15 janvier 2027",
                           nature="des SERVICES (etude, animation, developpement, formation)",
                           connaissance_marche="j'ai quelques pistes")
    assert code == 0, err
    text = _memo_text(out)
    assert "15 janvier 2027" in text and "30\u202f000" in text


def test_a_past_deadline_is_refused_with_the_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err, _ = _memo(tmp_path, capsys, "en", echeance="03/15/2026")
    assert code != 0
    assert "dates are written day/month/year. Did you mean 15 March 2026 (15/03/2026)?" in err
    code, err, _ = _memo(tmp_path, capsys, "en", echeance="15/03/2026")
    assert code != 0
    assert "echeance: Choose a date in the future, after 26 November 2026." in err


def test_a_choice_error_names_labels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err, _ = _memo(tmp_path, capsys, "fr", connaissance_marche="peut-être")
    assert code != 0
    assert "« peut-être » ne correspond à aucun choix" in err
    assert "2. J'ai quelques pistes" in err and "un_peu" not in err


@pytest.mark.slow
def test_the_terminal_asks_again_showing_both_readings(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({k: v for k, v in MEMO.items() if k != "montant"}, allow_unicode=True))
    out = tmp_path / "out"
    child = spawn_cli(["run", "memo-achat-public", "--answers", str(answers), "--lang", "fr", "--out", str(out),
                       "--format", "md", "--date", "2026-11-26"], data=tmp_path / "home", cwd=tmp_path)
    while child.expect_exact(["Montant estimé", "> "]) == 1:
        child.sendline("")  # optional questions the file leaves out (the town)
    child.expect_exact("> ")
    child.sendline("45,000")
    child.expect_exact("Montant estimé")  # the same question again, with both readings
    child.expect_exact("Voulez-vous dire 45\u00a0€ ou 45\u202f000\u00a0€\u202f? Écrivez 45 ou 45000.")
    child.expect_exact("> ")
    child.sendline("45000")
    while child.expect_exact(["Récapitulatif", "> "]) == 1:
        child.sendline("")  # the optional budget line
    child.expect(r"Montant estim[^\n]*\| 45\s000\s€")  # the recap shows the amount meant
    child.expect_exact("pour revenir")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    memo = _memo_text(out)
    assert "45\u202f000" in memo and "45\u00a0€" not in memo


def test_an_unquoted_french_amount_in_an_answers_file_is_read_as_typed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """YAML would read `montant: 45.000` as the number 45.0; the file's text is what the agent typed."""
    path = tmp_path / "reponses.yaml"
    text = yaml.safe_dump({k: v for k, v in MEMO.items() if k != "montant"}, allow_unicode=True)
    path.write_text(text + "montant: 45.000\n", "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["run", "memo-achat-public", "--answers", str(path), "--out", str(out), "--lang", "fr",
                            "--date", "2026-11-26", "--format", "md"], capsys)
    assert code == 0, err
    assert "45\u202f000\u00a0€ HT" in _memo_text(out)  # the promised no-break spaces, nothing else
    # In English the same text could mean 45 or 45,000: it is asked, never taken as the smaller.
    code, _, err = run_cli(["run", "memo-achat-public", "--answers", str(path), "--out", str(tmp_path / "en"),
                            "--lang", "en", "--date", "2026-11-26", "--format", "md"], capsys)
    assert code != 0 and "€45 or €45,000" in err
