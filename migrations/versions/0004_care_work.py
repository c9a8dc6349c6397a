"""Care work: concern reports, micro-wishes, referrals, visit rounds, review flags

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _uuid(name: str, target: str | None = None) -> sa.Column:
    if target is None:
        return sa.Column(name, sa.String(length=36), nullable=False)
    return sa.Column(name, sa.String(length=36), sa.ForeignKey(target), nullable=False)


def upgrade() -> None:
    op.create_index("ix_visit_supersedes", "visit", ["supersedes"])
    op.create_table(
        "concern_report",
        _uuid("uuid"),
        _uuid("concern_uuid", "concern.uuid"),
        _uuid("child_uuid", "child.uuid"),
        sa.Column("target", sa.String(length=16), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("receipt", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("uuid"),
    )
    op.create_index("ix_concern_report_concern_uuid", "concern_report", ["concern_uuid"])
    op.create_table(
        "wish",
        _uuid("uuid"),
        _uuid("child_uuid", "child.uuid"),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("collected_on", sa.Date(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("claimed_by", sa.Text(), nullable=False),
        sa.Column("claimed_on", sa.Date(), nullable=True),
        sa.Column("fulfilled_on", sa.Date(), nullable=True),
        sa.Column("shared_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("uuid"),
    )
    op.create_index("ix_wish_child_uuid", "wish", ["child_uuid"])
    op.create_table(
        "referral",
        _uuid("uuid"),
        _uuid("child_uuid", "child.uuid"),
        sa.Column("target", sa.String(length=24), nullable=False),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("updated_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("uuid"),
    )
    op.create_index("ix_referral_child_uuid", "referral", ["child_uuid"])
    op.create_table(
        "visit_round",
        _uuid("uuid"),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=24), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("uuid"),
    )
    op.create_table(
        "review_flag",
        _uuid("uuid"),
        _uuid("child_uuid", "child.uuid"),
        sa.Column("reason", sa.String(length=24), nullable=False),
        sa.Column("flagged_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("resolved_on", sa.Date(), nullable=True),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("uuid"),
    )
    op.create_index("ix_review_flag_child_uuid", "review_flag", ["child_uuid"])


def downgrade() -> None:
    for table in ("review_flag", "visit_round", "referral", "wish", "concern_report"):
        op.drop_table(table)
    op.drop_index("ix_visit_supersedes", table_name="visit")
