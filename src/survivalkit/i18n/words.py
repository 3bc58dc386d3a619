"""The words people type that mean something: yes and no, confirm, and the navigation commands.

One vocabulary for the interview, the answers and the terminal, in both languages.
"""

from __future__ import annotations

SOURCE_LANGUAGE = "fr"
"""The kit's source language: a plain string is French, and French is the fallback."""

TRUE_WORDS = frozenset({"oui", "o", "yes", "y", "vrai", "true", "1"})
FALSE_WORDS = frozenset({"non", "n", "no", "faux", "false", "0"})

CONFIRM_WORDS = frozenset({"", "ok", "o", "oui", "y", "yes"})
"""What confirms a recap (Enter included)."""

COMMANDS: dict[str, str] = {
    "?": "help", "aide": "help", "help": "help",
    "<": "back", "retour": "back", "back": "back",
    "passer": "skip", "skip": "skip",
    "quitter": "quit", "quit": "quit",
}  # fmt: skip
"""A reply that is one of these words is a command, not an answer."""
