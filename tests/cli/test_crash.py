"""Unexpected errors: one line for the user, the whole story in a crash report."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from helpers import run_cli


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The crash message is shown in the language known before the command runs: pin it."""
    monkeypatch.setenv("SURVIVALKIT_LANG", "en")


def _break_loading(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr("survivalkit.kit.loader.load_kit", broken)


def _reports(home: Path) -> list[Path]:
    folder = home / "survivalkit-data" / "crash-reports"
    return sorted(folder.glob("survivalkit-crash-*.txt")) if folder.is_dir() else []


def test_an_unexpected_error_prints_one_line_and_writes_a_report(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _break_loading(monkeypatch, RuntimeError("la roue est tombée"))
    code, out, err = run_cli(["list"], capsys)
    assert code == 3
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("Unexpected error: RuntimeError: la roue est tombée")
    assert "Traceback" not in err
    (report,) = _reports(isolated_home)
    assert str(report) in lines[0]
    text = report.read_text("utf-8")
    assert "survivalkit" in text and "crash report" in text
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: la roue est tombée" in text
    assert "command:" in text and "python:" in text


def test_the_report_falls_back_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "un-fichier"
    blocked.write_text("", "utf-8")
    monkeypatch.setenv("SURVIVALKIT_HOME", str(blocked / "data"))  # cannot be created
    work = tmp_path / "travail"
    work.mkdir()
    monkeypatch.chdir(work)
    _break_loading(monkeypatch, ValueError("boum"))
    code, _, err = run_cli(["list"], capsys)
    assert code == 3
    (report,) = work.glob("survivalkit-crash-*.txt")
    assert str(report) in err and "ValueError: boum" in report.read_text("utf-8")


def test_a_multi_line_error_still_prints_one_line(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _break_loading(monkeypatch, RuntimeError("première ligne\nseconde ligne\n  troisième"))
    code, _, err = run_cli(["list"], capsys)
    assert code == 3
    assert len(err.strip().splitlines()) == 1, err


def test_ctrl_c_outside_the_questions_says_interrupted(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _break_loading(monkeypatch, KeyboardInterrupt())
    code, _, err = run_cli(["list"], capsys)
    assert code == 130
    assert "Interrupted" in err
    assert _reports(isolated_home) == []


def test_a_real_process_shows_no_traceback(tmp_path: Path) -> None:
    """The same in a separate process: what a user's terminal shows, exit status included."""
    script = textwrap.dedent(
        """
        import survivalkit.kit.loader as loader
        def broken(*args, **kwargs):
            raise ZeroDivisionError("division by zero")
        loader.load_kit = broken
        from survivalkit.cli.app import main
        main(["list", "--lang", "en"])
        """
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("SURVIVALKIT_")}
    env.update(HOME=str(tmp_path), SURVIVALKIT_HOME=str(tmp_path / "data"), NO_COLOR="1",
               TERM="dumb", SURVIVALKIT_LANG="en")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            encoding="utf-8", env=env, cwd=tmp_path, timeout=60)
    assert result.returncode == 3
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "ZeroDivisionError: division by zero" in result.stderr
    (report,) = (tmp_path / "data" / "crash-reports").glob("*.txt")
    assert "Traceback" in report.read_text("utf-8")


def test_expected_errors_never_write_a_report(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(["run", "outil-qui-n-existe-pas", "--lang", "en"], capsys)
    assert code == 1 and "Unknown tool" in err
    assert _reports(isolated_home) == []


def test_two_crashes_in_the_same_second_keep_both_reports(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import datetime as dt
    import types

    frozen = dt.datetime(2026, 11, 26, 10, 0, 0)
    clock = types.SimpleNamespace(datetime=types.SimpleNamespace(now=lambda: frozen))
    monkeypatch.setattr("survivalkit.cli.app.dt", clock)
    for message in ("premier", "second"):
        _break_loading(monkeypatch, RuntimeError(message))
        assert run_cli(["list"], capsys)[0] == 3
    reports = _reports(isolated_home)
    assert len(reports) == 2
    assert {"premier", "second"} == {
        "premier" if "RuntimeError: premier" in r.read_text("utf-8") else "second" for r in reports
    }
