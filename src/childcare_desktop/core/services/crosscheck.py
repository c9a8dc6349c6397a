"""Checking a department's list against the registry: read it, match each row to a child, keep
the worklist, and let a person accept or dismiss each item.

Checking writes the list and its worklist, nothing else: no child's file changes until a person
accepts an item. Accepting changes the file through the children's service (so the change log,
the audit, the derived columns and a village's review submission all happen), and the change
names the list and its date: in the audit entry's detail, and as the reason of a category or the
note of an assistance it adds. A row the registry does not hold is accepted by handing it to a
screening round (`to_screen`). Worklists are the station's own: never synced.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlalchemy import Connection, func, insert, select, update

from ...words import LABELS
from ..domain.child import Assistance, Child, FamilyMember, new_uuid
from ..domain.screening_place import Place
from ..errors import FieldProblem, NotFound, ValidationFailed
from ..lists import worklist as w
from ..lists.rows import ListRow, listed_address, read_rows
from ..lists.vocabulary import LISTS
from ..matching import Match, Person, children_as_people, match_people
from ..roster.mapping import Mapping, guess_mapping, readings, require_name
from ..roster.sheet import Sheet, read_sheet
from ..storage import audit, children_repo, divisions
from ..storage import tables as t
from ..storage.store import Store
from . import roster_memory
from .children import Children
from .screening import Screening

SOURCES = ("education", "police", "disability", "civil", "court", "other")
MATCHED, UNREGISTERED = "matched", "unregistered"
OPEN, ACCEPTED, DISMISSED = "open", "accepted", "dismissed"


@dataclass(frozen=True)
class ListPreview:
    """A list read with its columns' meaning, before anything is kept."""

    path: Path
    mapping: Mapping
    rows: tuple[ListRow, ...]
    sheet: Sheet


@dataclass(frozen=True)
class CheckedList:
    uuid: str
    source: str
    file_name: str
    imported_on: date
    imported_by: str
    row_count: int


@dataclass(frozen=True)
class Item:
    uuid: str
    line: int
    child_uuid: str  # "" for a row not registered
    child_name: str
    how: str  # "id_number" | "name_birth" | "fuzzy" | ""
    score: float
    kind: str  # matched | unregistered | difference | contradiction
    field: str
    list_value: str
    file_value: str
    person: Person  # who the row names, as the list writes it
    facts: dict[str, str]
    state: str  # open | accepted | dismissed; "" for a match (nothing to decide)
    reason: str
    decided_on: date | None
    decided_by: str
    child_village: str = ""  # the matched child's village, by name: two namesakes told apart

    def as_json(self) -> dict:
        found = {
            "line": self.line,
            "name": self.person.name,
            "child_uuid": self.child_uuid or None,
            "how": self.how or None,
            "score": self.score,
        }
        if self.kind != MATCHED:
            found |= {"item": self.uuid, "state": self.state}
        if self.kind in (w.DIFFERENCE, w.CONTRADICTION):
            found |= {
                "kind": self.kind,
                "field": self.field,
                "list_value": self.list_value,
                "file_value": self.file_value,
            }
        if self.state in (ACCEPTED, DISMISSED):
            found |= {"reason": self.reason, "decided_on": str(self.decided_on)}
        return found


@dataclass(frozen=True)
class Worklist:
    list: CheckedList
    items: tuple[Item, ...]

    def of_kind(self, *kinds: str) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.kind in kinds)

    def as_json(self) -> dict:
        return {
            "list": {
                "uuid": self.list.uuid,
                "source": self.list.source,
                "file": self.list.file_name,
                "imported_on": self.list.imported_on.isoformat(),
                "rows": self.list.row_count,
            },
            "matched": [i.as_json() for i in self.of_kind(MATCHED)],
            "unregistered": [i.as_json() for i in self.of_kind(UNREGISTERED)],
            "differences": [i.as_json() for i in self.of_kind(w.DIFFERENCE, w.CONTRADICTION)],
        }


