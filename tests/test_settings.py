"""The process's environment is read in one place: ``survivalkit.settings``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import survivalkit
from survivalkit import clock, settings
from survivalkit.files.places import cache_dir, data_dir
from survivalkit.sandbox.budget import Limits, current_limits

SRC = Path(survivalkit.__file__).parent
READS = re.compile(r"os\.environ|os\.getenv|getenv\(")


def test_no_module_but_settings_reads_the_environment() -> None:
    readers = sorted(
        p.relative_to(SRC).as_posix() for p in SRC.rglob("*.py") if READS.search(p.read_text("utf-8"))
    )
    assert readers == ["settings.py"]


def test_each_variable_reaches_what_it_sets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(settings.ENV_HOME, str(tmp_path))
    monkeypatch.setenv(settings.ENV_TODAY, "2027-02-03")
    monkeypatch.setenv(settings.ENV_LIMITS, "steps=99")
    assert data_dir() == tmp_path and cache_dir() == tmp_path / "cache"
    assert clock.today() == dt.date(2027, 2, 3)
    assert current_limits() == Limits(steps=99)
    monkeypatch.setenv(settings.ENV_TODAY, "the 3rd")  # ignored, never a crash
    assert settings.fixed_today() is None
