"""Names keep their capitals; common phrases are lowered inside a sentence, never at a line's start."""

from __future__ import annotations

import pytest

from survivalkit.sandbox.expressions import environment
from survivalkit.text.casing import Name, marking, mid_sentence, settle_capitals

# Answers to questions marked `name: true`: kept exactly as typed.
NAMES = [
    "Tremplin", "Ville de Paris", "Agence régionale de santé Occitanie", "Lyon", "Préfecture de la Drôme",
    "Conseil départemental de l'Ardèche", "Région Auvergne-Rhône-Alpes", "Nadia Ferrand", "Fab Lab de la Cité",
    "Ministry of Ecological Transition", "Greater London Authority", "Camden", "Open Data Institute",
    "Le Havre", "La Poste", "Les Ateliers du Numérique", "Bpifrance", "Docs", "Mission",
]  # fmt: skip

# Names recognisable without the flag: acronyms, inner capitals, several capitalised words.
RECOGNISED = [
    "Ministry of Ecological Transition", "Caisse Nationale d'Assurance Maladie", "Nadia Ferrand", "DINUM",
    "LibreOffice", "Department for Education", "Mme Roux", "État", "France Travail",
]  # fmt: skip

# Common phrases: lowered inside a sentence.
PHRASES = [
    ("Une prestation de conception", "une prestation de conception"),
    ("Chef de projet numérique", "chef de projet numérique"),
    ("Secrétaire générale de la préfecture", "secrétaire générale de la préfecture"),
    ("Des ateliers avec les usagers", "des ateliers avec les usagers"),
    ("Le service des aides sociales", "le service des aides sociales"),
    ("Instructrice des demandes d'aide", "instructrice des demandes d'aide"),
    ("A design service with users", "a design service with users"),
    ("Head of digital services", "head of digital services"),
    ("Project manager", "project manager"),
    ("Workshops with residents", "workshops with residents"),
]


@pytest.mark.parametrize("name", NAMES)
def test_an_answer_marked_as_a_name_is_kept_as_typed(name: str) -> None:
    assert mid_sentence(Name(name)) == name


@pytest.mark.parametrize("name", RECOGNISED)
def test_names_in_capitals_or_title_case_are_recognised_without_the_flag(name: str) -> None:
    assert mid_sentence(name) == name


@pytest.mark.parametrize(("phrase", "lowered"), PHRASES)
def test_common_phrases_lose_their_capital_inside_a_sentence(phrase: str, lowered: str) -> None:
    assert mid_sentence(phrase) == lowered


def render(template: str, **values: object) -> str:
    with marking():
        return settle_capitals(environment().from_string(template).render(**values))


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("Julien Marchand\n{{ f | milieu }}\nPréfecture", "Julien Marchand\nChef de projet numérique\nPréfecture"),
        ("{{ f | milieu }}, à Valence", "Chef de projet numérique, à Valence"),
        ("- {{ f | milieu }}", "- Chef de projet numérique"),
        ("## {{ f | milieu }}", "## Chef de projet numérique"),
        ("Texte.\n\n**{{ f | milieu }}** : oui", "Texte.\n\n**Chef de projet numérique** : oui"),
        ("C'est fait. {{ f | milieu }} signe.", "C'est fait. Chef de projet numérique signe."),
        ("Julien Marchand, {{ f | milieu }}", "Julien Marchand, chef de projet numérique"),
        ("le poste de {{ f | milieu }} :", "le poste de chef de projet numérique :"),
    ],
)
def test_milieu_never_lowers_an_answer_that_starts_a_line_a_block_or_a_sentence(template: str, expected: str) -> None:
    assert render(template, f="Chef de projet numérique") == expected


def test_a_name_answer_keeps_its_capital_in_a_document_sentence() -> None:
    template = "un programme extérieur : {{ p | milieu }}, porté par {{ o | milieu }}"
    assert render(template, p=Name("Tremplin"), o=Name("Ville de Paris")) == (
        "un programme extérieur : Tremplin, porté par Ville de Paris")
    assert render(template, p="Tremplin", o="Ville de Paris") == (
        "un programme extérieur : tremplin, porté par Ville de Paris")  # why the flag is needed


def test_outside_a_document_milieu_lowers_at_once_and_a_stray_mark_is_harmless() -> None:
    assert environment().from_string("{{ f | milieu }}").render(f="Chef de projet") == "chef de projet"
    assert render("x {{ f }}", f="\ue000Abc") == "x abc"  # an answer cannot do more than that
    assert "\ue000" not in render("{{ f }} {{ f }}", f="\ue000\ue000")


def test_the_bundled_kit_marks_the_questions_whose_answer_is_a_name() -> None:
    from survivalkit.kit.loader import bundled_kit_dir, load_kit
    from survivalkit.kit.model import tool_questions

    kit = load_kit([bundled_kit_dir()]).kit
    profile = {q.id for q in kit.info.profile if q.name}
    assert {"nom", "organisation", "ville"} <= profile and "fonction" not in profile
    for tool in kit.tools.values():
        questions = {q.id: q for q in tool_questions(kit, tool)}
        for qid, question in questions.items():
            if qid.endswith("_nom") or qid in ("titulaire", "prefecture", "signataire"):
                assert question.name, f"{tool.id}: {qid} is a name"
            if qid.endswith("_fonction") or qid == "usagers":
                assert not question.name, f"{tool.id}: {qid} is not a name"
