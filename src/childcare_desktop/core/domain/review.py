"""审核: what a village submits, who reviews it, and what a reviewer decides.

A village's new file, closed file, category added or ended, and guardianship grade changed are
submitted for review; the town reviews what its villages submit and approves or returns it with a
reason; the county confirms what its rules reserve to it (a station setting, e.g. 事实无人抚养
confirmed by the county: 民发〔2019〕62号 has the county's civil affairs confirm). A submission and
each decision on it are records appended and never edited (they never conflict); a correction is a
new submission of the same kind for the same child, which the reviewer decides on again.
"""

from __future__ import annotations

import re

KINDS = ("new_file", "closed_file", "category_added", "category_ended", "guardianship_changed")
VERDICTS = ("approved", "returned", "confirmed")
LEVELS = ("town", "county")
# The officers of a station (儿童主任 at a village, 儿童督导员 at a town or county).
DUTIES = ("director", "supervisor")

# 证明材料: pictures and PDFs, each at most this size (a phone's photo, a scanned ruling).
EVIDENCE_MAX_BYTES = 2 * 1024 * 1024
EVIDENCE_TYPES = ("image/jpeg", "image/png", "application/pdf")
_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")


def evidence_content_ok(text: str) -> bool:
    """Base64 text of at most EVIDENCE_MAX_BYTES bytes (checked without decoding it)."""
    return (
        len(text) % 4 == 0
        and len(text) <= (EVIDENCE_MAX_BYTES + 2) // 3 * 4
        and _BASE64.fullmatch(text) is not None
    )
