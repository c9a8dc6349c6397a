"""Every window fits the screens officers have and every window closes: each dialog and the main
window opened on a 1366×768 laptop, on a 1920×1080 screen at 150% (1280×720 to the program) and
on the laptop in the program's largest font; then closed by Esc, by its button and by the title
bar's cross (`close()`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QPushButton,
    QScrollArea,
    QWidget,
    QWizard,
)

from childcare_desktop.core.domain.child import Assistance, Child, FamilyMember
from childcare_desktop.core.domain.reportable import Reportable
from childcare_desktop.core.reports.dashboard_figures import FigureList
from childcare_desktop.core.services import safety
from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.concerns import ToConfirm
from childcare_desktop.core.services.crosscheck import Crosscheck
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.core.services.review import ReviewItem
from childcare_desktop.core.services.roster import Roster
from childcare_desktop.core.services.screening import Screening, Subject
from childcare_desktop.core.services.station import station_info
from childcare_desktop.core.services.team import Team
from childcare_desktop.ui import i18n
from childcare_desktop.ui.dialogs.audit_view import AuditViewDialog
from childcare_desktop.ui.dialogs.backups import BackupsDialog, RestoreConfirm
from childcare_desktop.ui.dialogs.child_care import AssistanceDialog
from childcare_desktop.ui.dialogs.child_family import MemberDialog
from childcare_desktop.ui.dialogs.child_form import ChildForm
from childcare_desktop.ui.dialogs.close_file import CloseFileDialog
from childcare_desktop.ui.dialogs.concern_form import ConcernForm
from childcare_desktop.ui.dialogs.conflicts import ConflictsDialog
from childcare_desktop.ui.dialogs.crash import CrashDialog
from childcare_desktop.ui.dialogs.department_list import DepartmentListDialog
from childcare_desktop.ui.dialogs.duplicate_merge import DuplicateMergeDialog
from childcare_desktop.ui.dialogs.evidence import EvidenceDialog
from childcare_desktop.ui.dialogs.figure_list import FigureListDialog
from childcare_desktop.ui.dialogs.list_check import ListCheckDialog
from childcare_desktop.ui.dialogs.passphrase import PassphraseDialog
from childcare_desktop.ui.dialogs.policy_dialog import PolicyDialog
from childcare_desktop.ui.dialogs.recovery import RecoveryDialog
from childcare_desktop.ui.dialogs.referral_form import ReferralForm, ReferralStatusDialog
from childcare_desktop.ui.dialogs.report_preview import ReportPreview
from childcare_desktop.ui.dialogs.return_reason import ReturnDialog
from childcare_desktop.ui.dialogs.roster_import import RosterImportDialog
from childcare_desktop.ui.dialogs.round_form import RoundForm
from childcare_desktop.ui.dialogs.screening_forms import MarkForm, ScreeningRoundForm
from childcare_desktop.ui.dialogs.settings import SettingsDialog
from childcare_desktop.ui.dialogs.setup_wizard import SetupWizard
from childcare_desktop.ui.dialogs.summary_date import SummaryDateDialog
from childcare_desktop.ui.dialogs.sync_enroll import EnrollDialog
from childcare_desktop.ui.dialogs.sync_export import ExportDialog
from childcare_desktop.ui.dialogs.sync_import import ImportDialog
from childcare_desktop.ui.dialogs.team_forms import OfficerForm, TrainingForm
from childcare_desktop.ui.dialogs.to_confirm import SetAsideDialog
from childcare_desktop.ui.dialogs.unlock import UnlockDialog
from childcare_desktop.ui.dialogs.visit_form import VisitForm
from childcare_desktop.ui.dialogs.visit_photos import PhotoViewer
from childcare_desktop.ui.dialogs.wish_form import WishForm, WishStepDialog
from childcare_desktop.ui.ui_settings import FONT_SIZES, UiSettings
from childcare_desktop.ui.views.main_window import MainWindow
from childcare_desktop.ui.views.review_view import RecategoriseDialog
from childcare_desktop.ui.widgets import ScrolledBody, fit_to_screen
from tests.conftest import PASSPHRASE
from tests.core.services.care_support import add_child
from tests.core.sync.stations import TOWN, station
from tests.ui.conftest import VILLAGE, type_text

# The screen's name in tests/ui/screens.json and the font size in points.
SCREENS = {
    "1366x768": ("laptop", UiSettings().font_size),
    "1920x1080 at 150%": ("scaled", UiSettings().font_size),
    "1366x768 largest font": ("laptop", max(FONT_SIZES)),
}
# The words a person looks for to leave a window.
CLOSING = {"关闭", "取消", "退出"}


@dataclass
class Opened:
    """What a dialog needs to be opened as the program opens it."""

    store: object
    work: object
    tasks: object
    parent: QWidget
    folder: Path

    def child(self):
        return add_child(self.work.children)


def _main(dialog) -> QPushButton:
    """The button of the dialog's main action: its default one."""
    found = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
    assert len(found) == 1, [b.text() for b in found]
    return found[0]


