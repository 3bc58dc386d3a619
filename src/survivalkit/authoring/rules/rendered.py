"""Checks on what the documents say: every example and the branches one changed answer reaches,
rendered in every language and read back (``authoring/reading.py``).

The problems are found per tool, so the lint cache keeps them per tool file (same key as every
other check: the file's content, the kit's files, survivalkit's code, the date).
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, nodes

from survivalkit.authoring.lint_cache import kit_key, tool_key
from survivalkit.authoring.reading import (
    NONE_PRINTED,
    RAW_CHOICE,
    Finding,
    NoAnswer,
    TemplatePart,
    read_document,
)
from survivalkit.authoring.rules.base import (
    RULES,
    Context,
    check,
    document_sources,
    located,
    problem_at,
    tool_problem,
)
from survivalkit.authoring.rules.catalog import SK008, SK180
from survivalkit.errors import Msg, Problem, TemplateError
from survivalkit.kit.model import Example, Kit, Question, QuestionType, Tool, tool_questions
from survivalkit.kit.yamlread import Located
from survivalkit.output.render import RenderedDocument
from survivalkit.text.names import slugify

MAX_VARIANTS = 120
"""Branches rendered per tool at most (each in every language): a bound on validate's time."""

_COUNTING_FILTERS = frozenset({"length", "count", "wordcount", "tojson", "int", "float", "bool"})
_CHOICE_TYPES = (QuestionType.CHOICE, QuestionType.MULTICHOICE)
_PRINTED_RAW = (QuestionType.CHOICE,)
"""A multichoice printed as is shows a Python list: the rendered documents report it (SK030)."""


@dataclass(frozen=True)
class Variant:
    """An example, or an example with one answer changed (and what that change needed)."""

    example: Example
    index: int
    changed: str
    """``nature: travaux`` — empty for the example as written."""


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


def _alternatives(q: Question, current: Any) -> Iterator[Any]:
    """The other answers worth trying for ``q``: each choice, yes and no, and no answer."""
    if q.type == QuestionType.BOOL:
        yield from (v for v in (True, False) if v != current)
    elif q.type == QuestionType.CHOICE and q.choices:
        yield from (c.value for c in q.choices if c.value != current)
    elif q.type == QuestionType.MULTICHOICE and q.choices:
        for c in q.choices:
            if current != [c.value]:
                yield [c.value]
        everything = [c.value for c in q.choices]
        if current != everything and len(everything) > 1:
            yield everything
    if not q.required and current is not None:
        yield None


def _filler(q: Question, day: dt.date) -> Any:
    """An answer that fits ``q``, for a question a changed answer opens (an example skipped it)."""
    low = q.min if q.min is not None else 1
    if q.type == QuestionType.BOOL:
        return True
    if q.type == QuestionType.CHOICE and q.choices:
        return q.choices[0].value
    if q.type == QuestionType.MULTICHOICE and q.choices:
        return [q.choices[0].value]
    if q.type in (QuestionType.INTEGER, QuestionType.NUMBER):
        return max(int(low), 1)
    if q.type == QuestionType.AMOUNT:
        return max(int(low), 1000)
    if q.type == QuestionType.DATE:
        past = q.date_range in ("past", "today_or_past")
        return (day - dt.timedelta(days=30) if past else day + dt.timedelta(days=30)).isoformat()
    if q.type == QuestionType.EMAIL:
        return "camille.durand@exemple.fr"
    if q.type == QuestionType.URL:
        return "https://www.exemple.fr"
    text = "Un texte d'exemple pour vérifier le document"
    return text[: q.max_length] if q.max_length else text


