"""ODT and DOCX as LibreOffice prints them: A4, page numbers, the text, the signature kept whole."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from test_letter import DAY, example_files

from helpers import MINI_KIT, build_tree
from survivalkit.kit.loader import load_kit
from survivalkit.output.bundle import files_for, render_outputs

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# CI sets SURVIVALKIT_REQUIRE_OFFICE=1 after installing LibreOffice: there, a missing one fails.
pytestmark = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("SURVIVALKIT_REQUIRE_OFFICE"),
    reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui); .ci/run installs it",
)


@pytest.fixture(scope="session")
def soffice_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private LibreOffice profile for the session: never the user's own."""
    return tmp_path_factory.mktemp("lo-profile")


def print_with_libreoffice(files: dict[str, bytes], folder: Path, profile: Path) -> dict[str, list[str]]:
    """Convert every file to PDF with LibreOffice in one call; file name → the text of each page."""
    from pypdf import PdfReader

    src, out = folder / "src", folder / "pdf"
    src.mkdir(parents=True)
    for name, data in files.items():
        (src / name).write_bytes(data)
    env = {**os.environ, "HOME": str(profile)}
    assert SOFFICE is not None, "LibreOffice (soffice) is required here but not installed"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *sorted(str(p) for p in src.iterdir())],
        check=True, capture_output=True, timeout=300, env=env,
    )
    pages: dict[str, list[str]] = {}
    for name in files:
        reader = PdfReader(out / (Path(name).stem + ".pdf"))
        for page in reader.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, (name, width, height)
        pages[name] = [page.extract_text() for page in reader.pages]
    return pages


def _office_copies(files: dict[str, bytes]) -> dict[str, bytes]:
    """The ODT and DOCX files, renamed so that both print side by side."""
    return {name.replace(".", "-", 1) + "." + name.rsplit(".", 1)[1]: data
            for name, data in files.items() if name.endswith((".odt", ".docx"))}


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, soffice_profile: Path) -> dict[str, list[str]]:
    files = {**example_files("decharge-temps-innovation", "un-jour-sans-programme", ["odt", "docx"]),
             **example_files("memo-achat-public", "petit-achat", ["odt", "docx"])}
    return print_with_libreoffice(_office_copies(files), tmp_path_factory.mktemp("printed"), soffice_profile)


def _flat(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())


def test_every_page_is_a4_and_numbered_page_n_of_m(printed: dict[str, list[str]]) -> None:
    assert len(printed) == 6
    for name, pages in printed.items():
        assert 1 <= len(pages) <= 3, name
        for number, text in enumerate(pages, 1):
            assert f"Page {number} / {len(pages)}" in _flat(text), name


@pytest.mark.parametrize("ext", ["odt", "docx"])
def test_the_letter_has_its_parts_headings_and_signature_on_one_page(
    printed: dict[str, list[str]], ext: str
) -> None:
    [pages] = [p for n, p in printed.items() if n.startswith("demande") and n.endswith(ext)]
    whole = _flat(" ".join(pages))
    for part in ("Nadia Ferrand", "À Privas, le 26 novembre 2026", "Objet : Demande de temps pour le projet",
                 "Ce que je vous demande", "Le calendrier", "Fin mars : un nouveau formulaire",
                 "Accord sous conditions", "Nom et fonction : Éric Vidal, chef du service des aides"):
        assert part in whole, part
    # Multi-line answers keep their lines: each milestone is its own item.
    assert "Fin janvier : douze entretiens avec des demandeurs et des instructeurs Fin mars" not in whole
    [closing_page] = [_flat(p) for p in pages if "Je me tiens à votre disposition" in _flat(p)]
    assert "Nadia Ferrand Instructrice des demandes" in closing_page


@pytest.mark.parametrize("ext", ["odt", "docx"])
def test_amounts_keep_their_no_break_spaces(printed: dict[str, list[str]], ext: str) -> None:
    [pages] = [p for n, p in printed.items() if n.startswith("memo") and n.endswith(ext)]
    text = " ".join(pages)
    assert any(f"12{space}000\u00a0€{after}HT" in text for space in "\u202f\u00a0" for after in " \u00a0"), text[:800]


FILLER = ("Ce paragraphe occupe de la place pour que la fin de la lettre tombe, selon sa longueur, "
          "en haut, au milieu ou au bas d'une page : la signature doit rester avec lui.")
STRESS_TOOL = """\
schema_version: 1
title: Outil lettre
summary: Un outil de test.
stages: [idee]
reviewed: 2026-11-20
sources: [{title: Un texte, reference: art. 1}]
sheet: {when_to_use: Toujours., steps: [Faire.]}
questions:
  - id: n
    type: integer
    label: Combien ?
documents:
  - id: lettre
    title: Lettre
    filename: "lettre-{{ n }}"
    layout: letter
    letter:
      recipient: Mme Roux
      subject: Un essai
      signatories: ["Signataire Essai\\nCheffe de bureau"]
    template: |
      {% for i in range(n) %}
      Paragraphe {{ i + 1 }}. FILLER

      {% endfor %}
      Dernier paragraphe du corps.
""".replace("FILLER", FILLER)


def test_the_signature_never_leaves_the_last_paragraph_whatever_the_length(
    tmp_path: Path, soffice_profile: Path
) -> None:
    kit = load_kit([build_tree(tmp_path / "kit", {"kit.yaml": MINI_KIT, "tools/t.yaml": STRESS_TOOL})]).kit
    tool = kit.tools["t"]
    outputs = render_outputs(kit, [(tool, {"nom": "X", "n": n}) for n in range(13, 27)], day=DAY, lang="fr")
    files = files_for(outputs, ["odt", "docx", "pdf"], lang="fr", day=DAY, kit=kit)
    printed = print_with_libreoffice(_office_copies(files), tmp_path / "out", soffice_profile)
    from pypdf import PdfReader

    printed.update({name: [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]
                    for name, data in files.items() if name.endswith(".pdf") and name != "dossier-complet.pdf"})
    assert len(printed) == 42  # LibreOffice breaks the page at n = 25, WeasyPrint at n = 20
    for name, pages in printed.items():
        [page] = [p for p in pages if "Signataire Essai" in p]
        assert "Dernier paragraphe du corps" in page, name


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_one_page_record_fits_one_page_in_pdf_docx_and_odt(
        tmp_path: Path, soffice_profile: Path, lang: str) -> None:
    """The innovation record (``pages: 1``) of the longest example: one page as WeasyPrint prints
    it, and one page as LibreOffice prints its DOCX and its ODT."""
    from pypdf import PdfReader

    pytest.importorskip("weasyprint")
    files = example_files("protocole-partage-innovations", "experimentation-donnees", ["pdf", "docx", "odt"], lang)
    record = {n: v for n, v in files.items() if n.startswith("fiche-")}
    [pdf] = [v for n, v in record.items() if n.endswith(".pdf")]
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    for fmt in ("docx", "odt"):
        printed = print_with_libreoffice({n: v for n, v in record.items() if n.endswith(fmt)},
                                         tmp_path / fmt, soffice_profile)
        [(name, pages)] = printed.items()
        assert len(pages) == 1, (name, len(pages))