def _preview(o: Opened) -> ReportPreview:
    pdf = o.folder / "child.pdf"
    Reports(o.store).child_file(o.child().uuid, pdf)
    return ReportPreview(pdf.read_bytes(), "一人一档", o.parent)


def _restore(o: Opened) -> RestoreConfirm:
    made = safety.backup(o.store)
    info = safety.BackupInfo(made, datetime.now(), "manual", made.stat().st_size)
    return RestoreConfirm(o.store.path, info, o.tasks, o.parent)


def _enroll(o: Opened) -> EnrollDialog:
    """At a town: the upward and downward boxes both show, the tallest form of the program."""
    (o.folder / "town").mkdir()
    town = station(o.folder / "town", "town", TOWN, "宁新镇")
    dialog = EnrollDialog(town, o.tasks, o.parent)
    dialog.finished.connect(lambda _code: (o.tasks.wait(), town.close()))
    return dialog


def _merge_duplicates(o: Opened) -> DuplicateMergeDialog:
    """Two files side by side, one with a family of four."""

    def family(relations):
        return tuple(FamilyMember(r, "王秀英") for r in relations)

    four = ("father", "mother", "grandmother", "grandfather")
    first = add_child(o.work.children, ("poor_family",), members=family(four))
    second = add_child(o.work.children, ("poor_family",), serial=7, members=family(four[:2]))
    return DuplicateMergeDialog(o.store, o.tasks, first.uuid, second.uuid, o.parent)


def _officer(o: Opened):
    return Team(o.store).add(VILLAGE, "director", "李主任", datetime.now().date())


def _figure_list(o: Opened) -> FigureListDialog:
    """The overdue children behind a figure of the dashboard."""
    title = f"新陂村 · 2026-11 · {i18n.label('dashboard_figure', 'overdue')}"
    which = FigureList("overdue", "", "2026-11")
    return FigureListDialog(o.store, o.tasks, which, title, parent=o.parent)


def _listed() -> Subject:
    return Subject("person", "p", "张小明", "male", None, VILLAGE, "新陂村")


def _wizard_next(wizard: QWizard) -> QPushButton:
    return wizard.button(QWizard.WizardButton.NextButton)


# A situation the facts of a file raised, for the officer to set aside.
RAISED = ToConfirm(
    "c", "张小明", datetime(2012, 5, 1).date(), Reportable("alone", "nobody_at_home")
)


