"""Every level names what it shows (issue 17, point 6): the county knows each village by the
name its certificate gives it, as the town does."""

from __future__ import annotations

from pathlib import Path

from childcare_desktop.core.services import sync
from childcare_desktop.core.services.children import ChildQuery, Children

from .stations import COUNTY, TOWN, VILLAGE, enrolled


def test_the_county_lists_the_towns_villages_by_name(tmp_path):
    county = enrolled(tmp_path, "county", COUNTY, "兴宁市")
    town = enrolled(tmp_path, "town", TOWN, "宁新镇", parent=county)
    village = enrolled(tmp_path, "village", VILLAGE, "上村", parent=town, children=3)
    try:
        sync.import_files(town, [Path(sync.export(village, tmp_path / "v.ccsync").file)])
        up = Path(sync.export(town, tmp_path / "t.ccsync").file)
        (applied,) = sync.import_files(county, [up])
        assert applied.status == "applied", applied
        shown = Children(county)
        rows = shown.rows(shown.find(ChildQuery()))
        assert len(rows) == 3
        assert {r.village for r in rows} == {"上村"}  # not 441481103201
    finally:
        for store in (village, town, county):
            store.close()
