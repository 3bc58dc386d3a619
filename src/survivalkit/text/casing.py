"""The ``milieu`` filter: an answer placed inside a sentence loses its capital, unless it is a name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar


class Name(str):
    """An answer that is a name (person, body, place, programme, company, product): the answer of a
    question marked ``name: true``. It keeps its capitals wherever it goes."""

    __slots__ = ()

# Words that keep their capital inside a sentence although nothing in their spelling shows it.
PROPER_NOUNS = frozenset(
    {
        "état", "france", "europe", "union", "république", "paris", "internet", "dieu",
        "monsieur", "madame", "mademoiselle", "maître", "docteur",
    }
)  # fmt: skip

# Short words that start a phrase without making it a name: "À Paris", "Le Havre" → "à Paris".
FUNCTION_WORDS = frozenset(
    {
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "à", "au", "aux", "en", "pour",
        "par", "sur", "avec", "dans", "chez", "ce", "cette", "ces", "notre", "nos", "votre", "vos",
        "son", "sa", "ses", "leur", "leurs", "the", "a", "an", "for", "with", "to", "in", "on", "of",
        "our", "your", "my", "this", "these", "its", "their",
    }
)  # fmt: skip

_WORD = re.compile(r"[^\W\d_][\w'’\-.]*")


def _keeps_capital(text: str, word: str, end: int) -> bool:
    if re.match(r"(?:[LDJNSCMT]|Qu)['’]", word):
        return False  # an elided article or pronoun: "L'Ardèche" → "l'Ardèche"
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and letters[1].isupper():
        return True  # an acronym (DSI, URSSAF) or a name in capitals (DUPONT)
    if any(c.isupper() for c in letters[1:]) or any(c.isdigit() for c in word):
        return True  # internal capitals (LibreOffice, McDonald) or a code (A4, B2B)
    if word == "I" or word.startswith(("I'", "I’")):
        return True  # English "I", "I'm"
    if len(letters) == 1 and text[end : end + 1] == ".":
        return True  # an initial or an abbreviation: "M. Dupont", "J. Martin"
    if word.rstrip(".").lower() in PROPER_NOUNS:
        return True
    if word.lower().rstrip("'’") in FUNCTION_WORDS:
        return False
    if _title_case(text[end:]):
        return True  # "Ministry of Ecological Transition", "Caisse Nationale": every word capitalised
    rest = text[end:]
    following = _WORD.search(rest)
    between = rest[: following.start()] if following else ""
    # "Nadia Ferrand", "Start Up de Ville", "Mme Roux": two capitalised words in a row make a name.
    return bool(following and between.strip() == "" and "\n" not in between and following.group(0)[0].isupper())


def _title_case(rest: str) -> bool:
    """Every word after the first, but short linking words, has a capital (a name in title case)."""
    words = [w for w in _WORD.findall(rest.split("\n", 1)[0]) if w.lower().rstrip("'’") not in FUNCTION_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


def mid_sentence(value: object) -> object:
    """``value`` with its first letter lower-cased, to read naturally inside a sentence.

    Acronyms (DSI), names (Nadia Ferrand, Mme Roux), words with inner capitals or digits and a
    few proper nouns (État, France…) keep their capital; anything that is not a text (a number, a
    date, nothing) is returned unchanged. Only the first letter changes: the lines of a
    multi-line answer stay as they are.
    """
    if not isinstance(value, str) or isinstance(value, Name):
        return value
    found = _WORD.search(value)
    if found is None or not found.group(0)[0].isupper() or value[: found.start()].strip(" «\"'(“‘\u00a0\u202f"):
        return value
    word = found.group(0).rstrip(".-'’")
    if _keeps_capital(value, word, found.start() + len(word)):
        return value
    return value[: found.start()] + word[0].lower() + value[found.start() + 1 :]


LOWER = "\ue000"
"""Put by the ``milieu`` filter before an answer it would lower: the rendered document decides
(``settle_capitals``), since only there is it known whether the answer starts a line."""

_MARKING: ContextVar[bool] = ContextVar("survivalkit_marking", default=False)


@contextmanager
def marking() -> Iterator[None]:
    """While a document template renders, ``milieu`` marks instead of lowering."""
    token = _MARKING.set(True)
    try:
        yield
    finally:
        _MARKING.reset(token)


def milieu(value: object) -> object:
    """The ``milieu`` filter: ``mid_sentence``, but an answer that starts a line, a block or a
    sentence in the document keeps its capital (decided once the document is rendered)."""
    lowered = mid_sentence(value)
    if lowered is value or lowered == value or not _MARKING.get():
        return lowered
    return LOWER + str(value)


# What may stand between the start of a line and an answer that then starts the line: spaces, a
# list bullet or number, a heading or quote mark, an opening emphasis, quote or bracket.
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:(?:[-*+]|\d+[.)]|#{1,6}|>)[ \t]+)*[*_«\"“(\[ \t\u00a0\u202f]*$")
_SENTENCE_END = re.compile(r"[.!?…][*_»\"”)]*[ \t\u00a0]+[*_«\"“( \u00a0\u202f]*$")


def settle_capitals(text: str) -> str:
    """Apply the marks the ``milieu`` filter left: lower the answer's first letter, unless the
    answer starts a line, a block or a sentence. Every mark is removed."""
    if LOWER not in text:
        return text
    pieces = text.split(LOWER)
    out = [pieces[0]]
    before = pieces[0][-200:]  # enough to see the start of the line or the end of a sentence
    for piece in pieces[1:]:
        found = _WORD.search(piece)
        if found is not None and before and not _LINE_START.search(before) and not _SENTENCE_END.search(before):
            i = found.start()
            piece = piece[:i] + piece[i].lower() + piece[i + 1 :]
        out.append(piece)
        before = (before + piece)[-200:]
    return "".join(out)
