"""The lint rules, kept importable from here: they live in ``survivalkit.authoring.rules``."""

from __future__ import annotations

from survivalkit.authoring.rules import LOWERCASE_FILTER, RULES, Rule, lint
from survivalkit.authoring.rules.texts import buzzwords_in, term_pattern

__all__ = ["LOWERCASE_FILTER", "RULES", "Rule", "buzzwords_in", "lint", "term_pattern"]
