"""The guided journey as a state machine: situation → recommended tools → each tool → formats.

``<`` moves backwards across steps: from a tool's first question to the previous tool's recap,
from the first tool to the choice of tools. Autosave keeps every step; a tool whose recap was
confirmed is not shown again on resume. Imports no terminal code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from survivalkit.engine.asker import LeaveBackwards
from survivalkit.engine.frontend import Frontend
from survivalkit.engine.interview import Interview, run_interview
from survivalkit.engine.project import Reused, data_of, give_common, give_data, project_name, read_folder
from survivalkit.engine.replay import JourneyAnswers, Settings, journey_answers_yaml, kit_stamp
from survivalkit.engine.sessions import Autosave
from survivalkit.engine.sources import AnswerSources, apply_sources, prefill, require_complete
from survivalkit.engine.tool_run import ToolRun, new_interview, profile_answers, question_places
from survivalkit.engine.triage import recommend
from survivalkit.errors import Msg, UsageError
from survivalkit.i18n import t
from survivalkit.kit.base import Localized
from survivalkit.kit.model import Choice, Kit, Question, QuestionType, tool_questions
from survivalkit.output.availability import usable_default, works_here
from survivalkit.output.bundle import ANSWERS_FILE, files_for, render_outputs
from survivalkit.output.format_names import FORMAT_LABELS, check_formats
from survivalkit.text.localized import tr

SESSION_KEY = "journey"


class Journey:
    """The journey's state: situation, chosen tools, each tool's run, and the formats."""

    def __init__(
        self,
        kit: Kit,
        *,
        lang: str,
        day: dt.date,
        interactive: bool,
        settings: Settings | None = None,
        profile: Mapping[str, Any] | None = None,
        formats: Sequence[str] | None = None,
        report: Callable[[str], None] | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.kit = kit
        self.report = report
        self.lang = lang
        self.day = day
        self.today = today
        """Today, as the entry point read it from the one clock (else the documents' date)."""
        self.interactive = interactive
        self.settings = settings or Settings(lang=lang)
        self.profile = dict(profile or {})
        """The saved profile's answers, when the policy (``engine.work``) says they apply."""
        self.remembered_formats: list[str] = []
        """The formats chosen last time, offered when the journey asks."""
        self.formats: list[str] | None = list(formats) if formats else None
        self.situation = new_interview(kit, kit.info.situation, lang=lang, day=day, today=today,
                                       section=t("journey.situation", lang))
        self.situation.place = question_places(kit, None)
        self.situation.on_fault = report
        self.picked: list[str] | None = None
        self.runs: dict[str, ToolRun] = {}
        self.done: list[str] = []
        self.saved_tools: dict[str, Any] = {}
        self.file: JourneyAnswers | None = None
        self.autosave: Autosave | None = None
        self.revisit: set[str] = set()
        self.project: Path | None = None
        """The folder of the project in progress this journey continues (its documents go there)."""
        self.project_common: dict[str, Any] = {}
        self.project_data: dict[str, Reused] = {}
        self.project_tools: list[str] = []
        self.tool_days: dict[str, dt.date] = {}
        """Tools whose documents keep a date of their own (a project replayed: each at its date)."""

    # --- sources -------------------------------------------------------------------------
    def use_answers_file(self, data: JourneyAnswers) -> None:
        """Take a journey answers file (its date and formats too, unless given otherwise)."""
        self.file = data
        if data.tools is not None:
            unknown = [x for x in data.tools if x not in self.kit.tools]
            if unknown:
                raise UsageError(t("tool.unknown", self.lang, id=", ".join(unknown)))
        if data.date is not None:
            self.day = data.date
            self.situation.base["doc_date"] = data.date
        if self.formats is None and data.formats:
            self.formats = list(data.formats)
        self.tool_days = dict(data.dates)

    def continue_project(self, folder: Path) -> bool:
        """Continue the project in ``folder``: its situation, the agent and the project's answers
        and its data are given (said where they come from), its tools shown as done, and the new
        documents go into its folder. False when the folder no longer holds a project."""
        record = read_folder(folder, self.kit)
        if record is None:
            if self.report is not None:
                self.report(t("project.gone", self.lang, folder=folder))
            return False
        self.project = folder
        self.project_common = {k: v for k, v in {**record.profile, **record.shared}.items() if v is not None}
        self.project_data = data_of(record, self.kit)
        self.project_tools = list(record.tools)
        if record.situation and not self.situation.confirmed:
            prefill(self.situation, record.situation, str(folder / ANSWERS_FILE), interactive=True)
        if self.report is not None:
            self.report(t("project.continued", self.lang, name=project_name(record, folder), folder=folder))
        return True

    def restore(self, saved: Mapping[str, Any]) -> None:
        """Continue an autosaved journey (every part checked; what is malformed is ignored)."""
        state = saved.get("state") if isinstance(saved.get("state"), dict) else {}
        assert isinstance(state, dict)
        project = state.get("project")
        if isinstance(project, str) and project and self.project is None:
            self.continue_project(Path(project))
        situation = state.get("situation")
        if isinstance(situation, dict):
            self.situation.restore(situation)
        picked = state.get("picked")
        if isinstance(picked, list):
            self.picked = [p for p in picked if isinstance(p, str) and p in self.kit.tools]
        tools = state.get("tools")
        if isinstance(tools, dict):
            self.saved_tools = {k: v for k, v in tools.items() if isinstance(v, dict)}
        done = state.get("done")
        if isinstance(done, list):
            self.done = [d for d in done if isinstance(d, str) and d in (self.picked or [])]
        formats = state.get("formats")
        if self.formats is None and isinstance(formats, list) and formats:
            self.formats = check_formats(formats, self.lang, where="session: formats")
        try:
            self.day = dt.date.fromisoformat(str(saved.get("date")))
        except ValueError:
            pass

    def snapshot(self) -> dict[str, Any]:
        """Everything answered so far, for autosave."""
        tools = dict(self.saved_tools)
        for tool_id, run in self.runs.items():
            tools[tool_id] = run.interview.snapshot()
        return {
            "kind": "journey",
            "date": self.day.isoformat(),
            "settings": self.settings.as_dict(),
            "state": {"situation": self.situation.snapshot(), "picked": self.picked, "tools": tools,
                      "done": self.done, "formats": self.formats,
                      **({"project": str(self.project)} if self.project is not None else {})},
        }

    def save(self) -> None:
        """Autosave now (a failure is reported once by the autosave)."""
        if self.autosave is not None:
            self.autosave.save(self.snapshot())

    # --- the walk --------------------------------------------------------------------------
    def run(self, frontend: Frontend | None) -> None:
        """Every step, asking what the sources did not give (``frontend`` is None without a terminal)."""
        self._situation(frontend)
        while True:
            if self.picked is None:
                self.picked = self._choose(frontend)
                self.save()
            if not self.picked:
                raise UsageError(t("journey.nothing", self.lang))
            if self._tools(frontend):
                break
            self.picked = None  # "<" from the first tool: choose again
            self.done = []
        self._formats(frontend)
        self.save()

    def _situation(self, frontend: Frontend | None) -> None:
        if self.file is not None and self.file.situation is None and self.file.tools:
            return  # a project's record whose tools were run one by one: no situation to ask
        if self.file is not None and self.file.situation is not None:
            errors, missing = prefill(self.situation, self.file.situation, self.file.source,
                                      interactive=self.interactive)
            if errors:
                raise UsageError(Msg.lines(errors))
            if not self.interactive:
                require_complete(self.situation, missing, defaults_option=False)
        if self.situation.is_complete():
            return
        if frontend is None or not self.interactive:
            require_complete(self.situation, [], defaults_option=False)
            return
        frontend.welcome(len(self.situation.applicable()))
        run_interview(self.situation, frontend, recap=False, on_change=lambda _: self.save())

    def _choose(self, frontend: Frontend | None) -> list[str]:
        recs = recommend(self.kit, self.situation.final_answers(), day=self.day, lang=self.lang)
        if self.file is not None and self.file.tools is not None:
            return list(self.file.tools)
        if frontend is None or not self.interactive:
            return [r.tool.id for r in recs]
        frontend.recommendations(recs)
        recommended = [r.tool.id for r in recs]
        order = recommended + [tid for tid in self.kit.tools if tid not in recommended]
        titles = {card.id: card.title for card in self.kit.cards()}

        def label(tid: str, lang: str) -> str:
            marks = [t("journey.recommended_mark", lang)] if tid in recommended else []
            if tid in self.project_tools:
                marks.append(t("journey.in_project", lang))
            return tr(titles[tid], lang) + (f" ({', '.join(marks)})" if marks else "")

        pick = Question(
            id="outils",
            type=QuestionType.MULTICHOICE,
            label=Localized(fr=t("journey.pick", "fr"), en=t("journey.pick", "en")),
            help=Localized(fr=t("journey.pick_help", "fr"), en=t("journey.pick_help", "en")),
            choices=[Choice(value=tid.replace("-", "_"), label=Localized(fr=label(tid, "fr"), en=label(tid, "en")))
                     for tid in order],
            default=[tid.replace("-", "_") for tid in recommended if tid not in self.project_tools] or None,
            min_length=1,
        )
        interview = Interview([pick], lang=self.lang, sections={"outils": t("journey.recommended", self.lang)})
        while True:
            try:
                answers = run_interview(interview, frontend, recap=False, allow_leave=True)
                break
            except LeaveBackwards:
                # "<" on the choice: back to the last situation question.
                self.situation.back()
                run_interview(self.situation, frontend, recap=False, on_change=lambda _: self.save())
        chosen = {v.replace("_", "-") for v in answers["outils"]}
        return [tid for tid in order if tid in chosen]

    def _tools(self, frontend: Frontend | None) -> bool:
        """Each chosen tool in turn; False when ``<`` leaves the first tool backwards."""
        assert self.picked is not None
        index = 0
        while index < len(self.picked):
            tool_id = self.picked[index]
            run = self._run_for(tool_id)
            if tool_id in self.done:
                index += 1
                continue
            try:
                self._ask_tool(run, frontend)
            except LeaveBackwards:
                self.save()
                if index == 0:
                    return False
                index -= 1
                previous = self.picked[index]
                if previous in self.done:
                    self.done.remove(previous)
                self.revisit.add(previous)  # its recap is shown again, even if a file answered it all
                continue
            self.done.append(tool_id)
            self.save()
            index += 1
        return True

    def _run_for(self, tool_id: str) -> ToolRun:
        """The run of ``tool_id``, created once with what earlier tools and the sources gave."""
        if tool_id in self.runs:
            return self.runs[tool_id]
        tool = self.kit.tools[tool_id]
        run = ToolRun(self.kit, tool, lang=self.lang, day=self.day_of(tool_id), settings=self.settings,
                      report=self.report, today=self.today)
        self.runs[tool_id] = run
        ids = {q.id for q in run.interview.questions}
        file_values: dict[str, Any] = {}
        if self.file is not None:
            file_values = {k: v for k, v in self.file.common.items() if k in ids}
            file_values.update(self.file.per_tool.get(tool_id, {}))
        sources = AnswerSources(
            profile=self.profile,
            session=self.saved_tools.get(tool_id),
            answers_file=file_values,
            answers_file_name=self.file.source if self.file else "--answers",
        )
        missing = apply_sources(run.interview, sources, interactive=self.interactive,
                                profile_ids=[q.id for q in self.kit.info.profile])
        # What an earlier tool of this journey confirmed is given, and not asked again; so is what
        # the situation or an earlier tool already says, where the kit declares it (`given_by`).
        earlier = self._earlier(tool_id)
        common_ids = {q.id for q in self.kit.info.profile} | {q.id for q in self.kit.info.shared}
        run.interview.preset({k: v for k, v in earlier.items() if k in common_ids})
        if self.project_common:  # the project continued: the agent and the project, asked once
            give_common(run.interview, self.project_common)
        # The project's data an earlier tool filled: answered once for all, saying where from.
        give_data(run.interview, {**self.project_data, **self._data(tool_id)}, self.kit)
        run.interview.given_names = {"situation": self.situation.final_answers(),
                                     "earlier": {k: v for k, v in earlier.items() if v is not None}}
        run.interview.base.update(run.interview.given_names)  # computed defaults can offer them too
        run.interview.fill_given()
        if not self.interactive:
            require_complete(run.interview, missing, where=tool_id, defaults_option=False)
        return run

    def day_of(self, tool_id: str) -> dt.date:
        """The date of ``tool_id``'s documents: its own recorded one, else the journey's."""
        return self.tool_days.get(tool_id, self.day)

    def _data(self, tool_id: str) -> dict[str, Reused]:
        """The project's data filled by the tools before ``tool_id`` (the latest wins)."""
        from survivalkit.engine.answers import to_plain

        data: dict[str, Reused] = {}
        assert self.picked is not None
        for earlier in self.picked[: self.picked.index(tool_id)]:
            run = self.runs.get(earlier)
            if run is None:
                continue
            answers = run.answers()
            for q in run.interview.questions:
                if q.datum and answers.get(q.id) is not None:
                    data[q.datum] = Reused(to_plain(q, answers[q.id]), earlier, self.day_of(earlier).isoformat())
        return data

    def _earlier(self, tool_id: str) -> dict[str, Any]:
        """Every answer of the tools before ``tool_id`` in this journey (later tools win; a
        skipped optional answer is there as None)."""
        values: dict[str, Any] = {}
        assert self.picked is not None
        for earlier in self.picked[: self.picked.index(tool_id)]:
            if earlier in self.runs:
                values.update(self.runs[earlier].answers())
        return values

    def _ask_tool(self, run: ToolRun, frontend: Frontend | None) -> None:
        if frontend is None or not self.interactive:
            require_complete(run.interview, [], where=run.tool.id, defaults_option=False)
            return
        if self.file is not None and run.interview.is_complete() and run.tool.id not in self.revisit:
            return
        run.ask(frontend, allow_leave=True, on_change=lambda _: self.save())  # the journey saves it all

    def _formats(self, frontend: Frontend | None) -> None:
        if self.formats is not None:
            return
        # Only what works on this machine is offered (and was said before the first question).
        default = usable_default(self.remembered_formats)[0]
        if frontend is None or not self.interactive:
            self.formats = default
            return
        order = works_here(FORMAT_LABELS)
        question = Question(
            id="formats",
            type=QuestionType.MULTICHOICE,
            label=Localized(fr=t("formats.ask", "fr"), en=t("formats.ask", "en")),
            help=Localized(fr=t("formats.help", "fr"), en=t("formats.help", "en")),
            choices=[Choice(value=f, label=Localized(fr=FORMAT_LABELS[f]["fr"], en=FORMAT_LABELS[f]["en"]))
                     for f in order],
            default=default,
            min_length=1,
        )
        interview = Interview([question], lang=self.lang, sections={"formats": t("formats.section", self.lang)})
        answers = run_interview(interview, frontend, recap=False)
        self.formats = [f for f in order if f in answers["formats"]]

    # --- results ---------------------------------------------------------------------------
    def results(self) -> dict[str, dict[str, Any]]:
        """Each chosen tool's final answers."""
        return {tid: self.runs[tid].answers() for tid in self.picked or [] if tid in self.runs}

    def typed_profile(self) -> dict[str, Any]:
        """The profile answers typed in this journey (to remember), as plain data."""
        values: dict[str, Any] = {}
        for run in self.runs.values():
            values.update(profile_answers(self.kit, run.interview))
        return values

    def documents(self, *, header: str, formats: Sequence[str] | None = None,
                  archive: bool = False) -> dict[str, bytes]:
        """Every file of the output folder, in memory: documents, index (md, html), answers file."""
        chosen = list(formats or self.formats or usable_default()[0])
        results = self.results()
        items = [(self.kit.tools[tid], answers) for tid, answers in results.items()]
        locate_for = {tid: run.locate for tid, run in self.runs.items()}
        outputs = [output for tool, values in items  # each tool's documents at its own date
                   for output in render_outputs(self.kit, [(tool, values)], day=self.day_of(tool.id),
                                                lang=self.lang, locate_for=locate_for)]
        answers = self._answers_file(header, chosen)
        files = files_for(outputs, chosen, lang=self.lang, day=self.day, kit=self.kit,
                          archive=answers if archive else None)
        files[ANSWERS_FILE] = answers
        return files

    def _answers_file(self, header: str, formats: Sequence[str]) -> bytes:
        from survivalkit.engine.answers import to_plain

        kit = self.kit
        profile_ids = {q.id for q in kit.info.profile}
        shared_ids = {q.id for q in kit.info.shared}
        questions = {q.id: q for q in [*kit.info.profile, *kit.info.shared]}
        profile: dict[str, Any] = {}
        shared: dict[str, Any] = {}
        per_tool: dict[str, dict[str, Any]] = {}
        for tid, answers in self.results().items():
            own = {q.id: q for q in tool_questions(kit, kit.tools[tid])}
            per_tool[tid] = {}
            for k, v in answers.items():
                if k in profile_ids:
                    profile[k] = v
                elif k in shared_ids:
                    shared[k] = v
                elif k in own and v is not None:
                    per_tool[tid][k] = to_plain(own[k], v)
        return journey_answers_yaml(
            header, day=self.day, settings=self.settings,
            situation=self.situation.final_answers(), situation_questions=kit.info.situation,
            tools=self.picked or [], formats=formats, profile=profile, shared=shared,
            per_tool=per_tool, questions=questions,
            dates={tid: self.day_of(tid) for tid in self.picked or []},
            kit=kit_stamp(kit, self.picked or []),
        )

