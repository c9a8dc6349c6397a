"""What a child's file still lacks (待补充): the field keys a ledger left out or could not give

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


# A plain ADD COLUMN: a batch (copy-and-move) of a county's 100,000 children is not needed.
def upgrade() -> None:
    op.add_column("child", sa.Column("to_complete", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("child", "to_complete")
