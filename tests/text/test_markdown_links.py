"""A document's links are read as a Markdown reader reads them; the shortcut that skips the reading
when no link can be written never misses one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from survivalkit.text.markdown import link_targets, may_hold_links, refused_links

LINKS = [
    "[le site](javascript:alert(1))",
    "voir [ici][ref]\n\n[ref]: file:///etc/passwd",
    "[ref]\n\n[ref]:\n  data:text/html,x",
    "<ftp://exemple.fr/x>",
    "| a | b |\n|---|---|\n| [x](smb://h/s) | y |",
    "> cité : [x](//hôte/chemin)",
    "- [x]( <vbscript:x> )",
]


@pytest.mark.parametrize("markdown", LINKS)
def test_every_kind_of_link_is_read_and_refused(markdown: str) -> None:
    assert may_hold_links(markdown)
    assert refused_links(markdown), markdown


def test_a_text_without_bracket_parenthesis_colon_or_angle_has_no_link() -> None:
    text = "Objet : une imprimante (fournitures) ; [à compléter] ; https://exemple.fr"
    assert not may_hold_links(text)
    assert list(link_targets(text)) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]()<>:/ ajs\\\n!*`-|", max_size=40))
def test_the_shortcut_never_hides_a_link_markdown_it_would_see(text: str) -> None:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    seen = [c for t in md.parse(text) for c in (t.children or ()) if c.type == "link_open"]
    if seen:
        assert may_hold_links(text)
