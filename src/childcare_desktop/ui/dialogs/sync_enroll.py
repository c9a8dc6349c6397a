"""Enrollment in person: this station's fingerprint, the request and certificate files both
ways, the stations enrolled here and revoking a lost laptop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from ...core.services import identity, sync
from .. import i18n
from ..models.sync_models import ReceiversModel, station_text
from ..tasks import SYNC, Changes, Tasks
from ..widgets import ErrorLabel, fit_to_screen, plain_label, scrolled

FINGERPRINT_LETTERS = 24
FILE_FILTER = "*.json"


def fingerprint_display(fingerprint: str) -> str:
    """Six groups in two lines of three, wide apart: read aloud a line at a time."""
    groups = fingerprint.split("-")
    return "\n".join("   ".join(groups[i : i + 3]) for i in range(0, len(groups), 3))


def _typed_whole(text: str) -> bool:
    return sum(ch.isalnum() for ch in text) == FINGERPRINT_LETTERS


class EnrollDialog(QDialog):
    def __init__(self, store, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.me: identity.Identity | None = None
        self.request_path: Path | None = None
        self.revoke_box: QMessageBox | None = None
        self._last_seq: dict[str, int] = {}
        self.setWindowTitle(self.tr("登记与证书"))
        self.who = plain_label()
        self.fingerprint = plain_label("…")
        big = QFont(self.font())
        big.setFamilies(["DejaVu Sans Mono", "Consolas", "monospace"])
        big.setPointSize(max(self.font().pointSize(), 10) * 2)
        big.setBold(True)
        self.fingerprint.setFont(big)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = ErrorLabel()
        self.up = self._upward_box()
        self.down = self._downward_box()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        body = QVBoxLayout()
        body.addWidget(self.who)
        body.addWidget(plain_label(self.tr("本站指纹（当面念给对方核对）：")))
        body.addWidget(self.fingerprint)
        body.addWidget(self.up)
        body.addWidget(self.down)
        body.addWidget(self.error)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(body))
        layout.addWidget(buttons)
        self.up.hide()
        self.down.hide()
        # The boxes show once the station is known: at a town both, the tallest of the forms.
        fit_to_screen(self, QSize(760, 760))
        self.tasks.write(lambda: identity.identity(store), self._show_identity, self.error)

    def _upward_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("向上级登记"))
        self.request_button = QPushButton(self.tr("写登记申请……"))
        self.request_done = plain_label()
        self.request_done.setWordWrap(True)
        self.parent_fingerprint = QLineEdit()
        self.parent_fingerprint.setPlaceholderText(self.tr("上级电脑屏幕上的指纹"))
        self.install_button = QPushButton(self.tr("安装证书……"))
        self.install_button.setEnabled(False)
        self.install_done = plain_label()
        self.install_done.setWordWrap(True)
        self.request_button.clicked.connect(self.write_request)
        self.parent_fingerprint.textChanged.connect(
            lambda text: self.install_button.setEnabled(_typed_whole(text))
        )
        self.install_button.clicked.connect(self.install_certificate)
        grid = QGridLayout(box)
        grid.addWidget(plain_label(self.tr("1. 写出登记申请，带给上级：")), 0, 0)
        grid.addWidget(self.request_button, 0, 1)
        grid.addWidget(self.request_done, 1, 0, 1, 2)
        grid.addWidget(plain_label(self.tr("2. 输入上级念出的指纹，再安装证书：")), 2, 0, 1, 2)
        grid.addWidget(self.parent_fingerprint, 3, 0)
        grid.addWidget(self.install_button, 3, 1)
        grid.addWidget(self.install_done, 4, 0, 1, 2)
        return box

    def _downward_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("为下级登记"))
        self.open_request_button = QPushButton(self.tr("打开登记申请……"))
        self.request_info = plain_label()
        self.request_info.setWordWrap(True)
        self.child_fingerprint = QLineEdit()
        self.child_fingerprint.setPlaceholderText(self.tr("对方念出的指纹，如 ABCD EFGH ……"))
        self.child_fingerprint_error = ErrorLabel()
        self.issue_button = QPushButton(self.tr("发证书……"))
        self.issue_button.setEnabled(False)
        self.child_fingerprint.textChanged.connect(self._fingerprint_typed)
        self.issue_done = plain_label()
        self.issue_done.setWordWrap(True)
        self.open_request_button.clicked.connect(self.open_request)
        self.issue_button.clicked.connect(self.issue_certificate)
        self.enrolled = ReceiversModel(self)
        self.table = QTableView()
        self.table.setModel(self.enrolled)
        self.table.selectionModel().currentRowChanged.connect(self._station_chosen)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(120)
        self.after_seq = QSpinBox()
        self.after_seq.setRange(0, 1_000_000)
        self.after_seq.setPrefix(self.tr("第 "))
        self.after_seq.setSuffix(self.tr(" 批以后作废"))
        self.revoke_button = QPushButton(self.tr("注销所选站点……"))
        self.revoke_button.clicked.connect(self.ask_revoke)
        revoke_row = QHBoxLayout()
        revoke_row.addWidget(plain_label(self.tr("电脑丢失时：")))
        revoke_row.addWidget(self.after_seq)
        revoke_row.addWidget(self.revoke_button)
        revoke_row.addStretch()
        grid = QGridLayout(box)
        grid.addWidget(plain_label(self.tr("1. 打开对方带来的登记申请：")), 0, 0)
        grid.addWidget(self.open_request_button, 0, 1)
        grid.addWidget(self.request_info, 1, 0, 1, 2)
        grid.addWidget(plain_label(self.tr("2. 请对方念出屏幕上的指纹，输入到这里：")), 2, 0, 1, 2)
        grid.addWidget(self.child_fingerprint, 3, 0)
        grid.addWidget(self.issue_button, 3, 1)
        grid.addWidget(self.child_fingerprint_error, 4, 0, 1, 2)
        grid.addWidget(self.issue_done, 5, 0, 1, 2)
        grid.addWidget(plain_label(self.tr("已登记的下级站点：")), 6, 0, 1, 2)
        grid.addWidget(self.table, 7, 0, 1, 2)
        grid.addLayout(revoke_row, 8, 0, 1, 2)
        return box

    def _show_identity(self, me: identity.Identity) -> None:
        self.me = me
        role = i18n.label("role", me.role)
        self.who.setText(self.tr("本站：%1，%2").replace("%1", station_text(me.station, me.name))
                         .replace("%2", role))  # fmt: skip
        self.fingerprint.setText(fingerprint_display(me.fingerprint))
        self.up.setVisible(me.role != "county")
        self.down.setVisible(me.role != "village")
        self.refresh_enrolled()

    def refresh_enrolled(self) -> None:
        self.tasks.read(lambda: sync.status(self.store), self._show_enrolled, self.error)

    def _show_enrolled(self, state: sync.SyncStatus) -> None:
        own = self.me.station if self.me else ""
        # Only stations directly below can be enrolled here, and their codes extend ours.
        below = [s for s in state.sent if s.to.startswith(own) and s.to != own]
        self._last_seq = {s.station: s.last_seq for s in state.stations}
        self.enrolled.set_sent(below, own)
        self.revoke_button.setEnabled(bool(below))
        if below:
            self.table.setCurrentIndex(self.enrolled.index(0, 0))

    def _station_chosen(self, current, _previous=None) -> None:
        chosen = self.enrolled.row_record(current.row())
        if chosen is not None:
            self.after_seq.setValue(self._last_seq.get(chosen.to, 0))

    def write_request(self) -> None:
        code = self.me.station if self.me else ""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存登记申请"), f"request-{code}.json", FILE_FILTER
        )
        if not path:
            return
        self.error.clear_text()
        self.tasks.write(
            lambda: identity.write_request(self.store, Path(path)),
            lambda me: self.request_done.setText(
                self.tr("已写到 %1。带着它和这台电脑去上级，当面核对指纹。").replace("%1", path)
            ),
            self.error,
        )

    def install_certificate(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开证书"), "", FILE_FILTER)
        if not path:
            return
        typed = self.parent_fingerprint.text()
        self.error.clear_text()
        self.tasks.write(
            lambda: identity.install(self.store, Path(path), typed),
            self._installed,
            self.error,
            changes=Changes.of(SYNC),
        )

    def _installed(self, done: identity.Installed) -> None:
        text = self.tr("已安装 %1 发的证书（%2 号，有效至 %3）。")
        text = text.replace("%1", station_text(done.issuer, done.issuer_name))
        self.install_done.setText(
            text.replace("%2", str(done.serial)).replace("%3", done.not_after)
        )

    def open_request(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("打开登记申请"), "", FILE_FILTER)
        if not path:
            return
        self.error.clear_text()
        self.tasks.read(
            lambda: identity.read_request_file(Path(path)),
            lambda request: self._show_request(Path(path), request),
            self.error,
        )

    def _show_request(self, path: Path, request) -> None:
        # The file's fingerprint is not shown: a supervisor who saw it could hear what they
        # expect. The village reads its screen aloud, the supervisor types it, the program
        # compares.
        party = request.party
        self.request_path = path
        text = self.tr("申请登记：%1，%2，负责人 %3")
        text = text.replace("%1", station_text(party.station, party.name))
        self.request_info.setText(
            text.replace("%2", i18n.label("role", party.role)).replace("%3", party.officer)
        )
        self.child_fingerprint.clear()
        self.child_fingerprint.setFocus()

    def _fingerprint_typed(self, text: str) -> None:
        self.child_fingerprint_error.clear_text()
        self.issue_button.setEnabled(self.request_path is not None and _typed_whole(text))

    def issue_certificate(self) -> None:
        """The typed fingerprint is compared first, so that a mismatch is said before the
        supervisor is asked where to save a certificate that will not be made."""
        request, typed = self.request_path, self.child_fingerprint.text()
        if request is None:
            return
        self.error.clear_text()
        self.child_fingerprint_error.clear_text()
        self.tasks.read(
            lambda: identity.check_read_aloud(request, typed),
            lambda _request: self._issue(request, typed),
            self.child_fingerprint_error,
        )

    def _issue(self, request: Path, typed: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存证书"), str(request.with_name("certificate.json")), FILE_FILTER
        )
        if not path:
            return
        self.tasks.write(
            lambda: identity.enroll(self.store, request, typed, Path(path)),
            self._issued,
            self.error,
            changes=Changes.of(SYNC),
        )

    def _issued(self, done: identity.Enrolled) -> None:
        text = self.tr("已为 %1 发证书（%2 号，有效至 %3）：%4\n请把证书交给对方安装。")
        text = text.replace("%1", station_text(done.station, done.name))
        text = text.replace("%2", str(done.serial)).replace("%3", done.not_after)
        self.issue_done.setText(text.replace("%4", done.file))
        self.issue_button.setEnabled(False)
        self.request_path = None
        self.refresh_enrolled()

    def ask_revoke(self) -> None:
        chosen = self.enrolled.row_record(self.table.currentIndex().row())
        if chosen is None:
            return
        after = self.after_seq.value()
        text = self.tr("注销 %1？第 %2 批以后由这台电脑签名的文件都将被隔离，不会导入。")
        text = text.replace("%1", station_text(chosen.to, chosen.name)).replace("%2", str(after))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("注销站点"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)  # fmt: skip
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("注销"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.clicked.connect(lambda: self._revoke(chosen.to, after))
        self.revoke_box = box
        box.open()

    def _revoke(self, station: str, after: int) -> None:
        self.tasks.write(
            lambda: identity.revoke(self.store, station, after),
            lambda _count: self._revoked(station, after),
            self.error,
            changes=Changes.of(SYNC),
        )

    def _revoked(self, station: str, after: int) -> None:
        text = self.tr("已注销 %1：第 %2 批以后的文件将被隔离。")
        self.issue_done.setText(text.replace("%1", station).replace("%2", str(after)))
