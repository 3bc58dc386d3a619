"""French letter conventions from the recipient's kind and civility; English ones in English."""

from __future__ import annotations

import pytest

from survivalkit.output.courtesy import appellation, capitalise_lines, civility_from_text, formula, of_title


@pytest.mark.parametrize(
    ("kind", "civ", "called", "closing"),
    [
        ("prefect", "f", "Madame la Préfète", "Je vous prie d'agréer, Madame la Préfète, l'expression de ma haute considération."),
        ("prefect", "m", "Monsieur le Préfet", "Je vous prie d'agréer, Monsieur le Préfet, l'expression de ma haute considération."),
        ("mayor", "f", "Madame la Maire", "Je vous prie d'agréer, Madame la Maire, l'expression de ma haute considération."),
        ("president", "m", "Monsieur le Président", "Je vous prie d'agréer, Monsieur le Président, l'expression de ma haute considération."),
        ("director", "f", "Madame la Directrice", "Je vous prie d'agréer, Madame la Directrice, l'expression de ma considération distinguée."),
        ("dpo", "m", "Monsieur le Délégué à la protection des données",
         "Je vous prie d'agréer, Monsieur le Délégué à la protection des données, l'expression de ma considération distinguée."),
        ("service", "", "Madame, Monsieur", "Je vous prie d'agréer, Madame, Monsieur, l'expression de ma considération distinguée."),
        ("company", "f", "Madame", "Je vous prie d'agréer, Madame, l'expression de mes salutations distinguées."),
        ("association", "m", "Monsieur le Président", "Je vous prie d'agréer, Monsieur le Président, l'expression de mes salutations distinguées."),
        ("prefect", "", "Madame, Monsieur", "Je vous prie d'agréer, Madame, Monsieur, l'expression de ma haute considération."),
        ("person", "", "Madame, Monsieur", "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."),
        ("person", "f", "Madame", "Je vous prie d'agréer, Madame, l'expression de mes salutations distinguées."),
    ],
)
def test_the_appellation_and_a_closing_formula_that_repeats_it(kind: str, civ: str, called: str, closing: str) -> None:
    assert appellation(kind, civ, "fr") == called
    assert formula(kind, civ, "fr") == closing


@pytest.mark.parametrize(
    ("kind", "civ", "called", "closing"),
    [
        ("prefect", "m", "Dear Prefect", "Yours sincerely,"),
        ("mayor", "f", "Dear Mayor", "Yours sincerely,"),
        ("service", "", "Dear Sir or Madam", "Yours faithfully,"),
        ("company", "f", "Dear Madam", "Yours faithfully,"),
    ],
)
def test_english_letters_follow_english_conventions(kind: str, civ: str, called: str, closing: str) -> None:
    assert appellation(kind, civ, "en") == called
    assert formula(kind, civ, "en") == closing


@pytest.mark.parametrize(
    ("who", "civ", "expected"),
    [
        ("le service juridique", "", "du service juridique"),
        ("les services juridique et achats", "", "des services juridique et achats"),
        ("la direction des achats", "", "de la direction des achats"),
        ("l'adjoint au maire", "", "de l'adjoint au maire"),
        ("Délégué à la protection des données (dpo@x.example)", "", "du délégué à la protection des données (dpo@x.example)"),
        ("Déléguée à la protection des données", "f", "de la déléguée à la protection des données"),
        ("Adjointe au maire", "f", "de l'adjointe au maire"),
        ("Sophie Garnier, secrétaire générale", "", "de Sophie Garnier, secrétaire générale"),
        ("Madame la directrice", "f", "de Madame la directrice"),
        ("Éric Vidal, chef du service des aides", "", "d'Éric Vidal, chef du service des aides"),
        ("Anne Martin", "", "d'Anne Martin"),
        ("Hugo Martin", "", "d'Hugo Martin"),
        ("Hélène Garnier, cheffe du service des aides", "", "d'Hélène Garnier, cheffe du service des aides"),
        ("HCERES", "", "de HCERES"),
        ("Yann Le Goff", "", "de Yann Le Goff"),
    ],
)
def test_de_before_a_title_is_contracted(who: str, civ: str, expected: str) -> None:
    assert of_title(who, civ) == expected


