"""The text of a new tool file: every section commented, one question of each kind, one example."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

from survivalkit.kit.base import TOOL_ID_PATTERN
from survivalkit.kit.model import Kit, Question, QuestionType

PLACEHOLDER_FR = "[à remplacer]"
"""Marks a text the contributor still has to write (lint rule SK111 finds what is left)."""
PLACEHOLDER_EN = "[to replace]"
MAX_ID_LENGTH = 64
DEFAULT_SCHEMA_REF = "../../schema/tool.schema.json"

SAMPLES: dict[str, str] = {
    "nom": "Camille Durand",
    "fonction": "Chargée de mission innovation",
    "organisation": "Mairie de Montreuil",
    "service": "Mission modernisation",
    "courriel": "camille.durand@montreuil.fr",
    "ville": "Montreuil",
    "projet_nom": "Rendez-vous en ligne à l'accueil",
    "projet_description": (
        "Les usagers attendent longtemps au guichet. "
        "Nous voulons tester la prise de rendez-vous en ligne."
    ),
    "usagers": "Les 4 000 personnes reçues chaque année à l'accueil",
    "responsable_nom": "Dominique Bernard",
    "responsable_fonction": "Directrice générale adjointe",
}
"""Plausible answers for the bundled kit's profile and shared questions."""


def valid_tool_id(tool_id: str) -> bool:
    """Whether ``tool_id`` is a lowercase slug (words joined by dashes), 64 characters at most."""
    return bool(re.fullmatch(TOOL_ID_PATTERN, tool_id)) and len(tool_id) <= MAX_ID_LENGTH


def schema_ref(folder: Path) -> str:
    """The relative path from ``folder`` to the nearest ``schema/tool.schema.json`` above it."""
    start = folder.resolve()
    for parent in (start, *start.parents):
        candidate = parent / "schema" / "tool.schema.json"
        if candidate.is_file():
            return Path(os.path.relpath(candidate, start)).as_posix()
    return DEFAULT_SCHEMA_REF


def _quote(value: object) -> str:
    """A YAML scalar: strings double-quoted (JSON is valid YAML), the rest as written."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def sample_answer(question: Question, day: dt.date) -> object:
    """A plausible answer for a kit question the example must give."""
    if question.id in SAMPLES:
        return SAMPLES[question.id]
    kind = question.type
    if question.choices:
        first = question.choices[0].value
        return [first] if kind == QuestionType.MULTICHOICE else first
    if kind == QuestionType.BOOL:
        return False
    if kind in (QuestionType.AMOUNT, QuestionType.NUMBER, QuestionType.INTEGER):
        return int(question.min) if question.min is not None and question.min > 0 else 1
    if kind == QuestionType.DATE:
        return day.isoformat()
    if kind == QuestionType.EMAIL:
        return "prenom.nom@exemple.fr"
    if kind == QuestionType.URL:
        return "https://www.exemple.fr"
    return "Une réponse d'exemple, assez longue pour passer les contrôles."


def _relevance(kit: Kit) -> str:
    for q in kit.info.situation:
        if q.type == QuestionType.MULTICHOICE and q.choices:
            value = q.choices[0].value
            return (
                "# Quand le parcours guidé recommande l'outil : une condition sur les réponses de\n"
                "# situation (voir `situation:` dans kit.yaml), et la raison donnée à l'agent.\n"
                "relevance:\n"
                f"  - when: \"'{value}' in {q.id}\"\n"
                "    why:\n"
                f"      fr: \"{PLACEHOLDER_FR} Pourquoi cet outil aide dans cette situation.\"\n"
                f"      en: \"{PLACEHOLDER_EN} Why this tool helps in this situation.\"\n"
                "    weight: 1\n"
            )
    return "# relevance: [] : quand le parcours recommande l'outil (voir docs/kit-format.md).\n"


def _example_answers(kit: Kit, uses: list[str], day: dt.date) -> str:
    lines = []
    shared = kit.shared_by_id()
    for q in [*kit.info.profile, *(shared[u] for u in uses)]:
        if q.required and q.when is None:
            lines.append(f"      {q.id}: {_quote(sample_answer(q, day))}")
    lines += [
        '      resultat: "Diviser par deux l\'attente au guichet"',
        "      delai: court",
        '      delai_raison: "Le marché actuel de l\'accueil se termine en mars."',
    ]
    return "\n".join(lines)


def new_tool_text(
    tool_id: str, kit: Kit, *, today: dt.date, schema: str = DEFAULT_SCHEMA_REF
) -> str:
    """A commented tool file that validates against ``kit``, for the contributor to fill in."""
    stage = kit.stage_ids()[0] if kit.stage_ids() else "idee"
    stage_list = ", ".join(kit.stage_ids()) or stage
    uses = ["projet_nom"] if "projet_nom" in kit.shared_by_id() else []
    project = "{{ projet_nom }}" if uses else "{{ resultat }}"
    filename = "note-{{ projet_nom | slug }}" if uses else "note-{{ resultat | slug }}"
    return _TEMPLATE.format(
        schema=schema,
        tool_id=tool_id,
        ph_fr=PLACEHOLDER_FR,
        ph_en=PLACEHOLDER_EN,
        stage=stage,
        stage_list=stage_list,
        relevance=_relevance(kit),
        today=today.isoformat(),
        uses=f"uses: [{', '.join(uses)}]" if uses else "uses: []",
        project=project,
        filename=filename,
        answers=_example_answers(kit, uses, today),
    )


_TEMPLATE = """\
# yaml-language-server: $schema={schema}
# Outil « {tool_id} ». Le nom du fichier est l'identifiant de l'outil.
# Chaque clé est décrite dans docs/kit-format.md ; le pas à pas est dans docs/adding-a-tool.md.
# Remplacez chaque texte marqué {ph_fr} / {ph_en}, puis vérifiez :
#   survivalkit validate --strict kit/tools/{tool_id}.yaml
# Un texte s'écrit soit en français seul, soit {{fr: ..., en: ...}} (la traduction anglaise
# est attendue : validate le signale quand elle manque).
schema_version: 1

