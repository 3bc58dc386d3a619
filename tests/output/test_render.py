"""Documents: every bundled example in every format; dated facts; hostile answers stay literal."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

from survivalkit.engine.sources import prefill
from survivalkit.engine.tool_run import tool_interview
from survivalkit.files.writer import inside, write_files
from survivalkit.kit.loader import bundled_kit_dir, load_kit
from survivalkit.output.bundle import files_for, render_outputs
from survivalkit.text.names import safe_filename

LOADED = load_kit([bundled_kit_dir()])
KIT = LOADED.kit
EXAMPLES = [(tool, ex) for tool in KIT.tools.values() for ex in tool.examples]
PLACEHOLDERS = ("TODO", "lorem", "XXX", "à compléter", "None", "[...]")


def answers_for(tool: Any, values: dict[str, Any], day: dt.date, lang: str = "fr") -> dict[str, Any]:
    iv = tool_interview(KIT, tool, lang=lang, day=day)
    errors, missing = prefill(iv, values, f"{tool.id} example", use_defaults=True)
    assert errors == [] and missing == [], (errors, missing)
    return iv.final_answers()


@pytest.mark.parametrize(("tool", "example"), EXAMPLES, ids=[f"{t.id}:{e.name}" for t, e in EXAMPLES])
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_example_renders_complete_documents(tool: Any, example: Any, lang: str) -> None:
    day = example.date or dt.date(2026, 11, 26)
    answers = answers_for(tool, example.answers, day, lang)
    [output] = render_outputs(KIT, [(tool, answers)], day=day, lang=lang)
    assert len(output.documents) == len(tool.documents)
    for doc, spec in zip(output.documents, tool.documents, strict=True):
        text = doc.markdown
        # A letter or a note opens on its sender and says what it is about on its subject line.
        assert text.startswith("# ") or (spec.layout in ("letter", "note") and doc.letter
                                         and doc.letter.subject), doc.document_id
        for word in PLACEHOLDERS:
            assert word not in text, f"{tool.id}/{doc.document_id}: {word!r}"
        lines = text.splitlines()
        for i, line in enumerate(lines[:-1]):
            if line.startswith("#"):
                following = next((x for x in lines[i + 1:] if x.strip()), "")
                assert following and not (following.startswith("#") and following.count("#") <= line.count("#")), (
                    f"{tool.id}/{doc.document_id}: empty section {line!r}")
    if lang == "fr":
        body = "\n".join(d.markdown for d in output.documents)
        for expected in example.expect:
            assert expected.replace(" ", "") in body.replace(" ", "").replace("\u202f", "").replace("\u00a0", "")


@pytest.mark.parametrize(("day", "threshold"), [(dt.date(2026, 3, 31), "40\u202f000"), (dt.date(2026, 4, 1), "60\u202f000")])
def test_memo_states_the_threshold_in_force_that_day(day: dt.date, threshold: str) -> None:
    tool = KIT.tools["memo-achat-public"]
    example = next(e for e in tool.examples if e.name == "petit-achat")
    answers = answers_for(tool, example.answers, day)
    [output] = render_outputs(KIT, [(tool, answers)], day=day, lang="fr")
    text = output.documents[0].markdown
    assert f"seuil de **{threshold}\u00a0€ HT**" in text
    assert "décret n° 2025-1386" in text if threshold.startswith("60") else "décret n° 2019-1344" in text


def memo_files(formats: list[str], overrides: dict[str, Any] | None = None) -> dict[str, bytes]:
    tool = KIT.tools["memo-achat-public"]
    example = next(e for e in tool.examples if e.name == "petit-achat")
    day = dt.date(2026, 11, 26)
    answers = answers_for(tool, {**example.answers, **(overrides or {})}, day)
    outputs = render_outputs(KIT, [(tool, answers)], day=day, lang="fr")
    return files_for(outputs, formats, lang="fr", day=day, kit=KIT)


def test_all_formats_carry_the_answers_with_accents() -> None:
    from docx import Document
    from odf import teletype
    from odf.opendocument import load
    from odf.text import H, P
    from pypdf import PdfReader

    files = memo_files(["md", "html", "pdf", "odt", "docx"])
    name = "memo-achat-six-ateliers-de-conception-avec-des-usagers"
    html = files[f"{name}.html"].decode("utf-8")
    assert '<html lang="fr">' in html and "@page" in html and "Claire Martin" in html
    pdf = PdfReader(io.BytesIO(files[f"{name}.pdf"]))
    pdf_text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Direction départementale des territoires du Gard" in pdf_text
    assert "Procédure d'achat" in pdf_text and "1 / " in pdf_text
    docx = Document(io.BytesIO(files[f"{name}.docx"]))
    headings = [p.text for p in docx.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert any("Le besoin" in h for h in headings)
    assert any("Claire Martin" in p.text for p in docx.paragraphs)
    odt = load(io.BytesIO(files[f"{name}.odt"]))
    odt_headings = [teletype.extractText(h) for h in odt.getElementsByType(H)]
    odt_text = " ".join(teletype.extractText(p) for p in odt.getElementsByType(P))
    assert any("Le besoin" in h for h in odt_headings) and "Claire Martin" in odt_text


def test_hostile_answers_stay_literal_and_escaped() -> None:
    hostile = "{{ 7*7 }} <script>alert(1)</script> {% raw %} مرحبا 🎉"
    files = memo_files(["md", "html"], {"objet": hostile})
    md = next(v for k, v in files.items() if k.endswith(".md") and k != "index.md").decode()
    html = next(v for k, v in files.items() if k.endswith(".html")).decode()
    # The Markdown keeps the answer as text: its punctuation is escaped, nothing is evaluated.
    assert r"\{\{ 7\*7 \}\} \<script\>alert(1)\</script\>" in md and "49" not in md
    # Read back, the page shows exactly what was typed, as text.
    assert "<script>" not in html and "{{ 7*7 }} &lt;script&gt;alert(1)&lt;/script&gt; {% raw %}" in html
    assert "مرحبا 🎉" in html


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "..", "con", "a" * 300])
def test_file_names_cannot_escape_the_output_folder(tmp_path: Path, name: str) -> None:
    safe = safe_filename(name, "md")
    assert "/" not in safe and not safe.startswith(".") and len(safe) <= 104
    assert inside(tmp_path, safe).parent == tmp_path.resolve()
    from survivalkit.errors import OutputError

    with pytest.raises(OutputError):
        inside(tmp_path, "../x.md")


def test_failed_write_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import survivalkit.files.writer as writer
    from survivalkit.errors import OutputError

    calls = {"n": 0}
    real = writer._stage

    def flaky(folder: Path, data: bytes) -> Path:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        return real(folder, data)

    monkeypatch.setattr(writer, "_stage", flaky)
    with pytest.raises(OutputError, match="No space left"):
        write_files(tmp_path / "out", {"a.md": b"a", "b.md": b"b", "c.md": b"c"})
    out = tmp_path / "out"
    assert not out.exists() or sorted(p.name for p in out.iterdir()) == []


def test_template_errors_name_file_document_and_line(tmp_path: Path) -> None:
    from helpers import MINI_TOOL, mini_kit
    from survivalkit.errors import TemplateError

    broken = MINI_TOOL.replace("Montant : {{ montant | euros }}", "Montant : {{ montant.__class__.__mro__ }}")
    loaded = load_kit([mini_kit(tmp_path, broken)])
    tool = loaded.kit.tools["outil-test"]
    locate = loaded.sources[tool.origin].template_line
    with pytest.raises(TemplateError) as exc:
        render_outputs(loaded.kit, [(tool, {"objet": "x", "montant": 1.0})], day=dt.date(2026, 1, 1),
                       lang="fr", locate_for={tool.id: locate})
    message = str(exc.value)
    assert "outil-test.yaml:27:" in message and "document `note`" in message


@pytest.mark.parametrize("expression", ["'x' * 10**9", "[0] * 10**8", "10 ** 100000"])
def test_a_template_cannot_build_huge_values(tmp_path: Path, expression: str) -> None:
    from helpers import MINI_TOOL, mini_kit
    from survivalkit.errors import TemplateError

    broken = MINI_TOOL.replace("Montant : {{ montant | euros }}", "Montant : {{ " + expression + " }}")
    loaded = load_kit([mini_kit(tmp_path, broken)])
    tool = loaded.kit.tools["outil-test"]
    with pytest.raises(TemplateError) as exc:
        render_outputs(loaded.kit, [(tool, {"objet": "x", "montant": 1.0})], day=dt.date(2026, 1, 1), lang="fr")
    assert "le code du kit dépasse son budget" in exc.value.say("fr")  # said in French at the edge
    assert "the kit's code goes over its budget" in exc.value.say("en")


def test_a_missing_optional_dependency_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from survivalkit.errors import MissingExtraError
    from survivalkit.output.formats import html_to_pdf, markdown_to_office

    real_import = builtins.__import__

    def no_extras(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] in ("weasyprint", "pypandoc"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_extras)
    with pytest.raises(MissingExtraError, match=r"survivalkit\[pdf\]"):
        html_to_pdf("<p>x</p>")
    with pytest.raises(MissingExtraError, match=r"survivalkit\[office\]"):
        markdown_to_office("# x", "docx", title="x", lang="fr")


def _document(source: str, **context: object) -> str:
    from survivalkit.kit.model import Tool
    from survivalkit.output.render import render_text

    tool = Tool.model_construct(origin="outil.yaml", id="outil")
    return render_text(source, context, tool=tool, key_path=("documents", 0, "template"),
                       what="document `doc`", known=[], lang="fr")


def test_a_set_block_printed_in_a_document_is_escaped_once() -> None:
    source = "{% set bloc %}**Objet** : {{ objet }}{% endset %}{{ bloc }}\n{{ bloc }}"
    # The kit's own markup stays markup; the answer is escaped once, as if printed directly.
    assert _document(source, objet="a*b <i>") == "**Objet** : a\\*b \\<i\\>\n**Objet** : a\\*b \\<i\\>"
    direct = _document("**Objet** : {{ objet }}", objet="a*b <i>")
    assert direct == "**Objet** : a\\*b \\<i\\>"


def test_a_filtered_set_block_is_never_trusted_as_markup() -> None:
    # A filter could undo the escaping of an answer: its result is escaped again when printed.
    source = "{% set bloc | replace('\\\\', '') %}{{ objet }}{% endset %}{{ bloc }}"
    assert _document(source, objet="[lien](https://x.fr)") == "\\[lien\\](https://x.fr)"


def test_an_answers_straight_quotes_survive_in_docx_and_odt() -> None:
    from docx import Document
    from odf import teletype
    from odf.opendocument import load
    from odf.text import P

    typed = "L'atelier \"Prototype\" -- phase 2..."
    files = memo_files(["docx", "odt"], {"objet": typed})
    docx_name = next(k for k in files if k.endswith(".docx"))
    docx_text = "\n".join(p.text for p in Document(io.BytesIO(files[docx_name])).paragraphs)
    odt = load(io.BytesIO(files[docx_name.removesuffix(".docx") + ".odt"]))
    odt_text = "\n".join(teletype.extractText(p) for p in odt.getElementsByType(P))
    for text in (docx_text, odt_text):
        # never « l’atelier “Prototype” – phase 2… » (the memo starts the answer lower case)
        assert 'l\'atelier "Prototype" -- phase 2...' in text
