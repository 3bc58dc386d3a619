"""Hostile round 3, on the real command line (``python -m survivalkit`` in a subprocess).

Families: streams and encodings, YAML 1.1 words, Unicode, real filesystems, Windows names, size
budgets, state files. Every case checks the exit code, that the message is in the language asked
for, and that there is no traceback and no crash report. docs/hardening.md describes them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

HOSTILE = Path(__file__).parent / "hostile"
GOOD = HOSTILE / "answers" / "good.yaml"
DATE = "2026-11-26"


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SURVIVALKIT_")}
    env.update({"HOME": str(home), "SURVIVALKIT_HOME": str(home / "data"), "NO_COLOR": "1",
                "TERM": "dumb", "PYTHONIOENCODING": "utf-8", **extra})
    return env


def sk(home: Path, *args: str, stdin: int | None = subprocess.DEVNULL, stdout: int | None = None,
       env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 120) -> Result:
    """``survivalkit ARGS`` in a fresh process; the result decoded leniently (bytes may be Latin-9)."""
    result = subprocess.run(
        [sys.executable, "-m", "survivalkit", *args], stdin=stdin,
        stdout=subprocess.PIPE if stdout is None else stdout, stderr=subprocess.PIPE,
        env=env or _env(home), cwd=cwd or home, timeout=timeout, check=False,
    )
    decode = lambda b: (b or b"").decode("utf-8", "replace")  # noqa: E731
    return Result(result.returncode, decode(result.stdout), decode(result.stderr))


def clean(result: Result, home: Path) -> None:
    """No traceback, no crash code, no crash report."""
    assert "Traceback" not in result.text, result.text
    assert result.code != 3, result.text
    assert not (home / "data" / "crash-reports").exists(), result.text


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


# --- 6. streams and encodings ------------------------------------------------------------------
STREAM_CASES = {
    # id: (shell redirection, expected exit code, text expected on stderr (fr, en) or None)
    "stdout-closed": ("list {lang} >&-", 0, None),
    "stdin-closed": ("run memo-achat-public {lang} --out OUT <&-", 2, ("Réponses manquantes", "Missing answers")),
    "stdout-dev-full": ("show memo-achat-public {lang} > /dev/full", 1,
                        ("Impossible d'écrire la sortie", "Cannot write the program's output")),
    "broken-pipe": ("show memo-achat-public {lang} | (exec 0<&-)", 0, None),
    "broken-pipe-list": ("list {lang} --plain | head -c 1 >/dev/null", 0, None),
    "stderr-closed": ("run outil-inconnu {lang} 2>&-", 1, None),
}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell redirections")
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("case", sorted(STREAM_CASES))
def test_closed_full_and_broken_streams(case: str, lang: str, home: Path) -> None:
    line, expected, message = STREAM_CASES[case]
    command = f"{sys.executable} -m survivalkit " + line.format(lang=f"--lang {lang}").replace(
        "OUT", str(home / "out"))
    script = f"{command}; echo \"rc=${{PIPESTATUS[0]}}\" >&3"
    result = subprocess.run(["bash", "-c", f"exec 3>{home}/rc; {script}"], capture_output=True, env=_env(home), cwd=home, timeout=120, check=False)
    err = result.stderr.decode("utf-8", "replace")
    code = int((home / "rc").read_text().strip().removeprefix("rc="))
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert not (home / "data" / "crash-reports").exists(), err
    assert code == expected, err
    if message:
        assert message[0 if lang == "fr" else 1] in err, err


@pytest.mark.parametrize("encoding", ["iso8859-15", "cp1252", "ascii"])
@pytest.mark.parametrize("command", [["list"], ["show", "memo-achat-public"], ["run", "outil-inconnu"],
                                     ["run", "memo-achat-public", "--format", "md", "--answers", str(GOOD),
                                      "--date", DATE]])
def test_a_terminal_that_is_not_utf8_gets_replacement_characters(
    encoding: str, command: list[str], home: Path
) -> None:
    args = list(command)
    if command[0] == "run" and "--answers" in command:
        args += ["--out", str(home / "out")]
    result = sk(home, *args, "--lang", "fr", env=_env(home, PYTHONIOENCODING=encoding))
    clean(result, home)
    assert result.code in (0, 1)
    shown = result.out + result.err
    assert shown.strip(), "something is shown"
    if command[0] != "run" or result.code:
        assert "?" in shown  # what the encoding cannot show is replaced (é, no-break spaces)
    if command[0] == "run" and result.code == 0:
        assert (home / "out" / "index.md").is_file()
