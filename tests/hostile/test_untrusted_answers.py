"""Shared answers files are untrusted (issue 22): only the five formats, answers are text never markup.

Every case runs the real command line (``python -m survivalkit``) the way an agent would after
receiving a colleague's file, then opens what was written with the readers of each format.
"""

from __future__ import annotations

import collections
import os
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import build_tree

DATE = "2026-11-26"
PROFILE = {"nom": "Claire Martin", "fonction": "Chargée de mission", "organisation": "DDT du Gard",
           "courriel": "claire.martin@gard.gouv.fr"}
LUA_WRITER = """\
local marker = io.open({marker!r}, "w")
marker:write("pandoc ran this file")
marker:close()
function Writer(doc, opts) return "" end
"""
FORMATS_REFUSED = [
    ["md", "pwn.lua"],
    ["{lua}"],  # the absolute path of the Lua writer
    ["../pwn.lua"],
    ["latex"],
    ["epub"],
    ["pptx"],
    ["docx --lua-filter=pwn.lua"],
    ["pdf", "docx", "html5"],
    [["md"]],
    [42],
]
TOOL = """\
schema_version: 1
title: Lettre d'essai
summary: Recopie des réponses dans une lettre.
stages: [idee]
reviewed: 2026-11-20
sources:
  - title: Test
    reference: Aucune
sheet:
  when_to_use: Pour les tests.
  steps: [Tester.]
questions:
  - id: destinataire
    label: Destinataire
  - id: objet
    label: Objet
  - id: texte
    type: longtext
    label: Un texte
documents:
  - id: lettre
    title: Lettre
    filename: "lettre"
    layout: letter
    letter:
      recipient: "{{ destinataire }}"
      subject: "{{ objet }}"
      closing: "Avec mes salutations."
    template: |
      ## Le besoin

      {{ texte }}

      Début de phrase : {{ objet }}.

      {{ objet }}

      | Question | Réponse |
      |---|---|
      | Objet | {{ objet }} |

      Plus d'informations sur [le site du service public](https://www.service-public.fr).
"""
HOSTILE = [
    "[Valider ici](ms-msdt:/id%20PCWDiagnostic)",
    "[cliquez](javascript:alert(1)) <javascript:alert(2)> [f](file:///etc/passwd)",
    "<smb://serveur/partage> [p](vnd.sun.star.script:Standard.Module1.Main?language=Basic)",
    "[unc](\\\\serveur\\partage) <https://piege.example> ![image](https://piege.example/x.png)",
    "**gras** _italique_ `code` ~~barré~~ ^haut^ ~bas~ $x^2$ [^1] [texte]{.titre}",
    "<b>html</b> <a href=\"https://piege.example\">lien</a> &#106;avascript &amp;",
]
MULTILINE = [
    "# Un titre",
    "- un point de liste",
    "1. une liste numérotée",
    "> une citation",
    '::: {custom-style="Title"}',
    "    du code en retrait",
    "| a | b |",
    "===",
    ": une définition",
    "% un bloc de titre",
    "(@) un exemple",
]


