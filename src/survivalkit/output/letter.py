"""French administrative layout of letters, notes and agreements: their parts, in Markdown."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from survivalkit.i18n import t
from survivalkit.kit.base import Text
from survivalkit.kit.documents import Decision, Document, Letter
from survivalkit.output.courtesy import (
    appellation,
    capitalise_lines,
    civility,
    civility_from_text,
    formula,
    kind_of,
    of_title,
)
from survivalkit.text.markdown import escape_markdown
from survivalkit.text.typography import format_date_long, french_spacing

SENDER_IDS = ("nom", "fonction", "service", "organisation", "courriel")
SIGNATORY_IDS = ("nom", "fonction")
BOX = "\u2610"  # ☐, a box to tick by hand
GAP = "\u2003"  # an em space between the boxes
DOTS = "\u2026" * 12
DECISION_BOXES = ("letter.yes", "letter.no", "letter.conditions")
OPINION_BOXES = ("letter.opinion_yes", "letter.opinion_reserves", "letter.opinion_no")
"""The boxes of a decision (accord, refus, conditions) and of an adviser's opinion (avis)."""
COPIES = {
    "fr": ("un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"),
    "en": ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
}

Render = Callable[[Text, tuple[str | int, ...]], str]
"""Renders one template of the document (with its key path, for error messages)."""


@dataclass(frozen=True)
class DecisionParts:
    """The decision block, rendered: who decides, and the points to decide."""

    by: str
    points: list[str]
    opinion: bool = False
    """An opinion asked of an adviser (« Avis »), not a decision (« Décision »)."""


@dataclass(frozen=True)
class LetterParts:
    """A letter, note or agreement, rendered part by part (each formats lays them out)."""

    layout: str
    lang: str
    body: str
    sender: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    place_date: str = ""
    subject: str = ""
    references: str = ""
    closing: str = ""
    made_at: str = ""
    signatories: list[list[str]] = field(default_factory=list)
    decision: DecisionParts | None = None
    attachments: list[str] = field(default_factory=list)
    """The documents sent with the letter (« P.J. : »)."""
    civility: str = ""
    """The recipient's civility, ``f``, ``m`` or empty (for « de la » or « du » before a title)."""
    kind: str = ""
    """The recipient's kind (``prefect``, ``mayor``… see ``courtesy.KINDS``), or empty."""


def label(key: str, lang: str, **values: object) -> str:
    """A document label from the catalogue, with French spacing in French."""
    text = t(key, lang, **values)
    return french_spacing(text) if lang == "fr" else text


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _from_profile(ctx: Mapping[str, Any], ids: tuple[str, ...]) -> list[str]:
    return [escape_markdown(str(ctx[key]).strip()) for key in ids if ctx.get(key) not in (None, "")]


def render_letter(
    document: Document, body: str, ctx: Mapping[str, Any], *, lang: str, day: dt.date, render: Render
) -> LetterParts:
    """Render the letter parts of ``document`` (its ``letter`` block) around ``body``."""
    letter = document.letter or Letter()

    def part(key: str) -> str:
        value = getattr(letter, key)
        text = render(value, ("letter", key)).strip() if value is not None else ""
        return french_spacing(text) if lang == "fr" else text

    def lines(text: str) -> list[str]:
        return _lines(french_spacing(text) if lang == "fr" else text)

    sender = lines(part("sender")) if letter.sender is not None else _from_profile(ctx, SENDER_IDS)
    place = part("place") if letter.place is not None else escape_markdown(str(ctx.get("ville") or "").strip())
    signatories = [
        lines(render(s, ("letter", "signatories", i))) for i, s in enumerate(letter.signatories)
    ] or [_from_profile(ctx, SIGNATORY_IDS)]
    date = format_date_long(day, lang)
    if document.layout == "agreement":
        copies = COPIES.get(lang, COPIES["fr"])[letter.copies - 1]
        key = "letter.made_at_place" if place else "letter.made_at"
        made_at, place_date = label(key, lang, place=place, copies=copies, dots=DOTS), ""
    else:
        made_at = ""
        key = "letter.place_date" if place else "letter.date"
        place_date = label(key, lang, place=place, date=date)
    decision = None
    if letter.decision:
        spec = letter.decision if isinstance(letter.decision, Decision) else Decision()
        by = render(spec.by, ("letter", "decision", "by")).strip() if spec.by is not None else ""
        points = [
            render(p, ("letter", "decision", "points", i)).strip() for i, p in enumerate(spec.points)
        ]
        opinion = spec.kind == "opinion"
        decision = DecisionParts(
            by=" ".join(_lines(by)), points=[" ".join(_lines(p)) for p in points if p], opinion=opinion
        )
        if lang == "fr":
            decision = DecisionParts(
                by=french_spacing(decision.by),
                points=[french_spacing(p) for p in decision.points],
                opinion=opinion,
            )
    layout = document.layout
    if layout == "letter" and part("as_note").strip().lower() in ("yes", "oui", "true"):
        layout = "note"  # inside one administration (a State service to its own prefect): a note
    recipient = lines(part("recipient"))
    if layout == "letter":  # the address block; a note's recipient follows « à l'attention de »
        recipient = capitalise_lines(recipient)
    kind = kind_of(part("recipient_kind"))
    civ = civility(part("recipient_civility")) or civility_from_text(recipient[0] if recipient else "")
    closing = part("closing")
    if kind and layout == "letter":
        # The appellation opens the letter; the formula that repeats it ends it.
        body = f"{appellation(kind, civ, lang)},\n\n{body.lstrip()}"
        closing = "\n\n".join(p for p in (closing, formula(kind, civ, lang)) if p)
    return LetterParts(
        layout=layout,
        lang=lang,
        body=body,
        sender=sender,
        recipient=recipient,
        place_date=place_date,
        subject=" ".join(_lines(part("subject"))),
        references=" ".join(_lines(part("references"))),
        closing=closing,
        made_at=made_at,
        signatories=[s for s in signatories if s],
        decision=decision,
        attachments=lines(part("attachments")),
        civility=civ,
        kind=kind,
    )


