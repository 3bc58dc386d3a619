"""Printed sheets and forms as a reader holds them: type size, one page, nothing about the terminal."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from io import BytesIO
from pathlib import Path

import pytest

from helpers import MINI_TOOL, run_cli
from survivalkit.kit.loader import bundled_kit_dir, load_kit
from survivalkit.kit.model import Kit
from survivalkit.sheets.build import Layout, build

DAY = dt.date(2026, 11, 26)
PRINTED = ["memo-achat-public", "pre-analyse-rgpd", "convention-experimentation"]
"""A short sheet and the two that came closest to their page's foot."""


@pytest.fixture(scope="module")
def kit() -> Kit:
    return load_kit([bundled_kit_dir()]).kit


def type_sizes(data: bytes) -> Counter[float]:
    """How many characters the PDF prints at each type size (points)."""
    from pypdf import PdfReader

    sizes: Counter[float] = Counter()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes[round(size * abs(tm[3]) * abs(cm[3]), 2)] += len(text.strip())

    for page in PdfReader(BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() or "" for page in PdfReader(BytesIO(data)).pages)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_printed_sheets_keep_readable_type_on_one_page_each(kit: Kit, lang: str) -> None:
    pytest.importorskip("weasyprint")
    tools = [kit.tools[tool_id] for tool_id in PRINTED]
    result = build(kit, tools, layout=Layout.SHEETS, fmt="pdf", lang=lang, day=DAY)
    assert result.pages == len(tools) and result.overflowing == []
    sizes = type_sizes(result.data)
    assert min(sizes) >= 8.0, sorted(sizes.items())
    body, _ = sizes.most_common(1)[0]
    assert body >= 9.5


def test_paper_speaks_of_a_pen_and_html_of_the_command(kit: Kit) -> None:
    pytest.importorskip("weasyprint")
    tool = kit.tools["memo-achat-public"]
    for layout in (Layout.SHEETS, Layout.FORMS, Layout.BOOKLET):
        printed = pdf_text(build(kit, [tool], layout=layout, fmt="pdf", lang="fr", day=DAY).data)
        assert "survivalkit" not in printed and "stylo" in printed, layout
        page = build(kit, [tool], layout=layout, fmt="html", lang="fr", day=DAY).data.decode()
        assert "survivalkit run memo-achat-public" in page or "survivalkit run OUTIL" in page


def test_sources_are_short_titles_linked_in_html(kit: Kit) -> None:
    tool = kit.tools["memo-achat-public"]
    page = build(kit, [tool], layout=Layout.SHEETS, fmt="html", lang="fr", day=DAY).data.decode()
    linked = [s for s in tool.sources if s.url]
    assert linked
    for source in linked:
        assert f'<a href="{source.url}">' in page
        assert f">{source.url}<" not in page  # the link's text is the title, not the address


def long_tool(steps: int) -> str:
    lines = "\n".join(f'    - "Étape numéro {n}, une phrase assez longue pour remplir une ligne '
                      'entière de la fiche imprimée, puis un peu plus."' for n in range(steps))
    return MINI_TOOL.replace("  steps: [Faire.]", "  steps:\n" + lines)


def test_check_names_each_sheet_and_language_over_its_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("weasyprint")
    layer = tmp_path / "region"
    (layer / "tools").mkdir(parents=True)
    (layer / "tools" / "outil-long.yaml").write_text(long_tool(60), "utf-8")
    (layer / "tools" / "outil-court.yaml").write_text(long_tool(2), "utf-8")
    code, out, err = run_cli(["sheets", "outil-long", "outil-court", "--check", "--kit",
                              str(layer), "--lang", "fr"], capsys)
    assert code == 1
    over = [line for line in err.splitlines() if "dépasse la page" in line]
    # French only in this kit: both languages print the French text, and both are named.
    assert [line.split(" ")[:2] for line in over] == [["outil-long", "(fr)"],
                                                       ["outil-long", "(en)"]]
    assert all(" cm" in line for line in over)
    centimetres = float(over[0].split(" de ")[-1].split(" cm")[0].replace(",", "."))
    assert centimetres > 10
    code, out, err = run_cli(["sheets", "outil-court", "--check", "--kit", str(layer),
                              "--lang", "en"], capsys)
    assert code == 0 and "fit one page" in out and not list(tmp_path.glob("*.pdf"))


