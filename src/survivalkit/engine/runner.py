"""Running a tool: building its interview, and turning answers into the files of an output folder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from survivalkit.engine.answers import to_plain
from survivalkit.engine.expressions import base_context
from survivalkit.engine.interview import Interview
from survivalkit.errors import UsageError
from survivalkit.i18n import t
from survivalkit.kit.model import Kit, Question, Tool, tool_questions, tr
from survivalkit.output.formats import html_page, html_to_pdf, markdown_to_html_body, markdown_to_office
from survivalkit.output.render import Locator, RenderedDocument, render_tool
from survivalkit.output.typography import format_date_long, french_spacing
from survivalkit.output.writer import safe_filename


def new_interview(
    kit: Kit,
    questions: Sequence[Question],
    *,
    lang: str,
    day: dt.date,
    section: str = "",
    extra_context: Mapping[str, Any] | None = None,
) -> Interview:
    """An interview over ``questions`` with the kit's facts and ``extra_context`` available."""
    base = base_context(kit, day, lang)
    if extra_context:
        base.update(extra_context)
    sections = {q.id: section for q in questions}
    return Interview(list(questions), base=base, lang=lang, sections=sections)


def tool_interview(
    kit: Kit, tool: Tool, *, lang: str, day: dt.date, profile: Mapping[str, Any]
) -> Interview:
    """Profile questions not yet known, the shared questions the tool uses, then its own."""
    profile_section = t("section.profile", lang)
    tool_section = tr(tool.title, lang)
    questions = list(kit.info.profile) + tool_questions(kit, tool)
    interview = new_interview(kit, questions, lang=lang, day=day)
    for q in kit.info.profile:
        interview.sections[q.id] = profile_section
    for q in tool_questions(kit, tool):
        interview.sections[q.id] = tool_section
    known = {q.id: profile[q.id] for q in kit.info.profile if q.id in profile}
    if known:
        # Saved profile answers go through the same validation; a bad one is simply asked again.
        interview.restore({"answers": known, "confirmed": list(known)})
    return interview


def read_answers_file(path: Path) -> dict[str, Any]:
    """An answers file: either a flat mapping, or ``answers:`` with ``tool``, ``date``, ``lang``.

    Read through the same guarded reader as kit files: size limit first, positions in errors.
    """
    from survivalkit.kit.yamlread import read_yaml

    if not path.exists():
        raise UsageError(f"{path}: answers file not found")
    located, problems = read_yaml(path, str(path))
    if located is None:
        raise UsageError("\n".join(p.format() for p in problems))
    data: dict[str, Any] = located.data
    return data


def split_answers_file(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(answers, metadata)`` from a flat or structured answers file."""
    if isinstance(data.get("answers"), dict):
        meta = {k: v for k, v in data.items() if k != "answers"}
        return dict(data["answers"]), meta
    return dict(data), {}


def parse_set_options(items: Sequence[str]) -> dict[str, str]:
    """``--set key=value`` options into a mapping."""
    values: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--set {item!r}: write it as key=value")
        values[key.strip()] = value
    return values


def answers_document(
    header: str, meta: Mapping[str, Any], answers: Mapping[str, Any], questions: Sequence[Question]
) -> bytes:
    """The replayable answers file."""
    by_id = {q.id: q for q in questions}
    plain = {
        k: (to_plain(by_id[k], v) if k in by_id else v) for k, v in answers.items() if v is not None
    }
    body = yaml.safe_dump(
        {**meta, "answers": plain}, allow_unicode=True, sort_keys=False, width=100
    )
    return (header + body).encode("utf-8")


@dataclass(frozen=True)
class ToolOutput:
    """What one tool contributes to an output folder."""

    tool: Tool
    documents: list[RenderedDocument]


def render_outputs(
    kit: Kit,
    items: Sequence[tuple[Tool, Mapping[str, Any]]],
    *,
    day: dt.date,
    lang: str,
    locate_for: Mapping[str, Locator] | None = None,
) -> list[ToolOutput]:
    """Render every document of every tool in memory (nothing written yet)."""
    outputs = []
    for tool, answers in items:
        locate = (locate_for or {}).get(tool.id)
        outputs.append(ToolOutput(tool, render_tool(kit, tool, answers, day=day, lang=lang, locate=locate)))
    return outputs


def files_for(
    outputs: Sequence[ToolOutput],
    formats: Sequence[str],
    *,
    lang: str,
    day: dt.date,
    kit: Kit,
    index_html: bool = False,
) -> dict[str, bytes]:
    """File name → content for every document in every format, plus the index."""
    files: dict[str, bytes] = {}
    entries: list[tuple[Tool, RenderedDocument, list[str]]] = []
    for output in outputs:
        for doc in output.documents:
            stem = safe_filename(doc.filename, "")
            while any(name.startswith(stem + ".") for name in files):
                stem = f"{stem}-{doc.document_id}".replace("_", "-")
            names = []
            page: str | None = None
            for fmt in formats:
                name = f"{stem}.{fmt}"
                if fmt == "md":
                    files[name] = doc.markdown.encode("utf-8")
                elif fmt in ("html", "pdf"):
                    if page is None:
                        page = html_page(
                            markdown_to_html_body(doc.markdown),
                            title=doc.title,
                            lang=lang,
                            author=doc.author,
                            day=doc.date,
                        )
                    files[name] = page.encode("utf-8") if fmt == "html" else html_to_pdf(page)
                else:
                    files[name] = markdown_to_office(doc.markdown, fmt, title=doc.title, lang=lang)
                names.append(name)
            entries.append((output.tool, doc, names))
    index = index_markdown(entries, lang=lang, day=day, kit=kit)
    files["index.md"] = index.encode("utf-8")
    if index_html:
        page = html_page(
            markdown_to_html_body(index), title=t("index.title", lang), lang=lang, day=day
        )
        files["index.html"] = page.encode("utf-8")
    return files


def index_markdown(
    entries: Sequence[tuple[Tool, RenderedDocument, list[str]]],
    *,
    lang: str,
    day: dt.date,
    kit: Kit,
) -> str:
    """The folder's index: each document, its files, and the next steps of each tool."""
    lines = [f"# {t('index.title', lang)}", ""]
    lines.append(
        t("index.intro", lang, kit=tr(kit.info.title, lang), date=format_date_long(day, lang))
    )
    lines.append("")
    seen_tools: list[Tool] = []
    for tool, doc, names in entries:
        if tool not in seen_tools:
            seen_tools.append(tool)
        links = ", ".join(f"[{name}]({name})" for name in names)
        tool_title = tr(tool.title, lang)
        label = f"**{doc.title}**" + (f" ({tool_title})" if tool_title != doc.title else "")
        lines.append(f"- {label}: {links}")  # French spacing is applied to the whole index below
    lines.append("")
    lines.append(f"## {t('index.next_steps', lang)}")
    lines.append("")
    for tool in seen_tools:
        if not tool.sheet.next_steps:
            continue
        lines.append(f"### {tr(tool.title, lang)}")
        lines.append("")
        lines += [f"- {tr(step, lang)}" for step in tool.sheet.next_steps]
        lines.append("")
    lines.append(t("index.replay", lang))
    text = "\n".join(lines) + "\n"
    return french_spacing(text) if lang == "fr" else text


def default_out_dir(day: dt.date) -> Path:
    """``./survivalkit-2026-11-26``, in the current folder."""
    return Path.cwd() / f"survivalkit-{day.isoformat()}"
