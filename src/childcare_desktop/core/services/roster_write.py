"""Writing an import's plan inside the caller's transaction: new files in bulk, changed files a
chunk at a time, the visits, one change log and the derived columns of every child touched.

New files are inserted whole, their derived columns worked out beside them. A changed file is
written as `children_repo.save` writes it — the same rows compared, the same changes logged in
the same order — but a chunk of files shares its statements (one executemany per table and set
of columns changed) and the reading of their heads. File by file, each save cost a dozen
statements: 20 s for a ledger whose 10,000 children had all changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import Connection, Table

from ..domain.child import Child
from ..domain.visit import Visit
from ..roster.plan import Plan
from ..storage import bulk, children_repo, derived_repo, settings, visits_repo
from ..storage import tables as t
from ..storage.changes import ChangeWriter

# The rows of a file as children_repo keeps them: its row builders, so that both write alike.
from ..storage.children_repo import assistance_rows, category_rows, child_row, member_rows
from . import submitting

Progress = Callable[[int, int], None]
CHUNK = 500  # files per step: progress and cancelling are seen between steps
_PARTS = (
    ("member", t.member, member_rows),
    ("category", t.category, category_rows),
    ("assistance", t.assistance, assistance_rows),
)


def write_plan(
    conn: Connection, plan: Plan, today: date, progress: Progress, check: Callable[[], None]
) -> None:
    """`check` raises when the import is cancelled: the caller's transaction is then undone."""
    policy = settings.visit_policy(conn)
    writer = ChangeWriter(conn)
    total = len(plan.new) + len(plan.updated) + 1
    done = 0
    visits_of: dict[str, list[Visit]] = {}
    for visit in plan.visits:
        visits_of.setdefault(visit.child_uuid, []).append(visit)
    for i in range(0, len(plan.new), CHUNK):
        check()
        chunk = plan.new[i : i + CHUNK]
        visits = [v for child in chunk for v in visits_of.get(child.uuid, ())]
        done += children_repo.insert_many(conn, writer, chunk, today, policy, visits)
        progress(done, total)
    for i in range(0, len(plan.updated), CHUNK):
        check()
        part = plan.updated[i : i + CHUNK]
        save_changed(conn, writer, [(plan.kept[child.uuid], child) for child in part])
        done += len(part)
        progress(done, total)
    check()
    visits_repo.append_many(conn, writer, plan.visits)
    by = submitting.submitter(conn)
    if by is not None:
        saved = [(None, c) for c in plan.new] + [(plan.kept[c.uuid], c) for c in plan.updated]
        submitting.submit(conn, writer, by, saved, today)
    writer.flush()
    # New files were inserted with their derived columns; the others are worked out again.
    touched = ({c.uuid for c in plan.updated} | visits_of.keys()) - {c.uuid for c in plan.new}
    derived_repo.refresh_derived(conn, sorted(touched), today, policy)
    check()
    progress(total, total)


def save_changed(conn: Connection, writer: ChangeWriter, pairs: list[tuple[Child, Child]]) -> None:
    """Write each (file as kept, file as it is to be) as `children_repo.save` would, in order;
    the derived columns are left to the caller."""
    logged: list[tuple[str, str, dict, bool]] = []  # (entity, uuid, fields, new), save's order
    inserts: dict[Table, list[dict]] = {}
    updates: dict[Table, list[tuple[str, dict]]] = {}
    deletes: dict[Table, list[str]] = {}
    for old, new in pairs:
        before = child_row(old)
        diff = {k: v for k, v in child_row(new).items() if v != before[k]}
        if diff:
            updates.setdefault(t.child, []).append((new.uuid, diff))
            logged.append(("child", new.uuid, diff, False))
        for entity, table, rows_of in _PARTS:
            kept = {r["uuid"]: r for r in rows_of(old)}
            ids = set()
            for row in rows_of(new):
                uuid = row["uuid"]
                ids.add(uuid)
                was = kept.get(uuid)
                if was is None:
                    inserts.setdefault(table, []).append(row)
                    logged.append((entity, uuid, row, True))
                    continue
                diff = {k: v for k, v in row.items() if v != was.get(k)}
                if diff:
                    updates.setdefault(table, []).append((uuid, diff))
                    logged.append((entity, uuid, diff, False))
            for uuid in kept.keys() - ids:
                deletes.setdefault(table, []).append(uuid)
                # A tombstone names the record and nothing personal.
                logged.append((entity, uuid, {"_deleted": True, "child_uuid": new.uuid}, False))
    writer.load_heads((entity, uuid) for entity, uuid, _fields, new in logged if not new)
    for entity, uuid, fields, new in logged:
        writer.record(entity, uuid, fields, new=new)
    for table, keys in deletes.items():
        bulk.delete_rows(conn, table, keys)
    for table, changes in updates.items():
        bulk.update_rows(conn, table, changes)
    for table, rows in inserts.items():
        bulk.insert_rows(conn, table, rows)
