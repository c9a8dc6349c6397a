"""Enter in a small form saves it, also when the form holds a button of its own: 发起排查's
选择…… (the household register) took Enter, since the form had no default button when it was
shown and Qt made the first button after the focus its default."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from childcare_desktop.core.services.screening import Screening
from childcare_desktop.core.services.station import init_station
from childcare_desktop.ui.dialogs import screening_forms
from childcare_desktop.ui.dialogs.screening_forms import ScreeningRoundForm
from tests.conftest import PASSPHRASE, VILLAGE
from tests.ui.conftest import type_text


def test_enter_in_the_last_field_saves_a_form_with_a_button_of_its_own(
    qtbot, tasks, data_dir, monkeypatch
):
    asked = []
    monkeypatch.setattr(
        screening_forms.QFileDialog,
        "getOpenFileName",
        lambda *args, **kwargs: asked.append(args) or ("", ""),
    )
    town = VILLAGE[:9]
    store, _ = init_station(data_dir / "town.db", PASSPHRASE, "town", town, "石坑镇", "陈建华")
    try:
        form = ScreeningRoundForm(Screening(store), tasks)
        qtbot.addWidget(form)
        form.show()
        qtbot.waitExposed(form)
        type_text(qtbot, form.title, "冬季排查")
        type_text(qtbot, form.deadline, (date.today() + timedelta(days=30)).isoformat())
        type_text(qtbot, form.note, "本镇未满18周岁儿童")
        assert form.save_button.isDefault()
        with qtbot.waitSignal(form.saved, timeout=5000):
            qtbot.keyClick(form.note, Qt.Key.Key_Return)
        assert asked == []
        assert [r.title for r in Screening(store).rounds()] == ["冬季排查"]
    finally:
        store.close()
