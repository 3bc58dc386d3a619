"""The engine's entry points: the command line and the Python API do the same work, byte for byte,
and the policies (date, profile, formats) are the same for a run and a journey."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

import survivalkit
from helpers import MEMO, PROFILE, run_cli
from survivalkit.engine.store import Store
from survivalkit.engine.work import choose_day, choose_formats
from survivalkit.errors import UsageError

DAY = dt.date(2026, 11, 30)
JOURNEY = {"situation": {"etape": "experimentation", "besoins": ["acheter"], "structure": "etat"},
           "tools": ["memo-achat-public"], "profile": PROFILE,
           "answers": {"memo-achat-public": {k: v for k, v in MEMO.items() if k not in PROFILE}}}
SHOWN = (".md", ".html", ".eml")


def _shown(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in files.items() if name.endswith(SHOWN)}


def _folder(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name.endswith(SHOWN)}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_run_writes_the_same_bytes_from_the_command_line_and_the_api(
    tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({"tool": "memo-achat-public", "date": DAY.isoformat(), "answers": MEMO},
                                      allow_unicode=True), encoding="utf-8")
    code, _, err = run_cli(["run", "memo-achat-public", "--answers", str(answers), "--format", "md,html",
                            "--lang", lang, "--out", str(tmp_path / "cli")], capsys)
    assert code == 0, err
    api = survivalkit.run_tool("memo-achat-public", MEMO, lang=lang, day=DAY, formats=["md", "html"],
                               out=tmp_path / "api")
    from_cli = _folder(tmp_path / "cli")
    assert "index.md" in from_cli
    assert {Path(name).suffix for name in from_cli if name.startswith("memo-achat")} == {".md", ".html", ".eml"}
    assert from_cli == _shown(api.files) == _folder(tmp_path / "api")


def test_a_journey_writes_the_same_bytes_from_the_command_line_and_the_api(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "journey.yaml"
    answers.write_text(yaml.safe_dump({**JOURNEY, "date": DAY.isoformat()}, allow_unicode=True), encoding="utf-8")
    code, _, err = run_cli(["--answers", str(answers), "--format", "md,html", "--lang", "fr",
                            "--out", str(tmp_path / "cli")], capsys)
    assert code == 0, err
    api = survivalkit.run_journey(JOURNEY, day=DAY, formats=["md", "html"])
    from_cli = _folder(tmp_path / "cli")
    assert any(name.startswith("memo-achat") for name in from_cli)
    assert from_cli == _shown(api.files)


def test_the_date_given_now_wins_for_a_run_and_a_journey_alike() -> None:
    given, in_file, in_session = dt.date(2027, 1, 4), dt.date(2026, 3, 15), "2026-05-02"
    today = dt.date(2026, 12, 7)
    assert choose_day(given, in_file, in_session, today) == given
    assert choose_day(None, in_file, in_session, today) == in_file
    assert choose_day(None, None, in_session, today) == dt.date(2026, 5, 2)
    assert choose_day(None, None, "not a date", today) == today  # today, never a crash


def test_today_is_passed_in_by_the_entry_point_and_never_read_by_the_sandbox() -> None:
    from survivalkit import clock
    from survivalkit.engine.work import Around, ToolWork, run_tool
    from survivalkit.kit.loader import bundled_kit_dir, load_kit
    from survivalkit.sandbox.expressions import base_context

    kit = load_kit([bundled_kit_dir()]).kit
    tool = kit.tools["note-convaincre"]
    day, today, clock_says = dt.date(2026, 11, 30), dt.date(2026, 12, 1), dt.date(2031, 6, 1)
    with clock.frozen(clock_says):
        assert base_context(kit, day, "fr")["today"] == day  # no clock: the documents' date
        assert base_context(kit, day, "fr", today=today)["today"] == today
        answers = {k: v for k, v in tool.examples[0].answers.items() if k != "date_debut"}
        done = run_tool(ToolWork(kit, tool, "fr", sets=answers, use_defaults=True, day=day,
                                 today=today, formats=["md"]), Around())
    # `default_expr: add_days(today, 45)` counted from the today the caller gave, not the clock
    assert done.answers["date_debut"] == today + dt.timedelta(days=45)


def test_formats_given_now_then_recorded_then_remembered_then_the_default_pair() -> None:
    remembered = {"formats": ["odt"]}
    assert choose_formats(["md"], ["html"], profile=remembered) == ["md"]
    assert choose_formats(None, ["html", "md"], profile=remembered) == ["md", "html"]
    assert choose_formats(None, None, profile=remembered) == ["odt"]
    with pytest.raises(UsageError, match="bogus"):  # only the five formats exist (issue 22)
        choose_formats(None, None, ["bogus"], profile=remembered)
    with pytest.raises(UsageError, match=r"pwn\.lua"):
        choose_formats(["md", "pwn.lua"], profile=remembered)
    assert choose_formats(None, profile={}) == ["pdf", "docx"]


def test_use_profile_fills_a_scripted_journey_as_it_fills_a_scripted_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Store().save_profile({"nom": "Nadia Ferrand"})
    journey = {**JOURNEY, "profile": {k: v for k, v in PROFILE.items() if k != "nom"}, "date": DAY.isoformat()}
    answers = tmp_path / "journey.yaml"
    answers.write_text(yaml.safe_dump(journey, allow_unicode=True), encoding="utf-8")
    code, _, err = run_cli(["--answers", str(answers), "--format", "md", "--use-profile", "--lang", "fr",
                            "--out", str(tmp_path / "out")], capsys)
    assert code == 0, err
    memo = next((tmp_path / "out").glob("memo-achat-*.md")).read_text(encoding="utf-8")
    assert "Nadia Ferrand" in memo
