"""Checks across kit layers: a glossary term given another meaning, a fact's dates that leave a
gap or overlap."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from itertools import pairwise

from survivalkit.authoring.rules.base import Context, check, layers
from survivalkit.authoring.rules.catalog import SK137, SK138
from survivalkit.errors import Msg, Problem
from survivalkit.kit.loader import KitLayer
from survivalkit.kit.model import Glossary, Term
from survivalkit.kit.yamlread import Located
from survivalkit.text.typography import format_date_long


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _meaning(term: Term) -> tuple[str, str]:
    definition = term.definition if isinstance(term.definition, str) else term.definition.fr
    return _fold(definition).rstrip(". "), _fold(term.official or "")


def _place(loc: Located, key_path: tuple[str | int, ...]) -> str:
    found = loc.problem(key_path, "")
    return f"{found.path}:{found.line}"


@check
def check_glossary_layers(ctx: Context) -> Iterator[Problem]:
    """A term that a later layer defines again with another definition or official term."""
    seen: dict[str, tuple[Located, int, Term]] = {}
    for loc, glossary in layers(ctx, "glossary.yaml", Glossary):
        for i, term in enumerate(glossary.terms):
            key = _fold(term.term)
            earlier = seen.get(key)
            if earlier is not None and earlier[0].path != loc.path:
                first_loc, j, first = earlier
                if _meaning(first) != _meaning(term):
                    yield loc.problem(("terms", i, "definition"),
                                      Msg("lint.term_redefined", term=term.term,
                                          earlier=_place(first_loc, ("terms", j, "definition"))),
                                      rule=SK137.id, severity=SK137.severity)
            seen[key] = (loc, i, term)


@check
def check_fact_dates(ctx: Context) -> Iterator[Problem]:
    """Each value of a fact starts the day after the previous one ends: no gap, no overlap."""
    for loc, info in layers(ctx, "kit.yaml", KitLayer):
        for name, fact in info.facts.items():
            order = sorted(range(len(fact.values)), key=lambda i: fact.values[i].from_)
            for before, after in pairwise(order):
                ends = fact.values[before].until
                starts = fact.values[after].from_
                if ends is None:
                    continue  # a value holds until the next one starts
                key = ("facts", name, "values", after, "from")
                if ends >= starts:
                    kind = "overlap"
                elif ends + dt.timedelta(days=1) < starts:
                    kind = "gap"
                else:
                    continue
                yield loc.problem(key, Msg(f"lint.fact_{kind}", name=name, until=_day(ends),
                                           start=_day(starts)),
                                  rule=SK138.id, severity=SK138.severity)


def _day(day: dt.date) -> Msg:
    return Msg.both(format_date_long(day, "en"), format_date_long(day, "fr"))
