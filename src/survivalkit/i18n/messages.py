"""The message catalog: every interface text, in French and English (a test checks both exist)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # answers
    "answer.amount": {
        "fr": "Montant non reconnu. Écrivez par exemple 12000, 12 000 €, 12k ou 12 000,50.",
        "en": "Amount not recognised. Write for example 12000, €12,000, 12k or 12,000.50.",
    },
    "answer.number": {
        "fr": "Nombre non reconnu. Écrivez par exemple 3 ou 2,5.",
        "en": "Number not recognised. Write for example 3 or 2.5.",
    },
    "answer.integer": {
        "fr": "Nombre entier attendu, par exemple 3 ou 120.",
        "en": "A whole number is expected, for example 3 or 120.",
    },
    "answer.bool": {
        "fr": "Répondez par oui ou non (o/n).",
        "en": "Answer yes or no (y/n).",
    },
    "answer.date": {
        "fr": "Date non reconnue. Écrivez-la jour/mois/année, par exemple 26/11/2026, 26 novembre 2026 ou aujourd'hui.",
        "en": "Date not recognised. Write it day/month/year, for example 26/11/2026, 26 November 2026 or today.",
    },
    "answer.date_invalid": {
        "fr": "Cette date n'existe pas dans le calendrier (les dates s'écrivent jour/mois/année).",
        "en": "This date does not exist in the calendar (dates are written day/month/year).",
    },
    "answer.text": {
        "fr": "Un texte est attendu ici.",
        "en": "A text is expected here.",
    },
    "answer.email": {
        "fr": "Adresse électronique non valide, par exemple prenom.nom@ville.fr.",
        "en": "Not a valid email address, for example first.last@city.org.",
    },
    "answer.url": {
        "fr": "Adresse web non valide : elle doit commencer par https:// ou http://.",
        "en": "Not a valid web address: it must start with https:// or http://.",
    },
    "answer.required": {
        "fr": "Une réponse est nécessaire.",
        "en": "An answer is needed.",
    },
    "answer.min": {"fr": "La valeur doit être au moins {min}.", "en": "The value must be at least {min}."},
    "answer.max": {"fr": "La valeur doit être au plus {max}.", "en": "The value must be at most {max}."},
    "answer.min_length": {
        "fr": "Écrivez au moins {n} caractères.",
        "en": "Write at least {n} characters.",
    },
    "answer.max_length": {
        "fr": "{n} caractères au plus (vous en avez écrit {got}).",
        "en": "{n} characters at most (you wrote {got}).",
    },
    "answer.pattern": {
        "fr": "La réponse n'a pas la forme attendue.",
        "en": "The answer does not have the expected form.",
    },
    "answer.min_picks": {"fr": "Choisissez-en au moins {n}.", "en": "Pick at least {n}."},
    "answer.max_picks": {"fr": "Choisissez-en au plus {n}.", "en": "Pick at most {n}."},
    "answer.unknown_key": {
        "fr": "{source} : `{key}` ne correspond à aucune question{hint}.",
        "en": "{source}: `{key}` matches no question{hint}.",
    },
    "answer.bad_value": {
        "fr": "{source} : {key} : {reason}",
        "en": "{source}: {key}: {reason}",
    },
    "answer.missing": {
        "fr": "Réponses manquantes ({count}) : {keys}.",
        "en": "Missing answers ({count}): {keys}.",
    },
    "answer.missing_hint": {
        "fr": "Donnez-les avec --answers FICHIER.yaml ou --set cle=valeur, ou lancez la commande dans un terminal. Sans terminal, une question qui a une valeur par défaut compte aussi comme manquante : ajoutez --defaults pour prendre ces valeurs.",
        "en": "Give them with --answers FILE.yaml or --set key=value, or run the command in a terminal. Without a terminal, a question with a default value counts as missing too: add --defaults to take those values.",
    },
    "answer.missing_in_file": {
        "fr": "Réponses manquantes ({count}) : {keys}.\nÉcrivez-les dans le fichier de réponses (sous `answers:`, pour chaque outil) ou lancez le parcours dans un terminal. Sans terminal, une question qui a une valeur par défaut doit aussi être dans le fichier.",
        "en": "Missing answers ({count}): {keys}.\nWrite them in the answers file (under `answers:`, for each tool) or run the journey in a terminal. Without a terminal, a question with a default value must be in the file too.",
    },
    "yes": {"fr": "oui", "en": "yes"},
    "lang.fallback": {
        "fr": "Certains textes de l'outil « {tool} » n'existent qu'en français : ils sont affichés en français.",
        "en": "Some texts of the tool \"{tool}\" exist only in French: they are shown in French.",
    },
    "metavar.file": {"fr": "FICHIER", "en": "FILE"},
    "metavar.folder": {"fr": "DOSSIER", "en": "FOLDER"},
    "metavar.stage": {"fr": "ÉTAPE", "en": "STAGE"},
    "metavar.word": {"fr": "MOT", "en": "WORD"},
    "metavar.tool": {"fr": "OUTIL", "en": "TOOL"},
    "metavar.keyvalue": {"fr": "CLE=VALEUR", "en": "KEY=VALUE"},
    "save.failed": {
        "fr": "Attention : impossible d'enregistrer vos réponses ({error}). Le travail continue, mais une interruption les perdrait.",
        "en": "Warning: your answers cannot be saved ({error}). Work goes on, but an interruption would lose them.",
    },
    "no": {"fr": "non", "en": "no"},
    "progress": {"fr": "Question {index} sur {total}", "en": "Question {index} of {total}"},
    "hint.amount": {"fr": "montant en euros, par exemple 12 000 ou 12k", "en": "amount in euros, for example 12,000 or 12k"},
    "hint.number": {"fr": "nombre, par exemple 2,5", "en": "number, for example 2.5"},
    "hint.integer": {"fr": "nombre entier", "en": "whole number"},
    "hint.bool": {"fr": "oui ou non", "en": "yes or no"},
    "hint.date": {"fr": "date (jour/mois/année), par exemple 26/11/2026 ou aujourd'hui", "en": "date (day/month/year), for example 26/11/2026 or today"},
    "hint.email": {"fr": "adresse électronique", "en": "email address"},
    "hint.url": {"fr": "adresse web commençant par https://", "en": "web address starting with https://"},
    "hint.longtext": {"fr": "plusieurs lignes possibles ; une ligne vide pour finir", "en": "several lines allowed; an empty line to finish"},
    "hint.multichoice": {"fr": "un ou plusieurs numéros, par exemple 1,3 ou 1 et 3", "en": "one or more numbers, for example 1,3 or 1 and 3"},
    "hint.choice": {"fr": "tapez le numéro", "en": "type the number"},
    "hint.optional": {"fr": "facultatif : Entrée pour passer", "en": "optional: Enter to skip"},
    "hint.example": {"fr": "exemple : {example}", "en": "example: {example}"},
    "hint.commands": {"fr": "? aide, < retour", "en": "? help, < back"},
    "hint.commands_plain": {"fr": "mots-clés : aide, retour, passer, quitter", "en": "keywords: help, back, skip, quit"},
    "help.none": {"fr": "Pas d'aide pour cette question.", "en": "No help for this question."},
    "nav.first": {"fr": "C'est la première question : impossible de revenir plus tôt.", "en": "This is the first question: there is nothing before it."},
    "recap.title": {"fr": "Récapitulatif", "en": "Recap"},
    "recap.question": {"fr": "Question", "en": "Question"},
    "recap.answer": {"fr": "Votre réponse", "en": "Your answer"},
    "recap.prompt": {"fr": "Entrée pour valider, un numéro pour modifier une réponse, < pour revenir :", "en": "Enter to confirm, a number to change an answer, < to go back:"},
    "recap.invalid": {"fr": "Tapez Entrée, un numéro de 1 à {n}, ou <.", "en": "Press Enter, type a number from 1 to {n}, or <."},
    "section.profile": {"fr": "Votre profil", "en": "Your profile"},
    "glossary.official": {"fr": "terme officiel", "en": "official French term"},
    "index.title": {"fr": "Vos documents", "en": "Your documents"},
    "index.intro": {"fr": "Documents préparés avec le {kit}, le {date}.", "en": "Documents prepared with {kit}, on {date}."},
    "index.next_steps": {"fr": "Et maintenant ?", "en": "What next?"},
    "index.previous": {"fr": "Versions précédentes", "en": "Previous versions"},
    "index.previous_of": {"fr": "version du {date}", "en": "version of {date}"},
    "index.replay": {"fr": "Vos réponses sont dans answers.yaml : relancez la commande avec --answers answers.yaml pour refaire ces documents.", "en": "Your answers are in answers.yaml: run the command again with --answers answers.yaml to remake these documents."},
}

MESSAGES.update({
    "answers_file.header": {
        "fr": "# Réponses enregistrées par survivalkit. Pour refaire les documents :\n#   {cmd}\n",
        "en": "# Answers saved by survivalkit. To make the documents again:\n#   {cmd}\n",
    },
    "answers_file.other_tool": {
        "fr": "{file} contient les réponses de l'outil « {tool} », pas de celui-ci.",
        "en": "{file} holds the answers of the tool \"{tool}\", not of this one.",
    },
    "arg.paths": {"fr": "Dossiers de kit ou fichiers d'outil à vérifier (par défaut : le kit utilisé).", "en": "Kit folders or tool files to check (default: the kit in use)."},
    "arg.profile": {"fr": "show (afficher), edit (modifier) ou clear (effacer).", "en": "show, edit or clear."},
    "arg.term": {"fr": "Le terme à expliquer (par défaut : tout le glossaire).", "en": "The term to explain (default: the whole glossary)."},
    "arg.tool": {"fr": "L'identifiant de l'outil (voir survivalkit list).", "en": "The tool's id (see survivalkit list)."},
    "cli.help": {
        "fr": "Le kit de survie de l'innovateur public. Sans commande : le parcours guidé, qui recommande les outils utiles et prépare vos documents.",
        "en": "The public innovator's survival kit. Without a command: the guided journey, which recommends the useful tools and prepares your documents.",
    },
    "cmd.glossary": {"fr": "Explique le jargon en français clair, avec le terme officiel.", "en": "Explains jargon in plain words, with the official French term."},
    "cmd.list": {"fr": "Liste les outils du kit.", "en": "Lists the kit's tools."},
    "cmd.profile": {"fr": "Affiche, modifie ou efface votre profil enregistré.", "en": "Shows, edits or clears your saved profile."},
    "cmd.run": {"fr": "Répond aux questions d'un outil et écrit ses documents.", "en": "Answers one tool's questions and writes its documents."},
    "cmd.schema": {"fr": "Écrit les schémas JSON du format du kit (pour les éditeurs).", "en": "Writes the JSON Schemas of the kit format (for editors)."},
    "cmd.show": {"fr": "Affiche la fiche d'un outil.", "en": "Shows a tool's sheet."},
    "cmd.validate": {"fr": "Vérifie un kit et indique chaque problème avec fichier, ligne et colonne.", "en": "Checks a kit and reports each problem with file, line and column."},
    "col.fix": {"fr": "Comment corriger", "en": "How to fix"},
    "col.id": {"fr": "Identifiant", "en": "Id"},
    "col.rule": {"fr": "Règle", "en": "Rule"},
    "col.severity": {"fr": "Gravité", "en": "Severity"},
    "col.stages": {"fr": "Étapes", "en": "Stages"},
    "col.summary": {"fr": "En bref", "en": "In short"},
    "col.title": {"fr": "Outil", "en": "Tool"},
    "crash": {
        "fr": "Erreur inattendue : {error}. Un rapport a été écrit dans {report} ; joignez-le à un signalement.",
        "en": "Unexpected error: {error}. A report was written to {report}; attach it to an issue.",
    },
    "glossary.none": {"fr": "Aucun terme ne correspond à « {term} ».", "en": "No term matches \"{term}\"."},
    "interrupted": {"fr": "Interrompu.", "en": "Interrupted."},
    "interrupted.resume": {
        "fr": "Interrompu. Vos réponses sont enregistrées ; pour reprendre : {cmd}",
        "en": "Interrupted. Your answers are saved; to resume: {cmd}",
    },
    "intro.when": {"fr": "Quand l'utiliser :", "en": "When to use it:"},
    "kit.invalid": {"fr": "Le kit contient {n} problème(s) ; lancez survivalkit validate pour le détail.", "en": "The kit has {n} problem(s); run survivalkit validate for details."},
    "list.empty": {"fr": "Aucun outil ne correspond.", "en": "No tool matches."},
    "opt.answers": {"fr": "Fichier YAML de réponses (par exemple un answers.yaml déjà produit).", "en": "YAML answers file (for example an answers.yaml written before)."},
    "opt.date": {"fr": "Date des documents (par défaut : aujourd'hui).", "en": "Date of the documents (default: today)."},
    "opt.defaults": {"fr": "Prendre la valeur par défaut des questions non répondues.", "en": "Take the default of unanswered questions."},
    "opt.archive": {"fr": "PDF d'archivage (PDF/A-3) contenant le fichier de réponses qui les refait.", "en": "Archival PDFs (PDF/A-3) carrying the answers file that remakes them."},
    "opt.force": {"fr": "Remplacer les fichiers existants sans demander.", "en": "Replace existing files without asking."},
    "links.refused": {"fr": "{where} : {what} : lien refusé vers « {url} » ; un document ne peut renvoyer qu'à {schemes}", "en": "{where}: {what}: refused link to \"{url}\"; a document may only link to {schemes}"},
    "formats.unknown": {"fr": "Format inconnu « {value} » : les formats possibles sont {known}.", "en": "Unknown format \"{value}\": the possible formats are {known}."},
    "formats.none": {"fr": "--format : indiquez au moins un format parmi {known}.", "en": "--format: give at least one format among {known}."},
    "formats.not_list": {"fr": "{where} doit être une liste de formats parmi {known}, pas « {value} ».", "en": "{where} must be a list of formats among {known}, not \"{value}\"."},
    "opt.format": {"fr": "Formats des documents, séparés par des virgules : md, html, pdf, odt, docx.", "en": "Document formats, comma-separated: md, html, pdf, odt, docx."},
    "opt.json": {"fr": "Sortie JSON, pour les scripts.", "en": "JSON output, for scripts."},
    "opt.kit": {"fr": "Dossier de kit supplémentaire (répétable) : ajoute ou remplace des outils.", "en": "Extra kit folder (repeatable): adds or replaces tools."},
    "opt.lang": {"fr": "Langue : fr ou en.", "en": "Language: fr or en."},
    "opt.list_rules": {"fr": "Lister les règles de vérification.", "en": "List the check rules."},
    "opt.out": {"fr": "Dossier où écrire les documents (par défaut : un dossier daté ici).", "en": "Folder to write the documents to (default: a dated folder here)."},
    "opt.plain": {"fr": "Affichage simple : sans couleur ni cadre, adapté aux lecteurs d'écran.", "en": "Plain display: no colour or boxes, suited to screen readers."},
    "opt.resume": {"fr": "Reprendre là où vous vous étiez arrêté.", "en": "Resume where you stopped."},
    "opt.schema_check": {"fr": "Vérifier seulement que les schémas livrés sont à jour.", "en": "Only check that the shipped schemas are up to date."},
    "opt.schema_out": {"fr": "Dossier des schémas.", "en": "Folder for the schemas."},
    "opt.search": {"fr": "Ne garder que les outils contenant ce mot.", "en": "Keep only tools containing this word."},
    "opt.set": {"fr": "Une réponse, sous la forme cle=valeur (répétable).", "en": "One answer, as key=value (repeatable)."},
    "opt.stage": {"fr": "Ne garder que les outils de cette étape (idee, experimentation, deploiement).", "en": "Keep only the tools of this stage (idee, experimentation, deploiement)."},
    "opt.strict": {"fr": "Échouer aussi sur les avertissements.", "en": "Fail on warnings too."},
    "opt.validate_format": {"fr": "text (lisible) ou github (annotations GitHub Actions).", "en": "text (readable) or github (GitHub Actions annotations)."},
    "opt.version": {"fr": "Affiche la version et s'arrête.", "en": "Shows the version and exits."},
    "overwrite.ask": {"fr": "Ces fichiers existent déjà : {names}. Les remplacer ? (o/n)", "en": "These files already exist: {names}. Replace them? (y/n)"},
    "profile.bad_action": {"fr": "Action inconnue « {action} » : utilisez show, edit ou clear.", "en": "Unknown action \"{action}\": use show, edit or clear."},
    "profile.cleared": {"fr": "Profil effacé.", "en": "Profile cleared."},
    "profile.empty": {"fr": "Aucun profil enregistré.", "en": "No saved profile."},
    "profile.no_tty": {"fr": "Modifier le profil demande un terminal.", "en": "Editing the profile needs a terminal."},
    "profile.saved": {"fr": "Profil enregistré dans {path}.", "en": "Profile saved in {path}."},
    "profile.where": {"fr": "Enregistré dans {path}.", "en": "Saved in {path}."},
    "resume.from": {"fr": "Reprise : {n} réponse(s) retrouvée(s).", "en": "Resuming: {n} answer(s) found."},
    "resume.none": {"fr": "Aucune session enregistrée à reprendre : on commence.", "en": "No saved session to resume: starting afresh."},
    "schema.fresh": {"fr": "Les schémas sont à jour.", "en": "The schemas are up to date."},
    "schema.stale": {"fr": "Schémas périmés : {files}. Lancez survivalkit schema pour les régénérer.", "en": "Stale schemas: {files}. Run survivalkit schema to regenerate them."},
    "sheet.documents": {"fr": "Documents produits", "en": "Documents produced"},
    "sheet.questions": {"fr": "Questions posées", "en": "Questions asked"},
    "sheet.reviewed": {"fr": "Sources à jour au {date}.", "en": "Sources up to date as of {date}."},
    "sheet.sources": {"fr": "Sources", "en": "Sources"},
    "sheet.to_check": {"fr": "à vérifier", "en": "to be checked"},
    "show.to_check": {"fr": "(à vérifier) {what}", "en": "(to be checked) {what}"},
    "sheet.when": {"fr": "Quand l'utiliser", "en": "When to use it"},
    "sheet.steps": {"fr": "Étapes", "en": "Steps"},
    "sheet.tips": {"fr": "Conseils", "en": "Tips"},
    "sheet.pitfalls": {"fr": "Pièges à éviter", "en": "Pitfalls"},
    "sheet.next": {"fr": "Et ensuite", "en": "Next steps"},
    "sheet.conditional": {"fr": "selon vos réponses", "en": "depending on your answers"},
    "hint.optional_short": {"fr": "facultatif", "en": "optional"},
    "stage.unknown": {"fr": "Étape inconnue « {stage} » ; étapes : {known}.", "en": "Unknown stage \"{stage}\"; stages: {known}."},
    "tool.suggest": {"fr": " Vouliez-vous dire : {ids} ?", "en": " Did you mean: {ids}?"},
    "tool.unknown": {"fr": "Outil inconnu : « {id} ».", "en": "Unknown tool: \"{id}\"."},
    "usage.error": {"fr": "Erreur d'utilisation :", "en": "Usage error:"},
    "usage.help": {"fr": "Voir survivalkit --help.", "en": "See survivalkit --help."},
    "validate.bad_format": {"fr": "--format doit valoir text ou github, pas « {value} ».", "en": "--format must be text or github, not \"{value}\"."},
    "validate.summary": {"fr": "{tools} outil(s) vérifié(s) : {errors} erreur(s), {warnings} avertissement(s).", "en": "{tools} tool(s) checked: {errors} error(s), {warnings} warning(s)."},
    "validate.to_check": {"fr": "{n} point(s) à vérifier (SK190), listé(s) ci-dessus : ils ne font pas échouer la vérification.", "en": "{n} point(s) to be checked (SK190), listed above: they do not fail the check."},
    "written.title": {"fr": "Fichiers écrits", "en": "Files written"},
    "written.none": {"fr": "Aucun fichier n'a été écrit.", "en": "No file was written."},
})

# Messages of the trainers' sheets (survivalkit sheets).
MESSAGES.update({
    # --- sheets messages ---
    "sheets.cmd": {
        "fr": "Imprime les fiches du kit pour les formateurs : une fiche par outil, un livret ou des formulaires papier.",
        "en": "Prints the kit's sheets for trainers: one sheet per tool, a booklet or paper forms.",
    },
    "sheets.arg.tools": {
        "fr": "Les outils à imprimer (par défaut : tous ; voir survivalkit list).",
        "en": "The tools to print (default: all; see survivalkit list).",
    },
    "sheets.opt.stage": {
        "fr": "Ne garder que les outils de cette étape (idee, experimentation, deploiement).",
        "en": "Keep only the tools of this stage (idee, experimentation, deploiement).",
    },
    "sheets.opt.form": {
        "fr": "Imprimer des formulaires à remplir au stylo plutôt que les fiches ; avec --booklet, le livret puis le formulaire de chaque outil (PDF).",
        "en": "Print forms to fill in with a pen instead of the sheets; with --booklet, the booklet then each tool's form (PDF).",
    },
    "sheets.opt.format": {
        "fr": "pdf, html ou md (par défaut : l'extension du fichier, sinon pdf).",
        "en": "pdf, html or md (default: the file's extension, else pdf).",
    },
    "sheets.opt.out": {
        "fr": "Le fichier à écrire (par défaut : un nom parlant dans le dossier courant).",
        "en": "The file to write (default: a telling name in the current folder).",
    },
    "sheets.opt.force": {
        "fr": "Remplacer le fichier s'il existe déjà.",
        "en": "Replace the file if it already exists.",
    },
    "sheets.opt.booklet": {
        "fr": "Livret avec couverture, sommaire et glossaire (par défaut dès qu'il y a plusieurs outils).",
        "en": "Booklet with cover, contents and glossary (default as soon as there are several tools).",
    },
    "sheets.opt.duplex": {
        "fr": "Pour une impression recto verso : chaque fiche et chaque formulaire commence sur une page de droite (verso laissé blanc si besoin).",
        "en": "For two-sided printing: each sheet and form starts on a right-hand page (a blank back where needed).",
    },
    "sheets.opt.check": {
        "fr": "Vérifier que chaque fiche tient sur une page, en français et en anglais, sans rien écrire (il faut l'option PDF).",
        "en": "Check that each sheet fits one page, in French and English, without writing anything (needs the PDF extra).",
    },
    "sheets.check.over": {
        "fr": "{tool} ({sheet_lang}) « {title} » : la fiche dépasse la page de {cm} cm.",
        "en": "{tool} ({sheet_lang}) \"{title}\": the sheet runs {cm} cm past its page.",
    },
    "sheets.check.failed": {
        "fr": "{n} fiche(s) ne tiennent pas sur une page : raccourcissez leur texte dans le kit.",
        "en": "{n} sheet(s) do not fit one page: shorten their text in the kit.",
    },
    "sheets.check.ok": {
        "fr": "Les {n} fiches tiennent chacune sur une page, en français et en anglais.",
        "en": "The {n} sheets each fit one page, in French and English.",
    },
    "sheets.none": {"fr": "Aucun outil à imprimer.", "en": "No tool to print."},
    "sheets.bad_format": {
        "fr": "Format inconnu « {value} » ; formats possibles : {known}.",
        "en": "Unknown format \"{value}\"; possible formats: {known}.",
    },
    "sheets.ext_mismatch": {
        "fr": "Le fichier {path} ne correspond pas au format {fmt} : changez son extension ou --format.",
        "en": "The file {path} does not match the format {fmt}: change its extension or --format.",
    },
    "sheets.exists": {
        "fr": "{path} existe déjà. Choisissez un autre nom avec -o, ou remplacez-le avec --force.",
        "en": "{path} already exists. Choose another name with -o, or replace it with --force.",
    },
    "sheets.cannot_write": {
        "fr": "Impossible d'écrire {path} : {reason}.",
        "en": "Cannot write {path}: {reason}.",
    },
    "sheets.written": {"fr": "Écrit : {path}", "en": "Written: {path}"},
    "sheets.written_page": {"fr": "Écrit : {path} (1 page)", "en": "Written: {path} (1 page)"},
    "sheets.written_pages": {
        "fr": "Écrit : {path} ({pages} pages)",
        "en": "Written: {path} ({pages} pages)",
    },
    "sheets.overflow": {
        "fr": "La fiche « {title} » dépasse une page : raccourcissez son texte (survivalkit sheets --check dit de combien).",
        "en": "The sheet \"{title}\" is longer than one page: shorten its text (survivalkit sheets --check says by how much).",
    },
    "sheets.file.sheets": {"fr": "fiches-kit", "en": "kit-sheets"},
    "sheets.file.booklet": {"fr": "livret-kit", "en": "kit-booklet"},
    "sheets.file.forms": {"fr": "formulaires-kit", "en": "kit-forms"},
    "sheets.file.form": {"fr": "formulaire", "en": "form"},
    "sheets.file.pack": {"fr": "atelier", "en": "workshop"},
    "sheets.pack_pdf": {
        "fr": "Le dossier d'atelier (le livret puis les formulaires) s'imprime en PDF seulement.",
        "en": "The workshop pack (the booklet, then the forms) is printed as PDF only.",
    },
    "sheets.stages": {"fr": "Étapes", "en": "Stages"},
    "sheets.stage": {"fr": "Étape {n} · {title}", "en": "Stage {n} · {title}"},
    "sheets.version": {"fr": "Version {version}", "en": "Version {version}"},
    "sheets.edition": {"fr": "Édition du {date}", "en": "Edition of {date}"},
    "sheets.count": {"fr": "{n} fiches outils", "en": "{n} tool sheets"},
    "sheets.howto": {"fr": "Comment utiliser ce livret", "en": "How to use this booklet"},
    "sheets.howto.sheet": {
        "fr": "Chaque fiche tient sur une page : quand utiliser l'outil, les étapes, les conseils et les pièges, les sources.",
        "en": "Each sheet fits on one page: when to use the tool, the steps, tips and pitfalls, the sources.",
    },
    "sheets.howto.run": {
        "fr": "Pour préparer les documents d'un outil sur ordinateur : {run}.",
        "en": "To prepare a tool's documents on a computer: {run}.",
    },
    "sheets.howto.form": {
        "fr": "Pour un formulaire papier à remplir en atelier : {form}.",
        "en": "For a paper form to fill in during a workshop: {form}.",
    },
    "sheets.howto.form_paper": {
        "fr": "Chaque outil a son formulaire à remplir au stylo, avec les mêmes questions dans le même ordre : il suffit ensuite pour préparer les documents.",
        "en": "Each tool has its form to fill in with a pen, with the same questions in the same order: it is then all that is needed to prepare the documents.",
    },
    "sheets.cover.workshop": {"fr": "Atelier", "en": "Workshop"},
    "sheets.cover.logo": {"fr": "Logo de l'organisateur", "en": "Organiser's logo"},
    "sheets.logo.too_big": {
        "fr": "Le logo {path} dépasse {max} Mo : prenez une image plus petite.",
        "en": "The logo {path} is over {max} MB: use a smaller image.",
    },
    "sheets.logo.missing": {"fr": "Logo introuvable : {path}.", "en": "Logo not found: {path}."},
    "sheets.logo.unreadable": {
        "fr": "Impossible de lire le logo {path} : {reason}.",
        "en": "Cannot read the logo {path}: {reason}.",
    },
    "sheets.logo.kind": {
        "fr": "Le logo {path} n'est ni une image PNG ni une image JPEG.",
        "en": "The logo {path} is neither a PNG nor a JPEG image.",
    },
    "sheets.cover.too_long": {
        "fr": "{what} de la couverture : {max} caractères au plus, sur une ligne.",
        "en": "{what} on the cover: {max} characters at most, on one line.",
    },
    "sheets.cover.event": {"fr": "Le nom de l'atelier", "en": "The workshop's name"},
    "sheets.cover.place": {"fr": "Le lieu", "en": "The place"},
    "sheets.cover.no_booklet": {
        "fr": "L'atelier, le lieu, la date et le logo vont sur la couverture du livret : ils ne servent ni pour des formulaires seuls ni pour une fiche seule.",
        "en": "The workshop, place, date and logo go on the booklet's cover: they do not apply to forms alone nor to a single sheet.",
    },
    "sheets.cover.booklet_only": {
        "fr": "--event, --place, --date et --logo vont sur la couverture du livret : ils ne servent pas avec --form ni pour une fiche seule (ajoutez --booklet).",
        "en": "--event, --place, --date and --logo go on the booklet's cover: they do not apply to --form nor to a single sheet (add --booklet).",
    },
    "sheets.opt.event": {
        "fr": "Le nom de l'atelier, en grand sur la couverture du livret.",
        "en": "The workshop's name, large on the booklet's cover.",
    },
    "sheets.opt.place": {
        "fr": "Le lieu de l'atelier, sur la couverture.",
        "en": "Where the workshop takes place, on the cover.",
    },
    "sheets.opt.date": {
        "fr": "La date de l'atelier, sur la couverture (par exemple 12/03/2027).",
        "en": "The workshop's date, on the cover (for example 2027-03-12).",
    },
    "sheets.opt.logo": {
        "fr": "Le logo de l'organisateur (PNG ou JPEG, 2 Mo au plus), en haut de la couverture.",
        "en": "The organiser's logo (PNG or JPEG, 2 MB at most), at the top of the cover.",
    },
    "sheets.toc": {"fr": "Sommaire", "en": "Contents"},
    "sheets.glossary": {"fr": "Glossaire", "en": "Glossary"},
    "sheets.official": {"fr": "Terme officiel : {term}", "en": "Official French term: {term}"},
    "sheets.use": {
        "fr": "Pour préparer les documents : {run} ({n} questions). Formulaire papier : {form}.",
        "en": "To prepare the documents: {run} ({n} questions). Paper form: {form}.",
    },
    "sheets.use_paper": {
        "fr": "Pour préparer les documents : remplissez au stylo le formulaire de cet outil ({n} questions).",
        "en": "To prepare the documents: fill in this tool's form with a pen ({n} questions).",
    },
    "sheets.form.kind": {"fr": "Formulaire à remplir au stylo", "en": "Form to fill in with a pen"},
    "sheets.form.page_title": {"fr": "Formulaire : {tools}", "en": "Form: {tools}"},
    "sheets.form.intro": {
        "fr": "Répondez à la main, en quelques mots. Ensuite, reportez vos réponses dans {run} : l'outil rédige les documents.",
        "en": "Answer by hand, in a few words. Then type your answers into {run}: the tool writes the documents.",
    },
    "sheets.form.intro_paper": {
        "fr": "Répondez au stylo, en quelques mots, ou cochez les cases. Vos réponses suffisent pour préparer les documents.",
        "en": "Answer with a pen, in a few words, or tick the boxes. Your answers are all that is needed to prepare the documents.",
    },
    "sheets.form.who": {"fr": "Votre nom :", "en": "Your name:"},
    "sheets.form.page": {"fr": "page", "en": "page"},
    "sheets.form.identity": {"fr": "Vous", "en": "About you"},
    "sheets.form.questions": {"fr": "Questions", "en": "Questions"},
    "sheets.form.one": {"fr": "Cochez une seule case.", "en": "Tick one box."},
    "sheets.form.many": {"fr": "Cochez une ou plusieurs cases.", "en": "Tick one or more boxes."},
    "sheets.form.when": {
        "fr": "Selon votre réponse à la question {refs}, si cela vous concerne :",
        "en": "Depending on your answer to question {refs}, if it applies to you:",
    },
    "sheets.form.when_any": {
        "fr": "Seulement si cela vous concerne :",
        "en": "Only if it applies to you:",
    },
    "sheets.form.example": {"fr": "Exemple : {example}", "en": "Example: {example}"},
    "sheets.form.dd": {"fr": "jour", "en": "day"},
    "sheets.form.mm": {"fr": "mois", "en": "month"},
    "sheets.form.yyyy": {"fr": "année", "en": "year"},
    "sheets.form.euros": {"fr": "euros", "en": "euros"},
    "sheets.form.between": {"fr": "(entre {min} et {max})", "en": "(between {min} and {max})"},
})

# Messages of the contributors' commands (survivalkit new, lint rules).
MESSAGES.update({
    # --- contributors messages ---
    "cmd.new": {"fr": "Crée le fichier commenté d'un nouvel outil, prêt à remplir.", "en": "Creates the commented file of a new tool, ready to fill in."},
    "arg.new_id": {"fr": "L'identifiant du nouvel outil : des mots en minuscules reliés par des tirets (par exemple pass-fab-lab).", "en": "The new tool's id: lowercase words joined by dashes (for example pass-fab-lab)."},
    "opt.new_dir": {"fr": "Dossier où écrire l'outil (par défaut : kit/tools ou tools dans le dossier courant).", "en": "Folder to write the tool to (default: kit/tools or tools in the current folder)."},
    "new.bad_id": {
        "fr": "« {id} » n'est pas un identifiant d'outil valide : des mots en minuscules (lettres sans accent, chiffres) reliés par des tirets, {max} caractères au plus. Par exemple : {suggestion}",
        "en": "\"{id}\" is not a valid tool id: lowercase words (unaccented letters, digits) joined by dashes, {max} characters at most. For example: {suggestion}",
    },
    "new.exists": {"fr": "L'outil « {id} » existe déjà ({path}). Choisissez un autre identifiant, ou modifiez ce fichier.", "en": "The tool \"{id}\" already exists ({path}). Choose another id, or edit that file."},
    "new.no_folder": {"fr": "Pas de dossier kit/tools ni tools ici. Lancez la commande à la racine du dépôt du kit, ou indiquez le dossier avec --dir.", "en": "No kit/tools or tools folder here. Run the command at the root of the kit repository, or give the folder with --dir."},
    "new.cannot_write": {"fr": "Impossible d'écrire {path} : {reason}", "en": "Cannot write {path}: {reason}"},
    "new.written": {"fr": "Outil créé : {path}", "en": "Tool created: {path}"},
    "new.next_edit": {"fr": "Remplacez chaque texte marqué [à remplacer] / [to replace] ; les commentaires expliquent chaque clé.", "en": "Replace every text marked [à remplacer] / [to replace]; the comments explain each key."},
    "new.next_validate": {"fr": "Vérifiez à chaque étape : survivalkit validate --strict {path}", "en": "Check at every step: survivalkit validate --strict {path}"},
    "new.next_show": {"fr": "Relisez la fiche : survivalkit show {id}{kit}", "en": "Read the sheet back: survivalkit show {id}{kit}"},
    "new.next_guide": {"fr": "Le pas à pas jusqu'à la demande de fusion : docs/adding-a-tool.md", "en": "The walk-through up to the pull request: docs/adding-a-tool.md"},
    "cmd.golden": {"fr": "Compare les documents des exemples de chaque outil avec leurs fichiers de référence (golden), ou les régénère.", "en": "Compares the documents of every tool example with their reference (golden) files, or regenerates them."},
    "arg.golden_kit": {"fr": "Dossier de kit dont les outils sont vérifiés (par défaut : le kit livré).", "en": "Kit folder whose tools are checked (default: the bundled kit)."},
    "opt.golden_dir": {"fr": "Dossier des fichiers de référence.", "en": "Folder of the reference files."},
    "opt.golden_update": {"fr": "Réécrire les fichiers de référence d'après le rendu actuel (après un changement voulu).", "en": "Rewrite the reference files from the current rendering (after an intended change)."},
    "golden.changed": {"fr": "Différent : {path}", "en": "Differs: {path}"},
    "golden.missing": {"fr": "Manquant : {path}", "en": "Missing: {path}"},
    "golden.stale": {"fr": "Ne correspond plus à aucun exemple : {path}", "en": "Matches no example any more: {path}"},
    "golden.fix": {"fr": "Si ces changements sont voulus : {cmd}, puis relisez le diff avant de committer.", "en": "If these changes are intended: {cmd}, then review the diff before committing."},
    "golden.ok": {"fr": "{n} fichier(s) de référence à jour pour {tools} outil(s).", "en": "{n} reference file(s) up to date for {tools} tool(s)."},
    "golden.written": {"fr": "Écrit : {path}", "en": "Written: {path}"},
    "golden.removed": {"fr": "Supprimé : {path}", "en": "Removed: {path}"},
    "golden.updated": {"fr": "{n} fichier(s) écrit(s), {removed} supprimé(s), {same} inchangé(s).", "en": "{n} file(s) written, {removed} removed, {same} unchanged."},
})

# Messages of the guided journey.
MESSAGES.update({
    "journey.no_tty": {
        "fr": "Le parcours guidé pose des questions : lancez survivalkit dans un terminal, ou donnez un fichier de réponses avec --answers FICHIER.yaml.\nAutres commandes : survivalkit --help",
        "en": "The guided journey asks questions: run survivalkit in a terminal, or give an answers file with --answers FILE.yaml.\nOther commands: survivalkit --help",
    },
    "journey.resumed": {"fr": "Reprise du parcours là où vous vous étiez arrêté.", "en": "Resuming the journey where you stopped."},
    "journey.bad_file": {"fr": "{file} n'a pas la forme d'un fichier de réponses de parcours (situation, tools, profile, shared, answers).", "en": "{file} is not shaped like a journey answers file (situation, tools, profile, shared, answers)."},
    "journey.situation": {"fr": "Votre situation", "en": "Your situation"},
    "journey.welcome.title": {"fr": "Bienvenue dans le kit de survie de l'innovateur public", "en": "Welcome to the public innovator's survival kit"},
    "journey.welcome": {
        "fr": "{n} questions sur votre projet, puis le kit vous propose les outils utiles et prépare vos documents. Tapez ? pour de l'aide, < pour revenir ; Ctrl-C arrête et garde vos réponses.",
        "en": "{n} questions about your project, then the kit suggests the useful tools and prepares your documents. Type ? for help, < to go back; Ctrl-C stops and keeps your answers.",
    },
    "journey.nothing": {"fr": "Aucun outil choisi : rien à préparer.", "en": "No tool chosen: nothing to prepare."},
    "journey.recommended": {"fr": "Les outils recommandés pour vous", "en": "The tools recommended for you"},
    "journey.recommended_mark": {"fr": "recommandé", "en": "recommended"},
    "journey.why": {"fr": "Pourquoi", "en": "Why"},
    "journey.none_recommended": {"fr": "Aucun outil ne correspond exactement à votre situation ; voici tout le kit.", "en": "No tool exactly fits your situation; here is the whole kit."},
    "journey.pick": {"fr": "Quels outils voulez-vous utiliser maintenant ?", "en": "Which tools do you want to use now?"},
    "journey.pick_help": {
        "fr": "Entrée garde les outils recommandés. Sinon, tapez leurs numéros séparés par des virgules, par exemple 1,3.",
        "en": "Enter keeps the recommended tools. Otherwise type their numbers separated by commas, for example 1,3.",
    },
})
# Each part of the program keeps its own messages; they are one catalogue here.
from survivalkit.i18n.messages_answers import MESSAGES_ANSWERS  # noqa: E402
from survivalkit.i18n.messages_contrib import MESSAGES_CONTRIB  # noqa: E402
from survivalkit.i18n.messages_engine import MESSAGES_ENGINE  # noqa: E402
from survivalkit.i18n.messages_errors import MESSAGES_ERRORS  # noqa: E402
from survivalkit.i18n.messages_hostile import MESSAGES_HOSTILE  # noqa: E402
from survivalkit.i18n.messages_office import MESSAGES_OFFICE  # noqa: E402
from survivalkit.i18n.messages_project import MESSAGES_PROJECT  # noqa: E402
from survivalkit.i18n.messages_sessions import MESSAGES_SESSIONS  # noqa: E402
from survivalkit.i18n.messages_sheets import MESSAGES_SHEETS  # noqa: E402

for _part in (MESSAGES_ANSWERS, MESSAGES_CONTRIB, MESSAGES_ENGINE, MESSAGES_OFFICE, MESSAGES_SHEETS,
              MESSAGES_HOSTILE, MESSAGES_ERRORS, MESSAGES_SESSIONS, MESSAGES_PROJECT):
    MESSAGES.update(_part)
