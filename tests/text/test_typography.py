"""French spacing and page rules leave addresses alone, and share one reading of what an address is."""

from __future__ import annotations

import pytest

from survivalkit.output.typeset import NBHY, bind
from survivalkit.text.typography import NBSP, NNBSP, french_spacing


@pytest.mark.parametrize(
    "address",
    [
        "[le site](https://x.fr/a?b=c;d!e)",  # a link's target
        "<https://y.fr/p?q=1;r=2>",  # an autolink
        "<mailto:accueil@mairie.fr?subject=Question : devis>",  # an autolink to a mail address
        "mailto:accueil@mairie.fr?subject=devis;urgent",  # a bare mail address
        "https://x.fr/page?a=1;b=2",
        "`code ; ici`",
    ],
)
def test_french_spacing_never_enters_an_address(address: str) -> None:
    spaced = french_spacing(f"Voir {address} ; merci !")
    assert spaced == f"Voir {address}{NNBSP}; merci{NNBSP}!"


def test_the_word_before_a_colon_may_be_a_link() -> None:
    assert french_spacing("Voir [le site](https://x.fr) : ouvert") == f"Voir [le site](https://x.fr){NBSP}: ouvert"


def test_page_rules_leave_the_same_addresses_alone() -> None:
    text = "art. L1411-1, <https://x.fr/L1411-1> et mailto:a@b.fr?s=2020-412"
    assert bind(text) == f"art.{NBSP}L1411{NBHY}1, <https://x.fr/L1411-1> et mailto:a@b.fr?s=2020-412"


def test_a_private_use_character_in_the_text_changes_nothing() -> None:
    assert french_spacing("a \ue000 b : [x](u:v) ; c") == f"a \ue000 b{NBSP}: [x](u:v){NNBSP}; c"


def test_a_text_holding_every_private_use_character_is_still_spaced() -> None:
    every = "".join(chr(c) for c in range(0xE000, 0xF900))
    assert french_spacing(every + " : [x](u:v) ; c") == every + f"{NBSP}: [x](u:v) ; c"
