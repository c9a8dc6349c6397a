"""A covering index for the due list: whom to visit, in due order, without reading the rows

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = [
    "status",
    "next_due",
    "sort_key",
    "uuid",
    "name",
    "interval_days",
    "due_reason",
    "risk",
    "last_visit",
]


def upgrade() -> None:
    op.drop_index("ix_child_next_due", table_name="child")
    op.create_index("ix_child_due", "child", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_child_due", table_name="child")
    op.create_index("ix_child_next_due", "child", ["status", "next_due"])
