"""Nothing in a kit can crash a run or lock a session (issue 23, point 3).

The two crashes users met: a journey with the time request and the fab lab pass (paid option)
stopped on `earlier.montant`; « Justifier un achat innovant » alone stopped on `earlier.objet`.
The bundled kit no longer reads another tool's answers without a guard, and the engine no longer
crashes when a kit does: a regional kit with the old, unguarded expression still runs, the
question is simply asked, and the kit's file and line are named.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pexpect
import pytest
import yaml

from helpers import run_cli, spawn_cli
from survivalkit.kit.loader import bundled_kit_dir

BUNDLED = bundled_kit_dir()
JUSTIFICATION = (BUNDLED / "tools" / "justification-achat-innovant.yaml").read_text("utf-8")
FABLAB = (BUNDLED / "tools" / "pass-fab-lab.yaml").read_text("utf-8")
PROFILE = {"nom": "Mathilde Roux", "fonction": "Acheteuse", "organisation": "Département de la Drôme",
           "courriel": "mathilde.roux@ladrome.example"}


def old_kit(root: Path) -> Path:
    """A regional layer holding the two tools as they were written when they crashed."""
    tools = root / "kit" / "tools"
    tools.mkdir(parents=True)
    old_justification = JUSTIFICATION.replace("schema_version: 2", "schema_version: 1").replace(
        "  - id: objet\n    datum: achat_objet\n", '  - id: objet\n    given_by: "earlier.objet"\n').replace(
        "    datum: achat_nature\n", "").replace("    datum: achat_montant\n", "")
    assert 'given_by: "earlier.objet"' in old_justification and "datum: achat" not in old_justification
    (tools / "justification-achat-innovant.yaml").write_text(old_justification, "utf-8")
    old_fablab = FABLAB.replace("schema_version: 2", "schema_version: 1").replace(
        "    datum: atelier_montant\n", "").replace(
        "    max: 10000000\n", "    max: 10000000\n    given_by: \"earlier.montant if paiement == 'achat' else none\"\n", 1)
    assert "earlier.montant" in old_fablab and "datum: atelier_montant" not in old_fablab
    (tools / "pass-fab-lab.yaml").write_text(old_fablab, "utf-8")
    return root / "kit"


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text("utf-8").splitlines(), start=1) if text in line)


def fablab_journey(tmp_path: Path) -> Path:
    """The time request then the fab lab pass, paid, with the fab lab's amount left out."""
    from survivalkit.kit.loader import load_kit

    kit = load_kit([BUNDLED]).kit
    tools = ["decharge-temps-innovation", "pass-fab-lab"]
    data: dict[str, Any] = {"date": "2026-11-30", "situation": {
        "etape": "experimentation", "besoins": ["temps", "lieu"], "structure": "etat"},
        "tools": tools, "profile": {}, "shared": {}, "answers": {}}
    profile = {q.id for q in kit.info.profile}
    shared = {q.id for q in kit.info.shared}
    for tool_id in tools:
        for key, value in kit.tools[tool_id].examples[0].answers.items():
            part = data["profile"] if key in profile else data["shared"] if key in shared else None
            if part is not None:
                part.setdefault(key, value)
            else:
                data["answers"].setdefault(tool_id, {})[key] = value
    data["answers"]["pass-fab-lab"]["paiement"] = "achat"
    data["answers"]["pass-fab-lab"].pop("montant", None)
    path = tmp_path / "journey.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def test_time_request_and_paid_fab_lab_name_the_missing_amount_instead_of_crashing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = fablab_journey(tmp_path)
    code, _, err = run_cli(["--answers", str(answers), "--lang", "fr", "--out", str(tmp_path / "o"),
                            "--format", "md"], capsys)
    assert code == 2, err  # a missing answer, said as such: never « Erreur inattendue » (exit 3)
    assert "montant" in err and "UndefinedError" not in err and "inattendue" not in err
    # The same journey with the old regional tool: the kit's defect is named with its line.
    region = old_kit(tmp_path / "region")
    code, _, err = run_cli(["--kit", str(region), "--answers", str(answers), "--lang", "fr",
                            "--out", str(tmp_path / "o2"), "--format", "md"], capsys)
    assert code == 2, err
    line = line_of(region / "tools" / "pass-fab-lab.yaml", "given_by: \"earlier.montant")
    flat = " ".join(err.split())
    assert f"pass-fab-lab.yaml:{line}:" in flat
    assert "Défaut du kit" in flat and "la question vous est posée" in flat
    assert "UndefinedError" not in err and "inattendue" not in err
    # Given the amount, the journey writes its documents; the fab lab says its own amount.
    data = yaml.safe_load(answers.read_text("utf-8"))
    data["answers"]["pass-fab-lab"]["montant"] = "3 000"
    answers.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    out = tmp_path / "o3"
    code, _, err = run_cli(["--kit", str(region), "--answers", str(answers), "--lang", "fr",
                            "--out", str(out), "--format", "md"], capsys)
    assert code == 0, err
    note = next(out.glob("note-atelier-*.md")).read_text("utf-8")
    assert re.search("montant estimé à \\*\\*3[\u00a0\u202f ]000[\u00a0\u202f ]€ HT", note)


