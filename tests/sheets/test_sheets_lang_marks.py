"""Phrases in the other language marked in kit texts: ``lang`` in HTML and PDF, words elsewhere."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from helpers import run_cli
from survivalkit.authoring.rules.base import Context
from survivalkit.authoring.rules.texts import check_lang_marks
from survivalkit.errors import Problem
from survivalkit.kit.loader import bundled_kit_dir, load_kit, read_sources
from survivalkit.sheets.build import Layout, build

DAY = dt.date(2026, 12, 7)

MARKED_TOOL = """\
schema_version: 1
title: {fr: "Atelier de [design thinking]{lang=en}", en: "A [tiers-lieu]{lang=fr} workshop"}
summary: {fr: "Un [workshop]{lang=en} pour tester.", en: "A workshop in a [tiers-lieu]{lang=fr}."}
stages: [idee]
relevance:
  - when: "'acheter' in besoins"
    why: Vous achetez.
reviewed: 2026-11-20
sources:
  - title: Un texte
    reference: art. 1
sheet:
  when_to_use: {fr: "Avant un [hackathon]{lang=en}.", en: "Before a hackathon."}
  steps: [{fr: "Animer le [brainstorming]{lang=en}.", en: "Run the brainstorm."}]
questions:
  - id: objet
    label: {fr: "Le thème de votre [workshop]{lang=en} ?", en: "Your workshop's theme?"}
  - id: format
    type: choice
    label: {fr: Format, en: Format}
    choices:
      - {value: court, label: {fr: "Un [sprint]{lang=en}", en: A sprint}}
      - {value: long, label: {fr: Une journée, en: A day}}
documents:
  - id: note
    title: {fr: "Note de [workshop]{lang=en}", en: Workshop note}
    filename: "note-{{ objet | slug }}"
    template: |
      # Note : {{ objet }}
      Un [workshop]{lang=en} sur {{ objet }}.
"""


@pytest.fixture
def layer(tmp_path: Path) -> Path:
    (tmp_path / "atelier" / "tools").mkdir(parents=True)
    (tmp_path / "atelier" / "tools" / "atelier-marque.yaml").write_text(MARKED_TOOL, "utf-8")
    return tmp_path / "atelier"


def test_html_sheets_booklet_and_forms_mark_the_phrases(layer: Path) -> None:
    kit = load_kit([bundled_kit_dir(), layer]).kit
    tool = kit.tools["atelier-marque"]
    for layout in (Layout.SHEETS, Layout.BOOKLET, Layout.FORMS):
        page = build(kit, [tool], layout=layout, fmt="html", lang="fr", day=DAY).data.decode()
        assert "{lang=" not in page and "]{" not in page, layout
        assert '<span lang="en">design thinking</span>' in page, layout
    sheet = build(kit, [tool], layout=Layout.SHEETS, fmt="html", lang="fr", day=DAY).data.decode()
    for words in ("workshop", "hackathon", "brainstorming"):
        assert f'<span lang="en">{words}</span>' in sheet
    assert "<title>Atelier de design thinking</title>" in sheet  # plain text where HTML has no tags
    form = build(kit, [tool], layout=Layout.FORMS, fmt="html", lang="fr", day=DAY).data.decode()
    assert '<span lang="en">sprint</span>' in form and '<span lang="en">workshop</span>' in form
    english = build(kit, [tool], layout=Layout.SHEETS, fmt="html", lang="en", day=DAY).data.decode()
    assert '<span lang="fr">tiers-lieu</span>' in english and "{lang=" not in english


def test_markdown_and_pdf_sheets_keep_only_the_words(layer: Path) -> None:
    kit = load_kit([bundled_kit_dir(), layer]).kit
    tool = kit.tools["atelier-marque"]
    for layout in (Layout.SHEETS, Layout.BOOKLET, Layout.FORMS):
        text = build(kit, [tool], layout=layout, fmt="md", lang="fr", day=DAY).data.decode()
        assert "{lang=" not in text and "design thinking" in text, layout
    pytest.importorskip("weasyprint")
    from pypdf import PdfReader

    pdf = build(kit, [tool], layout=Layout.FORMS, fmt="pdf", lang="fr", day=DAY).data
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    assert "{lang=" not in text and "workshop" in text
    titles = [str(field.get("/TU", "")) for field in (reader.get_fields() or {}).values()]
    assert any("workshop" in title for title in titles) and not any("{lang" in t for t in titles)


def test_show_the_run_and_its_documents_keep_only_the_words(
    layer: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(["show", "atelier-marque", "--kit", str(layer), "--lang", "fr"], capsys)
    assert code == 0, err
    assert "design thinking" in out and "{lang=" not in out + err
    code, out, err = run_cli(["list", "--kit", str(layer), "--lang", "fr"], capsys)
    assert code == 0 and "Atelier de design thinking" in out and "{lang=" not in out, err
    answers = tmp_path / "answers.yaml"
    answers.write_text("nom: Claire Martin\nfonction: Cheffe de projet\norganisation: DDT du Gard\n"
                       "courriel: claire.martin@gard.gouv.fr\nobjet: innovation\nformat: court\n", "utf-8")
    docs = tmp_path / "docs"
    code, out, err = run_cli(["run", "atelier-marque", "--kit", str(layer), "--answers", str(answers),
                              "--out", str(docs), "--format", "md,docx", "--lang", "fr"], capsys)
    assert code == 0, err
    assert "{lang=" not in out + err
    note = next(docs.glob("note-*.md")).read_text("utf-8")
    assert "Un workshop sur innovation." in note and "{lang=" not in note
    index = (docs / "index.md").read_text("utf-8")
    assert "Note de workshop" in index and "{lang=" not in index
    with zipfile.ZipFile(next(docs.glob("note-*.docx"))) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "workshop" in body and "lang=" not in body.replace("w:lang", "")


def sk170(layer: Path) -> list[Problem]:
    """What SK170 finds in the layer's tool (the full lint renders every example: slow)."""
    loaded = load_kit([bundled_kit_dir(), layer], strict=False)
    read_sources(loaded, [loaded.kit.tools["atelier-marque"].origin], kit_files=False)
    ctx = Context(loaded.kit, loaded.sources, DAY, only={"atelier-marque"}, kit_level=False)
    return [p for p in check_lang_marks(ctx) if p.rule == "SK170"]


