"""The model checks every GUI test can ask for: `check_model(model)` before the model is filled."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtTest import QAbstractItemModelTester


class ModelChecks:
    """pytest-qt's model checks on each model given, from before it is filled to the end of the
    test, through every reset, insert and removal: pytest-qt's own tester, whose broken promises
    pytest-qt reports as exceptions caught in the event loop, and Qt's, whose complaints
    pytest-qt reports as "Qt modeltester errors"; either fails the test."""

    def __init__(self, config, qtlog) -> None:
        self._config = config
        self._qtlog = qtlog
        self._testers: list = []

    def __call__(self, model):
        # pytest-qt's tester module can be read only once pytest-qt has chosen the Qt binding.
        from pytestqt.modeltest import ModelTester

        tester = ModelTester(self._config)
        tester.check(model, force_py=True)
        self._testers.append(tester)
        # Owned by the model: it checks for as long as the model lives.
        mode = QAbstractItemModelTester.FailureReportingMode.Warning
        QAbstractItemModelTester(model, mode, model)
        return model

    def take_qt_complaints(self) -> list[str]:
        """What Qt's tester said so far, taken out of the test's record: a test that breaks a
        model on purpose looks at them instead of failing by them."""
        records = self._qtlog._records  # pytest-qt fails a test by the records it keeps
        said = [r for r in records if r.context and r.context.category == "qt.modeltest"]
        records[:] = [r for r in records if r not in said]
        return [r.message for r in said]

    def close(self) -> None:
        for tester in self._testers:
            if tester._model is not None and shiboken6.isValid(tester._model):
                tester._cleanup()  # a model deleted with its window has nothing to let go


@pytest.fixture
def check_model(request, qtlog):
    """`check_model(model)` watches `model` with both testers until the test ends."""
    checks = ModelChecks(request.config, qtlog)
    yield checks
    checks.close()
