"""A project is the unit of work: one folder and one record across tools and weeks (issue 23, point 1)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import run_cli
from survivalkit.kit.loader import bundled_kit_dir, load_kit
from survivalkit.kit.model import Kit

KIT = load_kit([bundled_kit_dir()]).kit
PROFILE = {"nom": "Claire Martin", "fonction": "Chargée de mission innovation", "organisation": "DDT du Gard",
           "courriel": "claire.martin@gard.gouv.fr"}
MEMO = {**PROFILE, "projet_nom": "Rendez-vous en ligne",
        "projet_description": "Les usagers attendent des semaines pour un rendez-vous.",
        "objet": "six ateliers de conception avec des usagers", "nature": "services", "montant": 12500,
        "acheteur": "etat", "innovant": "non", "connaissance_marche": "non", "echeance": "2027-01-15"}


def fablab() -> dict[str, Any]:
    answers = dict(KIT.tools["pass-fab-lab"].examples[0].answers)
    answers.update(PROFILE, projet_nom="Rendez-vous en ligne", paiement="achat", montant=3000,
                   projet_description=MEMO["projet_description"])
    for other in ("service", "ville"):  # the same agent, the same project: the same profile
        answers.pop(other, None)
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in answers.items()}


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code, _, err = run_cli([*args, "--lang", "fr", "--format", "md"], capsys)
    assert code == 0, err
    return err


def amount(text: str) -> str:
    found = re.search(r"(\d+)[\u202f\u00a0 ](\d{3})[\u00a0 ]€", text)
    assert found, text
    return found[1] + found[2]


def test_two_tools_on_two_days_share_one_folder_and_one_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    run(capsys, "run", "memo-achat-public", "--answers", str(write(tmp_path / "memo.yaml", MEMO)),
        "--date", "2026-12-07")
    folder = tmp_path / "rendez-vous-en-ligne"  # named after the project
    memo = next(folder.glob("memo-achat-*.md"))
    first = memo.read_bytes()
    # Wednesday: the fab lab pass, with no --out: the same project, the same folder.
    run(capsys, "run", "pass-fab-lab", "--answers", str(write(tmp_path / "fablab.yaml", fablab())),
        "--date", "2026-12-09")
    assert memo.read_bytes() == first, "nothing of another tool is replaced"
    index = (folder / "index.md").read_text("utf-8")
    docs = sorted(p.name for p in folder.glob("*.md") if p.name != "index.md")
    assert len(docs) == 3
    for name in docs:
        assert f"]({name})" in index  # a link to each file, named by its title
    assert "achat public" in index and "atelier collaboratif" in index
    record = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    assert record["tools"] == ["memo-achat-public", "pass-fab-lab"]
    assert record["dates"] == {"memo-achat-public": "2026-12-07", "pass-fab-lab": "2026-12-09"}
    assert record["answers"]["memo-achat-public"]["montant"] == 12500
    assert record["answers"]["pass-fab-lab"]["montant"] == 3000
    assert record["profile"]["nom"] == "Claire Martin" and record["shared"]["projet_nom"] == "Rendez-vous en ligne"
    assert set(record["kit"]["tools"]) == {"memo-achat-public", "pass-fab-lab"}
    assert all(h.startswith("sha256:") for h in record["kit"]["tools"].values())
    # One tool of the record replays alone, with its own date; the record replays the whole project.
    again = tmp_path / "memo-again"
    run(capsys, "run", "memo-achat-public", "--answers", str(folder / "answers.yaml"), "--out", str(again))
    assert (again / memo.name).read_bytes() == first
    whole = tmp_path / "whole"
    run(capsys, "--answers", str(folder / "answers.yaml"), "--out", str(whole))
    assert sorted(p.name for p in whole.glob("*.md") if p.name != "index.md") == docs


def test_running_a_tool_again_keeps_its_previous_documents_dated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "dossier"
    run(capsys, "run", "memo-achat-public", "--answers", str(write(tmp_path / "m1.yaml", MEMO)),
        "--date", "2026-12-07", "--out", str(folder))
    run(capsys, "run", "pass-fab-lab", "--answers", str(write(tmp_path / "f.yaml", fablab())),
        "--date", "2026-12-09", "--out", str(folder))
    note = next(folder.glob("note-atelier-*.md")).read_bytes()
    run(capsys, "run", "memo-achat-public", "--answers", str(write(tmp_path / "m2.yaml", {**MEMO, "montant": 18000})),
        "--date", "2026-12-14", "--out", str(folder))
    memo = next(p for p in folder.glob("memo-achat-*.md") if ".version-" not in p.name)
    kept = folder / memo.name.replace(".md", ".version-2026-12-07.md")
    assert amount(memo.read_text("utf-8")) == "18000"
    assert amount(kept.read_text("utf-8")) == "12500"
    assert next(folder.glob("note-atelier-*.md")).read_bytes() == note
    index = (folder / "index.md").read_text("utf-8")
    assert "Versions précédentes" in index and f"]({kept.name})" in index
    assert "version du 7 décembre 2026" in index
    record = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    assert record["dates"]["memo-achat-public"] == "2026-12-14"
    assert record["previous"]["memo-achat-public"][0]["files"] == [kept.name, kept.name.replace(".md", ".eml")]


def test_a_journey_folder_written_by_todays_version_takes_another_tool(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journey = {"date": "2026-12-07", "situation": {"etape": "experimentation", "besoins": ["acheter"],
                                                   "structure": "etat"},
               "tools": ["memo-achat-public"], "profile": PROFILE,
               "answers": {"memo-achat-public": {k: v for k, v in MEMO.items() if k not in PROFILE}}}
    folder = tmp_path / "dossier"
    run(capsys, "--answers", str(write(tmp_path / "j.yaml", journey)), "--out", str(folder))
    before = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    assert "documents" not in before  # today's journey record, as it always was
    run(capsys, "run", "pass-fab-lab", "--answers", str(write(tmp_path / "f.yaml", fablab())),
        "--date", "2026-12-09", "--out", str(folder))
    record = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    assert record["situation"]["structure"] == "etat"
    assert record["tools"] == ["memo-achat-public", "pass-fab-lab"]
    index = (folder / "index.md").read_text("utf-8")
    assert len(re.findall(r"^- \*\*", index, re.M)) == 3
    assert (folder / "index.html").is_file()
    html = (folder / "index.html").read_text("utf-8")
    assert "demande-atelier-" in html and "memo-achat-" in html


def test_a_file_that_is_not_the_projects_is_never_replaced_silently(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "dossier"
    run(capsys, "run", "memo-achat-public", "--answers", str(write(tmp_path / "m.yaml", MEMO)),
        "--date", "2026-12-07", "--out", str(folder))
    mine = folder / "note-atelier-rendez-vous-en-ligne.md"
    mine.write_text("Ma propre note.", "utf-8")
    code, _, err = run_cli(["run", "pass-fab-lab", "--answers", str(write(tmp_path / "f.yaml", fablab())),
                            "--out", str(folder), "--lang", "fr", "--format", "md"], capsys)
    assert code != 0 and "n'appartiennent pas au projet" in err and mine.name in err
    assert mine.read_text("utf-8") == "Ma propre note."


def test_the_projects_data_in_its_folder_answer_another_tool_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What is bought and for how much, given in the memo, answers the innovative-purchase note."""
    folder = tmp_path / "dossier"
    run(capsys, "run", "memo-achat-public", "--answers", str(write(tmp_path / "m.yaml", MEMO)),
        "--date", "2026-12-07", "--out", str(folder))
    example = dict(KIT.tools["justification-achat-innovant"].examples[0].answers)
    for datum_question in ("objet", "nature", "montant"):
        example.pop(datum_question)
    example.update(PROFILE, projet_nom="Rendez-vous en ligne")
    example = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in example.items()}
    run(capsys, "run", "justification-achat-innovant", "--answers", str(write(tmp_path / "j.yaml", example)),
        "--date", "2026-12-09", "--out", str(folder))
    record = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    justification = record["answers"]["justification-achat-innovant"]
    assert justification["montant"] == 12500 and justification["nature"] == "services"
    assert justification["objet"] == MEMO["objet"]
    note = next(folder.glob("justification-achat-innovant-*.md")).read_text("utf-8")
    assert "six ateliers de conception" in note and amount(note) == "12500"
    # The fab lab's price is its own datum: never the memo's purchase.
    code, _, err = run_cli(["run", "pass-fab-lab", "--answers",
                            str(write(tmp_path / "f.yaml", {k: v for k, v in fablab().items() if k != "montant"})),
                            "--out", str(folder), "--lang", "fr", "--format", "md"], capsys)
    assert code == 2 and "montant" in err


