"""The rules that catch what used to slip through: order, filters, stray ids, dropped answers,
typed thresholds, `today` in documents, and sentence case."""

from __future__ import annotations

from pathlib import Path

from test_lint import TOOL, found

from survivalkit.authoring.rules import LOWERCASE_FILTER
from survivalkit.authoring.rules.content import typed_amounts
from survivalkit.i18n.messages_contrib import MESSAGES_CONTRIB

PRECISION = (
    "  - id: precision\n    label: {fr: Précisez, en: Specify}\n    required: false\n"
    "    when: \"nature == 'travaux'\"\n"
)


def test_a_condition_on_a_question_asked_later_is_an_error(tmp_path: Path) -> None:
    tool = TOOL.replace(
        "  - id: nature\n", "  - id: detail\n    label: {fr: Détail, en: Detail}\n"
        "    required: false\n    when: \"montant > 1000\"\n  - id: nature\n"
    ).replace("Nature : {{ nature }}", "Nature : {{ nature }} {{ detail or '' }}")
    [message] = found(tmp_path, "SK011", tool)
    assert message.startswith("questions[1].when: question `detail` when: uses `montant`, a question asked later")


def test_a_computed_default_on_itself_or_later_is_an_error(tmp_path: Path) -> None:
    tool = TOOL.replace("    type: amount\n", "    type: amount\n    default_expr: \"montant * 2\"\n")
    [message] = found(tmp_path, "SK011", tool)
    assert "uses `montant`, the question itself" in message


def test_a_condition_on_an_earlier_question_is_fine(tmp_path: Path) -> None:
    tool = TOOL.replace("documents:", PRECISION + "documents:", 1).replace(
        "Nature : {{ nature }}", "Nature : {{ nature }} {{ precision or '' }}")
    assert found(tmp_path, "SK011", tool) == []


def test_an_unknown_filter_in_a_branch_no_example_takes_is_found(tmp_path: Path) -> None:
    tool = TOOL.replace(
        "Montant : {{ montant | euros }}",
        "Montant : {% if montant > 1e9 %}{{ montant | euro }}{% else %}{{ montant | euros }}{% endif %}",
    )
    [message] = found(tmp_path, "SK012", tool)
    assert message == ("documents[0].template.fr: document `note` template: unknown filter `euro`; "
                       "did you mean `euros`?")


def test_an_unknown_test_is_found_and_known_ones_pass(tmp_path: Path) -> None:
    tool = TOOL.replace("Nature : {{ nature }}",
                        "Nature : {% if nature is definedd %}{{ nature }}{% endif %}")
    [message] = found(tmp_path, "SK012", tool)
    assert "unknown test `is definedd`" in message
    fine = TOOL.replace("Nature : {{ nature }}", "{% if nature is defined %}{{ nature | upper }}{% endif %}")
    assert found(tmp_path / "ok", "SK012", fine) == []


def test_a_stray_id_that_differs_from_the_file_name_is_an_error(tmp_path: Path) -> None:
    [message] = found(tmp_path, "SK013", "id: outil-tset\n" + TOOL)
    assert message.startswith("id: `id: outil-tset` is ignored")
    assert "outil-test.yaml" in message
    assert found(tmp_path / "same", "SK013", "id: outil-test\n" + TOOL) == []


def test_an_example_answer_its_when_drops_is_reported(tmp_path: Path) -> None:
    tool = TOOL.replace("documents:", PRECISION + "documents:", 1).replace(
        "Nature : {{ nature }}", "Nature : {{ nature }} {{ precision or '' }}"
    ).replace("montant: 12000}", "montant: 12000, precision: trois étages}")
    assert found(tmp_path, "SK113", tool) == [
        "examples[0].answers.precision: example `simple`: the answer `precision` is never used, "
        "because its question's `when` is false with the other answers"
    ]