# name → (open it, the button of its main action: None where it has none beside closing)
DIALOGS: dict[str, tuple[Callable[[Opened], QDialog], Callable[[QDialog], QPushButton] | None]] = {
    "new child": (
        lambda o: ChildForm(
            o.work.children, Child("", "", None, VILLAGE), True, True, o.parent,
            tasks=o.tasks, work=o.work, visitor="李主任",
        ),
        lambda d: d.save_button,
    ),
    "child's file": (
        lambda o: ChildForm(
            o.work.children, o.child(), True, False, o.parent,
            tasks=o.tasks, work=o.work, visitor="李主任",
        ),
        lambda d: d.save_button,
    ),
    "family member": (
        lambda o: MemberDialog(FamilyMember("grandmother", "王秀英"), lambda m: [], o.parent),
        _main,
    ),
    "assistance": (lambda o: AssistanceDialog(Assistance("dibao"), o.parent), _main),
    "close file": (lambda o: CloseFileDialog("张小明", o.parent), _main),
    "summary date": (lambda o: SummaryDateDialog(datetime.now().date(), o.parent), _main),
    "visit": (
        lambda o: VisitForm(o.work.visits, o.tasks, "c", "张小明", "李主任", parent=o.parent),
        lambda d: d.save_button,
    ),
    "photos": (lambda o: PhotoViewer(o.work.visits, o.tasks, [], parent=o.parent), None),
    "concern": (
        lambda o: ConcernForm(o.work.concerns, o.tasks, "c", "张小明", o.parent),
        lambda d: d.save_button,
    ),
    "not to report": (
        lambda o: SetAsideDialog(o.work.concerns, o.tasks, RAISED, o.parent),
        lambda d: d.save_button,
    ),
    "wish": (
        lambda o: WishForm(o.work.care, o.tasks, [("c", "张小明")], o.parent),
        lambda d: d.save_button,
    ),
    "wish step": (
        lambda o: WishStepDialog(
            o.work.care, o.tasks, o.work.care.add_wish(o.child().uuid, "一个新书包"), o.parent
        ),
        lambda d: d.save_button,
    ),
    "referral": (
        lambda o: ReferralForm(o.work.care, o.tasks, [("c", "张小明")], o.parent),
        lambda d: d.save_button,
    ),
    "referral status": (
        lambda o: ReferralStatusDialog(
            o.work.care, o.tasks, o.work.care.add_referral(o.child().uuid, "school"), o.parent
        ),
        lambda d: d.save_button,
    ),
    "visit round": (lambda o: RoundForm(o.work.rounds, o.tasks, o.parent), lambda d: d.save_button),
    "recategorise": (
        lambda o: RecategoriseDialog(
            ReviewItem("c", "张小明", "aged_out", ("orphan",), None), ["orphan"], o.parent
        ),
        _main,
    ),
    "visit policy": (lambda o: PolicyDialog(o.work, o.tasks, o.parent), lambda d: d.save_button),
    "print preview": (_preview, lambda d: d.print_button),
    "ledger import": (
        lambda o: RosterImportDialog(Roster(o.store), o.tasks, o.parent),
        lambda d: d.import_button,
    ),
    "department list check": (
        lambda o: ListCheckDialog(Crosscheck(o.store), o.tasks, o.parent),
        lambda d: d.check_button,
    ),
    "enroll at a town": (_enroll, lambda d: d.open_request_button),
    "export": (lambda o: ExportDialog(o.store, o.tasks, o.parent), lambda d: d.export_button),
    "import batches": (lambda o: ImportDialog(o.store, o.tasks, o.parent), None),
    "conflicts": (lambda o: ConflictsDialog(o.store, o.tasks, o.parent), None),
    "evidence": (lambda o: EvidenceDialog(o.store, o.tasks, "s", True, o.parent), None),
    "merge duplicates": (_merge_duplicates, lambda d: d.merge_button),
    "audit": (lambda o: AuditViewDialog(o.store, o.tasks, o.parent), lambda d: d.export_button),
    "backups": (
        lambda o: BackupsDialog(o.store.path, o.store, o.tasks, parent=o.parent),
        lambda d: d.backup_button,
    ),
    "restore": (_restore, lambda d: d.restore_button),
    "passphrase": (
        lambda o: PassphraseDialog(o.store.path, o.tasks, o.parent),
        lambda d: d.change_button,
    ),
    "settings": (lambda o: SettingsDialog(UiSettings(), o.parent), _main),
    "unlock": (lambda o: UnlockDialog(o.store.path, o.tasks, o.parent), lambda d: d.open_button),
    "recovery": (
        lambda o: RecoveryDialog(o.store.path, o.tasks, o.parent), lambda d: d.reset_button
    ),
    "set-up": (
        lambda o: SetupWizard(o.folder / "new" / "store.db", o.tasks, o.parent), _wizard_next
    ),
    "crash": (lambda o: CrashDialog(o.folder / "childcare.log", o.parent), _main),
    "officer": (
        lambda o: OfficerForm(Team(o.store), o.tasks, [(VILLAGE, "新陂村")], False, o.parent),
        lambda d: d.save_button,
    ),
    "replace director": (
        lambda o: OfficerForm(Team(o.store), o.tasks, [(VILLAGE, "新陂村")], True, o.parent),
        lambda d: d.save_button,
    ),
    "training": (lambda o: TrainingForm(Team(o.store), o.tasks, _officer(o), o.parent),
                 lambda d: d.save_button),
    "figure list": (lambda o: _figure_list(o), None),
    "return a submission": (lambda o: ReturnDialog("张小明", o.parent),
                            lambda d: d.return_button),
    "lists for departments": (lambda o: DepartmentListDialog(o.store, o.tasks, o.parent),
                              lambda d: d.excel_button),
    "open a screening round": (lambda o: ScreeningRoundForm(Screening(o.store), o.tasks, o.parent),
                               lambda d: d.save_button),
    "mark screened": (lambda o: MarkForm(Screening(o.store), o.tasks, "r", _listed(), o.parent),
                      lambda d: d.save_button),
}  # fmt: skip


