"""Reading rendered documents back: what an agent would see that no template check can.

``validate`` renders every example, and the branches one changed answer leads to, then reads the
Markdown: « None », a list printed as Python writes it, ``**`` left open, « à le », an amount in
the other language's format, an empty heading, doubled punctuation, a percentage without « % ».
``golden`` reads the examples' documents the same way before freezing them.

Each finding is placed on the template line that wrote it (matched on the template's literal
text), so that the report can name ``file:line``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

NONE_PRINTED = "SK030"
"""« None », ``['a', 'b']`` or ``{'a': 1}`` in a document (error)."""
RAW_CHOICE = "SK130"
EMPHASIS = "SK131"
CONTRACTION = "SK132"
OTHER_LANGUAGE = "SK133"
EMPTY_HEADING = "SK134"
DOUBLED_PUNCTUATION = "SK135"
PERCENT = "SK136"

EXCERPT = 70
"""Characters of rendered text shown around a finding."""

_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_TAG = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OUTPUT = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_URL_OR_CODE = re.compile(r"(?:https?://|www\.)\S+|`[^`\n]*`|<[^>\n]*>|\S+@\S+\.\w+")

_NONE = re.compile(r"(?<![\w-])None(?![\w-])")
_ITEM = r"""(?:'[^'\n]{0,200}'|"[^"\n]{0,200}"|-?\d+(?:\.\d+)?|None|True|False)"""
_REPR = re.compile(
    rf"\[\]|\[\s*{_ITEM}(?:\s*,\s*{_ITEM})*\s*\]|\{{\s*{_ITEM}\s*:|datetime\.date\(\d"
)
_CONTRACTION = re.compile(r"(?<![\w-])(?:à|de) (?:le|les)(?![\w'’-])", re.IGNORECASE)
_CONTRACTION_TEMPLATE = re.compile(r"(?<![\w-])(?:à|de)\s+\{\{", re.IGNORECASE)
_HEADING = re.compile(r"^#{1,6}(?:\s.*)?$")
_DOUBLED = re.compile(r"(?<![.…])([.,;:!?])[ \u00a0\u202f]*([.,;:])(?![.\d])")
_ABBREVIATION = re.compile(r"(?:^|[\s(*_.])[^\W\d]{1,4}$")
"""« Réf. : », « etc., »: a short word before the period (a number is no abbreviation: « article 12.. »)."""

_FR_MONTHS = ("janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre"
              "|décembre")
_EN_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November"
              "|December")
FRENCH_IN_ENGLISH = re.compile(
    r"\d[\d\u202f\u00a0 ]*(?:,\d+)?[ \u00a0\u202f]?€"      # 5 000 € (English writes €5,000)
    r"|€[ \u00a0\u202f]?(?:HT|TTC)\b"                       # € HT, € TTC
    r"|\d\u202f\d{3}"                                      # 5 000 grouped the French way
    rf"|\b\d{{1,2}}(?:er)? (?:{_FR_MONTHS}) \d{{4}}\b",     # 26 novembre 2026
    re.IGNORECASE,
)
ENGLISH_IN_FRENCH = re.compile(
    r"€[ \u00a0\u202f]?\d"                                  # €5,000
    r"|\b(?:excl|incl)\. VAT\b"
    r"|\b\d{1,3}(?:,\d{3})+(?![,\d])(?=[ \u00a0\u202f]?€)"  # 5,000 €
    rf"|\b\d{{1,2}} (?:{_EN_MONTHS}) \d{{4}}\b"             # 26 November 2026
    rf"|\b(?:{_EN_MONTHS}) \d{{1,2}}, \d{{4}}\b",
)
_RAW_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")
"""A date printed as is (``2027-01-15``): ``| date_long`` was left out."""
_RAW_FR = re.compile(_RAW_DATE.pattern + r"|(?<![\d.,])\d{3,}\.\d{1,2}(?![\d.,])")
"""In French, also a decimal point (``12000.5``): ``| euros`` or ``| number`` was left out."""
_PERCENT_AFTER = re.compile(r"[ \u00a0\u202f]?(?:%|pour ?cent|per ?cent)", re.IGNORECASE)


NO_ANSWER = "zznoanswerzz"
_NO_ANSWER = re.compile(rf"{NO_ANSWER}([a-z0-9_\\]*?){NO_ANSWER}", re.IGNORECASE)


class NoAnswer:
    """What validate renders in place of an unanswered question: false in a condition, equal to
    ``none``, but printed as a mark, so that the reading sees where nothing was printed."""

    __slots__ = ("qid",)

    def __init__(self, qid: str) -> None:
        self.qid = qid

    def __bool__(self) -> bool:
        return False

    def __eq__(self, other: object) -> bool:
        return other is None or isinstance(other, NoAnswer)

    def __hash__(self) -> int:
        return hash(None)

    def __str__(self) -> str:
        return f"{NO_ANSWER}{self.qid}{NO_ANSWER}"

    def __repr__(self) -> str:
        return "None"


