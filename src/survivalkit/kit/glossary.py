"""Finding glossary terms in a text and looking them up."""

from __future__ import annotations

import difflib
import re

from survivalkit.kit.model import Glossary, Term
from survivalkit.kit.texts import fold


def _forms(term: Term) -> list[str]:
    return [term.term, *term.variants]


def find_terms(glossary: Glossary, text: str) -> list[Term]:
    """Terms (or their variants) that appear as whole words in ``text``."""
    folded = fold(text)
    found = []
    for term in glossary.terms:
        for form in _forms(term):
            pattern = r"(?<![a-z0-9])" + re.escape(fold(form)) + r"(?![a-z0-9])"
            if re.search(pattern, folded):
                found.append(term)
                break
    return found


def lookup(glossary: Glossary, query: str) -> list[Term]:
    """Terms matching ``query``: exact form first, then those containing it, then close ones."""
    q = fold(query.strip())
    exact = [term for term in glossary.terms if any(fold(f) == q for f in _forms(term))]
    if exact:
        return exact
    partial = [term for term in glossary.terms if any(q in fold(f) for f in _forms(term))]
    if partial:
        return partial
    names = {fold(f): term for term in glossary.terms for f in _forms(term)}
    close = difflib.get_close_matches(q, list(names), n=3, cutoff=0.6)
    return list(dict.fromkeys(names[c] for c in close))
