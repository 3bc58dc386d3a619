"""Parser, schema and template messages said in plain words, with the fix, in French or English.

PyYAML, pydantic and Jinja speak to programmers ("expected <block end>", "input should be a valid
date"); a contributor who knows YAML but not Python reads what to write instead.
"""

from __future__ import annotations

import re
from typing import Any

from survivalkit.errors import Msg

_JINJA: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Encountered unknown tag '(?P<tag>\w+)'\. Jinja was looking for the following "
                r"tags: (?P<wanted>.*?)\. The innermost block that needs to be closed is "
                r"'(?P<block>\w+)'"), "jinja.wrong_end"),
    (re.compile(r"Unexpected end of template\. Jinja was looking for the following tags: .*?"
                r"The innermost block that needs to be closed is '(?P<block>\w+)'"), "jinja.unclosed"),
    (re.compile(r"Encountered unknown tag '(?P<tag>end\w+|else|elif)'"), "jinja.stray_end"),
    (re.compile(r"Encountered unknown tag '(?P<tag>\w+)'"), "jinja.unknown_tag"),
    (re.compile(r"unexpected end of template, expected 'end of print statement'"), "jinja.open_print"),
    (re.compile(r"expected token 'end of print statement', got '(?P<got>[^']*)'"), "jinja.print_extra"),
    (re.compile(r"expected token 'end of statement block', got '='"), "jinja.single_equal"),
    (re.compile(r"expected token 'end of statement block', got '(?P<got>[^']*)'"), "jinja.block_extra"),
    (re.compile(r"expected token 'name', got '(?P<got>[^']*)'"), "jinja.name_expected"),
    (re.compile(r"No filter named '(?P<name>[^']*)'"), "jinja.no_filter"),
    (re.compile(r"No test named '(?P<name>[^']*)'"), "jinja.no_test"),
    (re.compile(r"unexpected char (?P<q>['\"])(?P<char>.)(?P=q)"), "jinja.char"),
    (re.compile(r"unexpected '(?P<char>[^']+)'"), "jinja.char"),
]


def template_reason(message: str) -> str | Msg:
    """A Jinja syntax error message in plain words with its fix."""
    for pattern, key in _JINJA:
        m = pattern.search(message)
        if m:
            values = m.groupdict()
            if key == "jinja.wrong_end":
                values["end"] = "end" + values["block"]
            if key == "jinja.unclosed":
                values["end"] = "end" + values["block"]
            if key == "jinja.char" and values.get("char") in ("'", '"'):
                key = "jinja.quote"
            values.pop("q", None)
            values.pop("wanted", None)
            return Msg(key, **values)
    return Msg("jinja.other", reason=message)


_YAML: list[tuple[str, str]] = [
    ("mapping values are not allowed", "yaml.colon"),
    ("could not find expected ':'", "yaml.no_colon"),
    ("found unexpected end of stream", "yaml.unclosed_quote"),
    ("but found '<block mapping start>'", "yaml.indent"),
    ("but found '<scalar>'", "yaml.after_quote"),
    ("but found '?'", "yaml.list_then_key"),
    ("but found '-'", "yaml.list_indent"),
    ("did not find expected key", "yaml.indent"),
    ("did not find expected '-' indicator", "yaml.list_indent"),
    ("expected ',' or ']'", "yaml.open_list"),
    ("expected ',' or '}'", "yaml.open_mapping"),
    ("found undefined alias", "yaml.alias"),
    ("that cannot start any token", "yaml.bad_start"),
]


def yaml_reason(problem: str, context: str = "") -> Msg:
    """A PyYAML parser message in plain words with its fix."""
    for needle, key in _YAML:
        if needle in problem:
            char = re.search(r"found character '(.)'", problem)
            return Msg("yaml.syntax", reason=Msg(key, char=char.group(1) if char else ""))
    raw = f"{context}: {problem}" if context else problem
    return Msg("yaml.syntax", reason=raw)


_DATE_KINDS = {"date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"}
_INT_KINDS = {"int_parsing", "int_type", "int_from_float"}
_NUMBER_KINDS = {"float_parsing", "float_type"}


def schema_reason(kind: str, err: dict[str, Any], key: str) -> Msg | None:
    """A pydantic error in plain words (None: the loader's own wording is better)."""
    given = err.get("input")
    shown = "" if isinstance(given, dict | list) else str(given)
    ctx = err.get("ctx") or {}
    if kind in _DATE_KINDS:
        return Msg("schema.date", given=shown)
    if kind == "string_pattern_mismatch" and "https?" in str(ctx.get("pattern", "")):
        return Msg("schema.url", given=shown)
    if kind in _INT_KINDS:
        return Msg("schema.integer", given=shown)
    if kind in _NUMBER_KINDS:
        return Msg("schema.number", given=shown)
    if kind in ("bool_parsing", "bool_type"):
        return Msg("schema.bool", given=shown)
    if kind == "string_type":
        return Msg("schema.text")
    if kind == "string_too_short":
        return Msg("schema.empty_text")
    if kind == "too_short":
        return Msg("schema.too_short", min=ctx.get("min_length", 1))
    if kind == "list_type":
        return Msg("schema.list", key=key)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return Msg("schema.mapping", key=key)
    if kind == "string_pattern_mismatch":
        return Msg("schema.pattern", given=shown, pattern=str(ctx.get("pattern", "")))
    if kind == "value_error":
        reason = str(err.get("msg", "")).removeprefix("Value error, ")
        return Msg("schema.value", reason=reason[:1].lower() + reason[1:])
    return None
