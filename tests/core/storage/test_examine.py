"""The store's files looked at before the passphrase: a new station only where nothing is."""

import pytest

from childcare_desktop.core.errors import StoreError
from childcare_desktop.core.paths import key_path
from childcare_desktop.core.storage import keyfile
from childcare_desktop.core.storage.examine import examine
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.sqlite_only(
    "what lies in the data folder: the store file and its key file"
)


def test_only_an_empty_folder_is_a_first_start(store, store_path):
    assert examine(store_path) is True
    assert examine(store_path.with_name("elsewhere.db")) is False


def test_an_empty_store_file_is_refused_never_opened_as_a_new_store(store, store_path):
    store.close()
    store_path.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        store_path.with_name(store_path.name + suffix).unlink(missing_ok=True)
    with pytest.raises(StoreError) as refused:
        Store.open(store_path, PASSPHRASE)
    assert refused.value.code == "store_empty"
    assert store_path.stat().st_size == 0


@pytest.mark.parametrize(
    "text",
    [
        "[1, 2]",
        '{"format": "childcare-keyfile-1", "kdf": {"time_cost": "x"}}',
        '{"format": "childcare-keyfile-1", "kdf": {}, "passphrase": {"salt": "%%"}}',
    ],
)
def test_a_key_file_of_the_wrong_shape_is_said_to_be_damaged(store, store_path, text):
    store.close()
    key_path(store_path).write_text(text, "utf-8")
    for attempt in (lambda: examine(store_path), lambda: Store.open(store_path, PASSPHRASE)):
        with pytest.raises(StoreError) as refused:
            attempt()
        assert refused.value.code == "key_file_damaged"


def test_a_key_file_without_its_store_is_no_first_start(store, store_path):
    store.close()
    store_path.unlink()
    with pytest.raises(StoreError) as refused:
        examine(store_path)
    assert refused.value.code == "store_missing"
    keyfile.check(store_path)  # the key file itself is sound
