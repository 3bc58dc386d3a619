"""One tool run: its interview, the answer sources, the autosaved session, then its documents.

Used by ``survivalkit run`` and by each tool of the journey; imports no terminal code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from survivalkit.engine.answers import to_plain
from survivalkit.engine.frontend import Frontend
from survivalkit.engine.interview import Interview, run_interview
from survivalkit.engine.replay import Settings, kit_stamp, tool_answers_yaml
from survivalkit.engine.sessions import Autosave
from survivalkit.engine.sources import AnswerSources, apply_sources, require_complete
from survivalkit.engine.store import Store
from survivalkit.errors import SessionError
from survivalkit.i18n import t
from survivalkit.kit.glossary import find_terms
from survivalkit.kit.loader import locator_for
from survivalkit.kit.model import Kit, Question, Tool, tool_questions
from survivalkit.output.bundle import ANSWERS_FILE, files_for, render_outputs
from survivalkit.output.render import Locator
from survivalkit.sandbox.expressions import base_context
from survivalkit.text.localized import tr


def new_interview(
    kit: Kit,
    questions: Sequence[Question],
    *,
    lang: str,
    day: dt.date,
    section: str = "",
    extra_context: Mapping[str, Any] | None = None,
    today: dt.date | None = None,
) -> Interview:
    """An interview over ``questions`` with the kit's facts and ``extra_context`` available;
    ``today`` as the entry point read it (else the documents' date ``day``)."""
    base = base_context(kit, day, lang, today=today)
    if extra_context:
        base.update(extra_context)
    sections = {q.id: section for q in questions}
    return Interview(list(questions), base=base, lang=lang, sections=sections)


def tool_interview(
    kit: Kit, tool: Tool, *, lang: str, day: dt.date, today: dt.date | None = None
) -> Interview:
    """Profile questions, the shared questions the tool uses, then its own."""
    questions = list(kit.info.profile) + tool_questions(kit, tool)
    interview = new_interview(kit, questions, lang=lang, day=day, today=today)
    profile_section = t("section.profile", lang)
    tool_section = tr(tool.title, lang)
    for q in kit.info.profile:
        interview.sections[q.id] = profile_section
    for q in tool_questions(kit, tool):
        interview.sections[q.id] = tool_section
    return interview


def question_places(kit: Kit, tool: Tool | None) -> Callable[[str, str], str]:
    """Where each question's keys are written: (question id, key) → ``file:line:col``.

    Read from the files only when asked (a kit error is rare; the kit may come from the cache).
    """
    from survivalkit.kit.yamlread import read_yaml

    files: dict[str, Any] = {}

    def located(path: str) -> Any:
        if path not in files:
            files[path] = read_yaml(Path(path), path)[0]
        return files[path]

    def place(question_id: str, key: str) -> str:
        spots: list[tuple[str, tuple[str | int, ...]]] = []
        if tool is not None:
            spots += [(tool.origin, ("questions", i)) for i, q in enumerate(tool.questions) if q.id == question_id]
        kit_file = str(Path(kit.roots[0]) / "kit.yaml") if kit.roots else ""
        for group in ("shared", "profile", "situation"):
            spots += [(kit_file, (group, i)) for i, q in enumerate(getattr(kit.info, group))
                      if q.id == question_id]
        for path, key_path in spots:
            source = located(path) if path else None
            if source is not None:
                line, col = source.template_line((*key_path, key), 1)
                return f"{path}:{line}:{col}"
        return f"`{question_id}`"

    return place


def profile_answers(kit: Kit, interview: Interview) -> dict[str, Any]:
    """The profile answers confirmed in ``interview``, as plain data (a skipped one as None)."""
    values: dict[str, Any] = {}
    for q in kit.info.profile:
        if q.id in interview.confirmed and q.id in interview.answers:
            value = interview.answers[q.id]
            values[q.id] = None if value is None else to_plain(q, value)
    return values


def remember_profile(store: Store, kit: Kit, interview: Interview) -> None:
    """Save the profile typed in this run (never called for scripted runs)."""
    remember_profile_values(store, profile_answers(kit, interview))


def remember_profile_values(store: Store, values: Mapping[str, Any]) -> None:
    """Merge ``values`` into the saved profile, writing only when something changed."""
    if not values:
        return
    try:
        current = store.load_profile()
    except SessionError:
        current = {}
    if any(current.get(k) != v for k, v in values.items()):
        store.save_profile({**current, **values})


class ToolRun:
    """The state of one tool's run, from its answer sources to its documents."""

    def __init__(
        self,
        kit: Kit,
        tool: Tool,
        *,
        lang: str,
        day: dt.date,
        settings: Settings | None = None,
        locate: Locator | None = None,
        report: Callable[[str], None] | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.kit = kit
        self.tool = tool
        self.lang = lang
        self.day = day
        self.settings = settings or Settings(lang=lang)
        self.locate = locate or locator_for(tool, {})
        self.interview = tool_interview(kit, tool, lang=lang, day=day, today=today)
        self.interview.place = question_places(kit, tool)
        self.interview.on_fault = report
        self.scripted = False
        self.autosave: Autosave | None = None

    @property
    def key(self) -> str:
        """The key of this tool's sessions."""
        return f"tool-{self.tool.id}"

    def fill(self, sources: AnswerSources, *, interactive: bool) -> list[str]:
        """Apply the answer sources; return the required questions still missing."""
        self.scripted = bool(sources.answers_file)
        return apply_sources(
            self.interview, sources, interactive=interactive,
            profile_ids=[q.id for q in self.kit.info.profile],
        )

    def snapshot(self) -> dict[str, Any]:
        """What autosave keeps of this run."""
        return {"kind": "tool", "tool": self.tool.id, "date": self.day.isoformat(),
                "settings": self.settings.as_dict(), "state": {"interview": self.interview.snapshot()}}

    def ask(
        self,
        frontend: Frontend,
        *,
        allow_leave: bool = False,
        on_change: Callable[[Interview], None] | None = None,
    ) -> None:
        """Introduce the tool, ask what is missing, then the recap; save after every answer.

        ``on_change`` replaces the run's own autosave (the journey saves its whole state).
        With ``allow_leave``, ``<`` on the first question raises ``LeaveBackwards``.
        """
        frontend.tool_intro(self.tool)
        run_interview(
            self.interview,
            frontend,
            glossary_lookup=lambda text: find_terms(self.kit.glossary, text),
            on_change=on_change or self._saved,
            allow_leave=allow_leave,
        )

    def _saved(self, _: Interview) -> None:
        self.save()

    def save(self) -> bool:
        """Autosave now; whether it worked (a failure is reported once by ``Autosave``)."""
        if self.autosave is None:
            return False
        return self.autosave.save(self.snapshot())

    def answers(self) -> dict[str, Any]:
        """The final answers (applicable questions only)."""
        return self.interview.final_answers()

    def answers_file(self, header: str) -> bytes:
        """The replayable answers file of this run."""
        questions = list(self.kit.info.profile) + tool_questions(self.kit, self.tool)
        return tool_answers_yaml(header, tool=self.tool.id, day=self.day, settings=self.settings,
                                 answers=self.answers(), questions=questions,
                                 kit=kit_stamp(self.kit, [self.tool.id]))

    def documents(self, formats: Sequence[str], *, header: str, archive: bool = False) -> dict[str, bytes]:
        """Every file of the output folder, in memory: documents, index and answers file (with
        ``archive``, each PDF is a PDF/A-3 carrying the answers file)."""
        outputs = render_outputs(self.kit, [(self.tool, self.answers())], day=self.day, lang=self.lang,
                                 locate_for={self.tool.id: self.locate})
        answers = self.answers_file(header)
        files = files_for(outputs, formats, lang=self.lang, day=self.day, kit=self.kit,
                          archive=answers if archive else None)
        files[ANSWERS_FILE] = answers
        return files


def ask_tool(
    run: ToolRun,
    frontend: Frontend | None,
    *,
    interactive: bool,
    missing: Sequence[str],
) -> None:
    """Ask what is missing at the terminal, or fail without one naming every missing answer."""
    if not interactive or frontend is None:
        require_complete(run.interview, missing)
        return
    if run.scripted and run.interview.is_complete():
        return
    run.ask(frontend)
