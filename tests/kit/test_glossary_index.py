"""Finding glossary terms by an index of first words gives what one regex per term gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from survivalkit.kit.glossary import TermIndex, find_terms
from survivalkit.kit.model import Glossary, Term
from survivalkit.text.localized import fold

WORDS = st.sampled_from(["startup", "startups", "d'etat", "cloud", "e-administration", "design",
                         "thinking", "s", "co", "-", "l'", "3d", "a", "etat", "sprint"])
FORMS = st.lists(WORDS, min_size=1, max_size=3).map(" ".join)
TEXT = st.lists(st.one_of(WORDS, st.sampled_from([" ", ", ", ". ", "-", "'", "s "])),
                max_size=30).map("".join)


def _regex_spans(terms: list[Term], folded: str, plural: bool) -> set[tuple[int, int, int]]:
    """The former way: one alternation per term, searched over the whole text."""
    found = set()
    for number, term in enumerate(terms):
        forms = []
        for form in [term.term, *term.variants]:
            body = re.escape(fold(form))
            forms.append(body.replace("\\ ", "s?\\ ") + "s?" if plural else body)
        pattern = re.compile(rf"(?<![a-z0-9])(?:{'|'.join(forms)})(?![a-z0-9])")
        found |= {(m.start(), m.end(), number) for m in pattern.finditer(folded)}
    return found


@settings(deadline=None, database=None, derandomize=True, max_examples=300)
@given(st.lists(st.tuples(FORMS, st.lists(FORMS, max_size=2)), min_size=1, max_size=5), TEXT,
       st.booleans())
def test_the_index_finds_what_the_regexes_found(forms: list[tuple[str, list[str]]], text: str,
                                               plural: bool) -> None:
    terms = [Term(term=main, variants=variants, definition="d") for main, variants in forms]
    folded = fold(text)
    index = TermIndex(terms, plural=plural)
    assert set(index.spans(folded)) == _regex_spans(terms, folded, plural)


def test_find_terms_keeps_glossary_order() -> None:
    glossary = Glossary(schema_version=1, terms=[Term(term="sprint", definition="d"),
                                                 Term(term="startup d'État", definition="d")])
    assert [t.term for t in find_terms(glossary, "Une startup d'État fait un sprint.")] == [
        "sprint", "startup d'État"]
