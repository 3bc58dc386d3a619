"""Filled PDF forms read back: the same documents as an answers file, every value untrusted."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import run_cli
from survivalkit.engine.pdfform import MAX_VALUE_CHARS, read_pdf_answers
from survivalkit.errors import UsageError
from survivalkit.kit.loader import bundled_kit_dir, load_kit
from survivalkit.kit.model import Kit, QuestionType, Tool
from survivalkit.sheets.build import Layout, build
from survivalkit.sheets.view import asked_questions

DAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def kit() -> Kit:
    return load_kit([bundled_kit_dir()]).kit


def fields_for(kit: Kit, tool: Tool, answers: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """What a person types into the PDF: text fields, and the ticked radio button per group."""
    text: dict[str, str] = {}
    radios: dict[str, str] = {}
    types = {q.id: q.type for q in asked_questions(kit, tool)}
    for key, value in answers.items():
        kind = types[key]
        if kind is QuestionType.BOOL:
            radios[key] = "yes" if value else "no"
        elif kind is QuestionType.CHOICE:
            radios[key] = str(value)
        elif kind is QuestionType.MULTICHOICE:
            for picked in value:
                text[f"{key}:{picked}"] = "/on"
        elif kind is QuestionType.DATE:
            day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
            text |= {f"{key}:dd": str(day.day), f"{key}:mm": str(day.month),
                     f"{key}:yyyy": str(day.year)}
        else:
            text[key] = str(value)
    return text, radios


def fill(form: bytes, text: dict[str, str], radios: dict[str, str]) -> bytes:
    """Fill a PDF form as a viewer does: text and check boxes by name, radio buttons ticked."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(BytesIO(form)))
    for page in writer.pages:
        writer.update_page_form_field_values(page, text, auto_regenerate=False)
        for ref in page.get("/Annots") or []:
            widget = ref.get_object()
            parent = widget.get("/Parent")
            if parent is None or str(parent.get_object().get("/T")) not in radios:
                continue
            group = parent.get_object()
            index = [str(o) for o in group["/Opt"]].index(radios[str(group["/T"])])
            key = f"/{index}"
            widget[NameObject("/AS")] = NameObject(key if key in widget["/AP"]["/N"] else "/Off")
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def blank_form(kit: Kit, tool_ids: list[str]) -> bytes:
    pytest.importorskip("weasyprint")
    tools = [kit.tools[tool_id] for tool_id in tool_ids]
    return build(kit, tools, layout=Layout.FORMS, fmt="pdf", lang="fr", day=DAY).data


@pytest.mark.parametrize(("tool_id", "example"), [
    ("memo-achat-public", 0), ("memo-achat-public", 1), ("pre-analyse-rgpd", 0),
])
def test_paper_and_pdf_lead_to_the_same_documents(
    kit: Kit, tool_id: str, example: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tool = kit.tools[tool_id]
    answers = dict(tool.examples[example].answers)
    # The form holds another tool's fields too: only this tool's questions count.
    form = blank_form(kit, [tool_id, "pass-fab-lab"])
    filled = tmp_path / "rempli.pdf"
    filled.write_bytes(fill(form, *fields_for(kit, tool, answers)))
    typed = tmp_path / "reponses.yaml"
    typed.write_text(yaml.safe_dump(answers, allow_unicode=True), "utf-8")
    runs = {}
    for name, source in (("pdf", filled), ("yaml", typed)):
        out = tmp_path / name
        code, _, err = run_cli(["run", tool_id, "--answers", str(source), "--out", str(out),
                                "--date", "2026-11-26", "--format", "md", "--lang", "fr"], capsys)
        assert code == 0, err
        runs[name] = {p.name: p.read_text("utf-8") for p in out.glob("*.md")
                      if p.name != "index.md"}
    assert runs["pdf"] and runs["pdf"] == runs["yaml"]


def test_a_filled_field_whose_condition_is_false_gets_a_notice(
    kit: Kit, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tool = kit.tools["memo-achat-public"]
    answers = dict(tool.examples[0].answers)  # innovant: false
    text, radios = fields_for(kit, tool, answers)
    text["innovation_preuve"] = "Un capteur qui n'existe pas encore."
    filled = tmp_path / "rempli.pdf"
    filled.write_bytes(fill(blank_form(kit, ["memo-achat-public"]), text, radios))
    code, _, err = run_cli(["run", "memo-achat-public", "--answers", str(filled), "--out",
                            str(tmp_path / "out"), "--format", "md", "--lang", "fr"], capsys)
    assert code == 0, err
    err = " ".join(err.replace("\u202f", " ").replace("\xa0", " ").split())
    assert "(innovation_preuve) n'est pas prise en compte" in err
    assert "Si vous avez coché « Oui » à la question 13" in err
    assert "capteur" not in " ".join(p.read_text("utf-8") for p in (tmp_path / "out").glob("*.md"))


def test_a_bad_value_gets_the_message_a_typed_answer_gets(
    kit: Kit, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tool = kit.tools["memo-achat-public"]
    text, radios = fields_for(kit, tool, dict(tool.examples[0].answers))
    text["montant"] = "beaucoup"
    text["echeance:mm"] = "13"
    filled = tmp_path / "rempli.pdf"
    filled.write_bytes(fill(blank_form(kit, ["memo-achat-public"]), text, radios))
    code, _, err = run_cli(["run", "memo-achat-public", "--answers", str(filled), "--out",
                            str(tmp_path / "out"), "--format", "md", "--lang", "fr"], capsys)
    assert code == 2
    assert f"{filled}" in err and "montant" in err and "echeance" in err
    assert not (tmp_path / "out").exists()


def test_each_field_says_which_question_it_answers(kit: Kit) -> None:
    from pypdf import PdfReader

    fields = PdfReader(BytesIO(blank_form(kit, ["memo-achat-public"]))).get_fields() or {}
    described = {name: str(field.get("/TU")) for name, field in fields.items() if "." not in name}
    assert described["objet"].startswith("9. ") and "acheter" in described["objet"]
    assert described["nature"].startswith("10. ")


def test_values_are_bounded_untrusted_text(kit: Kit, tmp_path: Path) -> None:
    form = blank_form(kit, ["memo-achat-public"])
    path = tmp_path / "rempli.pdf"
    path.write_bytes(fill(form, {"objet": "[lien](javascript:alert(1))\x00\u202e<b>x</b>",
                                 "nom": "x"}, {}))
    got = read_pdf_answers(path, "fr")
    assert got == {"objet": "[lien](javascript:alert(1))<b>x</b>", "nom": "x"}
    path.write_bytes(fill(form, {"objet": "a" * (MAX_VALUE_CHARS + 1)}, {}))
    with pytest.raises(UsageError, match="objet"):
        read_pdf_answers(path, "fr")


@pytest.mark.parametrize(("content", "words"), [
    (b"%PDF-1.4\nnot really a pdf", "ne se lit pas"),
    (b"", "ne se lit pas"),
])
def test_a_broken_pdf_is_refused_clearly(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(content)
    with pytest.raises(UsageError, match=words):
        read_pdf_answers(path, "fr")


def test_a_pdf_without_fields_says_how_to_get_one(kit: Kit, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    sheet = build(kit, [kit.tools["memo-achat-public"]], layout=Layout.SHEETS, fmt="pdf",
                  lang="fr", day=DAY).data
    path = tmp_path / "fiche.pdf"
    path.write_bytes(sheet)
    with pytest.raises(UsageError, match="aucun champ"):
        read_pdf_answers(path, "fr")
