"""Merge: conflicts kept until resolved, and the link of a file closed as a duplicate

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("entity_uuid", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("heads", sa.Text(), nullable=False),
        sa.Column("shown", sa.String(length=32), nullable=False),
        sa.Column("opened_at", sa.Text(), nullable=False),
        sa.Column("resolved_by", sa.String(length=32), nullable=True),
        sa.Column("resolved_at", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_conflict_record", "conflict", ["entity", "entity_uuid", "resolved_by"])
    op.add_column(
        "child",
        sa.Column("duplicate_of", sa.String(length=36), nullable=False, server_default=""),
    )


def downgrade() -> None:
    with op.batch_alter_table("child") as batch:
        batch.drop_column("duplicate_of")
    op.drop_index("ix_conflict_record", table_name="conflict")
    op.drop_table("conflict")
