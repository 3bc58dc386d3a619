"""Messages about reading answers: ambiguous amounts, dates out of range, choices, lengths."""

from __future__ import annotations

MESSAGES_ANSWERS: dict[str, dict[str, str]] = {
    "pdfform.too_big": {
        "fr": "{file} : ce PDF dépasse {max} Mo ; un formulaire rempli pèse bien moins.",
        "en": "{file}: this PDF is over {max} MB; a filled form weighs far less.",
    },
    "pdfform.too_many": {
        "fr": "{file} : ce PDF a plus de {max} champs ; ce n'est pas un formulaire du kit.",
        "en": "{file}: this PDF has more than {max} fields; it is not one of the kit's forms.",
    },
    "pdfform.value_too_long": {
        "fr": "{file} : le champ « {field} » dépasse {max} caractères.",
        "en": "{file}: the field \"{field}\" is longer than {max} characters.",
    },
    "pdfform.unreadable": {
        "fr": "{file} : ce PDF ne se lit pas ({reason}).",
        "en": "{file}: this PDF cannot be read ({reason}).",
    },
    "pdfform.encrypted": {
        "fr": "{file} : ce PDF est protégé par un mot de passe ; enregistrez-le sans protection.",
        "en": "{file}: this PDF is password-protected; save it without protection.",
    },
    "pdfform.no_fields": {
        "fr": "{file} : ce PDF n'a aucun champ à remplir. Imprimez le formulaire avec « survivalkit sheets OUTIL --form », remplissez-le, puis donnez-le ici.",
        "en": "{file}: this PDF has no fields to fill in. Print the form with \"survivalkit sheets TOOL --form\", fill it in, then give it here.",
    },
    "pdfform.no_pypdf": {
        "fr": "Lire un formulaire PDF demande pypdf : pip install pypdf",
        "en": "Reading a PDF form needs pypdf: pip install pypdf",
    },
    "pdfform.ignored": {
        "fr": "{file} : la réponse à la question « {question} » ({id}) n'est pas prise en compte, car sa condition n'est pas remplie ({condition}).",
        "en": "{file}: the answer to the question \"{question}\" ({id}) is not used, because its condition does not hold ({condition}).",
    },
    "answer.amount_ambiguous": {
        "fr": "Voulez-vous dire {first} ou {second} ? Écrivez {first_typed} ou {second_typed}.",
        "en": "Do you mean {first} or {second}? Type {first_typed} or {second_typed}.",
    },
    "answer.number_ambiguous": {
        "fr": "Voulez-vous dire {first} ou {second} ? Écrivez {first_typed} ou {second_typed}.",
        "en": "Do you mean {first} or {second}? Type {first_typed} or {second_typed}.",
    },
    "answer.date_swapped": {
        "fr": "Cette date n'existe pas : les dates s'écrivent jour/mois/année. Vouliez-vous dire le {date} ({typed}) ?",
        "en": "This date does not exist: dates are written day/month/year. Did you mean {date} ({typed})?",
    },
    "answer.date_future": {
        "fr": "Choisissez une date à venir, après le {date}.",
        "en": "Choose a date in the future, after {date}.",
    },
    "answer.date_past": {
        "fr": "Choisissez une date passée, avant le {date}.",
        "en": "Choose a date in the past, before {date}.",
    },
    "answer.date_today_or_future": {
        "fr": "Choisissez le {date} ou une date à venir.",
        "en": "Choose {date} or a later date.",
    },
    "answer.date_today_or_past": {
        "fr": "Choisissez le {date} ou une date passée.",
        "en": "Choose {date} or an earlier date.",
    },
    "answer.choice_unknown": {
        "fr": "« {item} » ne correspond à aucun choix. Tapez un numéro de 1 à {n} ou le texte d'un choix : {choices}.",
        "en": "\"{item}\" matches no choice. Type a number from 1 to {n} or the text of a choice: {choices}.",
    },
    "answer.too_long": {
        "fr": "Réponse trop longue : {max} caractères au plus (vous en avez écrit {got}).",
        "en": "Answer too long: {max} characters at most (you wrote {got}).",
    },
}
