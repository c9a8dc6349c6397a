"""Reading one ledger cell: dates, ID numbers and the Chinese words officers write, as codes.

Each reader returns the value and a problem code (None when the cell was understood), so the
caller can report the cell's own column; nothing here guesses a value it cannot read.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from ...words import LABELS
from ..domain import idnumber

_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 once Excel's 1900 leap bug is allowed
_FULL_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$|^(\d{4})(\d{2})$")
_TIME_PART = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?E\+?\d+$", re.IGNORECASE)
_LIST_SEPARATORS = re.compile(r"[、，,;；/／\s]+")


def text(value: object) -> str:
    """A cell as text: whole numbers without ".0" (phones typed as numbers), dates as ISO."""
    if type(value) is str:  # most cells: tested first, a ledger has hundreds of thousands
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def plain(value: object) -> str:
    """A cell of a coded field as text with full-width digits and letters made ASCII; free text
    (names, addresses, notes) keeps what the officer typed."""
    return unicodedata.normalize("NFKC", text(value))


class PartialDate:
    """A year and month without a day (出生年月 "2010年1月"): only usable with an ID number."""

    def __init__(self, year: int, month: int) -> None:
        self.year, self.month = year, month


def read_date(value: object) -> tuple[date | PartialDate | None, str | None]:
    """An Excel date, an 8-digit number, an Excel serial number, or text in the usual forms."""
    if value is None or value == "":
        return None, None
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 10_000_000 <= value <= 99_999_999:
            return _read_text_date(str(int(value)))
        if 1 <= value < 100_000:  # a date cell that lost its format: Excel's day number
            return _EXCEL_EPOCH + timedelta(days=int(value)), None
        return None, "date_unreadable"
    return _read_text_date(_TIME_PART.sub("", plain(value)))


def _read_text_date(raw: str) -> tuple[date | PartialDate | None, str | None]:
    if not raw:
        return None, None
    match = _FULL_DATE.match(raw) or _COMPACT_DATE.match(raw)
    if match:
        try:
            return date(*(int(part) for part in match.groups())), None
        except ValueError:
            return None, "date_impossible"
    match = _YEAR_MONTH.match(raw)
    if match:
        year, month = (int(p) for p in match.groups() if p is not None)
        if 1 <= month <= 12:
            return PartialDate(year, month), None
        return None, "date_impossible"
    return None, "date_unreadable"


NO_ID_WORDS = {
    "无": "unknown",
    "无户籍": "no_hukou",
    "未落户": "no_hukou",
    "无户口": "no_hukou",
    "未办理": "not_yet_issued",
    "尚未办理": "not_yet_issued",
    "未办": "not_yet_issued",
    "不详": "unknown",
}


def read_id(value: object) -> tuple[str, str, str | None]:
    """(number, reason for having none, problem). A number cell has lost digits: refused."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "", "", "id_as_number"
    raw = plain(value)
    if _SCIENTIFIC.match(raw):
        return "", "", "id_as_number"
    if raw in NO_ID_WORDS:
        return "", NO_ID_WORDS[raw], None
    return idnumber.normalize(raw), "", None


def _words(kind: str, extra: dict[str, str]) -> dict[str, str]:
    """The Chinese labels of a vocabulary, plus the other words ledgers use for the same code."""
    return {zh: code for code, (zh, _en) in LABELS[kind].items()} | extra


SEX_WORDS = _words("sex", {"男性": "male", "女性": "female", "m": "male", "f": "female"})


def _nfkc(words: dict[str, str]) -> dict[str, str]:
    """Words as cells are compared: NFKC, so brackets of either width are the same bracket."""
    return {unicodedata.normalize("NFKC", word): code for word, code in words.items()}


# The 2016 登记表's 监护类型, with or without 监护情况 in front, and the words officers use.
_GUARDIANSHIP = _words(
    "guardianship",
    {
        "好": "good",
        "良好": "good",
        "较差": "poor",
        "父或母无监护能力": "poor",
        "父母无监护能力": "poor",
        "受委托监护人监护能力不足": "poor",
        "受委托监护人无监护能力": "poor",
        "无": "none",
    },
)
GUARDIANSHIP_WORDS = _GUARDIANSHIP | {f"监护情况{w}": c for w, c in _GUARDIANSHIP.items() if w}
HEALTH_WORDS = _words("health", {"良好": "healthy", "正常": "healthy", "疾病": "ill"})
SCHOOLING_WORDS = _words(
    "schooling",
    {
        "学龄前": "not_enrolled",
        "未入学": "not_enrolled",
        "学前": "kindergarten",
        "学前班": "kindergarten",
        "普通高中": "senior",
        "中专": "vocational",
        "职高": "vocational",
        "技校": "vocational",
        "失学": "dropout",
        "毕业": "not_in_school",
    },
)
SITUATION_WORDS = _words(
    "situation",
    {
        "务工": "migrant",
        "外出": "migrant",
        "外出打工": "migrant",
        "打工": "migrant",
        "在外务工": "migrant",
        "本地": "home",
        "在本地": "home",
        "本地务工": "home",
        "就近务工": "home",
        "务农": "home",
        "在家务农": "home",
        "去世": "dead",
        "已故": "dead",
        "病故": "dead",
        "死亡": "dead",
        "服刑": "imprisoned",
        "坐牢": "imprisoned",
        "在押": "imprisoned",
        "戒毒": "drug_rehab",
        "失踪": "missing",
        "联系不上": "missing",
        "下落不明": "missing",
        "出走失联": "missing",
        "离家失联": "missing",
        "宣告失踪": "disappeared",
        "被宣告失踪": "disappeared",
        "遣送出境": "deported",
        "驱逐出境": "deported",
        "被驱逐出境": "deported",
        "限制人身自由": "restricted",
        "被限制人身自由": "restricted",
        "残疾": "severely_disabled",
        "患病": "seriously_ill",
        "撤销监护资格": "guardianship_revoked",
    },
)
# Words that say where a parent is without a situation of the list: 其他, the word kept.
OTHER_SITUATION_WORDS = frozenset(
    {"改嫁", "再婚", "离家", "出走", "离家出走", "离异", "离婚", "外嫁", "再嫁"}
)
_WORK_AWAY = re.compile(r"^(?:在|去|到)?(?P<place>.+?)(?:务工|打工|工作|上班)$")
_AWAY_AT = re.compile(r"^(?:外出|务工|打工|外出务工|外出打工)\((?P<place>[^()]+)\)$")


