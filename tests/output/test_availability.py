"""A plain install never fails at the last step: the formats offered, written and remembered are
those that work on this machine, and what is missing is said before the first question, in the
user's language, with the command that installs it (issue 28, point 6)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import survivalkit
from helpers import MEMO, PROFILE, run_cli
from survivalkit.engine.asker import Step
from survivalkit.engine.frontend import as_frontend
from survivalkit.engine.store import Store
from survivalkit.engine.work import Around, JourneyWork, ToolWork, run_journey, run_tool
from survivalkit.errors import MissingExtraError, Msg
from survivalkit.output import availability

DAY = dt.date(2026, 11, 30)


def _without(monkeypatch: pytest.MonkeyPatch, *missing: str) -> list[str]:
    """Make ``missing`` parts unavailable (``pdf``: WeasyPrint, ``office``: pandoc); returns the
    list of formats probed, in order."""
    probed: list[str] = []
    real = availability._probe

    def probe(fmt: str) -> Msg | None:
        probed.append(fmt)
        if fmt == "pdf" and "pdf" in missing:
            return Msg("extra.weasyprint")
        if fmt in ("odt", "docx") and "office" in missing:
            return Msg("extra.pandoc")
        return real(fmt)

    monkeypatch.setattr(availability, "_probe", probe)
    availability.forget()
    return probed


class Script:
    """Answers by question id (Enter elsewhere); each question shown is added to ``events``."""

    def __init__(self, replies: dict[str, Any], events: list[str]) -> None:
        self.replies = {k: str(v) for k, v in replies.items()}
        self.events = events
        self.steps: list[Step] = []

    def ask(self, step: Step) -> str:
        self.steps.append(step)
        self.events.append(f"? {step.question.id}")
        if step.question.id == "outils":
            return str([c.value for c in step.question.choices].index("memo_achat_public") + 1)
        return self.replies.get(step.question.id, "")

    def show_help(self, step: Step, help_text: str, terms: Any) -> None:
        pass

    def recap(self, rows: Any, error: str | None) -> str:
        return ""


def test_each_format_is_probed_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    probed = _without(monkeypatch, "pdf")
    for _ in range(3):
        assert availability.works_here(["md", "html", "pdf", "docx"]) == ["md", "html", "docx"]
    assert sorted(probed) == ["docx", "html", "md", "pdf"]


def test_what_is_missing_is_named_with_the_command_that_installs_it_on_each_system(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    said = availability.pdf_problem(ImportError("weasyprint")).say("fr")
    assert said.startswith("Le PDF ne peut pas être produit sur cet ordinateur")
    assert 'pip install "survivalkit[pdf]"' in said
    no_pango = OSError("cannot load library 'libpango-1.0-0'")
    for platform, command in (("linux", "sudo apt install libpango-1.0-0"), ("darwin", "brew install pango"),
                              ("win32", "pacman -S mingw-w64-x86_64-pango")):
        monkeypatch.setattr(sys, "platform", platform)
        problem = availability.pdf_problem(no_pango)
        assert command in problem.say("fr") and command in problem.say("en")
        assert "bibliothèque Pango" in problem.say("fr") and "Pango library" in problem.say("en")
    assert "installez MSYS2" in problem.say("fr") and "install MSYS2" in problem.say("en")
    assert 'pip install "survivalkit[office]"' in Msg("extra.pandoc").say("fr")


def test_pandoc_is_found_on_path_without_the_office_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from survivalkit.output.formats import find_pandoc

    monkeypatch.delenv("PYPANDOC_PANDOC", raising=False)
    monkeypatch.setitem(sys.modules, "pypandoc", None)  # the office extra is not installed
    monkeypatch.setenv("PATH", str(tmp_path))
    assert availability.format_problem("docx") == Msg("extra.pandoc")
    fake = tmp_path / "pandoc"
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    fake.chmod(0o755)
    availability.forget()
    assert find_pandoc() == str(fake)  # apt install pandoc is enough
    assert availability.format_problem("docx") is None
    monkeypatch.setenv("PYPANDOC_PANDOC", str(tmp_path / "nowhere" / "pandoc"))
    availability.forget()
    assert availability.format_problem("odt") == Msg("extra.pandoc")


def test_a_run_without_pdf_writes_word_and_says_so_before_the_first_question(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    _without(monkeypatch, "pdf")
    kit = survivalkit.load_kit()
    events: list[str] = []
    script = Script(MEMO, events)
    done = run_tool(ToolWork(kit, kit.tools["memo-achat-public"], "fr", day=DAY),
                    Around(frontend=as_frontend(script, strict=True, lang="fr"), report=events.append))
    assert {Path(n).suffix for n in done.files if n.startswith("memo-achat")} == {".docx", ".eml"}
    first_question = next(i for i, e in enumerate(events) if e.startswith("? "))
    before = "\n".join(events[:first_question])
    assert 'Le PDF ne peut pas être produit sur cet ordinateur' in before
    assert 'pip install "survivalkit[pdf]"' in before
    assert "Vos documents seront donc écrits en : Word (.docx, modifiable)." in before


def test_a_format_asked_that_cannot_be_written_here_stops_before_any_question(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    _without(monkeypatch, "office")
    script = Script(MEMO, [])
    with pytest.raises(MissingExtraError) as caught:
        survivalkit.run_tool("memo-achat-public", {}, asker=script, day=DAY, formats=["md", "docx"])
    assert script.steps == []
    assert "il y manque pandoc" in str(caught.value)  # the API's language: French by default
    assert 'pip install "survivalkit[office]"' in str(caught.value)
    # Without formats, the API writes what works here, and says what is missing in its notices.
    result = survivalkit.run_tool("memo-achat-public", MEMO, day=DAY, lang="en")
    assert {Path(n).suffix for n in result.files if n.startswith("memo-achat")} == {".pdf", ".eml"}
    assert any("pandoc is missing" in notice for notice in result.notices)
    assert survivalkit.available_formats("en")["docx"] == Msg("extra.pandoc").say("en")
    assert survivalkit.available_formats()["pdf"] is None


def test_the_journey_offers_only_what_works_and_never_remembers_what_does_not(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    _without(monkeypatch, "pdf")
    store = Store()
    store.save_profile({**PROFILE, "formats": ["pdf", "docx"]})  # chosen on another machine
    kit = survivalkit.load_kit()
    events: list[str] = []
    script = Script({**MEMO, "etape": "2", "besoins": "1", "structure": "1"}, events)
    done = run_journey(JourneyWork(kit, "fr", day=DAY),
                       Around(frontend=as_frontend(script, strict=True, lang="fr"), store=store,
                              report=events.append))
    first_question = next(i for i, e in enumerate(events) if e.startswith("? "))
    before = "\n".join(events[:first_question])
    assert 'pip install "survivalkit[pdf]"' in before
    assert ("À la fin, vous choisirez vos formats parmi : Word (.docx, modifiable), LibreOffice (.odt, "
            "modifiable), Page web (.html), Markdown (texte brut).") in before
    formats = next(s for s in script.steps if s.question.id == "formats")
    offered = [c.value for c in formats.question.choices]
    assert "pdf" not in offered and "docx" in offered
    assert formats.question.default == ["docx"]  # the remembered pair, less what fails here
    assert {Path(n).suffix for n in done.files if n.startswith("memo-achat")} == {".docx", ".eml"}
    assert store.load_profile()["formats"] == ["docx"]
    replay = yaml.safe_load(done.files["answers.yaml"].decode("utf-8"))
    assert replay["formats"] == ["docx"]


def test_the_command_line_says_it_in_french_and_writes_nothing_when_pdf_is_asked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _without(monkeypatch, "pdf", "office")
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({"tool": "memo-achat-public", "date": DAY.isoformat(), "answers": MEMO},
                                      allow_unicode=True), encoding="utf-8")
    code, _, err = run_cli(["run", "memo-achat-public", "--answers", str(answers), "--lang", "fr",
                              "--format", "pdf", "--out", str(tmp_path / "out")], capsys)
    assert code == 1
    assert 'Le PDF ne peut pas être produit sur cet ordinateur' in err
    assert 'pip install "survivalkit[pdf]"' in err
    assert not (tmp_path / "out").exists()
    code, _, err = run_cli(["run", "memo-achat-public", "--answers", str(answers), "--lang", "fr",
                              "--out", str(tmp_path / "out")], capsys)
    assert code == 0, err
    err = err.replace("\xa0", " ").replace("\u202f", " ")
    assert "il y manque WeasyPrint" in err and "il y manque pandoc" in err
    assert "Vos documents seront donc écrits en : Page web (.html)." in err
    assert sorted(p.suffix for p in (tmp_path / "out").glob("memo-achat-*")) == [".eml", ".html"]
