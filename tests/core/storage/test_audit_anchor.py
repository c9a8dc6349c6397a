"""The audit chain's anchor in the key file: cutting the newest entries or recomputing the chain
after altering one is found by `safety.check`, which names the first entry it cannot vouch for."""

import json
from datetime import date

import pytest
from sqlalchemy import text

from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.services import safety
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage import audit, keyfile
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE, VILLAGE
from tests.core.storage.test_audit import make_history

pytestmark = pytest.mark.sqlite_only("the audit chain's anchor lives in the key file")


def save_children(store, count):
    children = Children(store)
    for n in range(count):
        children.save(Child(f"儿童{n}", "male", date(2016, 2, 2), VILLAGE, no_id_reason="no_hukou"))
    store.anchor_now()


def history(store):
    """make_history, anchored as the program leaves it (saves in quick succession share one
    key file rewrite; the rest is written by the next export, backup or close)."""
    make_history(store)
    store.anchor_now()


def recompute_from(conn, seq):
    """What someone holding the passphrase can do: rehash every entry from `seq` on and set the
    head setting to match, so the chain inside the store is whole again."""
    rows = conn.execute(text("SELECT * FROM audit WHERE seq >= :s ORDER BY seq"), {"s": seq})
    prev = conn.execute(text("SELECT hash FROM audit WHERE seq = :s"), {"s": seq - 1}).scalar()
    prev = prev or audit.GENESIS
    for r in rows.mappings().all():
        entry = {
            k: r[k]
            for k in ("seq", "at", "who", "action", "entity", "entity_uuid", "fields", "detail")
        }
        digest = audit._hash(prev, entry)
        conn.execute(
            text("UPDATE audit SET prev_hash = :p, hash = :h WHERE seq = :s"),
            {"p": prev, "h": digest, "s": r["seq"]},
        )
        prev = digest
    head = {"seq": r["seq"], "hash": prev}
    conn.execute(
        text("UPDATE setting SET value = :v WHERE key = 'audit_head'"), {"v": json.dumps(head)}
    )


def test_cutting_the_newest_entries_and_the_head_setting_is_found(store):
    history(store)
    with store.read() as conn:
        kept_at = conn.execute(text("SELECT at FROM audit WHERE seq = 2")).scalar()
    with store.write() as conn:
        conn.execute(text("DELETE FROM audit WHERE seq >= 3"))
        conn.execute(text("DELETE FROM setting WHERE key = 'audit_head'"))
    with store.read() as conn:
        assert audit.verify(conn) is None  # the store alone no longer knows
    report = safety.check(store)
    assert not report.ok
    assert report.audit_break == audit.Break(3, kept_at, missing=True, anchored=4)


def test_an_entry_altered_and_the_chain_recomputed_is_found(store):
    history(store)
    with store.write() as conn:
        conn.execute(text("UPDATE audit SET action = 'update' WHERE seq = 3"))
        recompute_from(conn, 3)
    with store.read() as conn:
        assert audit.verify(conn) is None
        first_at = conn.execute(text("SELECT at FROM audit WHERE seq = 1")).scalar()
    # Four entries, no mark yet: the anchor's head vouches for the whole chain or none of it.
    assert safety.check(store).audit_break == audit.Break(1, first_at, False, 4)


def test_the_marks_pin_a_recomputed_chain_to_the_stretch_it_was_altered_in(store):
    save_children(store, 2 * audit.MARK_EVERY + 10)
    with store.write() as conn:
        conn.execute(text("UPDATE audit SET fields = '[]' WHERE seq = 200"))
        recompute_from(conn, 200)
    with store.read() as conn:
        at = conn.execute(text("SELECT at FROM audit WHERE seq = 129")).scalar()
    broken = safety.check(store).audit_break
    assert broken == audit.Break(audit.MARK_EVERY + 1, at, False, 2 * audit.MARK_EVERY + 10)


def test_the_anchor_follows_the_commits_and_a_sound_store_passes(store, store_path):
    history(store)
    with store.read() as conn:
        _seq, digest, at = audit.head(conn)
    assert keyfile.anchor(store_path) == {"seq": 4, "hash": digest, "at": at, "marks": ""}
    save_children(store, audit.MARK_EVERY)
    with store.read() as conn:
        mark = conn.execute(text("SELECT hash FROM audit WHERE seq = 128")).scalar()
    assert keyfile.anchor(store_path)["marks"] == mark[: audit.MARK_SIZE]
    assert safety.check(store).ok


def test_work_on_an_altered_chain_does_not_move_the_anchor_onto_it(store, store_path):
    history(store)
    with store.write() as conn:
        conn.execute(text("UPDATE audit SET detail = 'x' WHERE seq = 4"))
        recompute_from(conn, 4)
    before = keyfile.anchor(store_path)
    save_children(store, 1)
    assert keyfile.anchor(store_path) == before
    assert safety.check(store).audit_break.seq == 1


def test_a_key_file_written_before_anchors_still_opens_and_is_anchored_at_the_next_commit(
    store, store_path
):
    history(store)
    store.close()
    path = keyfile.key_path(store_path)
    data = json.loads(path.read_text("utf-8"))
    del data[keyfile.ANCHOR]
    path.write_text(json.dumps(data, indent=1), "utf-8")
    again = Store.open(store_path, PASSPHRASE)
    try:
        assert safety.check(again).ok
        save_children(again, 1)
        assert keyfile.anchor(store_path)["seq"] == 5
        assert safety.check(again).ok
    finally:
        again.close()


def test_a_restored_backup_passes_its_check_with_or_without_its_own_key_file(store, store_path):
    history(store)
    with_key = safety.backup(store, "manual")
    without_key = safety.backup(store, "manual")
    keyfile.key_path(without_key).unlink()
    save_children(store, 3)
    store.close()
    for source in (with_key, without_key):
        safety.restore(store_path, source, PASSPHRASE)
        restored = Store.open(store_path, PASSPHRASE)
        try:
            assert safety.check(restored).ok, source.name
        finally:
            restored.close()


def test_closing_the_store_writes_the_anchor_its_last_saves_lack(store_path, store):
    make_history(store)
    store.close()
    again = Store.open(store_path, PASSPHRASE)
    try:
        with again.read() as conn:
            assert keyfile.anchor(store_path)["hash"] == audit.head(conn)[1]
    finally:
        again.close()


def test_a_long_log_first_anchored_after_an_upgrade_gets_all_its_marks(store, store_path):
    save_children(store, 2 * audit.MARK_EVERY + 3)
    path = keyfile.key_path(store_path)
    data = json.loads(path.read_text("utf-8"))
    del data[keyfile.ANCHOR]
    path.write_text(json.dumps(data, indent=1), "utf-8")
    save_children(store, 1)
    with store.read() as conn:
        marks = conn.execute(
            text("SELECT hash FROM audit WHERE seq IN (128, 256) ORDER BY seq")
        ).scalars()
        expected = "".join(h[: audit.MARK_SIZE] for h in marks)
    assert keyfile.anchor(store_path)["marks"] == expected
    assert safety.check(store).ok
