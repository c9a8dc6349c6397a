"""A county set up on a shared server from the wizard, and a colleague's save shown in the open
window: the link file left on this PC opens the server's store; an address holding a password,
or not a server's, is refused beside the field; a server that does not answer is said on the
passphrase page; the main window asks the server for the newest audit entry and shows what
another officer saved, keeping the search typed and the child selected."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QWizard

from childcare_desktop import words
from childcare_desktop.core.domain import idnumber
from childcare_desktop.core.domain.child import Child
from childcare_desktop.core.paths import store_path as store_path_of
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.station import init_station, station_info
from childcare_desktop.core.storage.server import ServerStore, link_url, make_server_engine
from childcare_desktop.core.storage.store import Store
from childcare_desktop.ui.dialogs.setup_wizard import SetupWizard
from childcare_desktop.ui.server_watch import WATCH_EVERY_MS, ServerWatch
from childcare_desktop.ui.views.main_window import MainWindow
from tests.conftest import PASSPHRASE, VILLAGE

from .conftest import type_recovery_groups, type_text
from .test_english_window import chinese_made_by_the_program, english  # noqa: F401

COUNTY = VILLAGE[:6]


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def choose(qtbot, radio) -> None:
    """A click on the round button itself (the widget is wider than its words)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def fill_station(qtbot, wizard, address: str) -> None:
    """A county's station, kept on the shared server at `address`."""
    page = wizard.station_page
    page.role.setCurrentIndex(page.role.findData("county"))
    qtbot.keyClicks(page.division, COUNTY)
    type_text(qtbot, page.station_name, "兴宁市")
    type_text(qtbot, page.officer, "李主任")
    choose(qtbot, page.shared)
    qtbot.keyClicks(page.server, address)


def create(qtbot, wizard) -> None:
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage() is wizard.passphrase_page
    qtbot.keyClicks(wizard.passphrase_page.first, PASSPHRASE)
    qtbot.keyClicks(wizard.passphrase_page.second, PASSPHRASE)
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))


def test_a_county_is_set_up_on_the_shared_server(qtbot, make_app, data_dir, pg_url):
    controller = make_app()
    wizard = controller.wizard
    page = wizard.station_page
    assert page.local.isChecked() and not page.server.isVisibleTo(page)
    fill_station(qtbot, wizard, pg_url)
    assert page.server.isVisibleTo(page) and page.server_note.isVisibleTo(page)
    assert not page.grid.errors["server"].isVisibleTo(page)
    create(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=20_000)
    link = store_path_of(data_dir)
    assert link_url(link) == pg_url  # the address is kept on this PC, in the link file
    assert isinstance(wizard.store, ServerStore)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    type_recovery_groups(qtbot, wizard, wizard.setup.recovery_code)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: controller.window is not None)
    assert controller.window.server_watch is not None
    again = Store.open(link, PASSPHRASE)
    try:
        assert isinstance(again, ServerStore) and again.url == pg_url
        info = station_info(again)
        assert (info.role, info.code, info.name) == ("county", COUNTY, "兴宁市")
    finally:
        again.close()


def test_an_address_holding_a_password_is_refused_beside_the_field(qtbot, make_app, data_dir):
    controller = make_app()
    wizard = controller.wizard
    page = wizard.station_page
    error = page.grid.errors["server"]
    fill_station(qtbot, wizard, "postgresql://officer:secret@county.example/care")
    assert error.isVisible()  # as typed, before 下一步
    assert error.text() == words.message("server_password_in_url", "zh")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage() is page
    assert error.text() == words.message("server_password_in_url", "zh")
    page.server.clear()
    qtbot.keyClicks(page.server, "mysql://officer@county.example/care")
    assert error.text() == words.message("server_url_bad", "zh", url=page.server.text())
    page.server.clear()
    qtbot.keyClicks(page.server, "postgresql://officer@county.example:/care")  # a port to come
    assert error.text() == words.message("server_url_bad", "zh", url=page.server.text())
    page.server.clear()
    qtbot.keyClicks(page.server, "postgresql://officer@county.example/care")
    assert not error.isVisible()
    choose(qtbot, page.local)  # this PC after all: the address is neither shown nor checked
    assert not page.server.isVisibleTo(page)
    page.server.setText("postgresql://officer:secret@county.example/care")
    assert wizard.station_page.server_address() is None
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage() is wizard.passphrase_page
    assert not store_path_of(data_dir).exists()


