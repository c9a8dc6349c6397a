"""The services of the visits and care work, opened together on one store for the GUI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..storage.store import Store
from .approval import Approval
from .care import Care
from .children import Children
from .concerns import Concerns
from .review import Review
from .rounds import Rounds
from .visits import Visits


@dataclass(frozen=True)
class CareWork:
    children: Children
    visits: Visits
    concerns: Concerns
    care: Care
    rounds: Rounds
    review: Review
    approval: Approval

    @classmethod
    def open(cls, store: Store, today: Callable[[], date] = date.today) -> CareWork:
        return cls(
            Children(store, today),
            Visits(store, today),
            Concerns(store, today),
            Care(store, today),
            Rounds(store, today),
            Review(store, today),
            Approval(store, today),
        )
