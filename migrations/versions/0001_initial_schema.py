"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23 00:45:23.308245
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change",
        sa.Column("station", sa.String(length=12), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("entity_uuid", sa.String(length=36), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("clock", sa.Text(), nullable=False),
        sa.Column("base", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("station", "counter"),
    )
    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.create_index("ix_change_entity", ["entity", "entity_uuid"], unique=False)

    op.create_table(
        "child",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("sex", sa.String(length=6), nullable=False),
        sa.Column("ethnicity", sa.Text(), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("no_id_reason", sa.String(length=16), nullable=False),
        sa.Column("hukou_registered", sa.Boolean(), nullable=False),
        sa.Column("hukou_place", sa.Text(), nullable=False),
        sa.Column("current_address", sa.Text(), nullable=False),
        sa.Column("village_code", sa.String(length=12), nullable=False),
        sa.Column("health", sa.String(length=10), nullable=False),
        sa.Column("disability_type", sa.Text(), nullable=False),
        sa.Column("disability_grade", sa.Text(), nullable=False),
        sa.Column("illness", sa.Text(), nullable=False),
        sa.Column("schooling", sa.String(length=16), nullable=False),
        sa.Column("school", sa.Text(), nullable=False),
        sa.Column("boarding", sa.Boolean(), nullable=False),
        sa.Column("guardianship", sa.String(length=6), nullable=False),
        sa.Column("risk_override", sa.String(length=6), nullable=False),
        sa.Column("risk_override_reason", sa.Text(), nullable=False),
        sa.Column("consent_on", sa.Date(), nullable=True),
        sa.Column("consent_by", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("close_reason", sa.String(length=24), nullable=False),
        sa.Column("close_note", sa.Text(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("categories_now", sa.Text(), nullable=False),
        sa.Column("risk", sa.String(length=6), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("sort_key", sa.Text(), nullable=False),
        sa.Column("last_visit", sa.Date(), nullable=True),
        sa.Column("next_due", sa.Date(), nullable=True),
        sa.Column("due_reason", sa.String(length=24), nullable=False),
        sa.Column("interval_days", sa.Integer(), nullable=True),
        sa.Column("contact_phone", sa.Text(), nullable=False),
        sa.Column("age_out_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("child", schema=None) as batch_op:
        batch_op.create_index("ix_child_id_number", ["id_number"], unique=False)
        batch_op.create_index("ix_child_next_due", ["status", "next_due"], unique=False)
        batch_op.create_index("ix_child_status_sort", ["status", "sort_key"], unique=False)

    op.create_table(
        "division",
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "entity_head",
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("entity_uuid", sa.String(length=36), nullable=False),
        sa.Column("heads", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_uuid"),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "station",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("officer", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.Column("change_counter", sa.Integer(), nullable=False),
        sa.Column("clock", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "assistance",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("child_uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("amount_month", sa.Float(), nullable=False),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_uuid"],
            ["child.uuid"],
        ),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("assistance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assistance_child_uuid"), ["child_uuid"], unique=False)

    op.create_table(
        "category",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("child_uuid", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["child_uuid"],
            ["child.uuid"],
        ),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("category", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_category_child_uuid"), ["child_uuid"], unique=False)

    op.create_table(
        "concern",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("child_uuid", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("noticed_on", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_uuid"],
            ["child.uuid"],
        ),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("concern", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_concern_child_uuid"), ["child_uuid"], unique=False)

    op.create_table(
        "member",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("child_uuid", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=12), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column("work_place", sa.Text(), nullable=False),
        sa.Column("situation", sa.String(length=24), nullable=False),
        sa.Column("guardian_capable", sa.Boolean(), nullable=False),
        sa.Column("entrust_signed", sa.Boolean(), nullable=False),
        sa.Column("entrust_signed_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["child_uuid"],
            ["child.uuid"],
        ),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_child_uuid"), ["child_uuid"], unique=False)

    op.create_table(
        "visit",
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("child_uuid", sa.String(length=36), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("visitor", sa.Text(), nullable=False),
        sa.Column("met", sa.Text(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("needs", sa.Text(), nullable=False),
        sa.Column("actions", sa.Text(), nullable=False),
        sa.Column("guardianship", sa.String(length=6), nullable=False),
        sa.Column("next_planned", sa.Date(), nullable=True),
        sa.Column("supersedes", sa.String(length=36), nullable=True),
        sa.Column("recorded_at", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_uuid"],
            ["child.uuid"],
        ),
        sa.PrimaryKeyConstraint("uuid"),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index("ix_visit_child_date", ["child_uuid", "visit_date"], unique=False)



def downgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index("ix_visit_child_date")

    op.drop_table("visit")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_child_uuid"))

    op.drop_table("member")
    with op.batch_alter_table("concern", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_concern_child_uuid"))

    op.drop_table("concern")
    with op.batch_alter_table("category", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_category_child_uuid"))

    op.drop_table("category")
    with op.batch_alter_table("assistance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assistance_child_uuid"))

    op.drop_table("assistance")
    op.drop_table("station")
    op.drop_table("setting")
    op.drop_table("entity_head")
    op.drop_table("division")
    with op.batch_alter_table("child", schema=None) as batch_op:
        batch_op.drop_index("ix_child_status_sort")
        batch_op.drop_index("ix_child_next_due")
        batch_op.drop_index("ix_child_id_number")

    op.drop_table("child")
    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.drop_index("ix_change_entity")

    op.drop_table("change")
