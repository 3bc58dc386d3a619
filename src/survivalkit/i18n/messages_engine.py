"""Messages of the engine's runs and journeys: sessions, answers files, formats, the end screen."""

from __future__ import annotations

MESSAGES_ENGINE: dict[str, dict[str, str]] = {
    "fact.expired": {
        "fr": "**À vérifier :** ce document s'appuie sur « {label} » ({value}), valeur connue jusqu'au {until}. Une nouvelle valeur s'applique sans doute depuis : vérifiez-la avant d'envoyer ce document ({where}).",
        "en": "**To check:** this document relies on “{label}” ({value}), a value known until {until}. A new value probably applies since then: check it before sending this document ({where}).",
    },
    "fact.to_check": {
        "fr": "**À vérifier :** ce document s'appuie sur « {label} » ({value}), un point que le kit n'a pas encore pu vérifier. {what} Source : {where}.",
        "en": "**To check:** this document relies on “{label}” ({value}), a point the kit has not yet been able to verify. {what} Source: {where}.",
    },
    "data.from": {"fr": "repris de « {tool} » du {date}", "en": "from “{tool}” of {date}"},
    "show.data": {"fr": "Données du projet", "en": "Project data"},
    "show.data_hint": {
        "fr": "Ces réponses sont reprises d'un outil à l'autre dans un même projet : déjà données, elles ne sont pas redemandées.",
        "en": "These answers carry over from one tool to another within a project: once given, they are not asked again.",
    },
    "show.datum_others": {"fr": "{meaning} (aussi dans : {tools})", "en": "{meaning} (also in: {tools})"},
    "show.datum_others_more": {
        "fr": "{meaning} (aussi dans : {tools} et {more} autres outils)",
        "en": "{meaning} (also in: {tools} and {more} other tools)",
    },
    "update.no_project": {
        "fr": "{folder} ne contient pas de projet (pas de answers.yaml lisible) : donnez le dossier où survivalkit a écrit les documents.",
        "en": "{folder} holds no project (no readable answers.yaml): give the folder where survivalkit wrote the documents.",
    },
    "update.tool_gone": {
        "fr": "L'outil « {id} » n'existe plus dans le kit : ses documents restent tels quels.",
        "en": "The tool “{id}” is no longer in the kit: its documents stay as they are.",
    },
    "update.fact": {
        "fr": "{label} : {old} avant, {new} désormais ({source}).",
        "en": "{label}: {old} before, {new} now ({source}).",
    },
    "update.rewritten": {"fr": "{file} : réécrit pour la nouvelle date ; l'ancienne version est gardée.", "en": "{file}: rewritten for the new date; the old version is kept."},
    "update.same": {"fr": "{file} : rien ne change hormis la date.", "en": "{file}: nothing changes but the date."},
    "update.title": {"fr": "{tool} (du {since} au {date})", "en": "{tool} (from {since} to {date})"},
    "cmd.update": {
        "fr": "Met un projet à jour : refait chaque document avec le kit actuel et une nouvelle date (aujourd'hui par défaut), garde les anciens et dit ce qui a changé.",
        "en": "Brings a project up to date: remakes every document with the current kit and a new date (today by default), keeps the old ones and says what changed.",
    },
    "arg.update_folder": {"fr": "Le dossier du projet (celui qui contient answers.yaml).", "en": "The project's folder (the one holding answers.yaml)."},
    "opt.update_date": {"fr": "La nouvelle date des documents (par défaut : aujourd'hui).", "en": "The documents' new date (default: today)."},
    "project.header": {
        "fr": "Le dossier de votre projet, tenu par survivalkit : les réponses de chaque outil et leur date.\nPour refaire tous les documents : survivalkit --answers answers.yaml\nPour ceux d'un seul outil : survivalkit run OUTIL --answers answers.yaml",
        "en": "Your project's record, kept by survivalkit: each tool's answers and their date.\nTo remake every document: survivalkit --answers answers.yaml\nFor one tool's: survivalkit run TOOL --answers answers.yaml",
    },
    "project.foreign_files": {
        "fr": "Ces fichiers existent déjà dans {folder} et n'appartiennent pas au projet : {names}. Choisissez un autre dossier avec --out, ou remplacez-les avec --force.",
        "en": "These files already exist in {folder} and do not belong to the project: {names}. Choose another folder with --out, or replace them with --force.",
    },
    "api.bad_kit": {
        "fr": "kit : un Kit (load_kit) ou le chemin d'un dossier de kit est attendu, pas {got}.",
        "en": "kit: a Kit (load_kit) or the path of a kit folder is expected, not {got}.",
    },
    "api.bad_lang": {"fr": "lang : « {got} » n'est pas une langue connue ({known}).", "en": "lang: “{got}” is not a known language ({known})."},
    "api.bad_answers": {
        "fr": "answers : un dictionnaire question → réponse est attendu, pas {got}.",
        "en": "answers: a mapping question → answer is expected, not {got}.",
    },
    "api.bad_layout": {"fr": "layout : « {got} » n'existe pas ({known}).", "en": "layout: “{got}” does not exist ({known})."},
    "api.bad_day": {"fr": "day : {reason}", "en": "day: {reason}"},
    "formats.not_office": {
        "fr": "« {value} » n'est pas un format bureautique (odt ou docx, en français ou en anglais).",
        "en": "“{value}” is not an office format (odt or docx, in French or English).",
    },
    "api.quit": {"fr": "Arrêté à la demande de l'asker (quitter).", "en": "Stopped at the asker's request (quit)."},
    "api.refused": {
        "fr": "{id} : la même réponse a été refusée deux fois ({reason}).",
        "en": "{id}: the same answer was refused twice ({reason}).",
    },
    "kit.fault.missing": {
        "fr": "Défaut du kit ({where}) : la question « {id} » calcule `{key}: {expr}`, qui lit une valeur absente ici ({name}) ; {then}. Signalez-le à qui maintient le kit.",
        "en": "Kit defect ({where}): question “{id}” computes `{key}: {expr}`, which reads a value that is not there ({name}); {then}. Tell whoever maintains the kit.",
    },
    "kit.fault.then_asked": {"fr": "la question vous est posée", "en": "the question is asked"},
    "kit.fault.then_no_default": {"fr": "aucune réponse n'est proposée d'avance", "en": "no answer is offered in advance"},
    "kit.fault.then_skipped": {"fr": "la question n'est pas posée", "en": "the question is not asked"},
    "answer.stale": {
        "fr": "Votre réponse enregistrée ne convient plus ({reason}) : merci de répondre à nouveau.",
        "en": "Your saved answer no longer fits ({reason}): please answer again.",
    },
    "answers_file.not_found": {"fr": "{file} : fichier de réponses introuvable.", "en": "{file}: answers file not found."},
    "answers_file.not_mapping": {
        "fr": "{file} : un fichier de réponses contient des lignes « question: réponse ».",
        "en": "{file}: an answers file holds lines like “question: answer”.",
    },
    "answers_file.is_journey": {
        "fr": "{file} est le fichier de réponses d'un parcours : rejouez-le avec survivalkit --answers {file}.",
        "en": "{file} is a journey's answers file: replay it with survivalkit --answers {file}.",
    },
    "answers_file.bad_part": {
        "fr": "{file} : la partie « {part} » n'a pas la forme attendue (voir docs/kit-format.md, « Answers files »).",
        "en": "{file}: the “{part}” part does not have the expected shape (see docs/kit-format.md, “Answers files”).",
    },
    "session.exists": {
        "fr": "Une session non terminée existe (enregistrée le {when}, {n} réponse(s)). Pour la reprendre : {cmd}",
        "en": "An unfinished session exists (saved {when}, {n} answer(s)). To resume it: {cmd}",
    },
    "session.backup": {
        "fr": "La session précédente est gardée en réserve ({id}) : survivalkit sessions la liste et peut la rétablir.",
        "en": "The previous session is kept as a backup ({id}): survivalkit sessions lists it and can bring it back.",
    },
    "session.ask": {
        "fr": "Vous aviez commencé le {when} ({n} réponse(s)). Que voulez-vous faire ?",
        "en": "You started on {when} ({n} answer(s)). What do you want to do?",
    },
    "session.continue": {"fr": "Reprendre là où je m'étais arrêté", "en": "Continue where I stopped"},
    "session.restart": {
        "fr": "Recommencer (l'ancienne session est gardée en réserve)",
        "en": "Start again (the old session is kept as a backup)",
    },
    "interrupted.nothing": {
        "fr": "Interrompu. Aucune réponse n'avait encore été donnée : il n'y a rien à reprendre.",
        "en": "Interrupted. No answer had been given yet: there is nothing to resume.",
    },
    "interrupted.not_saved": {
        "fr": "Interrompu. Attention : vos réponses n'ont pas pu être enregistrées (voir le message plus haut).",
        "en": "Interrupted. Warning: your answers could not be saved (see the message above).",
    },
    "formats.section": {"fr": "Vos documents", "en": "Your documents"},
    "formats.ask": {"fr": "Sous quelles formes voulez-vous vos documents ?", "en": "In which forms do you want your documents?"},
    "formats.help": {
        "fr": "Le PDF s'imprime et s'envoie tel quel ; Word ou LibreOffice se modifient avant l'envoi. Votre choix est retenu pour la prochaine fois.",
        "en": "A PDF prints and is sent as is; Word or LibreOffice files can be edited before sending. Your choice is remembered for next time.",
    },
    "opt.use_profile": {
        "fr": "Compléter aussi avec votre profil enregistré (nom, service…), même avec un fichier de réponses.",
        "en": "Also fill in from your saved profile (name, department…), even with an answers file.",
    },
    "kit.adopted": {
        "fr": "Kit supplémentaire repris de votre travail enregistré : {folder}",
        "en": "Extra kit taken from your saved work: {folder}",
    },
    "kit.recorded_missing": {
        "fr": "Votre travail utilisait le kit {folder}, introuvable ou non chargé : ses outils peuvent manquer. Ajoutez --kit {folder}.",
        "en": "Your work used the kit {folder}, which is missing or not loaded: its tools may be missing. Add --kit {folder}.",
    },
    "written.folder": {"fr": "Dans le dossier {folder} :", "en": "In the folder {folder}:"},
    "written.combined": {"fr": "Tout le dossier en un seul PDF, avec un sommaire : {file}", "en": "All the documents in one PDF, with contents: {file}"},
    "written.drafts": {
        "fr": "Brouillons de courriel, document joint, à ouvrir dans votre messagerie, relire et envoyer : {files}",
        "en": "E-mail drafts, document attached, to open in your mail program, read over and send: {files}",
    },
    "written.open_first": {"fr": "Ouvrez d'abord : {file}", "en": "Open first: {file}"},
    "written.next": {
        "fr": "Ensuite : relisez chaque document, complétez ce qui manque, signez et envoyez. Les prochaines étapes de chaque outil sont dans le fichier index. Pour refaire ces documents plus tard : fichier answers.yaml.",
        "en": "Next: read each document, complete what is missing, sign and send. Each tool's next steps are in the index file. To make these documents again later: the answers.yaml file.",
    },
}
