"""The guided journey (``survivalkit`` with no command): situation, triage, then each chosen tool."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from survivalkit.errors import Interrupted, MissingAnswersError, UsageError
from survivalkit.i18n import t

if TYPE_CHECKING:
    from survivalkit.cli.app import Env

SESSION_KEY = "journey"


def journey_command(
    env: Env, *, answers: Path | None, out: Path | None, formats: str, resume: bool, force: bool
) -> None:
    """Run the whole journey, from a terminal or from an answers file."""
    from survivalkit.engine import store as session
    from survivalkit.engine.interview import QuitRequested
    from survivalkit.output.formats import parse_formats

    fmt_list = parse_formats(formats)
    interactive = env.interactive()
    if answers is None and not interactive:
        env.display.error(t("journey.no_tty", env.lang))
        raise typer.Exit(2)
    state = Journey(env, interactive=interactive)
    if answers is not None:
        state.load_answers_file(answers)
    if resume:
        saved = session.load_session(SESSION_KEY)
        if saved is None:
            env.display.notice(t("resume.none", env.lang))
        else:
            state.restore(saved)
            env.display.notice(t("journey.resumed", env.lang))
    try:
        state.run()
    except (KeyboardInterrupt, QuitRequested):
        state.save()
        raise Interrupted(t("interrupted.resume", env.lang, cmd="survivalkit --resume")) from None
    try:
        state.write(fmt_list, out=out, force=force)
    except KeyboardInterrupt:  # e.g. at the "replace these files?" question
        state.save()
        raise Interrupted(t("interrupted.resume", env.lang, cmd="survivalkit --resume")) from None
    from survivalkit.cli.commands.run_cmd import save_quietly

    save_quietly(env, lambda: session.clear_session(SESSION_KEY))


class Journey:
    """The journey's state: situation, chosen tools, and each tool's interview."""

    def __init__(self, env: Env, *, interactive: bool) -> None:
        from survivalkit.cli.commands.run_cmd import _safe_profile
        from survivalkit.engine.runner import new_interview

        self.env = env
        self.lang = env.lang
        self.interactive = interactive
        self.day = dt.date.today()
        self.kit = env.kit
        self.profile = _safe_profile(env)
        self.situation = new_interview(
            self.kit, self.kit.info.situation, lang=self.lang, day=self.day,
            section=t("journey.situation", self.lang),
        )
        self.picked: list[str] | None = None
        self.file_picked: list[str] | None = None
        self.file_common: dict[str, Any] = {}
        self.file_tools: dict[str, dict[str, Any]] = {}
        self.file_situation: dict[str, Any] | None = None
        self.saved_tools: dict[str, Any] = {}
        self.results: dict[str, dict[str, Any]] = {}

    # --- input sources ---------------------------------------------------------------
    def load_answers_file(self, path: Path) -> None:
        """A journey answers file: situation, tools, profile, shared, answers by tool."""
        from survivalkit.engine.runner import read_answers_file

        data = read_answers_file(path)
        if not isinstance(data.get("situation", {}), dict) or not isinstance(
            data.get("answers", {}), dict
        ):
            raise UsageError(t("journey.bad_file", self.lang, file=path))
        self.file_situation = dict(data.get("situation") or {})
        tools = data.get("tools")
        if tools is not None:
            if not isinstance(tools, list) or not all(isinstance(x, str) for x in tools):
                raise UsageError(t("journey.bad_file", self.lang, file=path))
            unknown = [x for x in tools if x not in self.kit.tools]
            if unknown:
                raise UsageError(t("tool.unknown", self.lang, id=", ".join(unknown)))
            self.file_picked = tools
        self.file_common = {**(data.get("profile") or {}), **(data.get("shared") or {})}
        self.file_tools = {k: dict(v or {}) for k, v in (data.get("answers") or {}).items()}
        if isinstance(data.get("date"), dt.date):
            self.day = data["date"]
        self.source = str(path)

    def restore(self, saved: dict[str, Any]) -> None:
        """Continue an autosaved journey."""
        self.situation.restore(saved.get("situation") or {})
        picked = saved.get("picked")
        if isinstance(picked, list):
            self.picked = [p for p in picked if p in self.kit.tools]
        self.saved_tools = dict(saved.get("tools") or {})
        try:
            self.day = dt.date.fromisoformat(str(saved.get("date")))
        except ValueError:
            pass

    def save(self) -> None:
        """Autosave everything answered so far."""
        from survivalkit.engine import store as session

        tools = dict(self.saved_tools)
        for tool_id, iv in getattr(self, "_interviews", {}).items():
            tools[tool_id] = iv.snapshot()
        from survivalkit.cli.commands.run_cmd import save_quietly

        state = {
            "date": self.day.isoformat(),
            "situation": self.situation.snapshot(),
            "picked": self.picked,
            "tools": tools,
        }
        save_quietly(self.env, lambda: session.save_session(SESSION_KEY, state))

    # --- the walk --------------------------------------------------------------------
    def run(self) -> None:
        """Situation, triage and choice, then each chosen tool."""
        from survivalkit.cli.terminal import TerminalAsker
        from survivalkit.engine.interview import prefill, run_interview

        d = self.env.display
        self._interviews: dict[str, Any] = {}
        if self.file_situation is not None:
            errors, missing = prefill(self.situation, self.file_situation, self.source,
                                      interactive=self.interactive)
            self._fail_on(errors, missing)
        if not self.situation.is_complete():
            d.title(t("journey.welcome.title", self.lang))
            d.say(t("journey.welcome", self.lang))
            run_interview(self.situation, TerminalAsker(d), recap=False,
                          on_change=lambda _: self.save())
        situation = self.situation.final_answers()
        if self.picked is None:
            self.picked = self.file_picked if self.file_picked is not None else self._choose(situation)
            self.save()
        if not self.picked:
            raise UsageError(t("journey.nothing", self.lang))
        common: dict[str, Any] = {}
        for tool_id in self.picked:
            answers = self._run_tool(tool_id, common)
            self.results[tool_id] = answers
            common.update({k: v for k, v in answers.items() if k in self._common_ids()})
            self.save()

    def _common_ids(self) -> set[str]:
        return {q.id for q in self.kit.info.profile} | {q.id for q in self.kit.info.shared}

    def _fail_on(self, errors: list[str], missing: list[str], where: str = "") -> None:
        prefix = f"{where}: " if where else ""
        if errors:
            raise UsageError("\n".join(prefix + e for e in errors))
        if missing and not self.interactive:
            raise MissingAnswersError(
                prefix + t("answer.missing", self.lang, count=len(missing), keys=", ".join(missing))
            )

    def _choose(self, situation: dict[str, Any]) -> list[str]:
        from survivalkit.cli.terminal import TerminalAsker
        from survivalkit.engine.interview import run_interview
        from survivalkit.engine.runner import new_interview
        from survivalkit.engine.triage import recommend
        from survivalkit.kit.model import Choice, Localized, Question, QuestionType, tr

        d = self.env.display
        recs = recommend(self.kit, situation, day=self.day, lang=self.lang)
        if not self.interactive:
            return [r.tool.id for r in recs]
        d.title(t("journey.recommended", self.lang))
        if recs:
            d.table(
                ["#", t("col.title", self.lang), t("journey.why", self.lang)],
                [[str(i), tr(r.tool.title, self.lang), " ".join(r.reasons)]
                 for i, r in enumerate(recs, start=1)],
            )
        else:
            d.say(t("journey.none_recommended", self.lang))
        recommended = [r.tool.id for r in recs]
        others = [tid for tid in self.kit.tools if tid not in recommended]
        order = recommended + others

        def label(tid: str, lang: str) -> str:
            mark = f" ({t('journey.recommended_mark', lang)})" if tid in recommended else ""
            return tr(self.kit.tools[tid].title, lang) + mark

        pick = Question(
            id="outils",
            type=QuestionType.MULTICHOICE,
            label=Localized(fr=t("journey.pick", "fr"), en=t("journey.pick", "en")),
            help=Localized(fr=t("journey.pick_help", "fr"), en=t("journey.pick_help", "en")),
            choices=[Choice(value=tid.replace("-", "_"),
                            label=Localized(fr=label(tid, "fr"), en=label(tid, "en")))
                     for tid in order],
            default=[tid.replace("-", "_") for tid in recommended] or None,
            min_length=1,
        )
        interview = new_interview(self.kit, [pick], lang=self.lang, day=self.day)
        answers = run_interview(interview, TerminalAsker(d), recap=False)
        chosen = {v.replace("_", "-") for v in answers["outils"]}
        return [tid for tid in order if tid in chosen]

    def _run_tool(self, tool_id: str, common: dict[str, Any]) -> dict[str, Any]:
        from survivalkit.cli.commands.run_cmd import _intro, _remember_profile, glossary_terms
        from survivalkit.cli.terminal import TerminalAsker
        from survivalkit.engine.interview import prefill, run_interview
        from survivalkit.engine.runner import tool_interview
        from survivalkit.kit.model import tr

        tool = self.kit.tools[tool_id]
        interview = tool_interview(self.kit, tool, lang=self.lang, day=self.day,
                                   profile=self.profile)
        self._interviews[tool_id] = interview
        if tool_id in self.saved_tools:
            interview.restore(self.saved_tools[tool_id])
        known_ids = {q.id for q in interview.questions}
        # Skipped optional answers (None) count as answered too: they are not asked again.
        interview.preset(common)
        file_values = {k: v for k, v in self.file_common.items() if k in known_ids}
        file_values.update(self.file_tools.get(tool_id, {}))
        if file_values or not self.interactive:
            errors, missing = prefill(interview, file_values, getattr(self, "source", "--answers"),
                                      interactive=self.interactive)
            self._fail_on(errors, missing, tool_id)
        if not interview.is_complete() or (self.interactive and not file_values):
            _intro(self.env, tool)
            run_interview(
                interview,
                TerminalAsker(self.env.display, section=tr(tool.title, self.lang)),
                glossary_lookup=lambda text: glossary_terms(self.env, text),
                on_change=lambda _: self.save(),
            )
        _remember_profile(self.env, interview)
        answers: dict[str, Any] = interview.final_answers()
        return answers

    # --- output ----------------------------------------------------------------------
    def write(self, formats: list[str], *, out: Path | None, force: bool) -> None:
        """All documents in one folder, with an index in Markdown and HTML."""
        from survivalkit.cli.commands.run_cmd import _report, write_documents

        items = [(self.kit.tools[tid], self.results[tid]) for tid in self.picked or []]
        written = write_documents(
            self.env, items, formats=formats, out=out, force=force, day=self.day,
            answers_blob=self._answers_blob(), interactive=self.interactive, index_html=True,
        )
        _report(self.env, written)

    def _answers_blob(self) -> bytes:
        import yaml

        from survivalkit.engine.answers import to_plain

        kit = self.kit
        profile_ids = {q.id: q for q in kit.info.profile}
        shared_ids = {q.id: q for q in kit.info.shared}
        profile: dict[str, Any] = {}
        shared: dict[str, Any] = {}
        per_tool: dict[str, dict[str, Any]] = {}
        for tid, answers in self.results.items():
            own = {q.id: q for q in kit.tools[tid].questions}
            per_tool[tid] = {}
            for k, v in answers.items():
                if v is None:
                    continue
                if k in profile_ids:
                    profile[k] = to_plain(profile_ids[k], v)
                elif k in shared_ids:
                    shared[k] = to_plain(shared_ids[k], v)
                elif k in own:
                    per_tool[tid][k] = to_plain(own[k], v)
        situation = {
            k: to_plain(self.situation.question(k), v)
            for k, v in self.situation.final_answers().items() if v is not None
        }
        header = t("answers.header", self.lang, cmd="survivalkit --answers answers.yaml")
        body = yaml.safe_dump(
            {"journey": 1, "date": self.day.isoformat(), "lang": self.lang,
             "situation": situation, "tools": list(self.picked or []),
             "profile": profile, "shared": shared, "answers": per_tool},
            allow_unicode=True, sort_keys=False, width=100,
        )
        return (header + body).encode("utf-8")
