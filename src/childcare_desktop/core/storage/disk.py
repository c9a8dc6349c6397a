"""When the disk fails under the work: a full disk, a folder that may not be written, a USB stick
pulled out. SQLite's failures and the system's become the program's own codes, which say what
happened and what to do; what was saved before is still there (a transaction that fails is
rolled back whole), and each message says so.

Both faces ask here at the one place where their work fails (`ui.tasks`, `cli.common.run`), so
a save, an import, a merge, a backup or an export says the same words, never a driver's text.
"""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

from ..errors import CoreError

log = logging.getLogger("childcare_desktop")

DISK_FULL, READ_ONLY, GONE, FAILED = "disk_full", "disk_read_only", "disk_gone", "disk_failed"

_SYSTEM = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: DISK_FULL,
    errno.EFBIG: DISK_FULL,  # a FAT stick holds no file over 4 GB
    errno.EROFS: READ_ONLY,
    errno.EACCES: READ_ONLY,
    errno.EPERM: READ_ONLY,
    errno.ENOENT: GONE,
    errno.ENODEV: GONE,
    errno.ENXIO: GONE,
    errno.ESTALE: GONE,
    errno.EIO: FAILED,
}
# SQLite's primary result codes (the low byte of an extended code), as its driver reports them.
_SQLITE = {13: DISK_FULL, 8: READ_ONLY, 14: GONE, 10: FAILED}  # FULL, READONLY, CANTOPEN, IOERR
_SQLITE_READONLY_DBMOVED = 1032  # the store's file was removed or moved while open
# Its backup API raises some without a code: SQLite's own words for them, which do not change.
_SQLITE_WORDS = {
    "database or disk is full": DISK_FULL,
    "attempt to write a readonly database": READ_ONLY,
    "unable to open database file": GONE,
    "disk I/O error": FAILED,
}


def trouble(error: BaseException, folder: Path | None = None) -> CoreError | None:
    """The coded error for a failing disk, or None when `error` is something else. With the
    folder of the file that failed, a file SQLite cannot open is told apart: a folder that is
    there but may not be written (its write-ahead log cannot be made) from one that is gone."""
    cause = getattr(error, "orig", None) or error  # SQLAlchemy wraps the driver's error
    sqlite_code = getattr(cause, "sqlite_errorcode", None)
    if isinstance(sqlite_code, int):
        code = GONE if sqlite_code == _SQLITE_READONLY_DBMOVED else _SQLITE.get(sqlite_code & 0xFF)
        found = ("sqlite", sqlite_code)
    elif isinstance(cause, OSError):
        code = _SYSTEM.get(cause.errno)
        found = (type(cause).__name__, cause.errno)
    elif type(cause).__module__.startswith(("sqlite3", "sqlcipher3")):
        code = _SQLITE_WORDS.get(str(cause))
        found = ("sqlite", str(cause))
    else:
        return None
    if code is None:
        return None
    if code == GONE and folder is not None and folder.is_dir() and not os.access(folder, os.W_OK):
        code = READ_ONLY
    # The log says what failed for whoever reads it later; never a file name (it may be a child's).
    log.info("disk trouble %s: %s %s", code, *found)
    return CoreError(code)