def test_a_threshold_typed_into_a_template_names_the_fact(tmp_path: Path) -> None:
    tool = TOOL.replace("Seuil : {{ fact('seuil') }}", "Seuil : 60 000 € HT")
    [message] = found(tmp_path, "SK114", tool)
    assert message.startswith("documents[0].template.fr: \"60 000 €\" is typed in")
    assert "{{ fact('seuil') }}" in message
    # an amount no fact holds is the author's business
    other = TOOL.replace("Seuil : {{ fact('seuil') }}", "Seuil : 12 345 €")
    assert found(tmp_path / "other", "SK114", other) == []


def test_amounts_are_read_in_every_usual_form() -> None:
    text = "de 60 000 € HT, 60.000 euros, €60,000, 40000 EUR ou 60k€ ; {{ 60000 }} n'est pas du texte"
    assert [value for value, _, _ in typed_amounts(text)] == [60000, 60000, 60000, 40000, 60000]


def test_today_in_a_document_is_a_warning(tmp_path: Path) -> None:
    tool = TOOL.replace("Nature : {{ nature }}", "Nature : {{ nature }}, le {{ today | date_long }}")
    [message] = found(tmp_path, "SK115", tool)
    assert "`today` is the current date; the document's date is `doc_date`" in message
    fine = TOOL.replace("Nature : {{ nature }}", "Le {{ doc_date | date_long }}")
    assert found(tmp_path / "ok", "SK115", fine) == []


def test_a_free_text_answer_mid_sentence_needs_the_lower_casing_filter(tmp_path: Path) -> None:
    tool = TOOL.replace("Nature : {{ nature }}", "Nous achetons **{{ objet }}** bientôt.")
    [message] = found(tmp_path, "SK116", tool)
    assert f"write {{{{ objet | {LOWERCASE_FILTER} }}}}" in message
    # at the start of a line, after a colon, or with a filter: nothing to say
    fine = TOOL.replace("Nature : {{ nature }}", f"{{{{ objet }}}} arrive.\n        Objet : {{{{ objet }}}}"
                        f"\n        Nous achetons {{{{ objet | {LOWERCASE_FILTER} }}}}.")
    assert found(tmp_path / "ok", "SK116", fine) == []


def test_every_rule_says_what_it_finds_and_the_fix_in_both_languages() -> None:
    from survivalkit.authoring.rules import RULES

    for rule in RULES.values():
        for part in ("summary", "fix"):
            entry = MESSAGES_CONTRIB[f"rule.{rule.id}.{part}"]
            assert entry["fr"] and entry["en"] and entry["fr"] != entry["en"], (rule.id, part)


def test_a_value_asked_elsewhere_read_without_a_guard_is_found(tmp_path: Path) -> None:
    """`earlier.x` exists only when an earlier tool of the journey asked it (rule SK117)."""
    tool = TOOL.replace("    label: {fr: Quoi ?, en: What?}\n",
                        "    label: {fr: Quoi ?, en: What?}\n    given_by: \"earlier.objet\"\n", 1).replace(
        "    label: {fr: Combien ?, en: How much?}\n",
        "    label: {fr: Combien ?, en: How much?}\n"
        "    given_by: \"earlier['montant'] if nature == 'travaux' else none\"\n", 1)
    messages = found(tmp_path, "SK117", tool)
    better = ("or better (format 2) declare the datum under `project:` in kit.yaml and write `datum:` on the "
              "questions that fill it")
    assert messages == [
        "questions[0].given_by: question `objet` given_by: `earlier.objet` does not always exist (earlier "
        f"holds only what was asked elsewhere in this journey); write `earlier.get('objet')`, {better}",
        "questions[2].given_by: question `montant` given_by: `earlier.montant` does not always exist "
        f"(earlier holds only what was asked elsewhere in this journey); write `earlier.get('montant')`, {better}",
    ]


