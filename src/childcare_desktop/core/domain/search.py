"""Search keys for a name: the characters, full pinyin and initials (`zxm` finds 张小明)."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin


def search_text(name: str, id_number: str = "") -> str:
    """One lower-case text to match a typed query against: name, pinyin, initials, ID number."""
    syllables = [s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, errors="default")]
    full = "".join(syllables).replace(" ", "")
    initials = "".join(s[0] for s in syllables if s)
    return f"{name.lower()}|{full}|{initials}|{id_number.lower()}"


def normalize_query(query: str) -> str:
    return "".join(query.split()).lower()
