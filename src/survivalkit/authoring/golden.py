"""Tool examples run and rendered, and the golden files that pin their documents."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from survivalkit.errors import KitError, Problem
from survivalkit.kit.model import Example, Kit, Tool, now
from survivalkit.output.render import Locator, RenderedDocument, render_tool

GOLDEN_LANGS = ("fr", "en")
"""Languages rendered into golden files: ``<doc>.md`` (French) and ``<doc>.en.md``."""
SPACES = {"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "}


@dataclass(frozen=True)
class ExampleAnswers:
    """An example's answers after the same validation as an answers file."""

    answers: dict[str, Any]
    errors: list[str]
    missing: list[str]
    day: dt.date

    @property
    def valid(self) -> bool:
        """Whether every answer passed and no required answer is missing."""
        return not self.errors and not self.missing


def example_day(example: Example) -> dt.date:
    """The date an example renders with: its own, else today."""
    return example.date or now()


def example_answers(kit: Kit, tool: Tool, example: Example) -> ExampleAnswers:
    """Validate an example's answers as ``survivalkit run --answers FILE --defaults`` would."""
    from survivalkit.engine.interview import prefill
    from survivalkit.engine.tool_run import tool_interview

    day = example_day(example)
    interview = tool_interview(kit, tool, lang="en", day=day)
    # The example is run as if on its date: computed defaults (`add_days(today, 30)`) stay put.
    interview.base["today"] = day
    source = f"example `{example.name}`"
    errors, missing = prefill(
        interview, example.answers, source, use_defaults=True, interactive=False
    )
    return ExampleAnswers(interview.final_answers(), errors, missing, day)


def render_example(
    kit: Kit, tool: Tool, checked: ExampleAnswers, lang: str, locate: Locator | None = None
) -> list[RenderedDocument]:
    """Every document of ``tool`` for an example's answers; raises ``TemplateError``."""
    return render_tool(kit, tool, checked.answers, day=checked.day, lang=lang, locate=locate)


def plain_spaces(text: str) -> str:
    """No-break and thin spaces made ordinary, so that ``60 000`` matches ``60 000``."""
    for special, plain in SPACES.items():
        text = text.replace(special, plain)
    return text


def missing_expectations(example: Example, documents: Iterable[RenderedDocument]) -> list[str]:
    """The example's ``expect`` texts that appear in none of the (French) documents."""
    rendered = plain_spaces("\n".join(doc.markdown for doc in documents))
    return [text for text in example.expect if plain_spaces(text) not in rendered]


def golden_name(tool_id: str, example: str, document: str, lang: str) -> str:
    """``<tool>/<example>/<document>.md``, or ``.en.md`` for English."""
    suffix = ".md" if lang == "fr" else f".{lang}.md"
    return f"{tool_id}/{example}/{document}{suffix}"


def expected_files(kit: Kit, tools: Iterable[Tool]) -> dict[str, str]:
    """Golden file name → Markdown, for every tool × example × document × language.

    An example whose answers do not validate raises ``KitError``; a template that fails raises
    ``TemplateError``: both name the file, like ``survivalkit validate`` does.
    """
    files: dict[str, str] = {}
    for tool in tools:
        for index, example in enumerate(tool.examples):
            where = f"examples[{index}]"
            try:
                checked = example_answers(kit, tool, example)
            except Exception as exc:  # a contributor's condition or default that fails outright
                message = f"{type(exc).__name__}: {exc}"
                raise KitError([Problem(tool.origin, 1, 1, where, message, "SK008")]) from None
            if not checked.valid:
                missing = "missing answers: " + ", ".join(checked.missing)
                message = "; ".join(checked.errors) or missing
                raise KitError([Problem(tool.origin, 1, 1, where, message, "SK007")])
            for lang in GOLDEN_LANGS:
                for doc in render_example(kit, tool, checked, lang):
                    files[golden_name(tool.id, example.name, doc.document_id, lang)] = doc.markdown
    return dict(sorted(files.items()))


@dataclass
class GoldenReport:
    """How a golden folder compares with the current rendering."""

    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    same: int = 0

    @property
    def ok(self) -> bool:
        """Whether the folder matches exactly."""
        return not (self.missing or self.changed or self.stale)


def golden_on_disk(folder: Path) -> list[str]:
    """The Markdown files under ``folder``, as relative POSIX names."""
    if not folder.is_dir():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md") if p.is_file())


def read_golden(path: Path) -> str | None:
    """A golden file's text, or None when it is absent or unreadable."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def compare_golden(expected: Mapping[str, str], folder: Path) -> GoldenReport:
    """Which golden files are missing, differ, or belong to nothing any more."""
    report = GoldenReport()
    for name, text in expected.items():
        current = read_golden(folder / name)
        if current is None:
            report.missing.append(name)
        elif current != text:
            report.changed.append(name)
        else:
            report.same += 1
    report.stale = [name for name in golden_on_disk(folder) if name not in expected]
    return report


def update_golden(expected: Mapping[str, str], folder: Path) -> GoldenReport:
    """Write missing and changed files, delete stale ones; return what was done."""
    report = compare_golden(expected, folder)
    for name in report.missing + report.changed:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(expected[name], encoding="utf-8", newline="\n")
    for name in report.stale:
        path = folder / name
        path.unlink()
        parent = path.parent
        while parent != folder and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
    return report


def golden_diff(expected: str, folder: Path, name: str, max_lines: int = 40) -> str:
    """A short unified diff between the golden file and the current rendering."""
    current = read_golden(folder / name) or ""
    lines = list(
        difflib.unified_diff(
            current.splitlines(), expected.splitlines(),
            f"golden/{name}", f"rendered/{name}", lineterm="", n=1,
        )
    )
    if len(lines) > max_lines:
        lines = [*lines[:max_lines], f"... ({len(lines) - max_lines} more lines)"]
    return "\n".join(lines)


def tools_under(kit: Kit, folder: Path) -> list[Tool]:
    """The kit's tools whose file lies in ``folder`` (a kit layer)."""
    root = folder.resolve()
    out = []
    for tool in kit.tools.values():
        try:
            inside = Path(tool.origin).resolve().is_relative_to(root)
        except OSError:
            inside = False
        if inside:
            out.append(tool)
    return out