def test_update_brings_a_march_memo_to_december_keeping_the_old_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 50 000 € supply memo of 15 March 2026 (adapted procedure under the 40 000 € threshold),
    written by today's version, updated on 7 December 2026 (threshold 60 000 €): no advertising."""
    folder = tmp_path / "dossier"
    memo = {**MEMO, "objet": "des capteurs de remplissage", "nature": "fournitures", "montant": 50000}
    run(capsys, "run", "memo-achat-public", "--answers", str(write(tmp_path / "m.yaml", memo)),
        "--date", "2026-03-15", "--out", str(folder))
    name = next(folder.glob("memo-achat-*.md")).name
    march = (folder / name).read_text("utf-8")
    assert "sans publicité ni mise en concurrence préalables" not in march
    code, out, err = run_cli(["update", str(folder), "--date", "2026-12-07", "--lang", "fr"], capsys)
    assert code == 0, err
    december = (folder / name).read_text("utf-8")
    assert "sans publicité ni mise en concurrence préalables" in december
    assert "7 décembre 2026" in december
    kept = folder / name.replace(".md", ".version-2026-03-15.md")
    assert kept.read_text("utf-8") == march, "the March memo is kept as the previous version"
    said = " ".join(out.split())
    assert "40 000 € HT avant, 60 000 € HT désormais" in said.replace("\u202f", " ").replace("\u00a0", " ")
    assert f"{name} : réécrit pour la nouvelle date" in said.replace("\u202f", " ").replace("\u00a0", " ")
    record = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    assert record["dates"]["memo-achat-public"] == "2026-12-07"
    assert f"]({kept.name})" in (folder / "index.md").read_text("utf-8")
    # The end screen: the previous version kept beside is written, but it is not a draft to send
    # nor the file to open first.
    drafts = next(line for line in out.splitlines() if "Brouillons de courriel" in line)
    eml = name.replace(".md", ".eml")
    assert eml in said and eml.replace(".eml", ".version-2026-03-15.eml") in said
    assert ".version-" not in said.split("Brouillons de courriel")[1], drafts
    assert f"Ouvrez d'abord : {folder / name}" in said


