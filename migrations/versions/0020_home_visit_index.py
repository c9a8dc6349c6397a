"""Each child's home visits by date, from a small partial index of the home visits

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06

Under a visit policy whose rule asks for a home visit (入户), a child's due date counts from the
last home visit. Without an index, working that out for a county reads every visit's row for its
mode; the partial index holds the home visits alone, by child and date, so the last one is read
from it as the last visit of any kind is read from ix_visit_child_date.
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_visit_home",
        "visit",
        ["child_uuid", "visit_date"],
        sqlite_where=sa.text("mode = 'home'"),
    )


def downgrade() -> None:
    op.drop_index("ix_visit_home", table_name="visit")