# Le nom de l'outil, et ce qu'il apporte à l'agent en une ou deux phrases.
title:
  fr: "{ph_fr} Nom de l'outil"
  en: "{ph_en} Tool name"
summary:
  fr: "{ph_fr} Ce que l'outil apporte à l'agent, en une ou deux phrases."
  en: "{ph_en} What the tool gives the agent, in one or two sentences."

# Les étapes du parcours où l'outil sert, parmi : {stage_list}.
stages: [{stage}]

{relevance}
# Date de la dernière vérification du contenu (AAAA-MM-JJ) ; validate avertit au bout de 12 mois.
reviewed: {today}

# Les textes qui fondent le contenu : une adresse (url), une référence juridique (reference),
# ou les deux.
sources:
  - title:
      fr: "{ph_fr} Titre du texte ou de la page"
      en: "{ph_en} Title of the text or page"
    reference: "{ph_fr} Code, article"
    url: https://www.legifrance.gouv.fr/

# La fiche imprimable, aussi montrée avant les questions.
sheet:
  when_to_use:
    fr: "{ph_fr} Dans quelle situation l'outil aide."
    en: "{ph_en} In which situation the tool helps."
  steps:
    - fr: "{ph_fr} Première chose à faire."
      en: "{ph_en} First thing to do."
    - fr: "{ph_fr} Deuxième chose à faire."
      en: "{ph_en} Second thing to do."
  tips:
    - fr: "{ph_fr} Un conseil de quelqu'un qui l'a fait."
      en: "{ph_en} Advice from someone who did it."
  pitfalls:
    - fr: "{ph_fr} Une erreur à éviter."
      en: "{ph_en} A mistake to avoid."
  next_steps:
    - fr: "{ph_fr} Que faire une fois les documents écrits."
      en: "{ph_en} What to do once the documents are written."

# Questions communes de kit.yaml (`shared:`) dont l'outil a besoin ; posées une fois par parcours.
{uses}

# Les questions propres à l'outil, dans l'ordre. Types : text, longtext, integer, number, amount,
# bool, choice, multichoice, date, email, url. Un libellé tient en moins de 20 mots ; l'aide
# (help) explique pourquoi on demande et comment répondre.
questions:
  - id: resultat
    label:
      fr: "{ph_fr} Quel résultat attendez-vous ?"
      en: "{ph_en} What result do you expect?"
    help:
      fr: "{ph_fr} Pourquoi on le demande et comment répondre, avec un exemple."
      en: "{ph_en} Why it is asked and how to answer, with an example."
    max_length: 200
  - id: delai
    type: choice
    label:
      fr: "{ph_fr} Dans quel délai ?"
      en: "{ph_en} Within what time?"
    choices:
      - value: court
        label: {{fr: "Moins de trois mois", en: "Less than three months"}}
      - value: long
        label: {{fr: "Plus de trois mois", en: "More than three months"}}
  # `when` : la question n'est posée que si la condition est vraie (réponses précédentes).
  - id: delai_raison
    type: longtext
    label:
      fr: "{ph_fr} Pourquoi est-ce pressé ?"
      en: "{ph_en} Why is it urgent?"
    when: "delai == 'court'"
    required: false
    max_length: 1000

# Les documents écrits à partir des réponses. Le modèle est du Markdown avec des variables
# {{{{ id_de_question }}}} et des conditions {{% if ... %}} ; les seuils se lisent avec fact('nom').
documents:
  - id: note
    title:
      fr: "{ph_fr} Titre du document"
      en: "{ph_en} Document title"
    filename: "{filename}"
    template:
      fr: |
        # {project}

        **De :** {{{{ nom }}}}, {{{{ fonction }}}}, {{{{ organisation }}}}

        **Date :** {{{{ doc_date | date_long }}}}

        Résultat attendu : {{{{ resultat }}}}.
        {{% if delai == 'court' %}}

        C'est pressé{{% if delai_raison %}} : {{{{ delai_raison }}}}{{% endif +%}}
        {{% endif %}}

        {ph_fr} La suite du document.
      en: |
        # {project}

        **From:** {{{{ nom }}}}, {{{{ fonction }}}}, {{{{ organisation }}}}

        **Date:** {{{{ doc_date | date_long('en') }}}}

        Expected result: {{{{ resultat }}}}.
        {{% if delai == 'court' %}}

        It is urgent{{% if delai_raison %}}: {{{{ delai_raison }}}}{{% endif +%}}
        {{% endif %}}

        {ph_en} The rest of the document.

# Des réponses d'exemple : les tests et validate les rendent, et vérifient que chaque texte de
# `expect` figure dans le document français. Couvrez chaque branche (chaque `when`, chaque `if`).
examples:
  - name: exemple
    description:
      fr: "{ph_fr} La situation que couvre cet exemple"
      en: "{ph_en} The situation this example covers"
    date: {today}
    answers:
{answers}
    expect: ["Diviser par deux"]
"""