def test_update_says_when_a_folder_holds_no_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["update", str(tmp_path), "--lang", "fr"], capsys)
    assert code == 2 and "ne contient pas de projet" in err


def own_answers(tool_id: str, folder: Path, **changes: Any) -> dict[str, Any]:
    """A tool's first example without what the project in ``folder`` already holds (the agent,
    the project's name and description, its users…): only what is new to the project."""
    from survivalkit.engine.project import read_record

    record = read_record(yaml.safe_load((folder / "answers.yaml").read_text("utf-8")), KIT)
    held = set(record.profile) | set(record.shared)
    answers = {k: v for k, v in KIT.tools[tool_id].examples[0].answers.items() if k not in held}
    answers.update(changes)
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in answers.items()}


def test_a_project_lives_in_one_folder_for_weeks_then_is_brought_up_to_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's story: a memo on Monday, a fab lab pass on Wednesday, a time request the week
    after, the threshold raised on 1 April, then `survivalkit update`: one folder, one index,
    every datum given once, no crash, every document right for its date."""
    folder = tmp_path / "rendez-vous-en-ligne"
    memo = {**MEMO, "objet": "des capteurs de remplissage", "nature": "fournitures", "montant": 50000,
            "budget": "Fonds d'innovation"}
    run(capsys, "run", "memo-achat-public", "--answers", str(write(tmp_path / "lundi.yaml", memo)),
        "--date", "2026-03-09", "--out", str(folder))
    # Wednesday and the week after: only each tool's own answers; the project gives the rest.
    run(capsys, "run", "pass-fab-lab", "--answers",
        str(write(tmp_path / "mercredi.yaml", own_answers("pass-fab-lab", folder, paiement="achat", montant=3000))),
        "--date", "2026-03-11", "--out", str(folder))
    run(capsys, "run", "decharge-temps-innovation", "--answers",
        str(write(tmp_path / "semaine.yaml", own_answers("decharge-temps-innovation", folder))),
        "--date", "2026-03-16", "--out", str(folder))
    record = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    assert record["tools"] == ["memo-achat-public", "pass-fab-lab", "decharge-temps-innovation"]
    for tool_id in record["tools"]:  # the agent and the project are held once, for all tools
        assert not set(record["answers"][tool_id]) & {"nom", "projet_nom", "courriel", "usagers"}
    lundi = yaml.safe_load((tmp_path / "semaine.yaml").read_text("utf-8"))
    assert "nom" not in lundi and "projet_nom" not in lundi and "usagers" not in lundi
    assert record["profile"]["nom"] == "Claire Martin"
    for name in folder.glob("*.md"):
        assert "Claire Martin" in name.read_text("utf-8") or name.name == "index.md"
    before = sorted(p.name for p in folder.glob("*.md"))
    # December: the threshold moved on 1 April, and the memo tool changed too (a regional kit
    # folder holds its new version): `echeance` is now `date_besoin`, and `budget` is no longer asked.
    layer = renaming_layer(tmp_path, drop_budget=True)
    code, out, err = run_cli(["update", str(folder), "--kit", str(layer), "--date", "2026-12-07", "--lang", "fr"],
                             capsys)
    assert code == 0, err
    assert "avant" in out and "désormais" in out  # what changed, in plain words
    said = " ".join(out.replace("\u202f", " ").replace("\xa0", " ").split())
    assert "La question « echeance » s'appelle désormais « date_besoin » : votre réponse y est reprise." in said
    assert "Réponse mise de côté (la question « budget » n'existe plus dans l'outil) : Fonds d'innovation" in said
    index = (folder / "index.md").read_text("utf-8")
    current = [n for n in before if n != "index.md"]
    for name in current:
        assert f"]({name})" in index  # each file linked, named by its title
    versions = sorted(p.name for p in folder.glob("*.version-*.md"))
    assert len(versions) == len(current), "every document of March is kept as the previous version"
    for name in versions:
        assert f"]({name})" in index  # each file linked, named by its title
    memo_file = next(n for n in current if n.startswith("memo-achat-"))
    assert "sans publicité ni mise en concurrence préalables" in (folder / memo_file).read_text("utf-8")
    fablab_note = next(n for n in current if n.startswith("note-atelier-"))
    assert amount((folder / fablab_note).read_text("utf-8")) == "3000"  # its own price, never the memo's
    record = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    assert set(record["dates"].values()) == {"2026-12-07"}
    assert record["answers"]["memo-achat-public"]["date_besoin"] == "2027-01-15"
    assert "echeance" not in record["answers"]["memo-achat-public"]
    assert record["obsolete"] == {"memo-achat-public": {"budget": "Fonds d'innovation"}}, "kept, never deleted"
    assert "Erreur inattendue" not in err


def test_replaying_a_project_dates_each_tool_as_recorded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`survivalkit --answers DOSSIER/answers.yaml` renders each tool at its own recorded date;
    `--date` given now dates them all."""
    folder = tmp_path / "dossier"
    run(capsys, "run", "memo-achat-public", "--answers", str(write(tmp_path / "m.yaml", MEMO)),
        "--date", "2026-03-09", "--out", str(folder))
    run(capsys, "run", "pass-fab-lab", "--answers", str(write(tmp_path / "f.yaml", fablab())),
        "--date", "2026-12-09", "--out", str(folder))
    whole = tmp_path / "whole"
    run(capsys, "--answers", str(folder / "answers.yaml"), "--out", str(whole))
    for name in ("memo-achat-", "note-atelier-"):
        assert next(whole.glob(f"{name}*.md")).read_bytes() == next(folder.glob(f"{name}*.md")).read_bytes()
    memo = next(whole.glob("memo-achat-*.md")).read_text("utf-8")
    assert "9 mars 2026" in memo and "9 décembre 2026" not in memo
    assert "9 décembre 2026" in next(whole.glob("note-atelier-*.md")).read_text("utf-8")
    record = yaml.safe_load((whole / "answers.yaml").read_text("utf-8"))
    assert record["dates"] == {"memo-achat-public": "2026-03-09", "pass-fab-lab": "2026-12-09"}
    today = tmp_path / "today"
    run(capsys, "--answers", str(folder / "answers.yaml"), "--out", str(today), "--date", "2026-12-10")
    assert "10 décembre 2026" in next(today.glob("memo-achat-*.md")).read_text("utf-8")


