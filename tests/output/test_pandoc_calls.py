"""One pandoc process per office document (pypandoc would start five: issue 30, point 5)."""

from __future__ import annotations

import datetime as dt
import os
import stat
import zipfile
from pathlib import Path

import pytest
import yaml

from helpers import run_cli
from survivalkit.errors import MissingExtraError
from survivalkit.output.formats import find_pandoc

DAY = dt.date(2026, 11, 30)
MEMO = {"nom": "Claire Martin", "fonction": "Chargée de mission innovation", "organisation": "DDT du Gard",
        "courriel": "claire.martin@gard.gouv.fr", "projet_nom": "Rendez-vous en ligne",
        "projet_description": "Les usagers attendent.", "objet": "six ateliers", "nature": "services",
        "montant": "45 000 €", "acheteur": "etat", "innovant": "non", "connaissance_marche": "non",
        "echeance": "15/01/2027"}


@pytest.fixture
def counted_pandoc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A pandoc that writes one line per start into the file returned, then runs the real one."""
    if os.name == "nt":
        pytest.skip("the counting pandoc is a shell script")
    try:
        real = find_pandoc()
    except MissingExtraError:  # no pandoc here: nothing to count
        pytest.skip("pandoc is not installed")
    calls = tmp_path / "pandoc-calls.txt"
    fake = tmp_path / "bin" / "pandoc"
    fake.parent.mkdir()
    fake.write_text(f'#!/bin/sh\necho "$@" >> "{calls}"\nexec "{real}" "$@"\n', encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PYPANDOC_PANDOC", str(fake))
    return calls


def test_each_office_document_is_one_pandoc_process(
    counted_pandoc: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({"tool": "memo-achat-public", "date": DAY.isoformat(),
                                       "answers": MEMO}, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["run", "memo-achat-public", "--answers", str(answers), "--lang", "fr",
                            "--format", "docx,odt", "--out", str(out)], capsys)
    assert code == 0, err
    written = sorted(p for p in out.iterdir() if p.suffix in (".docx", ".odt") and ".version-" not in p.name)
    assert [p.suffix for p in written] == [".docx", ".odt"]
    for path in written:
        with zipfile.ZipFile(path) as document:  # each a real office document
            assert document.testzip() is None
    calls = counted_pandoc.read_text("utf-8").splitlines()
    assert len(calls) == len(written)  # no version probe, no format listing: one conversion each
    assert sorted(call.split("--to=")[1].split()[0] for call in calls) == ["docx", "odt"]