def test_a_server_that_does_not_answer_is_said_on_the_passphrase_page(qtbot, make_app, data_dir):
    controller = make_app()
    wizard = controller.wizard
    fill_station(qtbot, wizard, "postgresql://officer@127.0.0.1:1/care")
    create(qtbot, wizard)
    status = wizard.passphrase_page.status
    qtbot.waitUntil(lambda: not wizard.busy and bool(status.text()), timeout=20_000)
    assert status.text().startswith("连不上服务器 postgresql://officer@127.0.0.1:1/care：")
    assert wizard.currentPage() is wizard.passphrase_page
    assert wizard.setup is None
    assert not store_path_of(data_dir).exists()


def test_the_server_s_page_shows_no_chinese_of_the_program_s_making_in_english(
    qtbot,
    tasks,
    store_path,
    english,  # noqa: F811
):
    wizard = SetupWizard(store_path, tasks)
    qtbot.addWidget(wizard)
    wizard.show()
    fill_station(qtbot, wizard, "postgresql://officer:secret@county.example/care")
    assert wizard.station_page.grid.errors["server"].text().startswith("a server address")
    assert wizard.station_page.server_note.text().startswith("Put the database's password")
    assert chinese_made_by_the_program(wizard) == []


def girl(name: str, serial: int) -> Child:
    born = date(2014, 3, 9)
    number = idnumber.make(COUNTY, born, serial, "female")
    return Child(name=name, sex="female", birth_date=born, village_code=VILLAGE, id_number=number)


def test_what_a_colleague_saved_shows_in_the_open_window(qtbot, tasks, store_path, pg_url):
    store, _ = init_station(
        store_path, PASSPHRASE, "village", VILLAGE, "新陂村", "李主任", server=pg_url
    )
    colleague = Store.open(store_path, PASSPHRASE)  # another officer's program, same store
    try:
        children = Children(store)
        children.save(girl("王芳", 7))
        children.save(girl("王小明", 8))
        window = MainWindow(children, station_info(store), tasks)
        qtbot.addWidget(window)
        watch = window.server_watch
        assert watch.timer.isActive() and watch.timer.interval() == WATCH_EVERY_MS == 15_000
        window.show()
        window.tabs.setCurrentWidget(window.view)
        view = window.view
        type_text(qtbot, view.search, "王")
        qtbot.waitUntil(lambda: view.model.rowCount() == 2 and view.model.query.text == "王")
        at = next(r for r in range(2) if view.model.row_record(r).name == "王小明")
        view.table.selectRow(at)
        qtbot.waitUntil(lambda: watch.seen is not None)

        Children(colleague).save(girl("王丽", 9))
        Children(colleague).save(girl("李四", 10))
        tasks.wait()
        qtbot.wait(50)
        assert view.model.rowCount() == 2  # nothing is read until the watch looks

        watch.timer.timeout.emit()
        qtbot.waitUntil(lambda: view.model.rowCount() == 3)
        names = {view.model.row_record(r).name for r in range(3)}
        assert names == {"王芳", "王小明", "王丽"}  # 李四 is not what the search asks for
        assert view.search.text() == "王"
        assert view.current_row().name == "王小明"

        Children(colleague).save(girl("王五", 11))
        QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))  # back to the front
        qtbot.waitUntil(lambda: view.model.rowCount() == 4)
        assert view.current_row().name == "王小明"
        tasks.wait()
    finally:
        tasks.wait()
        colleague.close()
        store.close()


def test_a_store_on_this_pc_is_not_watched(qtbot, tasks, store_path):
    store, _ = init_station(store_path, PASSPHRASE, "village", VILLAGE, "新陂村", "李主任")
    try:
        window = MainWindow(Children(store), station_info(store), tasks)
        qtbot.addWidget(window)
        assert window.server_watch is None
        tasks.wait()
    finally:
        tasks.wait()
        store.close()


def test_a_server_that_stops_answering_is_said_in_the_status_bar(qtbot, tasks, tmp_path):
    """The server gone (here: nothing listens at its port): the window says that what shows may
    be old, and says nothing more that is all."""
    gone = "postgresql://officer@127.0.0.1:1/care"
    store = ServerStore(tmp_path / "store.db", make_server_engine(gone), gone, bytes(32))
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    watch = ServerWatch(window, store, tasks)
    qtbot.waitUntil(lambda: "连不上服务器" in window.statusBar().currentMessage(), timeout=20_000)
    assert watch.seen is None
    assert QApplication.activeModalWidget() is None
    tasks.wait()
    store.close()