def survivalkit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real command line, as an agent types it (in a fresh process)."""
    return subprocess.run([sys.executable, "-m", "survivalkit", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=240, env={**os.environ, "PYTHONUTF8": "1"})


@pytest.fixture
def letter_kit(tmp_path: Path) -> Path:
    return build_tree(tmp_path / "kit-essai", {"tools/lettre-essai.yaml": TOOL})


def _lua(tmp_path: Path) -> tuple[Path, Path]:
    marker = tmp_path / "pandoc-a-execute.txt"
    writer = tmp_path / "pwn.lua"
    writer.write_text(LUA_WRITER.format(marker=str(marker)), "utf-8")
    return writer, marker


def _formats(value: list[Any], writer: Path) -> list[Any]:
    return [str(writer) if item == "{lua}" else item for item in value]


def _refused(result: subprocess.CompletedProcess[str], marker: Path, out: Path) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "BadZipFile" not in result.stderr
    assert "md, html, pdf, odt, docx" in result.stderr  # the accepted ones are named
    assert not marker.exists(), "pandoc ran a file named by an answers file"
    assert not out.exists(), "something was written for a refused file"


@pytest.mark.parametrize("formats", FORMATS_REFUSED, ids=lambda f: str(f))
def test_a_journey_answers_file_cannot_name_another_format(tmp_path: Path, formats: list[Any]) -> None:
    writer, marker = _lua(tmp_path)
    answers = tmp_path / "parcours.yaml"
    answers.write_text(yaml.safe_dump({
        "journey": 1, "date": DATE, "profile": PROFILE, "situation": {}, "tools": [],
        "answers": {}, "formats": _formats(formats, writer),
    }, allow_unicode=True), "utf-8")
    out = tmp_path / "sortie"
    result = survivalkit("--answers", str(answers), "--out", str(out), "--lang", "fr", cwd=tmp_path)
    _refused(result, marker, out)
    assert "Format inconnu" in result.stderr or "liste de formats" in result.stderr


@pytest.mark.parametrize("formats", FORMATS_REFUSED[:4], ids=lambda f: str(f))
def test_a_tool_answers_file_cannot_name_another_format(
    tmp_path: Path, letter_kit: Path, formats: list[Any]
) -> None:
    writer, marker = _lua(tmp_path)
    answers = tmp_path / "reponses.yaml"
    answers.write_text(yaml.safe_dump({
        "tool": "lettre-essai", "date": DATE, "formats": _formats(formats, writer),
        "answers": {**PROFILE, "destinataire": "M. Dupont", "objet": "Essai", "texte": "Bonjour."},
    }, allow_unicode=True), "utf-8")
    out = tmp_path / "sortie"
    result = survivalkit("run", "lettre-essai", "--kit", str(letter_kit), "--answers", str(answers),
                         "--out", str(out), "--lang", "en", cwd=tmp_path)
    _refused(result, marker, out)
    assert "Unknown format" in result.stderr


@pytest.mark.parametrize("typed", ["pwn.lua", "md,latex", "docx,../pwn.lua"])
def test_the_command_line_cannot_name_another_format(tmp_path: Path, letter_kit: Path, typed: str) -> None:
    _, marker = _lua(tmp_path)
    out = tmp_path / "sortie"
    result = survivalkit("run", "lettre-essai", "--kit", str(letter_kit), "--defaults", "--format", typed,
                         "--out", str(out), "--lang", "fr", cwd=tmp_path)
    _refused(result, marker, out)


def test_a_tool_answers_file_with_known_formats_is_followed(tmp_path: Path, letter_kit: Path) -> None:
    answers = tmp_path / "reponses.yaml"
    answers.write_text(yaml.safe_dump({
        "tool": "lettre-essai", "date": DATE, "formats": ["md", "HTML"],
        "answers": {**PROFILE, "destinataire": "M. Dupont", "objet": "Essai", "texte": "Bonjour."},
    }, allow_unicode=True), "utf-8")
    out = tmp_path / "sortie"
    result = survivalkit("run", "lettre-essai", "--kit", str(letter_kit), "--answers", str(answers),
                         "--out", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.suffix for p in out.glob("lettre.*")) == [".eml", ".html", ".md"]  # a letter: its e-mail draft too


def test_a_saved_session_naming_another_format_is_refused() -> None:
    from survivalkit.engine.store import check_state

    with pytest.raises(ValueError, match="unknown format"):
        check_state({"picked": [], "formats": ["md", "pwn.lua"]})
    check_state({"picked": [], "formats": ["md", "pdf"]})


def test_the_api_refuses_another_format_before_anything_runs() -> None:
    from survivalkit import api
    from survivalkit.errors import SurvivalkitError

    for formats in (["pwn.lua"], ["md", "latex"], "md,epub", ["md,html"], [42]):
        with pytest.raises(SurvivalkitError, match="md, html, pdf, odt, docx"):
            api.run_tool("memo-achat-public", {}, formats=formats)
        with pytest.raises(SurvivalkitError, match="md, html, pdf, odt, docx"):
            api.run_journey({}, formats=formats)


# --- answers are text, never markup ------------------------------------------------------------

class _Shape(HTMLParser):
    """The elements of a page's <main> (what markup the document has), and its text."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.tags: collections.Counter[str] = collections.Counter()
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "main":
            self.inside = True
        elif self.inside:
            self.tags[tag] += 1
            if tag == "a":
                self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "main":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.text.append(data)


