"""Kit texts and interface messages as a printed page shows them: typography and language."""

from __future__ import annotations

import html
from dataclasses import dataclass

from survivalkit.i18n import t
from survivalkit.kit.model import SOURCE_LANGUAGE, Text, has_lang, tr
from survivalkit.text.localized import split_marks, strip_marks
from survivalkit.text.typography import french_spacing


@dataclass(frozen=True)
class Txt:
    """A kit text as shown on a page in ``page_lang``: its words and the language they are in.

    ``str()`` gives the text with French typography when it is French; ``__html__`` gives it
    escaped, marked ``lang="fr"`` when it is a French fallback on a page in another language,
    and each phrase the kit marks in the other language (``[workshop]{lang=en}``) as a
    ``<span lang="en">``. ``source`` keeps those marks; ``raw`` and ``text`` have only the words.
    """

    source: str
    lang: str
    page_lang: str

    @property
    def raw(self) -> str:
        """The words as the kit wrote them, without language marks nor typography."""
        return strip_marks(self.source)

    @classmethod
    def of(cls, text: Text | None, page_lang: str) -> Txt:
        """``text`` in ``page_lang``, falling back to French."""
        shown = page_lang if has_lang(text, page_lang) else SOURCE_LANGUAGE
        return cls(tr(text, page_lang, marks=True), shown, page_lang)

    @property
    def text(self) -> str:
        """The words, stripped, with French typography on French text (plain: no marks)."""
        return strip_marks(self.marked)

    @property
    def marked(self) -> str:
        """The words with their language marks, stripped, with French typography on French text."""
        value = self.source.strip()
        return french_spacing(value) if self.lang == "fr" else value

    def runs(self) -> list[tuple[str, str | None]]:
        """The words cut into runs: (words, None) in the text's language, (words, ``en``) for a
        phrase marked in another language than the text's."""
        return [(words, None if mark == self.lang else mark) for words, mark in split_marks(self.marked)]

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.source.strip())

    def __html__(self) -> str:
        value = "".join(html.escape(words) if mark is None else f'<span lang="{mark}">{html.escape(words)}</span>'
                        for words, mark in self.runs())
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
