"""Who on a list is which registered child: ID number, name and birth date, else a fuzzy match."""

from .match import Match, match_people
from .people import Person, children_as_people

__all__ = ["Match", "Person", "children_as_people", "match_people"]
