"""What the columns of a department's list mean: the families of columns that schools, the police
station, the disabled persons' federation, civil affairs and the courts write, and their headers.

A list is read by the ledger's header reader (roster/mapping.py) with this vocabulary: the same
search for the header among the top rows, two-row headers and merged cells, and the officer's
column choices remembered apart from the ledger's, in the setting "list_mappings".

A parent's column may be a state (父亲状态: 死亡) or a question the header asks (父亲死亡: 是);
both are `father.situation`, the header read with the cell (lists/rows.py). A column of a
detention (羁押, 服刑, 强制隔离戒毒) or a disappearance (失踪, 下落不明) names whose it is in its
cell (父亲, 母亲, 父母).
"""

from __future__ import annotations

from ..roster.layout import CHILD_SYNONYMS, Vocabulary, clean
from ..roster.values import SITUATION_WORDS

# Field keys with the header each is shown as, in the order offered.
FIELDS: tuple[tuple[str, str], ...] = (
    ("seq", "序号"),
    ("name", "姓名"),
    ("id_number", "身份证号"),
    ("birth_date", "出生日期"),
    ("sex", "性别"),
    ("hukou_place", "户籍地址"),
    ("current_address", "现住址"),
    ("village", "所属村"),
    # 教育: the school's roll
    ("school", "学校"),
    ("grade", "年级班级"),
    ("schooling", "就学状态"),
    ("left_behind", "是否留守"),
    ("boarding", "是否寄宿"),
    # 公安: the household register
    ("hukou_status", "户籍状态"),
    ("father.situation", "父亲状况"),
    ("mother.situation", "母亲状况"),
    ("parent_held", "父母羁押服刑戒毒失踪"),
    ("no_hukou", "无户籍"),
    # 残联
    ("disability_cert", "残疾证号"),
    ("disability_type", "残疾类别"),
    ("disability_grade", "残疾等级"),
    # 民政
    ("assistance", "保障类型"),
    ("household_head", "户主姓名"),
    ("assistance_start", "保障起始日期"),
    # 法院
    ("ruling", "裁定"),
    ("guardian_name", "监护人姓名"),
    ("ruling_date", "裁定日期"),
    ("skip", "（不读）"),
)

SYNONYMS: dict[str, tuple[str, ...]] = {
    "seq": CHILD_SYNONYMS["seq"],
    "name": ("姓名", "学生姓名", "儿童姓名", "名字", "人员姓名", "残疾人姓名", "保障对象姓名",
             "当事人姓名", "未成年人姓名"),
    "id_number": (*CHILD_SYNONYMS["id_number"], "学生身份证号", "学籍号身份证号", "残疾人身份证号",
                  "保障对象身份证号", "公民身份号码证件号码"),
    "birth_date": CHILD_SYNONYMS["birth_date"],
    "sex": CHILD_SYNONYMS["sex"],
    "hukou_place": (*CHILD_SYNONYMS["hukou_place"], "户籍详址", "户口地址"),
    "current_address": (*CHILD_SYNONYMS["current_address"], "现居住地址", "实际居住地"),
    "village": (*CHILD_SYNONYMS["village"], "村(居)", "村（居）", "所属村(居)", "所属社区"),
    "school": ("学校", "就读学校", "学校名称", "所在学校"),
    "grade": ("年级", "班级", "年级班级", "所在年级", "所在班级"),
    "schooling": ("就学状态", "在校状态", "学籍状态", "就学情况", "在读状态"),
    "left_behind": ("是否留守", "留守儿童", "是否留守儿童", "留守"),
    "boarding": ("是否寄宿", "寄宿生", "是否寄宿生", "寄宿"),
    "hukou_status": ("户籍状态", "人员状态", "户口状态", "人口状态"),
    "parent_held": ("羁押", "服刑", "强制隔离戒毒", "在押", "服刑在押", "羁押服刑", "失踪",
                    "下落不明"),
    "no_hukou": ("无户籍", "未落户", "是否无户籍", "是否落户"),
    "disability_cert": ("残疾证号", "残疾证号码", "残疾人证号", "残疾证编号", "第二代残疾人证号"),
    "disability_type": ("残疾类别", "残疾类型", "残疾种类"),
    "disability_grade": ("残疾等级", "残疾级别"),
    "assistance": ("保障类型", "救助类型", "保障类别", "救助类别", "保障对象类型", "人员类别"),
    "household_head": ("户主姓名", "户主", "申请人姓名"),
    "assistance_start": ("保障起始日期", "保障开始日期", "纳入保障日期", "救助起始日期",
                         "享受起始时间"),
    "ruling": ("裁定", "判决", "裁定结果", "判决结果", "裁定判决", "案由", "裁判结果"),
    "guardian_name": ("监护人姓名", "指定监护人", "监护人"),
    "ruling_date": ("裁定日期", "判决日期", "裁判日期", "裁定时间"),
}  # fmt: skip
PARENTS = {"父亲": "father", "母亲": "mother", "父": "father", "母": "mother"}
_PARENT_FIELDS = ("状态", "状况", "情况", "现状", "去向")
# A detention's header as a parent's state (羁押 is 服刑在押 until the file says more); the
# other states a header may ask (父亲死亡, 母亲失踪) are the ledger's words for them.
_HELD_WORDS = {"羁押": "imprisoned", "服刑": "imprisoned", "在押": "imprisoned",
               "服刑在押": "imprisoned", "强制隔离戒毒": "drug_rehab",
               "戒毒": "drug_rehab"}  # fmt: skip

_BY_HEADER = {clean(word): key for key, words in SYNONYMS.items() for word in words}
# Longest first: 母亲 is tried before 母.
_PARENT_PREFIXES = sorted(PARENTS, key=len, reverse=True)


def field_for(header: str, group: str = "") -> str:
    """The field key a list's header means ("" when not understood); `group` is the header over
    it in a two-row header (父亲 over 状态)."""
    head, top = clean(header), clean(group)
    if top in PARENTS and top != head:
        return f"{PARENTS[top]}.situation" if _is_parent_state(head) else ""
    if head in _BY_HEADER:
        return _BY_HEADER[head]
    for prefix in _PARENT_PREFIXES:
        rest = head.removeprefix(prefix)
        if rest != head and _is_parent_state(rest):
            return f"{PARENTS[prefix]}.situation"
    return ""


def _is_parent_state(rest: str) -> bool:
    return rest in _PARENT_FIELDS or rest in SITUATION_WORDS or rest in _HELD_WORDS


def header_state(header: str) -> str:
    """The state a column's header asks about (父亲死亡 → dead, 服刑 → imprisoned); "" when the
    header names no state (父亲状态: the cell says it)."""
    head = clean(header).split("/")[-1]
    for prefix in _PARENT_PREFIXES:
        head = head.removeprefix(prefix)
    return _HELD_WORDS.get(head) or SITUATION_WORDS.get(head, "")


def field_label(key: str) -> str:
    return dict(FIELDS).get(key, "（不读，仅供参考）")


KEYS: tuple[str, ...] = (*(key for key, _ in FIELDS), "")
# A parent's state may take several columns (父亲死亡, 父亲服刑), and so may detentions.
_SHARED = frozenset({"", "skip", "seq", "father.situation", "mother.situation", "parent_held"})
LISTS = Vocabulary(field_for, field_label, KEYS, "list_mappings", shared=_SHARED)
