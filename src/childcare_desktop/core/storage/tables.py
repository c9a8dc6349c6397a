"""The store's tables (SQLAlchemy Core). Alembic migrations in `migrations/` create and evolve them.

Personal data lives in the entity tables; `change` is the log every write leaves for sync; the
derived columns of `child` (risk, search text, visit dates) are local caches, never synced.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    text,
)

from .sealing import SealedBytes, SealedText

metadata = MetaData()

station = Table(
    "station",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(12), nullable=False),
    Column("role", String(8), nullable=False),
    Column("name", Text, nullable=False),
    Column("officer", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("change_counter", Integer, nullable=False, default=0),
    Column("clock", Text, nullable=False, default=""),
)

# Names of the divisions this station knows: its own, and (at a town or county) those below it.
division = Table(
    "division",
    metadata,
    Column("code", String(12), primary_key=True),
    Column("name", Text, nullable=False),
)

setting = Table(
    "setting",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

child = Table(
    "child",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("name", Text, nullable=False),
    Column("sex", String(6), nullable=False),
    Column("ethnicity", Text, nullable=False, default=""),
    Column("birth_date", Date),
    Column("id_number", SealedText(lookup=True), nullable=False, default=""),
    Column("no_id_reason", String(16), nullable=False, default=""),
    Column("hukou_registered", Boolean, nullable=False, default=True),
    Column("hukou_place", Text, nullable=False, default=""),
    Column("hukou_type", String(16), nullable=False, default=""),  # migration 0018
    Column("current_address", Text, nullable=False, default=""),
    Column("village_code", String(12), nullable=False),
    Column("health", String(10), nullable=False, default="healthy"),
    Column("disability_type", Text, nullable=False, default=""),
    Column("disability_grade", Text, nullable=False, default=""),
    Column("illness", Text, nullable=False, default=""),
    Column("schooling", String(16), nullable=False, default=""),
    Column("school", Text, nullable=False, default=""),
    Column("boarding", Boolean, nullable=False, default=False),
    Column("guardianship", String(6), nullable=False, default=""),
    Column("risk_override", String(6), nullable=False, default=""),
    Column("risk_override_reason", Text, nullable=False, default=""),
    Column("consent_on", Date),
    Column("consent_by", Text, nullable=False, default=""),
    Column("status", String(8), nullable=False, default="active"),
    Column("close_reason", String(24), nullable=False, default=""),
    Column("close_note", Text, nullable=False, default=""),
    Column("closed_on", Date),
    Column("registered_on", Date),
    Column("notes", Text, nullable=False, default=""),
    # Field keys still to be completed (待补充), synced with the file (migration 0012).
    Column("to_complete", Text, nullable=False, default=""),
    Column("income_sources", Text, nullable=False, default=""),  # migration 0018
    # A file closed as a duplicate names the file kept (synced; cleared when the merge is undone).
    Column("duplicate_of", String(36), nullable=False, default=""),
    # Derived, local: recomputed by the store after every write and merge.
    Column("categories_now", Text, nullable=False, default=""),
    Column("risk", String(6), nullable=False, default="low"),
    Column("search_text", Text, nullable=False, default=""),
    Column("sort_key", Text, nullable=False, default=""),
    Column("last_visit", Date),
    Column("next_due", Date),
    Column("due_reason", String(24), nullable=False, default=""),
    Column("interval_days", Integer),
    Column("contact_phone", SealedText(lookup=True), nullable=False, default=""),
    Column("age_out_on", Date),
    # Covers the main list's query: 100,000 children are filtered and ordered from the index.
    Index("ix_child_list", "status", "sort_key", "uuid", "search_text", "risk", "categories_now"),
    # A server's only (migration 0024, where pg_trgm could be created): the search text's
    # trigrams, so that what is typed is found without reading every child's row.
    Index(
        "ix_child_search",
        "search_text",
        postgresql_using="gin",
        postgresql_ops={"search_text": "gin_trgm_ops"},
    ).ddl_if(dialect="postgresql"),
    Index("ix_child_id_number", "id_number"),
    # Covers the review lists: children whose category has ended or ends soon (migration 0009).
    Index(
        "ix_child_age_out",
        "status",
        "age_out_on",
        "sort_key",
        "uuid",
        "name",
        "birth_date",
        "categories_now",
    ),
    # Covers the due list: children in due order, read from the index alone (migration 0007).
    Index(
        "ix_child_due",
        "status",
        "next_due",
        "sort_key",
        "uuid",
        "name",
        "interval_days",
        "due_reason",
        "risk",
        "last_visit",
    ),
    # Covers the summary as of a cut-off date: the children registered by then and not closed
    # before, by village, sex, age, guardianship and schooling (migration 0019); and the
    # dashboard's month, with their visit dates (migration 0027).
    Index(
        "ix_child_as_of",
        "village_code",
        "sex",
        "birth_date",
        "guardianship",
        "schooling",
        "registered_on",
        "closed_on",
        "status",
        "uuid",
        "interval_days",
        "next_due",
        "last_visit",
    ),
)

# A parent at home who can care, as the partial index ix_member_parent_home states it (a query
# that wants the index repeats these words exactly).
PARENT_HOME = "relation IN ('father', 'mother') AND situation = 'home' AND guardian_capable = 1"

member = Table(
    "member",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("child_uuid", String(36), ForeignKey("child.uuid"), nullable=False, index=True),
    Column("position", Integer, nullable=False, default=0),
    Column("relation", String(12), nullable=False),
    Column("name", Text, nullable=False),
    Column("id_number", SealedText(lookup=True), nullable=False, default=""),
    Column("birth_date", Date),
    Column("phone", SealedText(lookup=True), nullable=False, default=""),
    Column("work_place", Text, nullable=False, default=""),
    Column("situation", String(24), nullable=False, default="home"),
    Column("guardian_capable", Boolean, nullable=False, default=True),
    Column("entrust_signed", Boolean, nullable=False, default=False),
    Column("entrust_signed_on", Date),
    # The 2016 登记表's 与被监护人关系 and 居住地地址, and 外出时间 (migration 0018).
    Column("kinship", Text, nullable=False, default=""),
    Column("address", Text, nullable=False, default=""),
    Column("left_on", Date),
    # Parents at home who can care: the review's "parents came home" probes it per child.
    Index(
        "ix_member_parent_home",
        "child_uuid",
        sqlite_where=text(PARENT_HOME),
        # A server's (migration 0022): its booleans are not compared with integers.
        postgresql_where=text(
            "relation IN ('father', 'mother') AND situation = 'home' AND guardian_capable"
        ),
    ),
    # Covers the summary's family facts of a left-behind child (migration 0019).
    Index(
        "ix_member_family",
        "child_uuid",
        "relation",
        "situation",
        "guardian_capable",
        "entrust_signed",
    ),
)

category = Table(
    "category",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("child_uuid", String(36), ForeignKey("child.uuid"), nullable=False, index=True),
    Column("code", String(24), nullable=False),
    Column("start", Date, nullable=False),
    Column("end", Date),
    Column("reason", Text, nullable=False, default=""),
    # Covers the summary's spans in force on a cut-off date (migration 0019).
    Index("ix_category_as_of", "child_uuid", "code", "start", "end"),
)

assistance = Table(
    "assistance",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("child_uuid", String(36), ForeignKey("child.uuid"), nullable=False, index=True),
    Column("kind", String(24), nullable=False),
    Column("amount_month", Float, nullable=False, default=0.0),
    Column("start", Date),
    Column("end", Date),
    Column("note", Text, nullable=False, default=""),
)

visit = Table(
    "visit",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("child_uuid", String(36), ForeignKey("child.uuid"), nullable=False),
    Column("visit_date", Date, nullable=False),
    Column("mode", String(8), nullable=False),
    Column("visitor", Text, nullable=False, default=""),
    Column("met", Text, nullable=False, default=""),
    Column("findings", Text, nullable=False, default="{}"),
    Column("needs", Text, nullable=False, default=""),
    Column("actions", Text, nullable=False, default=""),
    Column("guardianship", String(6), nullable=False, default=""),
    Column("next_planned", Date),
    Column("supersedes", String(36)),
    Column("recorded_at", Text, nullable=False),
    Index("ix_visit_child_date", "child_uuid", "visit_date"),
    # A superseded version is found by the correction that names it.
    Index("ix_visit_supersedes", "supersedes"),
    # The children that have a correction at all: the few whose last visit is worked out visit
    # by visit (only corrections are in it, so it stays small).
    Index(
        "ix_visit_corrected",
        "child_uuid",
        sqlite_where=text("supersedes IS NOT NULL"),
        postgresql_where=text("supersedes IS NOT NULL"),
    ),
    # The home visits (入户) by child and date: the last one, which a home-visit rule of the
    # visit policy counts from, read from the index alone (migration 0020).
    Index(
        "ix_visit_home",
        "child_uuid",
        "visit_date",
        sqlite_where=text("mode = 'home'"),
        postgresql_where=text("mode = 'home'"),
    ),
)

# Photos taken at visits, as the officer picked them (JPEG or PNG). They live inside the
# encrypted store, never as files beside it. They stay on this station: they are not in the
# change log and sync does not carry them (see sync/entities.py). The bytes come last, so
# listing photos reads none of them.
visit_photo = Table(
    "visit_photo",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("taken_name", Text, nullable=False),
    Column("mime", String(16), nullable=False),
    Column("size", Integer, nullable=False),
    Column("added_at", Text, nullable=False),
    Column("data", LargeBinary, nullable=False),
)

# Which version of a visit shows which photos, in order: a correction links the photos of the
# version it replaces again, without a second copy of their bytes (migration 0010).
visit_photo_link = Table(
    "visit_photo_link",
    metadata,
    Column("visit_uuid", String(36), ForeignKey("visit.uuid"), primary_key=True),
    Column("photo_uuid", String(36), ForeignKey("visit_photo.uuid"), primary_key=True),
    Column("position", Integer, nullable=False),
)

concern = Table(
    "concern",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("child_uuid", String(36), ForeignKey("child.uuid"), nullable=False, index=True),
    Column("kind", String(24), nullable=False),
    Column("noticed_on", Date, nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("closed_on", Date),
    Column("follow_up", Text, nullable=False, default=""),
)

# Each report of a concern (to whom, when, receipt number): appended, never edited.
concern_report = Table(
    "concern_report",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("concern_uuid", String(36), ForeignKey("concern.uuid"), nullable=False, index=True),
    Column("child_uuid", String(36), ForeignKey("child.uuid"), nullable=False),
    Column("target", String(16), nullable=False),
    Column("reported_on", Date, nullable=False),
    Column("receipt", Text, nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
)

# Follow-up notes of a concern (a call, a visit, an answer): appended, never edited.
concern_note = Table(
    "concern_note",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("concern_uuid", String(36), ForeignKey("concern.uuid"), nullable=False, index=True),
    Column("child_uuid", String(36), ForeignKey("child.uuid"), nullable=False),
    Column("noted_on", Date, nullable=False),
    Column("text", Text, nullable=False),
)

wish = Table(
    "wish",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("child_uuid", String(36), ForeignKey("child.uuid"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("state", String(10), nullable=False, default="collected"),
    Column("collected_on", Date, nullable=False),
    Column("published_on", Date),
    Column("claimed_by", Text, nullable=False, default=""),
    Column("claimed_on", Date),
    Column("fulfilled_on", Date),
    Column("shared_on", Date),
    Column("note", Text, nullable=False, default=""),
)

referral = Table(
    "referral",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("child_uuid", String(36), ForeignKey("child.uuid"), nullable=False, index=True),
    Column("target", String(24), nullable=False),
    Column("referred_on", Date, nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("status", String(10), nullable=False, default="referred"),
    Column("outcome", Text, nullable=False, default=""),
    Column("updated_on", Date),
)

visit_round = Table(
    "visit_round",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("name", Text, nullable=False),
    Column("category", String(24), nullable=False, default=""),
    Column("started_on", Date, nullable=False),
    Column("deadline", Date, nullable=False),
    Column("note", Text, nullable=False, default=""),
)

review_flag = Table(
    "review_flag",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("child_uuid", String(36), ForeignKey("child.uuid"), nullable=False, index=True),
    Column("reason", String(24), nullable=False),
    Column("flagged_on", Date, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("resolved_on", Date),
    Column("resolution", Text, nullable=False, default=""),
)

# 审核 (domain/review.py): a village's submission of a change to a file for review, and each
# decision on it by the town or the county. Both are appended and never edited (migration 0023).
submission = Table(
    "submission",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("child_uuid", String(36), ForeignKey("child.uuid"), nullable=False),
    Column("village_code", String(12), nullable=False),
    Column("kind", String(24), nullable=False),
    Column("subject", Text, nullable=False, default=""),  # the category's code, the new grade
    # What changed, side by side: JSON {field: [before, after]}.
    Column("changes", Text, nullable=False, default="{}"),
    Column("submitted_on", Date, nullable=False),
    Column("submitted_by", Text, nullable=False, default=""),
    Index("ix_submission_child", "child_uuid", "kind", "submitted_on"),
)

decision = Table(
    "decision",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("submission_uuid", String(36), ForeignKey("submission.uuid"), nullable=False),
    Column("child_uuid", String(36), ForeignKey("child.uuid"), nullable=False),
    Column("level", String(8), nullable=False),
    Column("verdict", String(10), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("decided_on", Date, nullable=False),
    Column("decided_by", Text, nullable=False, default=""),
    Index("ix_decision_submission", "submission_uuid", "level"),
)

# 证明材料 attached to a submission: a picture or a PDF as base64 text (so that it travels in a
# change like any value), kept in the store (sealed on a server), checked by its hash on arrival
# (migration 0023).
evidence = Table(
    "evidence",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("submission_uuid", String(36), ForeignKey("submission.uuid"), nullable=False),
    Column("child_uuid", String(36), ForeignKey("child.uuid"), nullable=False),
    Column("name", Text, nullable=False),
    Column("media_type", String(32), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("content", SealedText(), nullable=False),  # base64
    Index("ix_evidence_submission", "submission_uuid"),
)

# The team: the 儿童主任 and 儿童督导员 of each station, and their training (migration 0023). A
# director who changes is a new officer, the old one's left_on set: recorded, not overwritten.
officer = Table(
    "officer",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("division_code", String(12), nullable=False),
    Column("duty", String(12), nullable=False),
    Column("name", Text, nullable=False),
    Column("phone", SealedText(lookup=True), nullable=False, default=""),
    Column("appointed_on", Date, nullable=False),
    Column("left_on", Date),
    Column("note", Text, nullable=False, default=""),
    Index("ix_officer_division", "division_code", "duty"),
)

training = Table(
    "training",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("officer_uuid", String(36), ForeignKey("officer.uuid"), nullable=False, index=True),
    Column("division_code", String(12), nullable=False),
    Column("title", Text, nullable=False),
    Column("start", Date, nullable=False),
    Column("end", Date),
    Column("hours", Float, nullable=False, default=0.0),
)

# 排查 (migration 0025): a round opened by a town or county with a deadline; the people to screen
# who have no file (a registered child of the area is in the round by being registered); the
# villages' marks, appended, the latest per subject counting. `found` is "none" or category codes
# joined by commas.
screening_round = Table(
    "screening_round",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("title", Text, nullable=False),
    Column("opened_on", Date, nullable=False),
    Column("deadline", Date, nullable=False),
    Column("opened_by", Text, nullable=False, default=""),
    Column("level", String(8), nullable=False),
    Column("division_code", String(12), nullable=False),
    Column("population_note", Text, nullable=False, default=""),
    Column("closed_on", Date),
)

screening_person = Table(
    "screening_person",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("round_uuid", String(36), ForeignKey("screening_round.uuid"), nullable=False),
    Column("village_code", String(12), nullable=False),
    Column("name", Text, nullable=False),
    Column("id_number", SealedText(lookup=True), nullable=False, default=""),
    Column("birth_date", Date),
    Column("sex", String(6), nullable=False, default=""),
    Column("address", Text, nullable=False, default=""),
    Column("source", Text, nullable=False, default=""),
    Index("ix_screening_person_round", "round_uuid", "village_code"),
)

screening_mark = Table(
    "screening_mark",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("round_uuid", String(36), ForeignKey("screening_round.uuid"), nullable=False),
    Column("child_uuid", String(36), ForeignKey("child.uuid")),
    Column("person_uuid", String(36), ForeignKey("screening_person.uuid")),
    Column("village_code", String(12), nullable=False),
    Column("screened_on", Date, nullable=False),
    Column("found", Text, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("marked_by", Text, nullable=False, default=""),
    Index("ix_screening_mark_round", "round_uuid", "village_code"),
)

# A department's list checked against the registry (migration 0026): the list, and its worklist
# of rows matched, not registered, differing or contradicting, each decided by a person. The
# station's own work, never synced; the list's row (who it names) is sealed on a server.
checked_list = Table(
    "checked_list",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("source", String(12), nullable=False),  # education | police | disability | …
    Column("file_name", Text, nullable=False),
    Column("imported_on", Date, nullable=False),
    Column("imported_by", Text, nullable=False, default=""),
    Column("row_count", Integer, nullable=False),
)

checked_item = Table(
    "checked_item",
    metadata,
    Column("uuid", String(36), primary_key=True),
    Column("list_uuid", String(36), ForeignKey("checked_list.uuid"), nullable=False),
    Column("line", Integer, nullable=False),
    Column("child_uuid", String(36), ForeignKey("child.uuid")),
    Column("how", String(12), nullable=False, default=""),
    Column("score", Float, nullable=False, default=0.0),
    Column("kind", String(16), nullable=False),  # matched | unregistered | difference | …
    Column("field", String(24), nullable=False, default=""),
    Column("list_value", SealedText(), nullable=False, default=""),
    Column("file_value", SealedText(), nullable=False, default=""),
    Column("person", SealedText(), nullable=False, default=""),  # JSON: the row's identity
    Column("state", String(10), nullable=False, default="open"),
    Column("reason", Text, nullable=False, default=""),
    Column("decided_on", Date),
    Column("decided_by", Text, nullable=False, default=""),
    Index("ix_checked_item_list", "list_uuid", "kind", "line"),
)

# The change log: one row per write, the unit that sync carries. `fields` is a JSON object of the
# fields this write set; `base` lists the change ids (station:counter) it was based on.
change = Table(
    "change",
    metadata,
    Column("station", String(12), primary_key=True),
    Column("counter", Integer, primary_key=True),
    Column("entity", String(16), nullable=False),
    Column("entity_uuid", String(36), nullable=False),
    Column("fields", SealedText(), nullable=False),
    Column("clock", Text, nullable=False),
    Column("base", Text, nullable=False, default="[]"),
    Index("ix_change_entity", "entity", "entity_uuid"),
)

# A field changed concurrently on two stations: every head is kept (the shown one is the greatest
# by clock, station, counter) until a change based on all of them closes it.
conflict = Table(
    "conflict",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("entity", String(16), nullable=False),
    Column("entity_uuid", String(36), nullable=False),
    Column("field", String(32), nullable=False),
    Column("heads", Text, nullable=False),
    Column("shown", String(32), nullable=False),
    Column("opened_at", Text, nullable=False),
    Column("resolved_by", String(32)),
    Column("resolved_at", Text),
    Index("ix_conflict_record", "entity", "entity_uuid", "resolved_by"),
)

# Per entity, the change ids that are the current heads of each field: {field: [change id, …]}.
entity_head = Table(
    "entity_head",
    metadata,
    Column("entity", String(16), primary_key=True),
    Column("entity_uuid", String(36), primary_key=True),
    Column("heads", Text, nullable=False),
)

# Who did what, when, to which record and which fields: never the values. Each entry's hash
# covers the previous entry's hash, so a removed or altered entry breaks the chain.
audit = Table(
    "audit",
    metadata,
    Column("seq", Integer, primary_key=True),
    Column("at", Text, nullable=False),
    Column("who", Text, nullable=False),
    Column("action", String(16), nullable=False),
    Column("entity", String(16), nullable=False, default=""),
    Column("entity_uuid", String(36), nullable=False, default=""),
    Column("fields", Text, nullable=False, default="[]"),
    Column("detail", Text, nullable=False, default=""),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

# A store on a server: its key wrapped per database role and by the recovery code (server.py).
key_slot = Table(
    "key_slot",
    metadata,
    Column("owner", Text, primary_key=True),
    Column("kdf", Text, nullable=False),
    Column("wrapped", Text, nullable=False),
)

# Sync. This station's own keys: private keys live only here, inside the encrypted store; old
# keys stay (inactive) so that what they signed can still be read back.
sync_key = Table(
    "sync_key",
    metadata,
    Column("key_id", String(32), primary_key=True),
    Column("sign_private", SealedBytes, nullable=False),
    Column("enc_private", SealedBytes, nullable=False),
    Column("sign_public", LargeBinary, nullable=False),
    Column("enc_public", LargeBinary, nullable=False),
    Column("created_at", Text, nullable=False),
    Column("active", Boolean, nullable=False, default=True),
)

# Stations whose keys this station trusts, each through a verified certificate: the parent that
# certified us ("parent"), the stations we certified ("child"), and at the county the villages
# certified by its towns ("below"). Revoked keys keep their row: "nothing after batch N".
sync_peer = Table(
    "sync_peer",
    metadata,
    Column("key_id", String(32), primary_key=True),
    Column("station", String(12), nullable=False, index=True),
    Column("role", String(8), nullable=False),
    Column("name", Text, nullable=False),
    Column("officer", Text, nullable=False),
    Column("relation", String(8), nullable=False),
    Column("sign_public", LargeBinary, nullable=False),
    Column("enc_public", LargeBinary, nullable=False),
    Column("serial", Integer, nullable=False),
    Column("not_before", Text, nullable=False),
    Column("not_after", Text, nullable=False),
    Column("certificate", LargeBinary, nullable=False),
    Column("revoked_after", Integer),
    Column("added_at", Text, nullable=False),
)

# Every batch written or received. `batch_id` is the hash of the signed inner envelope, so a
# renamed copy is the same batch; the envelope of a received batch is kept verbatim so a town
# can carry it up to the county with the village's signature intact.
sync_batch = Table(
    "sync_batch",
    metadata,
    Column("batch_id", String(64), primary_key=True),
    Column("direction", String(3), nullable=False),
    Column("origin", String(12), nullable=False),
    Column("origin_key", String(32), nullable=False),
    Column("recipient", String(12), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("status", String(12), nullable=False),
    Column("reason", String(32), nullable=False, default=""),
    Column("file_name", Text, nullable=False, default=""),
    Column("at", Text, nullable=False),
    Column("changes", Integer, nullable=False, default=0),
    Column("covers", Text, nullable=False, default="{}"),
    Column("via", String(64), nullable=False, default=""),
    Column("envelope", LargeBinary),
    Index("ix_sync_batch_stream", "origin_key", "recipient", "seq"),
)

# Files refused before anything was applied, with the reason, for the supervisor's status view.
sync_rejected = Table(
    "sync_rejected",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Text, nullable=False),
    Column("file_name", Text, nullable=False),
    Column("reason", String(32), nullable=False),
    Column("station", String(12), nullable=False, default=""),
    Column("seq", Integer),
)

# What each peer station told us it holds (its version vector): what the next export can skip.
sync_ack = Table(
    "sync_ack",
    metadata,
    Column("peer", String(12), primary_key=True),
    Column("acks", Text, nullable=False),
    Column("at", Text, nullable=False),
)

# The audit chain's head each station's batch carried (signed), per stream (origin key →
# recipient): kept by the receiver to check the next batch against, and by the sender for the
# hash it says its chain still holds at the head it sent last. `alarm` keeps the first time a
# newer batch showed that station's chain shorter than before ("backwards") or different at
# an entry it had vouched for ("forked"), with the batch, the entry and when.
sync_audit_head = Table(
    "sync_audit_head",
    metadata,
    Column("origin_key", String(32), primary_key=True),
    Column("recipient", String(12), primary_key=True),
    Column("origin", String(12), nullable=False),
    Column("batch_seq", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("at", Text, nullable=False),
    Column("alarm", String(12), nullable=False, default=""),
    Column("alarm_batch", Integer),
    Column("alarm_entry", Integer),
    Column("alarm_at", Text),
)
