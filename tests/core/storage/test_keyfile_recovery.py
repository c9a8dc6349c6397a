"""A forgotten passphrase: the recovery code sets a new one; the data and the code stay."""

from __future__ import annotations

import pytest

from childcare_desktop.core.errors import StoreError
from childcare_desktop.core.services import safety
from childcare_desktop.core.storage import keyfile
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE


@pytest.fixture
def recovery(store_path):
    store, code = Store.create(store_path, PASSPHRASE)
    store.close()
    return code


def test_the_recovery_code_sets_a_new_passphrase_and_the_old_one_stops_working(
    store_path, recovery
):
    key = keyfile.unlock(store_path, PASSPHRASE)
    keyfile.reset_passphrase_with_recovery(store_path, recovery.lower(), "a new passphrase")
    assert keyfile.unlock(store_path, "a new passphrase") == key  # the data key never changes
    with pytest.raises(StoreError) as err:
        keyfile.unlock(store_path, PASSPHRASE)
    assert err.value.code == "wrong_passphrase"
    assert keyfile.unlock_with_recovery(store_path, recovery) == key  # the paper still works


def test_a_wrong_code_or_a_short_passphrase_changes_nothing(store_path, recovery):
    before = keyfile.key_path(store_path).read_bytes()
    with pytest.raises(StoreError) as err:
        keyfile.reset_passphrase_with_recovery(store_path, "AAAA-BBBB-CCCC", "a new passphrase")
    assert err.value.code == "wrong_recovery_code"
    with pytest.raises(StoreError) as err:
        keyfile.reset_passphrase_with_recovery(store_path, recovery, "short")
    assert err.value.code == "passphrase_too_short"
    assert keyfile.key_path(store_path).read_bytes() == before


def test_the_service_returns_the_store_open_and_audits_the_reset(store_path, recovery):
    store = safety.reset_passphrase_with_recovery(store_path, recovery, "a new passphrase")
    try:
        entries = safety.audit_entries(store, action="passwd")
    finally:
        store.close()
    assert [(e.action, e.detail) for e in entries] == [("passwd", "recovery")]
