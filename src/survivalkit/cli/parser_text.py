"""French for the fixed English texts of the command-line parser (help headings, usage errors)."""

from __future__ import annotations

import re

HELP_FR = [
    ("Usage:", "Utilisation :"),
    ("Options:", "Options :"),
    ("Commands:", "Commandes :"),
    ("Arguments:", "Arguments :"),
    ("Show this message and exit.", "Affiche cette aide et s'arrête."),
    ("[required]", "[obligatoire]"),
]
DEFAULT_RE = re.compile(r"\[default: ([^\]]*)\]")

ERRORS_FR = [
    (re.compile(r"^Missing argument '([^']+)'\.?"), r"Argument manquant : \1."),
    (re.compile(r"^Missing option '([^']+)'\.?"), r"Option manquante : \1."),
    (re.compile(r"^No such option: (\S+)"), r"Option inconnue : \1"),
    (re.compile(r"^No such command '([^']+)'\.?"), r"Commande inconnue : \1."),
    (re.compile(r"^Got unexpected extra arguments? \((.*)\)"), r"Argument(s) en trop : \1"),
    (re.compile(r"^Option '([^']+)' requires an argument\.?"), r"L'option \1 demande une valeur."),
    (re.compile(r"Did you mean (.*)\?"), r"Vouliez-vous dire \1 ?"),
    (re.compile(r"Invalid value for '([^']+)': "), r"Valeur incorrecte pour \1 : "),
]


def translate_help(text: str, lang: str) -> str:
    """The parser's help screen with its fixed English parts in French."""
    if lang != "fr":
        return text
    for english, french in HELP_FR:
        text = text.replace(english, french)
    return DEFAULT_RE.sub(lambda m: f"[par défaut : {m.group(1)}]", text)


def translate_error(message: str, lang: str) -> str:
    """A usage error from the parser, in French when the interface is French."""
    if lang != "fr":
        return message
    for pattern, french in ERRORS_FR:
        message = pattern.sub(french, message)
    return message