def memo_layer(tmp_path: Path, newer: Callable[[str], str]) -> Path:
    """A regional kit folder holding a newer memo tool: the bundled one's text changed by ``newer``."""
    text = (bundled_kit_dir() / "tools" / "memo-achat-public.yaml").read_text("utf-8")
    changed = newer(text)
    assert changed != text
    layer = tmp_path / "kit-nouveau"
    (layer / "tools").mkdir(parents=True)
    (layer / "tools" / "memo-achat-public.yaml").write_text(changed, "utf-8")
    return layer


def renaming_layer(tmp_path: Path, *, drop_budget: bool = False) -> Path:
    """A newer memo tool, in a regional kit folder: its question `echeance` is now `date_besoin`
    (and, with ``drop_budget``, it no longer asks `budget`)."""
    return memo_layer(tmp_path, lambda text: _renamed(text, drop_budget=drop_budget))


def _renamed(text: str, *, drop_budget: bool) -> str:
    renamed = re.sub(r"\becheance\b", "date_besoin", text)
    renamed = renamed.replace("\nquestions:\n", "\nrenamed: {echeance: date_besoin}\nquestions:\n", 1)
    if drop_budget:
        renamed = re.sub(r"\n  - id: budget\n(?:    .*\n|      .*\n)*", "\n", renamed, count=1)
        renamed = renamed.replace("{% if budget %}", "{% if false %}").replace("{{ budget | milieu }}", "")
        assert "id: budget" not in renamed
    return renamed


