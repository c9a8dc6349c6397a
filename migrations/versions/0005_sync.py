"""Sync: this station's keys, trusted peers and their certificates, batches, rejected files, acks

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_key",
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("sign_private", sa.LargeBinary(), nullable=False),
        sa.Column("enc_private", sa.LargeBinary(), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(), nullable=False),
        sa.Column("enc_public", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("key_id"),
    )
    op.create_table(
        "sync_peer",
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("station", sa.String(length=12), nullable=False),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("officer", sa.Text(), nullable=False),
        sa.Column("relation", sa.String(length=8), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(), nullable=False),
        sa.Column("enc_public", sa.LargeBinary(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("not_before", sa.Text(), nullable=False),
        sa.Column("not_after", sa.Text(), nullable=False),
        sa.Column("certificate", sa.LargeBinary(), nullable=False),
        sa.Column("revoked_after", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key_id"),
    )
    op.create_index("ix_sync_peer_station", "sync_peer", ["station"])
    op.create_table(
        "sync_batch",
        sa.Column("batch_id", sa.String(length=64), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("origin", sa.String(length=12), nullable=False),
        sa.Column("origin_key", sa.String(length=32), nullable=False),
        sa.Column("recipient", sa.String(length=12), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("covers", sa.Text(), nullable=False),
        sa.Column("via", sa.String(length=64), nullable=False),
        sa.Column("envelope", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("batch_id"),
    )
    op.create_index("ix_sync_batch_stream", "sync_batch", ["origin_key", "recipient", "seq"])
    op.create_table(
        "sync_rejected",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("station", sa.String(length=12), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sync_ack",
        sa.Column("peer", sa.String(length=12), nullable=False),
        sa.Column("acks", sa.Text(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("peer"),
    )


def downgrade() -> None:
    for name in ("sync_ack", "sync_rejected", "sync_batch", "sync_peer", "sync_key"):
        op.drop_table(name)
