"""Use cases of the lists going out to other departments (domain/outgoing.py): how many children
a list holds and which columns leave with it, and the list written as Excel or PDF, audited.

At a village the list holds its children; at a town or county every child it keeps, each with
the village's name. Closed files are on no list. ID numbers and phones leave whole: the
department acts on them, and the list holds no one it does not need.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, select

from ...words import label
from ..domain.child import Child
from ..domain.outgoing import FACT_FIELDS, LISTS, Facts, OutgoingList, contact_of
from ..reports.department_list import (
    DepartmentSheet,
    render_department_pdf,
    write_department_xlsx,
)
from ..reports.errors import ReportError
from ..storage import audit, children_repo, divisions
from ..storage import tables as t
from ..storage.store import Store
from .reports import Printed, _village_name
from .station import station_info


@dataclass(frozen=True)
class ListPreview:
    """What an officer sees before a list leaves: how many children, and which columns."""

    code: str
    department: str
    columns: tuple[str, ...]
    count: int


class Outgoing:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    def preview(self, code: str) -> ListPreview:
        lst = _list(code)
        role = station_info(self.store).role
        with self.store.read() as conn:
            count = len(_chosen(conn, lst, self.today()))
        return ListPreview(code, lst.department, lst.columns_at(role), count)

    def export(self, code: str, out: Path) -> Printed:
        """The list as Excel or PDF, by the suffix of `out`; one audit entry names the list,
        its department, how many children and the file, never a child."""
        lst = _list(code)
        suffix = out.suffix.lower()
        if suffix not in (".pdf", ".xlsx"):
            raise ReportError("report_format", suffix=out.suffix or out.name)
        info = station_info(self.store)
        columns = lst.columns_at(info.role)
        today = self.today()
        with self.store.read() as conn:
            chosen = _chosen(conn, lst, today)
            names = divisions.names(conn)
            files = children_repo.load_many(conn, chosen)
        rows = tuple(
            _values(files[uuid], columns, _village_name(names, files[uuid].village_code, info.role))
            for uuid in chosen
        )
        sheet = DepartmentSheet(code, lst.department, info.name, info.officer, today, columns, rows)
        if suffix == ".xlsx":
            write_department_xlsx(sheet, out)
            pages = None
        else:
            pages = render_department_pdf(sheet, out)
        detail = (
            f"list for {label('department', lst.department)} ({lst.department}): {code}, "
            f"{suffix[1:]}, {len(rows)} children, file {out.name}"
        )
        with self.store.write() as conn:
            audit.record(
                conn, "export" if pages is None else "print", "department_list", "", detail=detail
            )
        return Printed(out, pages, len(rows))


def _list(code: str) -> OutgoingList:
    if code not in LISTS:
        raise ReportError("unknown_list", list=code)
    return LISTS[code]


def _chosen(conn: Connection, lst: OutgoingList, today: date) -> list[str]:
    """The uuids of the active children on the list, by village and name. Judged on the
    child's row alone (the categories as last worked out), so a county's families are loaded
    only for the children chosen."""
    c = t.child.c
    stmt = (
        select(c.uuid, c.categories_now, *(c[f] for f in FACT_FIELDS))
        .where(c.status == "active")
        .order_by(c.village_code, c.sort_key, c.uuid)
    )
    return [
        uuid
        for uuid, codes, *facts in conn.execute(stmt)
        if lst.receives(Facts(*facts, categories=frozenset(codes.split(","))), today)
    ]


def _values(child: Child, columns: tuple[str, ...], village: str) -> tuple[str, ...]:
    contact = contact_of(child.members)
    shown = {
        "name": child.name,
        "sex": label("sex", child.sex) if child.sex else "",
        "birth_date": child.birth_date.isoformat() if child.birth_date else "",
        "id_number": child.id_number or _no_number(child.no_id_reason),
        "village": village,
        "hukou_place": child.hukou_place,
        "current_address": child.current_address,
        "schooling": label("schooling", child.schooling) if child.schooling else "",
        "school": child.school,
        "disability_type": child.disability_type,
        "disability_grade": child.disability_grade,
        "contact": _contact_text(contact),
        "contact_phone": contact.phone if contact else "",
    }
    return tuple(shown[column] for column in columns)


def _no_number(reason: str) -> str:
    """无, and why where the file says (无户籍 …)."""
    return f"无（{label('no_id_reason', reason)}）" if reason else "无"


def _contact_text(member) -> str:
    """The person and who they are to the child (祖母, or the words the file holds: 舅舅)."""
    if member is None:
        return ""
    who = member.kinship or label("relation", member.relation)
    return f"{member.name}（{who}）"