@dataclass(frozen=True)
class TemplatePart:
    """One template of a document in one language: the body, or a letter's part."""

    key_path: tuple[str | int, ...]
    text: str


@dataclass(frozen=True)
class Finding:
    """One thing a reader of the document would notice."""

    rule: str
    excerpt: str
    """The rendered text around it, as the agent would read it."""
    key_path: tuple[str | int, ...]
    """The template that wrote it (the document's body when no line matched)."""
    template_line: int
    """Its line in that template (0 when unknown)."""
    detail: str = ""
    """What was found exactly (the contraction, the foreign format, the percent value)."""
    kind: str = ""
    """``unanswered``: a question without an answer printed nothing there."""


def unescape(text: str) -> str:
    """The text as a reader sees it: Markdown escapes (``\\*``, ``\\[``) removed."""
    return _ESCAPED.sub(r"\1", text)


def _flat(text: str) -> str:
    return _SPACES.sub("", unescape(text))


def _pieces(line: str) -> list[str]:
    """The literal text of a template line, split where ``{{ … }}`` prints something."""
    return [_flat(p) for p in _OUTPUT.split(_TAG.sub("", line))]


class Locator:
    """Finds the template line that wrote a rendered line, by its literal text."""

    def __init__(self, parts: Sequence[TemplatePart]) -> None:
        self.parts = list(parts)
        self.lines: list[tuple[TemplatePart, int, str, re.Pattern[str], int]] = []
        for part in self.parts:
            for number, line in enumerate(part.text.splitlines(), start=1):
                pieces = _pieces(line)
                literal = sum(len(p) for p in pieces)
                if literal < 3 and "{{" not in line:
                    continue
                pattern = re.compile(".*?".join(re.escape(p) for p in pieces), re.DOTALL)
                self.lines.append((part, number, line, pattern, literal))

    def find(self, rendered: str) -> tuple[TemplatePart | None, int, str]:
        """The part, line number and source line that best explain ``rendered``."""
        flat = _flat(rendered)
        best: tuple[TemplatePart | None, int, str] = (None, 0, "")
        best_size = 2  # a line must share at least 3 literal characters to be chosen
        for part, number, line, pattern, literal in self.lines:
            if literal > best_size and pattern.search(flat):
                best, best_size = (part, number, line), literal
        if best[0] is None:
            for part, number, line, pattern, literal in self.lines:
                if literal <= 2 and pattern.fullmatch(flat):
                    return part, number, line
        return best


@lru_cache(maxsize=256)
def _locator(parts: tuple[TemplatePart, ...]) -> Locator:
    """The locator of a document's templates, made once for all the branches read in them."""
    return Locator(parts)


def _quoted(token: str, texts: Sequence[str]) -> bool:
    pattern = re.compile(rf"(?<!\w){re.escape(token)}(?!\w)")
    return any(pattern.search(text) for text in texts)


