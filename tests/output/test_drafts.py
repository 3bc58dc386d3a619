"""E-mail drafts: one .eml per letter or note, opened as a draft, its document attached; header
values from answers cannot add a header or an address (issue 22, point 3)."""

from __future__ import annotations

from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from typing import Any

from tests.output.test_bundle import one_run


def drafts(files: dict[str, bytes]) -> dict[str, EmailMessage]:
    out: dict[str, EmailMessage] = {}
    for name, data in files.items():
        if name.endswith(".eml"):
            msg: Any = message_from_bytes(data, policy=default)
            out[name] = msg
    return out


def test_a_note_gets_a_draft_with_its_subject_and_document_attached() -> None:
    files = one_run("pre-analyse-rgpd", ["md", "docx"])
    [(name, msg)] = list(drafts(files).items())
    assert msg["X-Unsent"] == "1"
    assert str(msg["To"]).endswith(".example")  # the DPO's address
    assert "@" in str(msg["To"]) and "\n" not in str(msg["Subject"])
    [part] = list(msg.iter_attachments())
    assert part.get_filename() == name.replace(".eml", ".docx")
    assert part.get_content() == files[name.replace(".eml", ".docx")]
    body = msg.get_body(preferencelist=("plain",))
    assert body is not None and "ci-joint" in body.get_content()
    index = files["index.md"].decode()
    assert f"(brouillon de courriel)]({name})" in index


def test_answers_cannot_add_headers_or_addresses_to_a_draft() -> None:
    from tests.output.test_bundle import DAY
    from tests.output.test_render import KIT, answers_for

    from survivalkit.output.bundle import files_for, render_outputs

    tool = KIT.tools["pre-analyse-rgpd"]
    answers = {**answers_for(tool, tool.examples[0].answers, DAY),  # past the checks of typed answers
               "dpo_courriel": "dpo@x.example\r\nBcc: victim@evil.example",
               "projet_nom": "Projet\r\nBcc: other@evil.example\nX-Injected: 1"}
    outputs = render_outputs(KIT, [(tool, answers)], day=DAY, lang="fr")
    files = files_for(outputs, ["md"], lang="fr", day=DAY, kit=KIT)
    [msg] = drafts(files).values()
    keys = {k.lower() for k in msg}
    assert "bcc" not in keys and "x-injected" not in keys and "cc" not in keys
    raw = next(v for k, v in files.items() if k.endswith(".eml"))
    assert b"\nBcc:" not in raw and b"\r\nX-Injected" not in raw
    assert msg["To"] is None or str(msg["To"]) == "dpo@x.example"
    assert list(msg.iter_attachments()) == []  # Markdown only: nothing to attach


def test_an_address_that_is_not_one_plain_address_is_left_out() -> None:
    from survivalkit.output.drafts import one_line, valid_address

    assert valid_address("dpo@ville.example") == "dpo@ville.example"
    for bad in ("a@b", "a@b.example, c@d.example", "<a@b.example>", "a@b.example\nBcc: c@d.example", "x" * 300 + "@b.fr"):
        assert valid_address(bad) is None
    assert one_line("Objet\r\nBcc: x@y.example\u2028Z") == "Objet Bcc: x@y.example Z"


def test_the_same_answers_give_the_same_draft_bytes() -> None:
    from tests.output.test_bundle import DAY
    from tests.output.test_render import KIT, answers_for

    from survivalkit.output.bundle import render_outputs
    from survivalkit.output.drafts import draft

    tool = KIT.tools["pre-analyse-rgpd"]
    [doc] = [d for d in render_outputs(KIT, [(tool, answers_for(tool, tool.examples[0].answers, DAY))], day=DAY,
                                       lang="fr")[0].documents if d.letter is not None]
    attached = ("note.pdf", b"%PDF-1.7 same bytes")
    assert draft(doc, attached) == draft(doc, attached)
    assert draft(doc, attached) != draft(doc, ("note.pdf", b"%PDF-1.7 other bytes"))


def test_a_letter_to_a_prefect_is_covered_by_a_formal_text_a_note_by_a_colleague_s_few_words() -> None:
    def text(files: dict[str, bytes]) -> str:
        [msg] = drafts(files).values()
        body = msg.get_body(preferencelist=("plain",))
        assert body is not None
        return " ".join(str(body.get_content()).split())

    french = text(one_run("demande-derogation", ["md"]))
    assert french.startswith("Monsieur le Préfet, Vous trouverez en pièce jointe le courrier")
    assert "Je vous prie d'agréer, Monsieur le Préfet, l'expression de ma haute considération." in french
    assert "Bonjour" not in french and "cordialement" not in french
    english = text(one_run("demande-derogation", ["md"], lang="en"))
    assert english.startswith("Dear Prefect, Please find attached the letter") and "Yours sincerely," in english
    note = text(one_run("pre-analyse-rgpd", ["md"]))
    assert note.startswith("Bonjour,") and "Bien cordialement" in note
