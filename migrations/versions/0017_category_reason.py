"""Why a category the facts of the file do not support is held (儿童类别的理由)

Revision ID: 0017
Revises: 0014
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("category", sa.Column("reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("category", "reason")
