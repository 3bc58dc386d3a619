"""Messages of the ``survivalkit sessions`` command: the unfinished work kept on this computer."""

from __future__ import annotations

MESSAGES_SESSIONS: dict[str, dict[str, str]] = {
    "cmd.sessions": {
        "fr": "Liste le travail non terminé gardé sur cet ordinateur (sessions et copies de réserve) ; --restore en rétablit une.",
        "en": "Lists the unfinished work kept on this computer (sessions and backups); --restore brings one back.",
    },
    "opt.sessions_restore": {
        "fr": "Rétablir cette session (son identifiant, ou son début) : elle sera proposée à la prochaine reprise.",
        "en": "Bring this session back (its id, or its start): it will be offered the next time.",
    },
    "sessions.restored": {
        "fr": "Session {id} ({what}) rétablie. Pour la reprendre : {cmd}",
        "en": "Session {id} ({what}) brought back. To resume it: {cmd}",
    },
    "sessions.none": {"fr": "Aucun travail non terminé sur cet ordinateur.", "en": "No unfinished work on this computer."},
    "sessions.title": {"fr": "Travail non terminé", "en": "Unfinished work"},
    "sessions.in_use": {"fr": "en cours d'utilisation", "en": "in use"},
    "sessions.latest": {"fr": "la plus récente (proposée à la reprise)", "en": "latest (offered on resume)"},
    "sessions.backup": {"fr": "copie de réserve", "en": "backup"},
    "sessions.col.id": {"fr": "Identifiant", "en": "Id"},
    "sessions.col.what": {"fr": "Outil ou parcours", "en": "Tool or journey"},
    "sessions.col.saved": {"fr": "Enregistrée le", "en": "Saved on"},
    "sessions.col.answers": {"fr": "Réponses", "en": "Answers"},
    "sessions.col.state": {"fr": "État", "en": "State"},
    "sessions.hint": {
        "fr": "Pour reprendre une copie de réserve : survivalkit sessions --restore IDENTIFIANT, puis relancez l'outil ou le parcours.",
        "en": "To resume a backup: survivalkit sessions --restore ID, then run the tool or the journey again.",
    },
}
