"""The registry's files read as people, on both back ends (ID numbers sealed on a server)."""

from __future__ import annotations

from datetime import date

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.matching import Person, children_as_people, match_people
from childcare_desktop.core.matching.people import identity, normal_name
from childcare_desktop.core.services.children import Children
from tests.conftest import VILLAGE

BORN = date(2016, 5, 6)
TODAY = date(2026, 11, 23)


def test_children_are_read_with_their_id_numbers_open(store, today):
    service = Children(store, today=lambda: today)
    number = idnumber.make(VILLAGE[:6], BORN, 3, "female")
    kept = service.save(Child("李想", "female", BORN, VILLAGE, id_number=number))
    gone = service.save(Child("王强", "male", date(2010, 1, 2), VILLAGE, no_id_reason="unknown"))
    service.save(gone.with_changes(status="closed", close_reason="moved_away", closed_on=today))

    (person,) = children_as_people_of(store)
    assert person == Person(kept.uuid, "李想", number, BORN, "female", VILLAGE)
    with store.read() as conn:
        both = children_as_people(conn, include_closed=True)
    assert {p.key for p in both} == {kept.uuid, gone.uuid}
    (match,) = match_people([Person("2", "李想", number)], [person]).values()
    assert (match.child, match.how, match.score) == (kept.uuid, "id_number", 1.0)


def children_as_people_of(store) -> list[Person]:
    with store.read() as conn:
        return children_as_people(conn)


def test_names_are_compared_without_spaces_width_or_kinds_of_dot():
    assert normal_name(" 黄 晓\u3000红 ") == "黄晓红"
    assert normal_name("阿依古丽•买买提") == normal_name("阿依古丽·买买提")
    assert normal_name("ＬＩ Ming") == "liming"


def test_an_id_number_is_normalised_and_tells_a_missing_birth_date_and_sex():
    number = idnumber.make("441481", BORN, 7, "male")
    wide = number[:17].translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    who = identity(Person("1", "李想", f" {wide[:6]} {wide[6:]}{number[17].lower()} "), TODAY)
    assert (who.id_number, who.id_valid) == (number, True)
    assert (who.birth_date, who.sex) == (BORN, "male")
    mistyped = identity(
        Person("2", "李想", number[:-1] + ("0" if number[-1] != "0" else "1")), TODAY
    )
    assert not mistyped.id_valid and mistyped.birth_date == BORN
