"""Accessible HTML (RGAA): documents, sheets, booklet and forms pass axe-core in headless Chromium.

No serious or critical violation is allowed. Needs Debian's ``chromium`` and the ``axe-core`` npm
package (``npm install --no-save --prefix .ci-node axe-core``); ``.ci/run`` installs both.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import yaml

import axe_runner
from helpers import run_cli
from survivalkit.kit.loader import bundled_kit_dir, load_kit
from survivalkit.kit.model import Kit
from survivalkit.output.formats import html_page, markdown_to_html_body
from survivalkit.sheets.build import Layout, booklet_order, build_html, select_tools

DAY = dt.date(2026, 11, 26)
LANGS = ["fr", "en"]

REQUIRED = os.environ.get("SURVIVALKIT_REQUIRE_AXE") == "1"  # set by .ci/run
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(axe_runner.missing()) and not REQUIRED,
                       reason=axe_runner.missing() or "ready"),
]


@pytest.fixture(scope="module")
def kit() -> Kit:
    return load_kit([bundled_kit_dir()], strict=False).kit


def assert_accessible(page: str, work: Path, what: str, tags: tuple[str, ...] = ()) -> None:
    assert not axe_runner.missing(), axe_runner.missing()
    found = axe_runner.check_page(page, work, tags)
    bad = [v for v in found if v.impact in axe_runner.SERIOUS]
    assert not bad, f"{what}:\n" + "\n".join(str(v) for v in bad)


@pytest.mark.parametrize("lang", LANGS)
def test_sheet_booklet_and_forms_pass_axe(kit: Kit, lang: str, tmp_path: Path) -> None:
    tools = select_tools(kit, None, None, lang)
    pages = {
        "one sheet": build_html(kit, [kit.tools["memo-achat-public"]], layout=Layout.SHEETS,
                                lang=lang, day=DAY),
        "booklet": build_html(kit, booklet_order(kit, tools), layout=Layout.BOOKLET, lang=lang,
                              day=DAY),
        "forms": build_html(kit, tools, layout=Layout.FORMS, lang=lang, day=DAY),
    }
    for what, page in pages.items():
        # WCAG 2.2 too: the contents' links are targets of at least 24 px
        assert_accessible(page, tmp_path, what, axe_runner.WCAG22)


@pytest.mark.parametrize("lang", LANGS)
def test_documents_and_index_pass_axe(
    kit: Kit, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    bodies = []
    for tool in kit.tools.values():
        if not tool.examples:
            continue
        example = tool.examples[0]
        answers = tmp_path / f"{tool.id}.yaml"
        day = (example.date or DAY).isoformat()
        answers.write_text(yaml.safe_dump({"tool": tool.id, "date": day,
                                           "answers": example.answers}, allow_unicode=True),
                           encoding="utf-8")
        code, _, err = run_cli(["run", tool.id, "--answers", str(answers), "--defaults",
                                "--format", "md,html", "-o", str(out / tool.id), "--lang", lang],
                               capsys)
        assert code == 0, err
        bodies += [p.read_text("utf-8") for p in sorted((out / tool.id).glob("*.md"))]
    first = sorted(out.glob("*/*.html"))[0]
    assert_accessible(first.read_text("utf-8"), tmp_path, first.name)
    # Every document's body and the folders' indexes, in one page: one browser start, not dozens.
    every = html_page(markdown_to_html_body("\n\n".join(bodies)), title="Documents", lang=lang,
                      author="Test", day=DAY)
    assert_accessible(every, tmp_path, "every document")
