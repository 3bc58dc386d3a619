"""ODT and DOCX specifics: a letter's parts as pandoc paragraph styles, and the keep-with-next fix."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

from survivalkit.output.letter import LetterParts, labelled, letter_blocks

NBSP = "\u00a0"
ASCII_SPACE = " \t\n"
CHAIN_START = ("LetterClosing", "LetterSignature", "PartySignature")
"""Paragraph styles that start the block kept with the body's last paragraph (see the references)."""


def _div(style: str, text: str) -> str:
    # str.strip() would also remove the no-break space that keeps a SignatureSpace paragraph alive
    body = text.strip(ASCII_SPACE) or NBSP
    return f'::: {{custom-style="{style}"}}\n{body}\n:::\n'


STYLE_OF = {"sender": "LetterSender", "recipient": "LetterRecipient", "attention": "LetterSubject",
            "date": "LetterDate", "subject": "LetterSubject", "references": "LetterReference",
            "closing": "LetterClosing", "attachments": "LetterReference", "decision-point": "DecisionLine",
            "decision-boxes": "DecisionLine", "decision-field": "DecisionLine"}
"""The reference documents' paragraph style of each part of the letter model."""


def letter_pandoc(parts: LetterParts) -> str:
    """The letter as pandoc Markdown, each part of the letter model in its paragraph style."""
    out: list[str] = []
    blocks = letter_blocks(parts)
    for i, block in enumerate(blocks):
        role = block.role
        if role == "body":
            out.append(block.text + "\n")
        elif role == "signature":
            out.append(_div("PartySignature" if parts.layout == "agreement" else "LetterSignature", block.text))
            out.append(_div("SignatureSpace", NBSP))
        elif role == "decision":
            out.append(f"## {block.text}\n")
        else:
            out.append(_div(STYLE_OF[role], labelled(block, bold=role == "attention")))
            if role.startswith("decision-") and i == len(blocks) - 1:
                out.append(_div("SignatureSpace", NBSP))
    return "\n".join(out)


def keep_body_with_signature(data: bytes, fmt: str) -> bytes:
    """Set keep-with-next on the paragraph before the signature block (whatever its style)."""
    member = "content.xml" if fmt == "odt" else "word/document.xml"
    return _rewrite(data, member, _keep_odt if fmt == "odt" else _keep_docx)


def _chain_start(xml: str, pattern: str) -> int:
    starts = [m.start() for m in re.finditer(pattern, xml)]
    return min(starts) if starts else -1


def _keep_docx(xml: str) -> str:
    names = "|".join(CHAIN_START)
    start = _chain_start(xml, rf'<w:p>(?:<w:pPr>)?<w:pStyle w:val="(?:{names})"')
    before = xml.rfind("<w:p>", 0, start) if start > 0 else -1
    if before < 0 or "</w:tbl>" in xml[before:start]:
        return xml  # no signature, or a table before it: nothing to keep
    head = xml[before:start]
    if head.startswith("<w:p><w:pPr>"):
        styled = re.match(r"<w:p><w:pPr>(<w:pStyle [^>]*/>)?", head)
        assert styled is not None
        cut = before + styled.end()
        return xml[:cut] + "<w:keepNext />" + xml[cut:]
    return xml[: before + 5] + "<w:pPr><w:keepNext /></w:pPr>" + xml[before + 5 :]


