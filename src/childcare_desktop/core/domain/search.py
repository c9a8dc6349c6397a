"""Search keys for a name: the characters, full pinyin and initials (`zxm` finds 张小明)."""

from __future__ import annotations

from functools import lru_cache

# Surnames read otherwise than the character's commonest reading.
SURNAME_READINGS = {
    "曾": "zeng",
    "单": "shan",
    "解": "xie",
    "仇": "qiu",
    "朴": "piao",
    "区": "ou",
    "查": "zha",
    "盖": "ge",
    "覃": "qin",
    "缪": "miao",
    "员": "yun",
    "乐": "yue",
    "尉": "yu",
    "翟": "zhai",
    "藏": "zang",
    "长": "chang",
}


@lru_cache(maxsize=16384)
def _char_pinyin(char: str) -> str:
    # pypinyin loads its dictionaries in about a third of a second: only when a name is saved,
    # never on the way to the first window. A name is read character by character (a phrase
    # dictionary does not know names), cached: a whole roster costs milliseconds.
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(char, style=Style.NORMAL, errors="default")).lower()


def pinyin_syllables(name: str) -> list[str]:
    """One syllable per Chinese character; a run of Latin letters or digits is one syllable."""
    syllables: list[str] = []
    latin = ""
    for char in name:
        if char.isascii() and char.isalnum():
            latin += char.lower()
            continue
        if latin:
            syllables.append(latin)
            latin = ""
        if char.isalnum():  # spaces and the dot in 阿依古丽·买买提 are not syllables
            syllables.append(_char_pinyin(char))
    if latin:
        syllables.append(latin)
    if name[:1] in SURNAME_READINGS:
        syllables[0] = SURNAME_READINGS[name[0]]
    return syllables


@lru_cache(maxsize=4096)
def name_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a name: 张小明 → ("zhangxiaoming", "zxm"). Kept per name: a
    child's search text and sort key both ask for them."""
    syllables = pinyin_syllables(name)
    full = "".join(syllables).replace(" ", "")
    initials = "".join(s[0] for s in syllables if s)
    return full, initials


def search_text(name: str, id_number: str = "") -> str:
    """One lower-case text to match a typed query against: name, pinyin, initials, ID number."""
    full, initials = name_keys(name)
    return f"{name.lower()}|{full}|{initials}|{id_number.lower()}"


def sort_key(name: str) -> str:
    """Names sort by their pinyin, as officers expect in a roster."""
    return name_keys(name)[0] + name


def normalize_query(query: str) -> str:
    return "".join(query.split()).lower()
