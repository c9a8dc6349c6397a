"""Type-ahead on a server finds what is typed through a trigram index

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07

The list of children matches what is typed anywhere in a child's search text (name, pinyin,
initials). SQLite reads that from the list's covering index; a PostgreSQL server read every
child's row for each keystroke (35 ms of a county's 100,000). A GIN index of the text's
trigrams (the pg_trgm extension, which a database's owner may create) finds three characters
or more without reading the rest. Where the extension cannot be created (an older server, a
role without the right to create in the database), the store is made without the index and the
list reads every row, as before; the log says so. A SQLite store is left as it is.
"""

import logging

from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

log = logging.getLogger("childcare_desktop")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    try:
        with bind.begin_nested():  # a refusal undoes this step alone
            op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            op.execute(
                "CREATE INDEX IF NOT EXISTS ix_child_search ON child "
                "USING gin (search_text gin_trgm_ops)"
            )
    except DBAPIError as refused:
        log.warning(
            "no trigram index for the list's search (it reads every row instead): %s",
            " ".join(str(refused.orig).split()),
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_child_search")
