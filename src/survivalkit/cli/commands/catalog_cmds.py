"""Commands that read the kit: ``list``, ``show``, ``glossary``, ``profile``, ``schema``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from survivalkit.cli.app import LANG, KitOpt, LangOpt, PlainOpt
from survivalkit.clock import today as now
from survivalkit.i18n import t

if TYPE_CHECKING:
    from survivalkit.cli.app import Env


def register(app: typer.Typer, env_class: type[Env]) -> None:
    """Add the commands to ``app``."""
    @app.command("list", help=t("cmd.list", LANG))
    def list_(
        stage: Annotated[str | None, typer.Option("--stage", help=t("opt.stage", LANG),
                metavar=t("metavar.stage", LANG))] = None,
        search: Annotated[str | None, typer.Option("--search", help=t("opt.search", LANG),
                metavar=t("metavar.word", LANG))] = None,
        as_json: Annotated[bool, typer.Option("--json", help=t("opt.json", LANG))] = False,
        kit: KitOpt = None,
        lang: LangOpt = None,
        plain: PlainOpt = False,
    ) -> None:
        from survivalkit.kit.listing import filter_tools, tool_summary

        env = env_class(kit, lang, plain)
        tools = filter_tools(env.kit, stage=stage, search=search, lang=env.lang)
        if stage and stage not in env.kit.stage_ids():
            from survivalkit.errors import UsageError

            raise UsageError(t("stage.unknown", env.lang, stage=stage,
                               known=", ".join(env.kit.stage_ids())))
        rows = [tool_summary(env.kit, tool, env.lang) for tool in tools]
        if as_json:
            env.display.console.print_json(json.dumps(rows, ensure_ascii=False))
            return
        if not rows:
            env.display.say(t("list.empty", env.lang))
            return
        env.display.table(
            [t("col.id", env.lang), t("col.title", env.lang), t("col.stages", env.lang),
             t("col.summary", env.lang)],
            [[r["id"], r["title"], ", ".join(r["stage_titles"]), r["summary"]] for r in rows],
        )

    @app.command("show", help=t("cmd.show", LANG))
    def show(
        tool_id: Annotated[str, typer.Argument(metavar=t("metavar.tool", LANG), help=t("arg.tool", LANG))],
        kit: KitOpt = None,
        lang: LangOpt = None,
        plain: PlainOpt = False,
    ) -> None:
        from survivalkit.cli.frontend import fallback_notice

        env = env_class(kit, lang, plain)
        tool = env.tool(tool_id)
        fallback_notice(env.display, tool)
        show_tool(env, tool)

    @app.command("glossary", help=t("cmd.glossary", LANG))
    def glossary(
        term: Annotated[str | None, typer.Argument(metavar="TERM", help=t("arg.term", LANG))] = None,
        kit: KitOpt = None,
        lang: LangOpt = None,
        plain: PlainOpt = False,
    ) -> None:
        from survivalkit.kit.glossary import lookup
        from survivalkit.kit.model import tr

        env = env_class(kit, lang, plain)
        terms = lookup(env.kit.glossary, term) if term else list(env.kit.glossary.terms)
        if not terms:
            from survivalkit.errors import SurvivalkitError

            raise SurvivalkitError(t("glossary.none", env.lang, term=term))
        terms.sort(key=lambda x: x.term.lower())
        for item in terms:
            env.display.say(item.term, "bold")
            env.display.say("  " + tr(item.definition, env.lang))
            if item.official:
                date = f" ({item.official_date})" if item.official_date else ""
                env.display.say(f"  {t('glossary.official', env.lang)}: {item.official}{date}")
            if item.note:
                env.display.say("  " + tr(item.note, env.lang), "dim")

    @app.command("profile", help=t("cmd.profile", LANG))
    def profile(
        action: Annotated[str, typer.Argument(metavar="show|edit|clear",
                                              help=t("arg.profile", LANG))] = "show",
        kit: KitOpt = None,
        lang: LangOpt = None,
        plain: PlainOpt = False,
    ) -> None:
        env = env_class(kit, lang, plain)
        profile_command(env, action)

    @app.command("schema", help=t("cmd.schema", LANG))
    def schema(
        out: Annotated[Path, typer.Option("--out", "-o", help=t("opt.schema_out", LANG),
                metavar=t("metavar.folder", LANG))] = Path(
            "schema"
        ),
        check: Annotated[bool, typer.Option("--check", help=t("opt.schema_check", LANG))] = False,
        lang: LangOpt = None,
        plain: PlainOpt = False,
    ) -> None:
        from survivalkit.kit.schema import schema_files

        env = env_class(None, lang, plain)
        files = schema_files()
        if check:
            stale = [name for name, text in files.items()
                     if not (out / name).is_file() or (out / name).read_text("utf-8") != text]
            if stale:
                env.display.error(t("schema.stale", env.lang, files=", ".join(stale)))
                raise typer.Exit(1)
            env.display.say(t("schema.fresh", env.lang))
            return
        out.mkdir(parents=True, exist_ok=True)
        from survivalkit.files.writer import write_atomic

        for name, text in files.items():
            write_atomic(out / name, text.encode("utf-8"))
            env.display.say(str(out / name))


def show_tool(env: Env, tool: Any) -> None:
    """A tool's sheet in the terminal, from the same view as the printed sheet."""
    from survivalkit.sheets.view import sheet_view
    from survivalkit.text.typography import format_date_long

    lang = env.lang
    d = env.display
    s = sheet_view(env.kit, tool, lang)
    d.title(s.title.raw)
    d.say(s.summary.raw)
    d.say(t("col.stages", lang) + ": " + ", ".join(x.raw for x in s.stages), "dim")
    sections = [
        ("sheet.when", [s.when_to_use]),
        ("sheet.steps", s.steps),
        ("sheet.tips", s.tips),
        ("sheet.pitfalls", s.pitfalls),
        ("sheet.next", s.next_steps),
    ]
    for key, items in sections:
        if not items:
            continue
        d.title(t(key, lang))
        if key == "sheet.steps":
            for number, item in enumerate(items, start=1):
                d.say(f"{number}. {item.raw}")
        else:
            d.bullets([item.raw for item in items])
    d.title(t("sheet.documents", lang))
    d.bullets([doc.raw for doc in s.documents])
    d.title(t("sheet.questions", lang))
    if s.profile_count:
        d.say(t("sheets.form.profile_first", lang, n=s.profile_count), "dim")
    for q in s.questions:
        suffix = f" ({t('hint.optional_short', lang)})" if not q.required else ""
        cond = f" ({t('sheet.conditional', lang)})" if q.conditional else ""
        d.say(f"{q.number}. {q.label.raw}{suffix}{cond}")
    d.title(t("sheet.sources", lang))
    for src in s.sources:
        parts = [src.title.raw]
        if src.reference:
            parts.append(src.reference.raw)
        if src.url:
            parts.append(src.url)
        d.say("- " + " — ".join(parts))
    d.say(t("sheet.reviewed", lang, date=format_date_long(s.reviewed, lang)), "dim")


