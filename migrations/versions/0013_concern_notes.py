"""Follow-up notes of a concern (强制报告): what was done or learnt on a day until it is closed

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "concern_note",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column(
            "concern_uuid", sa.String(length=36), sa.ForeignKey("concern.uuid"), nullable=False
        ),
        sa.Column("child_uuid", sa.String(length=36), sa.ForeignKey("child.uuid"), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("uuid"),
    )
    op.create_index("ix_concern_note_concern_uuid", "concern_note", ["concern_uuid"])


def downgrade() -> None:
    op.drop_index("ix_concern_note_concern_uuid", table_name="concern_note")
    op.drop_table("concern_note")
