"""A source marked « à vérifier » reads so on every sheet, in each language, and in `show`."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import run_cli
from survivalkit.kit.loader import bundled_kit_dir, load_kit
from survivalkit.kit.model import Kit, Tool
from survivalkit.sheets.build import Layout, build, build_html, build_markdown
from survivalkit.text.localized import tr

DAY = dt.date(2026, 11, 26)
TOOL = "memo-achat-public"
MARKED = "Code de la commande publique, art. R2131-16"


@pytest.fixture(scope="module")
def kit() -> Kit:
    return load_kit([bundled_kit_dir()]).kit


def source_lines(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("- ") and " — " in line]


@pytest.mark.parametrize(("lang", "mark"), [("fr", "(à vérifier)"), ("en", "(to be checked)")])
def test_only_the_source_to_check_is_marked_in_markdown_and_html(kit: Kit, lang: str, mark: str) -> None:
    tool = kit.tools[TOOL]
    assert sum(1 for s in tool.sources if s.to_check) == 1
    lines = source_lines(build_markdown(kit, [tool], layout=Layout.SHEETS, lang=lang, day=DAY))
    assert [line for line in lines if mark in line] == [f"- {_title(tool, lang)} — {MARKED} *{mark}*"]
    page = build_html(kit, [tool], layout=Layout.SHEETS, lang=lang, day=DAY)
    assert page.count('class="to-check"') == 1
    # (on the English page, the French reference is marked as French: <span lang="fr">)
    plain = page.replace('<span lang="fr">', "").replace("</span>", "")
    assert f'— {MARKED} <em class="to-check">{mark}</em></li>' in plain


def _title(tool: Tool, lang: str) -> str:
    source = next(s for s in tool.sources if s.to_check)
    return tr(source.title, lang)


def test_the_printed_sheet_says_a_source_is_to_be_checked(kit: Kit) -> None:
    pytest.importorskip("weasyprint")
    from io import BytesIO

    from pypdf import PdfReader

    tool = kit.tools["convention-experimentation"]
    result = build(kit, [tool], layout=Layout.SHEETS, fmt="pdf", lang="fr", day=DAY)
    assert result.pages == 1 and result.overflowing == []
    text = " ".join((page.extract_text() or "") for page in PdfReader(BytesIO(result.data)).pages)
    assert " ".join(text.split()).count("(à vérifier)") == 2  # art. 28 of the GDPR, L2125-1


def test_show_prints_what_must_be_checked(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["show", TOOL, "--plain", "--lang", "fr"], capsys)
    assert code == 0
    flat = " ".join(out.split())
    assert f"{MARKED} (à vérifier) Vérifier sur Légifrance que cet article impose bien" in flat
    code, out, _ = run_cli(["show", TOOL, "--plain", "--lang", "en"], capsys)
    assert "(to be checked) Check on Légifrance that this article does require" in " ".join(out.split())
