"""Tables. One table holds every record (its provenance in columns, its facts as JSON);
side tables index what is searched (name tokens, identifiers, references) and are rebuilt
from the facts in the same transaction whenever a record changes. They are derived data,
written and removed only by ``store.records`` — without foreign keys, which would cost a
trigger per index row on a bulk import and add no protection that module does not give.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

JsonType = JSON().with_variant(JSONB(), "postgresql")


class UtcDateTime(TypeDecorator[datetime]):
    """Timestamps are stored in UTC and always come back time-zone aware (SQLite drops it)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: Interlink stores UTC with its time zone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


Uuid = String(36)

units = Table(
    "units",
    metadata,
    Column("code", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("country", String(2), nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),
    Column("role", String(40), nullable=False),
    Column("unit_code", String(64), ForeignKey("units.code"), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("created_at", UtcDateTime(), nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
)

# A user's TOTP second factor (optional). ``secret`` is sealed with a key kept in the node's
# data directory (``access.accounts.seal_secret``), so a dump of the database alone does not
# give it; ``confirmed_at`` is NULL until the user has typed a first code; a code's time step
# is accepted once (``last_used_step``), so an overheard code cannot be replayed.
user_second_factors = Table(
    "user_second_factors",
    metadata,
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("secret", Text, nullable=False),
    Column("enrolled_at", UtcDateTime(), nullable=False),
    Column("confirmed_at", UtcDateTime()),
    Column("last_used_step", BigInteger),
)

import_jobs = Table(
    "import_jobs",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("kind", String(40), nullable=False),
    Column("file_name", String(500), nullable=False),
    Column("file_sha256", String(64), nullable=False),
    Column("user_id", Uuid, nullable=False),
    Column("started_at", UtcDateTime(), nullable=False),
    Column("finished_at", UtcDateTime()),
    Column("rows_imported", Integer, nullable=False, default=0),
    Column("rows_rejected", Integer, nullable=False, default=0),
    Column("status", String(20), nullable=False),
)

records = Table(
    "records",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("external_ref", String(200)),
    Column("owning_unit", String(64), ForeignKey("units.code"), nullable=False),
    Column("subject_category", String(20), nullable=False),
    Column("handling_code", String(2), nullable=False),
    Column("handling_text", Text),
    Column("reliability", String(1), nullable=False),
    Column("assessment", String(1), nullable=False),
    Column("source", String(500)),
    Column("recorded_at", UtcDateTime(), nullable=False),
    Column("recorded_by", String(100), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("updated_by", String(100), nullable=False),
    Column("review_date", Date, nullable=False),
    Column("origin_node", String(2)),
    Column("origin_id", String(200)),
    Column("import_job", Uuid),
    Column("version", Integer, nullable=False, default=1),
    Column("facts", JsonType, nullable=False),
    UniqueConstraint("external_ref", "kind", name="uq_records_external_ref_kind"),
    Index("ix_records_kind_unit", "kind", "owning_unit"),
    Index("ix_records_review_date", "review_date"),
)

# The index tables have unique indexes rather than primary keys: a large import on SQLite
# drops every index of theirs, appends, and builds the indexes again in one sorted pass.
name_tokens = Table(
    "name_tokens",
    metadata,
    Column("token", String(100), nullable=False),
    Column("record_id", Uuid, nullable=False),
    Index("ux_name_tokens_token_record_id", "token", "record_id", unique=True),
    Index("ix_name_tokens_record_id", "record_id"),
)

identifiers = Table(
    "identifiers",
    metadata,
    Column("kind", String(20), nullable=False),
    Column("value", String(200), nullable=False),
    Column("record_id", Uuid, nullable=False),
    Index("ux_identifiers_kind_value_record_id", "kind", "value", "record_id", unique=True),
    Index("ix_identifiers_record_id", "record_id"),
)

# The prepared forms online identity search scores a person by (``identity.index``), so
# that a query need not validate and transliterate every candidate again. Derived data,
# like the tables above: one row per person, written and removed with it.
match_features = Table(
    "match_features",
    metadata,
    Column("record_id", Uuid, primary_key=True),
    Column("features", Text, nullable=False),
)

refs = Table(
    "refs",
    metadata,
    Column("record_id", Uuid, nullable=False),
    Column("field", String(40), nullable=False),
    Column("target_id", Uuid, nullable=False),
    Index("ux_refs_record_id_field_target_id", "record_id", "field", "target_id", unique=True),
    Index("ix_refs_target_id", "target_id"),
)

files = Table(
    "files",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("media_type", String(100), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("created_by", Uuid, nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("actor_id", Uuid),
    Column("actor", String(100), nullable=False),
    Column("actor_role", String(40), nullable=False),
    Column("actor_unit", String(64)),
    Column("action", String(40), nullable=False),
    Column("record_kind", String(20)),
    Column("record_id", Uuid),
    Column("purpose", String(500)),
    Column("outcome", String(20), nullable=False),
    Column("details", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Index("ix_audit_log_record_id", "record_id"),
    Index("ix_audit_log_actor", "actor"),
)

audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
)

# The register of lost, stolen, revoked and forged documents (interlink.documents.register):
# one row per issuer and number, kept current by later imports. Looked up by its key only,
# so on SQLite the table is its primary-key index (WITHOUT ROWID): one B-tree descent.
document_register = Table(
    "document_register",
    metadata,
    Column("issuing_country", String(3), nullable=False),  # ISO alpha-2, or an ICAO code
    Column("number", String(64), nullable=False),  # normalized: A-Z and 0-9 only
    Column("kind", String(20), nullable=False),
    Column("status", String(30), nullable=False),
    Column("reported_date", Date, nullable=False),
    Column("reporting_agency", String(200), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("import_job", Uuid, nullable=False),
    PrimaryKeyConstraint("issuing_country", "number", name="pk_document_register"),
    sqlite_with_rowid=False,
)

# Decisions that two person records are, or are not, the same person (interlink.identity
# .decisions; written only by store.decisions). The pair is stored ordered (left_id <
# right_id) so that (a, b) and (b, a) are one pair. A decision is the link between the two
# records, which stay as they are; undoing it keeps the row, with who undid it and why. At
# most one decision per pair is active (not undone): the partial unique index.
identity_decisions = Table(
    "identity_decisions",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("left_id", Uuid, nullable=False),
    Column("right_id", Uuid, nullable=False),
    Column("verdict", String(10), nullable=False),
    Column("reason", Text, nullable=False),
    Column("decided_by", Uuid, nullable=False),
    Column("decided_at", UtcDateTime(), nullable=False),
    Column("undone_at", UtcDateTime()),
    Column("undone_by", Uuid),
    Column("undo_reason", Text),
    CheckConstraint("left_id <> right_id", name="ck_identity_decisions_pair"),
    CheckConstraint("verdict IN ('same', 'different')", name="ck_identity_decisions_verdict"),
    Index(
        "ux_identity_decisions_active_pair",
        "left_id",
        "right_id",
        unique=True,
        sqlite_where=text("undone_at IS NULL"),
        postgresql_where=text("undone_at IS NULL"),
    ),
    Index("ix_identity_decisions_right_id", "right_id"),
)

# --- exchange (issue 6; migration 0006) ------------------------------------------------

# --- secretariat (issue 6; migration 0007) ---------------------------------------------

# --- media (issue 8; migration 0008) ---------------------------------------------------

# --- network (issue 9; migration 0009) -------------------------------------------------

# --- protection (issue 7; migration 0010) ----------------------------------------------

# --- reporting (issue 10; migration 0011) ----------------------------------------------
