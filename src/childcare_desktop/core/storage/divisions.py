"""The names of the divisions (villages, towns, counties) a station knows, by their code."""

from __future__ import annotations

from sqlalchemy import Connection, select

from . import tables as t


def names(conn: Connection) -> dict[str, str]:
    return dict(conn.execute(select(t.division.c.code, t.division.c.name)).all())