def _html(path: Path) -> _Shape:
    shape = _Shape()
    shape.feed(path.read_text("utf-8"))
    return shape


def _docx(path: Path) -> tuple[collections.Counter[str], list[str], str]:
    import docx

    document = docx.Document(str(path))
    shape: collections.Counter[str] = collections.Counter()
    for paragraph in document.paragraphs:
        shape[f"style:{paragraph.style.name}"] += 1
        for run in paragraph.runs:  # pandoc splits text into runs freely: count only formatted ones
            shape["bold"] += bool(run.bold)
            shape["italic"] += bool(run.italic)
            shape["strike"] += bool(run.font.strike)
            shape["superscript"] += bool(run.font.superscript)
            shape["subscript"] += bool(run.font.subscript)
            if run.style.name != "Default Paragraph Font":
                shape[f"run-style:{run.style.name}"] += 1
    links = [rel.target_ref for rel in document.part.rels.values() if "hyperlink" in rel.reltype]
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    shape["w:hyperlink"] = xml.count("<w:hyperlink")
    shape["w:fldSimple"] = xml.count("<w:fldSimple") + xml.count("<w:instrText")
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n" + "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    return shape, links, text


def _odt(path: Path) -> tuple[collections.Counter[str], list[str], str]:
    from odf import teletype
    from odf.opendocument import load
    from odf.text import A, H, List, Note, P, Span

    document = load(str(path))
    shape: collections.Counter[str] = collections.Counter()
    for kind in (P, H, Span):
        for node in document.getElementsByType(kind):
            shape[f"{node.qname[1]}:{node.getAttribute('stylename')}"] += 1
    shape["list"] = len(document.getElementsByType(List))
    shape["note"] = len(document.getElementsByType(Note))
    links = [str(a.getAttribute("href")) for a in document.getElementsByType(A)]
    text = "\n".join(teletype.extractText(p) for p in document.getElementsByType(P))
    return shape, links, text


def _pdf(path: Path) -> tuple[int, list[str], str]:
    import pypdf

    reader = pypdf.PdfReader(str(path))
    uris: list[str] = []
    annotations = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            annotations += 1
            action = annot.get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
    text = " ".join(page.extract_text() for page in reader.pages)
    return annotations, uris, " ".join(text.split())


def _write_letter(tmp_path: Path, letter_kit: Path, name: str, objet: str, texte: str,
                  destinataire: str) -> Path:
    answers = tmp_path / f"{name}.yaml"
    answers.write_text(yaml.safe_dump({
        "tool": "lettre-essai", "date": DATE,
        "answers": {**PROFILE, "destinataire": destinataire, "objet": objet, "texte": texte},
    }, allow_unicode=True), "utf-8")
    out = tmp_path / name
    result = survivalkit("run", "lettre-essai", "--kit", str(letter_kit), "--answers", str(answers),
                         "--out", str(out), "--format", "md,html,pdf,odt,docx", "--lang", "fr", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return out


@pytest.mark.slow
@pytest.mark.parametrize("hostile", [" ".join(HOSTILE[:3]), " ".join(HOSTILE[3:])], ids=["links", "markup"])
def test_markdown_and_html_in_answers_stay_text_in_every_format(
    tmp_path: Path, letter_kit: Path, hostile: str
) -> None:
    """The same letter with plain answers and with answers made of markup: the documents have the
    same structure (no link, emphasis, heading, list, field or style more), and show the markup as
    the words that were typed."""
    lines = [f"{hostile} {line}" for line in MULTILINE]
    plain_lines = [f"ligne {i} de texte" for i in range(len(lines))]
    plain = _write_letter(tmp_path, letter_kit, "simple", "Un objet", "\n".join(plain_lines), "Mme Durand")
    piege = _write_letter(tmp_path, letter_kit, "piege", hostile, "\n".join(lines), hostile)

    # HTML: the same elements; the only link is the kit's own.
    html_plain, html_piege = _html(plain / "lettre.html"), _html(piege / "lettre.html")
    assert html_piege.tags == html_plain.tags
    assert html_piege.links == ["https://www.service-public.fr"]
    def flat(text: str) -> str:  # typography: no-break spaces before ; : ! ?, pandoc's curly quotes
        for curly, straight in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):
            text = text.replace(curly, straight)
        return "".join(text.replace("\u202f", "").replace("\u00a0", "").split())

    assert flat(hostile) in flat("".join(html_piege.text))

    # DOCX and ODT: the same paragraphs, styles and runs; no hyperlink or field from an answer.
    docx_plain, docx_piege = _docx(plain / "lettre.docx"), _docx(piege / "lettre.docx")
    assert docx_piege[0] == docx_plain[0]
    assert docx_piege[1] == ["https://www.service-public.fr"]
    assert flat(hostile) in flat(docx_piege[2])
    odt_plain, odt_piege = _odt(plain / "lettre.odt"), _odt(piege / "lettre.odt")
    assert odt_piege[0] == odt_plain[0]
    assert odt_piege[1] == ["https://www.service-public.fr"]
    assert flat(hostile) in flat(odt_piege[2])

    # PDF: one link annotation, the kit's; the answer printed as typed.
    annotations_plain, _, _ = _pdf(plain / "lettre.pdf")
    annotations, uris, text = _pdf(piege / "lettre.pdf")
    assert annotations == annotations_plain and uris == ["https://www.service-public.fr"]
    words = [w for w in re.split(r"[\s\[\]()<>]+", hostile) if len(w) > 4 and w.isalpha()]
    assert all(word in text for word in words)

    # Markdown: read back by a Markdown reader, the same structure as the plain letter.
    from survivalkit.output.formats import markdown_to_html_body

    def md_shape(folder: Path) -> collections.Counter[str]:
        shape = _Shape()
        shape.feed("<main>" + markdown_to_html_body((folder / "lettre.md").read_text("utf-8")) + "</main>")
        return shape.tags

    assert md_shape(piege) == md_shape(plain)


