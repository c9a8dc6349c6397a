"""Lists going out to other departments, written and read back: each list's children and
columns in the Excel file and the PDF, a hostile name kept as text, the audit entry, a town's
list with its villages' names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.categories import CategorySpan
from childcare_desktop.core.domain.child import Child, FamilyMember
from childcare_desktop.core.domain.outgoing import LIST_CODES
from childcare_desktop.core.errors import CoreError
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.outgoing import Outgoing
from childcare_desktop.core.services.station import init_station
from childcare_desktop.core.storage import audit
from childcare_desktop.core.storage import tables as t
from tests.conftest import PASSPHRASE, VILLAGE
from tests.core.reports import poppler
from tests.core.services.care_support import Clock
from tests.pg import POSTGRESQL

TODAY = date(2026, 4, 20)
HOSTILE = '=HYPERLINK("http://evil.example","点我")'
PHONE = "13900001111"
# name → (what the file says, the list it is on)
KIDS = {
    HOSTILE: (dict(schooling="dropout", school="新陂小学"), "education"),
    "王无户": (dict(hukou_registered=False, no_id_reason="no_hukou"), "police_hukou"),
    "赵无监": (dict(guardianship="none", current_address="新陂村3组8号"), "police_guardianship"),
    "钱重残": (
        dict(health="disabled", disability_type="肢体", disability_grade="一级"), "federation"
    ),
    "孙平常": (dict(categories=(CategorySpan("left_behind", TODAY),), notes="父亲外出"), None),
}  # fmt: skip


def _save(children: Children, name: str, village: str = VILLAGE, serial: int = 1, **file):
    """A girl born 2016-03-03 in good care with her grandmother's phone, as `file` says."""
    born = date(2016, 3, 3)
    number = "" if file.get("no_id_reason") else idnumber.make("441481", born, serial, "female")
    facts = {"guardianship": "good", "id_number": number, **file}
    return children.save(
        Child(
            name,
            "female",
            born,
            village,
            registered_on=TODAY,
            members=(FamilyMember("pat_grandma", "李桂兰", phone=PHONE),),
            **facts,
        )
    )


@pytest.fixture
def village(store):
    children = Children(store, Clock(TODAY))
    for serial, (name, (file, _)) in enumerate(KIDS.items(), 1):
        _save(children, name, serial=serial, **file)
    closed = _save(children, "周已销", serial=9, schooling="dropout")
    children.close(closed.uuid, "moved_away")
    return Outgoing(store, Clock(TODAY))


def _listed(sheet) -> list[str]:
    """The names in the list's second column, below its header row (row 4)."""
    return [row[1] for row in sheet.iter_rows(min_row=5, values_only=True)]


def test_each_list_holds_its_children_and_the_village_s_columns(village, tmp_path: Path):
    for code in LIST_CODES:
        preview = village.preview(code)
        expected = [n for n, (_, on) in KIDS.items() if on == code]
        assert preview.count == len(expected) == 1
        assert "village" not in preview.columns
        out = tmp_path / f"{code}.xlsx"
        printed = village.export(code, out)
        assert (printed.rows, printed.pages) == (1, None)
        sheet = load_workbook(out).active
        assert _listed(sheet) == expected
        head = [c for c in next(sheet.iter_rows(min_row=4, max_row=4, values_only=True))]
        assert head[0] == "序号" and len(head) == len(preview.columns) + 1


def test_the_education_list_read_back_from_excel(village, tmp_path: Path):
    out = tmp_path / "教育.xlsx"
    village.export("education", out)
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "失学辍学儿童名单（送教育部门）"
    assert "李主任" in rows[1][0] and "共 1 人" in rows[1][0] and "新陂村" in rows[1][0]
    assert rows[2][0].startswith("仅供教育部门控辍保学使用")
    assert rows[3] == ("序号", "姓名", "性别", "出生日期", "就学情况", "学校", "联系人", "联系电话")
    assert rows[4] == (1, HOSTILE, "女", "2016-03-03", "辍学", "新陂小学", "李桂兰（祖母）",
                       "13900001111")  # fmt: skip
    name = sheet.cell(row=5, column=2)
    assert name.data_type == "s" and name.value == HOSTILE  # text, never a formula
    assert name.quotePrefix


