"""Shared fixtures: no test may touch the real home directory; a fresh data folder for each test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
KIT = REPO / "kit"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point HOME, XDG folders and SURVIVALKIT_HOME at a temporary folder, and fail on any write home."""
    real_home = Path(os.path.expanduser("~")).resolve()
    fake = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(fake))
    monkeypatch.setenv("XDG_DATA_HOME", str(fake / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(fake / ".config"))
    monkeypatch.setenv("SURVIVALKIT_HOME", str(fake / "survivalkit-data"))
    monkeypatch.delenv("SURVIVALKIT_KIT", raising=False)
    monkeypatch.delenv("SURVIVALKIT_LANG", raising=False)
    # The system's language is part of the language policy: tests run in an English locale, the
    # same on every machine (tests of the policy set their own).
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("NO_COLOR", "1")
    before = _snapshot(real_home)
    yield fake
    after = _snapshot(real_home)
    touched = sorted(after - before)
    assert not touched, f"a test wrote in the real home directory: {touched}"


@pytest.fixture(autouse=True)
def fresh_format_probe() -> Iterator[None]:
    """Which formats work here is probed once per process: each test probes afresh, so that one
    that makes PDF or pandoc unavailable leaves no trace on the next."""
    from survivalkit.output import availability

    availability.forget()
    yield
    availability.forget()


def _snapshot(home: Path) -> set[tuple[str, float]]:
    """Top-level entries of the real home and of its data folders, with their modification times."""
    found: set[tuple[str, float]] = set()
    for folder in (home, home / ".local" / "share", home / ".config"):
        try:
            for entry in folder.iterdir():
                if entry.name.startswith(("survivalkit",)) or folder != home:
                    found.add((str(entry), entry.stat().st_mtime))
        except OSError:
            continue
    return found


@pytest.fixture
def kit_dir() -> Path:
    """The bundled kit in the repository."""
    return KIT
