"""Sources marked « à vérifier » (`to_check`): `validate` lists them for a reviewer, never fails on them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from test_lint import TODAY, found, problems, region_tool

from helpers import MINI_KIT, build_tree, run_cli
from survivalkit.authoring.rules import lint
from survivalkit.kit.loader import bundled_kit_dir, load_kit

MARKED = """    reference: art. 1
    to_check:
      fr: Vérifier que l'article 1 fixe bien ce seuil.
      en: Check that Article 1 does set this threshold.
"""


def marked(tool: str) -> str:
    return tool.replace("    reference: art. 1\n", MARKED)


def test_a_source_to_check_is_a_note_naming_what_to_check_in_both_languages(tmp_path: Path) -> None:
    [problem] = [p for p in problems(tmp_path, marked(region_tool())) if p.rule == "SK190"]
    assert problem.severity == "info" and problem.key_path == "sources[0].to_check"
    assert problem.text("fr") == ("source « Un texte » (art. 1) à vérifier — "
                                  "Vérifier que l'article 1 fixe bien ce seuil.")
    assert problem.text("en") == ('source "A text" (art. 1) to be checked — '
                                  "Check that Article 1 does set this threshold.")


def test_a_source_without_to_check_is_not_listed(tmp_path: Path) -> None:
    assert found(tmp_path, "SK190", region_tool()) == []


def test_validate_strict_lists_the_sources_to_check_and_still_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layer = build_tree(tmp_path / "region", {"tools/outil-test.yaml": marked(region_tool())})
    code, out, err = run_cli(["validate", str(layer), "--strict", "--plain", "--lang", "fr"], capsys)
    assert code == 0, out + err
    assert re.search(r"outil-test\.yaml:\d+:\d+: note : sources\[0\]\.to_check: source « Un texte » "
                     r"\(art\. 1\) à vérifier — Vérifier que l'article 1 fixe bien ce seuil\. \[SK190\]", out)
    assert "0 erreur(s), 0 avertissement(s)" in out + err
    assert "1 point(s) à vérifier (SK190)" in out + err
    code, out, _ = run_cli(["validate", str(layer), "--format", "github", "--lang", "en"], capsys)
    assert code == 0
    assert re.search(r"^::notice file=\S+outil-test.yaml,line=\d+,col=\d+,title=SK190::"
                     r"sources\[0\]\.to_check: source \"A text\" \(art\. 1\) to be checked", out, re.M)


def test_the_api_never_counts_a_source_to_check_as_a_problem(tmp_path: Path) -> None:
    from survivalkit import api

    layer = build_tree(tmp_path / "region", {"tools/outil-test.yaml": marked(region_tool())})
    assert [p.rule for p in api.validate(layer, strict=True)] == []


def test_the_bundled_kit_marks_what_its_facts_do_not_hold() -> None:
    """The points the tools rely on that the kit's researched facts do not hold (issue 29) are
    marked « à vérifier », each saying what to check, in French and in English."""
    loaded = load_kit([bundled_kit_dir()])
    notes = [p for p in lint(loaded, today=TODAY) if p.rule == "SK190"]
    said = " ".join(p.text("fr") for p in notes)
    for point in ("R2131-16", "L2125-1", "article 28, paragraphe 3, du RGPD", "circulaire", "bloc marque",
                  "sept matières (art. 1)", "à qui le dispositif est ouvert"):
        assert point in said, point
    marked_refs = {(tool.id, s.reference or s.url) for tool in loaded.kit.tools.values()
                   for s in tool.sources if s.to_check}
    for reference in ("circulaire n° 6411-SG du 7 juillet 2023", "circulaire n° 6120/SG du 14 octobre 2019",
                      "Code de la commande publique, art. R2131-16",
                      "code général de la propriété des personnes publiques, art. L2125-1",
                      "RGPD, art. 28, paragraphe 3", "décret n° 2020-412 du 8 avril 2020, art. 1 à 3"):
        assert reference in {ref for _, ref in marked_refs}, reference
    for p in notes:
        assert p.text("en") != p.text("fr") and "to be checked — " in p.text("en")


# --- a fact's value marked « à vérifier » ----------------------------------------------------

FACT_TO_CHECK = MINI_KIT.replace(
    "      - {from: 2026-04-01, value: 60000}\n",
    "      - from: 2026-04-01\n        value: 60000\n        to_check:\n"
    "          fr: Une source donne 60 000 €, une autre 50 000 €.\n"
    "          en: One source gives €60,000, another €50,000.\n",
)
SEUIL_TOOL = """\
schema_version: 1
title: Outil test
summary: Un outil de test.
stages: [idee]
reviewed: 2026-11-20
sources:
  - {title: Un texte, reference: art. 1}
sheet: {when_to_use: Toujours., steps: [Faire.]}
documents:
  - id: note
    title: Note
    filename: note
    template: |
      Le seuil est de {{ fact('seuil') }}.
"""


@pytest.mark.parametrize(("day", "said"), [(dt.date(2026, 3, 31), False), (dt.date(2026, 4, 1), True)])
def test_a_document_using_a_value_to_check_ends_by_saying_what_to_check(
    tmp_path: Path, day: dt.date, said: bool
) -> None:
    from survivalkit.output.render import render_tool

    root = build_tree(tmp_path, {"kit.yaml": FACT_TO_CHECK, "tools/outil-test.yaml": SEUIL_TOOL})
    kit = load_kit([root]).kit
    [doc] = render_tool(kit, kit.tools["outil-test"], {}, day=day, lang="fr")
    notice = ("**À vérifier :** ce document s'appuie sur « Un seuil » (60 000 € HT), un point que le "
              "kit n'a pas encore pu vérifier. Une source donne 60 000 €, une autre 50 000 €. "
              "Source : un décret.")
    assert (notice in " ".join(doc.markdown.split())) is said
    [doc] = render_tool(kit, kit.tools["outil-test"], {}, day=day, lang="en")
    assert ("One source gives €60,000, another €50,000. Source: un décret." in doc.markdown) is said


def test_validate_lists_a_fact_value_to_check(tmp_path: Path) -> None:
    root = build_tree(tmp_path, {"kit.yaml": FACT_TO_CHECK, "tools/outil-test.yaml": SEUIL_TOOL})
    notes = [p for p in lint(load_kit([root], strict=False), today=TODAY) if p.rule == "SK190"]
    [note] = notes
    assert note.path.endswith("kit.yaml") and note.key_path == "facts.seuil.values[1].to_check"
    assert note.text("fr") == ("la valeur de `seuil` au 2026-04-01 est à vérifier — "
                               "Une source donne 60 000 €, une autre 50 000 €.")
