"""排查 (screening rounds). At a town or county: the rounds, each village's coverage (to screen,
screened, found, late in red), a round opened, the result printed. At a village: the children
and people of a round with 已排查 / 待排查, each marked screened; a listed person found in a
category is registered (the child's form filled from the list)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.services.screening import RoundStatus, Screening, ScreeningRound, Subject
from .. import i18n
from ..dialogs.report_preview import make_and_preview
from ..dialogs.screening_forms import MarkForm, ScreeningRoundForm, population_text
from ..models.care_model import CareModel, RecordRole
from ..tasks import CARE, CHILDREN, SYNC, Changes, Tasks
from ..widgets import plain_label
from .due_table import TitledTable
from .seen import RefreshWhenSeen

LATE = QBrush(QColor("#b00000"))


class CoverageModel(CareModel):
    """Each village's coverage; a late village in red."""

    def brush(self, record, row: int) -> QBrush | None:
        return LATE if record.late else None


class ScreeningView(RefreshWhenSeen, QWidget):
    # A listed person found in a category, to register: (round's uuid, the subject).
    register_requested = Signal(str, object)

    def __init__(self, screening: Screening, role: str, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self.screening = screening
        self.tasks = tasks
        self.above = role != "village"
        self.dialog: QDialog | None = None
        self.rounds: list[ScreeningRound] = []
        self._wanted: str | None = None  # a round just opened, chosen once the list comes
        self.choice = QComboBox()
        self.choice.currentIndexChanged.connect(self._read_status)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.villages = TitledTable(
            self.tr("各村（居）排查进度"),
            CoverageModel(
                [self.tr("村（居）"), self.tr("应排查"), self.tr("已排查"), self.tr("待排查"),
                 self.tr("发现情形"), self.tr("状态")],
                lambda v: [v.village_name or v.village_code, str(v.to_screen), str(v.screened),
                           str(v.to_screen - v.screened), str(v.found), self._state(v)],
                lambda v: "",
                self,
            ),
            stretch=0,
        )  # fmt: skip
        self.subjects = TitledTable(
            self.tr("排查对象"),
            CareModel(
                [self.tr("姓名"), self.tr("村（居）"), self.tr("对象"), self.tr("出生日期"),
                 self.tr("排查"), self.tr("排查日期"), self.tr("发现情形"), self.tr("住址")],
                lambda s: [s.name, s.village_name or s.village_code, self._kind(s),
                           s.birth_date.isoformat() if s.birth_date else "",
                           self.tr("已排查") if s.screened else self.tr("待排查"),
                           s.screened_on.isoformat() if s.screened_on else "", self._found(s),
                           s.address],
                lambda s: s.uuid,  # a child's or a listed person's: either opens on Enter
                self,
            ),
            stretch=7,
        )  # fmt: skip
        self.open_button = QPushButton(self.tr("发起排查(&K)……"))
        self.print_button = QPushButton(self.tr("打印结果(&J)……"))
        self.close_button = QPushButton(self.tr("结束排查(&E)……"))
        self.mark_button = QPushButton(self.tr("登记结果(&M)……"))
        self.register_button = QPushButton(self.tr("为其建档(&G)……"))
        self.open_button.clicked.connect(self.open_round)
        self.print_button.clicked.connect(self.print_result)
        self.close_button.clicked.connect(self.close_round)
        self.mark_button.clicked.connect(self.mark_current)
        self.register_button.clicked.connect(self.register_current)
        self.subjects.activated.connect(lambda _uuid: self.mark_current())
        self.subjects.table.selectionModel().currentChanged.connect(self._update_buttons)
        bar = QHBoxLayout()
        bar.addWidget(plain_label(self.tr("排查轮次")))
        bar.addWidget(self.choice, 1)
        buttons = (
            (self.open_button, self.print_button, self.close_button)
            if self.above
            else (self.mark_button, self.register_button)
        )
        for button in buttons:
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        if self.above:
            layout.addWidget(self.villages, 1)
            self.subjects.hide()
        else:
            layout.addWidget(self.subjects, 1)
            self.villages.hide()
        self._update_buttons()
        self.refresh_after(tasks, CARE, CHILDREN, SYNC)
        self.refresh_when_seen()

    def refresh(self) -> None:
        self.tasks.read(self.screening.rounds, self._show_rounds)

    def current_round(self) -> ScreeningRound | None:
        index = self.choice.currentIndex()
        return self.rounds[index] if 0 <= index < len(self.rounds) else None

    def current_subject(self) -> Subject | None:
        index = self.subjects.table.currentIndex()
        return index.data(RecordRole) if index.isValid() else None

    def open_round(self) -> None:
        form = ScreeningRoundForm(self.screening, self.tasks, self)
        form.saved.connect(self._opened)
        self._open(form)

    def _opened(self, result) -> None:
        opened, loaded = result
        self._choose_later(opened.uuid)
        if loaded is not None:
            QMessageBox.information(self, self.tr("户籍名单"), population_text(loaded))

    def print_result(self) -> None:
        chosen = self.current_round()
        if chosen is None:
            return
        screening, uuid = self.screening, chosen.uuid
        make_and_preview(
            self, self.tasks, self.tr("排查结果"), lambda out: screening.print(uuid, out)
        )

    def close_round(self) -> None:
        """The round ends (audited; the batch takes it down to the villages), once confirmed."""
        chosen = self.current_round()
        if chosen is None or chosen.closed_on is not None:
            return
        asked = self.tr(
            "结束排查“%1”？\n%2\n结束后不能再向这轮排查添加人员；这一结果随同步发往各村（居）。"
        )
        asked = asked.replace("%1", chosen.title).replace("%2", self.summary.text())
        answer = QMessageBox.question(
            self,
            self.tr("结束排查"),
            asked,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        screening, uuid = self.screening, chosen.uuid
        self._choose_later(uuid)
        self.tasks.write(
            lambda: screening.close(uuid),
            lambda _closed: None,
            lambda error: QMessageBox.warning(self, self.tr("结束排查"), i18n.error_text(error)),
            changes=Changes.of(CARE),
        )

    def mark_current(self) -> None:
        chosen, subject = self.current_round(), self.current_subject()
        if chosen is None or subject is None or self.above:
            return
        self._open(MarkForm(self.screening, self.tasks, chosen.uuid, subject, self))

    def register_current(self) -> None:
        chosen, subject = self.current_round(), self.current_subject()
        if chosen is not None and subject is not None and _to_register(subject):
            self.register_requested.emit(chosen.uuid, subject)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def _choose_later(self, uuid: str) -> None:
        self._wanted = uuid

    def _show_rounds(self, rounds: list[ScreeningRound]) -> None:
        current = self.current_round()
        wanted = self._wanted or (current.uuid if current else None)
        self._wanted = None
        self.rounds = rounds
        self.choice.blockSignals(True)
        self.choice.clear()
        for r in rounds:
            closed = self.tr("（已结束）") if r.closed_on else ""
            deadline = self.tr("截止 %1").replace("%1", r.deadline.isoformat())
            self.choice.addItem(f"{r.title}　{deadline}{closed}")
        at = next((i for i, r in enumerate(rounds) if r.uuid == wanted), 0)
        self.choice.setCurrentIndex(at if rounds else -1)
        self.choice.blockSignals(False)
        self._update_buttons()  # a round just closed is closed at once, not once its status comes
        self._read_status()

    def _read_status(self) -> None:
        chosen = self.current_round()
        if chosen is None:
            self.summary.setText(
                self.tr("还没有排查。点“发起排查”开始一轮。")
                if self.above
                else self.tr("还没有收到上级发起的排查。")
            )
            self.villages.model.set_rows([])
            self.subjects.model.set_rows([])
            self._update_buttons()
            return
        screening, uuid = self.screening, chosen.uuid
        self.tasks.read(lambda: screening.status(uuid), self._show_status)

    def _show_status(self, status: RoundStatus) -> None:
        if self.current_round() is None or status.round.uuid != self.current_round().uuid:
            return
        late = "、".join(v.village_name or v.village_code for v in status.late)
        text = (
            self.tr("应排查 %1 人，已排查 %2 人，截止日期 %3。")
            .replace("%1", str(status.to_screen))
            .replace("%2", str(status.screened))
            .replace("%3", status.round.deadline.isoformat())
        )
        if late:
            text += self.tr("逾期未完成：%1。").replace("%1", late)
        self.summary.setText(text)
        self.villages.model.set_rows(status.villages)
        self.villages.set_count(len(status.villages))
        kept = self.current_subject()
        self.subjects.model.set_rows(status.subjects)
        self.subjects.set_count(len(status.subjects))
        rows = [s.uuid for s in status.subjects]
        if kept is not None and kept.uuid in rows:
            self.subjects.table.selectRow(rows.index(kept.uuid))
        else:
            self.subjects.select_first()
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        chosen, subject = self.current_round(), self.current_subject()
        self.print_button.setEnabled(chosen is not None)
        self.close_button.setEnabled(chosen is not None and chosen.closed_on is None)
        self.mark_button.setEnabled(chosen is not None and subject is not None)
        self.register_button.setEnabled(subject is not None and _to_register(subject))

    def _state(self, v) -> str:
        if v.late:
            return self.tr("逾期")
        return self.tr("已完成") if v.screened >= v.to_screen else self.tr("进行中")

    def _kind(self, s: Subject) -> str:
        return self.tr("已建档") if s.kind == "child" else self.tr("名单新增")

    def _found(self, s: Subject) -> str:
        if not s.screened:
            return ""
        return "、".join(i18n.label("category", c) for c in s.found) or self.tr("无")


def _to_register(subject: Subject) -> bool:
    """A listed person (no file yet) found in a category."""
    return subject.kind == "person" and bool(subject.found)
