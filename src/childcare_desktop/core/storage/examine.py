"""Before the passphrase is asked: are the store's two files there, and do they look like them?

A new station is set up only where there is neither a store file nor a key file. A store file
without its key file, a damaged key file, an empty file or one that is no encrypted store is
said in words, with the way out, and never taken for a first start: setting up over it is the
way a new, empty store would replace the officer's records.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from ..paths import key_path
from . import keyfile, swap
from .link import link_url

# SQLCipher writes whole pages of this size; a file of another length is not one of its stores.
PAGE_SIZE = 4096
_PLAIN_SQLITE = b"SQLite format 3\x00"


def examine(store_path: Path) -> bool:
    """True: a store and its key file to unlock (or a server's link file); False: neither is
    there, a new station may be set up. Otherwise StoreError naming what is wrong; nothing is
    changed."""
    if link_url(store_path) is not None:  # a server's link file: its keys are the server's
        return True
    swap.settle(store_path)  # a restore the program was stopped in is completed or rolled back
    has_store, has_key = store_path.exists(), key_path(store_path).exists()
    if not has_store and not has_key:
        return False
    if not has_key:
        raise StoreError("no_key_file", path=key_path(store_path).name)
    keyfile.check(store_path)
    if not has_store:
        raise StoreError("store_missing", path=store_path.name)
    check_store_file(store_path)
    return True


def check_store_file(store_path: Path) -> None:
    """Refuse an empty file (SQLCipher would take it for a new store) or another kind of file."""
    size = store_path.stat().st_size
    if size == 0:
        raise StoreError("store_empty", path=store_path.name)
    with open(store_path, "rb") as fh:
        head = fh.read(len(_PLAIN_SQLITE))
    if size % PAGE_SIZE or head == _PLAIN_SQLITE:
        raise StoreError("store_foreign", path=store_path.name)
