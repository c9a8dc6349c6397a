"""store move: a town of 10,000 demo children moved up to the PostgreSQL server, beside one read.

On the server of CHILDCARE_TEST_PG (the password from PGPASSWORD), into a fresh database dropped
after: the whole move (open the file, make the store on the server with its key slots, copy
every table, count and digest both sides, verify the audit chain) beside the baseline of the
same run, one pass over the file that reads and digests every row (what any check must read).
Where there is no server it says why in one line and measures nothing.
"""

from __future__ import annotations

import os
import time

from childcare_desktop.core.services.move import move_store, open_read_only, table_checks

from .common import OUT, PASSPHRASE, demo_store, fresh_database, row

SERVER_VARIABLE = "CHILDCARE_TEST_PG"
CHILDREN = 10_000


def run() -> list[dict]:
    server = os.environ.get(SERVER_VARIABLE)
    if not server:
        print(f"store move: {SERVER_VARIABLE} is not set (scripts/pg.sh start): nothing measured")
        return []
    path = OUT / "move-town-10k.db"
    demo_store(path, "town", "441481103", "城关镇", CHILDREN).close()
    started = time.perf_counter()
    engine = open_read_only(path, PASSPHRASE)
    with engine.connect() as conn:
        checks = table_checks(conn)
    engine.dispose()
    read = time.perf_counter() - started
    with fresh_database(server) as url:
        moved = move_store(path, url, PASSPHRASE)
    rows = sum(moved.tables.values())
    assert rows == sum(c.rows for c in checks.values())
    return [
        row("rows moved", rows, "rows"),
        row("store move, whole", moved.seconds, "s", read),
        row("rows per second", rows / moved.seconds, "rows/s"),
    ]
