"""Real terminal: keys typed into the actual program (pexpect), as an agent would type them."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from helpers import spawn_cli

pytestmark = pytest.mark.slow


def spawn(args: list[str], home: Path, cwd: Path) -> pexpect.spawn:
    return spawn_cli(args, data=home, cwd=cwd)


Step = tuple[str | None, str]
PROFILE: list[Step] = [("Vos prénom et nom", "Claire Martin"), ("Votre fonction", "Chargée de mission"),
           ("Votre administration", "DDT du Gard"), ("Votre service", ""),
           ("adresse électronique", "claire@gard.gouv.fr"), ("Votre ville", "")]
MEMO: list[Step] = [("Le nom de votre projet", "Rendez-vous en ligne"),
        ("deux ou trois phrases", "Les usagers attendent des semaines pour un rendez-vous."),
        (None, ""),  # the empty line that ends a long text
        ("Que voulez-vous acheter", "six ateliers avec des usagers"),
        ("type d'achat", "2"), ("Montant estimé", "12 000 €"), ("Qui achète", "1"),
        ("nouvelle ou nettement améliorée", "non"), ("Connaissez-vous les entreprises", "3"),
        ("Pour quand", "15/01/2027"), ("ligne budgétaire", "")]


def answer(child: pexpect.spawn, steps: list[Step]) -> None:
    for expected, reply in steps:
        if expected is None:  # a long text's continuation line: no new prompt
            child.sendline(reply)
            continue
        if expected:
            child.expect_exact(expected)
        child.expect_exact("> ")
        child.sendline(reply)


def test_full_run_with_back_and_recap_edit(tmp_path: Path) -> None:
    out = tmp_path / "out"
    child = spawn(["run", "memo-achat-public", "--format", "md", "--lang", "fr", "--out", str(out), "--date", "2026-11-26"],
                  tmp_path / "home", tmp_path)
    answer(child, PROFILE + MEMO[:5])
    # Back from the amount to the kind of purchase, and change it.
    child.expect_exact("Montant estimé")
    child.expect_exact("> ")
    child.sendline("<")
    child.expect_exact("type d'achat")
    child.expect_exact("> ")
    child.sendline("1")
    answer(child, MEMO[5:])
    child.expect_exact("Récapitulatif")
    child.expect_exact("pour revenir")
    # Edit row 11 (the amount) from the recap.
    child.sendline("11")
    child.expect_exact("Montant estimé")
    child.expect_exact("> ")
    child.sendline("30000")
    child.expect_exact("Récapitulatif")
    child.expect_exact("pour revenir")
    child.sendline("")
    child.expect_exact("Fichiers écrits")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    doc = next(out.glob("memo-achat-*.md")).read_text("utf-8")
    assert "(fournitures)" in doc and "30\u202f000" in doc
    assert "montant: 30000" in (out / "answers.yaml").read_text("utf-8")


def test_invalid_answer_is_asked_again(tmp_path: Path) -> None:
    child = spawn(["run", "memo-achat-public", "--format", "md", "--lang", "fr", "--out", str(tmp_path / "o")],
                  tmp_path / "home", tmp_path)
    answer(child, PROFILE[:4])
    child.expect_exact("adresse électronique")
    child.expect_exact("> ")
    child.sendline("pas-une-adresse")
    child.expect_exact("Adresse électronique non valide")
    child.expect_exact("> ")
    child.sendline("claire@gard.gouv.fr")
    child.expect_exact("Votre ville")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def test_ctrl_c_then_resume(tmp_path: Path) -> None:
    home = tmp_path / "home"
    out = tmp_path / "out"
    child = spawn(["run", "memo-achat-public", "--format", "md", "--lang", "fr", "--out", str(out), "--date", "2026-11-26"],
                  home, tmp_path)
    answer(child, PROFILE + MEMO[:5])
    child.expect_exact("Montant estimé")
    child.expect_exact("> ")
    child.sendintr()
    child.expect_exact("survivalkit run memo-achat-public --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    resumed = spawn(["run", "memo-achat-public", "--format", "md", "--lang", "fr", "--out", str(out), "--resume"],
                    home, tmp_path)
    resumed.expect_exact("Reprise")
    # It starts again at the amount: nothing typed before Ctrl-C is asked again.
    resumed.expect_exact("Question 11 sur")
    answer(resumed, MEMO[5:])
    resumed.expect_exact("pour revenir")
    resumed.sendline("")
    resumed.expect(pexpect.EOF)
    resumed.close()
    assert resumed.exitstatus == 0
    doc = next(out.glob("memo-achat-*.md")).read_text("utf-8")
    assert "Claire Martin" in doc and "Rendez-vous en ligne" in doc and "12\u202f000" in doc


def test_short_journey_with_resume(tmp_path: Path) -> None:
    home = tmp_path / "home"
    out = tmp_path / "journey"
    child = spawn(["--lang", "fr", "--out", str(out), "--format", "md"], home, tmp_path)
    child.expect_exact("Où en est votre projet")
    child.expect_exact("> ")
    child.sendline("2")
    child.expect_exact("De quoi avez-vous besoin")
    child.expect_exact("> ")
    child.sendline("1")
    child.expect_exact("type d'administration")
    child.expect_exact("> ")
    child.sendline("1")
    child.expect_exact("Les outils recommandés")
    child.expect_exact("achat public")
    child.expect_exact("Quels outils")
    child.expect_exact("> ")
    child.sendintr()
    child.expect_exact("survivalkit --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    resumed = spawn(["--lang", "fr", "--out", str(out), "--format", "md", "--resume"], home, tmp_path)
    resumed.expect_exact("Quels outils")
    resumed.expect_exact("> ")
    resumed.sendline("1")  # the first recommended tool: the memo
    # The situation said "the State": the journey does not ask again who buys.
    answer(resumed, PROFILE + [step for step in MEMO if step[0] != "Qui achète"])
    resumed.expect_exact("pour revenir")
    assert "— Qui achète" not in resumed.before  # never asked as a question…
    assert "Qui achète\u202f? | L'État" in resumed.before  # …but answered, and shown in the recap
    resumed.sendline("")
    resumed.expect_exact("Fichiers écrits")
    resumed.expect(pexpect.EOF)
    resumed.close()
    assert resumed.exitstatus == 0
    assert (out / "index.md").is_file() and (out / "index.html").is_file()
    assert list(out.glob("memo-achat-*.md"))


def test_ctrl_c_at_the_overwrite_question_says_how_to_resume(tmp_path: Path) -> None:
    import yaml

    from survivalkit.kit.loader import bundled_kit_dir, load_kit

    memo = load_kit([bundled_kit_dir()]).kit.tools["memo-achat-public"]
    answers = tmp_path / "answers.yaml"
    complete = {**memo.examples[0].answers, "ville": "Nîmes", "budget": "Budget du service"}
    answers.write_text(yaml.safe_dump({"answers": complete}, allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    args = ["run", "memo-achat-public", "--format", "md", "--lang", "fr", "--out", str(out), "--answers", str(answers),
            "--date", "2026-11-26"]
    first = spawn(args, tmp_path / "home", tmp_path)
    first.expect(pexpect.EOF)
    first.close()
    assert first.exitstatus == 0
    (out / "answers.yaml").unlink()  # files of no project: replacing them is asked
    again = spawn(args, tmp_path / "home", tmp_path)
    again.expect_exact("Les remplacer")
    again.sendintr()
    again.expect_exact("survivalkit run memo-achat-public --resume")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 130


def test_at_40_columns_nothing_is_cut_and_no_line_starts_with_a_lone_sign(tmp_path: Path) -> None:
    child = spawn_cli(["--lang", "fr", "--out", str(tmp_path / "o"), "--format", "md"], data=tmp_path / "home",
                      cwd=tmp_path, width=40)
    seen = []
    for reply in ("2", "1 et 3", "1"):
        child.expect_exact("> ")
        seen.append(child.before)
        child.sendline(reply)
    child.expect_exact("Quels outils")
    child.expect_exact("> ")
    seen.append(child.before)
    child.sendintr()
    child.expect(pexpect.EOF)
    screen = "".join(seen).replace("\r", "")
    lines = [line for line in screen.split("\n") if line.strip()]
    assert lines and max(len(line) for line in lines) <= 40, max(lines, key=len)
    assert not [line for line in lines if line.lstrip()[:1] in ("?", ":", ";", "!", "»")]
    # Titles are wrapped, not cut; words are never split; the recommendations are a list, not a table.
    assert "…" not in screen
    assert "l'innovateur public" in screen
    assert "Demande de temps pour innover" in " ".join(screen.split())  # whole, even when wrapped
    assert "┃" not in screen and "│" not in screen


def test_the_journey_ends_by_asking_the_formats_pdf_and_word_by_default(tmp_path: Path) -> None:
    import datetime as dt

    import yaml

    import survivalkit
    from test_api import MEMO

    profile_ids = ("nom", "fonction", "organisation", "courriel")
    journey = {"situation": {"etape": "experimentation", "besoins": ["acheter"], "structure": "etat"},
               "tools": ["memo-achat-public"], "profile": {k: MEMO[k] for k in profile_ids},
               "answers": {"memo-achat-public": {k: v for k, v in MEMO.items() if k not in profile_ids}}}
    replay = yaml.safe_load(survivalkit.run_journey(journey, day=dt.date(2026, 11, 30), formats=["md"])
                            .files["answers.yaml"])
    replay.pop("formats")
    answers = tmp_path / "journey.yaml"
    answers.write_text(yaml.safe_dump(replay, allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    child = spawn(["--lang", "fr", "--answers", str(answers), "--out", str(out)], tmp_path / "home", tmp_path)
    while True:  # Enter on the optional questions the file leaves out, then on the recap
        index = child.expect_exact(["Sous quelles formes", "> ", "pour revenir"])
        if index == 0:
            break
        child.sendline("")
    child.expect_exact("[1,2] > ")  # PDF and Word unless told otherwise
    child.sendline("")
    child.expect_exact("Ouvrez d'abord", timeout=60)
    child.expect(pexpect.EOF, timeout=30)
    written = sorted(p.suffix for p in out.glob("memo-achat-*"))
    assert written == [".docx", ".eml", ".pdf"]  # the note, its e-mail draft
    assert (out / "index.html").is_file()


def test_back_from_the_first_tools_first_question_returns_to_the_choice_of_tools(tmp_path: Path) -> None:
    child = spawn(["--lang", "fr", "--out", str(tmp_path / "o"), "--format", "md"], tmp_path / "home", tmp_path)
    for reply in ("2", "1", "1"):  # the situation: testing, buying, the State
        child.expect_exact("> ")
        child.sendline(reply)
    child.expect_exact("Quels outils")
    child.expect_exact("> ")
    child.sendline("")  # the recommended tools
    child.expect_exact("Vos prénom et nom")
    child.expect_exact("> ")
    child.sendline("<")
    child.expect_exact("Quels outils")  # back to the choice, not "this is the first question"
    child.expect_exact("> ")
    assert "première question" not in child.before
    child.sendintr()
    child.expect(pexpect.EOF)
