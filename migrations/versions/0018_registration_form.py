"""The 2016 登记表's remaining fields: 户籍性质, 家庭经济来源, and a member's 与被监护人关系,
居住地地址 and 外出时间

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

_MEMBER = ("kinship", "address")


def upgrade() -> None:
    op.add_column(
        "child", sa.Column("hukou_type", sa.String(16), nullable=False, server_default="")
    )
    op.add_column(
        "child", sa.Column("income_sources", sa.Text(), nullable=False, server_default="")
    )
    for name in _MEMBER:
        op.add_column("member", sa.Column(name, sa.Text(), nullable=False, server_default=""))
    op.add_column("member", sa.Column("left_on", sa.Date()))


def downgrade() -> None:
    for name in (*_MEMBER, "left_on"):
        op.drop_column("member", name)
    for name in ("hukou_type", "income_sources"):
        op.drop_column("child", name)
