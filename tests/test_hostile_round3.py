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
import yaml

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


# --- 2. YAML 1.1 words ---------------------------------------------------------------------------
BASE_TOOL = (HOSTILE / "templates" / "hostile-base-ok.yaml").read_text("utf-8")


PROFILE = "nom: Claire Martin\nfonction: Chargée de mission\norganisation: DDT du Gard\ncourriel: c.m@gard.gouv.fr\n"


def layer_with(root: Path, name: str, text: str) -> Path:
    """A kit layer holding one tool file ``name`` with ``text``."""
    layer = root / "couche"
    (layer / "tools").mkdir(parents=True, exist_ok=True)
    (layer / "tools" / name).write_text(text, "utf-8")
    return layer


WORDS_TOOL = BASE_TOOL.replace("documents:", """questions:
  - id: texte
    label: Un texte
  - id: texte_defaut
    label: Un texte avec défaut
    default: DEFAULT
  - id: choix
    type: choice
    label: Un choix
    choices: [{value: oui, label: Oui}, {value: non, label: Non}]
  - id: bascule
    type: bool
    label: Oui ou non
    default: yes
  - id: jour
    type: date
    label: Un jour
    required: false
documents:""").replace("Bonjour.", "Texte [{{ texte }}] défaut [{{ texte_defaut }}] choix [{{ choix }}] "
                       "bascule [{{ bascule }}] jour [{{ jour }}]")


@pytest.mark.parametrize(("written", "default"), [
    ("NO", "off"), ("Off", "no"), ("Null", "On"), ("yes", "NULL"), ("n", "Yes"), ("ON", "y"),
])
def test_yaml_11_words_answering_a_text_are_kept_as_typed(written: str, default: str, home: Path) -> None:
    layer = layer_with(home, "outil-mots.yaml", WORDS_TOOL.replace("DEFAULT", default))
    answers = home / "reponses.yaml"
    answers.write_text(PROFILE + f"texte: {written}\nchoix: no\njour: null\nbascule: off\n", "utf-8")
    out = home / "out"
    result = sk(home, "run", "outil-mots", "--kit", str(layer), "--answers", str(answers), "--defaults",
                "--format", "md", "--out", str(out), "--date", DATE, "--lang", "en")
    clean(result, home)
    assert result.code == 0, result.text
    document = (out / "doc-claire-martin.md").read_text("utf-8")
    assert f"Texte [{written}]" in document
    assert f"défaut [{default}]" in document
    assert "choix [non]" in document and "bascule [False]" in document and "jour []" in document
    assert "None" not in document and "True" not in document
    replay = yaml.safe_load((out / "answers.yaml").read_text("utf-8"))
    assert replay["answers"]["texte"] == written  # quoted where YAML 1.1 would read a boolean


@pytest.mark.parametrize("empty", ["~", "", "''"])
def test_tilde_or_empty_is_no_answer(empty: str, home: Path) -> None:
    layer = layer_with(home, "outil-mots.yaml", WORDS_TOOL.replace("DEFAULT", "off"))
    answers = home / "reponses.yaml"
    answers.write_text(PROFILE + f"texte: {empty}\nchoix: oui\n", "utf-8")
    result = sk(home, "run", "outil-mots", "--kit", str(layer), "--answers", str(answers), "--defaults",
                "--format", "md", "--out", str(home / "out"), "--date", DATE, "--lang", "fr")
    clean(result, home)
    assert result.code == 2, result.text
    assert "texte\xa0: Une réponse est nécessaire" in result.err
