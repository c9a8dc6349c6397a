"""The audit chain's head each station's batch carried, kept per stream (origin key → recipient)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_audit_head",
        sa.Column("origin_key", sa.String(length=32), nullable=False),
        sa.Column("recipient", sa.String(length=12), nullable=False),
        sa.Column("origin", sa.String(length=12), nullable=False),
        sa.Column("batch_seq", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("alarm", sa.String(length=12), nullable=False, server_default=""),
        sa.Column("alarm_batch", sa.Integer(), nullable=True),
        sa.Column("alarm_entry", sa.Integer(), nullable=True),
        sa.Column("alarm_at", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("origin_key", "recipient"),
    )


def downgrade() -> None:
    op.drop_table("sync_audit_head")
