"""Checks on examples: they validate, render in both languages, and cover every question."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from survivalkit.authoring.rules.base import Context, check, located, tool_own_questions, tool_problem
from survivalkit.authoring.rules.catalog import SK007, SK008, SK009, SK102, SK109, SK110, SK113
from survivalkit.errors import Msg, Problem, TemplateError
from survivalkit.kit.model import Example, Tool
from survivalkit.kit.yamlread import KeyPath

if TYPE_CHECKING:
    from survivalkit.authoring.golden import ExampleAnswers

CONTEXT_CHARS = 60
"""How much rendered text to show on each side of where a missing ``expect`` was looked for."""


@check
def check_examples(ctx: Context) -> Iterator[Problem]:
    """Each example validates, renders in both languages, and contains its ``expect`` texts."""
    from survivalkit.authoring.golden import answer_path, example_answers, example_errors

    for tool in ctx.tools():
        for i, example in enumerate(tool.examples):
            where: KeyPath = ("examples", i)
            if example.date is None:
                yield tool_problem(ctx, tool, (*where, "name"), SK110,
                                   Msg("lint.example_no_date", name=example.name))
            try:
                checked = example_answers(ctx.kit, tool, example)
            except Exception as exc:  # a contributor's condition or default that fails outright
                yield tool_problem(ctx, tool, where, SK008,
                                   Msg("example.crashed", name=example.name,
                                       error=f"{type(exc).__name__}: {exc}"))
                continue
            for key in checked.dropped:
                yield tool_problem(ctx, tool, (*where, "answers", key), SK113,
                                   Msg("lint.example_dropped", name=example.name, key=key))
            for error in example_errors(ctx.kit, tool, example, checked):
                yield tool_problem(ctx, tool, answer_path(example, i, error), SK007, error)
            if not checked.valid:
                continue
            yield from _rendered(ctx, tool, i, example, checked)


def _rendered(
    ctx: Context, tool: Tool, i: int, example: Example, checked: ExampleAnswers
) -> Iterator[Problem]:
    from survivalkit.authoring.golden import missing_expectations as missing
    from survivalkit.authoring.golden import render_example as render

    loc = located(ctx, tool)
    locate = loc.template_line if loc else None
    where: KeyPath = ("examples", i)
    for lang in ("fr", "en"):
        try:
            documents = render(ctx.kit, tool, checked, lang, locate)
        except TemplateError as exc:
            reason = _in_the_tool(exc, tool.origin)
            yield tool_problem(ctx, tool, where, SK008,
                               Msg("lint.example_render", name=example.name, lang=lang,
                                   reason=reason))
            break
        if lang == "fr":
            text = "\n".join(doc.markdown for doc in documents)
            for j, wanted in enumerate(example.expect):
                if wanted in missing(example, documents):
                    differences = lookalikes(text, wanted)
                    if differences:
                        message = Msg("lint.expect_lookalike", name=example.name, text=wanted,
                                      differences=differences)
                    else:
                        message = Msg("lint.expect_missing", name=example.name, text=wanted,
                                      around=around(text, wanted))
                    yield tool_problem(ctx, tool, (*where, "expect", j), SK009, message)


LOOKALIKES = {
    **dict.fromkeys("’‘ʼ′`´", "'"), **dict.fromkeys("“”«»„″", '"'),
    **dict.fromkeys("‐‑‒–—−", "-"), **dict.fromkeys("\u00a0\u202f\u2009\u2007\t", " "),
}
"""Characters that look alike on screen, and the plain one each passes for."""


_FRENCH_QUOTES = re.compile(r"«[\s\u00a0\u202f]*|[\s\u00a0\u202f]*»")


def _plain(text: str) -> str:
    return "".join(LOOKALIKES.get(c, c) for c in text)


def lookalikes(rendered: str, wanted: str) -> Msg | str:
    """« ’ instead of ' » when ``wanted`` is in ``rendered`` but for characters that look alike."""
    plain_text, plain_wanted = _plain(rendered), _plain(wanted)
    start = plain_text.find(plain_wanted)
    if start < 0:
        # « Guichet » with its no-break spaces, where `expect` has "Guichet": not the same length.
        squeezed = _plain(_FRENCH_QUOTES.sub('"', rendered))
        if '"' in wanted and squeezed != plain_text and plain_wanted in squeezed:
            return Msg("lint.expect_french_quotes")
        return ""
    found = rendered[start : start + len(wanted)]
    pairs: list[tuple[str, str]] = []
    for got, typed in zip(found, wanted, strict=True):
        if got != typed and (got, typed) not in pairs:
            if LOOKALIKES.get(got, got) == " " and LOOKALIKES.get(typed, typed) == " ":
                continue  # spaces of any kind match already
            pairs.append((got, typed))
    if not pairs:
        return ""
    return Msg.both(
        ", ".join(f"{_name(g, 'en')} instead of {_name(t, 'en')}" for g, t in pairs),
        ", ".join(f"{_name(g, 'fr')} au lieu de {_name(t, 'fr')}" for g, t in pairs),
    )


