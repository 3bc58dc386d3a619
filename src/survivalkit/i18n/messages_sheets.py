"""Interface messages of the printed sheets and paper forms (French and English)."""

from __future__ import annotations

MESSAGES_SHEETS: dict[str, dict[str, str]] = {
    "sheets.form.if": {"fr": "À remplir si {clauses}.", "en": "Answer only if {clauses}."},
    "sheets.form.and": {"fr": " et ", "en": " and "},
    "sheets.form.or": {"fr": " ou ", "en": " or "},
    "sheets.form.quote": {"fr": "« {text} »", "en": "“{text}”"},
    "sheets.form.answered": {
        "fr": "vous avez répondu {answers} à la question {n}",
        "en": "you answered {answers} to question {n}",
    },
    "sheets.form.not_answered": {
        "fr": "vous n'avez pas répondu {answers} à la question {n}",
        "en": "you did not answer {answers} to question {n}",
    },
    "sheets.form.neither": {
        "fr": "vous n'avez répondu ni {answers} à la question {n}",
        "en": "you answered neither {answers} to question {n}",
    },
    "sheets.form.neither_join": {"fr": " ni ", "en": " nor "},
    "sheets.form.ticked": {
        "fr": "vous avez coché {answers} à la question {n}",
        "en": "you ticked {answers} in question {n}",
    },
    "sheets.form.not_ticked": {
        "fr": "vous n'avez pas coché {answers} à la question {n}",
        "en": "you did not tick {answers} in question {n}",
    },
    "sheets.form.filled": {
        "fr": "vous avez répondu à la question {n}",
        "en": "you answered question {n}",
    },
    "sheets.form.not_filled": {
        "fr": "vous n'avez pas répondu à la question {n}",
        "en": "you left question {n} blank",
    },
    "sheets.form.compare.gt": {
        "fr": "votre réponse à la question {n} est supérieure à {value}",
        "en": "your answer to question {n} is more than {value}",
    },
    "sheets.form.compare.gteq": {
        "fr": "votre réponse à la question {n} est d'au moins {value}",
        "en": "your answer to question {n} is at least {value}",
    },
    "sheets.form.compare.lt": {
        "fr": "votre réponse à la question {n} est inférieure à {value}",
        "en": "your answer to question {n} is less than {value}",
    },
    "sheets.form.compare.lteq": {
        "fr": "votre réponse à la question {n} est d'au plus {value}",
        "en": "your answer to question {n} is at most {value}",
    },
    "sheets.form.when_many": {
        "fr": "À remplir ou non selon vos réponses aux questions {refs}.",
        "en": "Whether to answer depends on your answers to questions {refs}.",
    },
    "sheets.form.range": {"fr": "un nombre de {min} à {max}", "en": "a number from {min} to {max}"},
    "sheets.form.profile_first": {
        "fr": "Les questions 1 à {n} portent sur vous (nom, fonction, service…) : elles sont posées une fois, puis enregistrées.",
        "en": "Questions 1 to {n} are about you (name, job title, department…): they are asked once, then saved.",
    },
}