def variants(kit: Kit, tool: Tool) -> Iterator[tuple[Variant, Any]]:
    """Each valid example, then each branch one changed answer reaches, with its checked answers.

    Each other answer of each choice, yes/no or optional question is tried once, on the first
    example where it makes a valid branch (not on every example: that multiplied the renderings
    by the number of examples for little more found). A changed answer that opens a question the
    example skipped gets an answer that fits it. Branches whose answers end up the same as one
    already seen are left out.
    """
    from survivalkit.authoring.golden import example_answers

    questions = {q.id: q for q in tool_questions(kit, tool)}
    seen: set[str] = set()
    bases: list[tuple[int, Example, dict[str, Any]]] = []
    for index, example in enumerate(tool.examples):
        try:
            checked = example_answers(kit, tool, example)
        except Exception:  # reported by the example checks (SK008)
            continue
        if not checked.valid:
            continue
        seen.add(repr(sorted(checked.answers.items(), key=lambda kv: kv[0])))
        bases.append((index, example, checked.answers))
        yield Variant(example, index, ""), checked
    count = 0
    reached: set[tuple[str, str]] = set()  # (question, answer) already read in some branch
    for index, example, final in bases:
        for qid, q in questions.items():
            if q.type not in (QuestionType.BOOL, *_CHOICE_TYPES) and q.required:
                continue
            for value in _alternatives(q, final.get(qid)):
                if count >= MAX_VARIANTS:
                    return
                if (qid, repr(value)) in reached:
                    continue  # each answer of each question once, from the first example it fits
                answers = dict(example.answers)
                if value is None:
                    answers.pop(qid, None)
                else:
                    answers[qid] = value
                changed = f"{qid}: {_shown(value)}"
                checked = _try(kit, tool, example, answers, questions)
                if checked is None:
                    continue
                key = repr(sorted(checked.answers.items(), key=lambda kv: kv[0]))
                if key in seen:
                    continue
                seen.add(key)
                reached.add((qid, repr(value)))
                count += 1
                yield Variant(example, index, changed), checked


def _try(
    kit: Kit, tool: Tool, example: Example, answers: dict[str, Any], questions: dict[str, Question]
) -> Any:
    from survivalkit.authoring.golden import example_answers

    try:
        variant = example.model_copy(update={"answers": answers})
        checked = example_answers(kit, tool, variant)
        if checked.missing and not checked.errors:
            day = checked.day
            filled = dict(answers)
            for qid in checked.missing:
                if qid not in questions:
                    return None
                filled[qid] = _filler(questions[qid], day)
            checked = example_answers(kit, tool, example.model_copy(update={"answers": filled}))
    except Exception:  # a condition that fails on these answers: SK008 is about examples only
        return None
    return checked if checked.valid else None


def document_parts(tool: Tool, index: int, lang: str) -> list[TemplatePart]:
    """The templates of document ``index`` in ``lang``, as the renderer reads them."""
    parts: list[TemplatePart] = []
    for sub_path, text in tool.documents[index].templates():
        key_path: tuple[str | int, ...] = ("documents", index, *sub_path)
        if isinstance(text, str):
            parts.append(TemplatePart(key_path, text))
        else:
            use_en = lang == "en" and bool(text.en)
            parts.append(TemplatePart((*key_path, "en" if use_en else "fr"),
                                      str(text.en if use_en else text.fr)))
    return parts


def has_own_english(tool: Tool, index: int) -> bool:
    """Whether document ``index`` has an English body (else English shows the French one)."""
    template = tool.documents[index].template
    return not isinstance(template, str) and bool(template.en)


def percent_values(kit: Kit, tool: Tool, index: int, day: dt.date, lang: str) -> list[str]:
    """The percentages this document's templates print through facts, as ``lang`` writes them."""
    from survivalkit.sandbox.expressions import FactLookupError, fact_at
    from survivalkit.text.typography import format_number

    text = "\n".join(p.text for p in document_parts(tool, index, lang))
    out: list[str] = []
    for name, fact in kit.info.facts.items():
        if fact.unit != "percent" or name not in text:
            continue
        try:
            value = fact_at(kit.info.facts, name, day, lang).value
        except FactLookupError:
            continue
        out.append(format_number(value, lang))
    return out


def quoted_kit_texts(kit: Kit) -> list[str]:
    """Texts the kit quotes as they are (facts' sources, in French in every language)."""
    return [v.source or fact.source for fact in kit.info.facts.values() for v in fact.values] + [
        fact.source for fact in kit.info.facts.values()
    ]


