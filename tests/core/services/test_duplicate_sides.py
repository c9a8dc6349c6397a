"""Two files side by side before a merge: what each holds, counted as it stands, and what
differs, the order of a family or of categories aside."""

from __future__ import annotations

from datetime import timedelta

from childcare_desktop.core.domain.child import FamilyMember
from childcare_desktop.core.domain.visit import Visit
from childcare_desktop.core.services.concerns import Concerns
from childcare_desktop.core.services.duplicate_sides import MemberLine, differing, side_by_side

from .care_support import add_child, parent


def test_each_file_is_shown_with_its_family_its_visits_and_its_reports(
    store, children, visits, clock
):
    mother, father = parent("mother", "migrant"), parent("father", "home")
    first = add_child(children, codes=("other_distress", "poor_family"), members=(mother, father))
    second = add_child(
        children,
        codes=("poor_family", "other_distress"),
        serial=7,
        members=(
            FamilyMember("father", "张大山"),
            FamilyMember("mother", "王秀英", situation="migrant"),
        ),
    )
    seen = visits.log(Visit(first.uuid, clock.day - timedelta(days=20), "home"))
    visits.correct(seen.visit.uuid, Visit(first.uuid, clock.day - timedelta(days=19), "home"))
    visits.log(Visit(first.uuid, clock.day - timedelta(days=2), "phone"))
    concerns = Concerns(store, clock)
    concern = concerns.add(first.uuid, "alone", clock.day, "放学后独自在家")
    concerns.add(first.uuid, "alone", clock.day, "周末独自在家")
    concerns.close(concern.uuid, "祖母已回家照看")

    one, other = side_by_side(store, first.uuid, second.uuid, clock.day)
    assert one.visits == 2  # the corrected visit counts once
    assert one.last_visit == clock.day - timedelta(days=2)
    assert (one.concerns, one.open_concerns) == (2, 1)
    assert (other.visits, other.concerns, other.last_visit) == (0, 0, None)
    assert one.members == (
        MemberLine("mother", "王秀英", "migrant"),
        MemberLine("father", "张大山", "home"),
    )
    assert one.id_masked != first.id_number and one.id_masked[:4] == first.id_number[:4]
    assert one.village == other.village
    # The same family and categories entered in another order are not a difference.
    assert differing(one, other) == ("id_masked", "last_visit", "visits", "concerns")
