"""The ``milieu`` filter: an answer placed inside a sentence loses its capital, unless it is a name."""

from __future__ import annotations

import re

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
    rest = text[end:]
    following = _WORD.search(rest)
    between = rest[: following.start()] if following else ""
    # "Nadia Ferrand", "Start Up de Ville", "Mme Roux": two capitalised words in a row make a name.
    return bool(following and between.strip() == "" and "\n" not in between and following.group(0)[0].isupper())


def mid_sentence(value: object) -> object:
    """``value`` with its first letter lower-cased, to read naturally inside a sentence.

    Acronyms (DSI), names (Nadia Ferrand, Mme Roux), words with inner capitals or digits and a
    few proper nouns (État, France…) keep their capital; anything that is not a text (a number, a
    date, nothing) is returned unchanged. Only the first letter changes: the lines of a
    multi-line answer stay as they are.
    """
    if not isinstance(value, str):
        return value
    found = _WORD.search(value)
    if found is None or not found.group(0)[0].isupper() or value[: found.start()].strip(" «\"'(“‘\u00a0\u202f"):
        return value
    word = found.group(0).rstrip(".-'’")
    if _keeps_capital(value, word, found.start() + len(word)):
        return value
    return value[: found.start()] + word[0].lower() + value[found.start() + 1 :]
