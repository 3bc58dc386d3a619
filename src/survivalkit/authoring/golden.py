"""Tool examples run and rendered, and the golden files that pin their documents."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from survivalkit.errors import KitError, Msg, Problem
from survivalkit.kit.model import Example, Kit, Tool, now
from survivalkit.kit.yamlread import Located, read_yaml
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
    dropped: list[str] = field(default_factory=list)
    """Answers given for questions that are never asked (their ``when`` is false)."""

    @property
    def valid(self) -> bool:
        """Whether every answer passed and no required answer is missing."""
        return not self.errors and not self.missing


def example_day(example: Example) -> dt.date:
    """The date an example renders with: its own, else today."""
    return example.date or now()


def example_answers(kit: Kit, tool: Tool, example: Example, lang: str = "en") -> ExampleAnswers:
    """Validate an example's answers as ``survivalkit run --answers FILE --defaults`` would."""
    from survivalkit.engine.sources import prefill
    from survivalkit.engine.tool_run import tool_interview

    day = example_day(example)
    interview = tool_interview(kit, tool, lang=lang, day=day)
    # The example is run as if on its date: computed defaults (`add_days(today, 30)`) stay put.
    interview.base["today"] = day
    source = f"example `{example.name}`" if lang == "en" else f"exemple « {example.name} »"
    errors, missing = prefill(
        interview, example.answers, source, use_defaults=True, interactive=False
    )
    final = interview.final_answers()
    known = {q.id for q in interview.questions}
    asked = {q.id for q in interview.applicable()}
    # Only answers whose question is not asked: a refused answer is reported as such (SK007).
    dropped = [str(k) for k in example.answers if k in known and k not in asked]
    return ExampleAnswers(final, errors, missing, day, dropped)


def example_errors(kit: Kit, tool: Tool, example: Example, checked: ExampleAnswers) -> list[str]:
    """Why an example's answers fail, as messages said in French or English (``Msg``)."""
    if checked.valid:
        return []
    french = example_answers(kit, tool, example, lang="fr")  # only on failure: costs nothing else
    out: list[str] = [
        Msg.both(en, fr) for en, fr in zip(checked.errors, french.errors, strict=False)
    ]
    if checked.missing:
        out.append(Msg("example.missing", name=example.name, ids=", ".join(checked.missing)))
    return out


def tool_source(tool: Tool, sources: Mapping[str, Located] | None = None) -> Located | None:
    """The located source of a tool file, read again when the kit came from the cache."""
    located = (sources or {}).get(tool.origin)
    if located is None:
        located, _ = read_yaml(Path(tool.origin), tool.origin)
    return located


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


def answer_path(example: Example, index: int, message: str) -> tuple[str | int, ...]:
    """The example's answer a message is about (its key is named in it), else ``answers``."""
    where: tuple[str | int, ...] = ("examples", index, "answers")
    # The example's own name is not an answer's (an example named `urgent` and a question `urgent`).
    for named in (f"example `{example.name}`", f"exemple « {example.name} »"):
        message = message.replace(named, "", 1)
    for key in example.answers:
        if f" {key}:" in message or f"`{key}`" in message or f" {key} :" in message:
            return (*where, str(key))
    return where


def _example_problem(
    tool: Tool, index: int, message: str, rule: str, sources: Mapping[str, Located] | None
) -> Problem:
    located = tool_source(tool, sources)
    where = answer_path(tool.examples[index], index, message)
    if located is None:
        return Problem(tool.origin, 1, 1, f"examples[{index}]", message, rule)
    return located.problem(where, message, rule=rule)


def expected_files(
    kit: Kit, tools: Iterable[Tool], sources: Mapping[str, Located] | None = None
) -> dict[str, str]:
    """Golden file name → Markdown, for every tool × example × document × language.

    An example whose answers do not validate raises ``KitError`` placed on the example's line; a
    template that fails raises ``TemplateError``: both name the file, like ``validate`` does.
    Documents that read wrong (« None », a list as Python writes it, ``**`` left open, the rules
    SK030 and SK130 to SK136 of ``validate``) raise ``KitError`` too: they are not frozen.
    """
    from survivalkit.authoring.rules.rendered import Variant, example_problems
    from survivalkit.kit.loader import locator_for

    files: dict[str, str] = {}
    unread: list[Problem] = []
    for tool in tools:
        locate = locator_for(tool, dict(sources or {}))
        for index, example in enumerate(tool.examples):
            try:
                checked = example_answers(kit, tool, example)
            except Exception as exc:  # a contributor's condition or default that fails outright
                message = Msg("example.crashed", name=example.name, error=f"{type(exc).__name__}: {exc}")
                raise KitError([_example_problem(tool, index, message, "SK008", sources)]) from None
            if not checked.valid:
                problems = [
                    _example_problem(tool, index, m, "SK007", sources)
                    for m in example_errors(kit, tool, example, checked)
                ]
                raise KitError(problems)
            for lang in GOLDEN_LANGS:
                documents = render_example(kit, tool, checked, lang, locate)
                unread += example_problems(kit, tool, Variant(example, index, ""), checked, lang,
                                           tool_source(tool, sources))
                for doc in documents:
                    files[golden_name(tool.id, example.name, doc.document_id, lang)] = doc.markdown
    if unread:  # never freeze « None » or a `**` left open: the same reading as validate
        raise KitError(unread)
    return dict(sorted(files.items()))


@dataclass
class GoldenReport:
    """How a golden folder compares with the current rendering."""

    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    same: int = 0
    others: list[str] = field(default_factory=list)
    """Folders of another kit's tools (loaded underneath): never deleted, never compared."""

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


def compare_golden(
    expected: Mapping[str, str], folder: Path, foreign: Iterable[str] = ()
) -> GoldenReport:
    """Which golden files are missing, differ, or belong to nothing any more.

    The folders of ``foreign`` tools (those of the other kits loaded with this one) are another
    kit's: listed apart, never called stale, never deleted.
    """
    others_ids = set(foreign) - {name.split("/", 1)[0] for name in expected}
    report = GoldenReport()
    for name, text in expected.items():
        current = read_golden(folder / name)
        if current is None:
            report.missing.append(name)
        elif current != text:
            report.changed.append(name)
        else:
            report.same += 1
    others: set[str] = set()
    for name in golden_on_disk(folder):
        if name in expected:
            continue
        if name.split("/", 1)[0] in others_ids:
            others.add(name.split("/", 1)[0])
        else:
            report.stale.append(name)
    report.others = sorted(others)
    return report


def update_golden(
    expected: Mapping[str, str], folder: Path, foreign: Iterable[str] = ()
) -> GoldenReport:
    """Write missing and changed files, delete this kit's stale ones; return what was done."""
    report = compare_golden(expected, folder, foreign)
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
