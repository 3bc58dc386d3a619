"""Hostile round 3, on the real command line (``python -m survivalkit`` in a subprocess).

Families: streams and encodings, YAML 1.1 words, Unicode, real filesystems, Windows names, size
budgets, state files. Every case checks the exit code, that the message is in the language asked
for, and that there is no traceback and no crash report. docs/hardening.md describes them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
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
def lang(request: pytest.FixtureRequest) -> str:
    """The language a case runs in: each case runs once, and the cases of one family alternate
    between French and English, so that every family checks both without running twice."""
    callspec = getattr(request.node, "callspec", None)
    turn = sum(callspec.indices.values()) if callspec is not None else 0
    return ("fr", "en")[turn % 2]


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


# --- 8. state files: session locks, profile, session dates -----------------------------------------
SESSION = ('{"saved_at": "2026-12-01T10:10:10", "date": DATE, '
           '"state": {"interview": {"answers": {"objet": "six ateliers"}, "confirmed": ["objet"]}}}')


def _session(home: Path, date: str = '"2026-11-26"') -> Path:
    folder = home / "data" / "sessions" / "tool-memo-achat-public"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "20261201-101010-abcd.json"
    path.write_text(SESSION.replace("DATE", date), "utf-8")
    return path


@pytest.fixture
def stranger() -> Iterator[int]:
    """The PID of a living process that is not survivalkit."""
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        yield process.pid
    finally:
        process.kill()
        process.wait()


def _fifo(path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(path)


BOOT_ID = Path("/proc/sys/kernel/random/boot_id")
BOOT = BOOT_ID.read_text("ascii").strip() if BOOT_ID.is_file() else "-"
LOCKS = {
    "pid-of-a-stranger": lambda lock, pid: lock.write_text(str(pid), "ascii"),
    # our own record with the stranger's PID: its start time gives it away (PID reuse)
    "record-of-a-stranger": lambda lock, pid: lock.write_text(json.dumps(
        {"program": "survivalkit", "pid": pid, "started": "1", "boot": BOOT, "token": "0"}), "ascii"),
    "fifo": lambda lock, pid: _fifo(lock),
    "link-to-dev-zero": lambda lock, pid: lock.symlink_to("/dev/zero"),
    "link-loop": lambda lock, pid: lock.symlink_to(lock),
    "folder": lambda lock, pid: lock.mkdir(),
    "garbage": lambda lock, pid: lock.write_bytes(b"\xff\x00" * 5000),
}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes and special files")
@pytest.mark.parametrize("kind", sorted(LOCKS))
def test_a_lock_that_no_living_run_holds_does_not_block_the_session(kind: str, home: Path, stranger: int) -> None:
    session = _session(home)
    LOCKS[kind](session.with_suffix(".lock"), stranger)
    listed = sk(home, "sessions", "--lang", "en", timeout=30)
    clean(listed, home)
    assert listed.code == 0 and "20261201-101010-abcd" in listed.out and "in use" not in listed.out
    result = sk(home, "run", "memo-achat-public", "--resume", "--answers", str(GOOD), "--format", "md",
                "--out", str(home / "out"), "--lang", "fr", timeout=30)
    clean(result, home)
    assert result.code == 0, result.text
    assert "Reprise" in result.err


@pytest.mark.parametrize(("profile", "field", "kind"), [
    ("nom: [Claire, Martin]\n", "nom", ("une liste", "a list")),
    ("fonction: {poste: chef}\n", "fonction", ("un tableau de clés", "a mapping of keys")),
    ("nom: Claire Martin\ncourriel: [[1]]\n", "courriel", ("une liste", "a list")),
])
def test_a_profile_field_of_the_wrong_form_is_named(
    profile: str, field: str, kind: tuple[str, str], lang: str, home: Path
) -> None:
    (home / "data").mkdir()
    (home / "data" / "profile.yaml").write_text(profile, "utf-8")
    for args in (["profile"], ["run", "memo-achat-public", "--use-profile", "--answers", str(GOOD),
                               "--format", "md", "--out", str(home / "out"), "--date", DATE]):
        result = sk(home, *args, "--lang", lang)
        clean(result, home)
        assert result.code == 0, result.text
        assert f"`{field}`" in result.err and kind[0 if lang == "fr" else 1] in result.err
        assert "['" not in result.text and "{'" not in result.text  # never a Python repr


@pytest.mark.parametrize("date", ['"9999-12-31"', '"0001-01-01"', "12", '["2026-11-26"]', '"2026-02-30"'])
def test_an_implausible_session_date_never_dates_the_documents(date: str, lang: str, home: Path) -> None:
    _session(home, date)
    env = _env(home, SURVIVALKIT_TODAY="2026-11-26")
    result = sk(home, "run", "memo-achat-public", "--resume", "--answers", str(GOOD), "--format", "md",
                "--out", str(home / "out"), "--lang", lang, env=env)
    clean(result, home)
    assert result.code == 0, result.text
    assert ("n'est pas une date plausible" if lang == "fr" else "is not a plausible date") in result.err
    assert "`date`" in result.err and "['" not in result.err
    written = "".join(p.read_text("utf-8") for p in (home / "out").glob("*.md"))
    assert "9999" not in written and "2026" in written


# --- 7. size budgets ------------------------------------------------------------------------------
LONG_TOOL = BASE_TOOL.replace(
    "      Bonjour.",
    "      {% for i in range(TURNS) %}Ligne {{ i }} d'un document très long, qui ne finit pas. {% endfor %}",
)
MANY_TOOL = BASE_TOOL.replace("documents:\n", "documents:\n" + "".join(
    f"""  - id: doc{n}
    title: Document {n}
    filename: "doc{n}"
    template: |
      {{% for i in range(TURNS) %}}Ligne {{{{ i }}}} d'un document parmi d'autres.{{% endfor %}}
