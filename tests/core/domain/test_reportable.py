"""The situations a file shows that the law asks a children's director to act on, each rule
with its source: 未成年人保护法 (2020) §21 and 强制报告意见 (2020) 第四条（六）."""

from __future__ import annotations

from datetime import date

import pytest

from childcare_desktop.core.domain.child import FamilyMember
from childcare_desktop.core.domain.reportable import Reportable, reportable

TODAY = date(2026, 12, 6)


def born_aged(years: int, days_short: int = 0) -> date:
    """Born so as to be `years` old today (less a few days: one still younger than that)."""
    day = TODAY.replace(year=TODAY.year - years)
    return date.fromordinal(day.toordinal() + days_short)


def family(*members: tuple[str, str] | tuple[str, str, bool]) -> tuple[FamilyMember, ...]:
    return tuple(
        FamilyMember(m[0], "某某", situation=m[1], guardian_capable=m[2] if len(m) > 2 else True)
        for m in members
    )


AWAY = family(("father", "migrant"), ("mother", "migrant"))
GRANNY = (*AWAY, *family(("grandmother", "home")))
GRANNY_UNABLE = (*AWAY, *family(("grandmother", "home", False)))
CARER = (*AWAY, *family(("carer", "home")))
BROTHER = (*AWAY, *family(("sibling", "home")))
DEAD_AND_PRISON = family(("father", "dead"), ("mother", "imprisoned"))
MOTHER_HOME = family(("father", "migrant"), ("mother", "home"))
FATHER_ONLY = family(("father", "migrant"))
UNGUARDED, NOBODY = "assessed_unguarded", "nobody_at_home"


@pytest.mark.parametrize(
    ("case", "born", "guardianship", "members", "expected"),
    [
        # 未保法 §21 ¶1: a child under 8 is never left without someone looking after them.
        ("§21¶1 under 8, 无人监护", born_aged(7, 1), "none", (), ("unattended", UNGUARDED)),
        ("§21¶1 under 8, nobody at home", born_aged(5), "", AWAY, ("unattended", NOBODY)),
        # 未保法 §21 ¶2: a child under 16 does not live alone, away from guardianship.
        ("§21¶2 turned 8 today, 无人监护", born_aged(8), "none", (), ("alone", UNGUARDED)),
        ("§21¶2 under 16, parents away", born_aged(15, 1), "poor", AWAY, ("alone", NOBODY)),
        ("§21¶2 grandmother unable", born_aged(12), "", GRANNY_UNABLE, ("alone", NOBODY)),
        ("§21¶2 father dead, mother jailed", born_aged(10), "", DEAD_AND_PRISON, ("alone", NOBODY)),
        ("§21¶2 a brother is no guardian", born_aged(10), "", BROTHER, ("alone", NOBODY)),
        # 强制报告意见 第四条（六）: 16 and 17 may live alone, but 无人监护 is 长期无人照料.
        ("意见4(6) 16, 无人监护", born_aged(16), "none", AWAY, ("abandoned", UNGUARDED)),
        ("意见4(6) 17, 无人监护", born_aged(18, 1), "none", (), ("abandoned", UNGUARDED)),
        # Nothing to report.
        ("16, parents away, not 无人监护", born_aged(16), "fair", AWAY, None),
        ("18 today: not a minor", born_aged(18), "none", (), None),
        ("under 16, a grandmother at home", born_aged(10), "fair", GRANNY, None),
        ("under 16, an entrusted carer at home", born_aged(10), "", CARER, None),
        ("under 16, the mother at home", born_aged(10), "", MOTHER_HOME, None),
        ("under 16, no family on file says nothing", born_aged(10), "", (), None),
        ("under 16, only the father on file", born_aged(10), "", FATHER_ONLY, None),
        ("no birth date", None, "none", (), None),
        ("born after today (a typing error)", date(2027, 1, 1), "none", (), None),
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)  # fmt: skip
def test_what_the_facts_ask_a_person_to_confirm(case, born, guardianship, members, expected):
    found = reportable(born, guardianship, members, TODAY)
    assert found == (Reportable(*expected) if expected else None), case
