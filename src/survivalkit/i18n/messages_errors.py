"""Messages of errors raised deep in the core as data (``errors.Msg``) and said at the edge."""

from __future__ import annotations

MESSAGES_ERRORS: dict[str, dict[str, str]] = {
    # --- the system's errors, by errno (English keeps the system's own words) -----------------
    "os.ENOENT": {"fr": "fichier ou dossier introuvable", "en": "No such file or directory"},
    "os.EACCES": {"fr": "permission refusée", "en": "Permission denied"},
    "os.EPERM": {"fr": "opération non permise", "en": "Operation not permitted"},
    "os.ENOSPC": {"fr": "plus de place sur le disque", "en": "No space left on device"},
    "os.EDQUOT": {"fr": "quota de disque dépassé", "en": "Disk quota exceeded"},
    "os.EFBIG": {"fr": "fichier trop grand", "en": "File too large"},
    "os.ENAMETOOLONG": {"fr": "nom de fichier trop long", "en": "File name too long"},
    "os.ELOOP": {"fr": "trop de niveaux de liens symboliques (une boucle ?)", "en": "Too many levels of symbolic links"},
    "os.EROFS": {"fr": "disque en lecture seule", "en": "Read-only file system"},
    "os.EISDIR": {"fr": "c'est un dossier", "en": "Is a directory"},
    "os.ENOTDIR": {"fr": "une partie du chemin n'est pas un dossier", "en": "Not a directory"},
    "os.EEXIST": {"fr": "existe déjà", "en": "File exists"},
    "os.EIO": {"fr": "erreur de lecture ou d'écriture sur le disque", "en": "Input/output error"},
    "os.EBUSY": {"fr": "fichier ou périphérique occupé", "en": "Device or resource busy"},
    "os.other": {"fr": "erreur du système n° {code} ({text})", "en": "{text} (error {code})"},
    # --- writing files -----------------------------------------------------------------------
    "writer.plain_name": {
        "fr": "nom de fichier refusé {name} : ce doit être un simple nom",
        "en": "refused file name {name}: it must be a plain name",
    },
    "writer.outside": {
        "fr": "nom de fichier refusé {name} : il sortirait du dossier {folder}",
        "en": "refused file name {name}: it points outside {folder}",
    },
    "writer.same_name": {
        "fr": "deux fichiers auraient le même nom dans {folder} : {names}",
        "en": "two files would have the same name in {folder}: {names}",
    },
    "writer.exist": {
        "fr": "ces fichiers existent déjà dans {folder} : {names}.",
        "en": "these files already exist in {folder}: {names}.",
    },
    "writer.exist_hint": {
        "fr": "Choisissez un autre dossier avec --out, ou remplacez-les avec --force.",
        "en": "Choose another folder with --out, or replace them with --force.",
    },
    "writer.mkdir": {
        "fr": "impossible de créer le dossier {folder} : {reason}",
        "en": "cannot create the folder {folder}: {reason}",
    },
    "writer.cannot_write": {
        "fr": "impossible d'écrire dans {folder} : {reason} ; aucun fichier n'a été laissé à moitié écrit",
        "en": "cannot write in {folder}: {reason}; no file was left half-written",
    },
    "writer.cannot_write_kept": {
        "fr": "impossible d'écrire dans {folder} : {reason} ; aucun fichier n'a été laissé à moitié écrit ; les fichiers précédents ont été gardés",
        "en": "cannot write in {folder}: {reason}; no file was left half-written; the previous files were kept",
    },
    # --- the profile and sessions --------------------------------------------------------------
    "store.profile_aside": {
        "fr": "le profil enregistré n'a pas pu être lu ; il a été mis de côté sous {aside}. Relancez la commande pour saisir à nouveau votre profil.",
        "en": "the saved profile could not be read; it was kept aside as {aside}. Run the command again to enter your profile anew.",
    },
    "store.no_session": {"fr": "aucune session enregistrée « {id} »", "en": "no saved session '{id}'"},
    "store.cannot_restore": {"fr": "impossible de restaurer {path} : {reason}", "en": "cannot restore {path}: {reason}"},
    "store.unreadable": {"fr": "le fichier n'a pas pu être lu", "en": "the file could not be read"},
    "store.in_use": {
        "fr": "la session {id} est utilisée par une autre exécution de survivalkit",
        "en": "the session {id} is in use by another survivalkit run",
    },
    "store.session_aside": {
        "fr": "la session enregistrée n'a pas pu être lue ; elle a été mise de côté sous {aside}.",
        "en": "the saved session could not be read; it was kept aside as {aside}.",
    },
    "store.too_large": {
        "fr": "la session est trop grande pour être enregistrée ({kb} ko)",
        "en": "the session is too large to save ({kb} kB)",
    },
    "store.cannot_remove": {
        "fr": "impossible de supprimer la session enregistrée : {reason}",
        "en": "cannot remove the saved session: {reason}",
    },
    "store.bad_folder": {
        "fr": "Le dossier de données de survivalkit {path} est inutilisable : {reason}. Les sessions et "
              "le profil ne peuvent y être ni lus ni enregistrés. Supprimez ce qui occupe sa place, ou "
              "choisissez un autre dossier avec la variable SURVIVALKIT_HOME.",
        "en": "The survivalkit data folder {path} cannot be used: {reason}. Sessions and the profile "
              "can be neither read nor saved there. Remove what takes its place, or choose another "
              "folder with the SURVIVALKIT_HOME variable.",
    },
    "store.cannot_create": {"fr": "impossible de créer {folder} : {reason}", "en": "cannot create {folder}: {reason}"},
    "store.cannot_save": {"fr": "impossible d'enregistrer {path} : {reason}", "en": "cannot save {path}: {reason}"},
    # --- formats and optional parts ----------------------------------------------------------------
    "extra.weasyprint": {
        "fr": "Le PDF ne peut pas être produit sur cet ordinateur : il y manque WeasyPrint. "
              "Pour l'ajouter : pip install \"survivalkit[pdf]\"",
        "en": "PDF cannot be made on this computer: WeasyPrint is missing. "
              "To add it: pip install \"survivalkit[pdf]\"",
    },
    "extra.pandoc": {
        "fr": "Word (.docx) et LibreOffice (.odt) ne peuvent pas être produits sur cet ordinateur : "
              "il y manque pandoc. Pour l'ajouter : pip install \"survivalkit[office]\"",
        "en": "Word (.docx) and LibreOffice (.odt) files cannot be made on this computer: pandoc is "
              "missing. To add it: pip install \"survivalkit[office]\"",
    },
    "extra.pango": {
        "fr": "Le PDF ne peut pas être produit sur cet ordinateur : il y manque la bibliothèque Pango, "
              "dont WeasyPrint a besoin. Pour l'ajouter : {install} (détail : {reason})",
        "en": "PDF cannot be made on this computer: the Pango library, which WeasyPrint needs, is "
              "missing. To add it: {install} (detail: {reason})",
    },
    "extra.pango_windows": {
        "fr": "installez MSYS2 (https://www.msys2.org), puis tapez dans son terminal : "
              "pacman -S mingw-w64-x86_64-pango",
        "en": "install MSYS2 (https://www.msys2.org), then type in its terminal: "
              "pacman -S mingw-w64-x86_64-pango",
    },
    "formats.offered": {
        "fr": "À la fin, vous choisirez vos formats parmi : {formats}.",
        "en": "At the end, you will choose your formats among: {formats}.",
    },
    "formats.instead": {
        "fr": "Vos documents seront donc écrits en : {formats}.",
        "en": "So your documents will be written as: {formats}.",
    },
    "extra.pandoc_failed": {
        "fr": "pandoc n'a pas pu écrire le {fmt} : {reason}",
        "en": "pandoc could not write {fmt}: {reason}",
    },
    # --- options -------------------------------------------------------------------------------------
    "set.form": {"fr": "--set {item} : écrivez-le sous la forme clé=valeur", "en": "--set {item}: write it as key=value"},
    "date.option": {"fr": "--date : {reason}", "en": "--date: {reason}"},
    # --- templates (Jinja) -----------------------------------------------------------------------------
    "template.failed": {"fr": "{where} : {what} : {reason}", "en": "{where}: {what}: {reason}"},
    "template.syntax": {"fr": "erreur de syntaxe du modèle : {reason}", "en": "template syntax error: {reason}"},
    "template.undefined": {"fr": "nom non défini : {reason}", "en": "undefined name: {reason}"},
    "template.did_you_mean": {"fr": " ; vouliez-vous dire `{name}` ?", "en": "; did you mean `{name}`?"},
    "template.sandbox": {"fr": "refusé par le bac à sable : {reason}", "en": "refused by the sandbox: {reason}"},
    "template.include": {
        "fr": "`include`, `import` et `extends` ne sont pas permis : un document est un seul modèle complet",
        "en": "`include`, `import` and `extends` are not allowed: a document is one self-contained template",
    },
    "template.document": {"fr": "document `{id}`", "en": "document `{id}`"},
    "jinja.no_filter": {
        "fr": "pas de filtre nommé « {name} » (voir les filtres dans docs/kit-format.md)",
        "en": "no filter named '{name}' (see the filters in docs/kit-format.md)",
    },
    "jinja.no_test": {"fr": "pas de test nommé « {name} »", "en": "no test named '{name}'"},
    "jinja.no_attribute": {"fr": "« {owner} » n'a pas d'attribut « {name} »", "en": "'{owner}' has no attribute '{name}'"},
    "jinja.is_undefined": {"fr": "« {name} » n'est pas défini", "en": "'{name}' is undefined"},
    "kit.when_failed": {
        "fr": "{where} : question `{id}` : sa condition `when: {when}` ne peut pas être évaluée : {reason}",
        "en": "{where}: question `{id}`: its condition `when: {when}` cannot be evaluated: {reason}",
    },
    "kit.default_expr_failed": {"fr": "question `{id}` : `default_expr` : {reason}", "en": "question `{id}`: `default_expr`: {reason}"},
    "kit.relevance_failed": {
        "fr": "{origin} : la condition de pertinence `when: {when}` ne peut pas être évaluée : {reason}",
        "en": "{origin}: relevance `when: {when}` cannot be evaluated: {reason}",
    },
    "kit.rule_failed": {"fr": "question `{id}` : règle `{check}` : {reason}", "en": "question `{id}`: rule `{check}`: {reason}"},
    "fact.unknown": {"fr": "fait inconnu `{name}`", "en": "unknown fact `{name}`"},
    "fact.no_value": {"fr": "le fait `{name}` n'a pas de valeur au {day}", "en": "fact `{name}` has no value on {day}"},
    # --- the kit's model (pydantic validators) -----------------------------------------------------------
    "model.bad_regex": {"fr": "expression régulière invalide : {reason}", "en": "invalid regular expression: {reason}"},
    "model.needs_choices": {"fr": "une question {type} a besoin de `choices`", "en": "a {type} question needs `choices`"},
    "model.choices_only": {
        "fr": "`choices` ne va qu'avec choice ou multichoice, pas avec {type}",
        "en": "`choices` only goes with choice or multichoice, not {type}",
    },
    "model.choice_twice": {"fr": "la valeur de choix {value} apparaît deux fois", "en": "choice value {value} appears twice"},
    "model.date_range_only": {
        "fr": "`date_range` ne va qu'avec le type date, pas avec {type}",
        "en": "`date_range` only goes with type date, not {type}",
    },
    "model.name_text": {
        "fr": "`name: true` ne va qu'avec le type text, pas avec {type}",
        "en": "`name: true` only goes with type text, not {type}",
    },
    "model.default_or_expr": {
        "fr": "donnez `default` ou `default_expr`, pas les deux",
        "en": "give either `default` or `default_expr`, not both",
    },
    "model.increasing_from": {
        "fr": "les valeurs doivent suivre l'ordre croissant de `from`, chaque date une seule fois",
        "en": "values must be in increasing order of `from`, each date once",
    },
    "model.letter_layout": {
        "fr": "`letter` va avec `layout: letter`, `note` ou `agreement`",
        "en": "`letter` goes with `layout: letter`, `note` or `agreement`",
    },
    "model.layout_needs_letter": {"fr": "`layout: {layout}` a besoin d'un bloc `letter:`", "en": "`layout: {layout}` needs a `letter:` block"},
    "model.layout_needs": {"fr": "`layout: {layout}` a besoin de `letter.{missing}`", "en": "`layout: {layout}` needs `letter.{missing}`"},
    "model.agreement_signatories": {
        "fr": "`layout: agreement` a besoin de `letter.signatories`, un par partie (deux au moins)",
        "en": "`layout: agreement` needs `letter.signatories`, one per party (two at least)",
    },
}
