"""Finding glossary terms in a text and looking them up.

Terms are found through an index of their forms by first word: a text costs one look-up per
word, whatever the size of the glossary (a 30 000-term glossary stays fast).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from survivalkit.kit.model import Glossary, Term
from survivalkit.text.localized import fold

_WORD = re.compile(r"[a-z0-9]+")
_ALNUM = re.compile(r"[a-z0-9]")


def _forms(term: Term) -> list[str]:
    return [term.term, *term.variants]


@dataclass
class TermIndex:
    """The folded forms of some terms, by their first word.

    With ``plural``, an ``s`` may end each word of a form (``startups d'etat``).
    """

    terms: Sequence[Term]
    plural: bool = False
    by_first: dict[str, list[tuple[int, list[str]]]] = field(default_factory=dict)
    others: list[tuple[int, re.Pattern[str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        for number, term in enumerate(self.terms):
            for form in _forms(term):
                folded = fold(form)
                first = _WORD.match(folded)
                if first is None:  # a form that starts with punctuation: searched the slow way
                    self.others.append((number, re.compile(self._pattern(folded))))
                else:
                    self.by_first.setdefault(first.group(), []).append((number, folded.split(" ")))

    def _pattern(self, folded: str) -> str:
        body = re.escape(folded)
        if self.plural:
            body = body.replace("\\ ", "s?\\ ") + "s?"
        return rf"(?<![a-z0-9]){body}(?![a-z0-9])"

    def _end(self, text: str, pos: int, parts: list[str]) -> int | None:
        """Where ``parts`` (a form split on spaces) end when they match at ``pos``."""
        for i, part in enumerate(parts):
            if not text.startswith(part, pos):
                return None
            pos += len(part)
            if i < len(parts) - 1:
                if self.plural and text.startswith("s ", pos):
                    pos += 2
                elif text.startswith(" ", pos):
                    pos += 1
                else:
                    return None
        if self.plural and text.startswith("s", pos) and not _ALNUM.match(text, pos + 1):
            return pos + 1
        return None if _ALNUM.match(text, pos) else pos

    def spans(self, folded: str) -> list[tuple[int, int, int]]:
        """``(start, end, term number)`` of every form found in folded text, one term's matches
        never overlapping, the first form listed winning at a place (as a regex would)."""
        found: list[tuple[int, int, int]] = []
        last_end: dict[int, int] = {}
        for word in _WORD.finditer(folded):
            start, text = word.start(), word.group()
            candidates = self.by_first.get(text, [])
            if self.plural and text.endswith("s"):
                candidates = candidates + self.by_first.get(text[:-1], [])
            taken: set[int] = set()
            for number, parts in sorted(candidates, key=lambda c: c[0]):
                if number in taken or last_end.get(number, -1) > start:
                    continue
                end = self._end(folded, start, parts)
                if end is not None:
                    found.append((start, end, number))
                    last_end[number] = end
                    taken.add(number)
        for number, pattern in self.others:
            found += [(m.start(), m.end(), number) for m in pattern.finditer(folded)]
        return found


def find_terms(glossary: Glossary, text: str, index: TermIndex | None = None) -> list[Term]:
    """Terms (or their variants) that appear as whole words in ``text``, in glossary order."""
    index = index or TermIndex(glossary.terms)
    numbers = sorted({number for _, _, number in index.spans(fold(text))})
    return [index.terms[n] for n in numbers]


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

