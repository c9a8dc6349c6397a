"""The recovery code's page, read back as a printer and a reader see it: one A4 page with the
station, the date and the whole code, its six groups under their numbers, the font embedded."""

from __future__ import annotations

import re
from datetime import date

from childcare_desktop.core.domain.station_setup import groups_to_confirm, recovery_group_matches
from childcare_desktop.core.services.station import SetupResult, StationInfo, print_recovery_code
from childcare_desktop.core.storage.keyfile import new_recovery_code

from . import poppler

STATION = StationInfo("441481103201", "village", "兴宁市石坑镇新陂村民委员会", "李主任")


def test_the_page_holds_the_station_the_date_and_the_code_in_numbered_groups(tmp_path):
    code = new_recovery_code()
    pdf = tmp_path / "恢复码.pdf"
    pages = print_recovery_code(SetupResult(STATION, code), pdf, date(2026, 12, 6))
    assert pages == 1
    read = poppler.text(pdf)
    assert code in read
    assert STATION.name in read and STATION.code in read and "2026-12-06" in read
    assert "保险柜" in read and "safe" in read
    # Each group stands alone in its box, under its number, as the wizard asks for it.
    flat = poppler.flat_text(pdf)
    groups = code.split("-")
    assert re.search(
        "第1组group1第2组group2第3组group3" + "".join(groups[:3])
        + "第4组group4第5组group5第6组group6" + "".join(groups[3:]),
        flat,
    )  # fmt: skip
    [page] = poppler.pages(pdf)
    big = [w for w in page.words if w.text in groups]
    assert len(big) == 6 and min(w.y1 - w.y0 for w in big) > 25  # points: legible from paper


def test_the_page_is_drawn_inside_its_margins_in_one_embedded_font(tmp_path):
    pdf = tmp_path / "code.pdf"
    print_recovery_code(SetupResult(STATION, new_recovery_code()), pdf, date(2026, 12, 6))
    assert [f["emb"] for f in poppler.fonts(pdf)] == ["yes"]  # no Helvetica, which has no 汉字
    [image] = poppler.render(pdf, tmp_path / "png", dpi=72)
    assert poppler.ink_outside(image, 30) == 0  # 30 pixels at 72 dpi: within the 15 mm margin


def test_two_different_groups_are_asked_and_typed_back_loosely():
    code = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ"
    asked = {groups_to_confirm(code) for _ in range(200)}
    assert all(1 <= a < b <= 6 for a, b in asked)
    assert len(asked) > 5  # chosen at random, not always the same two
    assert recovery_group_matches(code, 3, "JKLM")
    assert recovery_group_matches(code, 3, " jk lm ")
    assert recovery_group_matches(code, 3, "ＪＫＬＭ")  # a Chinese input method's full width
    assert not recovery_group_matches(code, 3, "EFGH")
    assert not recovery_group_matches(code, 3, "JKL")
