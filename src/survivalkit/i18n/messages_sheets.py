"""Interface messages of the printed sheets and paper forms (French and English)."""

from __future__ import annotations

MESSAGES_SHEETS: dict[str, dict[str, str]] = {
    "sheets.form.if": {"fr": "Si {clauses} :", "en": "If {clauses}:"},
    "sheets.form.and": {"fr": " et si ", "en": " and if "},
    "sheets.form.or": {"fr": " ou si ", "en": " or if "},
    "sheets.form.either": {"fr": " ou ", "en": " or "},
    "sheets.form.both": {"fr": " et ", "en": " and "},
    "sheets.form.nor": {"fr": " ni ", "en": " nor "},
    "sheets.form.quote": {"fr": "« {text} »", "en": "“{text}”"},
    "sheets.form.ticked": {
        "fr": "vous avez coché {answers} à la question {n}",
        "en": "you ticked {answers} in question {n}",
    },
    "sheets.form.not_ticked": {
        "fr": "vous n'avez pas coché {answers} à la question {n}",
        "en": "you did not tick {answers} in question {n}",
    },
    "sheets.form.neither": {
        "fr": "vous n'avez coché ni {answers} à la question {n}",
        "en": "you ticked neither {answers} in question {n}",
    },
    "sheets.form.other": {
        "fr": "vous avez coché à la question {n} une autre case que {answers}",
        "en": "you ticked a box other than {answers} in question {n}",
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
        "fr": "vous avez écrit à la question {n} plus de {value}",
        "en": "you wrote more than {value} in question {n}",
    },
    "sheets.form.compare.gteq": {
        "fr": "vous avez écrit à la question {n} au moins {value}",
        "en": "you wrote at least {value} in question {n}",
    },
    "sheets.form.compare.lt": {
        "fr": "vous avez écrit à la question {n} moins de {value}",
        "en": "you wrote less than {value} in question {n}",
    },
    "sheets.form.compare.lteq": {
        "fr": "vous avez écrit à la question {n} au plus {value}",
        "en": "you wrote at most {value} in question {n}",
    },
    "sheets.form.when_many": {
        "fr": "Selon vos réponses aux questions {refs}, si cela vous concerne :",
        "en": "Depending on your answers to questions {refs}, if it applies to you:",
    },
    "sheets.form.range": {"fr": "un nombre de {min} à {max}", "en": "a number from {min} to {max}"},
    "sheets.form.profile_first": {
        "fr": "Les questions 1 à {n} portent sur vous (nom, fonction, service…) : elles sont posées une fois, puis enregistrées.",
        "en": "Questions 1 to {n} are about you (name, job title, department…): they are asked once, then saved.",
    },
}
