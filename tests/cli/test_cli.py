"""The command line as a user meets it: list, show, run without a terminal, errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from helpers import run_cli
from survivalkit.kit.loader import bundled_kit_dir, load_kit

KIT = load_kit([bundled_kit_dir()]).kit
MEMO = KIT.tools["memo-achat-public"]


def example_file(tmp_path: Path, name: str = "petit-achat") -> Path:
    example = next(e for e in MEMO.examples if e.name == name)
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump({"date": example.date.isoformat() if example.date else None,
                                    "answers": example.answers}, allow_unicode=True), "utf-8")
    return path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["--version"], capsys)
    assert code == 0 and out.startswith("survivalkit ")


def test_list_shows_every_bundled_tool(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["list", "--lang", "fr"], capsys)
    assert code == 0
    for tool_id in KIT.tools:
        assert tool_id in out
    assert "achat public" in out


def test_list_json_stage_and_search(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["list", "--json", "--search", "achat"], capsys)
    rows = json.loads(out)
    assert code == 0 and "memo-achat-public" in [r["id"] for r in rows]
    code, out, _ = run_cli(["list", "--json", "--stage", "deploiement"], capsys)
    assert all("deploiement" in r["stages"] for r in json.loads(out))
    code, _, err = run_cli(["list", "--stage", "lune"], capsys)
    assert code == 2 and "lune" in err


def test_show_reads_like_a_sheet(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["show", "memo-achat-public", "--lang", "fr"], capsys)
    assert code == 0
    for heading in ("Quand l'utiliser", "Étapes", "Pièges à éviter", "Sources", "Questions posées"):
        assert heading in out
    assert "R2122-8" in out and "Sources à jour au" in out


def test_unknown_tool_suggests_the_nearest(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["show", "memo-achat", "--lang", "fr"], capsys)
    assert code == 1
    assert "Outil inconnu" in err and "memo-achat-public" in err


def test_run_from_answers_file_writes_document_and_replayable_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "memo"
    code, _, err = run_cli(["run", "memo-achat-public", "--format", "md", "--answers", str(example_file(tmp_path)),
                            "--out", str(out), "--lang", "fr"], capsys)
    assert code == 0, err
    [doc] = out.glob("memo-achat-*.md")
    text = doc.read_text("utf-8")
    assert "sans publicité ni mise en concurrence" in text and "60\u202f000" in text
    assert (out / "index.md").is_file()
    replay = tmp_path / "replay"
    code, _, err = run_cli(["run", "memo-achat-public", "--format", "md", "--answers", str(out / "answers.yaml"),
                            "--out", str(replay), "--lang", "fr"], capsys)
    assert code == 0, err
    assert (replay / doc.name).read_text("utf-8") == text


def test_set_overrides_the_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o"
    code, _, err = run_cli(["run", "memo-achat-public", "--format", "md", "--answers", str(example_file(tmp_path)),
                            "--set", "montant=100k", "--out", str(out), "--lang", "fr"], capsys)
    assert code == 0, err
    text = next(out.glob("memo-*.md")).read_text("utf-8")
    assert "100\u202f000" in text and "procédure adaptée" in text


def test_missing_answers_without_terminal_exit_2_listing_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(["run", "memo-achat-public", "--format", "md", "--set", "objet=une imprimante",
                            "--out", str(tmp_path / "o"), "--lang", "fr"], capsys)
    assert code == 2
    assert "Réponses manquantes" in err and "montant" in err and "--answers" in err
    assert not (tmp_path / "o").exists()


def test_bad_value_names_source_key_and_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["run", "memo-achat-public", "--format", "md", "--answers", str(example_file(tmp_path)),
                            "--set", "montant=beaucoup", "--out", str(tmp_path / "o"), "--lang", "fr"],
                           capsys)
    assert code == 2
    assert "--set : montant : Montant non reconnu" in err.replace("\xa0", " ")  # French spacing: no-break spaces


def test_existing_files_are_not_overwritten_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["run", "memo-achat-public", "--format", "md", "--answers", str(example_file(tmp_path)),
            "--out", str(tmp_path / "o"), "--lang", "fr"]
    assert run_cli(args, capsys)[0] == 0
    # Files that are no project's (its record is gone): never replaced without --force.
    (tmp_path / "o" / "answers.yaml").unlink()
    code, _, err = run_cli(args, capsys)
    assert code == 1 and "--force" in err
    assert run_cli([*args, "--force"], capsys)[0] == 0
    # The project's own folder: running the tool again keeps the earlier memo, dated (another day:
    # the same memo again, byte for byte, is not a version worth keeping).
    assert run_cli(args, capsys)[0] == 0
    assert not list((tmp_path / "o").glob("memo-achat-*.version-*.md"))
    assert run_cli([*args, "--date", "2026-12-15"], capsys)[0] == 0
    assert list((tmp_path / "o").glob("memo-achat-*.version-*.md"))


def test_no_terminal_journey_prints_usage_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["--lang", "fr"], capsys)
    assert code == 2 and "--answers" in err


def test_validate_github_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "tools").mkdir()
    bad = (bundled_kit_dir() / "tools" / "memo-achat-public.yaml").read_text("utf-8")
    (tmp_path / "tools" / "local-tool.yaml").write_text(bad.replace("summary:", "sumary:"), "utf-8")
    code, out, _ = run_cli(["validate", str(tmp_path), "--format", "github"], capsys)
    assert code == 1
    assert "::error file=" in out and "unknown key `sumary`; did you mean `summary`?" in out


def test_validate_bundled_kit_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["validate"], capsys)
    assert code == 0, out + err


def test_shipped_schema_is_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    repo_schema = Path(__file__).resolve().parents[2] / "schema"
    code, _, err = run_cli(["schema", "--check", "--out", str(repo_schema)], capsys)
    assert code == 0, err


def test_kit_files_reference_the_schema() -> None:
    assert "$schema=../schema/kit.schema.json" in (bundled_kit_dir() / "kit.yaml").read_text("utf-8")
    for path in (bundled_kit_dir() / "tools").glob("*.yaml"):
        assert "$schema=../../schema/tool.schema.json" in path.read_text("utf-8"), path.name


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["run"], capsys)
    assert code == 2 and err


def test_glossary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["glossary", "design thinking", "--lang", "fr"], capsys)
    assert code == 0 and "démarche inspirée du design" in out
    code, _, err = run_cli(["glossary", "zzzzqqq", "--lang", "fr"], capsys)
    assert code == 1 and "Aucun terme" in err


def test_profile_show_clear_and_edit_without_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from survivalkit.engine import store as session

    code, out, _ = run_cli(["profile", "show", "--lang", "fr"], capsys)
    assert code == 0 and "Aucun profil" in out
    session.save_profile({"nom": "Claire Martin", "service": None})
    code, out, _ = run_cli(["profile", "show", "--lang", "fr"], capsys)
    assert code == 0 and "Claire Martin" in out and "None" not in out
    code, _, err = run_cli(["profile", "edit", "--lang", "fr"], capsys)
    assert code == 2 and "terminal" in err
    code, out, _ = run_cli(["profile", "clear", "--lang", "fr"], capsys)
    assert code == 0 and "effacé" in out and session.load_profile() == {}
    code, _, err = run_cli(["profile", "oublier", "--lang", "fr"], capsys)
    assert code == 2 and "show, edit ou clear" in err


def test_saved_profile_is_used_and_an_answers_file_wins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from survivalkit.engine import store as session

    session.save_profile({"nom": "Quelqu'un d'autre", "fonction": "Agent", "organisation": "Mairie",
                          "courriel": "a@b.fr", "service": None, "ville": None})
    out = tmp_path / "o"
    code, _, err = run_cli(["run", "memo-achat-public", "--format", "md", "--answers", str(example_file(tmp_path)),
                            "--out", str(out), "--lang", "fr"], capsys)
    assert code == 0, err
    text = next(out.glob("memo-*.md")).read_text("utf-8")
    assert "Claire Martin" in text and "Quelqu'un" not in text


def test_the_journey_takes_date_like_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import datetime as dt

    import yaml

    import survivalkit
    from test_api import MEMO

    profile_ids = ("nom", "fonction", "organisation", "courriel")
    journey = {"situation": {"etape": "experimentation", "besoins": ["acheter"], "structure": "etat"},
               "tools": ["memo-achat-public"], "profile": {k: MEMO[k] for k in profile_ids},
               "answers": {"memo-achat-public": {k: v for k, v in MEMO.items() if k not in profile_ids}}}
    replay = survivalkit.run_journey(journey, day=dt.date(2026, 11, 30), formats=["md"]).files["answers.yaml"]
    answers = tmp_path / "journey.yaml"
    answers.write_bytes(replay)
    code, _, err = run_cli(["--answers", str(answers), "--date", "2026-12-15", "--format", "md", "--lang", "fr",
                            "--out", str(tmp_path / "out")], capsys)
    assert code == 0, err
    assert yaml.safe_load((tmp_path / "out" / "answers.yaml").read_text("utf-8"))["date"] == "2026-12-15"
