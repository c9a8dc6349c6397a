"""Covering indexes for the summary counted as of a cut-off date

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06

The summary counts the children registered by the date and not closed before it, their category
spans in force on it and the left-behind children's parents and carers. Each is read from an
index alone: the child's row, its spans' and its family's rows are scattered through a county's
file among its visits, and reading them cost seconds where the indexes take a fraction. The
summary no longer counts from the active children's index of 0011, which this one replaces.
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

CHILD_COLUMNS = (
    "village_code",
    "sex",
    "birth_date",
    "guardianship",
    "schooling",
    "registered_on",
    "closed_on",
    "status",
    "uuid",
)
CATEGORY_COLUMNS = ("child_uuid", "code", "start", "end")
MEMBER_COLUMNS = ("child_uuid", "relation", "situation", "guardian_capable", "entrust_signed")


def upgrade() -> None:
    op.drop_index("ix_child_summary", table_name="child")
    op.create_index("ix_child_as_of", "child", list(CHILD_COLUMNS))
    op.create_index("ix_category_as_of", "category", list(CATEGORY_COLUMNS))
    op.create_index("ix_member_family", "member", list(MEMBER_COLUMNS))


def downgrade() -> None:
    op.drop_index("ix_member_family", table_name="member")
    op.drop_index("ix_category_as_of", table_name="category")
    op.drop_index("ix_child_as_of", table_name="child")
    op.create_index(
        "ix_child_summary",
        "child",
        ["village_code", "sex", "birth_date", "guardianship", "schooling", "categories_now"],
        sqlite_where=sa.text("status = 'active'"),
    )
