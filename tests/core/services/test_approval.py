"""审核 at each station, on each back end: what an enrolled village submits with its saves (and a
lone one does not), what waits at the town and the county, approving, returning with a reason,
the return seen at the village and corrected by saving the file again, the county's rules, the
state of a file, and the official counts of approved files."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.errors import CoreError, ValidationFailed
from childcare_desktop.core.reports.summary import check_totals, document
from childcare_desktop.core.services.approval import Approval
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.services.roster import Roster
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.store import Store
from tests.core.reports import poppler
from tests.core.roster.ledgers import HEADER, child_row, write_xlsx
from tests.core.sync.stations import COUNTY, TOWN, VILLAGE, enrolled
from tests.core.sync.test_authority import send
from tests.pg import POSTGRESQL

DAY = date(2026, 3, 2)


@pytest.fixture
def server(backend, request):
    """Makes each station's store a database on the tests' server, when that is the back end."""
    if backend != POSTGRESQL:
        return lambda: None
    return request.getfixturevalue("pg_databases")


@pytest.fixture
def county(tmp_path, server):
    store = enrolled(tmp_path, "county", COUNTY, "兴宁市", server=server())
    yield store
    store.close()


@pytest.fixture
def town(tmp_path, county, server):
    store = enrolled(tmp_path, "town", TOWN, "宁新镇", county, server=server())
    yield store
    store.close()


@pytest.fixture
def village(tmp_path, town, server):
    store = enrolled(tmp_path, "village", VILLAGE, "新陂村", town, server=server())
    yield store
    store.close()


class Exchange:
    """Batches up and down between real stations, numbered files in one folder."""

    def __init__(self, folder) -> None:
        self.folder = folder
        self.n = 0

    def __call__(self, source: Store, target: Store, to: str | None = None) -> None:
        self.n += 1
        result = send(source, target, self.folder / f"b{self.n}.ccsync", to=to)
        assert result.status == "applied", result


@pytest.fixture
def move(tmp_path):
    return Exchange(tmp_path)


def new_child(
    store: Store, name="张小明", serial=5, codes=("left_behind",), grade="fair", village=VILLAGE
) -> Child:
    born = date(2014, 8, 9)
    return Children(store, lambda: DAY).save(
        Child(
            name,
            "",
            None,
            village,
            id_number=idnumber.make("441481", born, serial, "male"),
            guardianship=grade,
            categories=tuple(CategorySpan(c, DAY) for c in codes),
        )
    )


def submissions(store: Store) -> list[tuple]:
    s = t.submission.c
    with store.read() as conn:
        rows = conn.execute(select(s.kind, s.subject, s.changes, s.child_uuid, s.submitted_by))
        return sorted(((k, sub, json.loads(ch), c, by) for k, sub, ch, c, by in rows), key=repr)


def kinds(store: Store) -> list[tuple[str, str]]:
    return sorted((k, s) for k, s, *_ in submissions(store))


def test_a_lone_village_submits_nothing(store):
    new_child(store)
    assert submissions(store) == []


def test_an_enrolled_villages_saves_submit_each_event_once(village):
    kid = new_child(village)
    (only,) = submissions(village)
    assert only[:2] == ("new_file", "")
    assert only[2]["name"] == [None, "张小明"]
    assert only[2]["categories"] == [[], ["left_behind"]]
    assert only[4] == "新陂村主任"
    service = Children(village, lambda: DAY)
    service.save(replace(service.get(kid.uuid), current_address="新陂村二组"))
    assert len(submissions(village)) == 1  # an address is not reviewed
    service.save(replace(service.get(kid.uuid), guardianship="poor"))
    service.update_fields(kid.uuid, {"categories": "left_behind,poor_family"})
    service.update_fields(kid.uuid, {"categories": "poor_family"})
    service.close(kid.uuid, "moved_away")
    assert kinds(village) == [
        ("category_added", "poor_family"),
        ("category_ended", "left_behind"),
        ("closed_file", "moved_away"),
        ("guardianship_changed", "poor"),
        ("new_file", ""),
    ]
    grade = next(s for s in submissions(village) if s[0] == "guardianship_changed")
    assert grade[2] == {"guardianship": ["fair", "poor"]}


def test_a_submission_never_carries_an_id_number_in_the_clear(village):
    kid = new_child(village)
    service = Children(village, lambda: DAY)
    number = idnumber.make("441481", date(2014, 8, 9), 7, "male")
    with village.write() as conn:  # a returned new file: the correction shows what changed
        _returned(conn, kid.uuid)
    service.save(replace(service.get(kid.uuid), id_number=number))
    assert number not in json.dumps(submissions(village), ensure_ascii=False)


def _returned(conn, child: str) -> None:
    """A town's return, written as a merge would write it (the test's shortcut)."""
    s = t.submission.c
    uuid = conn.execute(select(s.uuid).where(s.child_uuid == child)).scalar_one()
    conn.execute(
        t.decision.insert(),
        {"uuid": "d-" + uuid[:8], "submission_uuid": uuid, "child_uuid": child, "level": "town",
         "verdict": "returned", "reason": "缺少证明", "decided_on": DAY, "decided_by": "镇"},
    )  # fmt: skip


def test_the_town_approves_and_returns_and_the_village_corrects(village, town, move):
    first, second = new_child(village), new_child(village, "李小红", 6)
    move(village, town)
    review = Approval(town, lambda: DAY)
    waiting = review.waiting()
    assert [(i.child_name, i.kind, i.state) for i in waiting] == [
        ("张小明", "new_file", "submitted"),
        ("李小红", "new_file", "submitted"),
    ]
    assert waiting[0].village == "新陂村" and waiting[0].submitted_by == "新陂村主任"
    review.approve(waiting[0].id)
    with pytest.raises(ValidationFailed):
        review.return_(waiting[1].id, "  ")
    review.return_(waiting[1].id, "姓名与户口簿不符")
    assert review.waiting() == []
    with pytest.raises(CoreError) as twice:
        review.approve(waiting[0].id)
    assert twice.value.code == "submission_not_waiting"

    move(town, village, to=VILLAGE)
    at_village = Approval(village, lambda: DAY)
    (back,) = at_village.returned()
    assert (back.child, back.reason, back.state) == (second.uuid, "姓名与户口簿不符", "returned")
    assert at_village.file_state(second.uuid).state == "returned"
    assert at_village.file_state(first.uuid).state == "approved"
    service = Children(village, lambda: DAY)
    service.save(replace(service.get(second.uuid), name="李小虹"))
    assert at_village.returned() == []
    assert at_village.file_state(second.uuid).state == "submitted"

    move(village, town)
    (again,) = review.waiting()
    assert (again.child, again.kind) == (second.uuid, "new_file")
    assert again.changes == {"name": ["李小红", "李小虹"]}
    review.approve(again.id)
    move(town, village, to=VILLAGE)
    assert at_village.file_state(second.uuid) == at_village.file_state(first.uuid)


def test_the_countys_rules_reserve_items_to_it(village, town, county, move):
    with pytest.raises(CoreError) as not_here:
        Approval(town).reserve(["category_added:de_facto_unsupported"])
    assert not_here.value.code == "review_rules_county_only"
    with pytest.raises(ValidationFailed):
        Approval(county).reserve(["made_up"])
    Approval(county).reserve(["category_added:de_facto_unsupported"])
    move(county, town, to=TOWN)
    move(town, village, to=VILLAGE)
    assert Approval(village).rules() == ("category_added:de_facto_unsupported",)

    kid = new_child(village)
    service = Children(village, lambda: DAY)
    service.update_fields(
        kid.uuid, {"categories": "left_behind,de_facto_unsupported"}, reason="父母失联"
    )
    move(village, town)
    at_town = Approval(town, lambda: DAY)
    states = {i.kind: i for i in at_town.waiting()}
    assert {k: i.state for k, i in states.items()} == {
        "new_file": "submitted",
        "category_added": "awaiting_county",
    }
    with pytest.raises(CoreError):
        at_town.approve(states["category_added"].id)
    at_town.approve(states["new_file"].id)
    assert [i.kind for i in at_town.waiting()] == ["category_added"]

    move(town, county)
    at_county = Approval(county, lambda: DAY)
    (reserved,) = at_county.waiting()  # the new file was the town's to approve
    assert reserved.kind == "category_added" and reserved.subject == "de_facto_unsupported"
    assert at_county.approve(reserved.id).verdict == "confirmed"
    move(county, town, to=TOWN)
    move(town, village, to=VILLAGE)
    assert Approval(town).waiting() == []
    assert Approval(village).file_state(kid.uuid).state == "confirmed"


def test_a_village_reviews_nothing(village):
    kid = new_child(village)
    assert Approval(village).waiting() == []
    assert len(submissions(village)) == 1
    with village.read() as conn:
        uuid = conn.execute(select(t.submission.c.uuid)).scalar_one()
    with pytest.raises(CoreError) as refused:
        Approval(village).approve(uuid)
    assert refused.value.code == "review_not_here"
    assert Approval(village).file_state(kid.uuid).state == "submitted"


def test_an_unknown_submission_is_not_found(town):
    with pytest.raises(CoreError) as missing:
        Approval(town).approve("no-such-submission")
    assert missing.value.code == "submission_not_found"


def test_a_newer_grade_change_supersedes_the_one_waiting(village, town, move):
    kid = new_child(village)
    service = Children(village, lambda: DAY)
    service.save(replace(service.get(kid.uuid), guardianship="poor"))
    service.save(replace(service.get(kid.uuid), guardianship="good"))
    move(village, town)
    grades = [i for i in Approval(town).waiting() if i.kind == "guardianship_changed"]
    assert [(i.subject, i.changes) for i in grades] == [
        ("good", {"guardianship": ["poor", "good"]})
    ]


def test_a_decision_on_a_file_changed_meanwhile_is_kept_and_the_newer_waits(village, town, move):
    kid = new_child(village)
    service = Children(village, lambda: DAY)
    service.save(replace(service.get(kid.uuid), guardianship="poor"))
    move(village, town)
    at_town = Approval(town, lambda: DAY)
    grade = next(i for i in at_town.waiting() if i.kind == "guardianship_changed")
    service.save(replace(service.get(kid.uuid), guardianship="none"))  # meanwhile
    at_town.approve(grade.id)
    move(village, town)
    (newer,) = [i for i in at_town.waiting() if i.kind == "guardianship_changed"]
    assert newer.subject == "none"
    with town.read() as conn:
        decided = conn.execute(select(t.decision.c.submission_uuid)).scalars().all()
    assert decided == [grade.id]


def test_a_ledger_imported_at_an_enrolled_village_submits_every_new_file(village, tmp_path):
    rows = [child_row(n, f"儿童{n}") for n in range(1, 201)]
    ledger = write_xlsx(tmp_path / "台账.xlsx", [HEADER, *rows])
    result = Roster(village, lambda: DAY).import_file(ledger)
    assert result.imported == 200
    made = submissions(village)
    assert len(made) == 200 and {k for k, *_ in made} == {"new_file"}
    assert len({c for *_, c, _ in made}) == 200
    regraded = [
        child_row(n, f"儿童{n}", 监护情况="差" if n <= 3 else "一般") for n in range(1, 201)
    ]
    Roster(village, lambda: DAY).import_file(write_xlsx(tmp_path / "b.xlsx", [HEADER, *regraded]))
    assert kinds(village).count(("guardianship_changed", "poor")) == 3


def test_official_counts_take_approved_files_only_and_say_how_many_wait(
    village, town, county, move, tmp_path
):
    """A file made before review (no submission) counts; a new file counts once the town
    approved it (the county confirmed it, where its rules reserve new files); a returned one
    waits. The summary's JSON and its PDF say how many wait."""
    fill_demo(town, 2, seed=3, today=DAY)  # the town's own files: never submitted
    first, second = new_child(village), new_child(village, "李小红", 6)
    move(village, town)
    reports = Reports(town, lambda: DAY)
    before = reports.figures(DAY)
    assert (before.total, before.waiting_review) == (2, 2)
    review = Approval(town, lambda: DAY)
    by_child = {i.child: i.id for i in review.waiting()}
    review.approve(by_child[first.uuid])
    review.return_(by_child[second.uuid], "姓名与户口簿不符")
    after = reports.figures(DAY)
    assert (after.total, after.waiting_review) == (3, 1)
    assert check_totals(after) == []
    assert document(after)["waiting_review"] == 1
    out = tmp_path / "summary.pdf"
    reports.summary(out, DAY)
    assert "另有1份新建档案待审核" in poppler.flat_text(out)

    Approval(county).reserve(["new_file"])
    move(county, town, to=TOWN)
    reserved = reports.figures(DAY)  # the town's approval is not the county's confirmation
    assert (reserved.total, reserved.waiting_review) == (2, 2)
    move(town, county)
    at_county = Approval(county, lambda: DAY)
    (confirm,) = [i for i in at_county.waiting() if i.child == first.uuid]
    at_county.approve(confirm.id)
    move(county, town, to=TOWN)
    assert reports.figures(DAY).total == 3