def test_guarded_reads_of_values_asked_elsewhere_pass(tmp_path: Path) -> None:
    tool = TOOL.replace("    label: {fr: Quoi ?, en: What?}\n",
                        "    label: {fr: Quoi ?, en: What?}\n    given_by: \"earlier.get('objet')\"\n", 1).replace(
        "    label: {fr: Combien ?, en: How much?}\n",
        "    label: {fr: Combien ?, en: How much?}\n"
        "    given_by: \"earlier.montant if 'montant' in earlier else none\"\n", 1)
    assert found(tmp_path, "SK117", tool) == []


def _lint_with_data(tmp_path: Path, tool: str) -> list[str]:
    from helpers import MINI_KIT, build_tree
    from survivalkit.authoring.rules import lint
    from survivalkit.kit.loader import load_kit

    kit = MINI_KIT + (
        "project:\n  achat_montant:\n    type: amount\n"
        "    meaning: {fr: Le montant de l'achat, en: The purchase's amount}\n")
    build_tree(tmp_path, {"kit.yaml": kit, "tools/outil-test.yaml": tool})
    loaded = load_kit([tmp_path], strict=False)
    assert loaded.problems == []
    return [f"[{p.rule}] {p.key_path}: {p.message}" for p in lint(loaded) if p.rule in ("SK015", "SK118")]


def test_a_datum_must_be_declared_with_the_questions_type(tmp_path: Path) -> None:
    unknown = TOOL.replace("  - id: montant\n", "  - id: montant\n    datum: achat_montnat\n")
    assert _lint_with_data(tmp_path / "a", unknown) == [
        "[SK015] questions[2].datum: question `montant`: the datum “achat_montnat” is not declared under "
        "`project:` in kit.yaml; did you mean `achat_montant`?"]
    wrong = TOOL.replace("  - id: objet\n", "  - id: objet\n    datum: achat_montant\n")
    assert _lint_with_data(tmp_path / "b", wrong) == [
        "[SK015] questions[0].datum: question `objet`: of type text, it fills the datum “achat_montant”, "
        "of type amount"]
    right = TOOL.replace("  - id: montant\n", "  - id: montant\n    datum: achat_montant\n")
    assert _lint_with_data(tmp_path / "c", right) == []


def test_a_question_named_like_a_datum_that_does_not_fill_it_is_found(tmp_path: Path) -> None:
    tool = TOOL.replace("  - id: montant\n", "  - id: achat_montant\n").replace(
        "{{ montant | euros }}", "{{ achat_montant | euros }}").replace(
        "{{ montant | euros('EUR_HT', 'en') }}", "{{ achat_montant | euros('EUR_HT', 'en') }}").replace(
        "montant: 12000}", "achat_montant: 12000}")
    assert _lint_with_data(tmp_path, tool) == [
        "[SK118] questions[2]: question `achat_montant`: it has the name of a project datum but does not "
        "fill it; write `datum: achat_montant`"]


def test_a_rename_must_lead_to_a_question_the_tool_asks(tmp_path: Path) -> None:
    """`renamed: {old: new}` (issue 23, point 4): the new id is asked, the old one no longer."""
    lost = TOOL.replace("documents:", "renamed: {montant_total: montant_estime}\ndocuments:", 1)
    [message] = found(tmp_path / "a", "SK140", lost)
    assert message.startswith("renamed.montant_total: `renamed`: `montant_total` becomes `montant_estime`, "
                              "but the tool asks no question `montant_estime`")
    assert "`montant`" in message  # did you mean
    still = TOOL.replace("documents:", "renamed: {objet: montant}\ndocuments:", 1)
    assert found(tmp_path / "b", "SK141", still) == [
        "renamed.objet: `renamed`: `objet` becomes `montant`, but the tool still asks a question `objet`; "
        "remove one or the other"]
    right = TOOL.replace("documents:", "renamed: {montant_total: montant}\ndocuments:", 1)
    assert found(tmp_path / "c", "SK140", right) == [] and found(tmp_path / "d", "SK141", right) == []
