"""The children that have a corrected visit, from a small partial index of the corrections

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_visit_corrected",
        "visit",
        ["child_uuid"],
        sqlite_where=sa.text("supersedes IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_visit_corrected", table_name="visit")
