"""Prefecture cities without counties (不设区的地级市) set up, enroll and sync like any other.

Codes are the national statistical division codes (统计用区划代码): 东莞 and 中山 number
their towns directly under the city (441900, 442000), 儋州 since it became a prefecture city in
2015 (国函〔2015〕41号) under 460400, 嘉峪关 under 620201.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from childcare_desktop.core.services import sync
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.storage import tables as t

from .stations import enroll, station

CITIES = [
    pytest.param("441900", "441900006", "441900006001", id="东莞-莞城街道"),
    pytest.param("442000", "442000001", "442000001001", id="中山-石岐街道"),
    pytest.param("620201", "620201001", "620201001001", id="嘉峪关-雄关街道"),
    pytest.param("460400", "460400100", "460400100201", id="儋州-那大镇"),
]


def children(store) -> int:
    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(t.child)).scalar()


@pytest.mark.parametrize(("county_code", "town_code", "village_code"), CITIES)
def test_a_village_of_a_city_without_counties_reaches_the_city(
    tmp_path, county_code, town_code, village_code
):
    county = station(tmp_path, "county", county_code, "市民政局")
    town = station(tmp_path, "town", town_code, "街道")
    village = station(tmp_path, "village", village_code, "社区")
    try:
        enroll(county, town, tmp_path)
        enroll(town, village, tmp_path)
        fill_demo(village, 4, seed=5)
        first = sync.export(village, tmp_path / "village1.ccsync")
        assert first.to == town_code
        (result,) = sync.import_files(town, [tmp_path / "village1.ccsync"])
        assert (result.status, result.station) == ("applied", village_code), result
        bundle = sync.export(town, tmp_path / "town1.ccsync")
        assert bundle.to == county_code
        (result,) = sync.import_files(county, [tmp_path / "town1.ccsync"])
        assert result.status == "applied", result
        assert children(town) == children(county) == 4
    finally:
        for store in (village, town, county):
            store.close()
