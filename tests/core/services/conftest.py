"""The care-work services on the test store, on a clock the test moves."""

from __future__ import annotations

import pytest

from childcare_desktop.core.services.children import Children
from childcare_desktop.core.services.visits import Visits
from tests.core.services.care_support import Clock


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def children(store, clock):
    return Children(store, clock)


@pytest.fixture
def visits(store, clock):
    return Visits(store, clock)