@dataclass(frozen=True)
class Accepted:
    items: tuple[Item, ...]
    # rows not registered sent to a round in a village the list did not give: where, and how
    placed: tuple[tuple[Item, Place], ...]


class Crosscheck:
    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today
        self.children = Children(store, today)

    def preview(
        self, path: Path, mapping: Mapping | None = None, *, header_row: int | None = None
    ) -> ListPreview:
        """Read the list; writes nothing. Its columns mean what `mapping` says, else what a
        person chose for the same headers before, else what the reader finds."""
        sheet = read_sheet(path)
        with self.store.read() as conn:
            if mapping is None:
                found = readings(sheet, header_row, LISTS)
                mapping = roster_memory.recall(conn, found) or guess_mapping(
                    sheet, header_row, LISTS
                )
            villages = _villages(conn)
        return ListPreview(path, mapping, tuple(read_rows(sheet, mapping, villages)), sheet)

    def check(self, preview: ListPreview, source: str) -> Worklist:
        """Match the list's rows and keep its worklist; the column choices are remembered for
        the next list with the same headers. No child's file changes."""
        if source not in SOURCES:
            raise ValidationFailed([FieldProblem("source", "unknown_value")])
        require_name(preview.mapping)
        today = self.today()
        with self.store.read() as conn:
            children = children_as_people(conn)
            people = [r.person for r in preview.rows]
            matches = match_people(people, children)
            files = children_repo.load_many(conn, sorted({m.child for m in matches.values()}))
        items = [
            item
            for row in preview.rows
            for item in _items_of(row, matches.get(row.person.key), files, today)
        ]
        checked = {
            "uuid": new_uuid(),
            "source": source,
            "file_name": preview.path.name,
            "imported_on": today,
            "row_count": len(preview.rows),
        }
        with self.store.write() as conn:
            checked["imported_by"] = conn.execute(select(t.station.c.officer)).scalar() or ""
            conn.execute(insert(t.checked_list), checked)
            if items:
                conn.execute(
                    insert(t.checked_item), [i | {"list_uuid": checked["uuid"]} for i in items]
                )
            roster_memory.keep(conn, preview.mapping, guess_mapping(preview.sheet, None, LISTS))
            detail = f"{source} {preview.path.name} {len(preview.rows)}"
            audit.record(conn, "import", "checked_list", checked["uuid"], (), detail)
        return self.worklist(checked["uuid"])

    def check_file(self, path: Path, source: str, mapping: Mapping | None = None) -> Worklist:
        return self.check(self.preview(path, mapping), source)

    def lists(self) -> list[CheckedList]:
        """The lists checked here, the latest first."""
        with self.store.read() as conn:
            rows = conn.execute(
                select(t.checked_list).order_by(
                    t.checked_list.c.imported_on.desc(), t.checked_list.c.uuid
                )
            ).mappings()
            return [CheckedList(**r) for r in rows]

    def worklist(self, list_uuid: str) -> Worklist:
        with self.store.read() as conn:
            found = conn.execute(
                select(t.checked_list).where(t.checked_list.c.uuid == list_uuid)
            ).mappings()
            checked = next(iter(found), None)
            if checked is None:
                raise NotFound("crosscheck_list_not_found", uuid=list_uuid)
            i = t.checked_item.c
            village = func.coalesce(t.division.c.name, t.child.c.village_code)
            rows = conn.execute(
                select(
                    t.checked_item,
                    t.child.c.name.label("child_name"),
                    village.label("child_village"),
                )
                .outerjoin(t.child, t.child.c.uuid == i.child_uuid)
                .outerjoin(t.division, t.division.c.code == t.child.c.village_code)
                .where(i.list_uuid == list_uuid)
                .order_by(i.line, i.kind, i.field)
            ).mappings()
            items = tuple(_item(r) for r in rows)
        return Worklist(CheckedList(**checked), items)

    def accept(self, item_uuid: str, round_uuid: str = "", village: str = "") -> Item:
        return self.accept_many([item_uuid], round_uuid, village).items[0]

    def accept_many(
        self, item_uuids: Sequence[str], round_uuid: str = "", village: str = ""
    ) -> Accepted:
        """Each file changes as its item says (a row not registered goes to the screening round
        `round_uuid`, where one is given, in the village domain/screening_place.py finds, else
        in `village`); the items are then accepted. Where a row would have no village, nothing
        is accepted: the officer is to choose one (screening_village_required)."""
        found = [self._open_item(uuid) for uuid in item_uuids]
        to_round = [i for i, _ in found if i.kind == UNREGISTERED] if round_uuid else []
        screening = Screening(self.store, self.today)
        if to_round:
            screening.check_places(
                round_uuid, [i.person for i in to_round], _addresses(to_round), village
            )
        decided, placed = [], []
        for item, checked in found:
            if item.kind == UNREGISTERED:
                where = to_screen(screening, round_uuid, item, checked.source, village)
                placed += [(item, where)] if where is not None else []
            else:
                self._apply(item, _source_note(checked))
            decided.append(self._decide(item, ACCEPTED, ""))
        return Accepted(tuple(decided), tuple(placed))

    def dismiss(self, item_uuid: str, reason: str) -> Item:
        """The item is left as the file has it, for the reason a person gives (required)."""
        if not reason.strip():
            raise ValidationFailed([FieldProblem("reason", "crosscheck_reason_required")])
        item, _checked = self._open_item(item_uuid)
        return self._decide(item, DISMISSED, reason.strip())

    def _open_item(self, item_uuid: str) -> tuple[Item, CheckedList]:
        with self.store.read() as conn:
            row = conn.execute(
                select(t.checked_item.c.list_uuid).where(t.checked_item.c.uuid == item_uuid)
            ).first()
        if row is None:
            raise NotFound("crosscheck_item_not_found", uuid=item_uuid)
        work = self.worklist(row[0])
        item = next(i for i in work.items if i.uuid == item_uuid)
        if item.state != OPEN:
            code = "crosscheck_nothing_to_decide" if not item.state else "crosscheck_decided"
            raise ValidationFailed([FieldProblem("state", code)])
        return item, work.list

    def _decide(self, item: Item, state: str, reason: str) -> Item:
        today = self.today()
        with self.store.write() as conn:
            by = conn.execute(select(t.station.c.officer)).scalar() or ""
            conn.execute(
                update(t.checked_item)
                .where(t.checked_item.c.uuid == item.uuid)
                .values(state=state, reason=reason, decided_on=today, decided_by=by)
            )
            audit.record(conn, "update", "checked_item", item.uuid, ("state", "reason"), state)
        return replace(item, state=state, reason=reason, decided_on=today, decided_by=by)

    def _apply(self, item: Item, note: str) -> None:
        """The item's change to the child's file, through the children's service."""
        child = self.children.get(item.child_uuid)
        if item.field == "status":
            self.children.close(child.uuid, item.list_value, note, detail=note)
            return
        if item.field == "categories":
            today = self.today()
            held = [s.code for s in child.categories if s.holds_on(today)]
            codes = [c for c in held if c != item.file_value]
            codes += [item.list_value] if item.list_value and item.list_value not in held else []
            child = self.children.set_categories(child, codes, note)
        else:
            child = _changed(child, item, note, self.today())
        self.children.save(child, detail=note)