""" for n in range(12)))


@pytest.mark.parametrize("fmt", ["pdf", "docx", "odt", "md,pdf"])
def test_a_document_too_long_to_print_is_refused_before_the_conversion(fmt: str, lang: str, home: Path) -> None:
    layer = layer_with(home, "outil-long.yaml", LONG_TOOL.replace("TURNS", "6000"))
    result = sk(home, "run", "outil-long", "--kit", str(layer), "--answers", str(HOSTILE / "profile.yaml"),
                "--format", fmt, "--out", str(home / "out"), "--date", DATE, "--lang", lang)
    clean(result, home)
    assert result.code == 1, result.text
    assert "outil-long.yaml" in result.err and "`doc`" in result.err
    assert ("trop long pour les formats" if lang == "fr" else "too long for") in result.err
    assert not (home / "out").exists()


def test_a_long_document_is_still_written_as_markdown_and_html(home: Path) -> None:
    layer = layer_with(home, "outil-long.yaml", LONG_TOOL.replace("TURNS", "6000"))
    result = sk(home, "run", "outil-long", "--kit", str(layer), "--answers", str(HOSTILE / "profile.yaml"),
                "--format", "md,html", "--out", str(home / "out"), "--date", DATE, "--lang", "en")
    clean(result, home)
    assert result.code == 0, result.text
    assert (home / "out" / "doc-claire-martin.md").stat().st_size > 300_000


@pytest.mark.parametrize("fmt", ["md", "html", "md,html,docx"])
def test_a_run_that_would_write_too_much_is_refused(fmt: str, lang: str, home: Path) -> None:
    # The run limit lowered to 2 MB, as SURVIVALKIT_KIT_LIMITS allows, so the test stays small;
    # the bounds themselves (300 000 characters, 100 MB) are read from the same place.
    layer = layer_with(home, "outil-nombreux.yaml", MANY_TOOL.replace("TURNS", "5000"))
    env = _env(home, SURVIVALKIT_KIT_LIMITS="written=2000000")
    result = sk(home, "run", "outil-nombreux", "--kit", str(layer), "--answers", str(HOSTILE / "profile.yaml"),
                "--format", fmt, "--out", str(home / "out"), "--date", DATE, "--lang", lang, env=env)
    clean(result, home)
    assert result.code == 1, result.text
    assert "outil-nombreux.yaml" in result.err
    assert ("rien n'a été écrit" if lang == "fr" else "nothing was written") in result.err
    assert not (home / "out").exists()


# --- 5. Windows reserved names ----------------------------------------------------------------------
def _windows_tool(document: str, example: str) -> str:
    return BASE_TOOL.replace("  - id: doc\n", f"  - id: {document}\n") + (
        f"examples:\n  - name: {example}\n    answers: {{}}\n")


@pytest.mark.parametrize(("document", "example", "bad"), [
    ("con", "exemple", "con"), ("doc", "aux", "aux"), ("nul", "com1", "nul"), ("lpt9", "exemple", "lpt9"),
    ("doc", "prn", "prn"), ("com3", "lpt1", "com3"),
])
def test_a_windows_device_name_in_a_kit_is_refused(
    document: str, example: str, bad: str, lang: str, home: Path
) -> None:
    layer = layer_with(home, "outil-windows.yaml", _windows_tool(document, example))
    result = sk(home, "validate", str(layer), "--lang", lang)
    clean(result, home)
    assert result.code == 1, result.text
    assert f"`{bad}`" in result.out
    assert ("que Windows réserve" if lang == "fr" else "Windows reserves") in result.out
    golden = home / "golden"
    update = sk(home, "golden", str(layer), "--update", "--golden-dir", str(golden), "--lang", lang)
    clean(update, home)
    assert update.code == 1, update.text
    assert not golden.exists() or not any(golden.rglob(f"{bad}*"))


@pytest.mark.parametrize("tool_id", ["prn", "con", "aux", "nul", "com1", "lpt5"])
def test_new_refuses_a_windows_device_name(tool_id: str, lang: str, home: Path) -> None:
    result = sk(home, "new", tool_id, "--dir", str(home / "outils"), "--lang", lang)
    clean(result, home)
    assert result.code == 2, result.text
    assert ("réserve" if lang == "fr" else "reserves") in result.err
    assert not (home / "outils" / f"{tool_id}.yaml").exists()


def test_new_names_the_part_too_long_before_writing(lang: str, home: Path) -> None:
    long_folder = home / ("dossier-" + "x" * 300)
    result = sk(home, "new", "outil-neuf", "--dir", str(long_folder / "tools"), "--lang", lang)
    clean(result, home)
    assert result.code == 2, result.text
    assert "dossier-xxxx" in result.err and ("trop long" if lang == "fr" else "too long") in result.err


# --- 3. real file systems ---------------------------------------------------------------------------
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _special(kind: str, path: Path, home: Path) -> None:
    """Make ``path`` a hostile file-system entry of ``kind``."""
    if kind == "loop":
        path.symlink_to(path)
    elif kind == "dangling":
        path.symlink_to(home / "nulle-part")
    elif kind == "fifo":
        _fifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "too-long":
        raise AssertionError("built by the caller")


OUT_CASES = {  # kind of --out: text the message holds (fr, en)
    "loop": ("tourne en boucle", "loops"),
    "dangling": ("lien symbolique vers rien", "symbolic link to nothing"),
    "fifo": ("pas un dossier", "not a folder"),
    "device": ("pas un dossier", "not a folder"),
    "too-long": ("Nom trop long", "Name too long"),
    "in-kit": ("dans le dossier de kit", "inside the kit folder"),
}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and FIFOs")
@pytest.mark.parametrize("kind", sorted(OUT_CASES))
def test_an_output_folder_the_file_system_refuses(kind: str, lang: str, home: Path) -> None:
    extra: list[str] = []
    if kind == "too-long":
        out = home / ("sortie-" + "x" * 300)
    elif kind == "in-kit":
        layer = layer_with(home, "outil-ok.yaml", BASE_TOOL)
        out, extra = layer / "tools", ["--kit", str(layer)]
    else:
        out = home / "sortie"
        _special(kind, out, home)
    result = sk(home, "run", "memo-achat-public", "--answers", str(GOOD), "--format", "md", "--out", str(out),
                "--date", DATE, "--lang", lang, *extra, timeout=30)
    clean(result, home)
    assert result.code == 1, result.text
    assert OUT_CASES[kind][0 if lang == "fr" else 1] in result.err
    assert ("sortie" in result.err) or kind == "in-kit"
    if kind == "in-kit":
        assert sorted(p.name for p in out.iterdir()) == ["outil-ok.yaml"]


TOOLS_CASES = {  # an entry of tools/: text validate reports (fr, en)
    "loop": ("tourne en boucle", "loops"),
    "dangling": ("qui n'existe pas", "does not exist"),
    "fifo": ("pas un fichier ordinaire", "not a regular file"),
    "device": ("pas un fichier ordinaire", "not a regular file"),
    "folder": ("un dossier porte le nom", "a folder is named like"),
}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and FIFOs")
@pytest.mark.parametrize("kind", sorted(TOOLS_CASES))
def test_validate_reports_what_it_could_not_read(kind: str, lang: str, home: Path) -> None:
    layer = layer_with(home, "outil-ok.yaml", BASE_TOOL)
    _special(kind, layer / "tools" / "outil-casse.yaml", home)
    for args in (["validate", str(layer)], ["list", "--kit", str(layer)]):
        # A cold validate reads every bundled document: the bound is a hang guard, not a speed test.
        result = sk(home, *args, "--lang", lang, timeout=180)
        clean(result, home)
        assert result.code == 1, result.text
        assert "outil-casse.yaml:1:1: " in result.text
        assert TOOLS_CASES[kind][0 if lang == "fr" else 1] in result.text


@pytest.mark.skipif(ROOT or sys.platform == "win32", reason="root reads a folder without permission")
def test_an_unreadable_tools_folder_is_reported(home: Path) -> None:
    layer = layer_with(home, "outil-ok.yaml", BASE_TOOL)
    (layer / "tools").chmod(0)
    try:
        result = sk(home, "validate", str(layer), "--lang", "fr")
    finally:
        (layer / "tools").chmod(0o755)
    clean(result, home)
    assert result.code == 1 and "ne peut pas être lu" in result.out


ANSWERS_CASES = ["loop", "dangling", "fifo", "device", "folder", "too-long"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and FIFOs")
@pytest.mark.parametrize("kind", ANSWERS_CASES)
def test_an_answers_file_the_file_system_refuses(kind: str, lang: str, home: Path) -> None:
    if kind == "too-long":
        path = home / ("reponses-" + "x" * 300 + ".yaml")
    else:
        path = home / "reponses.yaml"
        _special(kind, path, home)
    result = sk(home, "run", "memo-achat-public", "--answers", str(path), "--format", "md",
                "--out", str(home / "out"), "--lang", lang, timeout=30)
    clean(result, home)
    assert result.code == 1, result.text  # the system refused the file: an error, not a usage error
    assert "reponses" in result.err
    said = {"fr": ("ne peut pas être lu", "Impossible d'utiliser"), "en": ("cannot be read", "Cannot use")}[lang]
    assert any(words in result.err for words in said), result.err
    assert not (home / "out").exists()


@pytest.mark.parametrize("content", [b'objet: "\xff\xfe"\n', b"objet: [a\n", b"- une liste\n"])
def test_an_answers_file_with_a_wrong_content_is_a_usage_error_in_the_language_asked(
        content: bytes, lang: str, home: Path) -> None:
    path = home / "reponses.yaml"
    path.write_bytes(content)
    result = sk(home, "run", "memo-achat-public", "--answers", str(path), "--format", "md",
                "--out", str(home / "out"), "--lang", lang, timeout=30)
    clean(result, home)
    assert result.code == 2, result.text
    assert "reponses.yaml:" in result.err
    english = ("not valid", "save the file", "syntax error", "must be a mapping", "not a")
    french = ("n'est pas de l'UTF-8", "syntaxe", "doit être un tableau")
    if lang == "fr":
        assert not any(word in result.err for word in english), result.err
        assert any(word in result.err for word in french), result.err
    else:
        assert not any(word in result.err for word in french), result.err


DATA_FOLDER_CASES = {  # what takes the data folder's place: text the message holds (fr, en)
    "loop": ("boucle", "symbolic links"),
    "dangling": ("lien symbolique vers rien", "symbolic link to nothing"),
    "fifo": ("pas un dossier", "not a folder"),
    "device": ("pas un dossier", "not a folder"),
    "file": ("pas un dossier", "not a folder"),
}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and FIFOs")
@pytest.mark.parametrize("kind", sorted(DATA_FOLDER_CASES))
def test_a_data_folder_the_file_system_refuses_is_named(kind: str, lang: str, home: Path) -> None:
    data = home / "data"
    if kind == "file":
        data.write_text("pas un dossier\n", encoding="utf-8")
    else:
        _special(kind, data, home)
    for args in (["sessions"], ["profile"], ["profile", "clear"], ["sessions", "--restore", "1234"]):
        result = sk(home, *args, "--lang", lang, timeout=30)
        clean(result, home)
        assert result.code == 1, (args, result.text)  # never « no session » / « no profile »
        assert str(data) in result.err, result.err
        assert DATA_FOLDER_CASES[kind][0 if lang == "fr" else 1] in result.err, result.err
        assert "SURVIVALKIT_HOME" in result.err
    # A run that needs neither a session nor the profile still writes its documents.
    result = sk(home, "run", "memo-achat-public", "--answers", str(GOOD), "--format", "md",
                "--out", str(home / "out"), "--date", DATE, "--lang", lang, timeout=60)
    clean(result, home)
    assert result.code == 0, result.text
    assert any(p.suffix == ".md" for p in (home / "out").iterdir())


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and FIFOs")
@pytest.mark.parametrize("kind", ["loop", "dangling", "fifo", "device", "folder"])
def test_a_profile_that_is_not_a_file_is_said_never_read(kind: str, lang: str, home: Path) -> None:
    (home / "data").mkdir()
    _special(kind, home / "data" / "profile.yaml", home)
    for args in (["profile"], ["run", "memo-achat-public", "--use-profile", "--answers", str(GOOD), "--format", "md",
                               "--out", str(home / "out"), "--date", DATE]):
        result = sk(home, *args, "--lang", lang, timeout=30)
        clean(result, home)
        assert result.code == 0, result.text
        assert ("n'est pas un fichier ordinaire" if lang == "fr" else "is not a regular file") in result.err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and FIFOs")
@pytest.mark.parametrize("kind", ["loop", "fifo", "device", "folder"])
def test_a_kit_folder_the_file_system_refuses(kind: str, home: Path) -> None:
    path = home / "kit-hostile"
    _special(kind, path, home)
    result = sk(home, "list", "--kit", str(path), "--lang", "en", timeout=30)
    clean(result, home)
    assert result.code == 1, result.text
    assert "kit-hostile" in result.err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX FIFOs")
def test_a_session_file_that_is_a_fifo_never_hangs(home: Path) -> None:
    folder = home / "data" / "sessions" / "tool-memo-achat-public"
    folder.mkdir(parents=True)
    _fifo(folder / "20261201-101010-abcd.json")
    for args in (["sessions"], ["run", "memo-achat-public", "--resume", "--answers", str(GOOD), "--format", "md",
                                "--out", str(home / "out"), "--date", DATE]):
        result = sk(home, *args, "--lang", "en", timeout=30)
        clean(result, home)
        assert result.code == 0, result.text


# --- 1. Unicode --------------------------------------------------------------------------------------
UNICODE_TOOL = BASE_TOOL.replace("documents:", """questions:
  - id: commune
    type: choice
    label: Votre commune
    choices:
      - {value: orleans, label: Orléans}
      - {value: tours, label: Tours}
  - id: lieu
    label: Lieu