def test_the_bundled_kit_has_no_malformed_mark() -> None:
    loaded = load_kit([bundled_kit_dir()], strict=False)
    read_sources(loaded, [tool.origin for tool in loaded.kit.tools.values()], kit_files=True)
    assert list(check_lang_marks(Context(loaded.kit, loaded.sources, DAY))) == []


def test_malformed_marks_are_reported_sk170(tmp_path: Path) -> None:
    bad = MARKED_TOOL.replace("[hackathon]{lang=en}", "[hackathon] {lang=en}").replace(
        "[brainstorming]{lang=en}", "[brainstorming]{lang=de}").replace(
        "A [tiers-lieu]{lang=fr} workshop", "A [tiers-lieu]{lang=en} workshop").replace(
        "Un [workshop]{lang=en} sur", "Un [workshop]{lang:en} sur")
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "atelier-marque.yaml").write_text(bad, "utf-8")
    found = sk170(tmp_path)
    assert sorted(p.key_path for p in found) == sorted([
        "sheet.when_to_use.fr", "sheet.steps[0].fr", "title.en", "documents[0].template"])
    assert all(p.path.endswith("atelier-marque.yaml") and p.line > 1 for p in found)
    messages = " ".join(p.message for p in found)
    assert "[hackathon] {lang=en}" in messages and "[brainstorming]{lang=de}" in messages
    (tmp_path / "tools" / "atelier-marque.yaml").write_text(MARKED_TOOL, "utf-8")
    assert sk170(tmp_path) == []


def test_the_bundled_kit_marks_its_phrases_in_the_other_language() -> None:
    kit = load_kit([bundled_kit_dir()]).kit
    tools = list(kit.tools.values())
    pages = {(layout, lang): build(kit, tools, layout=layout, fmt="html", lang=lang, day=DAY).data.decode()
             for layout in (Layout.BOOKLET, Layout.FORMS) for lang in ("fr", "en")}
    assert not [key for key, page in pages.items() if "{lang=" in page]
    assert '<span lang="en">design thinking</span>' in pages[Layout.BOOKLET, "fr"]
    assert '<span lang="fr">Démarche inspirée du design</span>' in pages[Layout.BOOKLET, "en"]
    assert '<span lang="fr">Madame la préfète de la Drôme</span>' in pages[Layout.FORMS, "en"]
    assert '<span lang="fr">La Fabrique du Vieux-Port, Marseille</span>' in pages[Layout.FORMS, "en"]
    markdown = build(kit, tools, layout=Layout.BOOKLET, fmt="md", lang="en", day=DAY).data.decode()
    assert "{lang=" not in markdown and '"Démarche inspirée du design"' in markdown
