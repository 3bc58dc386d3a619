"""Messages for contributors: kit loading, validate, golden, new and preview, in French and English."""

from __future__ import annotations

MESSAGES_CONTRIB: dict[str, dict[str, str]] = {
    # kit folders
    "kit.not_found": {
        "fr": "dossier de kit introuvable : {path}",
        "en": "kit folder not found: {path}",
    },
    "kit.no_tools": {
        "fr": "aucun outil ici : les outils sont attendus dans {tools}/*.yaml (ou, pour un dépôt, "
              "dans {repo_tools}/*.yaml) ; vérifiez le chemin",
        "en": "no tools here: tools are expected in {tools}/*.yaml (or, for a repository, in "
              "{repo_tools}/*.yaml); check the path",
    },
    "kit.needs_kit_yaml": {
        "fr": "un kit a besoin d'un fichier kit.yaml",
        "en": "a kit needs a kit.yaml",
    },
    "kit.no_kit_yaml": {"fr": "aucun kit.yaml trouvé", "en": "no kit.yaml found"},
    "kit.replaces": {
        "fr": "{origin} remplace l'outil « {id} » de {previous}",
        "en": "{origin} replaces tool `{id}` from {previous}",
    },
    "validate.no_such_path": {
        "fr": "ce fichier ou dossier n'existe pas : {path}",
        "en": "no such file or folder: {path}",
    },
    "example.missing": {
        "fr": "exemple « {name} » : réponses obligatoires manquantes : {ids} ; ajoutez-les sous "
              "`answers:`",
        "en": "example `{name}`: required answers missing: {ids}; add them under `answers:`",
    },
    "example.crashed": {
        "fr": "exemple « {name} » : une condition ou une valeur par défaut échoue ({error})",
        "en": "example `{name}`: a condition or default fails ({error})",
    },
    "golden.others": {
        "fr": "Non vérifiés (outils d'un autre kit, laissés tels quels) : {folders}",
        "en": "Not checked (tools of another kit, left as they are): {folders}",
    },
    # lint: what a problem is about
    "lint.what.question": {"fr": "question `{id}`, `{key}`", "en": "question `{id}` {key}"},
    "lint.what.document": {"fr": "document `{id}`, `{key}`", "en": "document `{id}` {key}"},
    "lint.what.relevance": {"fr": "pertinence, `when`", "en": "relevance when"},
    "lint.did_you_mean": {"fr": " ; vouliez-vous dire `{name}` ?", "en": "; did you mean `{name}`?"},
    "lint.in": {"fr": "{what} : {message}", "en": "{what}: {message}"},
    # lint: references
    "lint.syntax": {"fr": "{what} : {reason}", "en": "{what}: {reason}"},
    "lint.unknown_name": {
        "fr": "{what} : nom inconnu `{name}` (aucune question, aucun champ du profil ne s'appelle ainsi){hint}",
        "en": "{what}: unknown name `{name}` (no question or profile field has this id){hint}",
    },
    "lint.unknown_fact": {
        "fr": "{what} : chiffre daté inconnu `{name}` (absent de `facts:` dans kit.yaml){hint}",
        "en": "{what}: unknown fact `{name}` (not under `facts:` in kit.yaml){hint}",
    },
    "lint.unknown_filter": {
        "fr": "{what} : filtre inconnu `{name}`{hint}",
        "en": "{what}: unknown filter `{name}`{hint}",
    },
    "lint.unknown_test": {
        "fr": "{what} : test inconnu `is {name}`{hint}",
        "en": "{what}: unknown test `is {name}`{hint}",
    },
    "lint.unknown_stage": {
        "fr": "étape inconnue `{name}` ; étapes du kit : {known}",
        "en": "unknown stage `{name}`; known: {known}",
    },
    "lint.unknown_shared": {
        "fr": "`{name}` n'est pas une question partagée ; questions partagées : {known}",
        "en": "`{name}` is not a shared question; known: {known}",
    },
    "lint.dup_question": {
        "fr": "l'identifiant de question `{id}` est déjà pris par questions[{other}]",
        "en": "question id `{id}` is already used by questions[{other}]",
    },
    "lint.dup_kit_question": {
        "fr": "l'identifiant de question `{id}` est déjà celui d'une question du profil, de la situation ou partagée",
        "en": "question id `{id}` is already a profile, situation or shared question",
    },
    "lint.dup_item": {"fr": "`{id}` apparaît deux fois dans {group}", "en": "`{id}` appears twice in {group}"},
    "lint.dup_kit_id": {
        "fr": "l'identifiant de question `{id}` est déjà utilisé dans {group}",
        "en": "question id `{id}` is already used in {group}",
    },
    "lint.id_mismatch": {
        "fr": "`id: {written}` ne sert à rien et trompe : l'identifiant de l'outil est le nom de son fichier ({file}, donc `{id}`) ; supprimez cette ligne",
        "en": "`id: {written}` is ignored and misleading: the tool's id is its file name ({file}, so `{id}`); delete this line",
    },
    "lint.uses_later": {
        "fr": "{what} : utilise `{name}`, une question posée plus tard ; à ce moment elle n'a pas de réponse, donc la condition est fausse et la question jamais posée",
        "en": "{what}: uses `{name}`, a question asked later; it has no answer yet at that point, so the condition is false and the question is never asked",
    },
    "lint.uses_itself": {
        "fr": "{what} : utilise `{name}`, la question elle-même, qui n'a pas encore de réponse",
        "en": "{what}: uses `{name}`, the question itself, which has no answer yet",
    },
    "lint.unused": {"fr": "la question `{id}` est posée mais jamais utilisée", "en": "question `{id}` is asked but never used"},
    "lint.unused_shared": {
        "fr": "la question partagée `{id}` est posée mais jamais utilisée",
        "en": "shared question `{id}` is asked but never used",
    },
    # lint: examples
    "lint.example_no_date": {"fr": "l'exemple « {name} » n'a pas de `date`", "en": "example `{name}` has no `date`"},
    "lint.example_dropped": {
        "fr": "exemple « {name} » : la réponse `{key}` n'est jamais utilisée, car la condition `when` de sa question est fausse avec les autres réponses",
        "en": "example `{name}`: the answer `{key}` is never used, because its question's `when` is false with the other answers",
    },
    "lint.example_render": {
        "fr": "exemple « {name} » ({lang}) : {reason}",
        "en": "example `{name}` ({lang}): {reason}",
    },
    "lint.expect_missing": {
        "fr": "exemple « {name} » : « {text} » n'est pas dans les documents en français ; le texte le plus proche rendu : « {around} »",
        "en": "example `{name}`: `{text}` is not in the French documents; closest rendered text: \"{around}\"",
    },
    "lint.no_examples": {"fr": "l'outil `{id}` n'a pas d'exemple", "en": "tool `{id}` has no examples"},
    "lint.unanswered": {"fr": "aucun exemple ne répond à la question `{id}`", "en": "no example answers question `{id}`"},
    "lint.unanswered_shared": {
        "fr": "aucun exemple ne répond à la question partagée `{id}`",
        "en": "no example answers shared question `{id}`",
    },
    # lint: texts
    "lint.no_english": {"fr": "pas de texte en anglais", "en": "no English text"},
    "lint.buzzword": {
        "fr": "« {term} » dans un texte en français : dites « {official} »",
        "en": "“{term}” in French text: say “{official}”",
    },
    "lint.lang_mark_bad": {
        "fr": "« {fragment} » n'est pas une marque de langue : écrivez les mots entre crochets puis, collé, {{lang=en}} ou {{lang=fr}}, par exemple [design thinking]{{lang=en}}",
        "en": "“{fragment}” is not a language mark: write the words in square brackets, then, with no space, {{lang=en}} or {{lang=fr}}, for example [design thinking]{{lang=en}}",
    },
    "lint.lang_mark_same": {
        "fr": "« {fragment} » marque une expression dans la langue du texte ({lang}) : enlevez la marque",
        "en": "“{fragment}” marks a phrase in the text's own language ({lang}): remove the mark",
    },
    "lint.long_label": {
        "fr": "le libellé fait {words} mots ; gardez-en {max} au plus",
        "en": "label has {words} words; keep it to {max}",
    },
    "lint.placeholder": {"fr": "texte encore à écrire", "en": "text still to be written"},
    "lint.stale": {
        "fr": "relu pour la dernière fois le {date}, il y a plus de {months} mois",
        "en": "last reviewed on {date}, more than {months} months ago",
    },
    "lint.fact_ends": {
        "fr": "la valeur de `{name}` prend fin le {date} et aucune valeur suivante n'est connue",
        "en": "the value of `{name}` ends on {date} and no later value is known",
    },
    "lint.fact_ended": {
        "fr": "la valeur de `{name}` a pris fin le {date} et aucune valeur suivante n'est connue",
        "en": "the value of `{name}` ended on {date} and no later value is known",
    },
    "lint.source_to_check": {
        "fr": "source « {title} »{reference} à vérifier — {what}",
        "en": "source \"{title}\"{reference} to be checked — {what}",
    },
    "lint.fact_to_check": {
        "fr": "la valeur de `{name}` au {day} est à vérifier — {what}",
        "en": "the value of `{name}` from {day} is to be checked — {what}",
    },
    "lint.source_bare": {
        "fr": "la source n'a ni `url` ni `reference`",
        "en": "source has neither `url` nor `reference`",
    },
    # lint: conditions
    "lint.bool_compared": {
        "fr": "`{id}` est une question oui/non : testez-la avec `{id}` ou `not {id}`, pas avec '{value}'",
        "en": "`{id}` is a yes/no question: test it with `{id}` or `not {id}`, not with '{value}'",
    },
    "lint.no_such_choice": {
        "fr": "`{id}` n'a pas de choix '{value}'{hint}",
        "en": "`{id}` has no choice '{value}'{hint}",
    },
    "lint.choices": {"fr": " ; choix possibles : {values}", "en": "; choices: {values}"},
    "lint.maybe_missing": {
        "fr": "{what} : `{read}` n'existe pas toujours ({base} ne contient que ce qui a été demandé ailleurs dans ce parcours) ; écrivez `{base}.get('{name}')`, ou mieux (format 2) déclarez la donnée sous `project:` dans kit.yaml et écrivez `datum:` sur les questions qui la remplissent",
        "en": "{what}: `{read}` does not always exist ({base} holds only what was asked elsewhere in this journey); write `{base}.get('{name}')`, or better (format 2) declare the datum under `project:` in kit.yaml and write `datum:` on the questions that fill it",
    },
    "lint.datum_unknown": {
        "fr": "question `{id}` : la donnée « {datum} » n'est pas déclarée sous `project:` dans kit.yaml{hint}",
        "en": "question `{id}`: the datum “{datum}” is not declared under `project:` in kit.yaml{hint}",
    },
    "lint.datum_type": {
        "fr": "question `{id}` : de type {type}, elle remplit la donnée « {datum} », de type {expected}",
        "en": "question `{id}`: of type {type}, it fills the datum “{datum}”, of type {expected}",
    },
    "lint.datum_twice": {
        "fr": "question `{id}` : `{tool}` pose la même question et remplit la donnée « {datum} » ; celle-ci n'en remplit aucune",
        "en": "question `{id}`: `{tool}` asks the same question and fills the datum “{datum}”; this one fills none",
    },
    "lint.datum_named": {
        "fr": "question `{id}` : elle porte le nom d'une donnée du projet sans la remplir ; écrivez `datum: {id}`",
        "en": "question `{id}`: it has the name of a project datum but does not fill it; write `datum: {id}`",
    },
    "lint.never_true": {
        "fr": "{what} : `{text}` est faux quelle que soit la réponse",
        "en": "{what}: `{text}` is false for every possible answer",
    },
    # lint: content
    "lint.typed_amount": {
        "fr": "« {written} » est écrit en dur alors que le chiffre daté `{fact}` le donne : écrivez {{{{ fact('{fact}') }}}}",
        "en": "\"{written}\" is typed in while the fact `{fact}` holds it: write {{{{ fact('{fact}') }}}}",
    },
    "lint.link_scheme": {
        "fr": "{what} : lien vers « {url} » ; un document ne peut renvoyer qu'à {schemes}",
        "en": "{what}: link to \"{url}\"; a document may only link to {schemes}",
    },
    "lint.today": {
        "fr": "{what} : `today` est la date du jour ; la date du document est `doc_date` (fixée par --date et par les exemples)",
        "en": "{what}: `today` is the current date; the document's date is `doc_date` (set by --date and examples)",
    },
    "lint.sentence_case": {
        "fr": "{what} : la réponse `{name}` est insérée au milieu d'une phrase ; « Une imprimante » y deviendrait « acheter Une imprimante » : écrivez {{{{ {name} | {filter} }}}}",
        "en": "{what}: the answer `{name}` is inserted mid-sentence; \"A printer\" would read \"buy A printer\": write {{{{ {name} | {filter} }}}}",
    },
    # Jinja syntax, in plain words
    "jinja.wrong_end": {
        "fr": "`{{% {tag} %}}` ferme le mauvais bloc : le `{{% {block} %}}` ouvert avant se ferme par `{{% {end} %}}`",
        "en": "`{{% {tag} %}}` closes the wrong block: the `{{% {block} %}}` opened before is closed by `{{% {end} %}}`",
    },
    "jinja.unclosed": {
        "fr": "un `{{% {block} %}}` n'est jamais fermé : ajoutez `{{% {end} %}}` là où il s'arrête",
        "en": "a `{{% {block} %}}` is never closed: add `{{% {end} %}}` where it stops",
    },
    "jinja.stray_end": {
        "fr": "`{{% {tag} %}}` sans bloc ouvert avant : supprimez-le, ou ouvrez le bloc (`{{% if … %}}`, `{{% for … %}}`)",
        "en": "`{{% {tag} %}}` with no block open before: remove it, or open the block (`{{% if … %}}`, `{{% for … %}}`)",
    },
    "jinja.unknown_tag": {
        "fr": "balise inconnue `{{% {tag} %}}` : les balises sont if, elif, else, endif, for, endfor, set",
        "en": "unknown tag `{{% {tag} %}}`: the tags are if, elif, else, endif, for, endfor, set",
    },
    "jinja.open_print": {
        "fr": "un `{{{{` n'est pas fermé : ajoutez `}}}}` à la fin de l'insertion",
        "en": "a `{{{{` is not closed: add `}}}}` at the end of the insertion",
    },
    "jinja.print_extra": {
        "fr": "dans `{{{{ … }}}}`, « {got} » est en trop : une insertion contient un seul nom (reliez les mots par `_`), ou un texte entre guillemets, ou un filtre après `|`",
        "en": "inside `{{{{ … }}}}`, \"{got}\" is extra: an insertion holds one name (join words with `_`), a quoted text, or a filter after `|`",
    },
    "jinja.single_equal": {
        "fr": "dans une condition, comparez avec `==` (deux signes égal), pas `=`",
        "en": "in a condition, compare with `==` (two equal signs), not `=`",
    },
    "jinja.block_extra": {
        "fr": "dans `{{% … %}}`, « {got} » n'est pas attendu : vérifiez les guillemets et les opérateurs (`==`, `and`, `or`, `in`)",
        "en": "inside `{{% … %}}`, \"{got}\" is not expected: check quotes and operators (`==`, `and`, `or`, `in`)",
    },
    "jinja.name_expected": {
        "fr": "un nom est attendu ici (après `|`, un nom de filtre ; après `.`, un nom de champ), pas « {got} »",
        "en": "a name is expected here (after `|`, a filter name; after `.`, a field name), not \"{got}\"",
    },
    "jinja.char": {
        "fr": "caractère inattendu « {char} » : vérifiez les parenthèses, accolades et opérateurs",
        "en": "unexpected character \"{char}\": check brackets, braces and operators",
    },
    "jinja.quote": {
        "fr": "un texte entre guillemets n'est pas refermé : fermez-le avec le même guillemet",
        "en": "a quoted text is not closed: close it with the same quote",
    },
    "jinja.other": {"fr": "erreur de syntaxe du modèle : {reason}", "en": "template syntax error: {reason}"},
    # YAML, in plain words
    "yaml.tab": {
        "fr": "une tabulation sert d'indentation : YAML n'accepte que des espaces ; remplacez-la par des espaces",
        "en": "a tab character is not allowed for indentation; use spaces",
    },
    "yaml.tag": {
        "fr": "la balise `!{tag}` n'est pas acceptée : seulement des données simples (textes, nombres, dates, listes, tableaux clé: valeur)",
        "en": "the tag `!{tag}` is not allowed: only plain data is accepted (texts, numbers, dates, lists, mappings)",
    },
    "yaml.colon": {
        "fr": "un « : » inattendu : un texte qui contient « : » doit être mis entre guillemets (\"…\"), ou la ligne précédente n'a pas de clé",
        "en": "an unexpected \": \": put a text containing \": \" between quotes (\"…\"), or the previous line has no key",
    },
    "yaml.no_colon": {
        "fr": "il manque « : » après une clé, ou la ligne est mal indentée",
        "en": "a \":\" is missing after a key, or the line is wrongly indented",
    },
    "yaml.unclosed_quote": {
        "fr": "un texte entre guillemets n'est jamais refermé : ajoutez le guillemet de fin",
        "en": "a quoted text is never closed: add the closing quote",
    },
    "yaml.indent": {
        "fr": "indentation incohérente : les clés d'un même bloc doivent commencer à la même colonne",
        "en": "inconsistent indentation: keys of one block must start at the same column",
    },
    "yaml.after_quote": {
        "fr": "du texte après un guillemet fermant : mettez tout le texte entre les guillemets",
        "en": "text after a closing quote: put the whole text inside the quotes",
    },
    "yaml.list_then_key": {
        "fr": "une clé au même niveau qu'une liste : indentez la liste sous sa clé, ou la clé au bon niveau",
        "en": "a key at the level of a list: indent the list under its key, or the key at the right level",
    },
    "yaml.list_indent": {
        "fr": "élément de liste (« - ») mal indenté : alignez les « - » d'une même liste",
        "en": "a list item (\"- \") is wrongly indented: align the \"- \" of one list",
    },
    "yaml.open_list": {"fr": "une liste entre [ ] n'est pas fermée : ajoutez « ] »", "en": "a [ ] list is not closed: add \"]\""},
    "yaml.open_mapping": {"fr": "un tableau entre {{ }} n'est pas fermé : ajoutez « }} »", "en": "a {{ }} mapping is not closed: add \"}}\""},
    "yaml.alias": {
        "fr": "un texte commence par « * » : mettez-le entre guillemets",
        "en": "a text starts with \"*\": put it between quotes",
    },
    "yaml.bad_start": {
        "fr": "une valeur ne peut pas commencer par « {char} » : mettez-la entre guillemets",
        "en": "a value cannot start with \"{char}\": put it between quotes",
    },
    "yaml.syntax": {"fr": "erreur de syntaxe YAML : {reason}", "en": "YAML syntax error: {reason}"},
    # schema, in plain words
    "schema.unknown_key_close": {
        "fr": "clé inconnue `{key}` ; vouliez-vous dire `{close}` ?",
        "en": "unknown key `{key}`; did you mean `{close}`?",
    },
    "schema.unknown_key": {
        "fr": "clé inconnue `{key}` ; clés possibles : {allowed}",
        "en": "unknown key `{key}`; allowed keys: {allowed}",
    },
    "schema.missing": {"fr": "la clé `{key}` est obligatoire : ajoutez-la", "en": "missing required key `{key}`"},
    "schema.one_of": {
        "fr": "`{given}` n'est pas accepté ; valeurs possibles : {expected}",
        "en": "`{given}` is not allowed; use one of {expected}",
    },
    "schema.localized": {
        "fr": "un texte est attendu, ou un tableau `{{fr: ..., en: ...}}`",
        "en": "expected a text, or a mapping like `{{fr: ..., en: ...}}`",
    },
    "schema.identifier": {
        "fr": "`{given}` n'est pas un identifiant valable : lettres minuscules, chiffres et _",
        "en": "`{given}` is not a valid identifier: use lowercase letters, digits, _",
    },
    "schema.reserved_name": {
        "fr": "le nom de fichier `{file}` est un nom réservé sous Windows : choisissez un autre identifiant",
        "en": "file name `{file}` is a reserved device name on Windows; choose another tool id",
    },
    "schema.bad_file_name": {
        "fr": "le nom de fichier `{file}` n'est pas un identifiant d'outil valable : des mots en minuscules reliés par des tirets (par exemple `pass-fab-lab.yaml`), 64 caractères au plus",
        "en": "file name `{file}` is not a valid tool id: use lowercase words joined by dashes (e.g. `pass-fab-lab.yaml`), 64 characters at most",
    },
    "schema.date": {
        "fr": "une date écrite année-mois-jour est attendue, par exemple 2026-11-30 (pas « {given} »)",
        "en": "a date written year-month-day is expected, for example 2026-11-30 (not \"{given}\")",
    },
    "schema.url": {
        "fr": "une adresse web qui commence par https:// est attendue, sans espace (pas « {given} »)",
        "en": "a web address that starts with https:// is expected, without spaces (not \"{given}\")",
    },
    "schema.integer": {
        "fr": "un nombre entier est attendu, par exemple 3 (pas « {given} »)",
        "en": "a whole number is expected, for example 3 (not \"{given}\")",
    },
    "schema.number": {
        "fr": "un nombre est attendu, par exemple 2.5 (pas « {given} »)",
        "en": "a number is expected, for example 2.5 (not \"{given}\")",
    },
    "schema.bool": {
        "fr": "true ou false est attendu (pas « {given} »)",
        "en": "true or false is expected (not \"{given}\")",
    },
    "schema.text": {
        "fr": "un texte est attendu ici ; mettez la valeur entre guillemets",
        "en": "a text is expected here; put the value between quotes",
    },
    "schema.empty_text": {"fr": "ce texte ne peut pas être vide", "en": "this text cannot be empty"},
    "schema.too_short": {
        "fr": "il faut au moins {min} élément(s) dans cette liste",
        "en": "this list needs at least {min} item(s)",
    },
    "schema.list": {
        "fr": "une liste est attendue sous `{key}` (des lignes qui commencent par « - »)",
        "en": "a list is expected under `{key}` (lines starting with \"- \")",
    },
    "schema.mapping": {
        "fr": "des clés sont attendues sous `{key}` (des lignes « clé: valeur »)",
        "en": "keys are expected under `{key}` (\"key: value\" lines)",
    },
    "schema.pattern": {
        "fr": "« {given} » n'a pas la forme attendue ({pattern})",
        "en": "\"{given}\" does not have the expected form ({pattern})",
    },
    "schema.value": {"fr": "valeur refusée : {reason}", "en": "{reason}"},
    "schema.other": {"fr": "valeur refusée : {reason}", "en": "{reason}"},
    # validate display
    "validate.fix": {"fr": "  correction : {fix}", "en": "  fix: {fix}"},
    # rules: French wording (English is in authoring/rules/catalog.py)
    "rule.SK001.summary": {
        "fr": 'Erreur de syntaxe dans un modèle ou une expression',
        "en": 'Template or expression syntax error',
    },
    "rule.SK001.fix": {
        "fr": 'Corrigez la syntaxe Jinja à la ligne indiquée.',
        "en": 'Fix the Jinja syntax at the line shown.',
    },
    "rule.SK002.summary": {
        "fr": "Nom utilisé dans un modèle ou une expression qu'aucune question, aucun champ du profil ni aucun nom fourni ne définit",
        "en": 'Name used in a template or expression that no question, profile field or built-in defines',
    },
    "rule.SK002.fix": {
        "fr": "Utilisez l'identifiant d'une question existante, ou ajoutez la question.",
        "en": 'Use an existing question id, or add the question.',
    },
    "rule.SK003.summary": {
        "fr": 'Chiffre daté inconnu',
        "en": 'Unknown fact',
    },
    "rule.SK003.fix": {
        "fr": 'Utilisez un nom défini sous `facts:` dans kit.yaml, ou ajoutez-le avec sa source.',
        "en": 'Use a fact name defined under `facts:` in kit.yaml, or add it there with its source.',
    },
    "rule.SK004.summary": {
        "fr": 'Étape inconnue',
        "en": 'Unknown stage',
    },
    "rule.SK004.fix": {
        "fr": 'Utilisez un identifiant de `stages` de kit.yaml.',
        "en": 'Use a stage id from kit.yaml `stages`.',
    },
    "rule.SK005.summary": {
        "fr": 'Question partagée inconnue dans `uses`',
        "en": 'Unknown shared question in `uses`',
    },
    "rule.SK005.fix": {
        "fr": 'Utilisez un identifiant de `shared` de kit.yaml.',
        "en": 'Use an id from kit.yaml `shared`.',
    },
    "rule.SK006.summary": {
        "fr": 'Identifiant en double',
        "en": 'Duplicate id',
    },
    "rule.SK006.fix": {
        "fr": 'Donnez à chaque question, document et exemple son propre identifiant.',
        "en": 'Give each question, document and example its own id.',
    },
    "rule.SK007.summary": {
        "fr": "Réponses d'exemple refusées",
        "en": 'Example answers that fail validation',
    },
    "rule.SK007.fix": {
        "fr": "Corrigez la réponse pour qu'elle convienne à sa question (type, limites, règles), ou ajoutez la réponse manquante.",
        "en": 'Fix the answer so that it fits its question (type, limits, rules), or add the missing answer.',
    },
    "rule.SK008.summary": {
        "fr": 'Exemple qui ne se rend pas',
        "en": 'Example that does not render',
    },
    "rule.SK008.fix": {
        "fr": "Corrigez le modèle à la ligne indiquée pour qu'il se rende avec les réponses de cet exemple.",
        "en": "Fix the template at the line shown so that it renders with this example's answers.",
    },
    "rule.SK009.summary": {
        "fr": "Texte `expect` d'un exemple absent du rendu en français",
        "en": 'Example `expect` text missing from the French rendering',
    },
    "rule.SK009.fix": {
        "fr": 'Corrigez le modèle, ou le texte `expect` (les espaces ordinaires valent les espaces insécables).',
        "en": 'Fix the template, or the `expect` text (ordinary spaces match no-break spaces).',
    },
    "rule.SK010.summary": {
        "fr": 'Modèle ou expression qui sort du bac à sable',
        "en": 'Template or expression reaching outside the sandbox',
    },
    "rule.SK010.fix": {
        "fr": 'Supprimez-le : les modèles utilisent les réponses, les chiffres datés et les filtres du kit ; pas de nom commençant par `_`, ni include, import ou extends.',
        "en": "Remove it: templates use answers, facts and the kit's filters only; no `_` names, no include, import or extends.",
    },
    "rule.SK011.summary": {
        "fr": 'Condition ou valeur par défaut calculée qui utilise une question posée plus tard (ou jamais)',
        "en": 'Condition or computed default that uses a question asked later (or never)',
    },
    "rule.SK011.fix": {
        "fr": "Placez avant elle la question qu'elle utilise, ou testez une question posée plus tôt.",
        "en": 'Move the question it uses before it, or test a question asked earlier.',
    },
    "rule.SK012.summary": {
        "fr": 'Filtre ou test inconnu dans un modèle ou une expression',
        "en": 'Unknown filter or test in a template or expression',
    },
    "rule.SK012.fix": {
        "fr": 'Utilisez un filtre fourni par le kit (date_long, euros, number, slug, bullets, upper, lower…).',
        "en": 'Use a filter the kit provides (date_long, euros, number, slug, bullets, upper, lower…).',
    },
    "rule.SK013.summary": {
        "fr": "`id:` dans un fichier d'outil, différent du nom du fichier",
        "en": '`id:` in a tool file that differs from the file name',
    },
    "rule.SK013.fix": {
        "fr": "Supprimez la ligne `id:` : l'identifiant d'un outil est le nom de son fichier (renommez le fichier pour le changer).",
        "en": "Delete the `id:` line: a tool's id is its file name (rename the file to change it).",
    },
    "rule.SK014.summary": {
        "fr": "Code du kit qui dépasse son budget (temps, taille, imbrication)",
        "en": "Kit code over its budget (time, size, nesting)",
    },
    "rule.SK014.fix": {
        "fr": "Simplifiez la condition ou le modèle : pas de boucle sans fin ni de récursion, pas de texte, de liste ou de nombre démesuré (docs/kit-format.md donne les limites).",
        "en": "Simplify the condition or template: no endless loop or recursion, no huge text, list or number (docs/kit-format.md lists the limits).",
    },
    "rule.SK016.summary": {
        "fr": "Deux choix d'une question dont les libellés se lisent pareil une fois normalisés",
        "en": "Two choices of one question whose labels read the same once normalised",
    },
    "rule.SK016.fix": {
        "fr": "Donnez à chaque choix un libellé vraiment différent ; retirez les caractères invisibles et les lettres d'autres alphabets.",
        "en": "Give each choice a truly different label; remove invisible characters and letters from other alphabets.",
    },
    "rule.SK101.summary": {
        "fr": 'Question jamais utilisée par un modèle ou une condition',
        "en": 'Question never used by any template or condition',
    },
    "rule.SK101.fix": {
        "fr": 'Utilisez-la dans un modèle de document ou un `when`, ou supprimez-la.',
        "en": 'Use it in a document template or a `when`, or delete it.',
    },
    "rule.SK102.summary": {
        "fr": 'Question à laquelle aucun exemple ne répond',
        "en": 'Question that no example answers',
    },
    "rule.SK102.fix": {
        "fr": 'Ajoutez un exemple (ou une réponse à un exemple) qui passe par cette question.',
        "en": 'Add an example (or an answer to an example) that goes through this question.',
    },
    "rule.SK103.summary": {
        "fr": 'Texte anglais manquant',
        "en": 'Missing English text',
    },
    "rule.SK103.fix": {
        "fr": 'Écrivez le texte sous la forme `{{fr: ..., en: ...}}` avec sa traduction anglaise.',
        "en": 'Write the text as `{{fr: ..., en: ...}}` with an English translation.',
    },
    "rule.SK104.summary": {
        "fr": 'Contenu non relu depuis plus de 12 mois',
        "en": 'Content not reviewed for more than 12 months',
    },
    "rule.SK104.fix": {
        "fr": 'Vérifiez le contenu et ses sources, puis mettez `reviewed` à la date du jour.',
        "en": "Check the content and its sources, then set `reviewed` to today's date.",
    },
    "rule.SK105.summary": {
        "fr": 'Source sans adresse web ni référence juridique',
        "en": 'Source without a URL or a legal reference',
    },
    "rule.SK105.fix": {
        "fr": 'Donnez à la source une `url`, une `reference` (par exemple `Code de la commande publique, art. R2122-8`), ou les deux.',
        "en": 'Give the source a `url`, a `reference` (e.g. `Code de la commande publique, art. R2122-8`), or both.',
    },
    "rule.SK106.summary": {
        "fr": 'Mot anglais à la mode dans un texte français, sans son équivalent français',
        "en": 'English buzzword in French text without its French equivalent',
    },
    "rule.SK106.fix": {
        "fr": 'Utilisez le terme français officiel du glossaire, ou donnez-le à côté du mot anglais.',
        "en": 'Use the official French term from the glossary, or give it next to the English word.',
    },
    "rule.SK170.summary": {
        "fr": "Marque de langue mal écrite",
        "en": "Malformed language mark",
    },
    "rule.SK170.fix": {
        "fr": "Écrivez l'expression dans l'autre langue entre crochets, suivie sans espace de {{lang=en}} (ou {{lang=fr}} dans un texte anglais) : [design thinking]{{lang=en}}.",
        "en": "Write the phrase in the other language in square brackets, followed with no space by {{lang=en}} (or {{lang=fr}} in an English text): [design thinking]{{lang=en}}.",
    },
    "rule.SK107.summary": {
        "fr": 'Libellé de plus de 20 mots',
        "en": 'Label longer than 20 words',
    },
    "rule.SK107.fix": {
        "fr": "Raccourcissez le libellé ; mettez l'explication dans `help`.",
        "en": 'Shorten the label; put the explanation in `help`.',
    },
    "rule.SK108.summary": {
        "fr": "Condition qui ne peut jamais être vraie vu les choix qu'elle teste",
        "en": 'Condition that can never be true given the choices it tests',
    },
    "rule.SK108.fix": {
        "fr": "Comparez avec une valeur de `choices` de la question (vérifiez l'orthographe).",
        "en": "Compare with a value listed in the question's `choices` (check the spelling).",
    },
    "rule.SK109.summary": {
        "fr": 'Outil sans exemple',
        "en": 'Tool without examples',
    },
    "rule.SK109.fix": {
        "fr": 'Ajoutez au moins un exemple sous `examples:` ; les tests le rendent et vérifient ses documents.',
        "en": 'Add at least one example under `examples:`; tests render it and check its documents.',
    },
    "rule.SK110.summary": {
        "fr": 'Exemple sans date',
        "en": 'Example without a date',
    },
    "rule.SK110.fix": {
        "fr": "Donnez une `date:` à l'exemple pour que ses documents (et fichiers de référence) ne changent pas chaque jour.",
        "en": 'Give the example a `date:` so that its documents (and golden files) do not change every day.',
    },
    "rule.SK111.summary": {
        "fr": 'Texte laissé du modèle de `survivalkit new`',
        "en": 'Text left from the `survivalkit new` template',
    },
    "rule.SK111.fix": {
        "fr": 'Écrivez le vrai texte à la place de `[à remplacer]` / `[to replace]`.',
        "en": 'Write the real text in place of `[à remplacer]` / `[to replace]`.',
    },
    "rule.SK112.summary": {
        "fr": "La valeur d'un chiffre daté prend bientôt fin",
        "en": "A fact's value ends soon",
    },
    "rule.SK112.fix": {
        "fr": "Ajoutez la valeur suivante (un nouvel élément sous `values:` avec sa date `from:` et sa source) dès sa publication ; d'ici là, les documents datés après `until` invitent à la vérifier.",
        "en": "Add the value that follows (a new item under `values:` with its `from:` date and source) as soon as it is published; until then, documents dated after `until` say to check it.",
    },
    "rule.SK113.summary": {
        "fr": "Réponse d'exemple jamais utilisée car le `when` de sa question est faux",
        "en": "Example answer that is never used because its question's `when` is false",
    },
    "rule.SK113.fix": {
        "fr": "Changez les réponses de l'exemple pour que la question soit posée, ou retirez la réponse.",
        "en": "Change the example's answers so that the question is asked, or remove the answer.",
    },
    "rule.SK114.summary": {
        "fr": "Montant ou seuil écrit en dur alors qu'un chiffre daté le donne",
        "en": 'Amount or threshold typed into a text where a dated fact holds it',
    },
    "rule.SK114.fix": {
        "fr": "Écrivez `{{{{ fact('nom') }}}}` pour que le chiffre suive les changements de la loi.",
        "en": "Write `{{{{ fact('name') }}}}` so that the figure follows the law's changes.",
    },
    "rule.SK020.summary": {
        "fr": "un lien d'un modèle de document vers autre chose que https:, http: ou mailto:",
        "en": "a document template's link to anything but https:, http: or mailto:",
    },
    "rule.SK020.fix": {
        "fr": "Renvoyez à une page web (https:) ou à une adresse électronique (mailto:) ; un document envoyé ne doit rien ouvrir d'autre sur l'ordinateur de son lecteur (fichier, programme, dossier partagé).",
        "en": "Link to a web page (https:) or an e-mail address (mailto:); a document that is sent must open nothing else on its reader's computer (a file, a program, a shared folder).",
    },
    "rule.SK115.summary": {
        "fr": '`today` dans un modèle de document',
        "en": '`today` in a document template',
    },
    "rule.SK115.fix": {
        "fr": 'Écrivez `doc_date` : la date du document, que fixent `--date` et les exemples.',
        "en": "Write `doc_date`: the document's date, which `--date` and examples set.",
    },
    "rule.SK116.fix": {
        "fr": 'Ajoutez le filtre (`{{{{ reponse | {filter} }}}}`) pour que « Une imprimante » devienne « une imprimante ».',
        "en": 'Add the filter (`{{{{ answer | {filter} }}}}`) so that "Une imprimante" reads "une imprimante".',
    },
    "rule.SK116.summary": {
        "fr": "Réponse libre insérée au milieu d'une phrase sans le filtre qui met en minuscule",
        "en": 'Free-text answer inserted mid-sentence without the lower-casing filter',
    },
    "rule.SK015.summary": {
        "fr": "Donnée du projet non déclarée, ou d'un autre type que la question",
        "en": "Project datum not declared, or of another type than the question",
    },
    "rule.SK015.fix": {
        "fr": "Déclarez la donnée une fois dans kit.yaml, sous `project:` (son `type` et son `meaning`), avec le type des questions qui la remplissent.",
        "en": "Declare the datum once in kit.yaml, under `project:` (its `type` and `meaning`), with the type of the questions that fill it.",
    },
    "lint.renamed_unknown": {
        "fr": "`renamed` : `{old}` devient `{new}`, mais l'outil ne pose aucune question `{new}`{hint} ; les réponses gardées sous `{old}` ne répondraient à rien",
        "en": "`renamed`: `{old}` becomes `{new}`, but the tool asks no question `{new}`{hint}; the answers kept under `{old}` would answer nothing",
    },
    "lint.renamed_still": {
        "fr": "`renamed` : `{old}` devient `{new}`, mais l'outil pose encore une question `{old}` ; retirez l'une ou l'autre",
        "en": "`renamed`: `{old}` becomes `{new}`, but the tool still asks a question `{old}`; remove one or the other",
    },
    "rule.SK140.summary": {
        "fr": "Question renommée vers une question que l'outil ne pose pas",
        "en": "Question renamed to a question the tool does not ask",
    },
    "rule.SK140.fix": {
        "fr": "Écrivez dans `renamed` le nouvel identifiant exact d'une question de l'outil (ou d'une question commune qu'il utilise).",
        "en": "Write in `renamed` the exact new id of a question of the tool (or of a shared question it uses).",
    },
    "rule.SK141.summary": {
        "fr": "Question renommée dont l'ancien identifiant est encore posé",
        "en": "Renamed question whose old id is still asked",
    },
    "rule.SK141.fix": {
        "fr": "Retirez la ligne de `renamed` si la question n'a pas changé de nom, sinon renommez la question.",
        "en": "Remove the line from `renamed` if the question kept its name, otherwise rename the question.",
    },
    "rule.SK118.summary": {
        "fr": "Question qui demande une donnée déclarée du projet sans la remplir",
        "en": "Question that asks for a declared project datum without filling it",
    },
    "rule.SK118.fix": {
        "fr": "Si elle veut dire la même chose, écrivez `datum:` avec la même donnée ; sinon, déclarez-lui une donnée à elle (le prix du lieu n'est pas celui de l'achat).",
        "en": "If it means the same thing, write `datum:` with the same datum; otherwise declare a datum of its own (the venue's price is not the purchase's).",
    },
    "rule.SK117.summary": {
        "fr": "Valeur demandée ailleurs lue sans précaution (`earlier.x`, `situation.x`)",
        "en": "Value asked elsewhere read without a guard (`earlier.x`, `situation.x`)",
    },
    "rule.SK117.fix": {
        "fr": "Écrivez `earlier.get('x')` (vide quand la valeur manque) ou testez d'abord `'x' in earlier` ; la question est alors posée normalement.",
        "en": "Write `earlier.get('x')` (empty when the value is missing) or test `'x' in earlier` first; the question is then asked as usual.",
    },
    # new
    "new.created_folder": {"fr": "Dossier créé : {path}", "en": "Folder created: {path}"},
    "new.next_check": {"fr": "Vérifiez à chaque étape : {cmd}", "en": "Check at every step: {cmd}"},
    "new.next_look": {"fr": "Regardez le document d'un exemple : {cmd}", "en": "Look at an example's document: {cmd}"},
    # preview
    "cmd.preview": {
        "fr": "Affiche les documents d'un exemple d'un outil (ou d'un fichier de réponses), pour les relire pendant l'écriture.",
        "en": "Shows the documents of one example of a tool (or of an answers file), to read them while writing.",
    },
    "arg.preview_tool": {"fr": "Identifiant de l'outil.", "en": "The tool's id."},
    "opt.preview_example": {"fr": "Nom de l'exemple (par défaut : le premier de l'outil).", "en": "The example's name (default: the tool's first)."},
    "opt.preview_answers": {
        "fr": "Un fichier de réponses à la place d'un exemple (les valeurs par défaut complètent).",
        "en": "An answers file instead of an example (default values fill the gaps).",
    },
    "opt.preview_format": {"fr": "md (dans le terminal), html ou pdf (dans un fichier).", "en": "md (on the terminal), html or pdf (in a file)."},
    "opt.preview_output": {"fr": "Fichier à écrire (par défaut pour html et pdf : OUTIL-EXEMPLE.format ici).", "en": "File to write (default for html and pdf: TOOL-EXAMPLE.format here)."},
    "opt.preview_date": {"fr": "Date du document (par défaut : celle de l'exemple).", "en": "The document's date (default: the example's)."},
    "preview.no_example": {
        "fr": "L'outil « {id} » n'a pas d'exemple : ajoutez-en un sous `examples:`, ou donnez --answers FICHIER.yaml.",
        "en": "The tool \"{id}\" has no example: add one under `examples:`, or give --answers FILE.yaml.",
    },
    "preview.unknown_example": {
        "fr": "L'outil « {id} » n'a pas d'exemple « {name} ». Exemples : {names}.",
        "en": "The tool \"{id}\" has no example \"{name}\". Examples: {names}.",
    },
    "preview.bad_format": {"fr": "--format doit valoir md, html ou pdf, pas « {value} ».", "en": "--format must be md, html or pdf, not \"{value}\"."},
    "preview.example_or_answers": {"fr": "Donnez --example ou --answers, pas les deux.", "en": "Give --example or --answers, not both."},
    "preview.written": {"fr": "Aperçu écrit : {path}", "en": "Preview written: {path}"},
    "preview.missing": {
        "fr": "Réponses manquantes ({count}) : {keys}. Ajoutez-les au fichier de réponses (les questions qui ont une valeur par défaut la prennent).",
        "en": "Missing answers ({count}): {keys}. Add them to the answers file (questions with a default value take it).",
    },
    # validate reads the rendered documents (authoring/reading.py, rules/rendered.py)
    "lint.read.lang.fr": {"fr": "en français", "en": "in French"},
    "lint.read.lang.en": {"fr": "en anglais", "en": "in English"},
    "lint.read.case": {
        "fr": "exemple « {name} » {language}",
        "en": "example `{name}` {language}",
    },
    "lint.read.case_changed": {
        "fr": "exemple « {name} » avec `{changed}` {language}",
        "en": "example `{name}` with `{changed}` {language}",
    },
    "lint.read.branch_fails": {
        "fr": "{case} : le document ne se fabrique pas ({reason}) ; une réponse possible de l'agent mène là",
        "en": "{case}: the document cannot be made ({reason}); an answer the agent may give leads there",
    },
    "lint.read.SK030": {
        "fr": "document « {document} », {case} : le document affiche « {excerpt} » ; « {detail} » "
              "est une réponse vide ou une liste écrite comme en Python : testez la réponse avec "
              "{{% if … %}} et écrivez une liste avec {{{{ … | join(', ') }}}}",
        "en": "document `{document}`, {case}: the document reads \"{excerpt}\"; `{detail}` is an "
              "empty answer or a list as Python writes it: test the answer with {{% if … %}} and "
              "write a list with {{{{ … | join(', ') }}}}",
    },
    "lint.read.SK030.unanswered": {
        "fr": "document « {document} », {case} : la question `{detail}` n'a pas de réponse ici "
              "(sa condition `when` est fausse, ou elle est facultative) et le document affiche "
              "« {excerpt} » : mettez la phrase dans {{% if {detail} %}}…{{% endif %}}",
        "en": "document `{document}`, {case}: question `{detail}` has no answer here (its `when` "
              "is false, or it is optional) and the document reads \"{excerpt}\": put the "
              "sentence inside {{% if {detail} %}}…{{% endif %}}",
    },
    "lint.read.SK131": {
        "fr": "document « {document} », {case} : « {excerpt} » : `**` est ouvert et jamais fermé "
              "dans ce paragraphe ; le document montrera les astérisques : fermez-le (**texte**)",
        "en": "document `{document}`, {case}: \"{excerpt}\": `**` is opened and never closed in "
              "this paragraph; the document will show the asterisks: close it (**text**)",
    },
    "lint.read.SK132": {
        "fr": "document « {document} », {case} : « {excerpt} » : « {detail} » ne se dit pas (au, "
              "du, aux, des) ; la réponse commence par un article : reformulez autour "
              "(« lieu : {{{{ … }}}} ») ou demandez-la sans article",
        "en": "document `{document}`, {case}: \"{excerpt}\": \"{detail}\" is not French (au, du, "
              "aux, des); the answer starts with an article: rephrase around it (« lieu : "
              "{{{{ … }}}} ») or ask for it without the article",
    },
    "lint.read.SK133": {
        "fr": "document « {document} », {case} : « {excerpt} » : « {detail} » est écrit selon "
              "l'usage de l'autre langue ; en anglais écrivez {{{{ montant | euros('EUR_HT', 'en') }}}}, "
              "{{{{ fact('nom').value | euros('EUR_TTC', 'en') }}}}, {{{{ doc_date | date_long('en') }}}}, "
              "{{{{ n | number('en') }}}}",
        "en": "document `{document}`, {case}: \"{excerpt}\": \"{detail}\" is written the other "
              "language's way; in English write {{{{ montant | euros('EUR_HT', 'en') }}}}, "
              "{{{{ fact('name').value | euros('EUR_TTC', 'en') }}}}, {{{{ doc_date | date_long('en') }}}}, "
              "{{{{ n | number('en') }}}}",
    },
    "lint.read.SK133.raw": {
        "fr": "document « {document} », {case} : « {excerpt} » : « {detail} » est écrit tel que le "
              "programme le garde, pas comme un lecteur l'écrit : écrivez {{{{ date | date_long }}}}, "
              "{{{{ montant | euros }}}} ou {{{{ n | number }}}} (avec 'en' dans le modèle anglais)",
        "en": "document `{document}`, {case}: \"{excerpt}\": \"{detail}\" is written as the program "
              "stores it, not as a reader writes it: write {{{{ date | date_long('en') }}}}, "
              "{{{{ amount | euros('EUR', 'en') }}}} or {{{{ n | number('en') }}}} ('en' only in the "
              "English template)",
    },
    "lint.read.SK134": {
        "fr": "document « {document} », {case} : le titre « {detail} » est vide : ce qu'il devait "
              "afficher est vide ; mettez le titre entier dans le {{% if %}} ou écrivez son texte",
        "en": "document `{document}`, {case}: the heading \"{detail}\" is empty: what it prints is "
              "empty; put the whole heading inside the {{% if %}} or write its text",
    },
    "lint.read.SK135": {
        "fr": "document « {document} », {case} : « {excerpt} » : ponctuation doublée « {detail} » ; "
              "la réponse finit sans doute déjà par ce signe : enlevez celui du modèle ou placez la "
              "réponse en fin de ligne",
        "en": "document `{document}`, {case}: \"{excerpt}\": doubled punctuation \"{detail}\"; the "
              "answer probably ends with it already: remove the template's own or put the answer "
              "at the end of the line",
    },
    "lint.read.SK136": {
        "fr": "document « {document} », {case} : « {excerpt} » : le pourcentage {detail} s'affiche "
              "sans « % » : écrivez {{{{ fact('…') }}}} %",
        "en": "document `{document}`, {case}: \"{excerpt}\": the percentage {detail} is printed "
              "without \"%\": write {{{{ fact('…') }}}}%",
    },
    "lint.raw_choice": {
        "fr": "{what} : {{{{ {name} }}}} affiche la valeur enregistrée (« {value} »), pas le texte "
              "du choix : écrivez la phrase selon le choix ({{% if {name} == '{value}' %}}…{{% endif %}})",
        "en": "{what}: {{{{ {name} }}}} prints the stored value (\"{value}\"), not the choice's "
              "text: write the sentence for each choice ({{% if {name} == '{value}' %}}…{{% endif %}})",
    },
    "rule.SK030.summary": {
        "fr": 'Une réponse vide (« None ») ou une liste écrite comme en Python dans un document',
        "en": 'An empty answer ("None") or a list as Python writes it in a document',
    },
    "rule.SK030.fix": {
        "fr": "Testez la réponse avec `{{% if question %}}` avant de l'écrire, et écrivez une liste avec `{{{{ liste | join(', ') }}}}`.",
        "en": "Test the answer with `{{% if question %}}` before printing it, and print a list with `{{{{ list | join(', ') }}}}`.",
    },
    "rule.SK130.summary": {
        "fr": 'Réponse à choix écrite telle quelle : le document affiche la valeur enregistrée, pas le texte du choix',
        "en": "Choice answer printed as is: the document shows the stored value, not the choice's text",
    },
    "rule.SK130.fix": {
        "fr": "Écrivez la phrase selon le choix (`{{% if nature == 'travaux' %}}des travaux{{% endif %}}`).",
        "en": "Write the sentence for each choice (`{{% if nature == 'travaux' %}}works{{% endif %}}`).",
    },
    "rule.SK131.summary": {
        "fr": 'Gras (`**`) ouvert et jamais fermé dans un paragraphe du document',
        "en": 'Bold (`**`) opened and never closed in a paragraph of the document',
    },
    "rule.SK131.fix": {
        "fr": 'Fermez le gras dans le même paragraphe : `**texte**`.',
        "en": 'Close the bold in the same paragraph: `**text**`.',
    },
    "rule.SK132.summary": {
        "fr": '« à le », « de le », « à les » ou « de les » dans un document : une réponse qui commence par un article après « à » ou « de »',
        "en": '« à le », « de le », « à les » or « de les » in a document: an answer starting with an article after « à » or « de »',
    },
    "rule.SK132.fix": {
        "fr": 'Reformulez autour de la réponse (« Lieu : {{{{ lieu }}}} ») ou demandez-la sans article.',
        "en": 'Rephrase around the answer (« Lieu : {{{{ lieu }}}} ») or ask for it without the article.',
    },
    "rule.SK133.summary": {
        "fr": "Nombre, date ou montant écrit selon l'usage de l'autre langue (« 5 000 € TTC » dans un document anglais)",
        "en": 'Number, date or amount written the other language\'s way ("5 000 € TTC" in an English document)',
    },
    "rule.SK133.fix": {
        "fr": "Dans le modèle anglais, donnez la langue aux filtres : `euros('EUR_HT', 'en')`, `date_long('en')`, `number('en')` ; pour un fait, `fact('nom').value | euros('EUR_TTC', 'en')`.",
        "en": "In the English template, give the filters the language: `euros('EUR_HT', 'en')`, `date_long('en')`, `number('en')`; for a fact, `fact('name').value | euros('EUR_TTC', 'en')`.",
    },
    "rule.SK134.summary": {
        "fr": 'Titre vide dans un document',
        "en": 'Empty heading in a document',
    },
    "rule.SK134.fix": {
        "fr": 'Écrivez le texte du titre, ou mettez tout le titre dans le `{{% if %}}` qui le remplit.',
        "en": "Write the heading's text, or put the whole heading inside the `{{% if %}}` that fills it.",
    },
    "rule.SK135.summary": {
        "fr": 'Ponctuation doublée dans un document (« .. », « ., », « : : »)',
        "en": 'Doubled punctuation in a document ("..", ".,", ": :")',
    },
    "rule.SK135.fix": {
        "fr": 'Une réponse finit souvent par un point : enlevez celui du modèle, ou placez la réponse en fin de phrase.',
        "en": "An answer often ends with a full stop: remove the template's own, or put the answer at the end of the sentence.",
    },
    "rule.SK136.summary": {
        "fr": 'Pourcentage écrit sans « % »',
        "en": 'Percentage printed without "%"',
    },
    "rule.SK136.fix": {
        "fr": "Écrivez le signe après le fait : `{{{{ fact('taux') }}}} %`.",
        "en": "Write the sign after the fact: `{{{{ fact('rate') }}}}%`.",
    },
    "rule.SK031.summary": {
        "fr": "Valeur par défaut (`default`) qui ne serait pas acceptée comme réponse : mauvais type, choix absent, motif, limites, dates",
        "en": "Default (`default`) that would not be accepted as an answer: wrong type, not among the choices, pattern, limits, dates",
    },
    "rule.SK031.fix": {
        "fr": "Écrivez la valeur comme l'agent la taperait en français (`default: 12000` pour un montant, la `value` d'un choix, `2026-12-01` pour une date), dans les limites de la question.",
        "en": "Write the value as the agent would type it in French (`default: 12000` for an amount, a choice's `value`, `2026-12-01` for a date), within the question's limits.",
    },
    "default.unfit": {
        "fr": "{where}question `{id}` : la valeur par défaut (`{key}`) donne « {value} », qui ne convient pas à la question : {reason} Corrigez le kit (survivalkit validate le signale).",
        "en": "{where}question `{id}`: the default (`{key}`) gives \"{value}\", which does not fit the question: {reason} Fix the kit (survivalkit validate reports it).",
    },
    "lint.term_redefined": {
        "fr": "le terme « {term} » est déjà défini en {earlier} avec un autre sens ; l'agent lirait les deux : gardez une seule définition, ou nommez autrement le terme de cette édition",
        "en": "the term \"{term}\" is already defined at {earlier} with another meaning; agents would read both: keep one definition, or name this edition's term differently",
    },
    "lint.fact_gap": {
        "fr": "`{name}` : la valeur précédente s'arrête le {until} et celle-ci ne commence que le {start} ; entre les deux, les documents n'auraient pas de valeur : faites commencer celle-ci le lendemain de la fin de la précédente",
        "en": "`{name}`: the previous value ends on {until} and this one only starts on {start}; in between, documents would have no value: start this one the day after the previous one ends",
    },
    "lint.fact_overlap": {
        "fr": "`{name}` : la valeur précédente court jusqu'au {until}, mais celle-ci commence dès le {start} ; les deux valeurs se chevauchent : faites commencer celle-ci le lendemain de la fin de la précédente",
        "en": "`{name}`: the previous value runs until {until}, but this one already starts on {start}; the two values overlap: start this one the day after the previous one ends",
    },
    "rule.SK137.summary": {
        "fr": "Terme du glossaire redéfini par une autre couche du kit avec un autre sens",
        "en": "Glossary term redefined by another kit layer with another meaning",
    },
    "rule.SK137.fix": {
        "fr": "Gardez une seule définition (supprimez celle de la couche), ou donnez un autre nom au terme de cette édition.",
        "en": "Keep one definition (delete the layer's), or give this edition's term another name.",
    },
    "rule.SK138.summary": {
        "fr": "Valeurs d'un fait dont les dates laissent un trou ou se chevauchent",
        "en": "Fact values whose dates leave a gap or overlap",
    },
    "lint.expect_french_quotes": {
        "fr": "des guillemets français « « … » » (avec leurs espaces) au lieu de « \"…\" »",
        "en": "French quotation marks \"« … »\" (with their spaces) instead of '\"…\"'",
    },
    "rule.SK190.summary": {
        "fr": "Source ou valeur d'un fait marquée « à vérifier » : un point que le kit tient pour vrai sans l'avoir encore vérifié",
        "en": "Source or fact value marked \"to be checked\": a point the kit holds true without having verified it yet",
    },
    "rule.SK190.fix": {
        "fr": "Vérifiez le point dans le texte officiel (Légifrance, EUR-Lex, le site de l'administration qui l'a publié), corrigez l'outil s'il le faut, puis retirez `to_check`.",
        "en": "Check the point in the official text (Légifrance, EUR-Lex, the publishing administration's site), correct the tool if needed, then remove `to_check`.",
    },
    "rule.SK180.summary": {
        "fr": "Réponse passée à `capitalize` ou `title`, qui changent ses majuscules",
        "en": "Answer passed to `capitalize` or `title`, which change its capitals",
    },
    "rule.SK180.fix": {
        "fr": "Écrivez la réponse telle qu'elle a été tapée (`{{{{ nom }}}}`), ou avec `| milieu` au "
              "milieu d'une phrase.",
        "en": "Print the answer as typed (`{{{{ nom }}}}`), or with `| milieu` inside a sentence.",
    },
    "lint.case_filter": {
        "fr": "{what} : `{{{{ {name} | {filter} }}}}` change les majuscules de la réponse : {example} ; "
              "écrivez {{{{ {name} }}}} tel que tapé, ou {{{{ {name} | milieu }}}} au milieu d'une phrase",
        "en": "{what}: `{{{{ {name} | {filter} }}}}` changes the answer's capitals: {example}; print "
              "{{{{ {name} }}}} as typed, or {{{{ {name} | milieu }}}} inside a sentence",
    },
    "lint.case_filter.capitalize": {
        "fr": "« Camille Durand » deviendrait « Camille durand », « Quai des Savoirs » « Quai des savoirs »",
        "en": "\"Camille Durand\" would become \"Camille durand\", \"Quai des Savoirs\" \"Quai des savoirs\"",
    },
    "lint.case_filter.title": {
        "fr": "« Maison de la Loire » deviendrait « Maison De La Loire », « DDT » « Ddt »",
        "en": "\"Maison de la Loire\" would become \"Maison De La Loire\", \"DDT\" \"Ddt\"",
    },
    "rule.SK138.fix": {
        "fr": "Faites commencer chaque valeur (`from`) le lendemain de la fin (`until`) de la précédente.",
        "en": "Start each value (`from`) the day after the previous one's end (`until`).",
    },
    "lint.shared_not_used": {
        "fr": "{what} : `{name}` est une question commune de kit.yaml (`shared`) que l'outil ne déclare pas : ajoutez-la à `uses` (uses: [{uses}])",
        "en": "{what}: `{name}` is a shared question of kit.yaml (`shared`) that the tool does not declare: add it to `uses` (uses: [{uses}])",
    },
    "lint.casing_filter": {
        "fr": " ; n'utilisez pas `capitalize` ni `title`, qui mettent le reste en minuscules (« la Cantine » deviendrait « La cantine ») : en début de phrase, écrivez la réponse telle quelle ; au milieu d'une phrase, ajoutez `| {filter}`",
        "en": "; do not use `capitalize` or `title`, which lower the rest (\"la Cantine\" would read \"La cantine\"): at the start of a sentence, print the answer as typed; mid-sentence, add `| {filter}`",
    },
    "lint.expect_lookalike": {
        "fr": "exemple « {name} » : « {text} » n'est pas dans les documents en français, à des caractères près qui se ressemblent : le document a {differences} ; écrivez-les comme le document",
        "en": "example `{name}`: `{text}` is not in the French documents, but for characters that look alike: the document has {differences}; write them as the document does",
    },
    "sheets.bad_layout": {
        "fr": "mise en page inconnue « {value} » ; connues : {known}",
        "en": "unknown layout \"{value}\"; known: {known}",
    },
}