def _excerpt(line: str, start: int, end: int) -> str:
    left = max(0, start - EXCERPT // 2)
    right = min(len(line), end + EXCERPT // 2)
    text = " ".join(_SPACES.split(line[left:right].strip()))
    return ("…" if left > 0 else "") + text + ("…" if right < len(line) else "")


def _literal(line: str) -> str:
    """The template line's own text, without what it prints: a finding written there is meant."""
    return unescape(_TAG.sub("", _OUTPUT.sub("\x00", line)))


def read_document(
    markdown: str,
    parts: Sequence[TemplatePart],
    lang: str,
    *,
    foreign_formats: bool = True,
    percents: Iterable[str] = (),
    answers: Iterable[str] = (),
) -> list[Finding]:
    """What a reader of ``markdown`` would notice, placed in ``parts`` (the document's templates).

    ``foreign_formats``: whether to look for the other language's formats (not when the English
    document is the French template shown as is). ``percents``: percentages printed by the
    templates' facts, as the language writes them (``50``, ``12,5``). ``answers``: the texts
    the agent typed; what they wrote themselves (a date in French in an English document) is theirs.
    """
    typed = [unescape(a) for a in answers if a]
    locator = _locator(tuple(parts))
    default = parts[0].key_path if parts else ("documents",)
    findings: list[Finding] = []
    percent_values = [v for v in percents if v]

    def found(rule: str, line: str, start: int, end: int, detail: str = "",
              needs_output: bool = False, template_shape: re.Pattern[str] | None = None,
              kind: str = "") -> None:
        part, number, source = locator.find(line)
        token = line[start:end]
        typo = rule == DOUBLED_PUNCTUATION and not any(c.isspace() for c in token)
        if source and token.strip() and token.strip() in _literal(source) and not typo:
            return  # written as is in the template: meant, not a value gone wrong
        if rule not in (EMPTY_HEADING, PERCENT) and _quoted(token.strip(), typed):
            return  # the agent's own words, or a text the kit quotes
        if needs_output and source and "{{" not in source:
            return
        if template_shape is not None and not (source and template_shape.search(source)):
            return
        findings.append(Finding(rule, _excerpt(line, start, end),
                                part.key_path if part else default, number, detail or token, kind))

    for line in markdown.splitlines():
        if not _NO_ANSWER.search(line):
            continue
        shown = _NO_ANSWER.sub("", line)
        if not shown.strip():
            continue  # a line of its own that prints nothing: nothing for the reader to see
        part, number, _ = locator.find(shown)
        if part is not None and "letter" in part.key_path:
            continue  # a letter's parts leave out what is unanswered, by design
        for match in _NO_ANSWER.finditer(line):
            qid = match.group(1).replace("\\", "").lower()
            start = len(_NO_ANSWER.sub("", line[: match.start()]))
            findings.append(Finding(NONE_PRINTED, _excerpt(shown, start, start),
                                    part.key_path if part else default, number, qid,
                                    "unanswered"))
            break
    markdown = _NO_ANSWER.sub("", markdown)
    in_fence = False
    lines = markdown.splitlines()
    percent_key = tuple(percent_values)
    for line in lines:
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        candidates = _candidates(line, lang, foreign_formats, percent_key)
        if not candidates:
            continue
        plain = unescape(line)
        for rule, on_line, start, end, detail, needs_output, shape, kind in candidates:
            found(rule, line if on_line else plain, start, end, detail=detail,
                  needs_output=needs_output, template_shape=shape, kind=kind)
    findings += _emphasis(lines, locator, default)
    return findings


Candidate = tuple[str, bool, int, int, str, bool, "re.Pattern[str] | None", str]
"""(rule, on the raw line, start, end, detail, needs output, template shape, kind)."""


@lru_cache(maxsize=65_536)
def _candidates(line: str, lang: str, foreign_formats: bool,
                percents: tuple[str, ...]) -> tuple[Candidate, ...]:
    """What one rendered line shows, before it is placed in the templates: most lines of a
    document are the same in every branch, so each distinct line is read once."""
    out: list[Candidate] = []
    plain = unescape(line)
    for match in _NONE.finditer(plain):
        out.append((NONE_PRINTED, False, match.start(), match.end(), "", True, None, ""))
    for match in _REPR.finditer(plain):
        out.append((NONE_PRINTED, False, match.start(), match.end(), "", True, None, ""))
    if _HEADING.match(line) and not re.search(r"\w", plain.lstrip("#")):
        out.append((EMPTY_HEADING, True, 0, len(line), line.strip(), False, None, ""))
    prose = _URL_OR_CODE.sub(lambda m: "x" * len(m.group()), plain)
    if not prose.lstrip().startswith("|"):
        for match in _DOUBLED.finditer(prose):
            if match.group(1) == "." and _ABBREVIATION.search(prose[: match.start()]):
                continue  # « Réf. : », « etc., »
            if match.group(1) in "?!" and match.group(2) != ".":
                continue
            out.append((DOUBLED_PUNCTUATION, False, match.start(), match.end(), "", False, None, ""))
    if lang == "fr":
        for match in _CONTRACTION.finditer(prose):
            out.append((CONTRACTION, False, match.start(), match.end(), "", False,
                        _CONTRACTION_TEMPLATE, ""))
    if foreign_formats:
        pattern = FRENCH_IN_ENGLISH if lang == "en" else ENGLISH_IN_FRENCH
        for match in pattern.finditer(prose):
            out.append((OTHER_LANGUAGE, False, match.start(), match.end(), "", True, None, ""))
        raw = _RAW_FR if lang == "fr" else _RAW_DATE
        for match in raw.finditer(prose):
            out.append((OTHER_LANGUAGE, False, match.start(), match.end(), "", True, None, "raw"))
    for value in percents:
        for match in re.finditer(
            rf"(?<![\d,.])(?<!\d[ \u00a0\u202f]){re.escape(value)}(?![\d,.])"
            r"(?![ \u00a0\u202f]\d{3})", prose
        ):
            if not _PERCENT_AFTER.match(prose, match.end()):
                out.append((PERCENT, False, match.start(), match.end(), "", True, None, ""))
    return tuple(out)


def _emphasis(
    lines: list[str], locator: Locator, default: tuple[str | int, ...]
) -> Iterator[Finding]:
    """``**`` opened and never closed within a paragraph (Markdown shows the asterisks)."""
    block: list[str] = []

    def flush() -> Iterator[Finding]:
        opened: str | None = None
        for line in block:
            for _ in re.finditer(r"\*\*", re.sub(r"\\.|`[^`]*`", "", line)):
                opened = line if opened is None else None
        block.clear()
        if opened is not None:
            part, number, _ = locator.find(opened)
            where = opened.find("**")
            yield Finding(EMPHASIS, _excerpt(opened, where, where + 2),
                          part.key_path if part else default, number, "**")

    in_fence = False
    for line in [*lines, ""]:
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            yield from flush()
            if line.strip():
                block.append(line)
                yield from flush()
            continue
        block.append(line)