_NAMES = {
    "’": ("« ’ » (apostrophe typographique)", "\"’\" (curly apostrophe)"),
    "'": ("« ' » (apostrophe droite)", "\"'\" (straight apostrophe)"),
    "«": ("« « » (guillemet français)", "\"«\" (French quotation mark)"),
    "»": ("« » » (guillemet français)", "\"»\" (French quotation mark)"),
    '"': ("« \" » (guillemet droit)", "'\"' (straight quotation mark)"),
    "–": ("« – » (tiret moyen)", "\"–\" (en dash)"),
    "—": ("« — » (tiret long)", "\"—\" (em dash)"),
    "-": ("« - » (trait d'union)", "\"-\" (hyphen)"),
}


def _name(char: str, lang: str) -> str:
    import unicodedata

    if char in _NAMES:
        return _NAMES[char][0 if lang == "fr" else 1]
    name = unicodedata.name(char, f"U+{ord(char):04X}").lower()
    return f"« {char} » ({name})" if lang == "fr" else f'"{char}" ({name})'


def around(rendered: str, wanted: str, width: int = CONTEXT_CHARS) -> str:
    """The rendered text where ``wanted`` was likely meant to be: around its longest shared part."""
    from difflib import SequenceMatcher

    from survivalkit.authoring.golden import plain_spaces

    plain = plain_spaces(rendered)
    target = plain_spaces(wanted)
    match = SequenceMatcher(None, plain, target, autojunk=False).find_longest_match(
        0, len(plain), 0, len(target)
    )
    if match.size < 3:
        start, end = 0, min(len(plain), 2 * width)
    else:
        start = max(0, match.a - match.b - width)
        end = min(len(plain), match.a - match.b + len(target) + width)
    snippet = " ".join(plain[start:end].split())
    return ("…" if start > 0 else "") + snippet + ("…" if end < len(plain) else "")


@check
def check_example_coverage(ctx: Context) -> Iterator[Problem]:
    """Every tool has examples, and each of its questions is answered by at least one."""
    for tool in ctx.tools():
        if not tool.examples:
            yield tool_problem(ctx, tool, (), SK109, Msg("lint.no_examples", id=tool.id))
            continue
        answered = {key for example in tool.examples for key in example.answers}
        for i, used in enumerate(tool.uses):
            if used not in answered:
                yield tool_problem(ctx, tool, ("uses", i), SK102,
                                   Msg("lint.unanswered_shared", id=used))
        for key_path, q in tool_own_questions(tool):
            if q.id not in answered:
                yield tool_problem(ctx, tool, (*key_path, "id"), SK102,
                                   Msg("lint.unanswered", id=q.id))


def _in_the_tool(exc: TemplateError, origin: str) -> str:
    """The template's failure with its place said as a line of the tool being validated."""
    message = exc.args[0] if exc.args else ""
    if not (isinstance(message, Msg) and message.key == "template.failed"):
        return str(exc).replace(f"{origin}:", "line ", 1)
    where = str(message.values["where"])
    if where.startswith(f"{origin}:"):
        rest = where.removeprefix(f"{origin}:")
        where = Msg.both(f"line {rest}", f"ligne {rest}")
    return Msg("template.failed", where=where, what=message.values["what"], reason=message.values["reason"])
