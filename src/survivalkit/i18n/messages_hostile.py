"""Messages of the guards against hostile kits and inputs: budgets, writes, escaping."""

from __future__ import annotations

MESSAGES_HOSTILE: dict[str, dict[str, str]] = {
    "budget.exceeded": {
        "fr": "le code du kit dépasse son budget : {what}",
        "en": "the kit's code goes over its budget: {what}",
    },
    "budget.seconds": {
        "fr": "plus de {n} secondes de calcul (la limite)",
        "en": "more than {n} seconds of work (the limit)",
    },
    "budget.steps": {
        "fr": "plus de {n} opérations (la limite ; une boucle sans fin ?)",
        "en": "more than {n} operations (the limit; an endless loop?)",
    },
    "budget.value": {
        "fr": "un texte ou une liste de plus de {n} caractères ou éléments (la limite)",
        "en": "a text or list of more than {n} characters or items (the limit)",
    },
    "budget.total": {
        "fr": "plus de {n} caractères ou éléments produits en tout (la limite)",
        "en": "more than {n} characters or items produced in all (the limit)",
    },
    "budget.output": {
        "fr": "un document de plus de {n} caractères (la limite)",
        "en": "a document of more than {n} characters (the limit)",
    },
    "budget.depth": {
        "fr": "plus de {n} appels imbriqués (la limite ; une macro qui s'appelle elle-même ?)",
        "en": "more than {n} nested calls (the limit; a macro that calls itself?)",
    },
    "budget.digits": {
        "fr": "un nombre de plus de {n} chiffres (la limite)",
        "en": "a number of more than {n} digits (the limit)",
    },
    "problems.more": {
        "fr": "… et {n} autre(s) problème(s) non affiché(s).",
        "en": "… and {n} more problem(s) not shown.",
    },
    "lint.budget": {"fr": "{what} : {message}", "en": "{what}: {message}"},
    # streams, files and state (hostile round 3)
    "stream.unwritable": {
        "fr": "Impossible d'écrire la sortie du programme : {reason}.",
        "en": "Cannot write the program's output: {reason}.",
    },
}