documents:""").replace("Bonjour.", "{% if lieu == 'Orléans' %}LOIRET{% else %}AILLEURS{% endif %} {{ commune }}")
NFD = "Orle\u0301ans"


@pytest.mark.parametrize(("lieu", "commune", "expected"), [
    (NFD, NFD, "LOIRET orleans"),  # decomposed, as some editors and macOS write it
    ("Orléans", NFD.upper(), "LOIRET orleans"),
    (NFD, "1", "LOIRET orleans"),
    ("Orle\u0301ans\u00a0", "Tours", "LOIRET tours"),  # a trailing no-break space is trimmed
])
def test_a_decomposed_answer_takes_the_same_branch(lieu: str, commune: str, expected: str, home: Path) -> None:
    layer = layer_with(home, "outil-unicode.yaml", UNICODE_TOOL)
    answers = home / "reponses.yaml"
    answers.write_text(PROFILE + f'lieu: "{lieu}"\ncommune: "{commune}"\n', "utf-8")
    out = home / "out"
    result = sk(home, "run", "outil-unicode", "--kit", str(layer), "--answers", str(answers), "--format", "md",
                "--out", str(out), "--date", DATE, "--lang", "fr")
    clean(result, home)
    assert result.code == 0, result.text
    assert expected in (out / "doc-claire-martin.md").read_text("utf-8")
    replay = yaml.safe_load((out / "answers.yaml").read_text("utf-8"))
    assert replay["answers"]["lieu"] == "Orléans"  # stored composed (NFC)


@pytest.mark.parametrize(("key", "shown"), [
    ("objet\u200b", "objet\\u200b"),  # zero-width space
    ("\u043ebjet", "\\u043ebjet"),  # Cyrillic « о »
    ("obj\uff45t", "obj\\uff45t"),  # fullwidth « ｅ »
    ("objet\u2060", "objet\\u2060"),  # word joiner
    ("o\u0301bjet", "óbjet"),  # composed once normalised: a visible ó
])
def test_an_invisible_or_look_alike_key_is_shown_escaped(key: str, shown: str, lang: str, home: Path) -> None:
    answers = home / "reponses.yaml"
    answers.write_text(GOOD.read_text("utf-8").replace("objet: six ateliers", f'"{key}": six ateliers'), "utf-8")
    result = sk(home, "run", "memo-achat-public", "--answers", str(answers), "--format", "md",
                "--out", str(home / "out"), "--date", DATE, "--lang", lang)
    clean(result, home)
    assert result.code == 2, result.text
    assert f"`{shown}`" in result.err, result.err
    assert ("vouliez-vous dire `objet`" if lang == "fr" else "did you mean `objet`") in result.err


@pytest.mark.parametrize(("first", "second"), [
    ("Orléans", "Orle\u0301ans"), ("Tours", "TOURS"), ("Tours", "\uff34ours"), ("Tours", "Tou\u200brs"),
    ("Blois", "Blois\u00a0"),
])
def test_choice_labels_equal_once_normalised_are_a_lint_error(first: str, second: str, lang: str, home: Path) -> None:
    tool = UNICODE_TOOL.replace("{value: orleans, label: Orléans}", f'{{value: orleans, label: "{first}"}}').replace(
        "{value: tours, label: Tours}", f'{{value: tours, label: "{second}"}}')
    layer = layer_with(home, "outil-unicode.yaml", tool)
    result = sk(home, "validate", str(layer), "--lang", lang)
    clean(result, home)
    assert result.code == 1, result.text
    line = next(x for x in result.out.splitlines() if "[SK016]" in x)
    assert "outil-unicode.yaml:19:" in line and "questions[0].choices[1].label" in line
    assert ("se lit comme celui du choix 1" if lang == "fr" else "reads like that of choice 1") in line


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and FIFOs")
@pytest.mark.parametrize("kind", ["fifo", "device", "loop", "dangling", "folder"])
def test_a_pdf_form_the_file_system_refuses(kind: str, lang: str, home: Path) -> None:
    path = home / "formulaire.pdf"
    _special(kind, path, home)
    result = sk(home, "run", "memo-achat-public", "--answers", str(path), "--format", "md",
                "--out", str(home / "out"), "--lang", lang, timeout=30)
    clean(result, home)
    assert result.code in (1, 2), result.text
    assert "formulaire.pdf" in result.err
    assert not (home / "out").exists()


@pytest.mark.parametrize("given", ["", ",", " , ,"])
def test_an_empty_format_list_is_refused_not_read_as_the_usual_formats(given: str, lang: str, home: Path) -> None:
    for command in (["run", "memo-achat-public"], []):
        result = sk(home, *command, "--answers", str(GOOD), "--format", given, "--out", str(home / "out"),
                    "--date", DATE, "--lang", lang, timeout=30)
        clean(result, home)
        assert result.code == 2, result.text
        assert ("au moins un format" if lang == "fr" else "at least one format") in result.err
        assert not (home / "out").exists()


def test_a_hand_edited_project_record_never_links_or_moves_files_outside_its_folder(home: Path) -> None:
    """The record (answers.yaml) of a project folder is a file anyone can edit: the names of the
    documents it lists are plain file names of the folder, or they are left out."""
    out = home / "projet"
    first = sk(home, "run", "memo-achat-public", "--answers", str(GOOD), "--format", "md,html", "--out", str(out),
               "--date", DATE, "--lang", "fr", timeout=60)
    assert first.code == 0, first.text
    victim = home / "victime.txt"
    victim.write_text("à garder\n", encoding="utf-8")
    record = yaml.safe_load((out / "answers.yaml").read_text("utf-8"))
    if "documents" not in record:  # a one-tool record: a second tool makes it a project
        kit_tool = Path(__file__).parents[1] / "kit" / "tools" / "pass-fab-lab.yaml"
        example = yaml.safe_load(kit_tool.read_text("utf-8"))["examples"][0]["answers"]
        fab = home / "atelier.yaml"
        fab.write_text(yaml.safe_dump(dict(example), allow_unicode=True), encoding="utf-8")
        second = sk(home, "run", "pass-fab-lab", "--answers", str(fab), "--format", "md",
                    "--out", str(out), "--date", DATE, "--lang", "fr", timeout=60)
        clean(second, home)
        assert second.code == 0, second.text
        record = yaml.safe_load((out / "answers.yaml").read_text("utf-8"))
    assert "documents" in record, record
    hostile = ["../victime.txt", str(victim), "/etc/passwd", "CON.md", ".cache", "a\nb.md", "dossier/x.md"]
    for docs in record["documents"].values():
        for doc in docs:
            doc["files"] = hostile
            doc["title"] = "[clic](javascript:alert(1))"
    record["previous"] = {tid: [{"title": "T", "date": "n'importe quand", "files": hostile}]
                          for tid in record["documents"]}
    (out / "answers.yaml").write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    again = sk(home, "run", "memo-achat-public", "--answers", str(GOOD), "--format", "md,html", "--out", str(out),
               "--date", DATE, "--lang", "fr", "--force", timeout=60)
    clean(again, home)
    assert again.code == 0, again.text
    assert victim.read_text("utf-8") == "à garder\n"
    index = (out / "index.md").read_text("utf-8") + (out / "index.html").read_text("utf-8")
    for name in ("victime", "passwd", "CON.md", ".cache", "dossier/", "javascript:", "n'importe quand"):
        assert name not in index, name
    kept = yaml.safe_load((out / "answers.yaml").read_text("utf-8"))
    listed = [name for docs in [*kept.get("documents", {}).values(), *kept.get("previous", {}).values()]
              for doc in docs for name in doc["files"]]
    assert listed and all("/" not in name and not name.startswith(".") for name in listed), listed