def _changed(child: Child, item: Item, note: str, today: date) -> Child:
    """`child` with the item's field set to the list's value."""
    field, value = item.field, item.list_value
    if field == "sex":
        return replace(child, sex=value)
    if field == "birth_date":
        return replace(child, birth_date=date.fromisoformat(value))
    if field in ("schooling", "school"):
        return replace(child, **{field: value})
    if field == "boarding":
        return replace(child, boarding=value == "yes")
    if field == "hukou_registered":
        registered = value == "yes"
        reason = child.no_id_reason or ("" if registered or child.id_number else "no_hukou")
        return replace(child, hukou_registered=registered, no_id_reason=reason)
    if field in ("father.situation", "mother.situation"):
        relation = field.split(".")[0]
        situation = "home" if value == "living" else value
        member = w.parent(child, relation)
        if member is None:
            members = (*child.members, FamilyMember(relation, "", situation=situation))
        else:
            members = tuple(
                replace(m, situation=situation) if m is member else m for m in child.members
            )
        return replace(child, members=members)
    if field == "carer":
        return replace(child, members=(*child.members, FamilyMember("carer", value)))
    if field == "disability":
        kind, _, grade = value.partition(":")
        return replace(
            child,
            health="disabled",
            disability_type=f"{kind}残疾" if kind else child.disability_type,
            disability_grade=w.GRADE_WORDS.get(grade, child.disability_grade),
        )
    if field == "assistance":
        start = item.facts.get("assistance_start")
        aid = Assistance(value, start=date.fromisoformat(start) if start else today, note=note)
        return replace(child, assistance=(*child.assistance, aid))
    raise ValueError(field)