def test_update_maps_a_renamed_question_and_keeps_an_obsolete_answer_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "dossier"
    run(capsys, "run", "memo-achat-public", "--answers", str(write(tmp_path / "m.yaml", MEMO)),
        "--date", "2026-03-15", "--out", str(folder))
    record_path = folder / "answers.yaml"
    record = yaml.safe_load(record_path.read_text("utf-8"))
    assert record["tool"] == "memo-achat-public"  # one tool's answers file, as today's version writes it
    record["answers"]["delai_souhaite"] = "trois mois"  # a question of an older version of the tool
    record_path.write_text(yaml.safe_dump(record, allow_unicode=True), "utf-8")
    layer = renaming_layer(tmp_path)
    code, out, err = run_cli(["update", str(folder), "--kit", str(layer), "--date", "2026-12-07", "--lang", "fr"],
                             capsys)
    assert code == 0, err
    said = " ".join(out.replace("\u202f", " ").replace("\xa0", " ").split())
    assert "La question « echeance » s'appelle désormais « date_besoin » : votre réponse y est reprise." in said
    assert "Réponse mise de côté (la question « delai_souhaite » n'existe plus dans l'outil) : trois mois" in said
    record = yaml.safe_load(record_path.read_text("utf-8"))
    answers = record["answers"]["memo-achat-public"]
    assert answers["date_besoin"] == "2027-01-15" and "echeance" not in answers and "delai_souhaite" not in answers
    assert record["obsolete"] == {"memo-achat-public": {"delai_souhaite": "trois mois"}}
    memo = next(p for p in folder.glob("memo-achat-*.md") if ".version-" not in p.name).read_text("utf-8")
    assert "15 janvier 2027" in memo  # the renamed answer still reaches the document
    # A later update never deletes what was set aside, and a second one to the same date redoes nothing.
    code, out, err = run_cli(["update", str(folder), "--kit", str(layer), "--date", "2026-12-07", "--lang", "fr"],
                             capsys)
    assert code == 0, err and "Déjà à jour au 7 décembre 2026" in " ".join(out.split())
    assert yaml.safe_load(record_path.read_text("utf-8"))["obsolete"] == record["obsolete"]
    code, out, err = run_cli(["update", str(folder), "--kit", str(layer), "--date", "2026-12-08", "--lang", "fr"],
                             capsys)
    assert code == 0, err
    assert yaml.safe_load(record_path.read_text("utf-8"))["obsolete"] == record["obsolete"]


@pytest.mark.slow
def test_an_interactive_update_stopped_half_way_resumes_where_it_stopped(tmp_path: Path) -> None:
    """The kit now asks two new questions: the first answered, Ctrl-C, then `update` again asks only
    the second, and brings the project up to date."""
    import pexpect

    from helpers import spawn_cli

    data, folder = tmp_path / "data", tmp_path / "dossier"
    folder.mkdir()
    (folder / "answers.yaml").write_text(yaml.safe_dump(
        {"tool": "memo-achat-public", "date": "2026-03-15", "answers": MEMO}, allow_unicode=True), "utf-8")
    new = ("\nquestions:\n  - id: service_demandeur\n    label: {fr: Quel service demande l'achat ?, en: Which unit?}\n"
           "  - id: reference_interne\n    label: {fr: Quelle référence interne ?, en: Which reference?}\n")
    layer = memo_layer(tmp_path, lambda text: text.replace("\nquestions:\n", new, 1))
    args = ["update", str(folder), "--kit", str(layer), "--date", "2026-12-07", "--lang", "fr"]
    child = spawn_cli(args, data=data, cwd=tmp_path)
    child.expect_exact("Quel service demande l'achat")
    child.expect_exact("> ")
    child.sendline("Service des moyens")
    child.expect_exact("Quelle référence interne")
    child.sendintr()
    child.expect_exact("pour reprendre")
    child.expect_exact("update")
    child.expect(pexpect.EOF)
    again = spawn_cli(args, data=data, cwd=tmp_path)
    again.expect_exact("Quelle référence interne")
    assert "Quel service demande" not in again.before
    again.expect_exact("> ")
    again.sendline("DA-2026-118")
    again.expect_exact("Récapitulatif")
    again.expect_exact(":")
    again.sendline("")
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0, again.before
    record = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    answers = record["answers"]["memo-achat-public"]
    assert answers["service_demandeur"] == "Service des moyens" and answers["reference_interne"] == "DA-2026-118"
    assert record["dates"]["memo-achat-public"] == "2026-12-07"
    assert not list((data / "sessions").glob("*/*.json")), "the finished update leaves no session"


