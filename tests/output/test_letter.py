"""Letters, notes and agreements: the declared layout, in every format; answers inside sentences."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from test_render import KIT, answers_for

from helpers import MINI_KIT, build_tree, run_cli
from survivalkit.kit.loader import load_kit
from survivalkit.output.bundle import files_for, render_outputs
from survivalkit.text.casing import mid_sentence

DAY = dt.date(2026, 11, 26)


def example_files(tool_id: str, example: str, formats: list[str], lang: str = "fr") -> dict[str, bytes]:
    tool = KIT.tools[tool_id]
    values = next(e for e in tool.examples if e.name == example).answers
    outputs = render_outputs(KIT, [(tool, answers_for(tool, values, DAY, lang))], day=DAY, lang=lang)
    return files_for(outputs, formats, lang=lang, day=DAY, kit=KIT)


def one(files: dict[str, bytes], prefix: str, ext: str) -> bytes:
    [name] = [n for n in files if n.startswith(prefix) and n.endswith(f".{ext}")]
    return files[name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Une prestation de conception", "une prestation de conception"),
        ("A service", "a service"),
        ("À Paris", "à Paris"),
        ("L'Ardèche", "l'Ardèche"),
        ("« Une chose »", "« une chose »"),
        ("DSI", "DSI"),
        ("URSSAF et la CAF", "URSSAF et la CAF"),
        ("Nadia Ferrand", "Nadia Ferrand"),
        ("Mme Roux, directrice", "Mme Roux, directrice"),
        ("M. Dupont", "M. Dupont"),
        ("I need a room", "I need a room"),
        ("LibreOffice", "LibreOffice"),
        ("A4 paper", "A4 paper"),
        ("État", "État"),
        ("Une demi-journée\nFin mars : bilan", "une demi-journée\nFin mars : bilan"),
        ("", ""),
    ],
)
def test_milieu_lowers_the_first_letter_of_an_ordinary_answer_only(text: str, expected: str) -> None:
    assert mid_sentence(text) == expected


def test_milieu_leaves_numbers_dates_and_nothing_alone() -> None:
    assert mid_sentence(12) == 12 and mid_sentence(None) is None and mid_sentence(DAY) == DAY


def test_the_memo_says_what_to_buy_in_lower_case() -> None:
    tool = KIT.tools["memo-achat-public"]
    values = {**tool.examples[0].answers, "objet": "Une prestation de conception avec des usagers"}
    [out] = render_outputs(KIT, [(tool, answers_for(tool, values, DAY))], day=DAY, lang="fr")
    assert "nous avons besoin d'acheter **une prestation de conception" in out.documents[0].markdown


def test_a_letter_reads_in_the_french_administrative_order() -> None:
    md = one(example_files("dossier-candidature-financement", "region-avec-association", ["md"]), "candidature", "md")
    text = md.decode("utf-8")
    order = ["Ville de Sète\nDirection de la relation aux habitants", "Madame la Présidente de la Région Occitanie",
             "À Sète, le 26 novembre 2026", "**Objet\u00a0:** Candidature", "Madame la Présidente,",
             "## Le projet", "Mes services se tiennent à votre disposition",
             "Je vous prie d'agréer, Madame la Présidente, l'expression de ma haute considération.",
             "François Martin, maire de Sète", "P.J.\u00a0: Annexe budgétaire"]
    positions = [text.find(part) for part in order]
    assert -1 not in positions, [p for p, i in zip(order, positions, strict=True) if i == -1]
    assert positions == sorted(positions)
    assert "distinguée" not in text and text.count("\n\nMadame la Présidente,\n\n") == 1


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_state_service_writes_to_its_own_prefect_by_a_note_a_commune_by_a_letter(lang: str) -> None:
    """The same derogation request (letter ``as_note``): a note from the State's own service, with
    no appellation and no closing formula; a letter with both from a municipality. So do its e-mail
    draft and its Word version."""
    def files(example: str) -> dict[str, bytes]:
        return example_files("demande-derogation", example, ["md", "docx"], lang)

    state, commune = files("service-etat-prefet"), files("prefet-ecole-modulaire")
    note, letter = one(state, "demande", "md").decode("utf-8"), one(commune, "demande", "md").decode("utf-8")
    lead = {"fr": "**Note à l'attention de** Monsieur le préfet du Gard",
            "en": "**Note for the attention of** Monsieur le préfet du Gard"}[lang]
    assert lead in note
    assert "Monsieur le Préfet," not in note and "considération" not in note and "Dear Prefect" not in note
    opening = {"fr": "Monsieur le Préfet,", "en": "Dear Prefect,"}[lang]
    assert opening in letter and "Note à l'attention" not in letter and "Note for the attention" not in letter
    draft = one(state, "demande", "eml").decode("utf-8")
    assert "Monsieur le Préfet," not in draft and "haute considération" not in draft
    with zipfile.ZipFile(io.BytesIO(one(state, "demande", "docx"))) as docx:
        assert "Monsieur le Préfet," not in docx.read("word/document.xml").decode("utf-8")


def test_a_state_service_applying_to_a_state_fund_writes_a_note_not_a_letter() -> None:
    note = one(example_files("dossier-candidature-financement", "etat-taux-depasse", ["md"]), "candidature", "md")
    text = note.decode("utf-8")
    assert "**Note à l'attention du** ministère du Travail" in text
    assert "Madame, Monsieur" not in text and "considération" not in text


def test_a_request_to_ones_own_manager_is_a_note_with_a_decision() -> None:
    md = one(example_files("decharge-temps-innovation", "un-jour-sans-programme", ["md"]), "demande", "md")
    text = md.decode("utf-8")
    order = ["Nadia Ferrand\nInstructrice", "**Note à l'attention** d'Éric Vidal, chef du service des aides",
             "À Privas, le 26 novembre 2026", "**Objet\u00a0:** Demande de temps pour le projet",
             "## Ce que je vous demande", "Je me tiens à votre disposition",
             "Nadia Ferrand\nInstructrice des demandes d'aide sociale\n\n## Décision",
             "☐\u00a0Accord", "Nom et fonction\u00a0: Éric Vidal, chef du service des aides", "Signature\u00a0:"]
    positions = [text.find(part) for part in order]
    assert -1 not in positions, [p for p, i in zip(order, positions, strict=True) if i == -1]
    assert positions == sorted(positions)
    assert "Madame, Monsieur" not in text and "considération" not in text


def test_the_note_to_the_data_protection_officer_asks_an_opinion_not_an_agreement() -> None:
    files = example_files("pre-analyse-rgpd", "questionnaire-agents-consentement", ["md", "docx"])
    text = one(files, "avis-donnees", "md").decode("utf-8")
    assert "## Avis\n" in text and "## Décision" not in text
    assert "☐\u00a0Avis favorable\u2003☐\u00a0Avis favorable avec réserves\u2003☐\u00a0Avis défavorable" in text
    assert "Réserves ou recommandations" in text and "Accord" not in text and "Refus" not in text
    docx = zipfile.ZipFile(io.BytesIO(one(files, "avis-donnees", "docx"))).read("word/document.xml").decode()
    assert "Avis défavorable" in docx and "Refus" not in docx
    english = one(example_files("pre-analyse-rgpd", "questionnaire-agents-consentement", ["md"], "en"), "avis-donnees", "md")
    assert "## Opinion" in english.decode("utf-8") and "Approved" not in english.decode("utf-8")


def test_an_agreement_ends_with_the_place_the_copies_and_one_block_per_party() -> None:
    md = one(example_files("decharge-temps-innovation", "un-jour-sans-programme", ["md"]), "lettre-mission", "md")
    text = md.decode("utf-8")
    assert text.startswith("# Lettre de mission")
    assert "Fait à Privas, le " in text and "en deux exemplaires." in text
    # A lettre de mission is signed by the authority that assigns it; the officer acknowledges it.
    assert text.index("L'autorité qui confie la mission") < text.index("Pris connaissance, l'agent")
    assert "Pour l'agent" not in text and "Signatures" not in text


def test_the_html_keeps_the_last_paragraph_and_the_signature_together() -> None:
    files = example_files("decharge-temps-innovation", "un-jour-sans-programme", ["html"])
    html = one(files, "demande", "html").decode("utf-8")
    assert re.search(r'<h1 class="letter-subject">Objet\u00a0: Demande de temps', html)
    end = html.split('<div class="letter-end">', 1)[1]
    assert end.index("Un point d'étape et un bilan") < end.index("Je me tiens à votre disposition") < end.index('class="signature"')
    assert ".letter-end, .decision { break-inside: avoid" in html and "padding-bottom: 3.2cm" in html


def test_office_files_keep_the_paragraph_before_the_signature_with_it() -> None:
    files = example_files("decharge-temps-innovation", "un-jour-sans-programme", ["odt", "docx"])
    docx = zipfile.ZipFile(io.BytesIO(one(files, "demande", "docx"))).read("word/document.xml").decode()
    before = docx[: docx.index('<w:p><w:pPr><w:pStyle w:val="LetterClosing"')]
    assert "<w:keepNext />" in before[before.rindex("<w:p>") :]  # the body's last list item
    odt = zipfile.ZipFile(io.BytesIO(one(files, "lettre-mission", "odt"))).read("content.xml").decode()
    # The agreement's body ends on a list item: a copy of its style keeps it with "Fait à".
    assert re.search(r'<style:style style:name="SKKeep"[^>]*>.*?fo:keep-with-next="always"', odt, re.S)
    assert odt.index('text:style-name="SKKeep"') < odt.index('text:style-name="LetterClosing"')


def test_office_files_leave_room_to_sign_under_every_signature() -> None:
    files = example_files("convention-experimentation", "subvention-association", ["odt", "docx"])
    odt = zipfile.ZipFile(io.BytesIO(one(files, "convention", "odt"))).read("content.xml").decode()
    docx = zipfile.ZipFile(io.BytesIO(one(files, "convention", "docx"))).read("word/document.xml").decode()
    # One block per party, each followed by the paragraph that holds the room to sign.
    assert re.findall(r'text:style-name="(PartySignature|SignatureSpace)"', odt) == ["PartySignature", "SignatureSpace"] * 2
    assert re.findall(r'w:pStyle w:val="(PartySignature|SignatureSpace)"', docx) == ["PartySignature", "SignatureSpace"] * 2


def test_a_note_to_a_department_reads_du_service() -> None:
    md = one(example_files("memo-achat-public", "petit-achat", ["md"]), "memo", "md").decode("utf-8")
    assert "**Note à l'attention du** service achats" in md and "de le" not in md
    md = one(example_files("memo-achat-public", "petit-achat", ["md"], "en"), "memo", "md").decode("utf-8")
    assert "**Note for the attention of** the procurement department" in md


def test_reference_documents_are_a4_with_french_margins_and_page_numbers() -> None:
    from survivalkit.output import formats

    data = Path(formats.__file__).parent.parent / "data"
    docx = zipfile.ZipFile(data / "reference.docx")
    body = docx.read("word/document.xml").decode()
    assert '<w:pgSz w:w="11906" w:h="16838"/>' in body
    assert 'w:left="1417" w:right="1417" w:top="1134" w:bottom="1134"' in body
    footer = "".join(docx.read(n).decode() for n in docx.namelist() if "footer" in n and n.endswith(".xml"))
    assert "PAGE" in footer and "NUMPAGES" in footer
    styles = zipfile.ZipFile(data / "reference.odt").read("styles.xml").decode()
    assert 'fo:page-width="21cm"' in styles and 'fo:page-height="29.7cm"' in styles
    assert "<text:page-number" in styles and "<text:page-count" in styles


LETTER_TOOL = """\
schema_version: 1
title: Outil lettre
summary: Un outil de test.
stages: [idee]
reviewed: 2026-11-20
sources: [{title: Un texte, reference: art. 1}]
sheet: {when_to_use: Toujours., steps: [Faire.]}
questions:
  - id: objet
    label: Quoi ?