def _keep_odt(xml: str) -> str:
    names = "|".join(CHAIN_START)
    start = _chain_start(xml, rf'<text:p text:style-name="(?:{names})"')
    before = max(xml.rfind("<text:p ", 0, start), xml.rfind("<text:h ", 0, start)) if start > 0 else -1
    found = re.match(r'<text:[ph] text:style-name="([^"]+)"', xml[before:]) if before >= 0 else None
    if found is None or "</table:table>" in xml[before:start]:
        return xml
    name = found.group(1)
    keep = '<style:paragraph-properties fo:keep-with-next="always" />'
    auto = re.search(rf'<style:style style:name="{re.escape(name)}"[^>]*?(/?)>', xml)
    if auto is None:  # a common style of the reference document: derive from it
        copy = (f'<style:style style:name="SKKeep" style:family="paragraph" '
                f'style:parent-style-name="{name}">{keep}</style:style>')
    else:  # an automatic style (a list item's): a copy of it that also keeps with the next
        if auto.group(1) == "/":
            copy = auto.group(0)[:-2].rstrip() + f">{keep}</style:style>"
        else:
            end = xml.index("</style:style>", auto.end()) + len("</style:style>")
            copy = xml[auto.start() : end]
            if "<style:paragraph-properties" in copy:
                copy = copy.replace("<style:paragraph-properties",
                                    '<style:paragraph-properties fo:keep-with-next="always"', 1)
            else:
                copy = copy.replace(">", f">{keep}", 1)
        copy = copy.replace(f'style:name="{name}"', 'style:name="SKKeep"', 1)
    xml = xml[:before] + xml[before:].replace(f'text:style-name="{name}"', 'text:style-name="SKKeep"', 1)
    empty = "<office:automatic-styles />"
    if empty in xml:
        xml = xml.replace(empty, f"<office:automatic-styles>{copy}</office:automatic-styles>", 1)
    else:
        xml = xml.replace("</office:automatic-styles>", copy + "</office:automatic-styles>", 1)
    return xml


def describe_office(data: bytes, fmt: str, *, title: str, author: str, subject: str, lang: str) -> bytes:
    """Fill the file's own description (title, author, subject, language), which pandoc leaves
    empty without printing a title block: what a file manager, a search and a screen reader show."""
    from xml.sax.saxutils import escape

    member = "meta.xml" if fmt == "odt" else "docProps/core.xml"
    values = {"dc:title": title, "dc:creator": author, "dc:subject": subject, "dc:language": lang,
              "meta:initial-creator": author}

    def edit(xml: str) -> str:
        for tag, value in values.items():
            if not value:
                continue
            text = escape(" ".join(value.split()))
            new = f"<{tag}>{text}</{tag}>"
            found = re.search(rf"<{tag}\s*/>|<{tag}>[^<]*</{tag}>", xml)
            if found is not None:
                xml = xml[: found.start()] + new + xml[found.end():]
            elif tag.startswith("dc:") and "<dc:title>" in xml:  # DOCX: no subject element yet
                xml = xml.replace("</dc:title>", "</dc:title>" + new, 1)
        return xml

    return _rewrite(data, member, edit)


