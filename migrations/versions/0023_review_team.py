"""审核 and the team: submissions and decisions, evidence, officers and their training

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06

The town and the county review what villages submit (domain/review.py); the team is the registry
of each station's 儿童主任 and 儿童督导员 with their training. Each is a synced record like a
child's file; submissions and decisions are appended and never edited.
"""

import sqlalchemy as sa
from alembic import op

from childcare_desktop.core.storage.sealing import SealedText

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "submission",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("child_uuid", sa.String(36), sa.ForeignKey("child.uuid"), nullable=False),
        sa.Column("village_code", sa.String(12), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("subject", sa.Text, nullable=False, server_default=""),
        sa.Column("changes", sa.Text, nullable=False, server_default="{}"),
        sa.Column("submitted_on", sa.Date, nullable=False),
        sa.Column("submitted_by", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_submission_child", "submission", ["child_uuid", "kind", "submitted_on"])
    op.create_table(
        "decision",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column(
            "submission_uuid", sa.String(36), sa.ForeignKey("submission.uuid"), nullable=False
        ),
        sa.Column("child_uuid", sa.String(36), sa.ForeignKey("child.uuid"), nullable=False),
        sa.Column("level", sa.String(8), nullable=False),
        sa.Column("verdict", sa.String(10), nullable=False),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("decided_on", sa.Date, nullable=False),
        sa.Column("decided_by", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_decision_submission", "decision", ["submission_uuid", "level"])
    op.create_table(
        "evidence",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column(
            "submission_uuid", sa.String(36), sa.ForeignKey("submission.uuid"), nullable=False
        ),
        sa.Column("child_uuid", sa.String(36), sa.ForeignKey("child.uuid"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("media_type", sa.String(32), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", SealedText(), nullable=False),  # base64
    )
    op.create_index("ix_evidence_submission", "evidence", ["submission_uuid"])
    op.create_table(
        "officer",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column("duty", sa.String(12), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("phone", SealedText(lookup=True), nullable=False, server_default=""),
        sa.Column("appointed_on", sa.Date, nullable=False),
        sa.Column("left_on", sa.Date),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_officer_division", "officer", ["division_code", "duty"])
    op.create_table(
        "training",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("officer_uuid", sa.String(36), sa.ForeignKey("officer.uuid"), nullable=False),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("end", sa.Date),
        sa.Column("hours", sa.Float, nullable=False, server_default="0"),
    )
    op.create_index("ix_training_officer_uuid", "training", ["officer_uuid"])


def downgrade() -> None:
    for table in ("training", "officer", "evidence", "decision", "submission"):
        op.drop_table(table)
