"""Indexes for the review lists: children by the day a category ends, and parents at home

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Covering: the review reads the few children concerned from the index, never the table.
AGE_OUT_COLUMNS = (
    "status",
    "age_out_on",
    "sort_key",
    "uuid",
    "name",
    "birth_date",
    "categories_now",
)


def upgrade() -> None:
    op.create_index("ix_child_age_out", "child", list(AGE_OUT_COLUMNS))
    op.create_index(
        "ix_member_parent_home",
        "member",
        ["child_uuid"],
        sqlite_where=sa.text(
            "relation IN ('father', 'mother') AND situation = 'home' AND guardian_capable = 1"
        ),
    )


def downgrade() -> None:
    op.drop_index("ix_member_parent_home", table_name="member")
    op.drop_index("ix_child_age_out", table_name="child")
