"""Visit policies a station can choose whole, each named with the text it was written from.

A preset is added here only from a provincial or national text that sets how often 儿童主任
visit, with that text's exact name and number cited beside it and shown in the policy dialog
(`words`, `policy_preset` and `policy_preset_source`), and its rules as the text says them
(入户 where it asks for a home visit). No such text has been found to cite yet, so the
program's own default is the only preset it ships: a preset is never written from memory."""

from __future__ import annotations

from .visit_policy import VisitPolicy

PRESETS: dict[str, VisitPolicy] = {
    # The program's own setting (DESIGN.md, "Visit schedule"): taken from no text.
    "default": VisitPolicy(),
}


def preset_of(policy: VisitPolicy) -> str:
    """The preset a policy is, or "" when it has been edited away from every preset."""
    return next((code for code, preset in PRESETS.items() if preset == policy), "")
