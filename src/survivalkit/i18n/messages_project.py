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
    "data.changed": {
        "fr": "« {datum} » vaut maintenant {value} dans « {tool} » (avant : {before}) ; les documents de {others} utilisent encore l'ancienne valeur.",
        "en": "“{datum}” is now {value} in “{tool}” (before: {before}); the documents of {others} still use the old value.",
    },
    "data.tool_of": {"fr": "« {tool} » (du {date})", "en": "“{tool}” (of {date})"},
    "data.ask": {
        "fr": "Les mettre à jour aussi ? (leur version actuelle est gardée)",
        "en": "Update them too? (their current version is kept)",
    },
    "data.carried": {
        "fr": "Documents de « {tool} » mis à jour avec la nouvelle valeur ; la version précédente est gardée.",
        "en": "The documents of “{tool}” are updated with the new value; the previous version is kept.",
    },
    "data.not_carried": {
        "fr": "Ils ne sont pas modifiés sans votre accord.",
        "en": "They are not changed without your consent.",
    },
    "data.carry_hint": {
        "fr": "Pour les mettre à jour aussi : relancez avec --propagate (ou écrivez `propagate: true` dans le fichier de réponses).",
        "en": "To update them too: run again with --propagate (or write `propagate: true` in the answers file).",
    },
    "opt.propagate": {
        "fr": "Quand une donnée du projet (un montant, un objet…) change, mettre à jour aussi les autres documents du projet qui l'utilisent (sans terminal ; au terminal, la question est posée).",
        "en": "When a datum of the project (an amount, a subject…) changes, update the project's other documents that use it too (without a terminal; at a terminal, you are asked).",
    },
    "data.carry_failed": {
        "fr": "Les documents de « {tool} » n'ont pas pu être mis à jour avec la nouvelle valeur ({error}) ; survivalkit update DOSSIER les refera en posant ce qui manque.",
        "en": "The documents of “{tool}” could not be updated with the new value ({error}); survivalkit update FOLDER will redo them, asking what is missing.",
    },
}
