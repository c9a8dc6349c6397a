"""Hostile batches, drawn at random: an enrolled village's own export with its newest changes'
fields replaced by control characters, direction overrides, huge strings, dates at and past the
calendar's ends, codes no form offers, ID numbers with a wrong check digit or that disagree with
the birth date and sex, JSON of the wrong shape, and odd values a form lets through (markup,
formulas, the first and last days a file may hold). Each import ends `applied`, with every value
one a form would save, or `rejected` whole with a coded reason and the town's store as it was;
never an exception. After each applied one, every report and export the program has is made
from the town's store."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Boolean, Date, Float, Integer, func, select, update

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.visit import FINDING_AREAS, Visit
from childcare_desktop.core.services import safety, sync
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.services.roster import Roster
from childcare_desktop.core.storage import keyfile
from childcare_desktop.core.storage import tables as t
from childcare_desktop.core.storage.changes import ChangeWriter
from childcare_desktop.core.storage.jsontext import dumps
from childcare_desktop.core.storage.visits_repo import visit_row
from childcare_desktop.core.sync import entities
from childcare_desktop.words import MESSAGES
from tests.conftest import TEST_KDF
from tests.inprocess import childcare_json

from .stations import TOWN, VILLAGE, dump, enroll, station

# Characters no form lets through, among ones it does.
_LETTERS = list("李想 abc1-\t\n") + list("\x00\x07\x1b\x7f\x85\u202a\u202e\u2066\u2069\ufffe")
texts = st.text(st.sampled_from(_LETTERS), max_size=40)


def _long(n: int) -> str:
    """A text of n characters that does not compress far (a batch refuses a body that would
    unpack more than its bound on the ratio)."""
    return "".join(chr(0x4E00 + (i * 7919) % 20_000) for i in range(n))


huge = st.sampled_from([41, 101, 100_001, 300_000]).map(_long)
days = st.dates().map(date.isoformat) | st.sampled_from(
    ["10015-01-01", "1899-12-31", "2100-01-01", "2026-02-30", "2026-1-1", "0000-00-00", ""]
)
codes = st.sampled_from(["male", "female", "good", "none", "home", "x", "", "MALE", "mail"])
shapes = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.lists(st.integers(-(2**63), 2**63 - 1), max_size=3)
    | st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2)
)
findings = st.dictionaries(
    st.sampled_from(FINDING_AREAS) | texts, texts | st.integers() | st.none(), max_size=3
).map(json.dumps) | st.sampled_from(['["一般"]', "一般", "null", "{", '{"living": 3}'])
numbers = st.from_regex(
    r"44148120(1[0-9]|2[0-6])(0[1-9]|1[0-2])(0[1-9]|1[0-9])[0-9]{3}", fullmatch=True
)
ids = (
    numbers.map(lambda n: n + idnumber.check_digit(n))
    | numbers.map(lambda n: n + "0")
    | st.just("")
)
moments = days.map(lambda d: f"{d}T08:00:00") | st.sampled_from(["yesterday", "2026-03-02 08:00"])
hostile = st.one_of(texts, huge, days, codes, shapes, findings, ids, moments)
# Values a form lets through that a report may still trip on: markup, what a spreadsheet takes
# for a formula or an error, a name of 40 characters, the first and last days a file may hold.
odd_texts = st.text(st.sampled_from(list("李想 a1-\t\n<>=@+#&'\"")), max_size=40) | st.sampled_from(
    ["=1+2", "<img src=x>", "#N/A", "@SUM(A1)", "-1", "李" * 40, "   "]
)
odd_days = st.sampled_from(["1900-01-01", "2099-12-31"]) | st.dates(
    date(1900, 1, 1), date(2099, 12, 31)
).map(date.isoformat)
odd_numbers = st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | st.floats(-1e300, 1e300)


def of_its_kind(entity: str, field: str) -> st.SearchStrategy:
    """Values of the field's own type (a date for a date, a text for a text), hostile or odd:
    they pass the column's type, so they reach the rules and, when those let them in, the
    reports. A value of another type is refused before either."""
    kind = entities.column(entity, field).type
    if isinstance(kind, Date):
        return days | odd_days
    if isinstance(kind, Boolean | Integer | Float):
        return shapes | odd_numbers
    return st.one_of(texts, codes, findings, ids, moments, days, odd_texts, odd_days)


@pytest.fixture(scope="module")
def stations(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    (root / "town").mkdir()
    (root / "village").mkdir()
    # Made before any test's own cheap key derivation is set: `childcare` opens the town's store
    # once a child and would otherwise spend a second on each.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keyfile, "DEFAULT_KDF", TEST_KDF)
        town = station(root / "town", "town", TOWN, "宁新镇")
        village = station(root / "village", "village", VILLAGE, "新陂村")
    enroll(town, village, root / "village")
    fill_demo(village, 3, seed=11, today=date.today())
    sync.export(village, root / "first.ccsync")
    (first,) = sync.import_files(town, [root / "first.ccsync"])
    assert first.status == "applied"
    yield town, village, root
    village.close()
    town.close()


def new_changes(village, turn: int) -> int:
    """The village's program records an honest edit of each child and a new visit; returns the
    counter above which the changes are this turn's."""
    with village.read() as conn:
        top = conn.execute(
            select(func.max(t.change.c.counter)).where(t.change.c.station == VILLAGE)
        ).scalar()
        kids = conn.execute(select(t.child.c.uuid).order_by(t.child.c.uuid)).scalars().all()
    with village.write() as conn:
        writer = ChangeWriter(conn)
        for i, uuid in enumerate(kids):
            writer.record("child", uuid, {"school": f"第{turn}-{i}小学"})
        row = visit_row(Visit(kids[0], date(2026, 3, 2), "home", findings={"living": "一般"}))
        writer.record("visit", row["uuid"], row, append_only=True)
        writer.flush()
    return top


