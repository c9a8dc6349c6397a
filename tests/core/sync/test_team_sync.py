"""The team travels up: an officer registered at a village, replaced there and trained, is held
at its town and at the county, shown there by name with the village's name."""

from __future__ import annotations

from datetime import date

from childcare_desktop.core.services.team import Team

from .stations import COUNTY, TOWN, VILLAGE, enrolled
from .test_authority import send


def test_a_village_s_director_shows_at_the_town_and_the_county(tmp_path):
    county = enrolled(tmp_path, "county", COUNTY, "兴宁市")
    town = enrolled(tmp_path, "town", TOWN, "宁新镇", county)
    village = enrolled(tmp_path, "village", VILLAGE, "新陂村", town)
    try:
        team = Team(village)
        old = team.add(VILLAGE, "director", "王主任", date(2024, 3, 1), phone="13800138000")
        new = team.replace_director(VILLAGE, "赵主任", date(2025, 9, 1))
        team.train(new.uuid, "儿童主任示范培训", date(2025, 10, 8), date(2025, 10, 10), 16)
        assert send(village, town, tmp_path / "v1.ccsync").status == "applied"
        assert send(town, county, tmp_path / "t1.ccsync").status == "applied"

        for above in (town, county):
            held = {o.name: o for o in Team(above).officers()}
            assert held["王主任"].uuid == old.uuid
            assert held["王主任"].left_on == date(2025, 9, 1)
            assert held["王主任"].phone == "13800138000"
            assert (held["赵主任"].division_name, held["赵主任"].training_hours) == ("新陂村", 16)
            (row,) = Team(above).month("2025-10")
            assert (row.division_code, row.division_name, row.officer_name) == (
                VILLAGE,
                "新陂村",
                "赵主任",
            )
    finally:
        village.close()
        town.close()
        county.close()
