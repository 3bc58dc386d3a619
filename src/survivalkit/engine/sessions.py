"""Autosave for a run: which session to continue, saving after every answer, the resume hint.

An unfinished session is never dropped silently: at the terminal it is offered (continue is the
default; starting again keeps it as a backup); without one, the user is told how to resume it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from survivalkit.engine.frontend import Frontend
from survivalkit.engine.interview import Interview, run_interview
from survivalkit.engine.store import ProjectInfo, Session, SessionInfo, Store, count_answers
from survivalkit.errors import SessionError
from survivalkit.i18n import t
from survivalkit.kit.model import Choice, Kit, Localized, Question, QuestionType, tr


class Autosave:
    """Saves a run's state into its session; a failure is reported once and remembered."""

    def __init__(self, session: Session | None, report: Callable[[str], None], lang: str) -> None:
        self.session = session
        self.report = report
        self.lang = lang
        self.ok = session is not None
        """Whether the last save worked (so "your answers are saved" is only said when true)."""
        self.nothing = True
        """Whether the session holds no answer of the work yet (then it is not written at all)."""
        self._warned = False

    def save(self, payload: dict[str, Any]) -> bool:
        """Write ``payload``; on failure say so once, and go on. A state without any answer of
        the work (only the saved profile, or nothing) is not written: there is nothing to resume."""
        if self.session is None:
            return False
        if count_answers(payload.get("state")) == 0:
            self.nothing = True
            try:
                self.session.path.unlink(missing_ok=True)  # "<" back to nothing: forget it too
            except OSError:
                pass
            return False
        self.nothing = False
        try:
            self.session.save(payload)
        except SessionError as exc:
            self.ok = False
            if not self._warned:
                self._warned = True
                self.report(t("save.failed", self.lang, error=exc))
            return False
        self.ok = True
        return True

    def finish(self) -> None:
        """The documents are written: forget the session."""
        if self.session is not None:
            try:
                self.session.finish()
            except SessionError as exc:
                self.report(exc.say(self.lang))

    def release(self) -> None:
        """The run stops unfinished: keep the session, let other runs take it."""
        if self.session is not None:
            self.session.release()

    def discard(self) -> None:
        """The run failed before anyone typed anything (an answers file): leave no session."""
        if self.session is not None:
            try:
                self.session.finish()
            except SessionError:
                self.session.release()


@dataclass(frozen=True)
class Opened:
    """The session a run saves into, and the state it continues (None for a fresh start)."""

    autosave: Autosave
    restored: dict[str, Any] | None


def open_session(
    store: Store | None,
    key: str,
    *,
    resume: bool | None,
    interactive: bool,
    scripted: bool,
    frontend: Frontend | None,
    lang: str,
    resume_command: str,
    report: Callable[[str], None],
) -> Opened:
    """Choose the session of this run.

    ``resume``: True continues the newest session (``--resume``); None offers it at the terminal
    when no answers were scripted; False starts afresh. A session that another living run holds
    is never taken.
    """
    if store is None:
        return Opened(Autosave(None, report, lang), None)
    try:
        latest = store.latest(key)
    except OSError:
        latest = None
    choice = _decide(latest, resume=resume, interactive=interactive, scripted=scripted,
                     frontend=frontend, lang=lang, resume_command=resume_command, report=report)
    try:
        if choice is not None:
            session = store.open(key, choice.id)
            try:
                data = session.load()
            except SessionError as exc:
                report(exc.say(lang))
                data = None
            autosave = Autosave(session, report, lang)
            autosave.nothing = count_answers((data or {}).get("state")) == 0
            return Opened(autosave, data)  # load() checked its shape
        return Opened(Autosave(store.open(key), report, lang), None)
    except SessionError as exc:
        report(t("save.failed", lang, error=exc))
        return Opened(Autosave(None, report, lang), None)


