"""Answer parsing, French habits first; property tests on amounts, numbers and dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from survivalkit.engine.answers import (
    cast_answer,
    parse_amount,
    parse_bool,
    parse_date,
    parse_multichoice,
    parse_number,
)
from survivalkit.errors import AnswerError
from survivalkit.kit.model import Question
from survivalkit.text.typography import NNBSP, format_number


@pytest.mark.parametrize(
    ("typed", "value"),
    [("12000", 12000), ("12 000", 12000), ("12 000 €", 12000), ("12k", 12000), ("12 000,50", 12000.5),
     ("12\u202f000", 12000), ("1,5 k€", 1500), ("85 000 € HT", 85000), ("12.000,50", 12000.5)],
)
def test_amounts_the_french_way(typed: str, value: float) -> None:
    assert parse_amount(typed) == value


@pytest.mark.parametrize("typed", ["", "douze", "12 000 000 000 000 000 000e400", "1,2,3", "€"])
def test_bad_amounts_say_how_to_write_them(typed: str) -> None:
    with pytest.raises(AnswerError, match="12 000"):
        parse_amount(typed)


@pytest.mark.parametrize(("typed", "value"), [("oui", True), ("O", True), ("yes", True), ("y", True),
                                              ("non", False), ("n", False), ("No", False)])
def test_booleans(typed: str, value: bool) -> None:
    assert parse_bool(typed) is value


def test_dates() -> None:
    assert parse_date("26/11/2026") == dt.date(2026, 11, 26)
    assert parse_date("2026-11-26") == dt.date(2026, 11, 26)
    assert parse_date("aujourd'hui", today=dt.date(2026, 1, 2)) == dt.date(2026, 1, 2)
    assert parse_date("today", today=dt.date(2026, 1, 2)) == dt.date(2026, 1, 2)
    with pytest.raises(AnswerError, match="n'existe pas"):
        parse_date("31/02/2026")
    with pytest.raises(AnswerError, match="26/11/2026"):
        parse_date("demain")


def test_number_accepts_decimal_comma() -> None:
    assert parse_number("2,5") == 2.5
    assert parse_number("-3") == -3


def test_choices_by_number_value_or_label() -> None:
    q = Question(id="q", type="multichoice", label="?",
                 choices=[{"value": "a", "label": "Acheter"}, {"value": "b", "label": "Bâtir"}])
    assert parse_multichoice(q, "2,1") == ["a", "b"]
    assert parse_multichoice(q, "1 2") == ["a", "b"]
    assert parse_multichoice(q, ["b"]) == ["b"]
    assert parse_multichoice(q, "bâtir") == ["b"]
    with pytest.raises(AnswerError, match="1 à 2"):
        parse_multichoice(q, "3")


def test_email_and_url() -> None:
    email = Question(id="e", type="email", label="?")
    url = Question(id="u", type="url", label="?")
    assert cast_answer(email, " a.b@ville.fr ") == "a.b@ville.fr"
    with pytest.raises(AnswerError):
        cast_answer(email, "pas une adresse")
    with pytest.raises(AnswerError, match="https://"):
        cast_answer(url, "www.exemple.fr")


def test_control_characters_are_removed_but_newlines_kept() -> None:
    q = Question(id="t", type="longtext", label="?")
    assert cast_answer(q, "ligne 1\x1b[31m\nligne 2\x07") == "ligne 1[31m\nligne 2"


@given(st.integers(min_value=0, max_value=10**12))
def test_amount_round_trips_through_french_formatting(n: int) -> None:
    assert parse_amount(format_number(n, "fr") + " €") == n
    assert parse_amount(f"{n:,}".replace(",", " ")) == n


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_decimal_comma_round_trip(d: object) -> None:
    text = format_number(float(str(d)), "fr")
    assert NNBSP not in text or text.count(",") <= 1
    assert parse_number(text) == pytest.approx(float(str(d)), abs=0.01)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_dates_round_trip(day: dt.date) -> None:
    assert parse_date(day.strftime("%d/%m/%Y")) == day
    assert parse_date(day.isoformat()) == day


@given(st.text(max_size=40))
def test_parsers_raise_only_answer_errors(text: str) -> None:
    for parser in (parse_amount, parse_number, parse_bool, parse_date):
        try:
            parser(text)
        except AnswerError:
            pass
