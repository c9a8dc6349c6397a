"""Tabs that read the store only when seen: a county's agenda or review holds tens of thousands
of rows, and nobody should wait or pay memory for a tab they have not opened."""

from __future__ import annotations


class RefreshWhenSeen:
    """Mixed into a view with a `refresh()`: asked while hidden, it refreshes when next shown."""

    _stale = True

    def refresh_when_seen(self) -> None:
        if self.isVisible():
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()
