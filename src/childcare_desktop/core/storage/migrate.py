"""Bringing a store's schema up to date with Alembic, after a backup of the file.

Alembic is imported only when a store needs migrating: the check at every start reads the
version table directly, which keeps the program's start quick.
"""

from __future__ import annotations

from importlib.resources import as_file, files

from sqlalchemy import Engine, inspect, text

# The newest revision in migrations/versions (a test keeps the two in step).
SCHEMA_HEAD = "0027"


def current_revision(engine: Engine) -> str | None:
    if not inspect(engine).has_table("alembic_version"):
        return None
    with engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def pending(engine: Engine) -> bool:
    """True when the store is behind the program's newest schema (or empty)."""
    return current_revision(engine) != SCHEMA_HEAD


def is_newer_than_program(engine: Engine) -> bool:
    """A store written by a newer version: never touched by an older program."""
    current = current_revision(engine)
    return current is not None and current not in known_revisions()


def known_revisions() -> set[str]:
    return {
        p.name.split("_", 1)[0]
        for p in files("childcare_desktop.migrations").joinpath("versions").iterdir()
        if p.name[:4].isdigit() and p.name.endswith(".py")
    }


def upgrade(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    with as_file(files("childcare_desktop.migrations")) as location, engine.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(location))
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


def script_head() -> str:
    """The head revision as Alembic sees it (for the test that guards SCHEMA_HEAD)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    with as_file(files("childcare_desktop.migrations")) as location:
        config = Config()
        config.set_main_option("script_location", str(location))
        return ScriptDirectory.from_config(config).get_current_head()
