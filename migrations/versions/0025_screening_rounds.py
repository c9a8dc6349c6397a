"""排查: screening rounds, the people to screen who have no file, and the marks of each

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07

A town or county opens a round (a deadline, the population to cover); its area's registered
children are in the round by being registered, and a list (the household register) adds the
people who have no file. Each village marks every child and person screened: the categories
found, or none, and the date. Rounds and people go down to the villages, marks come up; marks
are appended, the latest per subject counts.
"""

import sqlalchemy as sa
from alembic import op

from childcare_desktop.core.storage.sealing import SealedText

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "screening_round",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("opened_on", sa.Date, nullable=False),
        sa.Column("deadline", sa.Date, nullable=False),
        sa.Column("opened_by", sa.Text, nullable=False, server_default=""),
        sa.Column("level", sa.String(8), nullable=False),
        sa.Column("division_code", sa.String(12), nullable=False),
        sa.Column("population_note", sa.Text, nullable=False, server_default=""),
        sa.Column("closed_on", sa.Date),
    )
    op.create_table(
        "screening_person",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column(
            "round_uuid", sa.String(36), sa.ForeignKey("screening_round.uuid"), nullable=False
        ),
        sa.Column("village_code", sa.String(12), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("id_number", SealedText(lookup=True), nullable=False, server_default=""),
        sa.Column("birth_date", sa.Date),
        sa.Column("sex", sa.String(6), nullable=False, server_default=""),
        sa.Column("address", sa.Text, nullable=False, server_default=""),
        sa.Column("source", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_screening_person_round", "screening_person", ["round_uuid", "village_code"])
    op.create_table(
        "screening_mark",
        sa.Column("uuid", sa.String(36), primary_key=True),
        sa.Column(
            "round_uuid", sa.String(36), sa.ForeignKey("screening_round.uuid"), nullable=False
        ),
        sa.Column("child_uuid", sa.String(36), sa.ForeignKey("child.uuid")),
        sa.Column("person_uuid", sa.String(36), sa.ForeignKey("screening_person.uuid")),
        sa.Column("village_code", sa.String(12), nullable=False),
        sa.Column("screened_on", sa.Date, nullable=False),
        sa.Column("found", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("marked_by", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("ix_screening_mark_round", "screening_mark", ["round_uuid", "village_code"])


def downgrade() -> None:
    for table in ("screening_mark", "screening_person", "screening_round"):
        op.drop_table(table)
