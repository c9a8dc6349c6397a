"""Photos of a visit, kept inside the encrypted store; a correction of the visit links them again

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "visit_photo",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("taken_name", sa.Text(), nullable=False),
        sa.Column("mime", sa.String(length=16), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.Text(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("uuid"),
    )
    op.create_table(
        "visit_photo_link",
        sa.Column("visit_uuid", sa.String(length=36), sa.ForeignKey("visit.uuid"), nullable=False),
        sa.Column(
            "photo_uuid", sa.String(length=36), sa.ForeignKey("visit_photo.uuid"), nullable=False
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("visit_uuid", "photo_uuid"),
    )


def downgrade() -> None:
    op.drop_table("visit_photo_link")
    op.drop_table("visit_photo")
