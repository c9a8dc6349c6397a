"""Which village a listed person is screened in (domain/screening_place.py): the list's, the
village station's own, the one village an address names, the officer's choice; never a guess
between two villages."""

from __future__ import annotations

from childcare_desktop.core.domain.screening_place import Place, place, village_named_in

TOWN, OTHER_TOWN = "441481103", "441481104"
UP, BIG_UP, DOWN = f"{TOWN}201", f"{TOWN}202", f"{TOWN}203"
NAMES = {TOWN: "石坑镇", OTHER_TOWN: "罗岗镇", UP: "上村", BIG_UP: "大上村", DOWN: "下村",
         f"{OTHER_TOWN}201": "上村"}  # fmt: skip


def test_an_address_names_one_village_or_none_is_taken():
    assert village_named_in("石坑镇上村三组12号", TOWN, NAMES) == UP
    assert village_named_in("大上村五组", TOWN, NAMES) == BIG_UP  # not 上村, inside it
    assert village_named_in("上村、下村之间", TOWN, NAMES) == ""
    assert village_named_in("城区人民路8号", TOWN, NAMES) == ""
    # At the county, two villages named 上村: the town's name tells them apart, or nothing.
    county = TOWN[:6]
    assert village_named_in("上村三组", county, NAMES) == ""
    assert village_named_in("罗岗镇上村三组", county, NAMES) == f"{OTHER_TOWN}201"


def test_the_list_then_the_station_then_the_address_then_the_choice():
    assert place(DOWN, TOWN, TOWN, "上村", NAMES) == Place(DOWN, "list", "下村")
    assert place("", UP, UP, "下村", NAMES) == Place(UP, "station", "上村")
    assert place("", TOWN, TOWN, "下村二组", NAMES, chosen=UP) == Place(DOWN, "address", "下村")
    assert place("", TOWN, TOWN, "", NAMES, chosen=UP) == Place(UP, "chosen", "上村")
    assert place("", TOWN, TOWN, "", NAMES) is None
