"""validate reads what the documents say: every example and the branches one answer leads to,
in both languages; golden refuses to freeze what reads wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_lint import TOOL, problems

from helpers import MINI_KIT, build_tree
from survivalkit.authoring.reading import Locator, TemplatePart, read_document
from survivalkit.errors import Problem

MOTIF = (
    "  - id: urgent\n    type: bool\n    label: {fr: Urgent ?, en: Urgent?}\n"
    "  - id: motif\n    label: {fr: Pourquoi ?, en: Why?}\n    when: urgent\n"
)


def tool_with(fr_line: str, en_line: str = "", questions: str = "", answers: str = "") -> str:
    """The reference tool with one more line in each template, questions and answers."""
    tool = TOOL.replace("documents:", questions + "documents:", 1)
    tool = tool.replace("        Seuil : {{ fact('seuil') }}\n",
                        "        Seuil : {{ fact('seuil') }}\n\n        " + fr_line + "\n")
    if en_line:
        tool = tool.replace("      en: |\n", "      en: |\n        " + en_line + "\n\n")
    return tool.replace("montant: 12000}", "montant: 12000" + answers + "}")


def reported(tmp_path: Path, tool: str, rule: str) -> list[Problem]:
    return [p for p in problems(tmp_path, tool) if p.rule == rule]


def test_an_answer_skipped_by_its_when_prints_none_in_the_branch_that_skips_it(tmp_path: Path) -> None:
    tool = tool_with("Motif de l'urgence : {{ motif }}", questions=MOTIF,
                     answers=", urgent: true, motif: Un délai")
    [problem] = reported(tmp_path, tool, "SK030")
    assert problem.severity == "error"
    text = problem.text("fr")
    assert "la question `motif` n'a pas de réponse ici" in text
    assert "« Motif de l'urgence :" in text and "None" not in text
    assert "avec `urgent: false`" in text and "en français" in text
    # placed on the template line that prints it
    source = (tmp_path / "tools/outil-test.yaml").read_text(encoding="utf-8").splitlines()
    assert "{{ motif }}" in source[problem.line - 1]
    assert "with `urgent: false` in French" in problem.text("en")


def test_a_guarded_answer_is_fine(tmp_path: Path) -> None:
    tool = tool_with("{% if motif %}Motif de l'urgence : {{ motif }}{% endif %}", questions=MOTIF,
                     answers=", urgent: true, motif: Un délai")
    assert [p for p in problems(tmp_path, tool) if p.path.endswith("outil-test.yaml")] == []


def test_a_several_choice_answer_printed_as_a_python_list(tmp_path: Path) -> None:
    publics = ("  - id: publics\n    type: multichoice\n    label: {fr: Publics ?, en: Who?}\n"
               "    choices:\n      - {value: usagers, label: {fr: Usagers, en: Users}}\n"
               "      - {value: agents, label: {fr: Agents, en: Staff}}\n")
    tool = tool_with("Publics : {{ publics }}", questions=publics,
                     answers=", publics: [usagers, agents]")
    [problem] = reported(tmp_path, tool, "SK030")
    assert "['usagers', 'agents']" in problem.text("en")
    fixed = tool.replace("{{ publics }}", "{{ publics | join(', ') }}")
    assert reported(tmp_path, fixed, "SK030") == []


def test_a_raw_choice_value_is_reported_where_it_is_printed(tmp_path: Path) -> None:
    methode = ("  - id: methode\n    type: choice\n    label: {fr: Méthode ?, en: Method?}\n"
               "    choices:\n"
               "      - {value: agregation, label: {fr: Agrégation de données, en: Aggregation}}\n"
               "      - {value: enquete, label: {fr: Une enquête, en: A survey}}\n")
    tool = tool_with("Méthode : {{ methode }}", questions=methode, answers=", methode: agregation")
    [problem] = reported(tmp_path, tool, "SK130")
    assert "« agregation »" in problem.text("fr")
    # the test tool's `nature` (value `travaux`, label `Travaux`) reads the same: nothing to say
    assert "nature" not in problem.text("en")


def test_bold_left_open(tmp_path: Path) -> None:
    [problem] = reported(tmp_path, tool_with("**Important : à lire."), "SK131")
    assert "`**`" in problem.text("en")
    assert reported(tmp_path, tool_with("**Important** : à lire."), "SK131") == []


def test_a_la_contraction_of_an_answer_starting_with_an_article(tmp_path: Path) -> None:
    lieu = "  - id: lieu\n    label: {fr: Où ?, en: Where?}\n"
    tool = tool_with("Rendez-vous à {{ lieu | milieu }}.", questions=lieu,
                     answers=", lieu: Le Quai des savoirs")
    [problem] = reported(tmp_path, tool, "SK132")
    assert "à le Quai des savoirs" in problem.text("fr")
    # « à le faire » written by the contributor is French
    assert reported(tmp_path, tool_with("Il reste à le faire."), "SK132") == []


def test_an_amount_in_french_format_in_the_english_document(tmp_path: Path) -> None:
    tool = tool_with("Seuil.", en_line="Threshold: {{ fact('seuil').value | euros('EUR_HT', 'fr') }}.")
    [problem] = reported(tmp_path, tool, "SK133")
    assert problem.key_path == "documents[0].template.en"
    assert "€ HT" in problem.text("en")
    fixed = tool_with("Seuil.", en_line="Threshold: {{ fact('seuil').value | euros('EUR_HT', 'en') }}.")
    assert reported(tmp_path, fixed, "SK133") == []


def test_what_the_agent_typed_in_french_stays_theirs(tmp_path: Path) -> None:
    texte = "  - id: texte\n    label: {fr: Texte ?, en: Text?}\n"
    tool = tool_with("Texte : {{ texte }}", en_line="Text: {{ texte }}", questions=texte,
                     answers=", texte: le décret du 1er janvier 2027")
    assert reported(tmp_path, tool, "SK133") == []


def test_an_empty_heading_in_the_branch_that_empties_it(tmp_path: Path) -> None:
    tool = tool_with("## {% if urgent %}Urgence{% endif %}", questions=MOTIF,
                     answers=", urgent: true, motif: Un délai")
    tool = tool.replace("        Seuil : {{ fact('seuil') }}\n",
                        "        Seuil : {{ fact('seuil') }} {{ motif or '' }}\n")
    [problem] = reported(tmp_path, tool, "SK134")
    assert "`urgent: false`" in problem.text("en")


def test_doubled_punctuation_after_an_answer_that_ends_with_a_full_stop(tmp_path: Path) -> None:
    tool = tool_with("Objet : {{ objet }}.").replace("objet: Une imprimante",
                                                     "objet: Une imprimante.")
    [problem] = reported(tmp_path, tool, "SK135")
    assert "« .. »" in problem.text("fr")


def test_a_percentage_without_its_sign(tmp_path: Path) -> None:
    from survivalkit.authoring.rules import lint
    from survivalkit.kit.loader import load_kit

    kit = MINI_KIT.replace("facts:\n", "facts:\n  taux:\n    label: Un taux\n    unit: percent\n"
                           "    source: art. 2\n    values:\n      - {from: 2020-01-01, value: 50}\n", 1)

    def percent_problems(line: str) -> list[str]:
        build_tree(tmp_path, {"kit.yaml": kit, "tools/outil-test.yaml": tool_with(line)})
        found = lint(load_kit([tmp_path], strict=False))
        return [p.text("en") for p in found if p.rule == "SK136"]

    [message] = percent_problems("Le labo prend {{ fact('taux') }} du coût.")
    assert "the percentage 50 is printed without" in message
    assert percent_problems("Le labo prend {{ fact('taux') }} % du coût.") == []


def test_golden_refuses_to_freeze_none(tmp_path: Path) -> None:
    from survivalkit.authoring.golden import expected_files
    from survivalkit.errors import KitError
    from survivalkit.kit.loader import load_kit

    build_tree(tmp_path, {"kit.yaml": MINI_KIT,
                          "tools/outil-test.yaml": tool_with("Liste : {{ [objet] }}")})
    loaded = load_kit([tmp_path], strict=False)
    with pytest.raises(KitError) as exc:
        expected_files(loaded.kit, loaded.kit.tools.values(), loaded.sources)
    [problem] = exc.value.problems
    assert problem.rule == "SK030" and "['Une imprimante']" in problem.text("en")
    assert problem.path.endswith("outil-test.yaml") and problem.line > 1


def test_backslash_escapes_are_read_as_the_reader_sees_them() -> None:
    parts = [TemplatePart(("documents", 0, "template"), "Publics : {{ publics }}\n")]
    [finding] = read_document("Publics : \\['usagers', 'agents'\\]\n", parts, "fr")
    assert finding.rule == "SK030" and finding.template_line == 1
    # an escaped asterisk is not bold
    assert read_document("Note \\*\\* : 2 \\* 3\n", parts, "fr") == []


def test_the_locator_picks_the_template_line_by_its_literal_text() -> None:
    template = "# Titre\n{% if a %}\nMotif : {{ motif }}.\n{% endif %}\nFin : {{ x }}\n"
    part, line, _ = Locator([TemplatePart(("t",), template)]).find("Motif\u00a0: None.")
    assert part is not None and line == 3


@pytest.mark.parametrize("lang,text", [
    ("en", "The lab pays 5 000 € TTC."),
    ("en", "Decided on 26 novembre 2026."),
    ("fr", "Le labo paie €5,000 excl. VAT."),
    ("fr", "Décidé le 26 November 2026."),
])
def test_the_other_languages_formats(lang: str, text: str) -> None:
    parts = [TemplatePart(("t",), "Line: {{ x }}\n")]
    assert {f.rule for f in read_document(text + "\n", parts, lang)} == {"SK133"}


def test_the_bundled_kit_reads_clean() -> None:
    from survivalkit.authoring.validate import validate_paths

    report = validate_paths([], [])
    read_rules = {"SK030", "SK130", "SK131", "SK132", "SK133", "SK134", "SK135", "SK136"}
    assert [p.format() for p in report.problems if p.rule in read_rules] == []


# --- typed defaults (SK031) ---------------------------------------------------------------------

BUDGET = "  - id: budget\n    type: amount\n    label: {fr: Budget ?, en: Budget?}\n    required: false\n"


@pytest.mark.parametrize("question,said", [
    (BUDGET + "    default: beaucoup\n", "Montant non reconnu"),
    ("  - id: methode\n    type: choice\n    label: {fr: Méthode ?, en: Method?}\n"
     "    default: sondage\n    choices:\n      - {value: enquete, label: {fr: Enquête, en: Survey}}\n",
     "« sondage »"),
    ("  - id: code\n    label: {fr: Code ?, en: Code?}\n    pattern: '[0-9]{5}'\n    default: abc\n",
     "la question `code`"),
    ("  - id: quand\n    type: date\n    label: {fr: Quand ?, en: When?}\n    date_range: future\n"
     "    default: 2026-01-15\n", "exemple daté du 26 novembre 2026"),
    (BUDGET + "    max: 1000\n    default: 5000\n", "la question `budget`"),
])
def test_a_default_is_checked_like_an_answer(tmp_path: Path, question: str, said: str) -> None:
    [problem] = reported(tmp_path, tool_with("Fin.", questions=question), "SK031")
    assert problem.severity == "error" and problem.key_path.endswith(".default")
    assert said in problem.text("fr")
    assert "would not be accepted as an answer" in problem.text("en")


def test_a_default_that_fits_is_fine(tmp_path: Path) -> None:
    tool = tool_with("Fin.", questions=BUDGET + "    default: 12 000 €\n")
    assert reported(tmp_path, tool, "SK031") == []


@pytest.mark.parametrize("key,value", [("default", "beaucoup"), ("default_expr", "'beaucoup'")])
def test_a_run_with_a_default_that_does_not_fit_says_so(tmp_path: Path, key: str, value: str) -> None:
    from survivalkit.api import run_tool
    from survivalkit.errors import TemplateError
    from survivalkit.kit.loader import load_kit

    tool = tool_with("Budget : {{ budget }}", questions=BUDGET + f"    {key}: \"{value}\"\n")
    build_tree(tmp_path, {"kit.yaml": MINI_KIT, "tools/outil-test.yaml": tool})
    kit = load_kit([tmp_path], strict=False).kit
    answers = {"nom": "Claire", "objet": "Une imprimante", "nature": "fournitures", "montant": "12000"}
    with pytest.raises(TemplateError) as exc:
        run_tool("outil-test", answers, kit=kit, use_defaults=True, lang="fr")
    message = str(exc.value)
    assert "outil-test.yaml" in message and "question `budget`" in message
    assert f"(`{key}`)" in message and "Montant non reconnu" in message


# --- layers (SK137, SK138) ----------------------------------------------------------------------


def test_a_layer_giving_a_glossary_term_another_meaning(tmp_path: Path) -> None:
    from survivalkit.authoring.validate import validate_paths

    layer = tmp_path / "region"
    build_tree(layer, {
        "tools/outil-test.yaml": TOOL,
        "glossary.yaml": "schema_version: 1\nterms:\n  - term: Fab Lab\n"
                         "    definition: {fr: Un laboratoire de médicaments., en: A drug lab.}\n",
    })
    [problem] = [p for p in validate_paths([layer], []).problems if p.rule == "SK137"]
    assert problem.path.endswith("region/glossary.yaml") and problem.severity == "warning"
    assert "« Fab Lab »" in problem.text("fr")
    assert "kit/glossary.yaml:" in problem.text("fr")  # the bundled definition's place


def test_fact_values_with_a_gap_or_an_overlap(tmp_path: Path) -> None:
    kit = MINI_KIT.replace("facts:\n", "facts:\n  taux:\n    label: Un taux\n    unit: percent\n"
                           "    source: art. 2\n    values:\n"
                           "      - {from: 2025-01-01, until: 2025-12-31, value: 50}\n"
                           "      - {from: 2026-02-01, until: 2026-12-31, value: 40}\n"
                           "      - {from: 2026-12-01, value: 30}\n", 1)
    build_tree(tmp_path, {"kit.yaml": kit, "tools/outil-test.yaml": TOOL})
    from survivalkit.authoring.rules import lint
    from survivalkit.kit.loader import load_kit

    found = [p for p in lint(load_kit([tmp_path], strict=False)) if p.rule == "SK138"]
    gap, overlap = found
    assert gap.key_path == "facts.taux.values[1].from"
    assert "31 décembre 2025" in gap.text("fr") and "1er février 2026" in gap.text("fr")
    assert "overlap" in overlap.text("en") and overlap.key_path == "facts.taux.values[2].from"


# --- messages ----------------------------------------------------------------------------------


def test_expect_names_the_characters_that_only_look_alike(tmp_path: Path) -> None:
    tool = tool_with("C’est l’équipe – prête.").replace(
        'expect: ["60 000 € HT", "12 000"]', "expect: [\"C'est l'équipe - prête\"]")
    [problem] = reported(tmp_path, tool, "SK009")
    text = problem.text("fr")
    assert "« ’ » (apostrophe typographique) au lieu de « ' » (apostrophe droite)" in text
    assert "« – » (tiret moyen) au lieu de « - » (trait d'union)" in text
    assert "curly apostrophe" in problem.text("en")


def test_an_unknown_filter_is_reported_once_and_the_template_still_checked(tmp_path: Path) -> None:
    tool = tool_with("Objet : {{ objet | capitalise }} {{ inconnu }}")
    found = [p for p in problems(tmp_path, tool) if p.rule in ("SK001", "SK012", "SK002")]
    assert sorted(p.rule for p in found) == ["SK002", "SK012"]
    [sk012] = [p for p in found if p.rule == "SK012"]
    assert "capitalize`" in sk012.text("en") and "did you mean" not in sk012.text("en")
    assert "| milieu" in sk012.text("fr") and "« La cantine »" in sk012.text("fr")


def test_a_shared_question_without_uses_says_what_to_declare(tmp_path: Path) -> None:
    from survivalkit.authoring.validate import validate_paths

    layer = tmp_path / "region"
    build_tree(layer, {"tools/outil-test.yaml": tool_with("Projet : {{ projet_nom }}")})
    [problem] = [p for p in validate_paths([layer], []).problems if p.rule == "SK002"]
    assert "add it to `uses` (uses: [projet_nom])" in problem.text("en")
    assert "ajoutez-la à `uses`" in problem.text("fr")


def test_a_date_printed_as_the_program_stores_it(tmp_path: Path) -> None:
    quand = "  - id: quand\n    type: date\n    label: {fr: Quand ?, en: When?}\n"
    tool = tool_with("Échéance : {{ quand }}.", questions=quand, answers=", quand: 2027-01-15")
    [problem] = reported(tmp_path, tool, "SK133")
    assert "« 2027-01-15 »" in problem.text("fr") and "date_long" in problem.text("fr")
    fixed = tool_with("Échéance : {{ quand | date_long }}.", questions=quand,
                      answers=", quand: 2027-01-15")
    assert reported(tmp_path, fixed, "SK133") == []


def test_a_default_that_does_not_fit_is_reported_once(tmp_path: Path) -> None:
    tool = tool_with("Budget : {{ budget }}.", questions=BUDGET + "    default: beaucoup\n")
    rules = [p.rule for p in problems(tmp_path, tool) if p.severity == "error"]
    assert rules == ["SK031"]


# --- round 4: a contributor's fresh mistakes ---------------------------------------------------


def test_doubled_punctuation_written_in_the_template_itself(tmp_path: Path) -> None:
    tool = tool_with("Article 12.. Objet : {{ objet }}")
    [problem] = reported(tmp_path, tool, "SK135")
    assert "« .. »" in problem.text("fr") and "Article 12.." in problem.text("fr")
    assert reported(tmp_path, tool.replace("Article 12..", "Article 12."), "SK135") == []


def test_an_answer_passed_to_capitalize_or_title(tmp_path: Path) -> None:
    tool = tool_with("De : {{ nom | capitalize }}, {{ objet | trim | title }}")
    found = reported(tmp_path, tool, "SK180")
    assert sorted(next(part for part in p.text("en").split("`") if "{{" in part) for p in found) == [
        "{{ nom | capitalize }}", "{{ objet | title }}"]
    assert all(p.severity == "warning" for p in found)
    [capitalize] = [p for p in found if "capitalize" in p.text("fr")]
    assert "« Camille Durand » deviendrait « Camille durand »" in capitalize.text("fr")
    source = (tmp_path / "tools/outil-test.yaml").read_text(encoding="utf-8").splitlines()
    assert "capitalize" in source[capitalize.line - 1]
    # a list the template builds itself is the kit's own text
    own = tool_with("{% set mots = ['un', 'deux'] %}{{ mots[0] | capitalize }}")
    assert reported(tmp_path, own, "SK180") == []


def test_an_example_named_like_a_question_points_at_the_refused_answer(tmp_path: Path) -> None:
    tool = tool_with("{% if urgent %}Échéance : {{ echeance | date_long }}{% endif %}",
                     questions=("  - id: urgent\n    type: bool\n    label: {fr: Urgent ?, en: Urgent?}\n"
                                "  - id: echeance\n    type: date\n    label: {fr: Quand ?, en: When?}\n"
                                "    when: urgent\n"),
                     answers=", urgent: true, echeance: 15/13/2027").replace("name: simple", "name: urgent")
    found = problems(tmp_path, tool)
    [sk007] = [p for p in found if p.rule == "SK007"]
    assert sk007.key_path == "examples[0].answers.echeance"
    # the refused date is not also said to be "never used because its `when` is false"
    assert [p for p in found if p.rule == "SK113"] == []


def test_expect_with_straight_quotes_where_the_document_has_french_ones(tmp_path: Path) -> None:
    tool = tool_with("Projet « {{ objet }} » lancé.").replace(
        'expect: ["60 000 € HT", "12 000"]', 'expect: [\'Projet "Une imprimante" lancé\']')
    [problem] = reported(tmp_path, tool, "SK009")
    assert "guillemets français « « … » » (avec leurs espaces)" in problem.text("fr")
    assert "French quotation marks" in problem.text("en")


def test_each_other_answer_is_tried_once_whatever_the_number_of_examples() -> None:
    import survivalkit
    from survivalkit.authoring.rules.rendered import variants

    kit = survivalkit.load_kit()
    tool = kit.tools["memo-achat-public"]
    assert len(tool.examples) > 3
    changed = [v.changed for v, _ in variants(kit, tool) if v.changed]
    assert changed and len(changed) == len(set(changed))