def test_the_police_list_has_no_health_category_or_school(village, tmp_path: Path):
    out = tmp_path / "police.xlsx"
    village.export("police_guardianship", out)
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[3] == ("序号", "姓名", "性别", "出生日期", "身份证号", "户籍地", "现住址",
                       "联系人", "联系电话")  # fmt: skip
    assert rows[4][1] == "赵无监" and rows[4][4] == idnumber.make(
        "441481", date(2016, 3, 3), 3, "female"
    )
    text = " ".join(str(v) for row in rows for v in row if v is not None)
    for word in ("留守", "健康", "残疾", "类别", "风险", "父亲外出", "孙平常", "周已销"):
        assert word not in text
    hukou = tmp_path / "hukou.xlsx"
    village.export("police_hukou", hukou)
    row = list(load_workbook(hukou).active.iter_rows(values_only=True))[4]
    assert row[1] == "王无户" and row[4] == "无（无户籍）"


def test_the_federation_s_pdf_read_back(village, tmp_path: Path):
    out = tmp_path / "残联.pdf"
    printed = village.export("federation", out)
    assert printed.pages == 1 and printed.rows == 1
    flat = poppler.flat_text(out)
    assert "重度残疾儿童名单（送残疾人联合会）" in flat
    assert "仅供残联办理残疾人证和康复救助使用" in flat
    assert "导出人：李主任" in flat and "共1人" in flat and "新陂村" in flat
    assert "钱重残" in flat and "肢体" in flat and "一级" in flat and "李桂兰（祖母）" in flat
    assert idnumber.make("441481", date(2016, 3, 3), 4, "female") in flat
    for name in KIDS:
        if name != "钱重残":
            assert name not in flat
    assert all(f["emb"] == "yes" for f in poppler.fonts(out))


def test_each_export_is_audited_without_a_child(village, store, tmp_path: Path):
    village.export("education", tmp_path / "edu.xlsx")
    village.export("police_hukou", tmp_path / "hukou.pdf")
    with store.read() as conn:
        logged = audit.entries(conn)[-2:]
        assert audit.verify(conn) is None
    assert [(e.action, e.entity) for e in logged] == [
        ("export", "department_list"),
        ("print", "department_list"),
    ]
    assert "教育部门" in logged[0].detail and "education" in logged[0].detail
    assert "1 children" in logged[0].detail and "edu.xlsx" in logged[0].detail
    assert "公安派出所" in logged[1].detail and "hukou.pdf" in logged[1].detail
    text = " ".join(e.detail for e in logged)
    assert not any(name in text for name in KIDS) and PHONE not in text


def test_an_unknown_list_or_format_is_refused(village, store, tmp_path: Path):
    with store.read() as conn:
        before = len(audit.entries(conn))
    with pytest.raises(CoreError) as unknown:
        village.export("tax_office", tmp_path / "x.xlsx")
    assert unknown.value.code == "unknown_list"
    with pytest.raises(CoreError) as wrong:
        village.export("education", tmp_path / "x.docx")
    assert wrong.value.code == "report_format"
    with store.read() as conn:
        assert len(audit.entries(conn)) == before
    assert not list(tmp_path.glob("x.*"))


def test_a_town_s_list_names_each_child_s_village(data_dir: Path, backend, request, tmp_path):
    server = request.getfixturevalue("pg_url") if backend == POSTGRESQL else None
    store, _ = init_station(
        data_dir / "town.db", PASSPHRASE, "town", VILLAGE[:9], "石坑镇", "张督导", server=server
    )
    try:
        upper, lower = VILLAGE[:9] + "201", VILLAGE[:9] + "202"
        with store.write() as conn:
            conn.execute(insert(t.division), [{"code": upper, "name": "上村"},
                                              {"code": lower, "name": "下村"}])  # fmt: skip
        children = Children(store, Clock(TODAY))
        _save(children, "下村娃", lower, 1, schooling="dropout")
        _save(children, "上村娃", upper, 2, schooling="not_in_school")
        outgoing = Outgoing(store, Clock(TODAY))
        preview = outgoing.preview("education")
        assert preview.count == 2 and "village" in preview.columns
        out = tmp_path / "town.xlsx"
        outgoing.export("education", out)
        rows = list(load_workbook(out).active.iter_rows(min_row=4, values_only=True))
        assert rows[0][:5] == ("序号", "姓名", "性别", "出生日期", "村（居）")
        assert [r[1:5:3] for r in rows[1:]] == [("上村娃", "上村"), ("下村娃", "下村")]
    finally:
        store.close()
