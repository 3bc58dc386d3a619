"""Every PDF is tagged (PDF/UA-1) and described; --archive gives PDF/A-3 with the answers inside;
DOCX and ODT carry title, language and author."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from tests.output.test_render import KIT

from helpers import run_cli
from survivalkit.kit.model import tr
from survivalkit.text.typography import french_spacing

pytest.importorskip("weasyprint")


def assert_tagged(data: bytes, *, title: str, lang: str, author: str | None = None) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root, "no structure tree: a screen reader gets no headings, lists or tables"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == lang
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    meta = reader.metadata
    assert meta is not None and meta.title == title
    if author is not None:
        assert meta.author == author


def answers_file(tmp_path: Path, tool_id: str, example: str) -> Path:
    tool = KIT.tools[tool_id]
    values = next(e for e in tool.examples if e.name == example).answers
    plain = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in values.items()}
    path = tmp_path / "in.yaml"
    path.write_text(yaml.safe_dump({"tool": tool_id, "answers": plain}, allow_unicode=True), "utf-8")
    return path


def test_documents_are_tagged_described_pdfs_and_office_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from docx import Document

    out = tmp_path / "out"
    code, _, err = run_cli(["run", "demande-derogation", "--answers", str(answers_file(tmp_path, "demande-derogation",
                            "prefet-ecole-modulaire")), "--defaults", "--out", str(out), "--format", "pdf,docx,odt",
                            "--lang", "fr", "--date", "2026-11-26"], capsys)
    assert code == 0, err
    [pdf] = out.glob("*.pdf")
    assert_tagged(pdf.read_bytes(), title="Lettre de demande de dérogation", lang="fr", author="Julien Morel")
    from pypdf import PdfReader

    meta = PdfReader(pdf).metadata
    assert meta is not None and (meta.subject or "").startswith("Demande de dérogation au titre du décret")
    props = Document(str(next(out.glob("*.docx")))).core_properties
    assert (props.title, props.author, props.language) == ("Lettre de demande de dérogation", "Julien Morel", "fr")
    assert props.subject.startswith("Demande de dérogation")
    import zipfile

    meta_text = zipfile.ZipFile(next(out.glob("*.odt"))).read("meta.xml").decode("utf-8")
    assert "<dc:title>Lettre de demande de dérogation</dc:title>" in meta_text
    assert "<dc:creator>Julien Morel</dc:creator>" in meta_text and "<dc:language>fr</dc:language>" in meta_text


def test_archive_gives_pdf_a3_carrying_the_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    out = tmp_path / "out"
    code, _, err = run_cli(["run", "memo-achat-public", "--answers", str(answers_file(tmp_path, "memo-achat-public",
                            "petit-achat")), "--defaults", "--out", str(out), "--format", "pdf", "--archive",
                            "--lang", "en", "--date", "2026-11-26"], capsys)
    assert code == 0, err
    [pdf] = out.glob("*.pdf")
    reader = PdfReader(pdf)
    assert reader.attachments["answers.yaml"] == [(out / "answers.yaml").read_bytes()]
    xmp = reader.xmp_metadata
    assert xmp is not None and b'pdfaid:part="3" pdfaid:conformance="A"' in xmp.stream.get_data()
    assert "/StructTreeRoot" in reader.trailer["/Root"] and reader.trailer["/Root"]["/Lang"] == "en"


def test_sheets_and_forms_are_tagged(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for extra, name in (([], "sheet.pdf"), (["--form"], "form.pdf")):
        code, _, err = run_cli(["sheets", "memo-achat-public", *extra, "-o", str(tmp_path / name), "--lang", "fr"],
                               capsys)
        assert code == 0, err
        data = (tmp_path / name).read_bytes()
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root and bool(root["/MarkInfo"]["/Marked"]) and root["/Lang"] == "fr"
        meta = reader.metadata
        assert meta is not None and meta.author == "Kit de survie de l'innovateur public"
        about = KIT.tools["memo-achat-public"].summary if name == "sheet.pdf" else KIT.info.description
        assert " ".join((meta.subject or "").split()) == " ".join(french_spacing(tr(about, "fr")).split())


def test_the_journey_archives_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    tool = KIT.tools["memo-achat-public"]
    values = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in tool.examples[0].answers.items()}
    path = tmp_path / "journey.yaml"
    path.write_text(yaml.safe_dump({"tools": ["memo-achat-public"], "formats": ["pdf"],
                                    "answers": {"memo-achat-public": values}}, allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["--answers", str(path), "--out", str(out), "--archive", "--lang", "fr",
                            "--date", "2026-11-26"], capsys)
    assert code == 0, err
    [pdf] = out.glob("memo-*.pdf")
    assert PdfReader(pdf).attachments["answers.yaml"] == [(out / "answers.yaml").read_bytes()]