def _decide(
    latest: SessionInfo | None,
    *,
    resume: bool | None,
    interactive: bool,
    scripted: bool,
    frontend: Frontend | None,
    lang: str,
    resume_command: str,
    report: Callable[[str], None],
) -> SessionInfo | None:
    if resume is True:
        if latest is None:
            report(t("resume.none", lang))
        return latest
    if latest is None or resume is False:
        return None
    if scripted or not interactive or frontend is None:
        report(t("session.exists", lang, when=latest.shown_at, n=latest.answers,
                 cmd=resume_command))
        return None
    if _ask_continue(frontend, latest, lang):
        return latest
    report(t("session.backup", lang, id=latest.id))
    return None


def _ask_continue(frontend: Frontend, latest: SessionInfo, lang: str) -> bool:
    """Continue (the default) or start again, asked like any other question."""
    when = latest.shown_at
    question = Question(
        id="reprendre",
        type=QuestionType.CHOICE,
        label=Localized(fr=t("session.ask", "fr", when=when, n=latest.answers),
                        en=t("session.ask", "en", when=when, n=latest.answers)),
        choices=[
            Choice(value="continuer", label=Localized(fr=t("session.continue", "fr"),
                                                      en=t("session.continue", "en"))),
            Choice(value="recommencer", label=Localized(fr=t("session.restart", "fr"),
                                                        en=t("session.restart", "en"))),
        ],
        default="continuer",
    )
    interview = Interview([question], lang=lang)
    answers = run_interview(interview, frontend, recap=False)
    return bool(answers.get("reprendre") != "recommencer")


MAX_OFFERED_PROJECTS = 5
"""The journey offers the most recent projects in progress only (``survivalkit sessions`` lists all)."""


@dataclass(frozen=True)
class Start:
    """Where the journey starts: its unfinished session (``resume``), a project in progress, or anew."""

    resume: bool | None
    project: Path | None = None


def choose_start(store: Store | None, key: str, *, frontend: Frontend | None, lang: str,
                 kit: Kit, report: Callable[[str], None]) -> Start:
    """At a terminal, nothing scripted: resume the unfinished session, continue a project in
    progress, or start a new project (asked like any other question; the first offer is the
    default). With no project in progress, the session alone is offered as before."""
    if store is None or frontend is None:
        return Start(None)
    try:
        projects = store.projects()[:MAX_OFFERED_PROJECTS]
        latest = store.latest(key)
    except (OSError, SessionError):
        return Start(None)
    if not projects:
        return Start(None)
    choices = []
    if latest is not None:
        choices.append(Choice(value="session", label=_both("start.session", when=latest.shown_at, n=latest.answers)))
    names = [p.name for p in projects]
    for n, project in enumerate(projects):
        where = f" — {_shown_folder(project.path)}" if names.count(project.name) > 1 else ""
        choices.append(Choice(value=f"projet_{n}", label=Localized(
            fr=_project_label(project, kit, "fr") + where, en=_project_label(project, kit, "en") + where)))
    choices.append(Choice(value="nouveau", label=_both("start.new")))
    question = Question(id="commencer", type=QuestionType.CHOICE, label=_both("start.ask"), choices=choices,
                        default=choices[0].value)
    answer = run_interview(Interview([question], lang=lang), frontend, recap=False).get("commencer")
    if answer == "session":
        return Start(True)
    if latest is not None:
        report(t("session.backup", lang, id=latest.id))
    if isinstance(answer, str) and answer.startswith("projet_"):
        return Start(False, projects[int(answer.removeprefix("projet_"))].path)
    return Start(False)


def _shown_folder(path: Path) -> str:
    """The folder as the agent knows it: relative to the current folder when inside it."""
    try:
        return os.curdir + os.sep + str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _both(key: str, **values: object) -> Localized:
    return Localized(fr=t(key, "fr", **values), en=t(key, "en", **values))


def _project_label(project: ProjectInfo, kit: Kit, lang: str) -> str:
    import datetime as dt

    from survivalkit.text.typography import format_date_long

    try:
        when = format_date_long(dt.date.fromisoformat(project.last), lang)
    except ValueError:
        when = project.last or "?"
    tools = ", ".join(tr(kit.tools[tid].title, lang) if tid in kit.tools else tid for tid in project.tools)
    return t("start.project", lang, name=project.name, tools=tools, date=when)
