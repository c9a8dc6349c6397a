"""A covering index for the main list: filter, order and search without reading the rows

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_child_status_sort", table_name="child")
    op.create_index(
        "ix_child_list",
        "child",
        ["status", "sort_key", "uuid", "search_text", "risk", "categories_now"],
    )


def downgrade() -> None:
    op.drop_index("ix_child_list", table_name="child")
    op.create_index("ix_child_status_sort", "child", ["status", "sort_key"])
