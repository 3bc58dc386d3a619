"""E-mail drafts (``.eml``) for the documents meant for someone: a letter or a note.

Standard library ``email`` only. Every header value comes from answers, so it is checked: one
line (no line break can add a header), a bounded length, and addresses that are plain
``name@domain`` addresses (anything else is left out: the agent types it in the mail client).
``X-Unsent: 1`` makes Outlook and Thunderbird open the file as a draft to complete and send.
"""

from __future__ import annotations

import re

from survivalkit.i18n import t
from survivalkit.output.render import RenderedDocument

_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+")
_FOUND = re.compile(r"(?<![\w.@+-])" + _ADDRESS.pattern + r"(?![\w@-])")
MAX_SUBJECT = 200
MIME = {"pdf": ("application", "pdf"),
        "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
        "odt": ("application", "vnd.oasis.opendocument.text")}


def one_line(value: str, limit: int = MAX_SUBJECT) -> str:
    """A header value: every control character and line break becomes a space; cut at ``limit``."""
    text = " ".join(re.sub(r"[\x00-\x1f\x7f\u2028\u2029\u0085]", " ", value).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def valid_address(value: str) -> str | None:
    """``value`` when it is exactly one plain e-mail address, else None."""
    value = value.strip()
    return value if len(value) <= 254 and _ADDRESS.fullmatch(value) else None


def recipient_address(doc: RenderedDocument) -> str | None:
    """The one address written in the recipient block, if there is exactly one."""
    if doc.letter is None:
        return None
    found = {m.group(0) for line in doc.letter.recipient for m in _FOUND.finditer(line)}
    return valid_address(found.pop()) if len(found) == 1 else None


def draft(doc: RenderedDocument, attachment: tuple[str, bytes] | None) -> bytes:
    """The ``.eml`` draft of one document, its PDF (or DOCX, ODT) attached (``email`` is imported
    here: only a run that writes a draft loads it)."""
    from email.message import EmailMessage
    from email.policy import SMTP

    from survivalkit.output.formats import plain_text

    assert doc.letter is not None
    msg = EmailMessage(policy=SMTP)
    to = recipient_address(doc)
    if to:
        msg["To"] = to
    # No From: the mail client puts the agent's own account.
    msg["Subject"] = one_line(plain_text(doc.letter.subject) or doc.title)
    msg["X-Unsent"] = "1"
    body = covering_text(doc)
    msg.set_content(body.strip() + "\n")
    if attachment is not None:
        name, data = attachment
        maintype, subtype = MIME[name.rsplit(".", 1)[-1]]
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    if msg.is_multipart():  # the same answers give the same bytes: a boundary from the content
        import hashlib

        digest = hashlib.sha256(body.encode("utf-8") + (attachment[1] if attachment else b"")).hexdigest()
        msg.set_boundary(f"=_survivalkit_{digest[:32]}")
    return msg.as_bytes()


def covering_text(doc: RenderedDocument) -> str:
    """The e-mail's short text: a letter gets the appellation and the closing formula its recipient
    is owed (« Monsieur le Préfet, » … « haute considération »), a note a colleague's few words."""
    from survivalkit.output.courtesy import appellation, formula
    from survivalkit.text.typography import french_spacing

    assert doc.letter is not None
    lang, title, author = doc.lang, one_line(doc.title), one_line(doc.author, 120)
    if doc.letter.layout != "letter":
        return t("draft.body", lang, title=title, author=author)
    kind, civ = doc.letter.kind, doc.letter.civility
    text = t("draft.letter", lang, appellation=appellation(kind, civ, lang), title=title,
             formula=formula(kind, civ, lang), author=author)
    return french_spacing(text) if lang == "fr" else text


def meant_for_someone(doc: RenderedDocument) -> bool:
    """A letter or a note (an agreement is signed, not mailed)."""
    return doc.letter is not None and doc.letter.layout in ("letter", "note")
