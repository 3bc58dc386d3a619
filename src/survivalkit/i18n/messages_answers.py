"""Messages about reading answers: ambiguous amounts, dates out of range, choices, lengths."""

from __future__ import annotations

MESSAGES_ANSWERS: dict[str, dict[str, str]] = {
    "answers.amount_ambiguous": {
        "fr": "Voulez-vous dire {first} ou {second} ? Écrivez {first_typed} ou {second_typed}.",
        "en": "Do you mean {first} or {second}? Type {first_typed} or {second_typed}.",
    },
    "answers.number_ambiguous": {
        "fr": "Voulez-vous dire {first} ou {second} ? Écrivez {first_typed} ou {second_typed}.",
        "en": "Do you mean {first} or {second}? Type {first_typed} or {second_typed}.",
    },
    "answers.date_swapped": {
        "fr": "Cette date n'existe pas : les dates s'écrivent jour/mois/année. Vouliez-vous dire le {date} ({typed}) ?",
        "en": "This date does not exist: dates are written day/month/year. Did you mean {date} ({typed})?",
    },
    "answers.date_future": {
        "fr": "Choisissez une date à venir, après le {date}.",
        "en": "Choose a date in the future, after {date}.",
    },
    "answers.date_past": {
        "fr": "Choisissez une date passée, avant le {date}.",
        "en": "Choose a date in the past, before {date}.",
    },
    "answers.date_today_or_future": {
        "fr": "Choisissez le {date} ou une date à venir.",
        "en": "Choose {date} or a later date.",
    },
    "answers.date_today_or_past": {
        "fr": "Choisissez le {date} ou une date passée.",
        "en": "Choose {date} or an earlier date.",
    },
    "answers.choice_unknown": {
        "fr": "« {item} » ne correspond à aucun choix. Tapez un numéro de 1 à {n} ou le texte d'un choix : {choices}.",
        "en": "\"{item}\" matches no choice. Type a number from 1 to {n} or the text of a choice: {choices}.",
    },
    "answers.too_long": {
        "fr": "Réponse trop longue : {max} caractères au plus (vous en avez écrit {got}).",
        "en": "Answer too long: {max} characters at most (you wrote {got}).",
    },
}
