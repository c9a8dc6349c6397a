"""Migration 0018: a store of the previous schema (0017), whose grandparents were stored as
祖父/外祖父, opens with the 2016 登记表's new fields empty and passes `childcare check`'s scan."""

from __future__ import annotations

from importlib.resources import as_file, files

import pytest

from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.safety import stored_problems
from childcare_desktop.core.storage import migrate
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.sqlite_only("an older store file migrated")


def downgrade(store: Store, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    with as_file(files("childcare_desktop.migrations")) as place, store.engine.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(place))
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def test_a_store_of_schema_0017_opens_and_checks_clean(store, store_path):
    fill_demo(store, 20, seed=3)
    downgrade(store, "0017")
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE member SET relation = 'grandfather' WHERE relation NOT IN ('father', 'mother')"
        )
        old = conn.exec_driver_sql("SELECT count(*) FROM member WHERE relation = 'grandfather'")
        grandfathers = old.scalar()
    assert grandfathers > 0
    store.close()
    again = Store.open(store_path, PASSPHRASE)
    try:
        assert migrate.current_revision(again.engine) == migrate.SCHEMA_HEAD
        assert stored_problems(again) == ()
        files = Children(again)
        kept = [m for s in files.summaries() for m in files.get(s.uuid).members]
        assert sum(m.relation == "grandfather" for m in kept) == grandfathers
        assert {(m.kinship, m.address, m.left_on) for m in kept} == {("", "", None)}
    finally:
        again.close()