def attachments_line(parts: LetterParts) -> str:
    """« P.J. : l'annexe budgétaire ; le budget prévisionnel » (English « Enclosures: … »)."""
    if not parts.attachments:
        return ""
    joined = "; ".join(parts.attachments)
    return f"{label('letter.attachments', parts.lang)} {french_spacing(joined) if parts.lang == 'fr' else joined}"


def attention_parts(parts: LetterParts) -> tuple[str, str]:
    """« Note à l'attention du » and the recipient, with « de le » and « de les » contracted (du,
    des) and « de » elided (« d'Éric Vidal », the elided « de » then goes with the name)."""
    lead, who = label("letter.attention", parts.lang), ", ".join(parts.recipient)
    if parts.lang == "fr" and lead.endswith(" de"):
        joined = of_title(who, parts.civility)  # « du directeur », « de la directrice », « de l'adjoint »
        if joined.startswith("d'"):
            return lead[:-3], joined
        prep, _, who = joined.partition(" ") if joined.startswith(("du ", "des ")) else ("de", "", joined[3:])
        lead = lead[:-3] + " " + prep
    return lead, who


def attention(parts: LetterParts) -> str:
    """« **Note à l'attention du** délégué … » in Markdown."""
    lead, who = attention_parts(parts)
    return f"**{lead}** {who}"


def split_last_block(markdown: str) -> tuple[str, str]:
    """The body without its last block, and that last block (kept with the signature)."""
    text = markdown.rstrip("\n")
    head, sep, last = text.rpartition("\n\n")
    return (head + "\n", last + "\n") if sep else ("", text + "\n")


def decision_lines(decision: DecisionParts, lang: str) -> list[tuple[str, str]]:
    """The decision block as (kind, Markdown) pairs: ``point``, ``boxes``, ``field``."""
    keys = OPINION_BOXES if decision.opinion else DECISION_BOXES
    boxes = GAP.join(f"{BOX}\u00a0{label(k, lang)}" for k in keys)
    out: list[tuple[str, str]] = []
    for point in decision.points:
        out += [("point", f"**{point}**"), ("boxes", boxes)]
    if not decision.points:
        out.append(("boxes", boxes))
    remarks = "letter.opinion_remarks" if decision.opinion else "letter.remarks"
    out.append(("field", f"{label(remarks, lang)} {DOTS}{DOTS}"))
    out.append(("field", f"{label('letter.decision_date', lang)} {DOTS}"))
    out.append(("field", f"{label('letter.decision_name', lang)} {decision.by or DOTS}"))
    out.append(("field", label("letter.signature", lang)))
    return out


@dataclass(frozen=True)
class Block:
    """One part of a letter, note or agreement, in reading order: what it is (``role``), its
    Markdown text, and the label before it (« Objet : », « Note à l'attention du »)."""

    role: str
    """``sender``, ``recipient`` or ``attention`` (a note's), ``date``, ``subject``,
    ``references``, ``body``, ``closing`` (the closing words, « Fait à … »), ``signature`` (one
    per signatory), ``attachments``, ``decision`` (its title), then ``decision-point``,
    ``decision-boxes`` and ``decision-field`` lines."""
    text: str
    label: str = ""


