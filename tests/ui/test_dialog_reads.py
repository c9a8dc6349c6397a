"""What a dialog shows on opening is read off the GUI thread: the window keeps answering while a
busy store (an import writing, a county's data) is read."""

from __future__ import annotations

import threading

from childcare_desktop.core.services import safety
from childcare_desktop.ui.dialogs.backups import BackupsDialog
from childcare_desktop.ui.dialogs.policy_dialog import PolicyDialog


def recording_threads(monkeypatch, owner, name: str) -> list[int]:
    """Wraps `owner.name` to note the thread each call runs on."""
    threads: list[int] = []
    real = getattr(owner, name)

    def noted(*args, **kwargs):
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, noted)
    return threads


def test_the_visit_policy_and_the_numbers_to_call_are_read_off_the_gui_thread(
    qtbot, work, tasks, monkeypatch
):
    policy_threads = recording_threads(monkeypatch, work.visits, "policy")
    contact_threads = recording_threads(monkeypatch, work.concerns, "contacts")
    dialog = PolicyDialog(work, tasks)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # nothing to save before the policy is shown
    qtbot.waitUntil(dialog.save_button.isEnabled)
    gui = threading.get_ident()
    assert policy_threads and gui not in policy_threads + contact_threads
    assert dialog.days["intensive"].value() == work.visits.policy().intensive
    assert [c.target for c, _name, _number in dialog.contacts] == [
        c.target for c in work.concerns.contacts()
    ]


def test_the_backups_are_listed_off_the_gui_thread(qtbot, store, tasks, monkeypatch):
    safety.backup(store, "manual")
    threads = recording_threads(monkeypatch, safety, "list_backups")
    dialog = BackupsDialog(store.path, store, tasks)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert threads and threading.get_ident() not in threads
    assert dialog.restore_button.isEnabled()