def justified_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A memo for 12 500 € on 7 December, and its innovative-purchase note on 9 December, which
    reuses what is bought and for how much."""
    folder = tmp_path / "dossier"
    run(capsys, "run", "memo-achat-public", "--answers", str(write(tmp_path / "m.yaml", MEMO)),
        "--date", "2026-12-07", "--out", str(folder))
    example = dict(KIT.tools["justification-achat-innovant"].examples[0].answers)
    for datum_question in ("objet", "nature", "montant"):
        example.pop(datum_question)
    example.update(PROFILE, projet_nom="Rendez-vous en ligne")
    example = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in example.items()}
    run(capsys, "run", "justification-achat-innovant", "--answers", str(write(tmp_path / "j.yaml", example)),
        "--date", "2026-12-09", "--out", str(folder))
    return folder


def note_of(folder: Path) -> Path:
    return next(p for p in folder.glob("justification-achat-innovant-*.md") if ".version-" not in p.name)


def test_a_changed_amount_reaches_the_other_documents_only_when_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Point 2: the memo's amount changes; the note that reuses it is never changed silently."""
    folder = justified_project(tmp_path, capsys)
    note = note_of(folder).read_bytes()
    changed = write(tmp_path / "m2.yaml", {**MEMO, "montant": 18000})
    err = run(capsys, "run", "memo-achat-public", "--answers", str(changed), "--date", "2026-12-14", "--out", str(folder))
    said = " ".join(err.replace("\u202f", " ").replace("\xa0", " ").split())
    assert "vaut maintenant 18 000 € dans « Mémo “achat public” » (avant : 12 500 €)" in said
    assert "« Justifier un achat innovant » (du 9 décembre 2026) utilisent encore l'ancienne valeur" in said
    assert "--propagate" in said and "propagate: true" in said
    assert note_of(folder).read_bytes() == note, "not without the agent's consent"
    # Accepted in the answers file: the note is written again with 18 000 €, its version kept.
    accepted = write(tmp_path / "m3.yaml", {"tool": "memo-achat-public", "propagate": True,
                                             "answers": {**MEMO, "montant": 18000}})
    err = run(capsys, "run", "memo-achat-public", "--answers", str(accepted), "--date", "2026-12-14", "--out", str(folder))
    assert "mis à jour avec la nouvelle valeur" in err
    assert amount(note_of(folder).read_text("utf-8")) == "18000"
    kept = folder / note_of(folder).name.replace(".md", ".version-2026-12-09.md")
    assert kept.read_bytes() == note
    record = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    assert record["answers"]["justification-achat-innovant"]["montant"] == 18000
    assert f"]({kept.name})" in (folder / "index.md").read_text("utf-8")


