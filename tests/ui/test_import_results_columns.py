"""The import window's results are read whole: the file's name and the station it came from
were cut to "4…" once the rows were added below the others, since a table's columns sized to
their contents are sized again when the list is reset, not when rows are added to it."""

from __future__ import annotations

from childcare_desktop.ui.dialogs.sync_import import ImportDialog
from tests.core.sync.stations import TOWN, station


def test_each_column_of_the_results_holds_its_longest_cell(qtbot, tmp_path, tasks):
    (tmp_path / "town").mkdir()
    town = station(tmp_path / "town", "town", TOWN, "宁新镇")
    try:
        importer = ImportDialog(town, tasks)
        qtbot.addWidget(importer)
        importer.show()
        qtbot.waitExposed(importer)
        gone = tmp_path / "拔掉的U盘" / "441481103201-to-441481103-000001.ccsync"
        importer.add_files([gone])
        qtbot.waitUntil(lambda: importer.results.rowCount() == 1)
        table, header = importer.table, importer.table.horizontalHeader()
        last = importer.results.columnCount() - 1
        qtbot.waitUntil(
            lambda: all(header.sectionSize(c) >= table.sizeHintForColumn(c) for c in range(last)),
            timeout=2000,
        )
        assert header.sectionSize(0) >= table.fontMetrics().horizontalAdvance(gone.name)
        assert header.length() >= table.viewport().width()  # 说明 takes the rest, and wraps
    finally:
        tasks.wait()
        town.close()