def read_variant(
    kit: Kit, tool: Tool, checked: Any, lang: str
) -> list[tuple[int, Finding]]:
    """Render the tool for ``checked`` answers in ``lang`` and read every document back.

    Raises ``TemplateError`` when a template fails for these answers.
    """
    from survivalkit.output.render import known_ids, render_tool

    marked = {qid: NoAnswer(qid) for qid in known_ids(kit, tool)}
    marked.update({k: v for k, v in checked.answers.items() if v is not None})
    documents = render_tool(kit, tool, marked, day=checked.day, lang=lang)
    return read_rendered(kit, tool, checked, lang, documents)


def read_rendered(
    kit: Kit, tool: Tool, checked: Any, lang: str, documents: list[RenderedDocument]
) -> list[tuple[int, Finding]]:
    """Read rendered documents back: (document index, finding) for each."""
    out: list[tuple[int, Finding]] = []
    quoted = [*(v for v in checked.answers.values() if isinstance(v, str)), *quoted_kit_texts(kit)]
    for doc in documents:
        index = next(i for i, d in enumerate(tool.documents) if d.id == doc.document_id)
        findings = read_document(
            doc.markdown, document_parts(tool, index, lang), lang,
            foreign_formats=lang == "fr" or has_own_english(tool, index),
            percents=percent_values(kit, tool, index, checked.day, lang),
            answers=quoted,
        )
        out += [(index, f) for f in findings]
    return out


def example_problems(
    kit: Kit, tool: Tool, variant: Variant, checked: Any, lang: str, loc: Located | None
) -> list[Problem]:
    """What ``golden`` refuses to freeze: the findings of an example's documents, located."""
    return [
        problem_at(loc, tool.origin, finding.key_path, RULES[finding.rule],
                   finding_message(tool, index, finding, case_of(variant, lang)),
                   finding.template_line)
        for index, finding in read_variant(kit, tool, checked, lang)
    ]


def finding_message(tool: Tool, index: int, finding: Finding, case: Msg) -> Msg:
    """The report of one finding: what the reader sees, where it came from, and why."""
    key = f"lint.read.{finding.rule}" + (f".{finding.kind}" if finding.kind else "")
    return Msg(key, document=tool.documents[index].id,
               excerpt=finding.excerpt, detail=finding.detail, case=case)


def case_of(variant: Variant, lang: str) -> Msg:
    """« example `x` (English) » or « example `x` with `nature: travaux` (French) »."""
    language = Msg(f"lint.read.lang.{lang}")
    if variant.changed:
        return Msg("lint.read.case_changed", name=variant.example.name, changed=variant.changed,
                   language=language)
    return Msg("lint.read.case", name=variant.example.name, language=language)


_KNOWN: OrderedDict[str, list[Problem]] = OrderedDict()
"""What the reading found per tool, by the lint cache's key (the tool file's content, the kit's
files, survivalkit's code, the date): a process that validates the same kit again (an editor, the
tests) does not render it again. The lint cache keeps the same across processes."""
KNOWN_MAX = 256


@check
def check_rendered_documents(ctx: Context) -> Iterator[Problem]:
    """Every example and one-answer branch, rendered in both languages and read back."""
    base = kit_key([Path(r) for r in ctx.kit.roots], (), ctx.today)  # no other tool is read
    for tool in ctx.tools():
        if not tool.documents:
            continue
        key = f"{tool_key(base, tool.origin)}|{located(ctx, tool) is not None}"
        found = _KNOWN.get(key)
        if found is None:
            found = list(_read_tool(ctx, tool))
            _KNOWN[key] = found
            while len(_KNOWN) > KNOWN_MAX:
                _KNOWN.popitem(last=False)
        yield from found


