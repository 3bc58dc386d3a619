"""The one typeface of every PDF: « Survivalkit Hyperlegible », shipped with the program.

Atkinson Hyperlegible (Braille Institute, SIL Open Font License) with the characters the documents
need and it lacks — ☐, →, the narrow no-break space, the no-break hyphen, the em space — added by
``scripts/build_font.py``. Every PDF (documents, sheets, booklet, forms) embeds it: a PDF prints the
same on every machine, whatever fonts the machine has. The files are read from the package itself;
no other font file is ever loaded by a printout.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

FAMILY = "Survivalkit Hyperlegible"
FONT_STACK = f'"{FAMILY}", "Atkinson Hyperlegible", "DejaVu Sans", Arial, sans-serif'
"""The CSS font list: the shipped face first (a web page falls back to what the reader has)."""
OFFICE_FONT = "Atkinson Hyperlegible"
"""The face named in DOCX and ODT styles (the public family a user can install), Arial as fallback."""
FACES = (("Regular", "normal", 400), ("Bold", "normal", 700), ("Italic", "italic", 400),
         ("BoldItalic", "italic", 700))


def _folder() -> Any:
    return resources.files("survivalkit") / "data" / "fonts"


@cache
def font_urls() -> Mapping[str, str]:
    """The ``file:`` URL of each face → its file name in the package."""
    folder = _folder()
    urls = {}
    for style, _, _ in FACES:
        name = f"{FAMILY.replace(' ', '')}-{style}.ttf"
        try:
            url = Path(str(folder / name)).resolve().as_uri()
        except ValueError:  # not a file system path (a zipped install): a stable made-up one
            url = f"file:///survivalkit/fonts/{name}"
        urls[url] = name
    return urls


def font_face_css() -> str:
    """``@font-face`` rules for the four faces, and the face imposed on every element of a printout."""
    rules = []
    for url, name in font_urls().items():
        style, weight = next((s, w) for st, s, w in FACES if name.endswith(f"-{st}.ttf"))
        rules.append(f'@font-face {{ font-family: "{FAMILY}"; src: url("{url}"); '
                     f"font-style: {style}; font-weight: {weight}; }}")
    rules.append(f'html, body, code, pre, kbd, samp, input, textarea {{ font-family: "{FAMILY}" !important; }}')
    return "\n".join(rules)


def fetch_font(url: str, *args: Any, **kwargs: Any) -> Any:
    """The URL fetcher of the font rules: the package's own font files, nothing else."""
    name = font_urls().get(url)
    if name is None:
        raise ValueError(f"survivalkit printouts load no external resource ({url[:80]})")
    data = (_folder() / name).read_bytes()
    try:  # WeasyPrint 68 and later
        from weasyprint.urls import URLFetcherResponse
    except ImportError:  # pragma: no cover - older WeasyPrint takes a dict
        return {"string": data, "mime_type": "font/ttf"}
    return URLFetcherResponse(url, body=data, headers={"Content-Type": "font/ttf"})


@cache
def print_options() -> dict[str, Any]:
    """What every WeasyPrint layout takes to print in the shipped face: its stylesheet and the font
    configuration holding the four faces (made once per process)."""
    import atexit

    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    config = FontConfiguration()
    sheet = CSS(string=font_face_css(), font_config=config, url_fetcher=fetch_font)
    atexit.register(print_options.cache_clear)  # let it go while the interpreter still runs
    return {"stylesheets": [sheet], "font_config": config}
