"""The kit's filters write in the document's language unless told otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from survivalkit.kit.loader import bundled_kit_dir, load_kit
from survivalkit.sandbox.budget import evaluation
from survivalkit.sandbox.expressions import base_context, environment

DAY = dt.date(2026, 12, 1)


def _render(source: str, lang: str, **values: object) -> str:
    kit = load_kit([bundled_kit_dir()]).kit
    with evaluation():
        return environment().from_string(source).render({**base_context(kit, DAY, lang), **values})


@pytest.mark.parametrize(("source", "fr", "en"), [
    ("{{ 5000 | euros('EUR_TTC') }}", "5\u202f000\u00a0€ TTC", "€5,000 incl. VAT"),
    ("{{ 5000 | euros }}", "5\u202f000\u00a0€ HT", "€5,000 excl. VAT"),
    ("{{ 1234.5 | number }}", "1\u202f234,50", "1,234.50"),
    ("{{ doc_date | date_long }}", "1er décembre 2026", "1 December 2026"),
    ("{{ 0 }} {{ plural(0, 'day') }}", "0 day", "0 days"),
])
def test_filters_follow_the_documents_language(source: str, fr: str, en: str) -> None:
    assert _render(source, "fr") == fr
    assert _render(source, "en") == en


def test_an_explicit_language_still_wins() -> None:
    assert _render("{{ 5000 | euros('EUR', 'fr') }}", "en") == "5\u202f000\u00a0€"
    assert _render("{{ doc_date | date_long('en') }}", "fr") == "1 December 2026"


def test_a_fact_printed_as_it_is_reads_in_the_documents_language() -> None:
    fr = _render("{{ facts.seuil_dispense_fournitures_services }}", "fr")
    en = _render("{{ facts.seuil_dispense_fournitures_services }}", "en")
    assert fr.endswith("€ HT") and "\u202f" in fr
    assert en.startswith("€") and en.endswith("excl. VAT") and "," in en
