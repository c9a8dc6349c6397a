"""A read-only table of care records (concerns, wishes, referrals, review items), each row
carrying the uuid of its child and of its record."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .rows_model import RecordRole, RowsModel, UuidRole

__all__ = ["CareModel", "RecordRole", "UuidRole"]


class CareModel(RowsModel):
    def __init__(
        self,
        headers: Sequence[str],
        cells: Callable[[object], list[str]],
        child_of: Callable[[object], str],
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._cells = cells
        self._child_of = child_of

    def headers(self) -> list[str]:
        return self._headers

    def cells(self, record) -> list[str]:
        return self._cells(record)

    def child_of(self, record) -> str:
        return self._child_of(record)
