"""The recovery code is kept in the safe of the station's own office: a town's page and printed
sheet name the town government's, where every station's named the village committee's."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWizard

from childcare_desktop.core.reports.recovery_pdf import render_recovery_code
from childcare_desktop.ui.dialogs.setup_wizard import SetupWizard
from tests.conftest import PASSPHRASE
from tests.core.reports import poppler
from tests.ui.conftest import type_text

CODE = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"


def test_the_printed_sheet_names_the_station_s_office(tmp_path):
    offices = {
        "441481103": "乡镇人民政府（街道办事处）",
        "441481": "县（市、区）民政局",
        "441481103201": "村（居）委会",
    }
    for code, office in offices.items():
        out = tmp_path / f"{code}.pdf"
        render_recovery_code(out, "大坪镇", code, CODE, date(2026, 12, 7))
        text = "".join(poppler.text(out).split())
        assert f"锁进{office}的保险柜" in text


def test_a_town_s_recovery_page_names_the_town_s_office(qtbot, tasks, tmp_path):
    wizard = SetupWizard(tmp_path / "new" / "store.db", tasks)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.station_page
    page.role.setCurrentIndex(page.role.findData("town"))
    qtbot.keyClicks(page.division, "441481103")
    type_text(qtbot, page.station_name, "大坪镇")
    type_text(qtbot, page.officer, "张督导")
    wizard.next()
    qtbot.keyClicks(wizard.passphrase_page.first, PASSPHRASE)
    qtbot.keyClicks(wizard.passphrase_page.second, PASSPHRASE)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=60_000)
    note = wizard.recovery_page.note.text()
    assert "放进乡镇人民政府（街道办事处）的保险柜" in note and "村（居）委会" not in note
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    tasks.wait()
    wizard.store.close()
