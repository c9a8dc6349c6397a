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
# The 2016 登记表 (民发〔2016〕42号 附件1) asks for 祖父, 祖母, 外祖父 and 外祖母 apart.
RELATIONS = (
    "father",
    "mother",
    "pat_grandpa",  # 祖父
    "pat_grandma",  # 祖母
    "mat_grandpa",  # 外祖父
    "mat_grandma",  # 外祖母
    "carer",
    "sibling",
    "other",
)
# What an earlier version offered for either side (祖父/外祖父, 祖母/外祖母): still read, shown
# and received, never offered.
OLD_RELATIONS = ("grandfather", "grandmother")
GRANDPARENTS = frozenset(
    {"pat_grandpa", "pat_grandma", "mat_grandpa", "mat_grandma", *OLD_RELATIONS}
)
# 户籍性质: the 2016 notice counts children of 农村户籍; since the 2014 hukou reform a province
# may register everyone as 居民.
HUKOU_TYPES = ("agricultural", "non_agricultural", "resident")  # 农业 / 非农业 / 居民
# The 2016 登记表's 家庭经济来源 (以上选项可多选): stored as codes separated by commas.
INCOME_SOURCES = ("wages", "farming", "government", "relatives", "other")
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
    "housing_relief",  # 住房救助, one of the 2016 登记表's 救助帮扶情况
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
