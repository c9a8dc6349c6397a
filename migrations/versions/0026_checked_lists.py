"""Department lists checked against the registry: the list and its worklist

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07

A list from another department (a school's roll, the household register, the disabled persons'
federation, civil affairs, a court) is matched to the registered children; each row becomes
items of a worklist (matched, not registered, a difference, a contradiction) that a person
accepts or dismisses with a reason. The station's own work: nothing here is synced. The list's
values and the row's identity are sealed on a server like a child's ID number.
"""

import sqlalchemy as sa
from alembic import op

from childcare_desktop.core.storage.sealing import SealedText

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checked_list",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("source", sa.String(12), nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("imported_on", sa.Date, nullable=False),
        sa.Column("imported_by", sa.Text, nullable=False, server_default=""),
        sa.Column("row_count", sa.Integer, nullable=False),
    )
    op.create_table(
        "checked_item",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("list_uuid", sa.String(36), sa.ForeignKey("checked_list.uuid"), nullable=False),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("child_uuid", sa.String(36), sa.ForeignKey("child.uuid")),
        sa.Column("how", sa.String(12), nullable=False, server_default=""),
        sa.Column("score", sa.Float, nullable=False, server_default="0"),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("field", sa.String(24), nullable=False, server_default=""),
        sa.Column("list_value", SealedText(), nullable=False, server_default=""),
        sa.Column("file_value", SealedText(), nullable=False, server_default=""),
        sa.Column("person", SealedText(), nullable=False, server_default=""),
        sa.Column("state", sa.String(10), nullable=False, server_default="open"),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("decided_on", sa.Date),
        sa.Column("decided_by", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_checked_item_list", "checked_item", ["list_uuid", "kind", "line"])


def downgrade() -> None:
    op.drop_index("ix_checked_item_list", "checked_item")
    op.drop_table("checked_item")
    op.drop_table("checked_list")
