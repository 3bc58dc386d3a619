"""Texts of the letter layout printed in documents (subject, place and date, decision block)."""

from __future__ import annotations

MESSAGES_OFFICE: dict[str, dict[str, str]] = {
    "letter.place_date": {"fr": "À {place}, le {date}", "en": "{place}, {date}"},
    "letter.date": {"fr": "Le {date}", "en": "{date}"},
    "letter.subject": {"fr": "Objet :", "en": "Subject:"},
    "letter.references": {"fr": "Réf. :", "en": "Ref.:"},
    "letter.attachments": {"fr": "P.J. :", "en": "Enclosures:"},
    "draft.body": {
        "fr": "Bonjour,\n\nVous trouverez ci-joint : {title}.\n\nJe reste à votre disposition pour en parler.\n\nBien cordialement,\n{author}",
        "en": "Hello,\n\nPlease find attached: {title}.\n\nI am happy to discuss it.\n\nKind regards,\n{author}",
    },
    "combined.title": {"fr": "Dossier complet", "en": "All documents"},
    "combined.title_of": {"fr": "Dossier complet : {project}", "en": "All documents: {project}"},
    "combined.contents": {"fr": "Sommaire", "en": "Contents"},
    "combined.subject": {"fr": "Les {n} documents du projet « {project} »", "en": "The {n} documents of the project “{project}”"},
    "combined.index": {"fr": "Tout le dossier en un seul PDF :", "en": "All the documents in one PDF:"},
    "draft.letter": {
        "fr": "{appellation},\n\nVous trouverez en pièce jointe le courrier « {title} ».\n\nJe reste à votre disposition pour tout renseignement complémentaire.\n\n{formula}\n\n{author}",
        "en": "{appellation},\n\nPlease find attached the letter “{title}”.\n\nI remain at your disposal for any further information.\n\n{formula}\n{author}",
    },
    "letter.attention": {"fr": "Note à l'attention de", "en": "Note for the attention of"},
    "letter.made_at_place": {
        "fr": "Fait à {place}, le {dots}, en {copies} exemplaires.",
        "en": "Made in {place}, on {dots}, in {copies} copies.",
    },
    "letter.made_at": {
        "fr": "Fait le {dots}, en {copies} exemplaires.",
        "en": "Made on {dots}, in {copies} copies.",
    },
    "letter.decision": {"fr": "Décision", "en": "Decision"},
    "letter.yes": {"fr": "Accord", "en": "Approved"},
    "letter.no": {"fr": "Refus", "en": "Refused"},
    "letter.conditions": {"fr": "Accord sous conditions", "en": "Approved with conditions"},
    "letter.remarks": {"fr": "Conditions ou observations :", "en": "Conditions or remarks:"},
    "letter.opinion": {"fr": "Avis", "en": "Opinion"},
    "letter.opinion_yes": {"fr": "Avis favorable", "en": "Favourable opinion"},
    "letter.opinion_reserves": {"fr": "Avis favorable avec réserves", "en": "Favourable with reservations"},
    "letter.opinion_no": {"fr": "Avis défavorable", "en": "Unfavourable opinion"},
    "letter.opinion_remarks": {"fr": "Réserves ou recommandations :", "en": "Reservations or recommendations:"},
    "letter.decision_date": {"fr": "Date :", "en": "Date:"},
    "letter.decision_name": {"fr": "Nom et fonction :", "en": "Name and job title:"},
    "letter.signature": {"fr": "Signature :", "en": "Signature:"},
}
