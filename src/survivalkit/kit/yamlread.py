"""Reading YAML safely and remembering where every key and value stands in the file."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from survivalkit.errors import Msg, Problem, os_reason

if TYPE_CHECKING:
    import yaml
else:

    class _LazyYaml:
        """PyYAML, imported when a file is first read: a command whose kit files all come from
        the cache never imports it."""

        def __getattr__(self, name: str) -> Any:
            import yaml as module

            globals()["yaml"] = module
            return getattr(module, name)

    yaml = _LazyYaml()


def safe_loader() -> Any:
    """PyYAML's safe loader: the C one, several times faster, where libyaml is there."""
    try:
        return yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - depends on how PyYAML was built
        return yaml.SafeLoader

MAX_BYTES = 1_000_000
MAX_NODES = 200_000
MAX_DEPTH = 40

KeyPath = tuple[str | int, ...]
_PLAIN_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


_YAML11_TRUE = frozenset({"y", "yes", "true", "on"})
_YAML11_FALSE = frozenset({"n", "no", "false", "off"})


class YamlWord(str):
    """A word YAML 1.1 reads as a boolean or as nothing (``no``, ``Off``, ``Null``), kept as typed.

    It is the text as written; ``meaning`` is what YAML would have made of it, for a question
    whose type is not a text (a yes/no question answered ``off``, a date answered ``null``).
    """

    meaning: bool | None

    @classmethod
    def of(cls, text: str) -> YamlWord:
        """The word ``text``, with its YAML 1.1 meaning."""
        word = cls(text)
        folded = text.lower()
        word.meaning = True if folded in _YAML11_TRUE else False if folded in _YAML11_FALSE else None
        return word


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
    numbers: dict[KeyPath, str] = field(default_factory=dict)
    """Each number as written (``45.000``): an answers file's amount is read as the person typed it."""
    words: dict[KeyPath, str] = field(default_factory=dict)
    """Each YAML 1.1 word as written (``no``, ``Off``, ``NULL``), which YAML reads as a boolean or as
    nothing: an answer to a text question keeps the word typed. ``~`` and an empty value are absent."""

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


_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"
# Tags a kit file may carry: plain data only. Anything else (python/*, binary, set, custom
# tags such as !include) is refused before any value is built.
_DATA_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)
REFUSED_BY_SYSTEM = frozenset({"file.not_regular", "file.unreadable"})
"""The message keys of a problem that is the file system's refusal (not a regular file,
unreadable), not the file's content: a command says it with exit 1, where a wrong content is a
usage error."""
# C0 and C1 control characters (tab and line breaks excepted) and lone surrogates: a double-
# quoted escape such as "\e[2J" would otherwise carry terminal escape codes into the interface.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")


