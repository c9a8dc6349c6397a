"""The summary from the 报表 menu asks for its cut-off date (today unless changed), and the
preview counts as of the date typed: saved, the PDF says that date and its figures."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from childcare_desktop.core.services.reports import Reports
from childcare_desktop.ui.dialogs.report_preview import ReportPreview
from childcare_desktop.ui.dialogs.summary_date import SummaryDateDialog
from tests.conftest import VILLAGE
from tests.core.reports import as_of_village, poppler
from tests.core.reports.as_of_village import AS_OF, TODAY
from tests.core.reports.test_summary import _printed_line

from .conftest import unlock_with


def shown(kind):
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_the_summary_counts_as_of_the_date_typed(qtbot, make_app, store, tmp_path, monkeypatch):
    """The orphan who turned 18 since the cut-off date is in the summary as of that date."""
    as_of_village.build(store, VILLAGE)
    then = Reports(store).figures(AS_OF).table("category.orphan")
    now = Reports(store).figures(TODAY).table("category.orphan")
    assert then.total.total == 1 and now.total.total == 0
    store.close()
    controller = make_app()
    unlock_with(qtbot, controller)
    qtbot.waitUntil(lambda: controller.window is not None)
    window = controller.window

    window.report_actions.summary_action.trigger()
    qtbot.waitUntil(lambda: len(shown(SummaryDateDialog)) == 1)
    dialog = shown(SummaryDateDialog)[0]
    assert dialog.as_of.date() == QDate(TODAY.year, TODAY.month, TODAY.day)  # today by default
    dialog.as_of.setFocus()
    dialog.as_of.setSelectedSection(dialog.as_of.Section.YearSection)
    qtbot.keyClicks(dialog.as_of, AS_OF.strftime("%Y%m%d"))
    assert dialog.chosen() == AS_OF
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown(ReportPreview)) == 1, timeout=30000)
    preview = shown(ReportPreview)[0]

    target = tmp_path / "汇总表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    flat = poppler.flat_text(target)
    assert f"截止日期：{AS_OF.isoformat()}" in flat
    orphans = flat.split(then.title)[1]
    assert all(_printed_line(then, line) in orphans for line in (*then.villages, then.total))
    preview.close()
