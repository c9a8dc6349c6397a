"""Importing ledgers into a store: bad rows refused and listed, idempotent, all or nothing."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.roster import Cancelled, Roster
from childcare_desktop.core.storage import derived_repo, settings
from childcare_desktop.core.storage import tables as t

from .ledgers import BORN, HEADER, child_row, id_for, write_csv, write_xlsx


def count(store, table) -> int:
    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def changes_of(store, uuid: str) -> list[dict]:
    with store.read() as conn:
        rows = conn.execute(
            select(t.change.c.entity, t.change.c.fields).where(t.change.c.entity_uuid == uuid)
        ).all()
    return [{"entity": e, **json.loads(f)} for e, f in rows]


def bad_ledger(tmp_path):
    good = child_row(1, "张小明")
    wrong_checksum = child_row(2, "李二", 身份证号码=id_for(serial=2)[:-1] + "0")
    if wrong_checksum[4] == id_for(serial=2):
        wrong_checksum[4] = id_for(serial=2)[:-1] + "1"
    wrong_sex = child_row(3, "王三", 性别="女")
    wrong_birth = child_row(4, "赵四", 出生日期=date(2012, 3, 5))
    impossible = child_row(5, "钱五", 出生日期="2012-02-30", 身份证号码="无户籍")
    as_number = child_row(6, "孙六", 身份证号码=4.41481201203041e17)
    unknown_category = child_row(7, "周七", 儿童类别="外星儿童")
    rows = [["新陂村台账"], HEADER, good, wrong_checksum, wrong_sex, wrong_birth, impossible,
            as_number, unknown_category]  # fmt: skip
    return write_xlsx(tmp_path / "台账.xlsx", rows, merges=("A1:I1",))


def test_each_kind_of_bad_row_is_refused_reported_and_written_to_an_error_workbook(store, tmp_path):
    source = bad_ledger(tmp_path)
    result = Roster(store).import_file(source)
    # A category not understood is a detail: the child comes in, the word is in the notes.
    assert (result.imported, result.updated, result.unchanged) == (2, 0, 0)
    found = [(e.row, e.column, e.code) for e in result.errors]
    assert found == [
        (4, "身份证号码", "id_checksum"),
        (5, "性别", "id_sex_mismatch"),
        (6, "出生日期", "id_birth_mismatch"),
        (7, "出生日期", "date_impossible"),
        (8, "身份证号码", "id_as_number"),
    ]
    assert all(e.message and "_" not in e.message for e in result.errors)  # words, not codes
    assert [(w.row, w.column, w.code) for w in result.warnings] == [
        (9, "儿童类别", "category_unknown")
    ]
    assert "农村留守儿童" in result.warnings[0].message  # the words it understands are named
    assert sorted(s.name for s in Children(store).summaries()) == ["周七", "张小明"]

    book = load_workbook(result.error_file)
    assert result.error_file == str(tmp_path / "台账_错误行.xlsx")
    rows = [list(r) for r in book.active.iter_rows(values_only=True)]
    assert rows[0] == [*HEADER, "原行号", "错误原因"]
    assert [r[1] for r in rows[1:]] == ["李二", "王三", "赵四", "钱五", "孙六"]
    assert [r[-2] for r in rows[1:]] == [4, 5, 6, 7, 8]
    assert rows[1][4] == child_row(2, "李二")[4][:-1] + rows[1][4][-1]  # the number as written
    assert rows[3][3].date() == date(2012, 3, 5)  # a date stays a date
    assert rows[5][4] == pytest.approx(4.41481201203041e17)
    assert "身份证号码：" in rows[1][-1] and "校验位" in rows[1][-1]


def test_a_corrected_error_workbook_imports_and_the_old_error_list_goes(store, tmp_path):
    source = bad_ledger(tmp_path)
    error_file = Roster(store).import_file(source).error_file
    book = load_workbook(error_file)
    sheet = book.active
    for n, row in enumerate(sheet.iter_rows(min_row=2), start=2):
        row[4].value = id_for(BORN, n, "female" if row[1].value == "王三" else "male")
        row[3].value = BORN
        row[5].value = "农村留守儿童"
    sheet["C3"] = "女"
    corrected = tmp_path / "改好了.xlsx"
    book.save(corrected)
    result = Roster(store).import_file(corrected)
    assert (result.imported, result.errors) == (5, ())
    assert count(store, t.child) == 7
    (tmp_path / "改好了_错误行.xlsx").write_bytes(b"stale")
    assert Roster(store).import_file(corrected).error_file is None
    assert not (tmp_path / "改好了_错误行.xlsx").exists()


def test_importing_the_same_file_again_changes_nothing(store, tmp_path):
    rows = [HEADER] + [
        child_row(n, f"孩子{n}", 最近走访日期="2025-01-0" + str(n)) for n in (1, 2, 3)
    ]
    source = write_xlsx(tmp_path / "a.xlsx", rows)
    first = Roster(store).import_file(source)
    assert (first.imported, first.updated, first.unchanged) == (3, 0, 0)
    changes, visits = count(store, t.change), count(store, t.visit)
    again = Roster(store).import_file(source)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 3)
    assert (count(store, t.child), count(store, t.change), count(store, t.visit)) == (
        3, changes, visits,
    )  # fmt: skip


def test_a_corrected_file_updates_and_logs_only_the_changed_fields(store, tmp_path):
    headers = [*HEADER, "父亲姓名", "父亲电话"]
    rows = [
        headers,
        [*child_row(1, "吴一"), "吴大", "13800000001"],
        [*child_row(2, "吴二"), "", ""],
    ]
    Roster(store).import_file(write_xlsx(tmp_path / "a.xlsx", rows))
    rows[1][6] = "较好"
    rows[1][10] = "13900000009"
    result = Roster(store).import_file(write_xlsx(tmp_path / "b.xlsx", rows))
    assert (result.imported, result.updated, result.unchanged) == (0, 1, 1)
    uuid = next(s.uuid for s in Children(store).summaries() if s.name == "吴一")
    child = Children(store).get(uuid)
    assert child.guardianship == "good" and child.members[0].phone == "13900000009"
    later = changes_of(store, uuid)[1:]
    assert [sorted(k for k in c if k != "entity") for c in later] == [["guardianship"]]
    member_changes = [c for c in changes_of(store, child.members[0].uuid)[1:]]
    assert [sorted(k for k in c if k != "entity") for c in member_changes] == [["phone"]]


def test_the_change_log_holds_canonical_json(store, tmp_path):
    rows = [
        [*HEADER, "父亲姓名", "父亲电话"],
        [*child_row(1, "吴一", 备注='爱唱歌 "小明"'), "吴大", 13800000001],
    ]
    Roster(store).import_file(write_xlsx(tmp_path / "a.xlsx", rows))
    with store.read() as conn:
        logged = conn.execute(select(t.change.c.entity, t.change.c.fields)).all()
    assert sorted(e for e, _ in logged) == ["category", "child", "member"]
    for _entity, text in logged:
        canonical = json.dumps(
            json.loads(text), ensure_ascii=False, sort_keys=True, separators=(",", ":")
        )
        assert text == canonical
    assert '"notes":"爱唱歌 \\"小明\\""' in dict(logged)["child"]


def test_changed_files_log_each_change_based_on_the_change_it_replaces(store, tmp_path):
    headers = [*HEADER, "父亲姓名", "父亲电话"]
    rows = [headers] + [[*child_row(n, f"孩子{n}"), f"父{n}", f"1380000000{n}"] for n in (1, 2, 3)]
    Roster(store).import_file(write_xlsx(tmp_path / "a.xlsx", rows))
    created = {uuid: change_id for change_id, uuid, _f, _b in logged_changes(store)}
    rows[1][6] = "较好"
    rows[2][5] = "孤儿"
    rows[3][10] = "13900000003"
    result = Roster(store).import_file(write_xlsx(tmp_path / "b.xlsx", rows))
    assert (result.imported, result.updated, result.unchanged) == (0, 3, 0)
    later = [c for c in logged_changes(store) if c[0] not in created.values()]
    old_spans = [uuid for _id, uuid, fields, _b in later if fields == {"end"}]
    assert [(fields, base) for _id, uuid, fields, base in later if uuid not in old_spans] == [
        ({"guardianship"}, [created[later[0][1]]]),
        ({"_new", "child_uuid", "code", "start", "uuid"}, []),  # 孤儿 from today
        ({"phone"}, [created[later[-1][1]]]),
    ]
    assert [base for _id, uuid, _f, base in later if uuid in old_spans] == [[created[old_spans[0]]]]
    with store.read() as conn:
        heads = dict(conn.execute(select(t.entity_head.c.entity_uuid, t.entity_head.c.heads)).all())
    for change_id, uuid, fields, _base in later:
        if "_new" not in fields:
            expected = {"*": [created[uuid]]} | {field: [change_id] for field in fields}
            assert json.loads(heads[uuid]) == expected


def logged_changes(store) -> list[tuple[str, str, set[str], list[str]]]:
    c = t.change.c
    with store.read() as conn:
        rows = conn.execute(
            select(c.station, c.counter, c.entity_uuid, c.fields, c.base).order_by(c.counter)
        ).all()
    return [(f"{s}:{n}", u, set(json.loads(f)), json.loads(b)) for s, n, u, f, b in rows]


def test_an_import_cancelled_while_updating_changes_nothing(store, tmp_path):
    rows = [HEADER] + [child_row(n, f"孩子{n}", BORN + timedelta(days=n)) for n in range(1, 701)]
    Roster(store).import_file(write_xlsx(tmp_path / "a.xlsx", rows))
    before = (count(store, t.change), count(store, t.entity_head), count(store, t.category))
    for row in rows[1:]:
        row[6] = "差"
    seen = []
    with pytest.raises(Cancelled):
        Roster(store).import_file(
            write_xlsx(tmp_path / "b.xlsx", rows),
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: bool(seen),
        )
    assert seen == [(500, 701)]
    assert (count(store, t.change), count(store, t.entity_head), count(store, t.category)) == before
    assert {s.guardianship for s in Children(store).summaries()} == {"fair"}


def test_a_blank_cell_erases_nothing_and_categories_keep_their_history(store, tmp_path, today):
    rows = [HEADER, child_row(1, "郑一", 儿童类别="农村留守儿童、贫困家庭儿童", 备注="爱唱歌")]
    Roster(store).import_file(write_xlsx(tmp_path / "a.xlsx", rows))
    rows[1][5], rows[1][8] = "贫困家庭儿童", ""
    Roster(store).import_file(write_xlsx(tmp_path / "b.xlsx", rows))
    (summary,) = Children(store).summaries()
    child = Children(store).get(summary.uuid)
    assert child.notes == "爱唱歌"
    assert summary.categories == ("poor_family",)
    ended = [s for s in child.categories if s.code == "left_behind"]
    assert ended and ended[0].end is not None


def test_the_same_child_twice_in_one_file_is_one_child(store, tmp_path):
    rows = [
        [*HEADER, "父亲姓名", "父亲电话"],
        [*child_row(1, "冯一"), "冯大", ""],
        [*child_row(1, "冯一", 最近走访日期="2025-02-01"), "冯大", "13800000001"],
        [*child_row(2, "无号", 身份证号码=""), "", ""],
        [*child_row(3, "无号", 身份证号码="", 监护情况="差"), "", ""],
    ]
    rows[3][0] = rows[4][0] = 9
    result = Roster(store).import_file(write_xlsx(tmp_path / "d.xlsx", rows))
    assert (result.imported, result.errors) == (2, ())
    assert sorted(w.code for w in result.warnings) == ["roster_duplicate_row"] * 2
    by_name = {s.name: s for s in Children(store).summaries()}
    assert by_name["无号"].guardianship == "poor"
    assert by_name["冯一"].last_visit == date(2025, 2, 1)
    (father,) = Children(store).get(by_name["冯一"].uuid).members
    assert (father.name, father.phone) == ("冯大", "13800000001")


def test_a_child_without_an_id_number_is_matched_by_name_and_birth_date(store, tmp_path):
    rows = [HEADER, child_row(1, "褚一", 身份证号码="无户籍")]
    Roster(store).import_file(write_csv(tmp_path / "a.csv", rows))
    rows[1][4] = id_for(BORN, 1)  # the number has been issued since
    result = Roster(store).import_file(write_csv(tmp_path / "b.csv", rows))
    assert (result.imported, result.updated) == (0, 1)
    (summary,) = Children(store).summaries()
    assert summary.id_number == id_for(BORN, 1) and summary.no_id_reason == ""


def test_the_last_visit_date_becomes_one_visit_and_a_later_date_another(store, tmp_path, today):
    day = today - timedelta(days=10)
    rows = [HEADER, child_row(1, "卫一", 最近走访日期=day)]
    Roster(store).import_file(write_xlsx(tmp_path / "a.xlsx", rows))
    Roster(store).import_file(write_xlsx(tmp_path / "a.xlsx", rows))
    assert count(store, t.visit) == 1
    rows[1][7] = today
    Roster(store).import_file(write_xlsx(tmp_path / "a.xlsx", rows))
    assert count(store, t.visit) == 2
    assert Children(store).summaries()[0].last_visit == today


def test_a_cancelled_import_writes_nothing(store, tmp_path):
    rows = [HEADER] + [child_row(n, f"孩子{n}", BORN + timedelta(days=n)) for n in range(1, 1201)]
    source = write_xlsx(tmp_path / "big.xlsx", rows)
    seen = []
    with pytest.raises(Cancelled):
        Roster(store).import_file(
            source,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: bool(seen),
        )
    assert seen == [(500, 1201)]
    assert (count(store, t.child), count(store, t.change), count(store, t.member)) == (0, 0, 0)


def test_progress_goes_up_to_the_total(store, tmp_path):
    rows = [HEADER] + [child_row(n, f"孩子{n}", BORN + timedelta(days=n)) for n in range(1, 1201)]
    seen = []
    Roster(store).import_file(
        write_xlsx(tmp_path / "big.xlsx", rows), progress=lambda d, n: seen.append((d, n))
    )
    assert seen == [(500, 1201), (1000, 1201), (1200, 1201), (1201, 1201)]
    assert count(store, t.child) == 1200


def test_a_dry_run_writes_nothing_not_even_the_error_workbook(store, tmp_path):
    source = bad_ledger(tmp_path)
    result = Roster(store).import_file(source, dry_run=True)
    assert (result.imported, len(result.errors), result.error_file) == (2, 5, None)
    assert (count(store, t.child), count(store, t.change)) == (0, 0)
    assert not (tmp_path / "台账_错误行.xlsx").exists()


def test_the_preview_shows_every_row_with_its_problems_and_writes_nothing(store, tmp_path):
    preview = Roster(store).preview(bad_ledger(tmp_path))
    assert [r.row for r in preview.rows] == [3, 4, 5, 6, 7, 8, 9]
    assert [r.row for r in preview.bad_rows] == [4, 5, 6, 7, 8]
    assert preview.mapping.header_rows == (2,)
    assert count(store, t.child) == 0


def test_an_import_is_audited_after_a_backup_and_an_export_is_audited(store, tmp_path):
    from childcare_desktop.core.services import safety
    from childcare_desktop.core.services.roster import Roster

    from .ledgers import HEADER, child_row, write_xlsx

    ledger = write_xlsx(tmp_path / "ledger.xlsx", [HEADER, child_row(1, "王小虎")])
    Roster(store).import_file(ledger)
    Roster(store).export(tmp_path / "out.xlsx")
    actions = [e.action for e in safety.audit_entries(store)]
    assert actions[-2:] == ["import", "export"]
    assert actions[actions.index("import") - 1] == "backup"
    assert any(b.reason == "before-import" for b in safety.list_backups(store.path))


def test_new_files_are_inserted_with_the_derived_columns_the_tables_give(store, tmp_path):
    """An import works out a new child's derived columns from the rows in hand; working them
    out again from the tables changes nothing."""
    rows = [
        [*HEADER, "父亲姓名", "父亲电话"],
        [*child_row(1, "蒋一", 最近走访日期="2026-10-02"), "蒋大", "13800000001"],
        [*child_row(2, "蒋二", 儿童类别="孤儿、农村留守儿童", 监护情况="差"), "", ""],
        [*child_row(3, "蒋三", 儿童类别="", 最近走访日期="2025-02-01"), "蒋三父", ""],
    ]
    assert Roster(store).import_file(write_xlsx(tmp_path / "a.xlsx", rows)).imported == 3
    columns = [t.child.c[name] for name in derived_repo.DERIVED_COLUMNS]

    def derived():
        with store.read() as conn:
            return sorted(conn.execute(select(t.child.c.name, *columns)).all())

    imported = derived()
    with store.write() as conn:
        derived_repo.refresh_derived(conn, None, date.today(), settings.visit_policy(conn))
    assert derived() == imported
    first = dict(zip(["name", *derived_repo.DERIVED_COLUMNS], imported[0], strict=True))
    assert first["name"] == "蒋一" and first["contact_phone"] == "13800000001"
    assert first["last_visit"] == date(2026, 10, 2) and first["next_due"] is not None


def test_two_rows_that_find_one_file_in_two_ways_are_reported(store, tmp_path):
    """One row finds the kept file by its ID number (and renames the child), a later row by the
    old name and birth date: both are applied in turn and the later row is named in a warning."""
    Roster(store).import_file(write_xlsx(tmp_path / "a.xlsx", [HEADER, child_row(1, "褚一")]))
    rows = [
        HEADER,
        child_row(1, "褚一一"),
        child_row(2, "褚一", 身份证号码="", 监护情况="差"),
    ]
    result = Roster(store).import_file(write_xlsx(tmp_path / "b.xlsx", rows))
    assert (result.imported, result.updated, result.errors) == (0, 1, ())
    assert [(w.row, w.code) for w in result.warnings] == [(3, "roster_duplicate_row")]
    assert "第 2 行" in result.warnings[0].message
    (summary,) = Children(store).summaries()
    assert (summary.name, summary.guardianship) == ("褚一", "poor")