class _Builder:
    def __init__(self, located: Located) -> None:
        self.located = located
        self.count = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, path: KeyPath, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Stop(node, Msg("yaml.too_many", limit=MAX_NODES))
        if depth > MAX_DEPTH:
            raise _Stop(node, Msg("yaml.too_deep", depth=MAX_DEPTH))
        _check_tag(node)
        style = node.style if isinstance(node, yaml.ScalarNode) else None
        self.located.values[path] = _mark(node, style)
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _Stop(key_node, Msg("yaml.key_not_word"))
                if key_node.tag == _MERGE:
                    raise _Stop(key_node, Msg("yaml.merge_key"))
                _check_tag(key_node)
                # A key is the word as written: `yes:` or `1:` stay "yes" and "1", never a
                # boolean or a number that the schema would then report in puzzling terms.
                key = _checked_text(key_node, str(key_node.value))
                if key in result:
                    first = self.located.keys[(*path, key)]
                    raise _Stop(
                        key_node,
                        Msg("yaml.duplicate_key", key=key, line=first.line),
                    )
                self.located.keys[(*path, key)] = _mark(key_node)
                result[key] = self.build(value_node, (*path, key), depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        try:
            value = self.constructor.construct_object(node)
        except (ValueError, OverflowError) as exc:
            raise _Stop(node, _value_message(node, exc)) from None
        if isinstance(value, int | float) and not isinstance(value, bool):
            self.located.numbers[path] = str(node.value)
        elif (value is None or isinstance(value, bool)) and not style and node.value not in ("", "~"):
            self.located.words[path] = str(node.value)
        if isinstance(value, str):
            value = _checked_text(node, value)
        return value


class _Stop(Exception):
    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.message = message


def _check_tag(node: yaml.Node) -> None:
    if node.tag == _VALUE:  # a lone `=` is YAML 1.1's "value" key: read it as the text "="
        node.tag = _STR
    if node.tag in _DATA_TAGS:
        return
    tag = str(node.tag).replace("tag:yaml.org,2002:", "!")
    raise _Stop(node, Msg("yaml.tag_not_allowed", tag=tag.lstrip("!")))


def _checked_text(node: yaml.Node, text: str) -> str:
    """``text`` checked for control characters and normalised (NFC): a decomposed « é » (what
    some editors and macOS file names produce) compares equal to the composed one everywhere."""
    found = _CONTROL.search(text)
    if found:
        code = f"U+{ord(found.group()):04X}"
        raise _Stop(node, Msg("yaml.control_in_text", code=code))
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _value_message(node: yaml.Node, exc: Exception) -> str:
    text = str(exc)
    if node.tag == "tag:yaml.org,2002:timestamp":
        return Msg("yaml.bad_date", value=node.value, reason=text)
    if "digits" in text or isinstance(exc, OverflowError):
        return Msg("yaml.number_too_long", n=len(str(node.value)))
    return Msg("yaml.value_unreadable", reason=text)


def _expansion(root: yaml.Node) -> None:
    """Refuse, before building anything, documents whose aliases expand out of bounds.

    Each node's expanded size is computed once (aliases share nodes), so a "billion laughs"
    file is refused in microseconds, as is an alias that contains itself.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node, depth: int) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise _Stop(node, Msg("yaml.alias_self"))
        if depth > MAX_DEPTH:
            raise _Stop(node, Msg("yaml.too_deep", depth=MAX_DEPTH))
        open_nodes.add(key)
        total = 1
        if isinstance(node, yaml.MappingNode):
            for _key, value_node in node.value:
                total += 1 + size(value_node, depth + 1)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                total += size(item, depth + 1)
        open_nodes.discard(key)
        if total > MAX_NODES:
            raise _Stop(
                node,
                Msg("yaml.expands", limit=MAX_NODES),
            )
        sizes[key] = total
        return total

    size(root, 0)


def _mark(node: yaml.Node, style: str | None = None) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1, style)


class NotRegular(OSError):
    """A path that is a pipe, a device, a socket or a folder: never opened for reading."""


def read_regular(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of the regular file ``path``. A FIFO is opened without waiting for a
    writer and refused, as are devices and folders: reading never hangs and never floods."""
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegular(f"{path} is not a regular file")
        chunks: list[bytes] = []
        size = 0
        while size < limit:
            chunk = os.read(fd, min(1 << 20, limit - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_yaml(path: Path, display: str | None = None) -> tuple[Located | None, list[Problem]]:
    """Read one YAML file; return its located data, or the problems that stop reading it."""
    name = display or str(path)
    try:
        raw = read_regular(path, MAX_BYTES + 1)  # never more: a huge file is not read whole
    except NotRegular:
        return None, [Problem(name, 1, 1, "", Msg("file.not_regular"))]
    except OSError as exc:
        return None, [Problem(name, 1, 1, "", Msg("file.unreadable", reason=os_reason(exc)))]
    if len(raw) > MAX_BYTES:
        return None, [Problem(name, 1, 1, "", Msg("yaml.file_over", limit=MAX_BYTES))]
    return parse_yaml(raw, name)


def parse_yaml(raw: bytes, name: str) -> tuple[Located | None, list[Problem]]:
    """Parse YAML bytes; return located data or the problems found (never raises)."""
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(name, 1, 1, "", Msg("yaml.file_size", size=len(raw), limit=MAX_BYTES))
        ]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(name, 1, 1, "", Msg("yaml.utf16"))]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [Problem(name, line, col, "", Msg("yaml.not_utf8"))]
    if "\x00" in text:
        line, col = _position(text, text.index("\x00"))
        return None, [
            Problem(name, line, col, "", Msg("yaml.nul"))
        ]
    located = Located(name, None, lines=text.splitlines())
    try:
        loader = safe_loader()(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as exc:
        line, col = _position(text, exc.position)
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "?"
        return None, [
            Problem(name, line, col, "", Msg("yaml.control", code=code))
        ]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = _yaml_message(exc, text, mark)
        return None, [Problem(name, line, col, "", message)]
    except yaml.YAMLError as exc:
        return None, [Problem(name, 1, 1, "", Msg("yaml.error", reason=_one_line(str(exc))))]
    except RecursionError:  # pragma: no cover - only with the pure-Python parser
        return None, [Problem(name, 1, 1, "", Msg("yaml.too_deep", depth=MAX_DEPTH))]
    if node is None:
        return None, [Problem(name, 1, 1, "", Msg("yaml.empty"))]
    try:
        _expansion(node)
        located.data = _Builder(located).build(node, (), 0)
    except _Stop as stop:
        m = _mark(stop.node)
        return None, [Problem(name, m.line, m.col, "", stop.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Problem(name, line, col, "", _yaml_message(exc, text, mark))]
    except (ValueError, OverflowError, TypeError) as exc:
        return None, [Problem(name, 1, 1, "", Msg("yaml.value_unreadable", reason=_one_line(str(exc))))]
    if not isinstance(located.data, dict):
        kind = {"list": "kind.list", "str": "kind.text"}.get(type(located.data).__name__, "kind.single")
        return None, [Problem(name, 1, 1, "", Msg("yaml.not_mapping", kind=Msg(kind)))]
    return located, []


def _position(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _yaml_message(exc: yaml.MarkedYAMLError, text: str = "", mark: Any = None) -> str:
    problem = _one_line(exc.problem or "")
    if "could not determine a constructor" in problem:
        tag = problem.split("tag")[-1].strip(" '!")
        return Msg("yaml.tag", tag=tag)
    at = getattr(mark, "index", None)
    if "\\t" in problem or (isinstance(at, int) and at < len(text) and text[at] == "\t"):
        return Msg("yaml.tab")
    if "maximum nesting depth" in problem:
        return Msg("yaml.too_deep", depth=MAX_DEPTH)
    from survivalkit.kit.plain_words import yaml_reason

    return yaml_reason(problem, _one_line(exc.context or ""))
