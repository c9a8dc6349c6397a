"""`childcare identity` and `childcare sync` as a script runs them: JSON out, exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def init(childcare, db: str, role: str, code: str, name: str) -> None:
    args = ("--role", role, "--division", code, "--name", name, "--officer", "主任")
    assert childcare("init", "--db", db, *args).code == 0


def test_enroll_export_import_status(childcare, village_db, data_dir: Path):
    town_db = str(data_dir / "town.db")
    init(childcare, town_db, "town", "441481103", "宁新镇")
    assert childcare("demo", "--db", village_db, "--children", "3").code == 0

    shown = childcare("identity", "show", "--db", village_db, "--json").json()
    assert set(shown) == {"station", "role", "name", "fingerprint"}
    assert shown["station"] == "441481103201" and len(shown["fingerprint"]) == 29

    request, cert = str(data_dir / "req.json"), str(data_dir / "cert.json")
    assert childcare("identity", "request", "--db", village_db, "--out", request).code == 0
    wrong = childcare(
        "identity", "enroll", "--db", town_db, request, "--fingerprint", "AAAA-BBBB", "--out", cert
    )
    assert wrong.code == 1 and "指纹" in wrong.err and not Path(cert).exists()
    typed = shown["fingerprint"].lower().replace("-", " ")
    enrolled = childcare(
        "identity",
        "enroll",
        "--db",
        town_db,
        request,
        "--fingerprint",
        typed,
        "--out",
        cert,
        "--json",
    )
    assert enrolled.code == 0, enrolled.err
    assert enrolled.json()["station"] == "441481103201"
    assert childcare("identity", "install", "--db", village_db, cert).code == 0
    # Nothing sent nor received yet: no last batch, said as null.
    (waiting,) = childcare("sync", "status", "--db", village_db, "--json").json()["sent"]
    assert (waiting["to"], waiting["last_seq"], waiting["last_export"], waiting["changes"]) == (
        "441481103", None, None, None
    )  # fmt: skip
    (silent,) = childcare("sync", "status", "--db", town_db, "--json").json()["stations"]
    assert (silent["station"], silent["last_seq"], silent["last_import"]) == (
        "441481103201", None, None
    )  # fmt: skip

    batch = str(data_dir / "b1.ccsync")
    exported = childcare("sync", "export", "--db", village_db, "--out", batch, "--json")
    assert exported.code == 0, exported.err
    doc = exported.json()
    assert (doc["seq"], doc["to"], doc["file"]) == (1, "441481103", batch)
    assert doc["changes"] > 3

    damaged = data_dir / "damaged.ccsync"
    data = bytearray(Path(batch).read_bytes())
    data[len(data) // 2] ^= 1
    damaged.write_bytes(bytes(data))
    imported = childcare("sync", "import", "--db", town_db, batch, str(damaged), "--json")
    assert imported.code == 1
    good, bad = imported.json()["results"]
    assert (good["status"], good["station"], good["seq"]) == ("applied", "441481103201", 1)
    assert good["changes_applied"] == doc["changes"] and good["conflicts"] == 0
    assert bad["status"] == "rejected" and bad["reason"] == "bad_signature"
    assert bad["message"] == "签名不对，文件可能被改动过"

    again = childcare("sync", "import", "--db", town_db, batch, "--json")
    assert again.code == 0 and again.json()["results"][0]["status"] == "duplicate"

    status = childcare("sync", "status", "--db", town_db, "--json").json()
    (village,) = status["stations"]
    assert (village["station"], village["name"], village["last_seq"]) == (
        "441481103201",
        "新陂村",
        1,
    )
    assert village["missing"] == [] and village["last_import"]
    assert childcare("sync", "conflicts", "--db", town_db, "--json").json() == {"conflicts": []}
    assert childcare("sync", "resolve", "--db", town_db, "99", "--value", "x").code == 1
    revoked = childcare(
        "identity", "revoke", "--db", town_db, "--station", "441481103201", "--after-seq", "1"
    )
    assert revoked.code == 0


def test_export_without_enrollment_is_refused(childcare, village_db, data_dir: Path):
    result = childcare("sync", "export", "--db", village_db, "--out", str(data_dir / "x"))
    assert result.code == 1 and "登记" in result.err
    assert childcare("sync", "export", "--db", village_db).code == 2


def test_a_refused_file_is_a_result_line_and_the_next_file_is_imported(childcare, data_dir: Path):
    """One file with a value no form would save (a birth date in 9999), then a sound one: the
    first is a `rejected` line naming the field and station, the second is applied, no traceback,
    and the exit status says something was refused."""
    from datetime import date

    from sqlalchemy import select

    from childcare_desktop.core.services import sync
    from childcare_desktop.core.services.demo import fill_demo
    from childcare_desktop.core.storage import tables as t
    from childcare_desktop.core.storage.changes import ChangeWriter
    from tests.core.sync.stations import OTHER_VILLAGE, TOWN, VILLAGE, enroll, station

    folders = {code: data_dir / code for code in (TOWN, VILLAGE, OTHER_VILLAGE)}
    for folder in folders.values():
        folder.mkdir()
    town = station(folders[TOWN], "town", TOWN, "宁新镇")
    bad, good = data_dir / "v1.ccsync", data_dir / "n1.ccsync"
    for code, name, out in ((VILLAGE, "新陂村", bad), (OTHER_VILLAGE, "大岭村", good)):
        village = station(folders[code], "village", code, name)
        enroll(town, village, folders[code])
        fill_demo(village, 2, seed=int(code[-3:]), today=date.today())
        if code == VILLAGE:
            with village.write() as conn:
                uuid = conn.execute(select(t.child.c.uuid)).scalars().first()
                writer = ChangeWriter(conn)
                writer.record("child", uuid, {"birth_date": "9999-12-31"})
                writer.flush()
        sync.export(village, out)
        village.close()
    town.close()
    town_db = str(folders[TOWN] / f"{TOWN}.db")

    shown = childcare("sync", "import", "--db", town_db, str(bad), str(good))
    assert shown.code == 1 and "Traceback" not in shown.err
    first, second = shown.out.splitlines()
    assert first.startswith("v1.ccsync: ") and "child.birth_date" in first and VILLAGE in first
    assert second.startswith("n1.ccsync: ") and "条修改" in second

    again = childcare("sync", "import", "--db", town_db, str(bad), str(good), "--json")
    assert again.code == 1 and "Traceback" not in again.err
    refused, duplicate = again.json()["results"]
    assert (refused["status"], refused["reason"], refused["station"]) == (
        "rejected", "bad_field", VILLAGE
    )  # fmt: skip
    assert refused["detail"] == {"field": "child.birth_date", "station": VILLAGE}
    assert (duplicate["status"], duplicate["station"]) == ("duplicate", OTHER_VILLAGE)
