"""Test helpers: build small kits inline, drive the CLI, script an interview."""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    import pexpect

from survivalkit.engine.asker import RecapRow, Step
from survivalkit.kit.model import Term

MINI_KIT = """\
schema_version: 1
title: Mini kit
version: "0.1"
description: Un kit de test.
stages:
  - id: idee
    title: L'idée
profile:
  - id: nom
    label: Votre nom
situation:
  - id: besoins
    type: multichoice
    label: Besoins ?
    choices:
      - {value: acheter, label: Acheter}
      - {value: temps, label: Du temps}
facts:
  seuil:
    label: Un seuil
    unit: EUR_HT
    source: un décret
    values:
      - {from: 2020-01-01, value: 40000}
      - {from: 2026-04-01, value: 60000}
"""

MINI_TOOL = """\
schema_version: 1
title: Outil test
summary: Un outil de test.
stages: [idee]
relevance:
  - when: "'acheter' in besoins"
    why: Vous achetez.
reviewed: 2026-11-20
sources:
  - title: Un texte
    reference: art. 1
sheet:
  when_to_use: Toujours.
  steps: [Faire.]
questions:
  - id: objet
    label: Quoi ?
  - id: montant
    type: amount
    label: Combien ?
documents:
  - id: note
    title: Note
    filename: "note-{{ objet | slug }}"
    template: |
      # Note : {{ objet }}
      Montant : {{ montant | euros }}
"""


def build_tree(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (relative path → text, dedented) under ``root``."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def mini_kit(root: Path, tool: str = MINI_TOOL, name: str = "outil-test") -> Path:
    """A one-tool kit in ``root``."""
    return build_tree(root, {"kit.yaml": MINI_KIT, f"tools/{name}.yaml": tool})


def run_cli(args: Sequence[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the command line in-process; return (exit code, stdout, stderr)."""
    from survivalkit.cli.app import main

    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    code = exc.value.code
    return int(code) if isinstance(code, int) else 1, out, err


def spawn_cli(args: Sequence[str], *, data: Path, cwd: Path, width: int = 120, **env: str) -> pexpect.spawn:
    """survivalkit in a real pseudo-terminal, with its data in ``data`` and no colour."""
    import pexpect

    environ = {k: v for k, v in os.environ.items() if not k.startswith("SURVIVALKIT_")}
    environ.update(TERM="dumb", NO_COLOR="1", PYTHONIOENCODING="utf-8", COLUMNS=str(width),
                   SURVIVALKIT_HOME=str(data), **env)
    return pexpect.spawn(sys.executable, ["-m", "survivalkit", *args], env=environ, cwd=str(cwd),
                         encoding="utf-8", timeout=20, dimensions=(50, width))


class ScriptedAsker:
    """An ``Asker`` that replies from a list, recording what it was shown."""

    def __init__(self, replies: Sequence[str], recap_replies: Sequence[str] = ("",)) -> None:
        self.replies = list(replies)
        self.recap_replies = list(recap_replies)
        self.steps: list[Step] = []
        self.helps: list[tuple[str, list[str]]] = []
        self.recaps: list[list[RecapRow]] = []

    def ask(self, step: Step) -> str:
        self.steps.append(step)
        if not self.replies:
            raise AssertionError(f"no scripted reply left for {step.question.id}")
        return self.replies.pop(0)

    def show_help(self, step: Step, help_text: str, terms: Sequence[Term]) -> None:
        self.helps.append((help_text, [t.term for t in terms]))

    def recap(self, rows: Sequence[RecapRow], error: str | None) -> str:
        self.recaps.append(list(rows))
        return self.recap_replies.pop(0) if self.recap_replies else ""

    @property
    def asked(self) -> list[str]:
        """Question ids in the order they were asked."""
        return [s.question.id for s in self.steps]


# One agent and one memo, answered as typed (the amount and the date in French), for the tests of
# the engine, the API and the formats.
PROFILE = {"nom": "Claire Martin", "fonction": "Chargée de mission innovation", "organisation": "DDT du Gard",
           "courriel": "claire.martin@gard.gouv.fr"}
MEMO = {**PROFILE, "projet_nom": "Rendez-vous en ligne", "projet_description": "Les usagers attendent.",
        "objet": "six ateliers", "nature": "services", "montant": "45 000 €", "acheteur": "etat",
        "innovant": "non", "connaissance_marche": "non", "echeance": "15/01/2027"}
