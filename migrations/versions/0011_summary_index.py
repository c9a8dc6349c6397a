"""A partial covering index for the summary: the active children counted without reading rows

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# Village first: the per-village counts are read in village order, with no sort.
SUMMARY_COLUMNS = (
    "village_code",
    "sex",
    "birth_date",
    "guardianship",
    "schooling",
    "categories_now",
)


def upgrade() -> None:
    op.create_index(
        "ix_child_summary",
        "child",
        list(SUMMARY_COLUMNS),
        sqlite_where=sa.text("status = 'active'"),
    )


def downgrade() -> None:
    op.drop_index("ix_child_summary", table_name="child")
