"""Search keys for a name: the characters, full pinyin and initials (`zxm` finds 张小明)."""

from __future__ import annotations


def pinyin_syllables(name: str) -> list[str]:
    # pypinyin loads its dictionaries in about a third of a second: only when a name is saved,
    # never on the way to the first window.
    from pypinyin import Style, lazy_pinyin

    return [s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, errors="default")]


def name_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) of a name: 张小明 → ("zhangxiaoming", "zxm")."""
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