def test_a_kit_link_computed_from_an_answer_is_refused_when_rendered(tmp_path: Path) -> None:
    """The kit may write links in its template; a target made from an answer is checked at run time."""
    tool = TOOL.replace("[le site du service public](https://www.service-public.fr)", "[le lien]({{ objet }})")
    kit = build_tree(tmp_path / "kit-lien", {"tools/lettre-essai.yaml": tool})
    for target, ok in (("https://www.service-public.fr", True), ("javascript:alert(1)", False),
                       ("file:///etc/passwd", False), ("//serveur/partage", False)):
        answers = tmp_path / "reponses.yaml"
        answers.write_text(yaml.safe_dump({"tool": "lettre-essai", "date": DATE, "answers": {
            **PROFILE, "destinataire": "M. Dupont", "objet": target, "texte": "Bonjour."}}), "utf-8")
        out = tmp_path / f"sortie-{ok}-{len(target)}"
        result = survivalkit("run", "lettre-essai", "--kit", str(kit), "--answers", str(answers),
                             "--out", str(out), "--format", "md,html", "--lang", "fr", cwd=tmp_path)
        assert "Traceback" not in result.stderr
        if ok:
            assert result.returncode == 0, result.stderr
        else:
            assert result.returncode == 1, result.stderr
            assert "lien refusé" in result.stderr and "lettre-essai.yaml" in result.stderr
            assert not out.exists()


def test_validate_refuses_a_template_link_to_another_scheme(tmp_path: Path) -> None:
    body = ("Voir [le site](https://www.service-public.fr), [écrire](mailto:agent@ville.fr),\n"
            "      [diagnostic](ms-msdt:/id) et <file:///c:/windows/system32> et [partage](\\\\\\\\serveur\\partage).\n")
    tool = TOOL.replace("Plus d'informations sur [le site du service public](https://www.service-public.fr).\n", body)
    kit = build_tree(tmp_path / "kit-liens", {"tools/lettre-essai.yaml": tool})
    result = survivalkit("validate", str(kit), "--lang", "fr", cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    report = result.stdout + result.stderr
    refused = re.findall(r"lettre-essai\.yaml:(\d+):\d+: .*lien vers « ([^»]+) »", report)
    assert [url for _, url in refused] == ["ms-msdt:/id", "file:///c:/windows/system32", "\\\\serveur\\partage"]
    assert "[SK020]" in report and "service-public" not in " ".join(url for _, url in refused)