def test_the_bundled_kit_never_carries_another_purchases_amount_into_the_fab_lab() -> None:
    """Tools never read each other's answers: the project's data, declared once, cross them."""
    for path in (BUNDLED / "tools").glob("*.yaml"):
        assert "earlier" not in path.read_text("utf-8"), path.name
    assert "datum: atelier_montant" in FABLAB  # the fab lab's price is its own datum
    assert "datum: achat_montant" in JUSTIFICATION and "datum: achat_objet" in JUSTIFICATION


REPLIES: list[tuple[str, str]] = [
    ("Où en est votre projet", "2"), ("De quoi avez-vous besoin", "1"), ("type d'administration", "1"),
    ("Vos prénom et nom", "Mathilde Roux"), ("Votre fonction", "Acheteuse"),
    ("Votre administration", "Département de la Drôme"),
    ("adresse électronique", "mathilde.roux@ladrome.example"),
    ("Le nom de votre projet", "Collecte du verre à la demande"),
    ("Qu'achetez-vous", "des capteurs de remplissage pour 300 conteneurs à verre"),
    ("De quel type d'achat", "1"), ("montant estimé de tout le besoin", "85000"),
    ("Quelle entreprise retenez-vous", "Capteo SAS, Valence"),
    ("Quel besoin l'achat", "Savoir quand chaque conteneur est presque plein.\n"),
    ("nouveau ou nettement amélioré", "Le capteur pèse le conteneur et calcule les tournées.\n"),
    ("Sur quoi porte l'innovation", "1"), ("Quels indices montrent", "1"),
    ("Quelles pièces prouvent", "Fiches techniques des solutions comparées.\n"),
    ("Quand le sourçage", "15/06/2026"), ("Comment avez-vous consulté", "1"),
    ("Quelles entreprises avez-vous consultées", "Capteo SAS, 15 juin 2026 : répond au besoin.\n"),
    ("Pourquoi cette offre", "Seule offre qui calcule les tournées, prix conforme au marché.\n"),
    ("déjà attribué un marché", "non"), ("Qui signe le marché", "Pierre Dumas, directeur général des services"),
]


def drive(child: pexpect.spawn, *, until: str, stop_at: str | None = None, seen: list[str]) -> bool:
    """Answer each prompt from REPLIES (Enter elsewhere) until ``until`` shows; True when
    ``stop_at`` was reached first (its prompt left unanswered)."""
    for _ in range(80):
        index = child.expect_exact([until, "> "], timeout=30)
        if index == 0:
            return False
        shown = child.before or ""
        seen.append(shown)
        if stop_at is not None and stop_at in shown:
            return True
        if "Quels outils" in shown:
            number = re.search(r"(\d+)\W+Justifier un achat innovant", shown)
            assert number, shown
            child.sendline(number.group(1))
            continue
        reply = next((r for key, r in REPLIES if key in shown), "")
        child.sendline(reply)
    raise AssertionError("the journey never ended:\n" + "".join(seen[-3:]))


