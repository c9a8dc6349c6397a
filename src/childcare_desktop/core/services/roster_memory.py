"""The column choices an officer made at an import, kept in the station's settings so that the
next ledger with the same headers (the corrected error workbook among them) reads the same way.
Each vocabulary (the ledger's, a department list's) keeps its own, in the setting it names.

A ledger's headers are its header texts in order, the two columns an error workbook adds left
out, and how many rows the header takes. Only choices that differ from what the reader finds by
itself are kept: a better reader in a later version is not held back by choices nobody made.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

from ..roster.layout import Vocabulary
from ..roster.mapping import Mapping
from ..storage import settings

_KEPT = 50  # ledgers' headers remembered; the one used longest ago is forgotten first

_Headers = tuple[int, tuple[str, ...]]


def recall(conn: Connection, readings: Iterable[Mapping]) -> Mapping | None:
    """The first of `readings` whose headers were imported before, with the fields then chosen."""
    kept: dict[_Headers, list[str]] | None = None
    for reading in readings:
        kept = _kept(conn, reading.vocabulary) if kept is None else kept
        fields = kept.get(_headers(reading))
        if fields is not None:
            return reading.with_fields(fields)
    return None


def keep(conn: Connection, mapping: Mapping, found: Mapping) -> None:
    """Remember `mapping` for its headers, unless it is `found`, what the reader found alone."""
    kept = _kept(conn, mapping.vocabulary)
    headers = _headers(mapping)
    before = kept.pop(headers, None)
    if _choices(mapping) != _choices(found):
        kept[headers] = [c.field for c in mapping.ledger_columns]  # now the latest used
    elif before is None:
        return  # nothing chosen, nothing to forget
    entries = [
        {"header_rows": rows, "headers": list(texts), "fields": fields}
        for (rows, texts), fields in list(kept.items())[-_KEPT:]
    ]
    settings.put(conn, mapping.vocabulary.remembered_as, entries)


def _kept(conn: Connection, vocabulary: Vocabulary) -> dict[_Headers, list[str]]:
    """The remembered choices, the one used longest ago first."""
    kept: dict[_Headers, list[str]] = {}
    for entry in settings.get(conn, vocabulary.remembered_as, []):
        texts, fields = tuple(entry["headers"]), entry["fields"]
        # A field a later version no longer has would read as nothing: such a choice is dropped.
        if all(f in vocabulary.keys for f in fields):
            kept[(entry["header_rows"], texts)] = fields
    return kept


def _headers(mapping: Mapping) -> _Headers:
    return len(mapping.header_rows), tuple(c.header for c in mapping.ledger_columns)


def _choices(mapping: Mapping) -> tuple:
    return mapping.header_rows, tuple((c.index, c.field) for c in mapping.columns)
