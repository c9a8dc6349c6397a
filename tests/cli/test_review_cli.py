"""`childcare review` from a script: the town's list, a return refused without its reason and
made with one, the return seen at the village (`review returned`, `children show`'s review
state), an approval, and the county's rules set at the county only."""

from __future__ import annotations

from childcare_desktop.core.storage.store import Store
from tests.conftest import PASSPHRASE
from tests.core.services.test_approval import Exchange, new_child
from tests.core.sync.stations import COUNTY, TOWN, VILLAGE, enrolled


def test_review_from_the_command_line(childcare, tmp_path):
    county = enrolled(tmp_path, "county", COUNTY, "兴宁市")
    town = enrolled(tmp_path, "town", TOWN, "宁新镇", county)
    village = enrolled(tmp_path, "village", VILLAGE, "新陂村", town)
    move = Exchange(tmp_path)
    first, second = new_child(village), new_child(village, "李小红", 6)
    move(village, town)
    for store in (county, town, village):
        store.close()
    dbs = {code: str(tmp_path / code / f"{code}.db") for code in (COUNTY, TOWN, VILLAGE)}

    listed = childcare("review", "list", "--db", dbs[TOWN], "--json")
    assert listed.code == 0, listed.err
    items = listed.json()["items"]
    assert [(i["child"], i["kind"], i["state"], i["submitted_by"]) for i in items] == [
        (first.uuid, "new_file", "submitted", "新陂村主任"),
        (second.uuid, "new_file", "submitted", "新陂村主任"),
    ]
    assert items[0]["changes"]["name"] == [None, "张小明"]
    assert {"id", "submitted_on"} <= set(items[0])

    no_reason = childcare("review", "return", "--db", dbs[TOWN], items[1]["id"])
    assert no_reason.code == 1 and "退回须写明理由" in no_reason.err
    returned = childcare("review", "return", "--db", dbs[TOWN], items[1]["id"],
                         "--reason", "姓名与户口簿不符")  # fmt: skip
    assert returned.code == 0, returned.err
    approved = childcare("review", "approve", "--db", dbs[TOWN], items[0]["id"], "--json")
    assert approved.code == 0 and approved.json()["verdict"] == "approved"
    assert childcare("review", "list", "--db", dbs[TOWN], "--json").json() == {"items": []}

    village_again = childcare("review", "approve", "--db", dbs[VILLAGE], items[0]["id"])
    assert village_again.code == 1 and "村级站点不审核" in village_again.err
    assert childcare("review", "reserve", "--db", dbs[TOWN], "new_file").code == 1
    reserved = childcare("review", "reserve", "--db", dbs[COUNTY], "category_added:orphan")
    assert reserved.code == 0, reserved.err
    shown = childcare("review", "reserve", "--db", dbs[COUNTY], "--json").json()
    assert shown == {"county_confirms": ["category_added:orphan"]}

    town, village = Store.open(dbs[TOWN], PASSPHRASE), Store.open(dbs[VILLAGE], PASSPHRASE)
    try:
        move(town, village, to=VILLAGE)
    finally:
        town.close()
        village.close()
    back = childcare("review", "returned", "--db", dbs[VILLAGE], "--json").json()["items"]
    assert [(i["child"], i["state"], i["reason"]) for i in back] == [
        (second.uuid, "returned", "姓名与户口簿不符")
    ]
    for child, state, reason in ((second.uuid, "returned", "姓名与户口簿不符"),
                                 (first.uuid, "approved", None)):  # fmt: skip
        file = childcare("children", "show", "--db", dbs[VILLAGE], "--child", child, "--json")
        assert file.json()["review"] == {"state": state, "reason": reason}
    words = childcare("children", "show", "--db", dbs[VILLAGE], "--child", second.uuid)
    assert "被退回 (returned)  姓名与户口簿不符" in words.out
