"""Bringing a store's schema up to date with Alembic, after a backup of the file."""

from __future__ import annotations

from importlib.resources import as_file, files

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import ResolutionError
from alembic.util import CommandError
from sqlalchemy import Connection, Engine


def _config(script_location: str) -> Config:
    config = Config()
    config.set_main_option("script_location", script_location)
    return config


def pending(engine: Engine) -> bool:
    """True when the store is behind the program's newest schema (or empty)."""
    with as_file(files("childcare_desktop.migrations")) as location:
        head = ScriptDirectory.from_config(_config(str(location))).get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    return current != head


def is_newer_than_program(engine: Engine) -> bool:
    """A store written by a newer version: never touched by an older program."""
    with as_file(files("childcare_desktop.migrations")) as location:
        script = ScriptDirectory.from_config(_config(str(location)))
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
        if current is None:
            return False
        try:
            return script.get_revision(current) is None
        except (ResolutionError, CommandError):
            return True


def upgrade(engine: Engine) -> None:
    with as_file(files("childcare_desktop.migrations")) as location, engine.begin() as conn:
        _run(conn, str(location))


def _run(conn: Connection, location: str) -> None:
    config = _config(location)
    config.attributes["connection"] = conn
    command.upgrade(config, "head")
