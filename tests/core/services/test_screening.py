"""排查 on a town of two villages counted by hand (screening_town): who is in a round, the
people a list adds, marks and the latest that counts, coverage and who is late, a person
registered as a child, and each refusal; on both back ends."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.errors import NotFound, StationError, ValidationFailed
from childcare_desktop.core.matching.people import Person
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.screening import Screening
from childcare_desktop.core.services.station import init_station
from tests.conftest import PASSPHRASE
from tests.core.services import screening_town as town_
from tests.core.services.care_support import Clock
from tests.core.services.screening_town import DEADLINE, OPENED, PEOPLE, A, B
from tests.pg import POSTGRESQL


@pytest.fixture
def town(data_dir: Path, backend: str, request: pytest.FixtureRequest):
    server = request.getfixturevalue("pg_url") if backend == POSTGRESQL else None
    store, _ = init_station(
        data_dir / "town.db", PASSPHRASE, "town", town_.TOWN, "石坑镇", "张督导", server=server
    )
    clock = Clock()
    uuids = town_.build(store, clock)
    yield Screening(store, clock), uuids, clock
    store.close()


def _coverage(status) -> dict[str, tuple[int, int, int, bool]]:
    return {v.village_code: (v.to_screen, v.screened, v.found, v.late) for v in status.villages}


def _names(status, screened: bool | None = None) -> set[str]:
    return {s.name for s in status.subjects if screened is None or s.screened == screened}


def test_a_round_covers_the_area_s_children_under_18_on_the_opening_day(town):
    screening, _, _ = town
    opened = screening.open("2026年春季排查", DEADLINE, "户籍在本镇的未成年人")
    assert (opened.level, opened.division_code, opened.division_name) == (
        "town",
        "441481103",
        "石坑镇",
    )
    assert (opened.opened_on, opened.opened_by, opened.closed_on) == (OPENED, "张督导", None)
    status = screening.status(opened.uuid)
    # a3 turned 18 on the opening day, a4 was closed: neither is in.
    assert _names(status) == {"儿童a1", "儿童a2", "儿童b1"}
    assert _coverage(status) == {A: (2, 0, 0, False), B: (1, 0, 0, False)}
    assert screening.rounds() == [opened]


def test_the_people_a_list_adds_are_screened_in_their_villages(town):
    screening, uuids, _ = town
    opened = screening.open("排查", DEADLINE)
    registered = Children(screening.store).get(uuids["a1"]).id_number
    outside = Person("5", "王外村", "", date(2015, 1, 1), "male", "441481104201")
    twice = replace(PEOPLE[0], key="6")
    known = Person("7", "儿童a1", registered, None, "", A)
    adult = Person("8", "成年人", "", date(2008, 3, 31), "male", A)
    given = [*PEOPLE, outside, twice, known, adult]
    added = screening.add_people(opened.uuid, given, "户籍名单 2026-03")
    assert len(added.added) == 2 and added.already == ("6", "7")
    assert [(key, p.code) for key, p in added.refused] == [
        ("5", "screening_village_outside"),
        ("8", "screening_adult"),
    ]
    status = screening.status(opened.uuid)
    people = {s.name: s for s in status.subjects if s.kind == "person"}
    # The birth date and sex come from the ID number where the list leaves them out.
    assert (people["陈小雨"].birth_date, people["陈小雨"].sex) == (date(2016, 2, 2), "female")
    assert _coverage(status) == {A: (3, 0, 0, False), B: (2, 0, 0, False)}
    again = screening.add_people(opened.uuid, PEOPLE, "户籍名单 2026-03")
    assert (again.added, again.already) == ((), ("3", "4"))


def test_a_list_without_villages_is_placed_by_the_address_or_the_officer_s_choice(town):
    """A school's roll gives no 所属村: the address that names one village of the area places
    the child (said how), an address naming two places none, nor does a missing one; the
    village the officer chose places those, and nothing else."""
    screening, _, _ = town
    opened = screening.open("排查", DEADLINE)
    roll = [
        Person("2", "王住上", "", date(2015, 1, 1), "male", ""),
        Person("3", "李两村", "", date(2015, 2, 2), "male", ""),
        Person("4", "赵无址", "", date(2015, 3, 3), "female", ""),
        Person("5", "孙名单", "", date(2015, 4, 4), "female", B),
    ]
    addresses = {"2": "石坑镇上村三组12号", "3": "上村与下村交界处", "4": ""}
    first = screening.add_people(opened.uuid, roll, "学校花名册", addresses)
    assert [(key, p.village_code, p.how) for key, p in first.placed] == [("2", A, "address")]
    assert [(key, p.code) for key, p in first.refused] == [
        ("3", "screening_village_required"),
        ("4", "screening_village_required"),
    ]
    chosen = screening.add_people(opened.uuid, roll, "学校花名册", addresses, village=B)
    assert [(key, p.village_code, p.how) for key, p in chosen.placed] == [
        ("3", B, "chosen"),
        ("4", B, "chosen"),
    ]
    assert chosen.already == ("2", "5") and chosen.refused == ()
    people = {s.name: s.village_code for s in screening.status(opened.uuid).subjects
              if s.kind == "person"}  # fmt: skip
    assert people == {"王住上": A, "李两村": B, "赵无址": B, "孙名单": B}
    assert screening.villages(opened.uuid) == {A: "上村", B: "下村"}


def test_marks_cover_the_villages_and_the_latest_mark_counts(town):
    screening, uuids, clock = town
    opened = screening.open("排查", DEADLINE)
    screening.add_people(opened.uuid, PEOPLE, "户籍名单")
    clock.day = date(2026, 4, 10)
    done = screening.mark(opened.uuid, uuids["a1"], [], date(2026, 4, 9), "入户核实")
    assert (done.subject.screened_on, done.subject.found, done.register) == (
        date(2026, 4, 9), (), False)  # fmt: skip
    screening.mark(opened.uuid, uuids["b1"], ["left_behind"], date(2026, 4, 10))
    status = screening.status(opened.uuid)
    assert _coverage(status) == {A: (3, 1, 0, False), B: (2, 1, 1, False)}
    screening.mark(opened.uuid, uuids["a1"], ["poor_family", "orphan"], date(2026, 4, 10))
    a1 = next(s for s in screening.status(opened.uuid).subjects if s.uuid == uuids["a1"])
    assert (a1.found, a1.note) == (("orphan", "poor_family"), "")
    assert _coverage(screening.status(opened.uuid))[A] == (3, 1, 1, False)


def test_a_village_is_late_past_the_deadline_with_someone_still_to_screen(town):
    screening, uuids, clock = town
    opened = screening.open("排查", DEADLINE)
    clock.day = date(2026, 4, 20)
    screening.mark(opened.uuid, uuids["b1"], [], date(2026, 4, 20))
    assert [v.late for v in screening.status(opened.uuid).villages] == [False, False]
    clock.day = DEADLINE
    assert screening.status(opened.uuid).late == ()
    clock.day = date(2026, 5, 1)
    late = screening.status(opened.uuid).late
    assert [(v.village_code, v.village_name, v.to_screen - v.screened) for v in late] == [
        (A, "上村", 2)
    ]


def test_a_child_registered_after_the_opening_joins_the_round(town):
    screening, _, clock = town
    opened = screening.open("排查", DEADLINE)
    clock.day = date(2026, 4, 15)
    born = date(2019, 1, 1)
    Children(screening.store, clock).save(
        Child("新登记", "", None, B, id_number=idnumber.make("441481", born, 77, "male"))
    )
    assert "新登记" in _names(screening.status(opened.uuid), screened=False)
    assert _coverage(screening.status(opened.uuid))[B][0] == 2


def test_a_person_found_in_a_category_is_registered_and_becomes_that_child(town):
    screening, _, clock = town
    opened = screening.open("排查", DEADLINE)
    added = screening.add_people(opened.uuid, PEOPLE[:1], "户籍名单")
    (person,) = added.added
    clock.day = date(2026, 4, 12)
    assert screening.draft_child(opened.uuid, person).categories == ()
    marked = screening.mark(opened.uuid, person, ["left_behind", "poor_family"], date(2026, 4, 12))
    assert marked.register
    # The file drafted from the person holds what the screening found, from today.
    draft = screening.draft_child(opened.uuid, person)
    assert [(s.code, s.start, s.end) for s in draft.categories] == [
        ("left_behind", date(2026, 4, 12), None),
        ("poor_family", date(2026, 4, 12), None),
    ]
    child = Children(screening.store, clock).save(
        Child("陈小雨", "", None, A, id_number=PEOPLE[0].id_number)
    )
    screening.mark(
        opened.uuid, person, ["left_behind"], date(2026, 4, 12), registered_as=child.uuid
    )
    status = screening.status(opened.uuid)
    (subject,) = [s for s in status.subjects if s.name == "陈小雨"]
    assert (subject.kind, subject.uuid, subject.person_uuid) == ("child", child.uuid, person)
    assert (subject.screened_on, subject.found) == (date(2026, 4, 12), ("left_behind",))
    assert _coverage(status)[A] == (3, 1, 1, False)
    # The child is marked again through either name: it stays one subject.
    screening.mark(opened.uuid, person, [], date(2026, 4, 12))
    assert [s.found for s in screening.status(opened.uuid).subjects if s.name == "陈小雨"] == [()]


@pytest.mark.parametrize(
    ("found", "on", "field", "code"),
    [
        (["martian"], date(2026, 4, 2), "found", "unknown_value"),
        (["orphan", "orphan"], date(2026, 4, 2), "found", "unknown_value"),
        ([], date(2026, 5, 2), "screened_on", "future_date"),
        ([], date(2026, 3, 31), "screened_on", "before_round"),
    ],
)
def test_a_mark_refused_names_the_field_and_nothing_is_written(town, found, on, field, code):
    screening, uuids, clock = town
    opened = screening.open("排查", DEADLINE)
    clock.day = date(2026, 4, 10)
    with pytest.raises(ValidationFailed) as failed:
        screening.mark(opened.uuid, uuids["a1"], found, on)
    assert [(p.field, p.code) for p in failed.value.problems] == [(field, code)]
    assert _names(screening.status(opened.uuid), screened=True) == set()


def test_a_round_refused_and_unknown_subjects(town):
    screening, uuids, _ = town
    with pytest.raises(ValidationFailed) as failed:
        screening.open("  ", date(2026, 3, 1))
    assert {(p.field, p.code) for p in failed.value.problems} == {
        ("title", "required"), ("deadline", "end_before_start")}  # fmt: skip
    opened = screening.open("排查", DEADLINE)
    with pytest.raises(NotFound):
        screening.mark(opened.uuid, uuids["a3"], [], OPENED)  # 18 on the opening day
    with pytest.raises(NotFound):
        screening.status("no-such-round")


def test_a_village_does_not_open_a_round(store):
    with pytest.raises(StationError) as refused:
        Screening(store).open("排查", date.today())
    assert refused.value.code == "screening_level"


def test_the_result_printed_reads_back_with_its_coverage_and_who_is_late(town, tmp_path):
    screening, uuids, clock = town
    opened = screening.open("2026年春季排查", DEADLINE, "户籍名单所列儿童")
    screening.add_people(opened.uuid, PEOPLE, "户籍名单")
    clock.day = date(2026, 4, 9)
    screening.mark(opened.uuid, uuids["b1"], ["left_behind"], date(2026, 4, 9))
    clock.day = date(2026, 5, 6)
    out = tmp_path / "screening.pdf"
    assert screening.print(opened.uuid, out) == 1
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "排查结果：2026年春季排查" in text
    assert "应排查 5 人，已排查 1 人（20%），发现困境、留守等情形 1 人" in text
    assert "逾期未完成：上村、下村。" in text
    assert re.search(r"1\s+上村\s+3\s+0\s+3\s+0%\s+0\s+逾期", text)
    assert re.search(r"2\s+下村\s+2\s+1\s+1\s+50%\s+1\s+逾期", text)
    assert re.search(r"儿童b1\s+下村\s+已建档\s+2026-04-09\s+农村留守儿童", text)
    assert re.search(r"陈小雨\s+上村\s+名单新增\s+2016-02-02", text)


def test_a_closed_round_keeps_its_day(town):
    screening, _, clock = town
    opened = screening.open("排查", DEADLINE)
    clock.day = date(2026, 5, 3)
    assert screening.close(opened.uuid).closed_on == date(2026, 5, 3)


def test_the_rounds_to_add_people_to_are_the_open_ones_of_this_station(town):
    screening, _, _ = town
    spring = screening.open("春季排查", DEADLINE)
    autumn = screening.open("秋季排查", DEADLINE)
    assert {r.uuid for r in screening.rounds_to_add_to()} == {spring.uuid, autumn.uuid}
    screening.close(spring.uuid)
    assert [r.uuid for r in screening.rounds_to_add_to()] == [autumn.uuid]
