"""Make the reference documents that style ODT and DOCX output (run once; the results are committed).

They are pandoc's own defaults with the colours and fonts of a French administrative document:
navy headings (#000091) and a sans-serif body font that every office suite has.
Usage: python scripts/make_reference_docs.py
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pypandoc

OUT = Path(__file__).resolve().parents[1] / "src" / "survivalkit" / "data"
NAVY = "000091"


def default_file(name: str) -> bytes:
    pandoc = pypandoc.get_pandoc_path()
    return subprocess.run([pandoc, "--print-default-data-file", name], check=True,
                          capture_output=True).stdout


def rewrite(archive: bytes, member: str, edit: object) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(archive))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == member:
                data = edit(data.decode("utf-8")).encode("utf-8")  # type: ignore[operator]
            compress = zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(item, data, compress_type=compress)
    return out.getvalue()


def docx_styles(xml: str) -> str:
    # Theme colours win over plain ones in Word: drop them so the navy applies everywhere.
    xml = re.sub(r'<w:color [^>]*w:val="(0F4761|365F91|4F81BD)"[^>]*/>', f'<w:color w:val="{NAVY}"/>', xml)
    body_font = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:asciiTheme="minorHAnsi"'
    return xml.replace('<w:rFonts w:asciiTheme="minorHAnsi"', body_font, 1)


def odt_styles(xml: str) -> str:
    xml = xml.replace('font-name="Times New Roman"', 'font-name="Arial"')
    heading = (r'(<style:style style:name="Heading"[^>]*>\s*'
               r'<style:paragraph-properties[^>]*/>\s*<style:text-properties)')
    return re.sub(heading, rf'\1 fo:color="#{NAVY}"', xml)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "reference.docx").write_bytes(rewrite(default_file("reference.docx"), "word/styles.xml", docx_styles))
    (OUT / "reference.odt").write_bytes(rewrite(default_file("reference.odt"), "styles.xml", odt_styles))
    print(f"written in {OUT}")


if __name__ == "__main__":
    main()
