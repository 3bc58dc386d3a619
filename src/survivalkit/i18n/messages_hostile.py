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
    "session.bad_date": {
        "fr": "La date enregistrée avec le travail en cours (champ `date` : « {value} ») n'est pas "
              "une date plausible : les documents sont datés d'aujourd'hui.",
        "en": "The date saved with the unfinished work (field `date`: “{value}”) is not a plausible "
              "date: the documents are dated today.",
    },
    "profile.bad_field": {
        "fr": "Profil enregistré ({path}) : le champ `{field}` n'a pas la bonne forme ({kind}) ; "
              "il est ignoré. Corrigez-le avec « survivalkit profile edit ».",
        "en": "Saved profile ({path}): the field `{field}` does not have the right form ({kind}); "
              "it is ignored. Fix it with “survivalkit profile edit”.",
    },
    "kind.list": {"fr": "une liste", "en": "a list"},
    "kind.mapping": {"fr": "un tableau de clés", "en": "a mapping of keys"},
    "kind.other": {"fr": "une valeur d'un autre type", "en": "a value of another type"},
    "output.too_long_to_print": {
        "fr": "{where} : document `{doc}` : {n} caractères, trop long pour les formats {formats} "
              "({max} au plus, une centaine de pages) ; raccourcissez le modèle ou choisissez md ou html.",
        "en": "{where}: document `{doc}`: {n} characters, too long for {formats} "
              "({max} at most, about a hundred pages); shorten the template or choose md or html.",
    },
    "output.too_much": {
        "fr": "{where} : les documents de cet outil dépassent {limit} octets en tout (au moins {got}) ; "
              "rien n'a été écrit. Le kit produit trop de documents ou des documents trop longs.",
        "en": "{where}: this tool's documents go over {limit} bytes in all (at least {got}); nothing "
              "was written. The kit makes too many documents, or documents too long.",
    },
}
