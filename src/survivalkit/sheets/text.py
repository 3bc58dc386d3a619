"""Kit texts and interface messages as a printed page shows them: typography and language."""

from __future__ import annotations

import html
from dataclasses import dataclass

from survivalkit.i18n import t
from survivalkit.i18n.words import SOURCE_LANGUAGE
from survivalkit.kit.base import Text
from survivalkit.text.localized import has_lang, tr
from survivalkit.text.typography import french_spacing


@dataclass(frozen=True)
class Txt:
    """A kit text as shown on a page in ``page_lang``: its words and the language they are in.

    ``str()`` gives the text with French typography when it is French; ``__html__`` gives it
    escaped, marked ``lang="fr"`` when it is a French fallback on a page in another language.
    """

    raw: str
    lang: str
    page_lang: str

    @classmethod
    def of(cls, text: Text | None, page_lang: str) -> Txt:
        """``text`` in ``page_lang``, falling back to French."""
        shown = page_lang if has_lang(text, page_lang) else SOURCE_LANGUAGE
        return cls(tr(text, page_lang), shown, page_lang)

    @property
    def text(self) -> str:
        """The words, stripped, with French typography on French text."""
        value = self.raw.strip()
        return french_spacing(value) if self.lang == "fr" else value

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.raw.strip())

    def __html__(self) -> str:
        value = html.escape(self.text)
        if self.lang != self.page_lang:
            return f'<span lang="{self.lang}">{value}</span>'
        return value


def message(key: str, lang: str, **values: str) -> str:
    """An interface message in plain text, typographed in French."""
    text = t(key, lang, **values)
    return french_spacing(text) if lang == "fr" else text


def labelled(label: str, value: str, lang: str) -> str:
    """``label: value`` with the French no-break space before the colon."""
    return f"{label}\u00a0: {value}" if lang == "fr" else f"{label}: {value}"