def letter_blocks(parts: LetterParts) -> list[Block]:
    """The letter model: every part in the French administrative order, decided once here; the
    Markdown, HTML and office writers only give each role its own markup."""
    lang = parts.lang
    blocks: list[Block] = []
    if parts.layout != "agreement":
        blocks.append(Block("sender", "\n".join(parts.sender)))
        if parts.layout == "note":
            lead, who = attention_parts(parts)
            blocks.append(Block("attention", who, lead))
        else:
            blocks.append(Block("recipient", "\n".join(parts.recipient)))
        blocks.append(Block("date", parts.place_date))
        blocks.append(Block("subject", parts.subject, label("letter.subject", lang)))
        if parts.references:
            blocks.append(Block("references", parts.references, label("letter.references", lang)))
    blocks.append(Block("body", parts.body.strip()))
    blocks += [Block("closing", extra) for extra in (parts.closing, parts.made_at) if extra]
    blocks += [Block("signature", "\n".join(lines)) for lines in parts.signatories]
    if parts.attachments:
        blocks.append(Block("attachments", attachments_line(parts)))
    if parts.decision is not None:
        heading = "letter.opinion" if parts.decision.opinion else "letter.decision"
        blocks.append(Block("decision", label(heading, lang)))
        blocks += [Block(f"decision-{kind}", text) for kind, text in decision_lines(parts.decision, lang)]
    return blocks


def labelled(block: Block, *, bold: bool = True) -> str:
    """A block's label and text as one Markdown snippet (« **Objet :** Demande … »)."""
    if not block.label:
        return block.text
    return f"**{block.label}** {block.text}" if bold else f"{block.label} {block.text}"


def letter_markdown(parts: LetterParts) -> str:
    """The letter as plain Markdown: the ``.md`` file and the golden files."""
    out = [f"## {b.text}" if b.role == "decision" else labelled(b) for b in letter_blocks(parts)]
    return "\n\n".join(text for text in out if text) + "\n"


LETTER_CSS = """
.letter-from, .letter-to, .letter-date, .letter-subject, .letter-refs { margin: 0 0 .8rem; }
.letter-from p, .letter-to p, .signature p { margin: 0; }
.letter-to, .letter .signature { margin-left: 50%; }
.letter-date { text-align: right; }
.letter-to { margin-top: .6rem; margin-bottom: 1.4rem; }
h1.letter-subject { font-size: 1rem; color: inherit; line-height: 1.45; }
.letter-end, .decision { break-inside: avoid; page-break-inside: avoid; }
.signature { padding-bottom: 3.2cm; margin-top: 1rem; break-inside: avoid; }
.agreement .signatures { display: flex; gap: 2rem; }
.agreement .signature { flex: 1; margin-left: 0; }
.decision h2 { break-after: avoid; }
.decision p { margin: .3rem 0; }
.letter .decision .signature { margin-left: 0; padding-bottom: 3cm; }
"""


def letter_html(parts: LetterParts, to_html: Callable[[str], str]) -> str:
    """The letter as an HTML fragment; ``to_html`` turns a Markdown snippet into HTML."""
    boxes = {"sender": "letter-from", "recipient": "letter-to", "attention": "letter-to-note",
             "date": "letter-date", "references": "letter-refs", "attachments": "letter-attachments"}
    out = [f'<div class="letter {parts.layout}">']
    end: list[str] = []  # the body's last block, the closing words and the signatures: kept together
    signatures: list[str] = []
    decision: list[str] | None = None
    for block in letter_blocks(parts):
        role = block.role
        if role == "subject":
            subject = to_html(labelled(block, bold=False)).strip().removeprefix("<p>").removesuffix("</p>")
            out.append(f'<h1 class="letter-subject">{subject}</h1>')
        elif role == "body":
            head, last = split_last_block(block.text)
            out.append(to_html(head))
            end.append(to_html(last))
        elif role == "closing":
            end.append(to_html(block.text))
        elif role == "signature":
            signatures.append(f'<div class="signature">{to_html(block.text)}</div>')
        elif role == "decision":
            decision = [f"<h2>{block.text}</h2>"]
        elif role.startswith("decision-") and decision is not None:
            decision.append(to_html(block.text))
        else:
            if role == "attachments":
                _close_end(out, end, signatures)
            out.append(f'<div class="{boxes[role]}">{to_html(labelled(block, bold=role == "attention"))}</div>')
    _close_end(out, end, signatures)
    if decision is not None:
        decision.append('<div class="signature"></div>')
        out.append(f'<section class="decision">{"".join(decision)}</section>')
    out.append("</div>")
    return "\n".join(out) + "\n"


def _close_end(out: list[str], end: list[str], signatures: list[str]) -> None:
    """Write the block kept together at the end of the letter (once, when the body has been seen)."""
    if end:
        end.append(f'<div class="signatures">{"".join(signatures)}</div>')
        out.append(f'<div class="letter-end">{"".join(end)}</div>')
        end.clear()
        signatures.clear()
