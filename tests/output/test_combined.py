"""One combined PDF per project (cover, contents with links, every document), tagged like every
PDF, named in the index and on the end screen; for a journey and for a folder filled by several runs."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.output.test_described_files import answers_file, assert_tagged
from tests.output.test_render import KIT

from helpers import run_cli

pytest.importorskip("weasyprint")


def example(tool_id: str) -> dict[str, Any]:
    values = KIT.tools[tool_id].examples[0].answers
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in values.items()}


def outline(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [str(item.title) for item in PdfReader(io.BytesIO(data)).outline if not isinstance(item, list)]


def contents_links(data: bytes) -> list[str]:
    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(data)).pages[0]
    return [str(a.get_object().get("/Dest")) for a in page.get("/Annots", [])]


def fonts_of(data: bytes) -> set[str]:
    """Every font a PDF's pages use, and whether each travels inside the file."""
    from pypdf import PdfReader

    found = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
                found.add((str(font["/BaseFont"]).split("+")[-1], embedded))
    return {name for name, embedded in found if embedded} | {f"{name} (not embedded)" for name, e in found if not e}


def test_a_journey_writes_one_tagged_pdf_with_cover_contents_and_every_document(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    path = tmp_path / "journey.yaml"
    path.write_text(yaml.safe_dump({"tools": ["demande-derogation", "memo-achat-public"], "formats": ["pdf"],
                                    "answers": {t: example(t) for t in ("demande-derogation", "memo-achat-public")}},
                                   allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    code, stdout, err = run_cli(["--answers", str(path), "--out", str(out), "--lang", "fr", "--date", "2026-11-26"],
                                capsys)
    assert code == 0, err
    data = (out / "dossier-complet.pdf").read_bytes()
    project = example("demande-derogation")["projet_nom"]
    assert_tagged(data, title=f"Dossier complet\u00a0: {project}", lang="fr")
    # One typeface, inside the file: it prints the same on every machine.
    assert fonts_of(data) == {"Survivalkit-Hyperlegible", "Survivalkit-Hyperlegible-Bold"}
    reader = PdfReader(io.BytesIO(data))
    cover = reader.pages[0].extract_text()
    assert project in cover and "Sommaire" in cover and "26 novembre 2026" in cover
    # Every document follows the cover, in the journey's order, each one a bookmark and a link.
    marks = outline(data)
    assert marks[0] == project
    assert marks[1].startswith("Objet\u00a0: Demande de dérogation") and marks[2].startswith("Objet\u00a0: Procédure")
    assert sorted(set(contents_links(data))) == ["document-1", "document-2"]
    separate = sum(len(PdfReader(p).pages) for p in out.glob("*.pdf") if p.name != "dossier-complet.pdf")
    assert len(reader.pages) == separate + 1  # the cover, then each document on its own pages
    # Named in the index (not as a document of the project record) and on the end screen.
    index = (out / "index.md").read_text("utf-8")
    assert "](dossier-complet.pdf)" in index and "- **Dossier" not in index
    assert 'href="dossier-complet.pdf"' in (out / "index.html").read_text("utf-8")
    from survivalkit.engine.project import index_entries

    assert [title for title, _, _ in index_entries(index)] == [
        "Lettre de demande de dérogation", "Mémo à votre service achats"]  # what the project record reads back
    assert "Tout le dossier en un seul PDF, avec un sommaire : dossier-complet.pdf" in " ".join(stdout.split())


def test_one_document_gets_no_combined_pdf_and_nothing_without_pdf() -> None:
    from tests.output.test_bundle import one_run

    assert not [n for n in one_run("memo-achat-public", ["pdf"]) if n.startswith("dossier-complet")]
    files = one_run("pre-analyse-rgpd", ["md"])  # two documents, no PDF asked
    assert not [n for n in files if n.endswith(".pdf")]


def test_a_project_folder_filled_by_two_runs_gets_the_whole_project_in_one_pdf(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "projet"
    first = answers_file(tmp_path, "demande-derogation", "prefet-ecole-modulaire")
    code, _, err = run_cli(["run", "demande-derogation", "--answers", str(first), "--defaults", "--out", str(out),
                            "--format", "pdf", "--lang", "en", "--date", "2026-11-20"], capsys)
    assert code == 0, err
    assert not (out / "all-documents.pdf").exists()  # one document so far
    second = tmp_path / "second.yaml"
    second.write_text(yaml.safe_dump({"tool": "memo-achat-public", "answers": example("memo-achat-public")},
                                     allow_unicode=True), "utf-8")
    for day in ("2026-11-26", "2026-11-27"):  # the second time, the memo's earlier version is kept aside,
        # not combined (the same day, the same memo would be the same file: no version kept)
        code, stdout, err = run_cli(["run", "memo-achat-public", "--answers", str(second), "--defaults", "--out",
                                     str(out), "--format", "pdf", "--lang", "en", "--date", day], capsys)
        assert code == 0, err
        data = (out / "all-documents.pdf").read_bytes()
        marks = outline(data)
        assert len(marks) == 3 and marks[1].startswith("Subject: Request for an exemption"), marks
        assert marks[2].startswith("Subject:") and sorted(set(contents_links(data))) == ["document-1", "document-2"]
        assert "](all-documents.pdf)" in (out / "index.md").read_text("utf-8")
        assert "all-documents.pdf" in stdout
    assert [p.name for p in out.glob("*.version-*.pdf")]  # the memo's previous version, beside


def test_the_api_archives_like_the_command(tmp_path: Path) -> None:
    from pypdf import PdfReader

    import survivalkit

    result = survivalkit.run_journey({"tools": ["demande-derogation", "memo-achat-public"],
                                      "answers": {t: example(t) for t in ("demande-derogation", "memo-achat-public")}},
                                     formats=["pdf"], lang="fr", day="2026-11-26", archive=True)
    reader = PdfReader(io.BytesIO(result.files["dossier-complet.pdf"]))
    assert reader.attachments["answers.yaml"] == [result.files["answers.yaml"]]
    xmp = reader.xmp_metadata
    assert xmp is not None and b'pdfaid:part="3"' in xmp.stream.get_data()
    single = survivalkit.run_tool("memo-achat-public", example("memo-achat-public"), formats=["pdf"], lang="fr",
                                  day="2026-11-26", use_defaults=True, archive=True)
    [pdf] = [v for k, v in single.files.items() if k.endswith(".pdf")]
    assert PdfReader(io.BytesIO(pdf)).attachments["answers.yaml"] == [single.files["answers.yaml"]]


def test_answers_on_the_cover_and_in_the_contents_stay_text() -> None:
    """The project's name and the titles are the user's words: shown, never markup or links."""
    from tests.output.test_bundle import DAY
    from tests.output.test_render import answers_for

    from survivalkit.output.bundle import render_outputs
    from survivalkit.output.combined import combined_html

    tool = KIT.tools["pre-analyse-rgpd"]
    name = 'Projet <img src=x onerror=alert(1)> & [lien](javascript:alert(1)) "x"'
    answers = {**answers_for(tool, tool.examples[0].answers, DAY), "projet_nom": name}
    [output] = render_outputs(KIT, [(tool, answers)], day=DAY, lang="fr")
    page = combined_html([(doc, "Outil") for doc in output.documents], lang="fr", day=DAY)
    assert "<img" not in page and 'href="javascript' not in page
    assert "Projet &lt;img src=x onerror=alert(1)&gt; &amp;" in page
    assert page.count('href="#document-') == len(output.documents) == 2
