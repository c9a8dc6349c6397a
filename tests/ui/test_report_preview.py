"""Preview a child's file, see its pages, save it and print it, as an officer would; the
preview puts no plaintext PDF on disk, even when the program is killed while it is open."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from childcare_desktop.core.services.children import ChildQuery, Children
from childcare_desktop.core.services.demo import fill_demo
from childcare_desktop.core.services.reports import Reports
from childcare_desktop.ui.dialogs import report_preview
from childcare_desktop.ui.dialogs.report_preview import ReportPreview, make_and_preview
from childcare_desktop.ui.tasks import Tasks
from tests.core.reports import poppler


@pytest.fixture
def child_uuid(store) -> str:
    fill_demo(store, 5, seed=9)
    return Children(store).find(ChildQuery())[0]


def test_preview_a_childs_file_and_save_it(qtbot, store, child_uuid, tmp_path, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    tasks = Tasks(parent)
    name = Children(store).get(child_uuid).name
    make_and_preview(
        parent, tasks, "一人一档", lambda pdf: Reports(store).child_file(child_uuid, pdf)
    )
    qtbot.waitUntil(lambda: _preview(parent) is not None, timeout=20000)
    preview = _preview(parent)
    assert preview.page_count() >= 1
    qtbot.waitUntil(lambda: 0 in preview.drawn_pages())
    assert preview.count.text() == f"共 {preview.page_count()} 页"

    target = tmp_path / "saved" / "张三的档案"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    saved = target.with_suffix(".pdf")
    assert saved.exists()
    assert name in poppler.flat_text(saved)
    fonts = poppler.fonts(saved)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts

    preview.close()
    tasks.wait()


def test_print_draws_every_page(qtbot, store, child_uuid, tmp_path):
    pdf = tmp_path / "child.pdf"
    Reports(store).child_file(child_uuid, pdf)
    preview = ReportPreview(pdf.read_bytes(), "一人一档")
    qtbot.addWidget(preview)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    preview.print_to(printer)
    assert len(poppler.pages(printed)) == preview.page_count()


def test_a_refused_report_is_said_in_words(qtbot, store, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    tasks = Tasks(parent)
    said = []
    monkeypatch.setattr(
        report_preview.QMessageBox, "warning", lambda _p, _t, text: said.append(text)
    )
    make_and_preview(parent, tasks, "走访台账", lambda pdf: Reports(store).ledger("2024-13", pdf))
    qtbot.waitUntil(lambda: bool(said))
    assert "YYYY-MM" in said[0]
    tasks.wait()


def test_a_preview_writes_no_pdf_to_the_temporary_or_data_folder(
    qtbot, store, child_uuid, tmp_path, data_dir, monkeypatch
):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # asked again, from TMPDIR
    parent = QWidget()
    qtbot.addWidget(parent)
    tasks = Tasks(parent)
    make_and_preview(
        parent, tasks, "一人一档", lambda out: Reports(store).child_file(child_uuid, out)
    )
    qtbot.waitUntil(lambda: _preview(parent) is not None, timeout=20000)
    preview = _preview(parent)
    qtbot.waitUntil(lambda: 0 in preview.drawn_pages())
    assert _pdfs(temp) == [] and _pdfs(data_dir) == []
    assert preview.pdf.startswith(b"%PDF-")
    preview.close()
    tasks.wait()


def test_a_killed_preview_leaves_no_plaintext(tmp_path):
    temp, data = tmp_path / "tmp", tmp_path / "program"
    with _preview_process("wait", temp, data) as child:
        assert _shown(child), (tmp_path / "stderr").read_text()
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL
    assert (data / "store.db").exists()
    assert _pdfs(temp) == [] and _pdfs(data) == []


def test_a_closed_preview_releases_its_document(tmp_path):
    """PDFium says at exit which documents were left open: a closed preview, shown or not (a
    dialog closed before it was shown never passes through done()), leaves none."""
    with _preview_process("close", tmp_path / "tmp", tmp_path / "program") as child:
        assert _shown(child), (tmp_path / "stderr").read_text()
        assert child.wait() == 0
    said = (tmp_path / "stderr").read_text()
    assert "still open" not in said and "PdfDocument" not in said, said


@contextmanager
def _preview_process(mode: str, temp: Path, data: Path) -> Iterator[subprocess.Popen]:
    """A real program process showing a child's file in the preview (tests/ui/preview_child);
    ended when the test is done with it, whatever happened."""
    temp.mkdir()
    data.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "CHILDCARE_HOME": str(data)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    with (temp.parent / "stderr").open("wb") as stderr:
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.preview_child", mode, str(data)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=env,
            cwd=Path(__file__).resolve().parents[2],
        )
        try:
            yield child
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            child.stdout.close()


def _shown(child: subprocess.Popen) -> bool:
    """Whether the process said its preview is on screen (one stuck or crashed says nothing)."""
    ready, _, _ = select.select([child.stdout], [], [], 120)
    return bool(ready) and child.stdout.readline().strip() == b"shown"


def _pdfs(folder: Path) -> list[Path]:
    """Every file under `folder` that holds a PDF (its header anywhere in it)."""
    return [p for p in folder.rglob("*") if p.is_file() and b"%PDF-" in p.read_bytes()]


def _preview(parent: QWidget) -> ReportPreview | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreview)]
    found += parent.findChildren(ReportPreview)
    return found[0] if found else None
