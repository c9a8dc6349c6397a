"""Finding, saving, closing and re-opening children's files through the service."""

from datetime import date

import pytest

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.domain.completeness import to_complete
from childcare_desktop.core.errors import ValidationFailed
from childcare_desktop.core.services.children import ChildQuery, Children
from tests.conftest import VILLAGE

BORN = date(2014, 8, 9)


@pytest.fixture
def service(store):
    return Children(store)


def new_child(name="张小明", serial=5, sex="male", **extra) -> Child:
    extra.setdefault("id_number", idnumber.make("441481", BORN, serial, sex))
    return Child(name, "", None, VILLAGE, **extra)


def test_birth_date_and_sex_are_filled_from_the_id_number(service):
    saved = service.save(
        new_child(id_number=None or " " + idnumber.make("441481", BORN, 5, "male"))
    )
    assert (saved.birth_date, saved.sex) == (BORN, "male")


def test_a_bad_id_number_is_refused_and_nothing_is_written(service):
    with pytest.raises(ValidationFailed) as refused:
        service.save(new_child(id_number="441481201408090011"))
    assert ("id_number", "id_checksum") in [(p.field, p.code) for p in refused.value.problems]
    assert service.count() == 0


@pytest.mark.parametrize("query", ["张小明", "小明", "zxm", "ZXM", "zhangxiaoming", "zhang xiao"])
def test_type_ahead_finds_by_name_pinyin_and_initials(service, query):
    saved = service.save(new_child())
    service.save(new_child("李想", serial=6, sex="female"))
    assert service.find(ChildQuery(text=query)) == [saved.uuid]


@pytest.mark.parametrize("typed", ["%", "_", "z_m", "z%m", "\\"])
def test_what_is_typed_is_matched_as_written_not_as_a_pattern(service, typed):
    """A server matches with LIKE (its trigram index serves LIKE alone), SQLite with instr: on
    both, a % or _ typed is a character of the search, not a wildcard that finds every child."""
    service.save(new_child())
    service.save(new_child("李想", serial=6, sex="female"))
    query = ChildQuery(text=typed)
    assert service.find(query) == [] and service.count_matching(query) == 0
    assert service.page(query, 0, 10) == []


def test_search_by_id_number_and_lists_mask_it(service):
    saved = service.save(new_child())
    assert service.find(ChildQuery(text=saved.id_number)) == [saved.uuid]
    # A part of the number finds the child where the number is in the search text: not on a
    # server, where it is sealed and only the whole number is looked up.
    part = service.find(ChildQuery(text=saved.id_number[-6:]))
    assert part == ([saved.uuid] if service.store.engine.dialect.name == "sqlite" else [])
    row = service.rows([saved.uuid])[0]
    assert saved.id_number not in row.id_masked
    assert row.id_masked.startswith("4414") and "*" in row.id_masked


def test_filters_by_category_risk_and_status(service):
    today = date.today()
    a = service.save(new_child(categories=(CategorySpan("orphan", today),), guardianship="good"))
    b = service.save(
        new_child(
            "李想",
            6,
            "female",
            categories=(CategorySpan("left_behind", today),),
            guardianship="none",
        )
    )
    assert service.find(ChildQuery(category="orphan")) == [a.uuid]
    assert service.find(ChildQuery(risk="high")) == [b.uuid]
    service.close(a.uuid, "moved_away", "迁往县城")
    assert service.find(ChildQuery()) == [b.uuid]
    assert service.find(ChildQuery(status="closed")) == [a.uuid]
    assert set(service.find(ChildQuery(status="all"))) == {a.uuid, b.uuid}


def test_closing_keeps_the_history_and_reopening_restores_the_file(service):
    start = date(2024, 1, 1)
    saved = service.save(new_child(categories=(CategorySpan("left_behind", start),)))
    closed = service.close(saved.uuid, "parents_returned", "父母返乡")
    assert closed.status == "closed" and closed.closed_on == date.today()
    assert closed.categories == (CategorySpan("left_behind", start, date.today()),)
    reopened = service.reopen(saved.uuid)
    assert reopened.status == "active" and reopened.close_reason == ""
    assert service.rows([saved.uuid])[0].status == "active"


def test_categories_change_with_history(service):
    saved = service.save(new_child(categories=(CategorySpan("left_behind", date(2024, 1, 1)),)))
    changed = service.save(service.set_categories(saved, ["poor_family"]))
    held = [(s.code, s.end) for s in changed.categories]
    assert ("left_behind", date.today()) in held and ("poor_family", None) in held
    assert service.rows([saved.uuid])[0].categories == ("poor_family",)


def test_risk_is_derived_and_can_be_overridden_with_a_reason(service):
    saved = service.save(
        new_child(categories=(CategorySpan("left_behind", date(2024, 1, 1)),), guardianship="good")
    )
    assert service.rows([saved.uuid])[0].risk == "low"
    with pytest.raises(ValidationFailed):
        service.save(saved.with_changes(risk_override="high"))
    service.save(saved.with_changes(risk_override="high", risk_override_reason="父亲酗酒"))
    assert service.rows([saved.uuid])[0].risk == "high"


def test_update_fields_from_text(service):
    saved = service.save(new_child())
    updated = service.update_fields(
        saved.uuid,
        {
            "current_address": "新陂村5组",
            "guardianship": "fair",
            "categories": "left_behind,poor_family",
        },
    )
    assert updated.current_address == "新陂村5组"
    summary = next(s for s in service.summaries() if s.uuid == saved.uuid)
    assert summary.categories == ("left_behind", "poor_family")
    with pytest.raises(ValidationFailed) as refused:
        service.update_fields(saved.uuid, {"birth_date": "2014-13-01", "colour": "red"})
    assert {p.code for p in refused.value.problems} == {"bad_value", "unknown_field"}


def test_the_list_counts_and_pages_in_pinyin_order(service):
    from childcare_desktop.core.services.demo import fill_demo

    fill_demo(service.store, 120, seed=5)
    query = ChildQuery()
    everyone = service.find(query)
    assert service.count_matching(query) == len(everyone) == 120
    pages = [r.uuid for offset in range(0, 120, 50) for r in service.page(query, offset, 50)]
    assert pages == everyone
    names = [r.name for r in service.page(query, 0, 120)]
    from childcare_desktop.core.domain.search import sort_key

    assert names == sorted(names, key=sort_key)
    zhang = ChildQuery(text="zh")
    assert service.count_matching(zhang) == len(service.find(zhang)) > 0


def test_the_list_can_hold_only_the_files_still_to_complete(service):
    whole = service.save(new_child())
    marked = service.save(new_child("李想", 6, "female", to_complete="schooling,father.phone"))
    no_grade = service.save(
        new_child("王芳", 8, "female", health="disabled", disability_type="视力")
    )
    graded = service.save(
        new_child("赵亮", 7, health="disabled", disability_type="视力", disability_grade="二级")
    )
    pending = ChildQuery(to_complete=True)
    expected = {c.uuid for c in (whole, marked, no_grade, graded) if to_complete(c)}
    assert expected == {marked.uuid, no_grade.uuid}
    assert set(service.find(pending)) == expected
    assert service.count_matching(pending) == 2
    assert {r.uuid for r in service.page(pending, 0, 10)} == expected
    assert service.position(pending, graded.uuid) == -1
    service.close(marked.uuid, "moved_away")
    assert service.find(pending) == [no_grade.uuid]
    assert service.find(ChildQuery(status="closed", to_complete=True)) == [marked.uuid]
