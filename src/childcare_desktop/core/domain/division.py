"""Statistical division codes (统计用区划代码): 6-digit county, 9-digit town, 12-digit village."""

from __future__ import annotations

import re

ROLE_CODE_LENGTH = {"county": 6, "town": 9, "village": 12}
# Province-level prefixes of the national statistical division codes.
PROVINCES = frozenset(
    {
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
    }
)
# Prefecture cities without counties (不设区的地级市): 东莞 and 中山 (广东), 儋州 (海南). The
# statistical codes put their towns directly under the city's code (东莞 莞城街道 441900006), so
# the city's own code stands where a county's would. 嘉峪关 (甘肃), the fourth, numbers its towns
# under 620201 (雄关街道 620201001), a code of the ordinary county form.
CITIES_WITHOUT_COUNTIES = frozenset({"4419", "4420", "4604"})


def check(role: str, code: str) -> str | None:
    """None when `code` is a well-formed code for a station of `role`, else a problem code:
    division_role, division_length, division_digits, division_province, division_county."""
    code = (code or "").strip()
    if role not in ROLE_CODE_LENGTH:
        return "division_role"
    if not re.fullmatch(r"\d+", code):
        return "division_digits"
    if len(code) != ROLE_CODE_LENGTH[role]:
        return "division_length"
    if code[:2] not in PROVINCES:
        return "division_province"
    if code[2:4] == "00":  # a province, not a county
        return "division_county"
    if code[4:6] == "00" and code[:4] not in CITIES_WITHOUT_COUNTIES:  # a city, not a county
        return "division_county"
    return None


def county_of(code: str) -> str:
    return code[:6]


def town_of(code: str) -> str:
    return code[:9]


def level_of(code: str) -> str:
    """The role of a station by the length of its code ("" for no station's code)."""
    return next((role for role, n in ROLE_CODE_LENGTH.items() if len(code) == n), "")


def belongs_to(child_code: str, parent_code: str) -> bool:
    """A village code belongs to a town or county station when it starts with that code."""
    return child_code.startswith(parent_code)