@pytest.mark.slow
def test_the_innovative_purchase_alone_with_the_old_kit_then_resume_in_a_real_terminal(tmp_path: Path) -> None:
    """The reported crash on `objet`, in a real terminal; Ctrl-C, then « Continuer » finishes."""
    region = old_kit(tmp_path / "region")
    home, out = tmp_path / "home", tmp_path / "out"
    args = ["--kit", str(region), "--lang", "fr", "--out", str(out), "--format", "md", "--date", "2026-11-30"]
    child = spawn_cli(args, data=home, cwd=tmp_path)
    seen: list[str] = []
    assert drive(child, until="Récapitulatif", stop_at="Sur quoi porte l'innovation", seen=seen)
    text = " ".join("".join(seen).split())
    line = line_of(region / "tools" / "justification-achat-innovant.yaml", 'given_by: "earlier.objet"')
    assert f"justification-achat-innovant.yaml:{line}:" in text  # the kit's defect, located
    assert "Qu'achetez-vous" in text  # …and the question simply asked
    child.sendintr()
    child.expect_exact("survivalkit --resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    again = spawn_cli(args, data=home, cwd=tmp_path)
    again.expect_exact("Vous aviez commencé le")
    again.expect_exact("> ")
    again.sendline("")  # « Reprendre là où je m'étais arrêté », the default
    seen = []
    assert not drive(again, until="pour revenir", seen=seen)
    assert "Qu'achetez-vous" not in "".join(seen), "what was typed before Ctrl-C is not asked again"
    again.sendline("")  # confirm the recap
    drive(again, until="Fichiers écrits", seen=seen)
    again.expect(pexpect.EOF, timeout=60)
    again.close()
    assert again.exitstatus == 0, "".join(seen[-3:])
    note = next(out.glob("justification-achat-innovant-*.md")).read_text("utf-8")
    assert "capteurs de remplissage" in note
    assert not list((home / "sessions").glob("*/*.json")), "the finished journey leaves no session"


@pytest.mark.slow
def test_at_a_terminal_a_bad_value_in_an_answers_file_is_asked_again(tmp_path: Path) -> None:
    from test_api import MEMO

    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({**MEMO, "montant": "beaucoup"}, allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    child = spawn_cli(["run", "memo-achat-public", "--answers", str(answers), "--lang", "fr", "--out", str(out),
                       "--format", "md", "--date", "2026-11-26"], data=tmp_path / "home", cwd=tmp_path)
    while child.expect_exact(["Montant estimé", "> "]) == 1:
        child.sendline("")  # optional questions the file leaves out
    child.expect_exact("montant")  # the reason: the file, the key, what is wrong
    child.expect_exact("> ")
    assert "answers.yaml" in (child.before or "")
    child.sendline("45000")
    while child.expect_exact(["pour revenir", "> "]) == 1:
        child.sendline("")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "montant: 45000" in (out / "answers.yaml").read_text("utf-8")


def test_an_update_that_writes_nothing_says_so_without_a_files_written_heading(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:

    folder = tmp_path / "projet"
    folder.mkdir()
    (folder / "answers.yaml").write_text(
        "journey: 1\nproject: 1\ntools: [outil-disparu]\nanswers: {outil-disparu: {a: 1}}\n", encoding="utf-8")
    code, out, err = run_cli(["update", str(folder), "--date", "2026-12-07", "--lang", "fr"], capsys)
    assert code == 0, out + err
    assert "outil-disparu" in err
    assert "Aucun fichier n'a été écrit." in out
    assert "Fichiers écrits" not in out
