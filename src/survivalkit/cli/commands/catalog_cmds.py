"""Commands that read the kit: ``list``, ``show``, ``glossary``."""

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from survivalkit.cli.env import Env, paused_collector
from survivalkit.cli.options import SharedOptions
from survivalkit.i18n import t


def register(app: typer.Typer, ui_lang: str, opts: SharedOptions) -> None:
    """Add the commands to ``app``."""
    @app.command("list", help=t("cmd.list", ui_lang))
    def list_(
        stage: Annotated[str | None, typer.Option("--stage", help=t("opt.stage", ui_lang),
                metavar=t("metavar.stage", ui_lang))] = None,
        search: Annotated[str | None, typer.Option("--search", help=t("opt.search", ui_lang),
                metavar=t("metavar.word", ui_lang))] = None,
        as_json: Annotated[bool, typer.Option("--json", help=t("opt.json", ui_lang))] = False,
        kit: Annotated[list[Path] | None, opts.kit] = None,
        lang: Annotated[str | None, opts.lang] = None,
        plain: Annotated[bool, opts.plain] = False,
    ) -> None:
        from survivalkit.kit.listing import filter_tools, tool_summary

        env = Env(kit, lang, plain)
        tools = paused_collector(lambda: filter_tools(env.kit, stage=stage, search=search, lang=env.lang))
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

    @app.command("show", help=t("cmd.show", ui_lang))
    def show(
        tool_id: Annotated[str, typer.Argument(metavar=t("metavar.tool", ui_lang), help=t("arg.tool", ui_lang))],
        kit: Annotated[list[Path] | None, opts.kit] = None,
        lang: Annotated[str | None, opts.lang] = None,
        plain: Annotated[bool, opts.plain] = False,
    ) -> None:
        from survivalkit.cli.frontend import fallback_notice

        env = Env(kit, lang, plain)
        tool = env.tool(tool_id)
        fallback_notice(env.display, tool)
        show_tool(env, tool)

    @app.command("glossary", help=t("cmd.glossary", ui_lang))
    def glossary(
        term: Annotated[str | None, typer.Argument(metavar="TERM", help=t("arg.term", ui_lang))] = None,
        kit: Annotated[list[Path] | None, opts.kit] = None,
        lang: Annotated[str | None, opts.lang] = None,
        plain: Annotated[bool, opts.plain] = False,
    ) -> None:
        from survivalkit.kit.glossary import lookup
        from survivalkit.text.localized import tr

        env = Env(kit, lang, plain)
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
    from survivalkit.kit.listing import data_lines

    data = paused_collector(lambda: data_lines(env.kit, tool.id, lang))
    if data:
        d.title(t("show.data", lang))
        d.say(t("show.data_hint", lang), "dim")
        d.bullets(data)
    d.title(t("sheet.sources", lang))
    for src in s.sources:
        parts = [src.title.raw]
        if src.reference:
            parts.append(src.reference.raw)
        if src.url:
            parts.append(src.url)
        d.say("- " + " — ".join(parts))
        if src.to_check:
            d.say(t("show.to_check", lang, what=src.to_check.raw), "yellow", indent="  ")
    d.say(t("sheet.reviewed", lang, date=format_date_long(s.reviewed, lang)), "dim")
