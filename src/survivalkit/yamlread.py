"""Reading YAML safely and remembering where every key and value stands in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from survivalkit.errors import Problem

try:  # the C loader is several times faster; fall back when libyaml is absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 1_000_000
MAX_NODES = 200_000
MAX_DEPTH = 40

KeyPath = tuple[str | int, ...]
_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


@dataclass(frozen=True)
class Mark:
    """A 1-based position in a file, and the scalar style when the value is a string."""

    line: int
    col: int
    style: str | None = None


@dataclass
class Located:
    """A YAML document's data with the position of every key and value."""

    path: str
    data: Any
    keys: dict[KeyPath, Mark] = field(default_factory=dict)
    values: dict[KeyPath, Mark] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def mark(self, key_path: KeyPath, prefer_key: bool = False) -> Mark:
        """The best known position for ``key_path``: itself, or its nearest known parent."""
        probe = key_path
        while True:
            if prefer_key and probe in self.keys:
                return self.keys[probe]
            if probe in self.values:
                return self.values[probe]
            if probe in self.keys:
                return self.keys[probe]
            if not probe:
                return Mark(1, 1)
            probe = probe[:-1]

    def problem(
        self,
        key_path: KeyPath,
        message: str,
        *,
        prefer_key: bool = False,
        rule: str = "schema",
        severity: str = "error",
    ) -> Problem:
        """A problem located at ``key_path`` in this file."""
        m = self.mark(key_path, prefer_key)
        return Problem(self.path, m.line, m.col, format_key_path(key_path), message, rule, severity)

    def template_line(self, key_path: KeyPath, template_lineno: int) -> tuple[int, int]:
        """The file line of line ``template_lineno`` of the string at ``key_path``."""
        m = self.mark(key_path)
        if m.style in ("|", ">"):
            line = m.line + template_lineno
            text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
            return line, len(text) - len(text.lstrip(" ")) + 1
        return m.line + template_lineno - 1, m.col


def format_key_path(key_path: KeyPath) -> str:
    """``questions[2].label`` from ``("questions", 2, "label")``."""
    out = ""
    for part in key_path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class _Builder:
    def __init__(self, located: Located) -> None:
        self.located = located
        self.count = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, path: KeyPath, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Stop(node, f"more than {MAX_NODES} values (an alias bomb?); refused")
        if depth > MAX_DEPTH:
            raise _Stop(node, f"nested deeper than {MAX_DEPTH} levels; refused")
        style = node.style if isinstance(node, yaml.ScalarNode) else None
        self.located.values[path] = _mark(node, style)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!")
            raise _Stop(node, f"the tag `!{tag.lstrip('!')}` is not allowed: kit files hold data only")
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _Stop(key_node, "a key must be a plain word, not a list or mapping")
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise _Stop(key_node, "merge keys (<<) are not supported; write keys out")
                key = self.constructor.construct_object(key_node)
                if not isinstance(key, str | int | bool):
                    key = str(key)
                if key in result:
                    first = self.located.keys[(*path, key)]
                    raise _Stop(
                        key_node,
                        f"duplicate key `{key}` (first at line {first.line}); keep only one",
                    )
                self.located.keys[(*path, key)] = _mark(key_node)
                result[key] = self.build(value_node, (*path, key), depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self.constructor.construct_object(node)


class _Stop(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


def _mark(node: yaml.Node, style: str | None = None) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1, style)


def read_yaml(path: Path, display: str | None = None) -> tuple[Located | None, list[Problem]]:
    """Read one YAML file; return its located data, or the problems that stop reading it."""
    name = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(name, 1, 1, "", f"cannot read the file: {exc.strerror or exc}")]
    return parse_yaml(raw, name)


def parse_yaml(raw: bytes, name: str) -> tuple[Located | None, list[Problem]]:
    """Parse YAML bytes; return located data or the problems found."""
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(name, 1, 1, "", f"file is {len(raw)} bytes; the limit is {MAX_BYTES}")
        ]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [Problem(name, line, col, "", "not valid UTF-8; save the file as UTF-8")]
    if "\x00" in text:
        return None, [Problem(name, 1, 1, "", "the file contains NUL bytes; is it a text file?")]
    located = Located(name, None, lines=text.splitlines())
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = _yaml_message(exc)
        return None, [Problem(name, line, col, "", message)]
    except yaml.YAMLError as exc:
        return None, [Problem(name, 1, 1, "", f"YAML error: {exc}")]
    if node is None:
        return None, [Problem(name, 1, 1, "", "the file is empty")]
    try:
        located.data = _Builder(located).build(node, (), 0)
    except _Stop as stop:
        m = _mark(stop.node)
        return None, [Problem(name, m.line, m.col, "", stop.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Problem(name, line, col, "", _yaml_message(exc))]
    except (ValueError, OverflowError) as exc:
        return None, [Problem(name, 1, 1, "", f"a value cannot be read: {exc}")]
    if not isinstance(located.data, dict):
        kind = type(located.data).__name__
        return None, [Problem(name, 1, 1, "", f"the file must be a mapping of keys, not a {kind}")]
    return located, []


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    if "could not determine a constructor" in problem:
        tag = problem.split("tag")[-1].strip(" '!")
        return f"the tag `!{tag}` is not allowed: kit files hold data only"
    if "found character '\\t'" in problem or "\\t" in problem:
        return "a tab character is not allowed for indentation; use spaces"
    context = (exc.context or "").strip()
    text = f"{context}: {problem}" if context else problem
    return f"YAML syntax error: {text}"
