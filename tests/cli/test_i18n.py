"""Interface language: every message in French and English; language choice; plain output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import run_cli
from survivalkit.i18n import resolve_lang, t
from survivalkit.i18n.messages import MESSAGES

SRC = Path(__file__).resolve().parents[2] / "src" / "survivalkit"


def test_every_message_exists_in_both_languages() -> None:
    for key, entry in MESSAGES.items():
        assert entry.get("fr") and entry.get("en"), key
        assert set(re.findall(r"{(\w+)}", entry["fr"])) == set(re.findall(r"{(\w+)}", entry["en"])), key


def _message_keys_in_code() -> set[str]:
    """Every literal key given to ``t`` or to a helper that passes its argument on to ``t``."""
    import ast

    trees = [ast.parse(path.read_text("utf-8")) for path in SRC.rglob("*.py")]
    helpers: dict[str, int] = {"t": 0, "Msg": 0}  # function name → position of the key argument
    changed = True
    while changed:  # a helper of a helper is a helper too
        changed = False
        for tree in trees:
            for fn in ast.walk(tree):
                if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef) or fn.name in helpers:
                    continue
                params = [a.arg for a in fn.args.posonlyargs + fn.args.args]
                for call in ast.walk(fn):
                    name = _called(call)
                    if name in helpers and len(call.args) > helpers[name]:  # type: ignore[union-attr]
                        arg = call.args[helpers[name]]  # type: ignore[union-attr]
                        if isinstance(arg, ast.Name) and arg.id in params:
                            helpers[fn.name] = params.index(arg.id) - (1 if params[:1] in (["self"], ["cls"]) else 0)
                            changed = True
                            break
    keys: set[str] = set()
    for tree in trees:
        for call in ast.walk(tree):
            name = _called(call)
            if name in helpers and len(call.args) > helpers[name]:  # type: ignore[union-attr]
                arg = call.args[helpers[name]]  # type: ignore[union-attr]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    keys.add(arg.value)
    return keys


def _called(node: object) -> str | None:
    import ast

    if not isinstance(node, ast.Call):
        return None
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def test_every_key_used_in_the_code_is_in_the_catalog() -> None:
    used = _message_keys_in_code()
    assert len(used) > 300, "the scan finds the keys given to t() and to its helpers"
    assert sorted(used - set(MESSAGES)) == []


@pytest.mark.parametrize(("option", "env", "expected"), [
    ("en", {"SURVIVALKIT_LANG": "fr"}, "en"),
    (None, {"SURVIVALKIT_LANG": "fr", "LANG": "C"}, "fr"),
    (None, {"LANG": "fr_FR.UTF-8"}, "fr"),
    (None, {"LANG": "en_GB.UTF-8"}, "en"),
    (None, {"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
    (None, {"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
    # No language in the locale, or another one: the kit's source language, French.
    (None, {"LANG": "C.UTF-8"}, "fr"),
    (None, {"LANG": "C"}, "fr"),
    (None, {"LANG": "POSIX"}, "fr"),
    (None, {"LANG": "de_DE.UTF-8"}, "fr"),
    (None, {"LANG": "english"}, "fr"),
    (None, {}, "fr"),
])
def test_language_resolution(option: str | None, env: dict[str, str], expected: str) -> None:
    assert resolve_lang(option, env) == expected


def test_placeholders_are_filled() -> None:
    assert t("progress", "fr", index=3, total=8) == "Question 3 sur 8"
    assert t("progress", "en", index=3, total=8) == "Question 3 of 8"


def test_plain_output_has_no_escape_codes_or_boxes(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["list", "--lang", "fr"], ["show", "pass-fab-lab", "--lang", "en"]):
        code, out, err = run_cli(args, capsys)
        assert code == 0
        assert "\x1b[" not in out + err
        assert not re.search(r"[\u2500-\u257f]", out + err)


def test_same_command_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    _, fr, _ = run_cli(["show", "memo-achat-public", "--lang", "fr"], capsys)
    _, en, _ = run_cli(["show", "memo-achat-public", "--lang", "en"], capsys)
    assert "Pièges à éviter" in fr and "Pitfalls" in en
    assert "Public procurement memo" in en


def test_help_is_french_in_french(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    def helptext(lang: str, *args: str) -> str:
        env = {**os.environ, "LANG": "fr_FR.UTF-8" if lang == "fr" else "en_US.UTF-8", "LC_ALL": ""}
        env.pop("SURVIVALKIT_LANG", None)
        done = subprocess.run([sys.executable, "-m", "survivalkit", *args, "--help"], env=env,
                              capture_output=True, text=True, timeout=60, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout

    fr = helptext("fr", "run")
    assert "Utilisation :" in fr and "Options :" in fr and "Affiche cette aide" in fr
    assert "Usage:" not in fr and "Show this message" not in fr and "FICHIER" in fr
    en = helptext("en", "run")
    assert "Usage:" in en and "Answers one tool's questions" in en and "FILE" in en


def test_usage_errors_in_french(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")  # no language in the locale: French, the kit's language
    code, _, err = run_cli(["lst"], capsys)
    assert code == 2 and "Commande inconnue\xa0: lst" in err and "Vouliez-vous dire" in err


def test_a_text_missing_in_english_falls_back_to_french_with_a_notice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from helpers import MINI_TOOL

    layer = tmp_path / "layer"
    (layer / "tools").mkdir(parents=True)
    (layer / "tools" / "outil-fr.yaml").write_text(MINI_TOOL, "utf-8")  # French only
    code, out, err = run_cli(["show", "outil-fr", "--kit", str(layer), "--lang", "en"], capsys)
    assert code == 0
    assert "Outil test" in out and "Steps" in out  # French content, English interface
    assert "exist only in French" in err
    code, _, err = run_cli(["show", "memo-achat-public", "--lang", "en"], capsys)
    assert "exist only in French" not in err


def _help(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run_cli([*args], capsys)
    assert code == 0, err
    return out


def test_lang_given_anywhere_sets_the_help_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    for args in (["run", "--help", "--lang", "en"], ["run", "--lang=en", "--help"], ["--lang", "en", "run", "--help"]):
        shown = _help(args, capsys)
        assert "Usage:" in shown and "Answers one tool's questions" in shown, args
    assert "Utilisation :" in _help(["run", "--help"], capsys)
    # A value that only looks like the option is not read as one.
    code, _, _ = run_cli(["run", "--set", "--lang=en", "--help"], capsys)
    assert code == 0


def test_commands_are_built_for_a_language_and_nothing_is_left_behind() -> None:
    import typer

    from survivalkit.cli import app as cli
    from survivalkit.cli.commands import catalog_cmds, run_cmd

    english = typer.main.get_command(cli.build_app("en"))
    french = typer.main.get_command(cli.build_app("fr"))
    assert "Answers one tool's questions" in (english.commands["run"].help or "")  # type: ignore[attr-defined]
    assert "Répond aux questions" in (french.commands["run"].help or "")  # type: ignore[attr-defined]
    for module in (cli, run_cmd, catalog_cmds):
        assert not {"LANG", "KitOpt", "LangOpt", "PlainOpt"} & set(vars(module)), module.__name__


def test_without_a_language_in_the_locale_the_journey_opens_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    monkeypatch.setenv("LANG", "C.UTF-8")
    answers = tmp_path / "parcours.yaml"
    answers.write_text(yaml.safe_dump({"situation": {"etape": "idee", "besoins": ["temps"], "structure": "etat"},
                                       "tools": ["decharge-temps-innovation"]}), "utf-8")
    code, _, err = run_cli(["--answers", str(answers), "--out", str(tmp_path / "out")], capsys)
    assert code == 2  # answers are missing: the message is French
    assert "manquant" in err.lower() or "manque" in err.lower(), err
    assert "missing" not in err.lower()


def test_a_quoted_title_that_holds_quotes_takes_the_second_level_of_quotes() -> None:
    """« repris de « Mémo « achat public » » » reads as « repris de « Mémo “achat public” » »: the
    quotes inside a quoted tool title are the second level (French “ ”, English ‘ ’)."""
    from survivalkit.i18n import t

    said = t("data.from", "fr", tool="Mémo « achat public »", date="9 mars 2026")
    assert said == "repris de « Mémo “achat public” » du 9 mars 2026"
    assert t("data.from", "en", tool="Memo “public purchase”", date="9 March 2026") == (
        "from “Memo ‘public purchase’” of 9 March 2026")
    assert t("data.from", "fr", tool="Pass Fab Lab", date="9 mars 2026") == "repris de « Pass Fab Lab » du 9 mars 2026"


def test_the_table_of_commands_names_what_each_module_registers() -> None:
    """`build_app(lang, only)` imports one module per command: the table must say which (issue 30)."""
    import typer

    from survivalkit.cli import app as cli

    everything = typer.main.get_command(cli.build_app("fr"))
    assert list(everything.commands) == list(cli.COMMANDS)  # type: ignore[attr-defined]
    for name, module in cli.COMMANDS.items():
        alone = typer.main.get_command(cli.build_app("fr", name))
        built = set(alone.commands)  # type: ignore[attr-defined]
        assert built == {n for n, m in cli.COMMANDS.items() if m == module}, name
