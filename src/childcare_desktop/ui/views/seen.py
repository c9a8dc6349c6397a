"""Tabs that read the store only when seen: a county's agenda or review holds tens of thousands
of rows, and nobody should wait or pay memory for a tab they have not opened."""

from __future__ import annotations

from ..tasks import Changes, Tasks


class RefreshWhenSeen:
    """Mixed into a view with a `refresh()`: asked while hidden, it refreshes when next shown."""

    _stale = True
    _shows: tuple[str, ...] = ()

    def refresh_after(self, tasks: Tasks, *kinds: str) -> None:
        """Ask again (when seen) after every write that changed records of one of `kinds`."""
        self._shows = kinds
        tasks.changed.connect(self._written)

    def _written(self, changes: Changes) -> None:
        if changes.touch(*self._shows):
            self.refresh_when_seen()

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