documents:
  - id: lettre
    title: Lettre
    filename: lettre
    layout: {layout}
{letter}    template: |
      Corps.
"""


def _kit(tmp_path: Path, layout: str, letter: str) -> Path:
    tool = LETTER_TOOL.replace("{layout}", layout).replace("{letter}", letter)
    return build_tree(tmp_path, {"kit.yaml": MINI_KIT, "tools/outil-lettre.yaml": tool})


@pytest.mark.parametrize(
    ("layout", "letter", "message"),
    [
        ("letter", "", "`layout: letter` needs a `letter:` block"),
        ("note", "    letter: {recipient: x}\n", "`layout: note` needs `letter.subject`"),
        ("agreement", "    letter: {signatories: [a]}\n", "`layout: agreement` needs `letter.signatories`"),
        ("document", "    letter: {subject: x}\n", "`letter` goes with `layout: letter`"),
    ],
)
def test_a_letter_missing_its_parts_is_refused_with_the_key_to_add(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], layout: str, letter: str, message: str
) -> None:
    code, out, err = run_cli(["validate", str(_kit(tmp_path, layout, letter))], capsys)
    assert code != 0 and message in out + err


def test_an_unknown_name_in_a_letter_part_is_placed_on_its_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = '    letter: {recipient: "{{ responsable }}", subject: "{{ objett }}"}\n'
    code, out, _ = run_cli(["validate", str(_kit(tmp_path, "letter", letter))], capsys)
    assert code != 0
    assert "documents[0].letter.subject" in out and "did you mean `objet`?" in out


def test_a_letter_without_profile_town_is_dated_without_a_place(tmp_path: Path) -> None:
    letter = '    letter: {recipient: "Mme Roux", subject: "{{ objet }}", decision: true}\n'
    kit = load_kit([_kit(tmp_path, "letter", letter)]).kit
    tool = kit.tools["outil-lettre"]
    answers: dict[str, Any] = {"nom": "Claire Martin", "objet": "Un test"}
    [out] = render_outputs(kit, [(tool, answers)], day=DAY, lang="en")
    text = out.documents[0].markdown
    assert text.startswith("Claire Martin\n\nMme Roux\n\n26 November 2026\n\n**Subject:** Un test\n")
    assert "☐\u00a0Approved\u2003☐\u00a0Refused" in text and "Name and job title: ……" in text


@pytest.mark.parametrize("plain", [False, True])
def test_the_recap_keeps_the_lines_of_a_multi_line_answer(plain: bool) -> None:
    from rich.console import Console

    from survivalkit.cli.terminal import Display, TerminalAsker
    from survivalkit.engine.asker import RecapRow

    console = Console(file=io.StringIO(), width=100, color_system=None)
    asker = TerminalAsker(Display("fr", plain, console), reader=lambda prompt: "")
    answer = "Fin janvier : douze entretiens\nFin mars : un formulaire testé"
    asker.recap([RecapRow(1, "jalons", "Qu'allez-vous livrer ?", answer, "")], None)
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    if plain:
        assert "Fin janvier\u00a0: douze entretiens / Fin mars\u00a0: un formulaire testé" in shown
    else:
        lines = [line for line in shown.splitlines() if "Fin " in line]
        assert len(lines) == 2 and "Fin mars" not in lines[0]
