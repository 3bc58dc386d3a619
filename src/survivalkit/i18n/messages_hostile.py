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
    "answers.refused": {"fr": "Le fichier de réponses {file} ne peut pas être lu : {reason}.",
                        "en": "The answers file {file} cannot be read: {reason}."},
    "fs.not_regular": {"fr": "ce n'est pas un fichier ordinaire, mais un tube, un périphérique ou un dossier",
                       "en": "it is not a regular file but a pipe, a device or a folder"},
    "kind.text": {"fr": "un texte", "en": "a text"},
    "kind.single": {"fr": "une valeur seule", "en": "a single value"},
    "yaml.too_many": {"fr": "plus de {limit} valeurs (une « bombe » d'alias ?) : refusé",
                      "en": "more than {limit} values (an alias bomb?); refused"},
    "yaml.expands": {"fr": "cette valeur se déploie en plus de {limit} valeurs (une « bombe » d'alias ?) : refusé",
                     "en": "this value expands to more than {limit} values (an alias bomb?); refused"},
    "yaml.too_deep": {"fr": "imbriqué sur plus de {depth} niveaux : refusé",
                      "en": "nested deeper than {depth} levels; refused"},
    "yaml.key_not_word": {"fr": "une clé doit être un simple mot, pas une liste ni un tableau",
                          "en": "a key must be a plain word, not a list or mapping"},
    "yaml.merge_key": {"fr": "les clés de fusion (<<) ne sont pas acceptées : écrivez les clés en entier",
                       "en": "merge keys (<<) are not supported; write keys out"},
    "yaml.duplicate_key": {"fr": "la clé `{key}` est en double (première à la ligne {line}) : n'en gardez qu'une",
                           "en": "duplicate key `{key}` (first at line {line}); keep only one"},
    "yaml.tag_not_allowed": {
        "fr": "l'étiquette `!{tag}` n'est pas acceptée : seules des données simples le sont (textes, "
              "nombres, dates, listes, tableaux de clés)",
        "en": "the tag `!{tag}` is not allowed: only plain data is accepted (texts, numbers, dates, "
              "lists, mappings)",
    },
    "yaml.control_in_text": {"fr": "le caractère de contrôle {code} n'est pas accepté dans un texte : retirez-le",
                             "en": "the control character {code} is not allowed in a text; remove it"},
    "yaml.control": {"fr": "le caractère de contrôle {code} n'est pas accepté : retirez-le",
                     "en": "the control character {code} is not allowed; remove it"},
    "yaml.bad_date": {"fr": "`{value}` n'est pas une date du calendrier : écrivez-la AAAA-MM-JJ",
                      "en": "`{value}` is not a real date; write it as YYYY-MM-DD"},
    "yaml.number_too_long": {"fr": "ce nombre est trop long ({n} caractères) : écrivez-en un plus court",
                             "en": "this number is too long ({n} characters); write a shorter one"},
    "yaml.value_unreadable": {"fr": "cette valeur ne peut pas être lue : {reason}",
                              "en": "this value cannot be read: {reason}"},
    "yaml.alias_self": {"fr": "un alias renvoie à lui-même (une structure sans fin) : refusé",
                        "en": "an alias refers to itself (an endless structure); refused"},
    "yaml.file_over": {"fr": "le fichier dépasse {limit} octets, la limite",
                       "en": "file is over {limit} bytes, the limit"},
    "yaml.file_size": {"fr": "le fichier fait {size} octets ; la limite est {limit}",
                       "en": "file is {size} bytes; the limit is {limit}"},
    "yaml.utf16": {"fr": "le fichier est en UTF-16 : enregistrez-le en UTF-8",
                   "en": "the file is in UTF-16; save it as UTF-8"},
    "yaml.not_utf8": {"fr": "ce n'est pas de l'UTF-8 valide : enregistrez le fichier en UTF-8",
                      "en": "not valid UTF-8; save the file as UTF-8"},
    "yaml.nul": {"fr": "le fichier contient des octets NUL : est-ce bien un fichier texte ?",
                 "en": "the file contains NUL bytes; is it a text file?"},
    "yaml.error": {"fr": "erreur YAML : {reason}", "en": "YAML error: {reason}"},
    "yaml.empty": {"fr": "le fichier est vide", "en": "the file is empty"},
    "yaml.not_mapping": {"fr": "le fichier doit être un tableau de clés, pas {kind}",
                         "en": "the file must be a mapping of keys, not {kind}"},
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
    "schema.windows_name": {
        "fr": "`{name}` devient un nom de fichier que Windows réserve (CON, PRN, AUX, NUL, COM1 à COM9, "
              "LPT1 à LPT9, quelle que soit l'extension) : choisissez un autre nom",
        "en": "`{name}` becomes a file name Windows reserves (CON, PRN, AUX, NUL, COM1 to COM9, "
              "LPT1 to LPT9, whatever the extension): choose another name",
    },
    "new.windows_name": {
        "fr": "« {id} » est un nom que Windows réserve à un périphérique (ou au dossier de sortie) : "
              "le fichier {id}.yaml serait inutilisable sous Windows. Choisissez un autre identifiant.",
        "en": "\"{id}\" is a name Windows reserves for a device (or the output folder's own): the file "
              "{id}.yaml would be unusable on Windows. Choose another id.",
    },
    "path.too_long": {
        "fr": "Nom trop long pour le système de fichiers : « {part} » (255 octets au plus par nom, "
              "4 000 pour le chemin entier). Rien n'a été écrit.",
        "en": "Name too long for the file system: \"{part}\" (255 bytes at most per name, 4,000 for "
              "the whole path). Nothing was written.",
    },
    "fs.error": {"fr": "Impossible d'utiliser {path} : {reason}.", "en": "Cannot use {path}: {reason}."},
    "fs.too_long": {"fr": "nom trop long pour le système de fichiers", "en": "name too long for the file system"},
    "fs.loop": {"fr": "lien symbolique qui tourne en boucle", "en": "symbolic link that loops"},
    "fs.denied": {"fr": "accès refusé", "en": "permission denied"},
    "fs.missing": {"fr": "introuvable (ou lien symbolique vers rien)", "en": "not found (or a symbolic link to nothing)"},
    "fs.not_dir": {"fr": "un élément du chemin n'est pas un dossier", "en": "a part of the path is not a folder"},
    "fs.is_dir": {"fr": "c'est un dossier, pas un fichier", "en": "it is a folder, not a file"},
    "fs.special": {"fr": "fichier spécial (tube, périphérique), pas un fichier ordinaire",
                   "en": "special file (pipe, device), not a regular file"},
    "fs.full": {"fr": "disque plein", "en": "no space left on the disk"},
    "fs.read_only": {"fr": "système de fichiers en lecture seule", "en": "read-only file system"},
    "file.not_regular": {
        "fr": "ce n'est pas un fichier ordinaire (tube, périphérique ou dossier) : il n'est pas lu",
        "en": "not a regular file (a pipe, a device or a folder): it is not read",
    },
    "file.unreadable": {"fr": "le fichier ne peut pas être lu : {reason}", "en": "cannot read the file: {reason}"},
    "kit.unreadable_folder": {
        "fr": "le dossier des outils ne peut pas être lu ({reason}) : aucun de ses outils n'est chargé",
        "en": "the tools folder cannot be read ({reason}): none of its tools is loaded",
    },
    "kit.link_loop": {
        "fr": "lien symbolique qui tourne en boucle : cet outil n'est pas chargé",
        "en": "a symbolic link that loops: this tool is not loaded",
    },
    "kit.link_dangling": {
        "fr": "lien symbolique vers un fichier qui n'existe pas : cet outil n'est pas chargé",
        "en": "a symbolic link to a file that does not exist: this tool is not loaded",
    },
    "kit.unreadable_file": {
        "fr": "ce fichier ne peut pas être lu ({reason}) : cet outil n'est pas chargé",
        "en": "this file cannot be read ({reason}): this tool is not loaded",
    },
    "kit.entry_folder": {
        "fr": "un dossier porte le nom d'un fichier d'outil : il n'est pas chargé",
        "en": "a folder is named like a tool file: it is not loaded",
    },
    "kit.entry_special": {
        "fr": "ce n'est pas un fichier ordinaire (tube, périphérique) : cet outil n'est pas chargé",
        "en": "not a regular file (a pipe, a device): this tool is not loaded",
    },
    "out.in_kit": {
        "fr": "Le dossier de sortie {out} est dans le dossier de kit {kit} : les documents y seraient "
              "relus comme des outils. Choisissez un autre dossier avec --out.",
        "en": "The output folder {out} is inside the kit folder {kit}: the documents would be read "
              "back as tools. Choose another folder with --out.",
    },
    "out.cwd_in_kit": {
        "fr": "Le dossier courant {out} est dans le dossier de kit {kit} : les documents ne peuvent pas "
              "y être écrits. Donnez un autre dossier avec --out.",
        "en": "The current folder {out} is inside the kit folder {kit}: the documents cannot be "
              "written there. Give another folder with --out.",
    },
    "schema.output_name": {
        "fr": "le nom de fichier `{file}` est celui d'un fichier que survivalkit écrit avec les documents "
              "(un dossier de documents dans le kit ?) : choisissez un autre identifiant",
        "en": "file name `{file}` is one survivalkit writes next to the documents (a documents folder "
              "inside the kit?): choose another tool id",
    },
    "fs.dangling": {"fr": "lien symbolique vers rien", "en": "a symbolic link to nothing"},
    "fs.not_a_folder": {"fr": "ce n'est pas un dossier", "en": "it is not a folder"},
    "profile.not_regular": {
        "fr": "Le profil enregistré {path} n'est pas un fichier ordinaire (tube, périphérique, dossier ou "
              "lien vers rien) : il n'est pas lu. Supprimez-le pour en enregistrer un nouveau.",
        "en": "The saved profile {path} is not a regular file (a pipe, a device, a folder or a link to "
              "nothing): it is not read. Delete it to save a new one.",
    },
    "lint.same_choice_label": {
        "fr": "le libellé « {label} » (choix {n}) se lit comme celui du choix {first} une fois normalisé "
              "(accents décomposés, caractères invisibles, casse) : personne ne peut les distinguer",
        "en": "the label “{label}” (choice {n}) reads like that of choice {first} once normalised "
              "(decomposed accents, invisible characters, case): nobody can tell them apart",
    },
}
