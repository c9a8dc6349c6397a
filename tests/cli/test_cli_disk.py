"""The command on a failing disk, for real (mounted file systems): a backup to a full stick and
a store on a write-protected one are said in Chinese and English with what to do, exit 1, and
never a traceback or the driver's text."""

from __future__ import annotations

from pathlib import Path

from childcare_desktop import words
from tests.core.storage.disks import fill, read_only_view, small_disk


def said(result, code: str) -> None:
    assert result.code == 1
    assert words.both(code) in result.err
    assert "Traceback" not in result.err and "sqlite" not in result.err.lower()


def test_a_backup_to_a_full_stick_is_said(childcare, village_db, tmp_path):
    with small_disk(tmp_path / "stick", "1m") as stick:
        fill(stick)
        said(childcare("backup", "--db", village_db, "--out", str(stick / "copy.db")), "disk_full")
    assert childcare("children", "list", "--db", village_db).code == 0


def test_a_store_on_a_write_protected_stick_is_said(childcare, village_db, tmp_path):
    with read_only_view(Path(village_db).parent, tmp_path / "stick") as stick:
        seen = str(stick / Path(village_db).name)
        said(childcare("children", "list", "--db", seen), "disk_read_only")