def test_civility_is_read_from_the_recipient_line_and_the_address_starts_with_capitals() -> None:
    assert civility_from_text("Monsieur le préfet de l'Ardèche") == "m"
    assert civility_from_text("Mme Roux") == "f" and civility_from_text("Monsieurs") == ""
    assert capitalise_lines(["le FabLab de la Cité, à Agen", "« la Fabrique »", "12 rue X"]) == [
        "Le FabLab de la Cité, à Agen", "« La Fabrique »", "12 rue X"]


def example_files(tool_id: str, example: str, formats: list[str], lang: str = "fr") -> dict[str, bytes]:
    import datetime as dt

    from tests.output.test_render import KIT, answers_for

    from survivalkit.output.bundle import files_for, render_outputs

    day = dt.date(2026, 11, 26)
    tool = KIT.tools[tool_id]
    values = next(e for e in tool.examples if e.name == example).answers
    outputs = render_outputs(KIT, [(tool, answers_for(tool, values, day, lang))], day=day, lang=lang)
    return files_for(outputs, formats, lang=lang, day=day, kit=KIT)


def test_a_letter_to_the_prefect_opens_and_closes_with_his_title() -> None:
    files = example_files("demande-derogation", "prefet-ecole-modulaire", ["md", "docx"])
    md = next(v for k, v in files.items() if k.endswith(".md") and k != "index.md").decode()
    blocks = md.split("\n\n")
    opening = blocks.index("Monsieur le Préfet,")
    assert blocks[opening - 1].startswith("**Objet")  # right after the subject, before the body
    assert "Je vous prie d'agréer, Monsieur le Préfet, l'expression de ma haute considération." in md
    assert md.count("agréer") == 1
    from docx import Document

    docx = Document(__import__("io").BytesIO(next(v for k, v in files.items() if k.endswith(".docx"))))
    text = [p.text for p in docx.paragraphs]
    assert "Monsieur le Préfet," in text and any("ma haute considération" in t for t in text)


def test_a_letter_names_its_attachments_after_the_signature() -> None:
    files = example_files("dossier-candidature-financement", "region-avec-association", ["md", "html"])
    md = next(v for k, v in files.items() if k.endswith(".md") and k != "index.md" and "annexe" not in k).decode()
    assert "P.J.\u00a0: Annexe budgétaire" in md and "Réf." not in md
    html = next(v for k, v in files.items() if k.endswith(".html") and k != "index.html" and "annexe" not in k).decode()
    assert html.index('class="signatures"') < html.index("P.J.")
    en = example_files("dossier-candidature-financement", "region-avec-association", ["md"], "en")
    assert any(b"Enclosures: Budget annex" in v for v in en.values())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_generated_appellation_is_never_written_twice(lang: str) -> None:
    import datetime as dt

    from tests.output.test_render import KIT, answers_for

    from survivalkit.output.bundle import render_outputs

    day = dt.date(2026, 11, 26)
    tools = [t for t in KIT.tools.values() if any(d.letter and d.letter.recipient_kind for d in t.documents)]
    assert len(tools) >= 2
    for tool in tools:
        for example in tool.examples:
            [output] = render_outputs(KIT, [(tool, answers_for(tool, example.answers, day, lang))], day=day, lang=lang)
            for doc in output.documents:
                if doc.letter is None or doc.letter.layout != "letter":
                    continue
                blocks = doc.markdown.split("\n\n")
                greetings = [b for b in blocks if b.endswith(",") and b.startswith(("Madame", "Monsieur", "Dear"))]
                assert len(greetings) == 1, (tool.id, example.name, greetings)


def test_letters_inside_one_administration_are_notes_and_the_grant_letter_is_addressed_by_kind() -> None:
    from tests.output.test_render import KIT

    [request] = [d for d in KIT.tools["decharge-temps-innovation"].documents if d.id == "demande"]
    assert request.layout == "note"  # to the agent's own manager: a note, not a letter
    fr = example_files("dossier-candidature-financement", "region-avec-association", ["md"], "fr")
    text = next(v for k, v in fr.items() if k.startswith("candidature")).decode()
    assert "\n\nMadame la Présidente,\n\n" in text
    assert "Je vous prie d'agréer, Madame la Présidente, l'expression de ma haute considération." in text
    state = example_files("dossier-candidature-financement", "etat-taux-depasse", ["md"], "fr")
    text = next(v for k, v in state.items() if k.startswith("candidature")).decode()
    # A State service applying to a State fund writes inside one administration: a note, no formula.
    assert "**Note à l'attention du** ministère du Travail" in text
    assert "considération" not in text and "Madame, Monsieur" not in text