def _read_tool(ctx: Context, tool: Tool) -> Iterator[Problem]:
    """The problems the rendered branches of one tool show."""
    reported: set[tuple[str, tuple[str | int, ...], int]] = set()
    broken: set[tuple[str | int, ...]] = set()
    for variant, checked in variants(ctx.kit, tool):
        for lang in ("fr", "en"):
            try:
                findings = read_variant(ctx.kit, tool, checked, lang)
            except TemplateError as exc:
                if not variant.changed:
                    broken.add(("examples", variant.index))  # SK008 of the example says it
                elif ("examples", variant.index) not in broken:
                    broken.add(("examples", variant.index))
                    reason = str(exc).replace(f"{tool.origin}:", "line ", 1)
                    yield tool_problem(ctx, tool, ("examples", variant.index), SK008,
                                       Msg("lint.read.branch_fails", case=case_of(variant, lang),
                                           reason=reason))
                break  # the example itself is reported by SK008
            for index, finding in findings:
                key = (finding.rule, finding.key_path, finding.template_line)
                if key in reported:
                    continue
                reported.add(key)
                yield tool_problem(ctx, tool, finding.key_path, RULES[finding.rule],
                                   finding_message(tool, index, finding,
                                                   case_of(variant, lang)),
                                   finding.template_line)


def _printed_name(expr: nodes.Expr) -> str | None:
    """The question printed as is by ``{{ … }}``: ``nature``, ``nature | upper``; else None."""
    while isinstance(expr, nodes.Filter):
        if expr.name in _COUNTING_FILTERS or expr.node is None:
            return None
        expr = expr.node
    return expr.name if isinstance(expr, nodes.Name) else None


def _raw_values_differ(q: Question) -> bool:
    return any(slugify(str(c.label.fr if not isinstance(c.label, str) else c.label))
               .replace("-", "_") != c.value for c in q.choices or [])


@check
def check_raw_choice(ctx: Context) -> Iterator[Problem]:
    """``{{ nature }}`` prints the stored value (« agregation »), not what the agent chose."""
    from survivalkit.authoring.template_analysis import parsed

    for tool in ctx.tools():
        choices = {q.id: q for q in tool_questions(ctx.kit, tool)
                   if q.type in _PRINTED_RAW and _raw_values_differ(q)}
        if not choices:
            continue
        for source in document_sources(tool):
            if source.key_path[-1] == "filename" or "filename" in source.key_path:
                continue
            try:
                ast = parsed(source.text)
            except TemplateSyntaxError:
                continue
            done: set[str] = set()
            for output in ast.find_all(nodes.Output):
                for expr in output.nodes:
                    if isinstance(expr, nodes.TemplateData):
                        continue
                    name = _printed_name(expr)
                    if name in choices and name not in done:
                        done.add(name)
                        q = choices[name]
                        first = (q.choices or [])[0]
                        yield tool_problem(ctx, tool, source.key_path, RULES[RAW_CHOICE],
                                           Msg("lint.raw_choice", what=source.what, name=name,
                                               value=first.value), expr.lineno)


_CASE_FILTERS = ("capitalize", "title")


@check
def check_case_filters(ctx: Context) -> Iterator[Problem]:
    """``{{ nom | capitalize }}`` lowers the rest of a name (« Camille durand »), ``title`` raises
    every word (« Maison De La Loire »): an answer is printed as the agent typed it."""
    from survivalkit.authoring.template_analysis import parsed
    from survivalkit.output.render import known_ids

    for tool in ctx.tools():
        answers = set(known_ids(ctx.kit, tool))
        for source in document_sources(tool):
            if not any(f in source.text for f in _CASE_FILTERS):
                continue
            try:
                ast = parsed(source.text)
            except TemplateSyntaxError:
                continue
            for node in ast.find_all(nodes.Filter):
                inner = node.node
                while isinstance(inner, nodes.Filter) and inner.node is not None:
                    inner = inner.node
                if node.name in _CASE_FILTERS and isinstance(inner, nodes.Name) and inner.name in answers:
                    yield tool_problem(ctx, tool, source.key_path, SK180,
                                       Msg("lint.case_filter", what=source.what, name=inner.name,
                                           filter=node.name,
                                           example=Msg(f"lint.case_filter.{node.name}")),
                                       node.lineno)


__all__ = ["NONE_PRINTED", "check_case_filters", "check_raw_choice", "check_rendered_documents", "read_variant",
           "variants"]