def test_bundled_sheets_all_fit(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("weasyprint")
    code, out, err = run_cli(["sheets", "--check", "--lang", "fr"], capsys)
    assert code == 0, err
    assert "tiennent chacune sur une page" in out


# --- forms for a workshop ------------------------------------------------------------------


def pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [" ".join((page.extract_text() or "").split())
            for page in PdfReader(BytesIO(data)).pages]


FORMS = ["memo-achat-public", "pre-analyse-rgpd", "demande-derogation"]


def test_duplex_forms_each_start_on_a_recto_with_their_title_name_line_and_page_count(
    kit: Kit,
) -> None:
    pytest.importorskip("weasyprint")
    from survivalkit.sheets.view import form_view

    tools = [kit.tools[tool_id] for tool_id in FORMS]
    result = build(kit, tools, layout=Layout.FORMS, fmt="pdf", lang="fr", day=DAY, duplex=True)
    pages = pdf_pages(result.data)
    assert len(pages) == result.pages and len(pages) % 2 == 0
    at = 0
    for tool in tools:
        title = french_title(tool.title.fr)  # type: ignore[union-attr]
        assert at % 2 == 0, tool.id  # a right-hand page: 1st, 3rd, 5th… of the file
        count = next(int(n) for n in range(1, 9) if f"page 1 / {n}" in pages[at])
        for number in range(1, count + 1):
            page = pages[at + number - 1]
            assert title in page and "Votre nom :" in page, (tool.id, number)
            assert f"page {number} / {count}" in page
        last = pages[at + count - 1]
        fields = form_view(kit, tool, "fr").fields
        on_last = [f for f in fields if f"{f.number}. " in last]
        assert len(on_last) >= 3, (tool.id, [f.number for f in on_last])
        at += count
        if count % 2:
            assert pages[at] == "", tool.id  # the verso left blank
            at += 1
    assert at == len(pages)


def french_title(text: str) -> str:
    from survivalkit.text.typography import french_spacing

    return " ".join(french_spacing(text).replace("\u202f", " ").replace("\u00a0", " ").split())


def test_duplex_sheets_leave_each_back_blank(kit: Kit) -> None:
    pytest.importorskip("weasyprint")
    tools = [kit.tools[tool_id] for tool_id in PRINTED]
    result = build(kit, tools, layout=Layout.SHEETS, fmt="pdf", lang="en", day=DAY, duplex=True)
    pages = pdf_pages(result.data)
    # The last sheet's back needs no blank page: the printer leaves it white.
    assert len(pages) == 2 * len(tools) - 1
    for index, tool in enumerate(tools):
        assert tool.title.en in pages[2 * index]  # type: ignore[union-attr]
        if index < len(tools) - 1:
            assert pages[2 * index + 1] == ""


def test_writing_room_follows_the_answer() -> None:
    from survivalkit.kit.model import Question, QuestionType
    from survivalkit.sheets.paper import text_lines

    assert text_lines(Question(id="m", type=QuestionType.EMAIL, label="Adresse ?")) == 1
    assert text_lines(Question(id="n", label="Nom ?", max_length=60)) == 1
    assert text_lines(Question(id="w", label="Lequel, et que fait-il ?", max_length=200)) == 3
    assert text_lines(Question(id="d", type=QuestionType.LONGTEXT, label="Décrivez")) >= 3


# --- the workshop booklet -----------------------------------------------------------------


def test_glossary_sorts_the_french_way() -> None:
    from survivalkit.kit.model import Glossary, Term
    from survivalkit.sheets.view import glossary_view

    kit = load_kit([bundled_kit_dir()]).kit
    words = ["MVP", "méthode agile", "Écosystème", "design", "établissement", "Zèbre", "éolienne"]
    small = kit.model_copy(update={"glossary": Glossary(
        schema_version=1, terms=[Term(term=w, definition="x") for w in words])})
    assert [t.term for t in glossary_view(small, "fr")] == [
        "design", "Écosystème", "éolienne", "établissement", "méthode agile", "MVP", "Zèbre"]


def test_booklet_contents_list_each_tool_once_and_sheets_link_the_glossary(kit: Kit) -> None:
    from survivalkit.sheets.build import booklet_order

    tools = booklet_order(kit, list(kit.tools.values()))
    page = build(kit, tools, layout=Layout.BOOKLET, fmt="html", lang="fr", day=DAY).data.decode()
    contents = page.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
    assert sorted(contents.count(f'href="#tool-{t.id}"') for t in tools) == [1] * len(tools)
    # « analyse d'impact » is explained in the glossary (AIPD); the sheets link to it
    assert '<a class="term" href="#term-aipd">analyse d&#x27;impact</a>' in page
    assert 'id="term-aipd"' in page
    # an English term in French text is marked as English, in the sheet and in the glossary
    assert '<a class="term" href="#term-mvp" lang="en">MVP</a>' in page
    assert '<dt lang="en">MVP</dt>' in page
    # a loose sheet marks the language without linking (no glossary to go to)
    sheet = build(kit, [kit.tools["accessibilite-service-numerique"]], layout=Layout.SHEETS,
                  fmt="html", lang="fr", day=DAY).data.decode()
    assert 'class="term"' not in sheet


def test_workshop_cover_names_the_event_and_counts_the_tools(
    kit: Kit, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (60, 30), "navy").save(logo)
    ids = ["memo-achat-public", "pre-analyse-rgpd", "pass-fab-lab"]
    out = tmp_path / "livret.html"
    code, _, err = run_cli(["sheets", *ids, "--booklet", "--event", "Atelier <b>innover</b>",
                            "--place", "Nîmes", "--date", "12/03/2027", "--logo", str(logo),
                            "-o", str(out), "--lang", "fr"], capsys)
    assert code == 0, err
    cover = out.read_text("utf-8").split('<nav class="toc"')[0]
    assert "Atelier &lt;b&gt;innover&lt;/b&gt;" in cover and "Nîmes" in cover
    assert "12 mars 2027" in cover and "3 fiches outils" in cover
    latest = max(kit.tools[i].reviewed for i in ids)
    from survivalkit.text.typography import format_date_long
    assert f"Édition du {format_date_long(latest, 'fr')}" in cover
    assert 'src="data:image/png;base64,' in cover


@pytest.mark.parametrize(("args", "words"), [
    (["--logo", "{bad}"], "ni une image PNG ni une image JPEG"),
    (["--event", "x" * 200], "120 caractères"),
    (["--form", "--event", "Atelier"], "couverture du livret"),
])
def test_cover_options_refuse_what_they_cannot_print(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    bad = tmp_path / "logo.svg"
    bad.write_text("<svg onload='alert(1)'/>", "utf-8")
    args = [a.replace("{bad}", str(bad)) for a in args]
    code, _, err = run_cli(["sheets", "memo-achat-public", "pass-fab-lab", *args, "-o",
                            str(tmp_path / "x.html"), "--lang", "fr"], capsys)
    assert code == 2 and words in " ".join(err.split())
    assert not (tmp_path / "x.html").exists()


def test_duplex_workshop_pack_booklet_then_each_form_on_a_recto(kit: Kit) -> None:
    pytest.importorskip("weasyprint")
    from survivalkit.sheets.view import Workshop

    tools = [kit.tools[i] for i in ("memo-achat-public", "pass-fab-lab")]
    result = build(kit, tools, layout=Layout.PACK, fmt="pdf", lang="fr", day=DAY, duplex=True,
                   workshop=Workshop(event="Atelier du 12 mars", place="Nîmes"))
    pages = pdf_pages(result.data)
    assert "Atelier du 12 mars" in pages[0] and len(pages) % 2 == 0
    starts = [i for i, page in enumerate(pages) if "page 1 / " in page]
    assert len(starts) == len(tools) and all(i % 2 == 0 for i in starts)


def test_a_regional_tool_shows_its_kit_folder_on_screen_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "region" / "tools").mkdir(parents=True)
    (tmp_path / "region" / "tools" / "outil-region.yaml").write_text(MINI_TOOL, "utf-8")
    code, _, err = run_cli(["sheets", "outil-region", "memo-achat-public", "--no-booklet", "--kit",
                            "region", "-o", "fiches.html", "--lang", "fr"], capsys)
    assert code == 0, err
    page = (tmp_path / "fiches.html").read_text("utf-8")
    assert "survivalkit run outil-region --kit region</code>" in page
    assert "survivalkit sheets outil-region --form --kit region</code>" in page
    assert "survivalkit run memo-achat-public</code>" in page  # a bundled tool needs no --kit


def test_without_a_language_in_the_locale_sheets_come_out_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import survivalkit

    for var in ("LC_ALL", "LC_MESSAGES", "SURVIVALKIT_LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    out = tmp_path / "fiche.md"
    code, said, err = run_cli(["sheets", "memo-achat-public", "-o", str(out)], capsys)
    assert code == 0, err
    assert out.read_text("utf-8").startswith("# Mémo «\u202fachat public\u202f»") and "Écrit" in said
    api = survivalkit.build_sheets(["memo-achat-public"], fmt="md", day=DAY).decode("utf-8")
    assert api.startswith("# Mémo «\u202fachat public\u202f»")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")  # an English system: English, by the same policy
    code, said, err = run_cli(["sheets", "memo-achat-public", "-o", str(out), "--force"], capsys)
    assert code == 0 and out.read_text("utf-8").startswith("# Public procurement memo"), err


def test_loose_sheets_are_numbered_on_their_own_only_when_they_run_over(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    layer = tmp_path / "region"
    (layer / "tools").mkdir(parents=True)
    (layer / "tools" / "outil-long.yaml").write_text(long_tool(50), "utf-8")
    kit = load_kit([bundled_kit_dir(), layer]).kit
    tools = [kit.tools["memo-achat-public"], kit.tools["outil-long"], kit.tools["pass-fab-lab"]]
    result = build(kit, tools, layout=Layout.SHEETS, fmt="pdf", lang="fr", day=DAY, duplex=True)
    pages = pdf_pages(result.data)
    assert result.overflowing == ["outil-long"]
    # The memo (1 page) and a blank back, the long sheet (n pages, then a blank back if n is
    # odd), the fab lab's sheet.
    n = int(pages[2].split("page 1 / ")[1].split()[0])
    assert n > 1 and len(pages) == 3 + n + n % 2 and pages[1] == ""
    for number in range(2, n + 1):
        assert f"page {number} / {n}" in pages[1 + number]
        assert "Outil test" in pages[1 + number]  # its title on top of the next pages
    assert not [page for page in (pages[0], pages[-1]) if " / " in page]  # a sheet that fits: no number
