"""Key slots for a store on a server, and room for sealed ID numbers

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06

A store on a PostgreSQL server keeps its key wrapped once per officer's database role (and once
by the recovery code) in `key_slot`; a SQLite store keeps it in its key file and leaves the
table empty. On a server, ID numbers are stored sealed (storage/sealing.py), longer than the 18
characters of a number: their columns become unbounded text there (SQLite does not bound text).
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_slot",
        sa.Column("owner", sa.Text, primary_key=True),
        sa.Column("kdf", sa.Text, nullable=False),
        sa.Column("wrapped", sa.Text, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        for table in ("child", "member"):
            op.alter_column(table, "id_number", type_=sa.Text, existing_nullable=False)


def downgrade() -> None:
    op.drop_table("key_slot")
