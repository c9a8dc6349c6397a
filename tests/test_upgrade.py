"""Upgrades keep everything: a village's store made by version 0.1.0 (tests/data/README.md says
how) opens in this version, migrated after a backup, with every child, visit and audit entry;
a store from a newer version is refused with words an officer understands, and left as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from childcare_desktop.core.services.children import ChildQuery, Children
from childcare_desktop.core.services.concerns import Concerns
from childcare_desktop.core.services.visits import Visits
from childcare_desktop.core.storage import audit, keyfile, migrate
from childcare_desktop.core.storage.engine import raw_connect
from childcare_desktop.core.storage.store import Store

FIXTURE = Path(__file__).resolve().parent / "data" / "store-0.1.0"
PASSPHRASE = "新陂村儿童主任的密码"
# What version 0.1.0 wrote, counted in the fixture when it was made.
REVISION = "0011"
CHILDREN = 12
VISITS = 37
GUO_JIE = "f6578393-e13e-4332-bd68-37ff61086f92"
CAI_YUZI = "1bbb7cd1-1033-44a0-a065-18387124fe0a"
AUDITED = [
    ("update", "child", GUO_JIE),
    ("create", "visit", "62a10dd2-35db-4bbb-9305-33faa1e10dfa"),
    ("create", "concern", "7954b283-9afb-4eeb-aa11-5244b174ed0a"),
    ("create", "concern_report", "7f2cc0ae-80f5-4457-8c49-cbacbc95a422"),
    ("create", "visit", "0e4c746c-0698-4c75-b12f-aedc30435ff6"),
    ("create", "visit", "86eae28c-5c47-48a9-bb09-718133d57a7b"),
    ("update", "child", CAI_YUZI),
    ("export", "roster", ""),
]


@pytest.fixture
def old_store(tmp_path: Path) -> Path:
    """A copy of the fixture in a data folder of its own: the committed files stay untouched."""
    folder = tmp_path / "village"
    shutil.copytree(FIXTURE, folder)
    return folder / "store.db"


def _revision(db: Path, store: Path) -> str:
    """The schema revision of `db`: the store itself or one of its backups (same key)."""
    conn = raw_connect(db, keyfile.unlock(store, PASSPHRASE))
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def test_a_store_made_by_0_1_0_opens_with_every_child_visit_and_audit_entry(old_store):
    assert _revision(old_store, old_store) == REVISION
    store = Store.open(old_store, PASSPHRASE)
    try:
        assert migrate.current_revision(store.engine) == migrate.SCHEMA_HEAD
        children = Children(store)
        ids = children.find(ChildQuery(status="all"))
        assert len(ids) == CHILDREN
        guo, cai = children.get(GUO_JIE), children.get(CAI_YUZI)
        assert (guo.name, guo.birth_date.isoformat()) == ("郭杰", "2018-10-08")
        assert (cai.name, cai.current_address) == ("蔡雨子", "新陂村6组9号")

        visits = Visits(store)
        history = {uuid: visits.history(uuid) for uuid in ids}
        assert sum(len(records) for records in history.values()) == VISITS
        home_visits = [
            r for r in history[GUO_JIE] if r.visit.visit_date.isoformat() == "2026-12-01"
        ]
        assert sorted(r.current for r in home_visits) == [False, True]
        (corrected,) = (r for r in home_visits if r.current)
        assert corrected.visit.actions == "祖母住院，孩子由邻居王阿姨照看，已联系其父亲"
        assert history[CAI_YUZI][0].visit.visit_date.isoformat() == "2026-12-03"  # newest first

        (concern,) = Concerns(store).for_child(GUO_JIE)
        assert [(r.target, r.receipt) for r in concern.reports] == [
            ("civil_affairs", "MZ-2026-0412")
        ]

        with store.read() as conn:
            entries = audit.entries(conn)
            assert audit.verify(conn) is None  # the hash chain 0.1.0 wrote is still whole
        assert [(e.action, e.entity, e.entity_uuid) for e in entries] == AUDITED
        assert {e.who for e in entries} == {"李秀英"}
    finally:
        store.close()
    # The store was copied before it was migrated, and the copy is still the 0.1.0 one.
    (backup,) = (old_store.parent / "backups").glob("before-migration-*.db")
    assert _revision(backup, old_store) == REVISION


def test_a_store_from_a_newer_version_is_refused_and_left_as_it_was(old_store):
    store = Store.open(old_store, PASSPHRASE)
    with store.write() as conn:  # a revision this version does not know, as a later one leaves it
        conn.execute(text("UPDATE alembic_version SET version_num = '9001'"))
    store.close()
    before = old_store.read_bytes()
    backups = set((old_store.parent / "backups").iterdir())
    env = {**os.environ, "CHILDCARE_PASSPHRASE": PASSPHRASE}
    refused = subprocess.run(
        [sys.executable, "-m", "childcare_desktop.cli", "--data-dir", str(old_store.parent),
         "children", "list"],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120,
    )  # fmt: skip
    assert refused.returncode == 1
    assert "数据文件来自更新版本的程序，请先升级" in refused.stderr
    assert "the store was written by a newer version: upgrade first" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert old_store.read_bytes() == before
    assert set((old_store.parent / "backups").iterdir()) == backups
