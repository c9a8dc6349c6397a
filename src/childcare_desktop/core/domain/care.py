"""Care work around a child: concerns and their reports, micro-wishes, referrals, visit rounds.

Codes only; the words live in `words`. Each record is a frozen dataclass that the services
return and the storage writes as one row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .child import new_uuid

# 强制报告 (未成年人保护法 §11): the situations of 《关于建立侵害未成年人案件强制报告制度的意见
# （试行）》(2020) 第四条, in its order (一)–(九), then the two of 未成年人保护法 §21 that a
# children's director meets at the door. These are what a new concern may say.
CONCERN_KINDS = (
    "genital_injury",  # (一) 生殖器官或隐私部位遭受或疑似遭受非正常损伤
    "sexual_abuse",  # (二) 不满十四周岁的女性未成年人遭受或疑似遭受性侵害、怀孕、流产
    "pregnancy",  # (三) 十四周岁以上女性未成年人遭受或疑似遭受性侵害所致怀孕、流产
    "abuse",  # (四) 多处损伤、严重营养不良、意识不清，疑似家庭暴力、欺凌、虐待、殴打或被人麻醉
    "unnatural_harm",  # (五) 因自杀、自残、工伤、中毒、被人麻醉、殴打等非正常原因导致伤残、死亡
    "abandoned",  # (六) 被遗弃或长期处于无人照料状态
    "missing",  # (七) 来源不明、失踪或者被拐卖、收买
    "begging",  # (八) 被组织乞讨
    "other_serious",  # (九) 其他严重侵害身心健康的情形或正在面临不法侵害危险
    "alone",  # §21 ¶2: 未满十六周岁脱离监护单独生活
    "unattended",  # §21 ¶1: 未满八周岁无人看护
)
# Kinds an earlier version offered: still read, printed and received, no longer offered.
OLD_CONCERN_KINDS = ("injury", "dropout", "other")
# To whom a concern is reported: 公安 / 民政 / 教育 / 热线.
REPORT_TARGETS = ("police", "civil_affairs", "education", "hotline")
WISH_STATES = ("collected", "published", "claimed", "fulfilled", "shared")
REFERRAL_TARGETS = ("school", "health", "disabled_federation", "social_worker", "police", "other")
REFERRAL_STATUSES = ("referred", "accepted", "done", "declined")
# Why a child is on the review list of dynamic management (动态管理); codes shared with the
# closing reasons, so that closing from the list carries the reason over.
REVIEW_REASONS = ("aged_out", "parents_returned", "moved_away")


@dataclass(frozen=True)
class ReportContact:
    """A number the officer calls when a concern is raised; per station, editable."""

    target: str
    name: str
    number: str


DEFAULT_REPORT_CONTACTS = (
    ReportContact("police", "公安（报警）", "110"),
    ReportContact("hotline", "未成年人保护热线", "12355"),
    ReportContact("civil_affairs", "镇（街道）儿童督导员", ""),
    ReportContact("education", "学校 / 教育部门", ""),
)


@dataclass(frozen=True)
class ConcernReport:
    """One report of a concern: to whom, when, and the receipt number they gave."""

    concern_uuid: str
    child_uuid: str
    target: str
    reported_on: date
    receipt: str = ""
    note: str = ""
    uuid: str = field(default_factory=new_uuid)


@dataclass(frozen=True)
class ConcernNote:
    """What was done or learnt on a day while the concern is open (a call, a visit, a reply)."""

    concern_uuid: str
    child_uuid: str
    noted_on: date
    text: str
    uuid: str = field(default_factory=new_uuid)


@dataclass(frozen=True)
class Concern:
    """`follow_up` is the outcome written on closing; the notes are what came before it."""

    child_uuid: str
    kind: str
    noticed_on: date
    description: str = ""
    uuid: str = field(default_factory=new_uuid)
    closed_on: date | None = None
    follow_up: str = ""
    reports: tuple[ConcernReport, ...] = ()
    notes: tuple[ConcernNote, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


@dataclass(frozen=True)
class Wish:
    """A micro-wish (微心愿): collected → published → claimed (by whom) → fulfilled → shared."""

    child_uuid: str
    text: str
    collected_on: date
    uuid: str = field(default_factory=new_uuid)
    state: str = "collected"
    published_on: date | None = None
    claimed_by: str = ""
    claimed_on: date | None = None
    fulfilled_on: date | None = None
    shared_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class Referral:
    child_uuid: str
    target: str
    referred_on: date
    reason: str = ""
    uuid: str = field(default_factory=new_uuid)
    status: str = "referred"
    outcome: str = ""
    updated_on: date | None = None


@dataclass(frozen=True)
class VisitRound:
    """A named campaign (e.g. the Spring Festival visit) for the children of one category."""

    name: str
    category: str  # a category code; "" for every active child
    started_on: date
    deadline: date
    uuid: str = field(default_factory=new_uuid)
    note: str = ""


@dataclass(frozen=True)
class ReviewFlag:
    """An officer's note that a child needs review (e.g. the family moved away)."""

    child_uuid: str
    reason: str
    flagged_on: date
    note: str = ""
    uuid: str = field(default_factory=new_uuid)
    resolved_on: date | None = None
    resolution: str = ""


def next_wish_state(state: str) -> str | None:
    """The state after `state`, or None once the wish has been shared."""
    at = WISH_STATES.index(state)
    return WISH_STATES[at + 1] if at + 1 < len(WISH_STATES) else None
