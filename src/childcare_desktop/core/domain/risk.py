"""Risk level (high/medium/low), derived from guardianship, open concerns and categories."""

from __future__ import annotations

from .visit_policy import INTENSIVE_CATEGORIES


def derived_risk(categories: list[str], guardianship: str, open_concern: bool) -> str:
    if open_concern or guardianship in ("poor", "none"):
        return "high"
    if INTENSIVE_CATEGORIES.intersection(categories):
        return "medium"
    if "left_behind" in categories and guardianship != "good":
        return "medium"
    return "low"


def effective_risk(derived: str, override: str) -> str:
    """An officer's override (with its reason, kept on the file) wins over the derived level."""
    return override or derived
