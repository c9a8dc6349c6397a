"""The partial indexes as partial on a PostgreSQL server too

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06

Migrations 0008, 0009 and 0020 made three partial indexes with SQLite's WHERE only, so on a
server they were made whole: every visit in ix_visit_home and ix_visit_corrected, every family
member in ix_member_parent_home. A county of millions of visits kept indexes many times the size
they need. On a server they are made again with the same WHERE (in PostgreSQL's words for a
boolean); a SQLite store is left as it is.
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

PARTIAL = (
    ("ix_member_parent_home", "member", ["child_uuid"],
     "relation IN ('father', 'mother') AND situation = 'home' AND guardian_capable"),
    ("ix_visit_corrected", "visit", ["child_uuid"], "supersedes IS NOT NULL"),
    ("ix_visit_home", "visit", ["child_uuid", "visit_date"], "mode = 'home'"),
)  # fmt: skip


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, table, columns, where in PARTIAL:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns, postgresql_where=sa.text(where))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, table, columns, _ in PARTIAL:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns)
