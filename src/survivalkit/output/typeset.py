"""Page rules for printed formats (PDF, web page, DOCX, ODT): what must never break across lines.

« 1er février 2027 », « 26 November 2026 », article numbers (« R2122-8 », « L. 1411-1 »), decree
numbers (« n° 2020-412 »), « art. 47 » and amounts (« 50 000 € HT ») are bound with no-break
spaces and non-breaking hyphens (U+2011). The Markdown file keeps ordinary characters (it is
copied into other tools and searched); links and their addresses are never touched.
"""

from __future__ import annotations

import re

from survivalkit.text.markdown import outside_addresses

NBSP = "\u00a0"
NBHY = "\u2011"  # non-breaking hyphen

_MONTHS = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_DATE = re.compile(rf"\b(1er|\d{{1,2}})[ \u00a0]+({_MONTHS})(?:[ \u00a0]+(\d{{4}}))?\b")
_EN_DATE = re.compile(rf"\b({_MONTHS})[ \u00a0]+(\d{{1,2}}),?[ \u00a0]+(\d{{4}})\b")
# L1411-1, R. 2122-8, D2124-3, article 9-1, n° 2020-412, 2000-321
_ARTICLE = re.compile(r"\b((?:[LRDA]\.?[ \u00a0]?)?\d+)((?:-\d+)+)\b")
_NUMBERED = re.compile(r"\b(art\.|article|n°|no\.|décret|loi|decree|act)[ ]+(?=[LRDA]?\.?[ \u00a0]?\d)", re.IGNORECASE)
_AMOUNT_TAIL = re.compile(r"(€|k€|euros?)[ ]+(HT|TTC|excl\. VAT|incl\. VAT)\b")


def bind(text: str) -> str:
    """``text`` with its dates, article numbers and amounts made unbreakable (see module doc)."""
    return outside_addresses(text, _bind)


def _bind(chunk: str) -> str:
    chunk = _DATE.sub(lambda m: NBSP.join(g for g in m.groups() if g), chunk)
    chunk = _EN_DATE.sub(lambda m: f"{m.group(1)}{NBSP}{m.group(2)},{NBSP}{m.group(3)}"
                         if "," in m.group(0) else NBSP.join(m.groups()), chunk)
    chunk = _ARTICLE.sub(lambda m: m.group(1).replace(" ", NBSP) + m.group(2).replace("-", NBHY), chunk)
    chunk = _NUMBERED.sub(lambda m: m.group(1) + NBSP, chunk)
    return _AMOUNT_TAIL.sub(lambda m: m.group(1) + NBSP + m.group(2).replace(" ", NBSP), chunk)


_LEAD_IN = re.compile(r"<p>((?:(?!</p>).)*?:)</p>(\s*<(?:ul|ol|table|div class=\"table-scroll\"))", re.DOTALL)


def keep_lead_ins(body: str) -> str:
    """A paragraph ending with « : » right before a list or a table stays on its page."""
    return _LEAD_IN.sub(r'<p class="lead-in">\1</p>\2', body)
