"""Language marks in kit texts, ``[design thinking]{lang=en}``: read, stripped, refused when malformed."""

from __future__ import annotations

import pytest

from survivalkit.kit.model import Localized
from survivalkit.text.localized import bad_marks, split_marks, strip_marks, tr


def test_a_mark_is_cut_into_runs_and_stripped_to_its_words() -> None:
    text = "Un atelier de [design thinking]{lang=en} puis un [workshop]{lang=en}."
    assert strip_marks(text) == "Un atelier de design thinking puis un workshop."
    assert split_marks(text) == [("Un atelier de ", None), ("design thinking", "en"),
                                 (" puis un ", None), ("workshop", "en"), (".", None)]
    assert split_marks("Sans marque.") == [("Sans marque.", None)]


def test_tr_strips_marks_unless_asked_to_keep_them() -> None:
    text = Localized(fr="Le [design thinking]{lang=en} en bref", en="A [tiers-lieu]{lang=fr} in short")
    assert tr(text, "fr") == "Le design thinking en bref"
    assert tr(text, "en") == "A tiers-lieu in short"
    assert tr(text, "en", marks=True) == "A [tiers-lieu]{lang=fr} in short"
    # Square brackets that are not a mark stay as written.
    assert tr("Cochez [x] ou [ ] puis {lang}", "fr") == "Cochez [x] ou [ ] puis {lang}"


@pytest.mark.parametrize(("text", "found"), [
    ("un [workshop] {lang=en}", ["[workshop] {lang=en}"]),
    ("un [workshop]{lang=de}", ["[workshop]{lang=de}"]),
    ("un [workshop]{lang='en'}", ["[workshop]{lang='en'}"]),
    ("un [workshop]{ lang=en }", ["[workshop]{ lang=en }"]),
    ("un [workshop]{lang: en}", ["[workshop]{lang: en}"]),
    ("un []{lang=en}", ["[]{lang=en}"]),
    ("un [  ]{lang=en} vide", ["[  ]{lang=en}"]),
    ("un workshop{lang=en}", ["un workshop{lang=en}"]),
    ("une [réunion]{lang=fr}", ["[réunion]{lang=fr}"]),  # the text's own language
    ("un [workshop]{lang=en}, bien écrit", []),
    ("un [lien](https://exemple.fr) et [x] à cocher", []),
])
def test_bad_marks_are_found(text: str, found: list[str]) -> None:
    assert bad_marks(text, "fr") == found