def profile_command(env: Env, action: str) -> None:
    """Show, edit or clear the saved profile."""
    from survivalkit.engine import store as session
    from survivalkit.errors import UsageError
    from survivalkit.kit.model import tr

    lang = env.lang
    if action == "clear":
        removed = session.clear_profile()
        env.display.say(t("profile.cleared" if removed else "profile.empty", lang))
        return
    if action == "show":
        store = session.Store()
        values = store.load_profile()
        for problem in store.profile_problems:
            env.display.notice(problem.say(lang))
        if not values:
            env.display.say(t("profile.empty", lang))
            return
        labels = {q.id: tr(q.label, lang) for q in env.kit.info.profile}

        def shown(value: object) -> str:
            return "—" if value is None else ", ".join(value) if isinstance(value, list) else str(value)

        env.display.table([t("recap.question", lang), t("recap.answer", lang)],
                          [[labels.get(k, k), shown(v)] for k, v in values.items()])
        env.display.say(t("profile.where", lang, path=session.profile_path()), "dim")
        return
    if action == "edit":

        from survivalkit.cli.terminal import TerminalAsker
        from survivalkit.engine.interview import QuitRequested, run_interview
        from survivalkit.engine.tool_run import new_interview

        if not env.interactive():
            raise UsageError(t("profile.no_tty", lang))
        interview = new_interview(env.kit, env.kit.info.profile, lang=lang, day=now(),
                                  section=t("section.profile", lang))
        current = session.load_profile()
        interview.restore({"answers": current, "confirmed": []})
        try:
            answers = run_interview(interview, TerminalAsker(env.display))
        except (KeyboardInterrupt, QuitRequested):
            from survivalkit.errors import Interrupted

            raise Interrupted(t("interrupted", lang)) from None
        from survivalkit.engine.answers import to_plain

        by_id = {q.id: q for q in env.kit.info.profile}
        # A skipped optional field is kept as empty, so that runs do not ask it again.
        path = session.save_profile({k: None if v is None else to_plain(by_id[k], v)
                                     for k, v in answers.items()})
        env.display.say(t("profile.saved", lang, path=path))
        return
    raise UsageError(t("profile.bad_action", lang, action=action))
