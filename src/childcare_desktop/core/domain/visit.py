"""A visit (走访) to a child's family: appended, never overwritten; a correction supersedes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .child import new_uuid

MODES = ("home", "phone", "video", "school", "other")  # 入户 / 电话 / 视频 / 到校 / 其他
FINDING_AREAS = ("living", "guardianship", "schooling", "health", "emotional", "safety")


@dataclass(frozen=True)
class Visit:
    child_uuid: str
    visit_date: date
    mode: str
    uuid: str = field(default_factory=new_uuid)
    visitor: str = ""
    met: str = ""
    findings: dict[str, str] = field(default_factory=dict)
    needs: str = ""
    actions: str = ""
    guardianship: str = ""  # the grade reassessed on this visit, "" when not reassessed
    next_planned: date | None = None
    supersedes: str | None = None