def to_screen(
    screening: Screening, round_uuid: str, item: Item, source: str, village: str
) -> Place | None:
    """Hand a person the registry does not hold to the screening round `round_uuid`; with no
    round, accepting only records that the person is to be screened (the worklist keeps who).
    The village where the list gives none, and how it was found."""
    if not round_uuid:
        return None
    source_name = LABELS["list_source"][source][0]
    added = screening.add_people(
        round_uuid, [item.person], source_name, _addresses([item]), village
    )
    if added.refused:
        _key, problem = added.refused[0]
        raise ValidationFailed([problem])
    return added.placed[0][1] if added.placed else None


def _addresses(items: Iterable[Item]) -> dict[str, str]:
    return {i.person.key: listed_address(i.facts) for i in items}


def _source_note(checked: CheckedList) -> str:
    """How a change names the list: 据教育部门名单《学籍.xlsx》（2026-12-07）."""
    source = LABELS["list_source"][checked.source][0]
    return f"据{source}名单《{checked.file_name}》（{checked.imported_on.isoformat()}）"


def _items_of(
    row: ListRow, match: Match | None, files: dict[str, Child], today: date
) -> Iterable[dict]:
    person = json.dumps(
        {
            "name": row.person.name,
            "id_number": row.person.id_number,
            "birth_date": row.person.birth_date.isoformat() if row.person.birth_date else "",
            "sex": row.person.sex,
            "village_code": row.person.village_code,
            "facts": dict(row.facts),
        },
        ensure_ascii=False,
    )
    base = {"line": row.line, "person": person, "list_value": "", "file_value": "",
            "child_uuid": None, "how": "", "score": 0.0}  # fmt: skip
    if match is None:
        yield base | {"uuid": new_uuid(), "kind": UNREGISTERED, "field": "", "state": OPEN}
        return
    base |= {"child_uuid": match.child, "how": match.how, "score": match.score}
    yield base | {"uuid": new_uuid(), "kind": MATCHED, "field": "", "state": ""}
    for found in w.findings(row.person, row.facts, files[match.child], today):
        yield base | {
            "uuid": new_uuid(),
            "kind": found.kind,
            "field": found.field,
            "list_value": found.list_value,
            "file_value": found.file_value,
            "state": OPEN,
        }


def _item(r) -> Item:
    said = json.loads(r["person"] or "{}")
    born = said.get("birth_date")
    person = Person(
        str(r["line"]),
        said.get("name", ""),
        said.get("id_number", ""),
        date.fromisoformat(born) if born else None,
        said.get("sex", ""),
        said.get("village_code", ""),
    )
    return Item(
        r["uuid"], r["line"], r["child_uuid"] or "", r["child_name"] or "", r["how"],
        r["score"], r["kind"], r["field"], r["list_value"], r["file_value"], person,
        said.get("facts", {}), r["state"], r["reason"], r["decided_on"], r["decided_by"],
        r["child_village"] or "",
    )  # fmt: skip


def _villages(conn: Connection) -> dict[str, str]:
    """Village name or code → code, for a list's 所属村 column."""
    names = divisions.names(conn)
    return {name: code for code, name in names.items()} | {code: code for code in names}
