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
    "missing",  # 失联
    "dead",
    "guardianship_revoked",
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
# Situations in which a parent cannot exercise guardianship (国发〔2016〕13号, 民发〔2019〕62号).
PARENT_UNABLE = frozenset(
    {
        "seriously_ill",
        "severely_disabled",
        "imprisoned",
        "drug_rehab",
        "missing",
        "dead",
        "guardianship_revoked",
    }
)