def keep_as_sent(village, sent: dict[int, tuple[str, dict]]) -> None:
    """The town now holds these changes as they were sent: the village's log says the same, or
    its next batch would carry a second content under the same change ids (an equivocation)."""
    with village.write() as conn:
        for counter, (_, fields) in sent.items():
            conn.execute(
                update(t.change)
                .where(t.change.c.station == VILLAGE, t.change.c.counter == counter)
                .values(fields=dumps(fields))
            )


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_hostile_batch_is_applied_valid_or_refused_whole(stations, data):
    town, village, root = stations
    turn = len(list(root.glob("*.ccsync")))
    above = new_changes(village, turn)

    sent = {}

    def mutate(changes):
        out = []
        for c in changes:
            if c.counter > above and data.draw(st.booleans(), label=f"mutate {c.change_id}"):
                names = st.sampled_from(entities.FIELDS[c.entity])
                chosen = data.draw(st.lists(names, min_size=1, max_size=3, unique=True))
                spoiled = {n: data.draw(of_its_kind(c.entity, n) | hostile) for n in chosen}
                c = replace(c, fields={**c.fields, **spoiled})
                sent[c.counter] = (c.entity, c.fields)
            out.append(c)
        return out

    real = sync.changes_since
    out = root / f"b{turn}.ccsync"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sync, "changes_since", lambda conn, acks: mutate(real(conn, acks)))
        sync.export(village, out)
    before = dump(town)
    (result,) = sync.import_files(town, [out])

    assert result.status in ("applied", "rejected"), result
    if result.status == "rejected":
        assert result.reason in MESSAGES
        assert dump(town) == before
        return
    assert safety.stored_problems(town) == ()
    for entity, fields in sent.values():
        assert all(entities.well_formed(entity, k, v) for k, v in fields.items())
    keep_as_sent(village, sent)
    every_report_and_export(town, root)


def every_report_and_export(town, root) -> None:
    """Each report and export the program has, as the GUI and `childcare` make them, on what
    the town now holds: the roster as PDF and as a workbook, the month's visit ledger, the
    summary, each child's file, the Excel ledger, and the children as `childcare children
    list --json`, `children show --json` and `visits due --json` print them."""
    reports = Reports(town)
    assert reports.roster(root / "roster.pdf").rows == 3
    assert reports.roster(root / "roster.xlsx").rows == 3
    assert reports.ledger(date.today().strftime("%Y-%m"), root / "ledger.pdf").pages
    assert reports.summary(root / "summary.pdf")[0].rows == 3
    assert Roster(town).export(root / "ledger.xlsx").count == 3
    assert isinstance(childcare_json(town, "visits", "due"), list)
    listed = childcare_json(town, "children", "list")
    assert len(listed) == 3
    for child in listed:
        reports.child_file(child["uuid"], root / "child.pdf")
        assert (
            childcare_json(town, "children", "show", "--child", child["uuid"])["uuid"]
            == child["uuid"]
        )
