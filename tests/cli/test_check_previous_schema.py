"""`childcare check` on a store the previous version wrote (schema 0017, a grandparent stored as
祖父/外祖父): the store is brought up to date and the check finds nothing to refuse."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child, FamilyMember
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage import migrate
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE, VILLAGE
from tests.core.storage.test_registration_migration import downgrade

BORN = date(2014, 8, 9)


def test_a_store_of_the_previous_schema_passes_the_check(childcare, village_db):
    store = Store.open(Path(village_db), PASSPHRASE)
    try:
        Children(store).save(
            Child(
                "张小明",
                "male",
                BORN,
                VILLAGE,
                id_number=idnumber.make("441481", BORN, 5, "male"),
                members=(
                    FamilyMember("grandfather", "张德福"),
                    FamilyMember("father", "张大山", situation="migrant"),
                ),
            )
        )
        downgrade(store, "0017")
        assert migrate.current_revision(store.engine) == "0017"
    finally:
        store.close()

    result = childcare("check", "--db", village_db, "--json")
    assert result.code == 0, result.out + result.err
    assert (result.json()["ok"], result.json()["refused_values"]) == (True, [])
    store = Store.open(Path(village_db), PASSPHRASE)
    try:
        assert migrate.current_revision(store.engine) == migrate.SCHEMA_HEAD
    finally:
        store.close()