@pytest.mark.parametrize("reply", ["non", "oui"])
def test_at_a_terminal_the_agent_is_asked_before_the_change_reaches_other_documents(
    reply: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from test_projects_in_progress import Agent

    from survivalkit.engine.frontend import as_frontend
    from survivalkit.engine.replay import tool_answers_from
    from survivalkit.engine.work import Around, ToolWork, run_tool

    folder = justified_project(tmp_path, capsys)
    note = note_of(folder).read_bytes()
    agent = Agent({"reporter": reply})
    file = tool_answers_from({"answers": {**MEMO, "montant": 18000}}, "m.yaml", "fr")
    done = run_tool(ToolWork(KIT, KIT.tools["memo-achat-public"], "fr", file=file, day=dt.date(2026, 12, 14),
                             formats=["md"], out=folder, write=True), Around(frontend=as_frontend(agent)))
    [step] = [s for s in agent.steps if s.question.id == "reporter"]
    label = " ".join(str(step.question.label.fr).replace("\u202f", " ").replace("\xa0", " ").split())
    assert "vaut maintenant 18 000 €" in label and label.endswith("Les mettre à jour aussi ? (leur version actuelle est gardée)")
    if reply == "non":
        assert note_of(folder).read_bytes() == note
        assert done.pending and "ne sont pas modifiés sans votre accord" in done.pending[0]
    else:
        assert amount(note_of(folder).read_text("utf-8")) == "18000" and not done.pending
        assert note_of(folder) in done.written, "said with the files this run wrote"


def test_an_update_resumed_keeps_the_answer_fixed_before_it_stopped(tmp_path: Path, isolated_home: Path) -> None:
    """The recorded subject no longer fits the newer tool (60 characters at most): the agent
    shortens it, stops at the next question; the update resumed keeps the shortened subject."""
    from test_projects_in_progress import Agent

    from survivalkit.engine.frontend import as_frontend
    from survivalkit.engine.store import Store
    from survivalkit.engine.update import update_project
    from survivalkit.engine.work import Around
    from survivalkit.kit.loader import bundled_kit_dir

    folder = tmp_path / "dossier"
    folder.mkdir()
    long_subject = "six ateliers de conception avec des usagers, leur préparation et leur compte rendu"
    (folder / "answers.yaml").write_text(yaml.safe_dump(
        {"tool": "memo-achat-public", "date": "2026-03-15", "answers": {**MEMO, "objet": long_subject}},
        allow_unicode=True), "utf-8")
    layer = memo_layer(tmp_path, lambda text: text.replace(
        "    max_length: 200\n  - id: nature", "    max_length: 60\n  - id: reference_interne\n"
        "    label: {fr: Quelle référence ?, en: Which?}\n  - id: nature", 1))
    kit = load_kit([bundled_kit_dir(), layer]).kit

    class StopAtReference(Agent):
        def ask(self, step: Any) -> str:
            if step.question.id == "reference_interne":
                raise KeyboardInterrupt
            return super().ask(step)

    first = StopAtReference({"objet": "six ateliers avec des usagers"})
    store = Store()
    with pytest.raises(Exception, match="update"):
        update_project(folder, kit, lang="fr", day=dt.date(2026, 12, 7), header="",
                       around=Around(frontend=as_frontend(first), store=store, resume_command="survivalkit update"))
    assert "objet" in first.asked
    again = Agent({"reference_interne": "DA-118"})
    update_project(folder, kit, lang="fr", day=dt.date(2026, 12, 7), header="",
                   around=Around(frontend=as_frontend(again), store=store))
    assert "objet" not in again.asked and again.asked[0] == "reference_interne"
    record = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    assert record["answers"]["memo-achat-public"]["objet"] == "six ateliers avec des usagers"


def _memo_with_a_new_optional_question(tmp_path: Path) -> Kit:
    """The bundled kit with a newer memo: an optional ``reference_interne`` added before ``budget``."""
    layer = memo_layer(tmp_path, lambda text: text.replace(
        "  - id: budget\n", "  - id: reference_interne\n    label: {fr: Quelle référence ?, en: Which?}\n"
        "    required: false\n  - id: budget\n", 1))
    return load_kit([bundled_kit_dir(), layer]).kit


def test_update_asks_an_optional_question_new_since_the_record_never_one_the_agent_skipped(
        tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The record lists the questions each tool's answers were given to: an optional question
    added to the tool since then is asked by ``update``; the optional ``budget`` the agent left
    empty is not asked again."""
    from test_projects_in_progress import Agent, memo_project

    from survivalkit.engine.frontend import as_frontend
    from survivalkit.engine.store import Store
    from survivalkit.engine.update import update_project
    from survivalkit.engine.work import Around

    folder = memo_project(tmp_path, capsys)  # `budget` (optional) skipped
    update_project(folder, KIT, lang="fr", day=dt.date(2026, 12, 8), header="", around=Around(store=Store()))
    record = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    known = record["kit"]["questions"]["memo-achat-public"]
    assert "budget" in known and "objet" in known and "nom" in known

    kit = _memo_with_a_new_optional_question(tmp_path)
    agent = Agent({"reference_interne": "DA-118"})
    update_project(folder, kit, lang="fr", day=dt.date(2026, 12, 9), header="",
                   around=Around(frontend=as_frontend(agent), store=Store()))
    assert agent.asked == ["reference_interne"]
    record = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    assert record["answers"]["memo-achat-public"]["reference_interne"] == "DA-118"
    assert "reference_interne" in record["kit"]["questions"]["memo-achat-public"]


def test_the_first_update_of_a_one_tool_folder_tells_a_new_optional_question_from_a_skipped_one(
        tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The answers file ``run`` writes for one tool records the kit (version, the tool file's hash,
    the questions asked): the very first ``update`` of that folder asks only the question new since
    then, never the optional ``budget`` the agent left empty; the file still replays."""
    from test_projects_in_progress import Agent, memo_project

    from survivalkit.engine.frontend import as_frontend
    from survivalkit.engine.replay import tool_hash
    from survivalkit.engine.store import Store
    from survivalkit.engine.update import update_project
    from survivalkit.engine.work import Around

    folder = memo_project(tmp_path, capsys)  # one tool, written by `run`: `budget` skipped
    record = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    assert record["tool"] == "memo-achat-public" and "budget" not in record["answers"]
    assert record["kit"]["version"] == KIT.info.version
    assert record["kit"]["tools"] == {"memo-achat-public": tool_hash(KIT.tools["memo-achat-public"])}
    assert {"budget", "objet", "nom"} <= set(record["kit"]["questions"]["memo-achat-public"])
    code, _, err = run_cli(["run", "memo-achat-public", "--answers", str(folder / "answers.yaml"),
                            "--out", str(tmp_path / "replay"), "--format", "md", "--lang", "fr"], capsys)
    assert code == 0, err

    agent = Agent({"reference_interne": "DA-118"})
    update_project(folder, _memo_with_a_new_optional_question(tmp_path), lang="fr", day=dt.date(2026, 12, 9),
                   header="", around=Around(frontend=as_frontend(agent), store=Store()))
    assert agent.asked == ["reference_interne"]
    record = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    assert record["answers"]["memo-achat-public"]["reference_interne"] == "DA-118"
    assert "budget" not in record["answers"]["memo-achat-public"]


def test_a_tool_not_run_again_keeps_the_hash_and_questions_it_was_answered_with(
        tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A second tool written into the folder records its own stamp; the first tool's stays what
    it was when its answers were given, even when its file has changed since."""
    from test_projects_in_progress import memo_project

    from survivalkit.engine.replay import kit_stamp

    folder = memo_project(tmp_path, capsys)
    before = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))["kit"]
    newer = _memo_with_a_new_optional_question(tmp_path)
    stamp = kit_stamp(newer, ["pass-fab-lab"], earlier=before)
    assert stamp["tools"]["memo-achat-public"] == before["tools"]["memo-achat-public"]
    assert stamp["questions"]["memo-achat-public"] == before["questions"]["memo-achat-public"]
    assert "reference_interne" not in stamp["questions"]["memo-achat-public"]
    assert "pass-fab-lab" in stamp["tools"] and stamp["questions"]["pass-fab-lab"]


def test_update_of_a_one_tool_folder_keeps_the_optional_profile_answers_and_says_nothing_was_reused(
        tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An update of a folder written by ``run`` (one tool) keeps the agent's optional answers of
    the profile (their service, their town) in the documents, and its recap does not present the
    tool's own answers as « repris de » itself."""
    from test_projects_in_progress import Agent

    from survivalkit.engine.frontend import as_frontend
    from survivalkit.engine.store import Store
    from survivalkit.engine.update import update_project
    from survivalkit.engine.work import Around

    folder = tmp_path / "rendez-vous"
    answers = {**MEMO, "service": "Mission modernisation", "ville": "Nîmes"}
    code, _, err = run_cli(["run", "memo-achat-public", "--answers", str(write(tmp_path / "m.yaml", answers)),
                            "--date", "2026-03-09", "--out", str(folder), "--lang", "fr", "--format", "md"], capsys)
    assert code == 0, err
    rows: list[Any] = []

    class Reviewer(Agent):
        def recap(self, shown: Any, error: str | None) -> str:
            rows.extend(shown)
            return ""

    agent = Reviewer({"reference_interne": "DA-118"})
    update_project(folder, _memo_with_a_new_optional_question(tmp_path), lang="fr", day=dt.date(2026, 12, 7),
                   header="", around=Around(frontend=as_frontend(agent), store=Store()))
    assert agent.asked == ["reference_interne"]
    record = yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    assert record["profile"]["service"] == "Mission modernisation" and record["profile"]["ville"] == "Nîmes"
    [memo] = [p for p in folder.glob("memo-*.md") if ".version-" not in p.name]
    text = memo.read_text("utf-8")
    assert "Mission modernisation" in text and "Nîmes" in text and "7 décembre 2026" in text
    assert rows and not [row for row in rows if "repris de" in str(row)]


def test_running_a_tool_again_with_the_same_answers_the_same_day_keeps_no_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A copy identical to the new document is not a previous version: the folder and its index
    do not fill up with the same memo each time the agent runs the tool again (issue 30)."""
    folder = tmp_path / "dossier"
    answers = str(write(tmp_path / "m.yaml", MEMO))
    for _ in range(3):  # no --force needed: the folder is the tool's own project
        run(capsys, "run", "memo-achat-public", "--answers", answers, "--date", "2026-12-07",
            "--out", str(folder))
    assert not list(folder.glob("*.version-*")), sorted(p.name for p in folder.iterdir())
    index = (folder / "index.md").read_text("utf-8")
    assert "Versions précédentes" not in index
    assert "previous" not in yaml.safe_load((folder / "answers.yaml").read_text("utf-8"))
    # A changed answer the same day: the earlier memo is kept, once.
    run(capsys, "run", "memo-achat-public", "--answers", str(write(tmp_path / "m2.yaml", {**MEMO, "montant": 18000})),
        "--date", "2026-12-07", "--out", str(folder))
    kept = sorted(p.name for p in folder.glob("*.version-*.md"))
    assert len(kept) == 1 and amount((folder / kept[0]).read_text("utf-8")) == "12500"
    assert f"]({kept[0]})" in (folder / "index.md").read_text("utf-8")
