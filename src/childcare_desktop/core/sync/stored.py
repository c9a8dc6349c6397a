"""Values a store already holds that a received change could not set today: what an older
version let in (a hidden character in a name, a date in 9999, a code no form offers, findings
that are not an object, a birth date or a sex that disagrees with the ID number) is found and
named, so a town can find the file and correct it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Boolean, Connection

from ..domain.validation import id_disagreements
from ..storage import sealing
from ..storage import tables as t
from . import entities


@dataclass(frozen=True)
class StoredProblem:
    entity: str
    uuid: str
    child_uuid: str  # the child whose file holds the value ("" for a visit round)
    field: str  # "child.name", as a refused change names it


def stored_problems(conn: Connection) -> Iterator[StoredProblem]:
    """Every synced value that `entities.well_formed` refuses, table by table, row by row.
    The rows are read as SQLite holds them: a date too far out for Python is still text here."""
    for entity, names in entities.SYNCED.items():
        checks = entities.field_checks(entity)
        flags = {n for n in names if isinstance(entities.column(entity, n).type, Boolean)}
        owner = "uuid" if entity == "child" else "child_uuid"
        child_at = names.index(owner) if owner in names else None
        uuid_at = names.index("uuid")
        query = "SELECT " + ", ".join(f'"{n}"' for n in names) + f' FROM "{entity}"'
        opened = sealing.openers([entities.column(entity, n) for n in names], conn.dialect)
        for found in conn.exec_driver_sql(query).yield_per(2000):
            row = sealing.apply(tuple(found), opened)
            for name, value in zip(names, row, strict=True):
                if name == "uuid":
                    continue
                if not checks[name](_as_json(value, name in flags)):
                    child = str(row[child_at]) if child_at is not None else ""
                    yield StoredProblem(entity, str(row[uuid_at]), child, f"{entity}.{name}")
    yield from _disagreeing_children(conn)


def _disagreeing_children(conn: Connection) -> Iterator[StoredProblem]:
    """Children whose birth date or sex disagrees with their valid ID number (the pair a form or
    a received change may no longer set); a date already named as malformed is not compared."""
    today = date.today()
    rows = conn.exec_driver_sql(
        "SELECT uuid, id_number, birth_date, sex FROM child WHERE id_number != ''"
    )
    opened = sealing.openers([t.child.c.id_number], conn.dialect)
    for uuid, sealed, born, sex in rows.yield_per(2000):
        (number,) = sealing.apply((sealed,), opened)
        if born is not None and not entities.well_formed("child", "birth_date", born):
            continue
        day = date.fromisoformat(born) if born else None
        for problem in id_disagreements(number, day, sex, today):
            yield StoredProblem("child", str(uuid), str(uuid), f"child.{problem.field}")


def _as_json(value: Any, flag: bool) -> Any:
    """A stored value as a change would carry it: SQLite keeps booleans as 0 and 1."""
    if flag and value in (0, 1) and not isinstance(value, bool):
        return bool(value)
    return value
