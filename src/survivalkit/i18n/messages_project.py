"""Messages of the agent's project: the projects in progress, data carried between tools, update."""

from __future__ import annotations

MESSAGES_PROJECT: dict[str, dict[str, str]] = {
    "start.ask": {"fr": "Par quoi voulez-vous commencer ?", "en": "Where do you want to start?"},
    "start.session": {
        "fr": "Reprendre la session du {when} ({n} réponse(s))",
        "en": "Resume the session of {when} ({n} answer(s))",
    },
    "start.project": {
        "fr": "Continuer le projet « {name} » ({tools} ; documents du {date})",
        "en": "Continue the project “{name}” ({tools}; documents of {date})",
    },
    "start.new": {"fr": "Commencer un nouveau projet", "en": "Start a new project"},
    "project.continued": {
        "fr": "Projet « {name} » : ce que le projet sait déjà n'est pas redemandé, et les nouveaux documents s'ajoutent au dossier {folder}.",
        "en": "Project “{name}”: what the project already knows is not asked again, and the new documents are added to the folder {folder}.",
    },
    "project.gone": {
        "fr": "Le dossier du projet {folder} n'existe plus : le parcours continue sans lui.",
        "en": "The project's folder {folder} no longer exists: the journey goes on without it.",
    },
    "journey.in_project": {"fr": "déjà dans le projet", "en": "already in the project"},
    "projects.title": {"fr": "Projets en cours", "en": "Projects in progress"},
    "projects.col.name": {"fr": "Projet", "en": "Project"},
    "projects.col.tools": {"fr": "Outils faits", "en": "Tools done"},
    "projects.col.last": {"fr": "Derniers documents", "en": "Latest documents"},
    "projects.col.folder": {"fr": "Dossier", "en": "Folder"},
    "projects.hint": {
        "fr": "Pour continuer un projet : survivalkit (le parcours le propose), ou survivalkit run OUTIL --out DOSSIER ; pour le mettre à jour : survivalkit update DOSSIER.",
        "en": "To continue a project: survivalkit (the journey offers it), or survivalkit run TOOL --out FOLDER; to bring it up to date: survivalkit update FOLDER.",
    },
    "projects.none": {"fr": "Aucun projet en cours sur cet ordinateur.", "en": "No project in progress on this computer."},
    "update.obsolete": {
        "fr": "Réponse mise de côté (la question « {key} » n'existe plus dans l'outil) : {value} — elle reste dans answers.yaml, sous « obsolete ».",
        "en": "Answer set aside (the question “{key}” no longer exists in the tool): {value} — it stays in answers.yaml, under “obsolete”.",
    },
    "update.renamed": {
        "fr": "La question « {old} » s'appelle désormais « {new} » : votre réponse y est reprise.",
        "en": "The question “{old}” is now called “{new}”: your answer is carried over.",
    },
    "update.up_to_date": {
        "fr": "Déjà à jour au {date} (documents écrits avec cette version de l'outil) : rien à refaire.",
        "en": "Already up to date on {date} (documents written with this version of the tool): nothing to redo.",
    },
}