def _rewrite(data: bytes, member: str, edit: Callable[[str], str]) -> bytes:
    """The same ZIP package with one member's text changed by ``edit``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == member:
                content = edit(content.decode("utf-8")).encode("utf-8")
            compress = zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(item, content, compress_type=compress)
    return out.getvalue()


_DOCX_PARA = re.compile(r"<w:p>(?:(?!</w:p>).)*?</w:p>|<w:p [^>]*>(?:(?!</w:p>).)*?</w:p>", re.DOTALL)


def keep_lead_ins(data: bytes, fmt: str) -> bytes:
    """A paragraph ending with « : » right before a list or a table is kept with it on one page."""
    if fmt == "odt":
        return _rewrite(data, "content.xml", _lead_ins_odt)
    return _rewrite(data, "word/document.xml", _lead_ins_docx)


def _ends_with_colon(xml: str, text_tag: str) -> bool:
    text = "".join(re.findall(rf"<{text_tag}(?: [^>]*)?>([^<]*)</{text_tag}>", xml))
    return text.rstrip(" \u00a0\u202f").endswith(":")


def _lead_ins_docx(xml: str) -> str:
    out: list[str] = []
    last = 0
    for found in _DOCX_PARA.finditer(xml):
        para = found.group(0)
        after = xml[found.end():found.end() + 600].lstrip()
        if _ends_with_colon(para, "w:t") and (after.startswith("<w:tbl>") or
                                              (after.startswith("<w:p>") and "<w:numPr>" in after.split("</w:p>")[0])):
            if "<w:pPr>" in para:
                para = para.replace("<w:pPr>", "<w:pPr><w:keepNext />", 1) if "<w:keepNext" not in para else para
            else:
                para = para.replace("<w:p>", "<w:p><w:pPr><w:keepNext /></w:pPr>", 1)
        out.append(xml[last:found.start()])
        out.append(para)
        last = found.end()
    out.append(xml[last:])
    return "".join(out)


_ODT_PARA = re.compile(r'<text:p text:style-name="([^"]+)">((?:(?!</text:p>).)*?)</text:p>'
                       r"(?=\s*<text:list|\s*<table:table)", re.DOTALL)


def _lead_ins_odt(xml: str) -> str:
    made: dict[str, str] = {}

    def keep(found: re.Match[str]) -> str:
        name, inner = found.group(1), found.group(2)
        if not re.sub(r"<[^>]+>", "", inner).rstrip(" \u00a0\u202f").endswith(":"):
            return found.group(0)
        if re.search(rf'<style:style style:name="{re.escape(name)}"', xml):
            return found.group(0)  # an automatic style: left as it is
        new = made.setdefault(name, f"SKLeadIn{len(made) + 1}")
        return f'<text:p text:style-name="{new}">{inner}</text:p>'

    xml = _ODT_PARA.sub(keep, xml)
    styles = "".join(
        f'<style:style style:name="{new}" style:family="paragraph" style:parent-style-name="{name}">'
        '<style:paragraph-properties fo:keep-with-next="always" /></style:style>'
        for name, new in made.items())
    if not styles:
        return xml
    empty = "<office:automatic-styles />"
    if empty in xml:
        return xml.replace(empty, f"<office:automatic-styles>{styles}</office:automatic-styles>", 1)
    return xml.replace("</office:automatic-styles>", styles + "</office:automatic-styles>", 1)


_SIZE_DOCX = re.compile(r'(<w:sz(?:Cs)? w:val=")(\d+)(")')
_SPACING_DOCX = re.compile(r'(w:(?:before|after)=")(\d+)(")')
_SIZE_ODT = re.compile(r'(fo:font-size=")([\d.]+)(pt")')
_MARGIN_ODT = re.compile(r'(fo:margin-(?:top|bottom)=")([\d.]+)(cm|in)(")')


def tighten_office(data: bytes, fmt: str, step: int) -> bytes:
    """The same tightening as the PDF's (``formats.TIGHTER``): type sizes and the space around
    paragraphs scaled down in the document's styles, for a document meant to take few pages."""
    from survivalkit.output.formats import TIGHTER

    if step <= 0:
        return data
    # The office styles set 12 pt text where the PDF sets 11: the same sizes as the PDF's step.
    factor = TIGHTER[min(step, len(TIGHTER)) - 1] * 11 / 12
    space = max(0.4, factor - 0.15 * step)

    def scale(found: re.Match[str], by: float, digits: int = 0) -> str:
        value = float(found.group(2)) * by
        shown = f"{value:.{digits}f}" if digits else str(round(value))
        return found.group(1) + shown + "".join(found.groups()[2:])

    if fmt == "docx":
        def edit(xml: str) -> str:
            xml = _SIZE_DOCX.sub(lambda m: scale(m, factor), xml)
            return _SPACING_DOCX.sub(lambda m: scale(m, space), xml)

        return _rewrite(data, "word/styles.xml", edit)

    def edit_odt(xml: str) -> str:
        xml = _SIZE_ODT.sub(lambda m: scale(m, factor, 1), xml)
        return _MARGIN_ODT.sub(lambda m: scale(m, space, 3), xml)

    return _rewrite(data, "styles.xml", edit_odt)