@pytest.fixture(params=SCREENS)
def screen(request, qapp):
    """The screen the windows open on, in the font the officer chose; the font is put back."""
    name, points = SCREENS[request.param]
    found = next(s for s in QGuiApplication.screens() if s.name() == name)
    before = QFont(qapp.font())
    i18n.apply_font(qapp, i18n.register_cjk_font(), points)
    yield found
    qapp.setFont(before)


@pytest.fixture
def opened(qtbot, store, work, tasks, tmp_path, screen) -> Opened:
    """The main window's stand-in on the screen: dialogs open over it, as from the program."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.setGeometry(screen.availableGeometry())
    parent.show()
    qtbot.waitExposed(parent)
    return Opened(store, work, tasks, parent, tmp_path)


def open_dialog(qtbot, name: str, opened: Opened) -> QDialog:
    make, _main_button = DIALOGS[name]
    dialog = make(opened)  # the parent, in qtbot's keeping, takes it down
    dialog.show()
    qtbot.waitExposed(dialog)
    opened.tasks.wait()  # what it reads on opening is on screen
    QApplication.processEvents()
    return dialog


def closing_button(dialog: QWidget) -> QPushButton:
    found = [b for b in dialog.findChildren(QPushButton) if b.text() in CLOSING]
    found = [b for b in found if b.isVisibleTo(dialog)]
    assert len(found) == 1, [b.text() for b in found]
    return found[0]


def assert_in_sight(window: QWidget, screen, buttons) -> None:
    """The window's frame lies on the screen's free area and each button shows whole: inside
    the window and not cut off by a scroll area or a box around it."""
    assert screen.availableGeometry().contains(window.frameGeometry()), (
        window.frameGeometry(),
        screen.availableGeometry(),
    )
    for button in buttons:
        assert button.isVisible(), button.text()
        place = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        assert window.rect().contains(place), (button.text(), place, window.rect())
        assert button.visibleRegion().boundingRect() == button.rect(), button.text()


@pytest.mark.parametrize("name", DIALOGS)
def test_each_dialog_fits_the_screen_with_its_buttons_in_sight(qtbot, opened, screen, name):
    dialog = open_dialog(qtbot, name, opened)
    main = DIALOGS[name][1]
    buttons = [closing_button(dialog)] + ([main(dialog)] if main else [])
    assert_in_sight(dialog, screen, buttons)
    if name == "enroll at a town":
        assert dialog.down.isVisible()  # the town's own box is laid out, not only the upward one


@pytest.mark.parametrize("name", DIALOGS)
def test_each_dialog_shows_its_fields_whole_where_the_screen_has_room(qtbot, opened, screen, name):
    """A form's fields scroll only when the screen is too small for them: on a screen with room
    its scroll area is as tall as what it holds (forms opened with their fields squeezed into
    68 pixels, the concern form's 具体情况 out of sight, while their buttons showed)."""
    dialog = open_dialog(qtbot, name, opened)
    room = screen.availableGeometry().height() - dialog.frameGeometry().height()
    for area in dialog.findChildren(QScrollArea):
        held = area.widget()
        if held is None or not area.isVisible() or room < 40 or type(area) is not ScrolledBody:
            continue
        assert held.height() <= area.viewport().height(), (held.height(), area.viewport())


def _escape(qtbot, dialog: QDialog) -> None:
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)


