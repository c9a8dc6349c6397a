"""No readable personal data on the disk: a planted name and ID number are searched for in
every file of the data folder (store, -wal, -shm, backups, logs) and in the temporary folder,
in UTF-8 and UTF-16, after the program has been worked: edits, import, export, backup, report."""

import os
import tempfile
from datetime import date
from pathlib import Path

import openpyxl

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.services import safety
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.services.roster import Roster
from tests.conftest import VILLAGE

NAME = "龚秘密测试"
NUMBER = idnumber.make("441481", date(2013, 7, 19), 417, "female")


def encodings(text: str) -> list[bytes]:
    return [text.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be", "gb18030")]


def files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.rglob("*") if p.is_file()]


def test_planted_name_and_id_number_are_nowhere_readable(store, data_dir, tmp_path, monkeypatch):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    usb = tmp_path / "usb"  # what the officer chose to carry away, outside the data folder
    usb.mkdir()

    service = Children(store)
    child = service.save(
        Child(NAME, "female", None, VILLAGE, id_number=NUMBER, current_address="新陂村7组")
    )
    service.save(child.with_changes(guardianship="poor", current_address="新陂村8组"))
    ledger = usb / "ledger.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["序号", "姓名", "性别", "身份证号", "儿童类别", "监护情况"])
    workbook.active.append(
        [
            1,
            NAME + "妹",
            "女",
            idnumber.make("441481", date(2015, 1, 2), 9, "female"),
            "农村留守儿童",
            "一般",
        ]
    )
    workbook.save(ledger)
    Roster(store).import_file(ledger)
    Roster(store).export(usb / "roster.xlsx")
    Reports(store).child_file(child.uuid, usb / "child.pdf")
    safety.backup(store, "manual")
    service.close(child.uuid, "moved_away")
    store.close()

    scanned = files_under(data_dir, temp)
    assert any(p.name.startswith("backup-") for p in scanned)
    assert any(p.name == "store.db" for p in scanned)
    for path in scanned:
        raw = path.read_bytes()
        for secret in (NAME, NUMBER, NUMBER[6:14]):
            for needle in encodings(secret):
                assert needle not in raw, f"{secret!r} readable in {path.name}"
    assert os.listdir(usb)  # the exports themselves exist where the officer put them
