"""A tool's documents: the template, and the French administrative layout of letters and notes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field, field_validator, model_validator

from survivalkit.errors import Msg
from survivalkit.kit.base import ID_PATTERN, Text, _Frozen, not_a_device


class Decision(_Frozen):
    """The block that ends a document asking for a decision: accord, refus, conditions, signature."""

    by: Text | None = None
    """Who decides, as a template (``{{ responsable_nom }}``); without it, a line to fill in."""
    points: list[Text] = []
    """The points to decide, one template each (an empty one is left out); none: one decision."""
    kind: Literal["decision", "opinion"] = "decision"
    """``decision`` (accord, refus, accord sous conditions) or ``opinion`` for someone who only
    advises, such as a data protection officer (avis favorable, avec réserves, défavorable)."""


class Letter(_Frozen):
    """The parts of a letter, a note or an agreement; each is a template over the answers."""

    sender: Text | None = None
    """The sender block, one line each (default: the profile's name, job title, service, organisation, e-mail)."""
    recipient: Text | None = None
    """The recipient block, one line each: name, job title, service, address. Needed by a letter and a note."""
    recipient_kind: str | None = None
    """Who the letter goes to, a template giving one of ``prefect``, ``mayor``, ``president`` (an
    elected head), ``director``, ``service``, ``dpo``, ``company``, ``association``, ``person``
    (private persons). With it, a letter opens with its appellation (« Madame la Préfète, ») and
    ends with the closing formula that repeats it (« haute considération » for a prefect, a mayor or
    a president); an empty or other value generates nothing."""
    as_note: str | None = None
    """For a letter: a template giving ``yes`` when, for these answers, it is sent inside one
    administration (a State service writing to its own prefect) and is therefore laid out as a
    note — « Note à l'attention de … », no appellation or closing formula; anything else keeps the
    letter."""
    recipient_civility: str | None = None
    """The recipient's civility, a template giving ``madame`` or ``monsieur`` (default: read from the
    recipient's first line, « Monsieur le préfet … »); unknown, the letter says « Madame, Monsieur »."""
    attachments: Text | None = None
    """The documents sent with it, one a line: printed after the signature as « P.J. : … »."""
    place: Text | None = None
    """Where it is written, for « À Privas, le 26 novembre 2026 » (default: the profile's ``ville``)."""
    subject: Text | None = None
    """The subject, printed after « Objet : ». Needed by a letter and a note."""
    references: Text | None = None
    """Optional references, printed after « Réf. : » (a file number, an earlier letter)."""
    closing: Text | None = None
    """The last paragraph before the signature (a courtesy formula); always on the signature's page."""
    signatories: list[Text] = []
    """Who signs, one block of lines each (default: the sender's name and job title); each gets room to sign."""
    copies: int = Field(default=2, ge=1, le=10)
    """For an agreement: the number of signed copies (« Fait en deux exemplaires »)."""
    decision: Decision | bool = False
    """``true``, or who decides and what: ends the document with a decision block to fill in and sign."""


Layout = Literal["document", "letter", "note", "agreement"]
"""How a document is laid out: plain, a letter, an internal note, an agreement between parties."""

LETTER_PARTS = ("sender", "recipient", "recipient_kind", "as_note", "recipient_civility", "place", "subject",
                "references", "closing", "attachments")


class Document(_Frozen):
    """A document the tool writes from the answers."""

    id: str = Field(pattern=ID_PATTERN, max_length=64)
    """Identifier of the document within the tool (its golden files are named after it)."""
    title: Text
    """The document's title, shown in indexes."""
    filename: str = Field(min_length=1)
    """A template for the file name, without extension (made ASCII-safe)."""
    template: Text
    """The Markdown template (Jinja syntax, sandboxed); with a ``layout``, the body of the letter."""
    layout: Layout = "document"
    """``document``, or ``letter``, ``note``, ``agreement``: the French administrative layout."""
    letter: Letter | None = None
    """The parts of a letter, note or agreement (sender, recipient, subject, signatories, decision)."""
    pages: int | None = Field(default=None, ge=1, le=20)
    """The most pages the document is meant to take (a one-page record: ``1``): printed tighter,
    never under 9.5 pt, when it would run over, in PDF, DOCX and ODT alike."""

    _id_is_a_file_name = field_validator("id")(not_a_device)

    @model_validator(mode="after")
    def _letter_fits_layout(self) -> Document:
        if self.layout == "document":
            if self.letter is not None:
                raise ValueError(Msg("model.letter_layout"))
            return self
        if self.letter is None:
            raise ValueError(Msg("model.layout_needs_letter", layout=self.layout))
        if self.layout in ("letter", "note"):
            missing = [key for key in ("recipient", "subject") if getattr(self.letter, key) is None]
            if missing:
                raise ValueError(Msg("model.layout_needs", layout=self.layout, missing=missing[0]))
        elif len(self.letter.signatories) < 2:
            raise ValueError(Msg("model.agreement_signatories"))
        return self

    def templates(self) -> Iterator[tuple[tuple[str | int, ...], Text]]:
        """Every template of the document with its key path: the body, then the letter's parts."""
        yield ("template",), self.template
        letter = self.letter
        if letter is None:
            return
        for key in LETTER_PARTS:
            value = getattr(letter, key)
            if value is not None:
                yield ("letter", key), value
        for i, signatory in enumerate(letter.signatories):
            yield ("letter", "signatories", i), signatory
        if isinstance(letter.decision, Decision):
            if letter.decision.by is not None:
                yield ("letter", "decision", "by"), letter.decision.by
            for i, point in enumerate(letter.decision.points):
                yield ("letter", "decision", "points", i), point