def read_situation(value: object) -> tuple[str, str, str | None]:
    """(situation code, work place, problem) of a parent's 状况 cell: 广州务工, 在深圳打工 and
    外出（东莞） are 外出务工 with the place; 改嫁 and its kind are 其他 (the word is kept)."""
    raw = plain(value)
    if not raw:
        return "", "", None
    if raw in SITUATION_WORDS:
        return SITUATION_WORDS[raw], "", None
    if raw in OTHER_SITUATION_WORDS:
        return "other", "", None
    match = _AWAY_AT.match(raw) or _WORK_AWAY.match(raw)
    if match:
        return "migrant", match.group("place").strip(), None
    return "", "", "unknown_value"


HUKOU_TYPE_WORDS = _words(
    "hukou_type",
    {
        "农业户口": "agricultural",
        "农业户籍": "agricultural",
        "农村": "agricultural",
        "农村户口": "agricultural",
        "农村户籍": "agricultural",
        "非农业户口": "non_agricultural",
        "非农": "non_agricultural",
        "城镇": "non_agricultural",
        "城镇户口": "non_agricultural",
        "居民户口": "resident",
        "城乡居民": "resident",
    },
)
# The 2016 登记表's 家庭经济来源 and 救助帮扶情况 (以上选项可多选), as its boxes say them.
INCOME_WORDS = _words(
    "income_source",
    {"打工": "wages", "务工收入": "wages", "务农": "farming", "种植业": "farming",
     "养殖业": "farming", "种养殖": "farming", "政府补助": "government", "亲友接济": "relatives"},
)  # fmt: skip
AID_WORDS = _words(
    "assistance",
    {"享受低保": "dibao", "其他救助": "other", "特困": "tekun", "危房改造": "housing_relief"},
)


def read_choices(value: object, words: dict[str, str]) -> tuple[list[str], list[str]]:
    """(codes, words not understood) of a cell where several boxes may be ticked (打工收入、
    种养殖业), each code once, in the order written."""
    codes: list[str] = []
    unknown: list[str] = []
    for word in _LIST_SEPARATORS.split(plain(value)):
        code = words.get(word)
        if code is None:
            if word:
                unknown.append(word)
        elif code not in codes:
            codes.append(code)
    return codes, unknown


CATEGORY_WORDS = _nfkc(
    _words(
        "category",
        {
            "留守儿童": "left_behind",
            "留守": "left_behind",
            "农村留守": "left_behind",
            "流动": "floating",
            "孤儿": "orphan",
            "散居孤儿": "orphan",
            "社会散居孤儿": "orphan",
            "孤儿（含艾滋病病毒感染儿童）": "orphan",
            "事实孤儿": "de_facto_unsupported",  # the older name (民发〔2019〕62号 renamed it)
            "事实无人抚养": "de_facto_unsupported",
            "重残": "severe_disability",
            "困境儿童（残疾）": "severe_disability",  # 国发〔2016〕36号: own disability
            "重病": "serious_illness",
            "困境儿童（重病）": "serious_illness",
            "贫困": "poor_family",
            "贫困家庭": "poor_family",
            "困难家庭儿童": "poor_family",
            "低保家庭儿童": "poor_family",
            "特困儿童": "poor_family",
            "困境儿童（贫困）": "poor_family",
            "监护缺失": "guardianship_lacking",
            "监护不当": "guardianship_lacking",
            "监护缺失儿童": "guardianship_lacking",
            "监护不当儿童": "guardianship_lacking",
            # 国发〔2016〕36号: the state stands in (兜底) where guardianship is missing.
            "兜底监护儿童": "guardianship_lacking",
            "其他困境": "other_distress",
        },
    )
)
# Words that name more than one legal category: never guessed, the officer chooses.
AMBIGUOUS_CATEGORY_WORDS = frozenset({"残疾儿童", "残疾", "困境儿童", "困境"})
YES_WORDS = {"是": True, "已签": True, "已签订": True, "有": True, "√": True, "y": True,
             "否": False, "未签": False, "未签订": False, "无": False, "×": False,
             "n": False}  # fmt: skip


def read_word(value: object, words: dict[str, object]) -> tuple[object, str | None]:
    """A word from a closed list; ("", None) for an empty cell."""
    raw = plain(value)
    if not raw:
        return "", None
    found = words.get(raw, words.get(raw.lower()))
    return (found, None) if found is not None else ("", "unknown_value")


def read_categories(value: object) -> tuple[list[str], list[str], list[str]]:
    """(codes, words naming several categories, words not understood): several categories may
    share one cell."""
    codes: list[str] = []
    ambiguous: list[str] = []
    unknown: list[str] = []
    for word in _LIST_SEPARATORS.split(plain(value)):
        if not word:
            continue
        code = CATEGORY_WORDS.get(word)
        if code is None:
            (ambiguous if word in AMBIGUOUS_CATEGORY_WORDS else unknown).append(word)
        elif code not in codes:
            codes.append(code)
    return codes, ambiguous, unknown
