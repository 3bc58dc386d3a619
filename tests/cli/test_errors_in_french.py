"""A French user never meets an English sentence: each family of errors, triggered under --lang fr,
is said in French (errors are data, translated once at the edge)."""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from helpers import MINI_KIT, MINI_TOOL, build_tree, run_cli

HOSTILE = Path(__file__).resolve().parents[1] / "hostile"
MEMO = {"nom": "Claire Martin", "fonction": "Chargée de mission", "organisation": "DDT du Gard",
        "courriel": "claire.martin@gard.gouv.fr", "projet_nom": "Rendez-vous en ligne",
        "projet_description": "Les usagers attendent.", "objet": "six ateliers", "nature": "services",
        "montant": "45 000 €", "acheteur": "etat", "innovant": "non", "connaissance_marche": "non",
        "echeance": "15/01/2027"}
PROFILE_SETS = [part for key in ("nom", "fonction", "organisation", "courriel")
                for part in ("--set", f"{key}={MEMO[key]}")]
ENGLISH = re.compile(
    r"\b(the|cannot|could|already|exists?|needs?|unknown|denied|space|left|device|too|symbolic|links?"
    r"|undefined|named|must|order|choose|with|without|not|no|is|are|of|and|saved|file|folder"
    r"|output|refused|write|error|has|attribute|values?|increasing|only|goes)\b",
    re.IGNORECASE,
)


def _english_words(text: str) -> list[str]:
    # Paths and command lines are the user's own words: only the sentences are checked.
    words = [w for w in text.split() if "/" not in w and not w.startswith("-") and "=" not in w]
    return ENGLISH.findall(" ".join(words))


def _memo_answers(tmp_path: Path) -> Path:
    path = tmp_path / "reponses.yaml"
    path.write_text(yaml.safe_dump(MEMO, allow_unicode=True), "utf-8")
    return path


def _run_memo(tmp_path: Path, *extra: str) -> list[str]:
    return ["run", "memo-achat-public", "--answers", str(_memo_answers(tmp_path)), "--format", "md",
            "--out", str(tmp_path / "out"), *extra]


def _layer(tmp_path: Path, tool: str) -> Path:
    return build_tree(tmp_path / "kit", {"kit.yaml": MINI_KIT, "tools/outil-test.yaml": tool})


def _os_error(code: int) -> Callable[[Path, pytest.MonkeyPatch], None]:
    def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        def refuse(folder: Path) -> tuple[int, Path]:
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr("survivalkit.files.writer._create", refuse)

    return install


def _files_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "index.md").write_text("déjà là", "utf-8")


def _no_weasyprint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # `import weasyprint` raises ImportError


CASES: dict[str, tuple[Callable[[Path], list[str]], Callable[[Path, pytest.MonkeyPatch], None] | None, str]] = {
    "jinja-unknown-filter": (
        lambda p: ["run", "outil-test", "--kit", str(_layer(p, MINI_TOOL.replace("{{ objet }}\n",
                   "{{ objet | capitalise }}\n"))), *PROFILE_SETS, "--set", "objet=B", "--set", "montant=3",
                   "-f", "md", "--out", str(p / "out")],
        None, "pas de filtre nommé « capitalise »"),
    "jinja-missing-attribute": (
        lambda p: ["run", "outil-test", "--kit", str(_layer(p, MINI_TOOL.replace("{{ objet }}\n",
                   "{{ situation.montant }}\n"))), *PROFILE_SETS, "--set", "objet=B", "--set", "montant=3",
                   "-f", "md", "--out", str(p / "out")],
        None, "n'a pas d'attribut « montant »"),
    "kit-condition": (
        lambda p: ["run", "outil-test", "--kit", str(_layer(p, MINI_TOOL.replace("    type: amount\n",
                   "    type: amount\n    when: \"1 // 0 > 1\"\n"))), *PROFILE_SETS, "--set", "objet=B",
                   "-f", "md", "--out", str(p / "out")],
        None, "ne peut pas être évaluée"),
    "pydantic": (
        lambda p: ["list", "--kit", str(_layer(p, MINI_TOOL.replace("  - id: montant\n",
                   "  - id: montant\n    choices: [{value: a, label: A}]\n")))],
        None, "ne va qu'avec choice ou multichoice"),
    "yaml": (
        lambda p: ["list", "--kit", str(_layer(p, MINI_TOOL.replace("  - id: montant\n", "  - id: montant\n\t")))],
        None, "tabulation"),
    "writer-files-exist": (lambda p: _run_memo(p), _files_exist, "ces fichiers existent déjà"),
    "store-no-session": (lambda p: ["sessions", "--restore", "1234"], None, "aucune session enregistrée"),
    "format-unknown": (lambda p: [*_run_memo(p)[:-4], "--format", "xyz"], None, "Format inconnu « xyz »"),
    "set-form": (lambda p: [*_run_memo(p), "--set", "objet"], None, "sous la forme clé=valeur"),
    "missing-weasyprint": (lambda p: [*_run_memo(p)[:-4], "--format", "pdf", "--out", str(p / "out")],
                           _no_weasyprint, "il y manque WeasyPrint. Pour l'ajouter : pip install"),
    "os-not-found": (lambda p: _run_memo(p), _os_error(errno.ENOENT), "fichier ou dossier introuvable"),
    "os-permission": (lambda p: _run_memo(p), _os_error(errno.EACCES), "permission refusée"),
    "os-disk-full": (lambda p: _run_memo(p), _os_error(errno.ENOSPC), "plus de place sur le disque"),
    "os-name-too-long": (lambda p: _run_memo(p), _os_error(errno.ENAMETOOLONG), "nom de fichier trop long"),
    "os-symlink-loop": (lambda p: _run_memo(p), _os_error(errno.ELOOP), "trop de niveaux de liens"),
}


@pytest.mark.parametrize("family", list(CASES))
def test_each_family_of_errors_is_said_in_french(
    family: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args, setup, french = CASES[family]
    if setup is not None:
        setup(tmp_path, monkeypatch)
    code, out, err = run_cli([*args(tmp_path), "--lang", "fr"], capsys)
    said = (out + err).replace("\u202f", " ").replace("\xa0", " ")
    assert code in (1, 2), said
    assert french in said, said
    assert "Traceback" not in said
    assert _english_words(said) == [], said