def _click(qtbot, dialog: QDialog) -> None:
    qtbot.mouseClick(closing_button(dialog), Qt.MouseButton.LeftButton)


def _cross(qtbot, dialog: QDialog) -> None:
    dialog.close()


@pytest.mark.parametrize("way", [_escape, _click, _cross], ids=["Esc", "button", "close()"])
@pytest.mark.parametrize("name", DIALOGS)
def test_each_dialog_closes_by_esc_its_button_and_its_cross(
    qtbot, store, work, tasks, tmp_path, name, way
):
    parent = QWidget()
    qtbot.addWidget(parent)
    opened = Opened(store, work, tasks, parent, tmp_path)
    dialog = open_dialog(qtbot, name, opened)
    with qtbot.waitSignal(dialog.finished) as finished:
        way(qtbot, dialog)
    assert finished.args == [QDialog.DialogCode.Rejected.value]
    assert not dialog.isVisible()


def test_the_set_up_wizard_fits_on_the_recovery_code_s_pages(qtbot, opened, screen):
    """Once the store is made, the code and the two groups asked back, with 下一步 and 完成 in
    sight (the wizard is not left there: it holds the only copy of the code)."""
    wizard = SetupWizard(opened.folder / "new" / "store.db", opened.tasks, opened.parent)
    wizard.show()
    qtbot.waitExposed(wizard)
    qtbot.keyClicks(wizard.station_page.division, VILLAGE)
    type_text(qtbot, wizard.station_page.station_name, "新陂村")
    type_text(qtbot, wizard.station_page.officer, "李主任")
    wizard.next()
    qtbot.keyClicks(wizard.passphrase_page.first, PASSPHRASE)
    qtbot.keyClicks(wizard.passphrase_page.second, PASSPHRASE)
    wizard.next()
    name = screen.name()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=60_000)
    # Looked up again after the wait: the offscreen platform may have replaced its screen
    # objects while events were processed (seen after a test that built the whole program).
    screen = next(s for s in QGuiApplication.screens() if s.name() == name)
    try:
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        assert_in_sight(wizard, screen, [wizard.recovery_page.print_button, next_button])
        wizard.next()
        confirm = wizard.confirm_page
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        assert_in_sight(wizard, screen, [confirm.first, confirm.second, finish])
    finally:
        opened.tasks.wait()
        wizard.store.close()


def test_the_main_window_fits_the_screen(qtbot, store, tasks, screen):
    window = MainWindow(Children(store), station_info(store), tasks)
    qtbot.addWidget(window)
    if screen.name() != QGuiApplication.primaryScreen().name():
        # The program opens on the primary screen; on a 1920×1080 screen at 150% that screen
        # is this one, sized as the window sizes itself on opening.
        window.setScreen(screen)
        window.move(screen.availableGeometry().topLeft())
        fit_to_screen(window, MainWindow.OPENING_SIZE)
    window.show()
    qtbot.waitExposed(window)
    assert_in_sight(window, screen, [window.tabs.tabBar(), window.statusBar()])
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())


@pytest.mark.parametrize("role", ["empty village", "town"])
def test_the_first_view_a_newcomer_sees_has_its_buttons_in_sight(
    qtbot, store, tasks, tmp_path, screen, role
):
    """An empty workbench's start buttons; a town's dashboard of its villages."""
    opened_on = store
    if role == "town":
        (tmp_path / "town").mkdir()
        opened_on = station(tmp_path / "town", "town", TOWN, "宁新镇")
    window = MainWindow(Children(opened_on), station_info(opened_on), tasks)
    qtbot.addWidget(window)
    window.setScreen(screen)
    window.move(screen.availableGeometry().topLeft())
    fit_to_screen(window, MainWindow.OPENING_SIZE)
    window.show()
    qtbot.waitExposed(window)
    if role == "town":
        first = window.dashboard
        qtbot.waitUntil(lambda: first.figures is not None)
        buttons = [first.month, first.table]
    else:
        first = window.start
        qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.start)
        buttons = [first.import_button, first.new_button]
    assert window.tabs.currentWidget() is first
    assert_in_sight(window, screen, buttons)
    window.close()
    tasks.wait()
    if opened_on is not store:
        opened_on.close()
