"""Use cases on Excel ledgers (台账): preview, import (all or nothing, cancellable) and export.

An import first plans against the store (which rows are new children, which update a file,
which change nothing) and then writes the plan in one transaction, through the change log.
Children are matched by ID number, else by name and birth date; re-importing never duplicates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, select

from ...words import message
from ..domain import division
from ..errors import CoreError
from ..roster.mapping import Mapping, guess_mapping, readings, require_name
from ..roster.plan import Known, Plan, make_plan
from ..roster.rows import Context, LedgerRow, RowProblem, read_rows
from ..roster.sheet import Sheet, read_sheet
from ..roster.workbooks import RosterLine, error_book_path, write_error_book, write_roster
from ..storage import audit, bulk, children_repo
from ..storage import tables as t
from ..storage.store import Store
from . import roster_memory, safety
from .roster_write import write_plan
from .station import station_info

Progress = Callable[[int, int], None]
_CHUNK = 500  # children per IN (…) list


class Cancelled(CoreError):
    code = "roster_cancelled"


@dataclass(frozen=True)
class Preview:
    """What the file holds, read and checked, before anything is written."""

    path: Path
    mapping: Mapping
    rows: tuple[LedgerRow, ...]
    warnings: tuple[RowProblem, ...]  # columns not understood: kept in the notes
    sheet: Sheet

    @property
    def bad_rows(self) -> tuple[LedgerRow, ...]:
        return tuple(r for r in self.rows if not r.ok)


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    code: str
    message: str


@dataclass(frozen=True)
class ImportResult:
    imported: int
    updated: int
    unchanged: int
    errors: tuple[RowError, ...]
    error_file: str | None
    warnings: tuple[RowError, ...] = ()

    def as_json(self) -> dict:
        return {
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [e.__dict__ for e in self.errors],
            "warnings": [w.__dict__ for w in self.warnings],
            "error_file": self.error_file,
        }


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int


class Roster:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    def preview(
        self, path: Path, mapping: Mapping | None = None, *, header_row: int | None = None
    ) -> Preview:
        """Read and check the file; writes nothing. The columns mean what `mapping` says, else
        what the officer chose at an earlier import of the same headers, else what the reader
        finds; `header_row` is where the officer says the header starts. A ledger whose name
        column is not found is read all the same, for the officer to say which it is."""
        sheet = read_sheet(path)
        if mapping is None:
            with self.store.read() as conn:
                mapping = roster_memory.recall(conn, readings(sheet, header_row))
            mapping = mapping or guess_mapping(sheet, header_row)
        context = self._context()
        with bulk.gc_paused():  # the rows' records all stay alive: see import_preview
            rows = tuple(read_rows(sheet, mapping, context))
        warnings = tuple(
            RowProblem(
                mapping.header_rows[0],
                c.header,
                "roster_unknown_column",
                message("roster_unknown_column", column=c.header),
                blocking=False,
            )
            for c in mapping.unknown
        )
        return Preview(path, mapping, rows, warnings, sheet)

    def import_file(
        self,
        path: Path,
        mapping: Mapping | None = None,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportResult:
        # The preview's records live on into the import: a collection between the two would
        # walk them all again (50 ms for 10,000 rows). They are freed before it is turned back
        # on, the preview being held by no name here.
        with bulk.gc_paused():
            result = self.import_chosen(
                self.preview(path, mapping), dry_run=dry_run, progress=progress, cancelled=cancelled
            )
        return result

    def import_chosen(
        self,
        preview: Preview,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportResult:
        """`import_preview`, then the columns as the officer set them are kept for the next
        ledger with the same headers. RosterError when no column holds the children's names."""
        require_name(preview.mapping)
        result = self.import_preview(
            preview, dry_run=dry_run, progress=progress, cancelled=cancelled
        )
        if not dry_run:
            with self.store.write() as conn:
                roster_memory.keep(conn, preview.mapping, guess_mapping(preview.sheet))
        return result

    def import_preview(
        self,
        preview: Preview,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportResult:
        """Write the previewed rows in one transaction; Cancelled leaves the store untouched.
        A dry run plans on a read connection and writes nothing at all, not even the error file."""
        today = self.today()
        # Tens of thousands of records are made and all kept until the commit: the collector's
        # passes would walk them again and again.
        if dry_run:
            with self.store.read() as conn, bulk.gc_paused():
                plan = _plan(conn, preview, today)
        else:
            safety.backup(self.store, "before-import")
            with self.store.write() as conn, bulk.gc_paused():
                plan = _plan(conn, preview, today)
                stop = cancelled or _never
                write_plan(conn, plan, today, progress or _quiet, lambda: _check(stop))
                audit.record(
                    conn,
                    "import",
                    "roster",
                    fields=("children",),
                    detail=f"new {len(plan.new)}, updated {plan.updated_files}",
                )
        return self._result(preview, plan, dry_run)

    def export(self, path: Path) -> ExportResult:
        """The active children in the ledger layout, ordered as in the main list. A town's or
        county's roster has a 所属村 column: the village's name where that name is one
        village's alone, else its code, so that importing the roster places each child again."""
        info = station_info(self.store)
        with self.store.read() as conn:
            lines = _roster_lines(conn)
            villages = _known_villages(conn)
        title = f"{info.name}儿童信息台账（花名册）"
        written = None
        if info.role != "village":
            written = {code: name for name, code in villages.by_name.items()}
        write_roster(path, title, lines, self.today(), written)
        with self.store.write() as conn:
            audit.record(conn, "export", "roster", detail=f"{len(lines)} children")
        return ExportResult(path, len(lines))

    def _context(self) -> Context:
        info = station_info(self.store)
        with self.store.read() as conn:
            known = _known_villages(conn)
        own = info.code if info.role == "village" else ""
        villages = {code: code for code in known.codes} | known.by_name
        return Context(own, villages, self.today(), info.code, known.shared_names)

    def _result(self, preview: Preview, plan: Plan, dry_run: bool) -> ImportResult:
        refused = [r for r in preview.rows if not r.ok] + plan.refused
        refused.sort(key=lambda r: r.row)
        errors = tuple(
            RowError(p.row, p.column, p.code, p.message)
            for r in refused
            for p in r.problems + plan.problems.get(r.row, ())
            if p.blocking
        )
        notes = [p for r in preview.rows for p in r.problems if not p.blocking]
        noted = list(preview.warnings) + notes + plan.warnings
        warnings = tuple(RowError(p.row, p.column, p.code, p.message) for p in noted)
        error_file = None
        if not dry_run:
            stale = error_book_path(preview.path)
            if refused or noted:
                header = [preview.sheet.rows[n - 1] for n in preview.mapping.header_rows]
                marked = [
                    replace(r, problems=r.problems + plan.problems.get(r.row, ())) for r in refused
                ]
                cells = {r.row: r.cells for r in preview.rows}
                warned = [(p, cells.get(p.row, ())) for p in noted]
                error_file = str(write_error_book(preview.path, header, marked, warned))
            elif stale.exists():
                stale.unlink()  # the officer's earlier errors are fixed: an old list would mislead
        return ImportResult(
            len(plan.new), plan.updated_files, plan.unchanged, errors, error_file, warnings
        )


@dataclass(frozen=True)
class _Villages:
    """The villages the station knows (its own, those it enrolled): codes, the names that are
    one village's alone, and the names several villages share (a county's 新村 in two towns)."""

    codes: frozenset[str]
    by_name: dict[str, str]
    shared_names: frozenset[str]


def _known_villages(conn: Connection) -> _Villages:
    d = t.division.c
    named: dict[str, set[str]] = {}
    for code, name in conn.execute(select(d.code, d.name)):
        if division.check("village", code) is None:
            named.setdefault(name, set()).add(code)
    return _Villages(
        frozenset(code for codes in named.values() for code in codes),
        {name: min(codes) for name, codes in named.items() if len(codes) == 1},
        frozenset(name for name, codes in named.items() if len(codes) > 1),
    )


def _plan(conn: Connection, preview: Preview, today: date) -> Plan:
    c = t.child.c
    known = [Known(*row) for row in conn.execute(select(c.uuid, c.id_number, c.name, c.birth_date))]
    return make_plan(
        preview.rows,
        preview.mapping,
        known,
        lambda uuids: children_repo.load_many(conn, uuids),
        lambda uuids: _visit_dates(conn, uuids),
        today,
    )


def _visit_dates(conn: Connection, uuids: list[str]) -> dict[str, set[date]]:
    v = t.visit.c
    found: dict[str, set[date]] = {}
    for i in range(0, len(uuids), _CHUNK):
        query = select(v.child_uuid, v.visit_date).where(v.child_uuid.in_(uuids[i : i + _CHUNK]))
        for uuid, day in conn.execute(query):
            found.setdefault(uuid, set()).add(day)
    return found


def _roster_lines(conn: Connection) -> list[RosterLine]:
    c = t.child.c
    rows = conn.execute(
        select(c.uuid, c.last_visit).where(c.status == "active").order_by(c.sort_key)
    ).all()
    files = children_repo.load_many(conn, [uuid for uuid, _ in rows])
    return [RosterLine(files[uuid], last_visit) for uuid, last_visit in rows]


def _check(cancelled: Callable[[], bool]) -> None:
    if cancelled():
        raise Cancelled()


def _quiet(done: int, total: int) -> None:
    """No one is watching the progress (the CLI)."""


def _never() -> bool:
    return False
