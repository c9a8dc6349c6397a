"""`childcare passwd|backup|restore|audit|check` as a script uses them."""

import hashlib
from pathlib import Path

from tests.conftest import PASSPHRASE


def digest(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_wrong_passphrase_leaves_the_store_byte_for_byte_unchanged(childcare, village_db):
    before = digest(village_db)
    result = childcare("check", "--db", village_db, passphrase="wrong passphrase")
    assert result.code == 1 and "wrong passphrase" in result.err
    assert digest(village_db) == before


def test_backup_restore_audit_and_check(childcare, village_db, data_dir):
    assert childcare("demo", "--db", village_db, "--children", "5").code == 0
    out = data_dir / "usb" / "copy.db"
    assert childcare("backup", "--db", village_db, "--out", str(out)).code == 0
    assert out.exists() and Path(f"{out}.key").exists()
    first = childcare("children", "list", "--db", village_db, "--json").json()[0]
    childcare(
        "children",
        "update",
        "--db",
        village_db,
        "--child",
        first["uuid"],
        "--set",
        "current_address=改过的地址",
    )

    restored = childcare("restore", "--db", village_db, str(out), "--json")
    assert restored.code == 0, restored.err
    back = childcare("children", "list", "--db", village_db, "--json").json()
    assert {c["current_address"] for c in back if c["uuid"] == first["uuid"]} == {
        first["current_address"]
    }

    log = childcare("audit", "--db", village_db, "--json").json()["entries"]
    assert log[-1]["action"] == "restore"
    check = childcare("check", "--db", village_db, "--json")
    assert check.code == 0, check.out + check.err
    assert check.json()["audit_chain"] == "ok"


def test_check_finds_an_altered_audit_entry(childcare, village_db):
    childcare("demo", "--db", village_db, "--children", "2")
    child = childcare("children", "list", "--db", village_db, "--json").json()[0]
    childcare(
        "children",
        "update",
        "--db",
        village_db,
        "--child",
        child["uuid"],
        "--set",
        "guardianship=poor",
    )
    from sqlalchemy import text

    from childcare_desktop.core.storage.store import Store

    store = Store.open(Path(village_db), PASSPHRASE)
    with store.write() as conn:
        conn.execute(text("UPDATE audit SET fields = '[]' WHERE action = 'update'"))
    store.close()
    result = childcare("check", "--db", village_db, "--json")
    assert result.code == 1
    assert result.json()["audit_chain"].startswith("broken at")


def test_passwd_from_the_environment(childcare, village_db):
    result = childcare(
        "passwd", "--db", village_db, env={"CHILDCARE_NEW_PASSPHRASE": "a fresh passphrase"}
    )
    assert result.code == 0, result.err
    assert childcare("check", "--db", village_db, passphrase="a fresh passphrase").code == 0
    assert childcare("check", "--db", village_db).code == 1


def test_check_names_each_stored_value_that_would_now_be_refused(childcare, village_db):
    """A name with a NUL and a visit's findings stored as a list (an older version let both in):
    `childcare check` names each with its child and field, and its exit status says so."""
    assert childcare("demo", "--db", village_db, "--children", "3").code == 0
    from sqlalchemy import text

    from childcare_desktop.core.storage.store import Store

    store = Store.open(Path(village_db), PASSPHRASE)
    with store.write() as conn:
        child = conn.execute(text("SELECT uuid FROM child ORDER BY uuid")).scalars().first()
        conn.execute(text("UPDATE child SET name = '李' || char(0) || '想' WHERE uuid = :u"),
                     {"u": child})  # fmt: skip
        visit = conn.execute(text("SELECT uuid FROM visit WHERE child_uuid = :u"), {"u": child})
        visit = visit.scalars().first()
        conn.execute(text("UPDATE visit SET findings = '[\"一般\"]' WHERE uuid = :u"), {"u": visit})
    store.close()

    result = childcare("check", "--db", village_db, "--json")
    assert result.code == 1
    document = result.json()
    assert document["ok"] is True and document["audit_chain"] == "ok"
    assert document["refused_values"] == [
        {"entity": "child", "uuid": child, "child": child, "field": "child.name"},
        {"entity": "visit", "uuid": visit, "child": child, "field": "visit.findings"},
    ]
    said = childcare("check", "--db", village_db)
    assert said.code == 1
    assert f"儿童 {child} 的档案里 child.name 的值现在不允许" in said.out
    assert f"儿童 {child} 的档案里 visit.findings 的值现在不允许" in said.out


def test_check_names_the_first_entry_the_key_file_can_no_longer_vouch_for(childcare, village_db):
    """Cutting the newest entries and the head setting leaves a chain whole inside the store;
    the key file's anchor still reaches further."""
    childcare("demo", "--db", village_db, "--children", "1")
    child = childcare("children", "list", "--db", village_db, "--json").json()[0]
    for address in ("一组", "二组"):
        update = ("children", "update", "--db", village_db, "--child", child["uuid"], "--set")
        childcare(*update, f"current_address={address}")
    from sqlalchemy import text

    from childcare_desktop.core.storage.store import Store

    store = Store.open(Path(village_db), PASSPHRASE)
    with store.write() as conn:
        newest = conn.execute(text("SELECT max(seq) FROM audit")).scalar()
        kept_at = conn.execute(text("SELECT at FROM audit WHERE seq = 1")).scalar()
        conn.execute(text("DELETE FROM audit WHERE seq > 1"))
        conn.execute(text("DELETE FROM setting WHERE key = 'audit_head'"))
    store.close()
    result = childcare("check", "--db", village_db, "--json")
    assert result.code == 1
    assert result.json()["audit_break"] == {
        "seq": 2,
        "at": kept_at,
        "missing": True,
        "anchored": newest,
    }
    words = childcare("check", "--db", village_db)
    assert words.code == 1
    assert f"操作日志被删掉了一段：第 2 条起不见了（在 {kept_at} 之后写的）" in words.out
    assert f"entry 2 and after are gone (written after {kept_at})" in words.out
    assert f"the key file vouches for the log up to entry {newest}" in words.out
