"""The closed vocabularies of the child's file: codes stored and exchanged, never the words."""

from __future__ import annotations

SEXES = ("male", "female")
GUARDIANSHIP = ("good", "fair", "poor", "none")  # 较好 / 一般 / 差 / 无人监护
RISKS = ("high", "medium", "low")
STATUSES = ("active", "closed")
HEALTH = ("healthy", "disabled", "ill")  # 健康 / 残疾 / 患病
SCHOOLING = (
    "not_enrolled",  # 未入园
    "kindergarten",
    "primary",
    "junior",
    "senior",
    "vocational",  # 中职
    "dropout",
    "not_in_school",
)
RELATIONS = ("father", "mother", "grandfather", "grandmother", "carer", "sibling", "other")
SITUATIONS = (
    "home",  # 在家
    "migrant",  # 外出务工
    "seriously_ill",
    "severely_disabled",
    "imprisoned",  # 服刑在押
    "drug_rehab",  # 强制隔离戒毒
    "restricted",  # 被执行其他限制人身自由的措施
    "missing",  # 失联: no contact, and no care given, for 6 months or more
    "disappeared",  # 失踪: declared missing by a court (宣告失踪)
    "dead",
    "guardianship_revoked",
    "deported",  # 被遣送（驱逐）出境
    "other",
)
ASSISTANCE = (
    "dibao",  # 低保
    "tekun",  # 特困供养
    "orphan_allowance",
    "unsupported_allowance",
    "temporary_relief",
    "medical_relief",
    "rehab_relief",
    "education_aid",
    "other",
)
CLOSE_REASONS = (
    "aged_out",
    "parents_returned",
    "moved_away",
    "died",
    "no_longer_eligible",
    "other",
)
NO_ID_REASONS = ("no_hukou", "not_yet_issued", "unknown")
# The situations in which a parent cannot raise the child (民发〔2019〕62号 二, widened by
# 民发〔2020〕125号): both parents so, or one so and the other dead or declared missing, make a
# child 事实无人抚养.
PARENT_UNABLE = frozenset(
    {
        "seriously_ill",
        "severely_disabled",
        "imprisoned",
        "drug_rehab",
        "restricted",
        "missing",
        "guardianship_revoked",
        "deported",
    }
)
