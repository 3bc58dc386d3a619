"""Make the reference documents that style ODT and DOCX output (the results are committed).

They start from pandoc's own defaults and add what a French administrative document needs:

- A4 paper (21 × 29.7 cm); margins of 2.5 cm left and right and 2 cm above and below the text,
  the footer sitting in the bottom margin, 1 cm from the edge;
- "Page N / M" centred in the footer;
- navy headings (#000091) and the documents' typeface, Atkinson Hyperlegible (the PDFs embed it:
  ``survivalkit.output.fonts``), with Arial, a sans-serif every office suite has, as the fallback
  where it is not installed (DOCX ``altName``; ODT the generic sans-serif family);
- the paragraph styles of the letter layout (sender, recipient, place and date, subject,
  signature with at least 3 cm of room to sign, decision lines), which keep the signature
  with the paragraph before it (keep-with-next), so a page break never separates them.

The style names are those ``survivalkit.output.office`` writes (``LETTER_STYLES`` there).
Usage: python scripts/make_reference_docs.py (needs pypandoc-binary and python-docx).
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pypandoc
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = Path(__file__).resolve().parents[1] / "src" / "survivalkit" / "data"
NAVY = "000091"
INDENT_CM = 9.0  # the recipient, the place and date and a letter's signature sit on the right half
SIGN_ROOM_CM = 3.2  # room to sign: at least 3 cm
FONT = "Atkinson Hyperlegible"  # survivalkit.output.fonts.OFFICE_FONT

# name → (left indent cm, space before cm, space after cm, bold, keep with next)
STYLES: dict[str, tuple[float, float, float, bool, bool]] = {
    "LetterSender": (0, 0, 0.6, False, False),
    "LetterRecipient": (INDENT_CM, 0.3, 0.8, False, False),
    "LetterDate": (0, 0, 0.8, False, False),  # right-aligned: a long town name stays on one line
    "LetterSubject": (0, 0, 0.2, True, False),
    "LetterReference": (0, 0, 0.2, False, False),
    "LetterKeep": (0, 0.1, 0.1, False, True),
    "LetterClosing": (0, 0.3, 0.1, False, True),
    "LetterSignature": (INDENT_CM, 0.6, 0, False, True),
    "PartySignature": (0, 0.6, 0, False, True),
    "DecisionLine": (0, 0.15, 0.15, False, True),
}
RIGHT = {"LetterDate"}
SPACE_STYLE = "SignatureSpace"  # an empty paragraph at least SIGN_ROOM_CM tall


def default_file(name: str) -> bytes:
    pandoc = pypandoc.get_pandoc_path()
    return subprocess.run([pandoc, "--print-default-data-file", name], check=True,
                          capture_output=True).stdout


def rewrite(archive: bytes, member: str, edit: Callable[[str], str]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(archive))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == member:
                data = edit(data.decode("utf-8")).encode("utf-8")
            compress = zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(item, data, compress_type=compress)
    return out.getvalue()


# --- DOCX ---------------------------------------------------------------------------------

def docx_colours(xml: str) -> str:
    # Theme colours win over plain ones in Word: drop them so the navy applies everywhere.
    xml = re.sub(r'<w:color [^>]*w:val="(0F4761|365F91|4F81BD)"[^>]*/>', f'<w:color w:val="{NAVY}"/>', xml)
    # The face by name, not by theme (a theme font would win over it in Word), headings included.
    face = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"'
    xml = re.sub(r'<w:rFonts w:asciiTheme="minorHAnsi"[^>]*?(/?)>', face + r' w:eastAsiaTheme="minorEastAsia"\1>', xml)
    return re.sub(r'<w:rFonts w:asciiTheme="majorHAnsi"[^>]*?(/?)>', face + r' w:eastAsiaTheme="majorEastAsia"\1>', xml)


def docx_fonts(xml: str) -> str:
    """The face in the font table, with Arial as its alternative (what Word shows without it)."""
    entry = (f'<w:font w:name="{FONT}"><w:altName w:val="Arial"/><w:charset w:val="00"/>'
             '<w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>')
    return xml.replace("</w:fonts>", entry + "</w:fonts>", 1)


def _field(paragraph: object, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "18")  # 9 pt, like the words around it
    props.append(size)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)  # type: ignore[attr-defined]


def docx_reference(archive: bytes) -> bytes:
    archive = rewrite(archive, "word/fontTable.xml", docx_fonts)
    doc = Document(io.BytesIO(rewrite(archive, "word/styles.xml", docx_colours)))
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2)
    section.header_distance = section.footer_distance = Cm(1)
    footer = section.footer
    footer.is_linked_to_previous = False
    para = footer.paragraphs[0]
    para.alignment = 1  # centre
    para.add_run("Page ")
    _field(para, "PAGE")
    para.add_run(" / ")
    _field(para, "NUMPAGES")
    for run in para.runs:
        run.font.size = Pt(9)
    base = doc.styles["Body Text"]
    for name, (indent, before, after, bold, keep) in STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = base
        fmt = style.paragraph_format
        fmt.left_indent = Cm(indent)
        fmt.space_before, fmt.space_after = Cm(before), Cm(after)
        fmt.keep_with_next = keep
        fmt.keep_together = True
        if name in RIGHT:
            fmt.alignment = 2  # right
        style.font.bold = bold
    space = doc.styles.add_style(SPACE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    space.base_style = base
    space.paragraph_format.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    space.paragraph_format.line_spacing = Cm(SIGN_ROOM_CM)
    space.paragraph_format.space_before = space.paragraph_format.space_after = Cm(0)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --- ODT ----------------------------------------------------------------------------------

def _odt_style(name: str, indent: float, before: float, after: float, bold: bool, keep: bool) -> str:
    props = (f'fo:margin-left="{indent}cm" fo:margin-top="{before}cm" fo:margin-bottom="{after}cm" '
             'fo:keep-together="always" style:contextual-spacing="false"')
    if keep:
        props += ' fo:keep-with-next="always"'
    if name in RIGHT:
        props += ' fo:text-align="end"'
    text = '<style:text-properties fo:font-weight="bold" />' if bold else ""
    return (f'<style:style style:name="{name}" style:family="paragraph" '
            f'style:parent-style-name="Text_20_body" style:class="text">'
            f"<style:paragraph-properties {props} />{text}</style:style>\n")


def odt_styles(xml: str) -> str:
    face = (f'<style:font-face style:name="{FONT}" svg:font-family="&apos;{FONT}&apos;" '
            'style:font-family-generic="swiss" style:font-pitch="variable" />')
    xml = xml.replace("<office:font-face-decls>", "<office:font-face-decls>" + face, 1)
    xml = xml.replace('font-name="Times New Roman"', f'font-name="{FONT}"')
    xml = xml.replace('style:font-name="Arial"', f'style:font-name="{FONT}"')
    heading = (r'(<style:style style:name="Heading"[^>]*>\s*'
               r'<style:paragraph-properties[^>]*/>\s*<style:text-properties)')
    xml = re.sub(heading, rf'\1 fo:color="#{NAVY}"', xml)
    # Upright headings, as in the PDF (pandoc's second level is italic).
    xml = re.sub(r'<style:style style:name="Heading_20_\d".*?</style:style>',
                 lambda m: m.group(0).replace('="italic"', '="normal"'), xml, flags=re.DOTALL)
    page = {
        "fo:page-width": "21cm", "fo:page-height": "29.7cm", "fo:margin-top": "2cm",
        "fo:margin-bottom": "1cm", "fo:margin-left": "2.5cm", "fo:margin-right": "2.5cm",
    }
    for attr, value in page.items():
        xml = re.sub(rf'(<style:page-layout-properties[^>]*?){attr}="[^"]*"', rf'\g<1>{attr}="{value}"', xml)
    # The footer (0.6 cm + 0.4 cm gap) sits in the bottom margin: text stops 2 cm from the edge.
    xml = re.sub(r'(<style:footer-style>\s*<style:header-footer-properties)[^/]*/>',
                 r'\1 fo:min-height="0.6cm" fo:margin-left="0cm" fo:margin-right="0cm" '
                 r'fo:margin-top="0.4cm" style:dynamic-spacing="false" />', xml)
    footer = ('<text:p text:style-name="MP1">Page <text:page-number text:select-page="current">1'
              '</text:page-number> / <text:page-count>1</text:page-count></text:p>')
    xml = re.sub(r'<text:p text:style-name="MP1">.*?</text:p>', footer, xml, flags=re.DOTALL)
    xml = re.sub(r'(<style:style style:name="MP1"[^>]*>\s*<style:paragraph-properties[^>]*/>)',
                 r'\1<style:text-properties fo:font-size="9pt" />', xml, count=1)
    styles = "".join(_odt_style(name, *spec) for name, spec in STYLES.items())
    styles += (f'<style:style style:name="{SPACE_STYLE}" style:family="paragraph" '
               'style:parent-style-name="Text_20_body" style:class="text">'
               f'<style:paragraph-properties style:line-height-at-least="{SIGN_ROOM_CM}cm" '
               'fo:margin-top="0cm" fo:margin-bottom="0cm" /></style:style>\n')
    return xml.replace("</office:styles>", styles + "</office:styles>", 1)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "reference.docx").write_bytes(docx_reference(default_file("reference.docx")))
    (OUT / "reference.odt").write_bytes(rewrite(default_file("reference.odt"), "styles.xml", odt_styles))
    print(f"written in {OUT}")


if __name__ == "__main__":
    main()
