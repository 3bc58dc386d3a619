"""Build the documents' typeface, « Survivalkit Hyperlegible », from Atkinson Hyperlegible.

    pip install fontpkg-atkinson-hyperlegible==1.6 fonttools
    python scripts/build_font.py

Atkinson Hyperlegible (Braille Institute of America, SIL Open Font License 1.1, packaged on PyPI
as ``fontpkg-atkinson-hyperlegible``) lacks characters every document prints: the ballot box ☐ of
decision blocks and forms, the narrow no-break space U+202F of French punctuation, the no-break
hyphen U+2011 of « R2122‑8 », the em space U+2003 between boxes, the arrow →. This script adds
them (spaces and the hyphen from the font's own metrics and glyph, the box and the arrow drawn
here as plain strokes), renames the family as the licence asks of a modified version, and writes
the four faces into ``src/survivalkit/data/fonts`` with the licence. Nothing is downloaded at run
time: the program embeds these files in every PDF it prints.
"""

from __future__ import annotations

from pathlib import Path

FAMILY = "Survivalkit Hyperlegible"
STYLES = {"Regular": ("Regular", 400), "Bold": ("Bold", 700), "Italic": ("Italic", 400),
          "BoldItalic": ("Bold Italic", 700)}
OUT = Path(__file__).resolve().parents[1] / "src" / "survivalkit" / "data" / "fonts"


def _box(pen: object, left: int, bottom: int, size: int, stroke: int) -> None:
    """A square outline (two contours: outside clockwise, inside counter-clockwise)."""
    right, top = left + size, bottom + size
    for points in ([(left, bottom), (left, top), (right, top), (right, bottom)],
                   [(left + stroke, bottom + stroke), (right - stroke, bottom + stroke),
                    (right - stroke, top - stroke), (left + stroke, top - stroke)]):
        pen.moveTo(points[0])  # type: ignore[attr-defined]
        for point in points[1:]:
            pen.lineTo(point)  # type: ignore[attr-defined]
        pen.closePath()  # type: ignore[attr-defined]


def _arrow(pen: object, width: int, middle: int, stroke: int) -> None:
    """→: a shaft and a triangular head, one clockwise contour."""
    half, head, margin = stroke // 2, stroke * 3, 60
    tip = width - margin
    points = [(margin, middle - half), (margin, middle + half), (tip - head, middle + half),
              (tip - head, middle + head), (tip, middle), (tip - head, middle - head),
              (tip - head, middle - half)]
    pen.moveTo(points[0])  # type: ignore[attr-defined]
    for point in points[1:]:
        pen.lineTo(point)  # type: ignore[attr-defined]
    pen.closePath()  # type: ignore[attr-defined]


def build(source: Path, style: str) -> Path:
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont

    font = TTFont(str(source))
    for table in ("DSIG", "hdmx", "LTSH", "VDMX"):  # signatures and per-glyph caches that no longer hold
        if table in font:
            del font[table]
    upem = font["head"].unitsPerEm
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    glyf = font["glyf"]
    order = font.getGlyphOrder()
    bold = style.startswith("Bold")
    stroke = round(upem * (0.09 if bold else 0.065))
    cap = font["OS/2"].sCapHeight
    added: dict[int, str] = {}

    def add(codepoint: int, name: str, advance: int, draw: object = None) -> None:
        pen = TTGlyphPen(None)
        if draw is not None:
            draw(pen)  # type: ignore[operator]
        glyph = pen.glyph()
        glyf[name] = glyph
        glyph.recalcBounds(glyf)
        hmtx[name] = (advance, getattr(glyph, "xMin", 0))
        if name not in order:  # glyf may share the font's glyph order list
            order.append(name)
        added[codepoint] = name

    space = hmtx[cmap[0x20]][0]
    add(0x202F, "uni202F", round(space * 0.63))  # narrow no-break space, about 60 % of a space
    add(0x2003, "uni2003", upem)  # em space
    box = round(cap * 1.05)
    add(0x2610, "uni2610", box + 2 * round(upem * 0.08),
        lambda pen: _box(pen, round(upem * 0.08), -round(upem * 0.02), box, stroke))
    add(0x2192, "uni2192", round(upem * 0.84), lambda pen: _arrow(pen, round(upem * 0.84), round(cap * 0.5), stroke))
    font.setGlyphOrder(order)
    for table in font["cmap"].tables:
        if table.isUnicode():
            for codepoint, name in added.items():
                table.cmap[codepoint] = name
            table.cmap[0x2011] = cmap[0x2D]  # no-break hyphen: the hyphen's own glyph
    font["maxp"].numGlyphs = len(order)
    label, weight = STYLES[style]
    copyright_ = font["name"].getDebugName(0) or ""
    names = {1: FAMILY, 2: label, 3: f"{FAMILY.replace(' ', '')}-{style}; based on Atkinson Hyperlegible 1.006",
             4: f"{FAMILY} {label}", 6: f"{FAMILY.replace(' ', '')}-{style}"}
    table = font["name"]
    for record in list(table.names):
        if record.nameID in (16, 17, 21, 22):
            table.removeNames(nameID=record.nameID)
    for name_id, value in names.items():
        table.setName(value, name_id, 3, 1, 0x409)
        table.setName(value, name_id, 1, 0, 0)
    table.setName(copyright_ + " Modified (characters added, family renamed) for survivalkit.", 0, 3, 1, 0x409)
    font["OS/2"].usWeightClass = weight
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / f"{FAMILY.replace(' ', '')}-{style}.ttf"
    font.save(str(target))
    return target


def main() -> None:
    import fontpkg_atkinson_hyperlegible as source  # type: ignore[import-not-found]

    root = Path(source.ROOT) / "files"
    for style in STYLES:
        print(build(root / f"AtkinsonHyperlegible-{style}.ttf", style))
    licence = (Path(source.ROOT) / "LICENSE").read_text(encoding="utf-8")
    (OUT / "LICENSE.txt").write_text(
        f"{FAMILY}: Atkinson Hyperlegible 1.006 with the characters U+202F, U+2003, U+2011, U+2610 and\n"
        "U+2192 added and the family renamed (scripts/build_font.py). Same licence as the original:\n\n"
        + licence, encoding="utf-8")


if __name__ == "__main__":
    main()
