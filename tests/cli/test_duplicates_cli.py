"""`childcare sync duplicates|merge|unmerge` at a town: how each group was found and its score
in the JSON, a merge and its undoing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE

TOWN, VILLAGE, VILLAGE_2 = "441481103", "441481103201", "441481103202"
BORN = date(2016, 5, 6)


def test_duplicates_say_how_and_score_and_are_merged_and_unmerged(childcare, data_dir: Path):
    db = str(data_dir / "town.db")
    made = ("--role", "town", "--division", TOWN, "--name", "宁新镇", "--officer", "主任")
    assert childcare("init", "--db", db, *made).code == 0
    store = Store.open(Path(db), PASSPHRASE)
    try:
        service = Children(store)
        number = idnumber.make(TOWN[:6], BORN, 4, "female")
        kept = service.save(Child("黄晓红", "female", BORN, VILLAGE, id_number=number))
        other = service.save(Child("黄小红", "female", BORN, VILLAGE_2, no_id_reason="unknown"))
    finally:
        store.close()

    (group,) = childcare("sync", "duplicates", "--db", db, "--json").json()["groups"]
    assert (group["how"], group["id_number"], group["merged"]) == ("fuzzy", None, False)
    assert 0.7 <= group["score"] < 0.97
    assert {f["uuid"] for f in group["files"]} == {kept.uuid, other.uuid}
    said = childcare("sync", "duplicates", "--db", db)
    assert "相似" in said.out and "黄小红" in said.out

    merged = childcare("sync", "merge", "--db", db, other.uuid, "--into", kept.uuid, "--json")
    assert merged.code == 0, merged.err
    assert childcare("sync", "duplicates", "--db", db, "--json").json() == {"groups": []}
    (shown,) = childcare("sync", "duplicates", "--db", db, "--merged", "--json").json()["groups"]
    assert shown["merged"] and shown["how"] == "fuzzy"
    links = {f["uuid"]: f["duplicate_of"] for f in shown["files"]}
    assert links == {kept.uuid: None, other.uuid: kept.uuid}

    assert childcare("sync", "unmerge", "--db", db, other.uuid).code == 0
    assert len(childcare("sync", "duplicates", "--db", db, "--json").json()["groups"]) == 1
    refused = childcare("sync", "merge", "--db", db, kept.uuid, "--into", kept.uuid)
    assert refused.code == 1 and "自己" in refused.err
