"""排查's forms on the officers' screens: the mark form's message (请选择“无”或发现的类别) wraps
inside the dialog, where it was cut off on the right with scroll bars; the household register's
选择…… never takes Enter from the form's 保存."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QScrollArea

from childcare_desktop.core.services.screening import Screening
from childcare_desktop.core.services.station import init_station
from childcare_desktop.ui.dialogs.screening_forms import MarkForm, ScreeningRoundForm
from tests.conftest import PASSPHRASE
from tests.core.lists.department_lists import write_xlsx
from tests.core.services import screening_town as town_
from tests.ui.conftest import type_text
from tests.ui.test_dialogs_fit import _listed, opened, screen  # noqa: F401 (fixtures)


def test_the_mark_form_s_message_wraps_inside_the_dialog(qtbot, opened, screen):  # noqa: F811
    form = MarkForm(Screening(opened.store), opened.tasks, "r", _listed(), opened.parent)
    form.show()
    qtbot.waitExposed(form)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    error = form.grid.errors["found"]
    assert error.text() == "请选择“无”或发现的类别"
    QApplication.processEvents()
    (area,) = form.findChildren(QScrollArea)
    assert not area.horizontalScrollBar().isVisible()
    assert screen.availableGeometry().contains(form.frameGeometry())
    shown = QRect(error.mapTo(area.viewport(), QPoint(0, 0)), error.size())
    assert area.viewport().rect().contains(shown), (shown, area.viewport().rect())
    # Whole: the label is as tall as its words need at its width.
    assert error.height() >= error.heightForWidth(error.width())


def test_enter_in_the_register_s_box_saves_the_round(qtbot, tasks, data_dir, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: asked.append(args) or ("", "")
    )
    store, _ = init_station(
        data_dir / "town.db", PASSPHRASE, "town", town_.TOWN, "石坑镇", "张督导"
    )
    try:
        town_.build(store)
        register = write_xlsx(tmp_path / "户籍名单.xlsx", ["姓名", "出生日期", "所属村"],
                              [["陈小雨", "2016-02-02", "上村"]])  # fmt: skip
        form = ScreeningRoundForm(Screening(store), tasks)
        qtbot.addWidget(form)
        form.show()
        qtbot.waitExposed(form)
        assert not form.choose_button.autoDefault() and not form.choose_button.isDefault()
        type_text(qtbot, form.title, "冬季排查")
        type_text(qtbot, form.deadline, (date.today() + timedelta(days=30)).isoformat())
        type_text(qtbot, form.population, str(register))
        with qtbot.waitSignal(form.saved, timeout=10_000):
            qtbot.keyClick(form.population, Qt.Key.Key_Return)
        assert asked == []
        (opened,) = Screening(store).rounds()
        assert opened.title == "冬季排查"
        # Enter on the button itself (reached by Tab) does not open the picker either.
        form.choose_button.setFocus()
        qtbot.keyClick(form.choose_button, Qt.Key.Key_Return)
        assert asked == []
    finally:
        store.close()
