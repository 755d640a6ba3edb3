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
    Float,
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
    # The incremental alert update finds what changed since it last ran (migration 0013).
    Index("ix_records_updated_at", "updated_at"),
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

# The directory of nodes this node exchanges with: id (country code, or GS), role, the URL of
# its API and its public keys (raw 32 bytes, base64). Written only by store.exchange.
exchange_nodes = Table(
    "exchange_nodes",
    metadata,
    Column("id", String(8), primary_key=True),
    Column("role", String(20), nullable=False),
    Column("url", String(500), nullable=False),
    Column("signing_key", String(64), nullable=False),
    Column("encryption_key", String(64), nullable=False),
    Column("added_at", UtcDateTime(), nullable=False),
    Column("added_by", String(100), nullable=False),
)

# Every message sent (direction "out") or accepted (direction "in"), with its body in clear:
# the national database holds personal data in clear anyway; encryption protects the wire.
# ``packet`` is the encrypted, wrapped form of an outgoing message, posted unchanged at every
# attempt (each attempt is signed again with its own time). ``digest`` (SHA-256 of the
# signed content) tells a re-delivery of the same message from a replay with other content;
# ``last_sent`` is the signed time of the last delivery accepted, so the very same bytes
# posted again are refused as a replay.
exchange_messages = Table(
    "exchange_messages",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("direction", String(3), nullable=False),
    Column("sender", String(8), nullable=False),
    Column("recipients", Text, nullable=False),  # JSON list of node ids
    Column("kind", String(30), nullable=False),
    Column("created", UtcDateTime(), nullable=False),
    Column("handling_code", String(2), nullable=False),
    Column("restrictions", Text),
    Column("in_reply_to", Uuid),
    Column("subject", String(500)),
    Column("body", Text, nullable=False),  # the Body as JSON
    Column("digest", String(64), nullable=False),
    Column("packet", Text),
    Column("created_by", String(100)),
    Column("received_at", UtcDateTime()),
    Column("last_sent", UtcDateTime()),
    Column("read_at", UtcDateTime()),
    Column("read_by", String(100)),
    CheckConstraint("direction IN ('in', 'out')", name="ck_exchange_messages_direction"),
    Index("ix_exchange_messages_direction_kind_created", "direction", "kind", "created"),
    Index("ix_exchange_messages_in_reply_to", "in_reply_to"),
)

# The transactional outbox: one row per recipient of an outgoing message, written in the
# transaction of the message. A delivery worker claims a due row by setting a lease with a
# conditional UPDATE (works alike on SQLite and PostgreSQL), posts it, and marks it. Status:
# queued → delivered → received → read (from the recipient's receipts), or failed (refused).
exchange_outbox = Table(
    "exchange_outbox",
    metadata,
    Column("message_id", Uuid, nullable=False),
    Column("recipient", String(8), nullable=False),
    Column("status", String(10), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UtcDateTime(), nullable=False),
    Column("lease_until", UtcDateTime()),
    Column("leased_by", String(64)),
    Column("last_error", String(500)),
    Column("delivered_at", UtcDateTime()),
    Column("received_at", UtcDateTime()),
    Column("read_at", UtcDateTime()),
    PrimaryKeyConstraint("message_id", "recipient", name="pk_exchange_outbox"),
    Index("ix_exchange_outbox_status_next_attempt_at", "status", "next_attempt_at"),
)

# Deliveries the inbox refused: who claimed to send, why, when, from where. Never a body.
exchange_refusals = Table(
    "exchange_refusals",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("at", UtcDateTime(), nullable=False),
    Column("claimed_sender", String(8)),
    Column("reason", String(40), nullable=False),
    Column("message_id", String(36)),
    Column("remote_addr", String(64)),
    Index("ix_exchange_refusals_at", "at"),
)

# Which version of which record of this node went to which node in which message, so that an
# update or a withdrawal reaches every holder of a copy (and the Secretariat when reported).
exchange_shared = Table(
    "exchange_shared",
    metadata,
    Column("record_id", Uuid, nullable=False),
    Column("recipient", String(8), nullable=False),
    Column("message_id", Uuid, nullable=False),
    Column("version", Integer, nullable=False),
    Column("as_suspect", Boolean, nullable=False),
    Column("sent_at", UtcDateTime(), nullable=False),
    Column("withdrawn_at", UtcDateTime()),
    PrimaryKeyConstraint("record_id", "recipient", "message_id", name="pk_exchange_shared"),
)

# Messages that passed every check but that this node can never process (a handler failed
# with an unexpected error): kept with the error's id (the incident in the log) for an
# administrator, and answered with a permanent refusal so the sender stops retrying
# (migration 0012). The body is in clear, as in exchange_messages.
exchange_dead_letters = Table(
    "exchange_dead_letters",
    metadata,
    Column("message_id", Uuid, primary_key=True),
    Column("sender", String(8), nullable=False),
    Column("kind", String(30), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("error_id", String(40), nullable=False),
    Column("error", String(200), nullable=False),  # the error's class, never its text
    Column("digest", String(64), nullable=False),
    Column("envelope", Text, nullable=False),  # JSON
    Column("body", Text, nullable=False),  # JSON
    Index("ix_exchange_dead_letters_at", "at"),
)

# Copies of other nodes' records are found by their origin (update, withdrawal, forwarding).
ix_records_origin = Index(
    "ix_records_origin_node_origin_id", records.c.origin_node, records.c.origin_id
)


# --- secretariat (issue 6; migration 0007) ---------------------------------------------

# At the Secretariat: which record of its international database each owner reported (the
# record itself is in ``records``, with origin_node/origin_id), and the owner's rules for it.
reported_records = Table(
    "reported_records",
    metadata,
    Column("record_id", Uuid, primary_key=True),  # records.id at the Secretariat
    Column("owner", String(2), nullable=False),  # node id of the reporting country
    Column("origin_id", String(36), nullable=False),  # the record's id at its owner
    Column("kind", String(20), nullable=False),
    Column("hit_countries", JsonType),  # who may learn of a hit; NULL: every country
    Column("detail_countries", JsonType, nullable=False),  # who may see the details
    Column("message_id", Uuid, nullable=False),  # the last report or update
    Column("reported_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    UniqueConstraint("owner", "origin_id", name="uq_reported_records_owner_origin"),
)

# At the Secretariat: one hit per pair of reported persons of two countries (left < right);
# an update re-evaluates it, a withdrawal closes it. Owner and origin columns outlive the
# records, so that a closed hit still says whom it was about.
secretariat_hits = Table(
    "secretariat_hits",
    metadata,
    Column("id", Uuid, primary_key=True),  # the reference both owners ask about
    Column("left_record", Uuid, nullable=False),
    Column("right_record", Uuid, nullable=False),
    Column("left_owner", String(2), nullable=False),
    Column("left_origin", String(36), nullable=False),
    Column("right_owner", String(2), nullable=False),
    Column("right_origin", String(36), nullable=False),
    Column("band", String(20), nullable=False),
    Column("probability", Float, nullable=False),
    Column("status", String(10), nullable=False),  # open / closed
    Column("closed_reason", String(40)),
    Column("left_told", Boolean, nullable=False),  # was the left owner notified
    Column("right_told", Boolean, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    CheckConstraint("left_record < right_record", name="ck_secretariat_hits_pair"),
    CheckConstraint("status IN ('open', 'closed')", name="ck_secretariat_hits_status"),
    UniqueConstraint("left_record", "right_record", name="uq_secretariat_hits_pair"),
    Index("ix_secretariat_hits_right_record", "right_record"),
)

# At a national node: the Secretariat's hit notifications about its own records. Details of
# the other country's record, where its rules allow them, arrive as a record copy.
hit_notifications = Table(
    "hit_notifications",
    metadata,
    Column("hit_id", Uuid, primary_key=True),  # the Secretariat's reference
    Column("record_id", Uuid, nullable=False),  # our record that matched
    Column("other_country", String(2), nullable=False),
    Column("other_record", String(36)),  # its id at the other country, when details allowed
    Column("band", String(20), nullable=False),
    Column("probability", Float, nullable=False),
    Column("status", String(10), nullable=False),  # open / closed
    Column("message_id", Uuid, nullable=False),  # the last notification about it
    Column("received_at", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("read_at", UtcDateTime()),
    Index("ix_hit_notifications_record_id", "record_id"),
)

# Notices: published at the Secretariat, received by every national node; one table for
# both. A cancelled notice keeps its id, kind and dates; its details are removed.
notices = Table(
    "notices",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("issuer", String(2), nullable=False),
    Column("notice_kind", String(20), nullable=False),  # warning / locate
    Column("subject", String(200)),
    Column("text", Text),
    Column("person", JsonType),  # the person's facts as published
    Column("message_id", Uuid),  # the publishing message (at a receiving node)
    Column("published_at", UtcDateTime(), nullable=False),
    Column("cancelled_at", UtcDateTime()),
    Column("cancel_reason", Text),
    Column("read_at", UtcDateTime()),
    CheckConstraint("notice_kind IN ('warning', 'locate')", name="ck_notices_kind"),
)

# --- media (issue 8; migration 0008) ---------------------------------------------------

# Child-exploitation material is handled as hashes only (interlink.media): no table here has
# a column for an image, a thumbnail or any bytes of a file. A hash set is one imported list
# (Project VIC VICS JSON, a CSV list, or the international set received from the
# Secretariat); re-importing it replaces its hashes, withdrawing it stops it matching.
media_hash_sets = Table(
    "media_hash_sets",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("source", String(500), nullable=False),
    Column("format", String(20), nullable=False),
    Column("dated", Date),
    Column("baseline", Boolean, nullable=False, default=False),
    Column("status", String(20), nullable=False),
    Column("origin_node", String(2)),
    Column("entries", Integer, nullable=False, default=0),
    Column("file_sha256", String(64)),
    Column("imported_at", UtcDateTime(), nullable=False),
    Column("imported_by", String(100), nullable=False),
    Column("withdrawn_at", UtcDateTime()),
)

# One row per hash entry of a set. Categories are kept as given (``category``) beside the
# common scale (``scale``, interlink.media.categories).
media_hashes = Table(
    "media_hashes",
    metadata,
    Column("set_id", Uuid, ForeignKey("media_hash_sets.id", ondelete="CASCADE"), nullable=False),
    Column("md5", String(32)),
    Column("sha1", String(40)),
    Column("sha256", String(64)),
    Column("pdq", String(64)),
    Column("series", String(200)),
    Column("category", String(100)),
    Column("scale", String(20), nullable=False),
    Column("victim_identified", Boolean),
    Column("offender_identified", Boolean),
    Column("distributed", Boolean),
    Index("ix_media_hashes_set_id", "set_id"),
    Index("ix_media_hashes_md5", "md5"),
    Index("ix_media_hashes_sha1", "sha1"),
    Index("ix_media_hashes_sha256", "sha256"),
)

# A series: the material of one production. Where it was produced, whether its victim is
# identified, by which agency and when. Updated by the node's users and by the Secretariat.
media_series = Table(
    "media_series",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("production_country", String(2)),
    Column("victim_identified", Boolean, nullable=False, default=False),
    Column("identified_by", String(200)),
    Column("identified_on", Date),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("updated_by", String(100), nullable=False),
)

# Which cases hold a series, in any country: this node's cases (node = its country) and, as
# the Secretariat reports them, other countries' (their case ids, which say nothing more).
media_series_cases = Table(
    "media_series_cases",
    metadata,
    Column("series", String(200), nullable=False),
    Column("node", String(2), nullable=False),
    Column("case_id", String(200), nullable=False),
    Column("first_seen", UtcDateTime(), nullable=False),
    PrimaryKeyConstraint("series", "node", "case_id", name="pk_media_series_cases"),
    Index("ix_media_series_cases_case_id", "case_id"),
)

# A scan of a directory for a case: counts only, and per file its path, hashes and match.
media_scans = Table(
    "media_scans",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("case_id", Uuid, nullable=False),
    Column("started_at", UtcDateTime(), nullable=False),
    Column("finished_at", UtcDateTime(), nullable=False),
    Column("scanned_by", String(100), nullable=False),
    Column("files_scanned", Integer, nullable=False),
    Column("unreadable", Integer, nullable=False),
    Column("matched", Integer, nullable=False),
    Column("unmatched", Integer, nullable=False),
    Column("max_distance", Integer, nullable=False),
    Column("min_quality", Integer, nullable=False),
    Index("ix_media_scans_case_id", "case_id"),
)

media_scan_files = Table(
    "media_scan_files",
    metadata,
    Column("scan_id", Uuid, ForeignKey("media_scans.id", ondelete="CASCADE"), nullable=False),
    Column("path", Text, nullable=False),
    Column("size", BigInteger),
    Column("md5", String(32)),
    Column("sha1", String(40)),
    Column("sha256", String(64)),
    Column("pdq", String(64)),
    Column("quality", Integer),
    Column("status", String(20), nullable=False),  # matched, unmatched, baseline, unreadable
    Column("reason", String(100)),  # why a file was unreadable
    Column("set_id", Uuid),
    Column("series", String(200)),
    Column("category", String(100)),
    Column("scale", String(20)),
    Column("match", String(20)),  # exact, perceptual
    Column("distance", Integer),
    Index("ix_media_scan_files_scan_id", "scan_id"),
)


# --- network (issue 9; migration 0009) -------------------------------------------------

# The link graph itself is not stored: it is read from ``refs`` and ``identifiers``, which
# ``store.records`` keeps current in every record's transaction (interlink.network).
# Pattern alerts (interlink.network.alerts): one row per pattern and shared key (e.g. a
# document number), the records behind it and why, owned by a unit for its work queue. An
# alert is never a decision: it is open until a person dismisses it with a reason, or
# resolved when a later run no longer finds the pattern.
network_alerts = Table(
    "network_alerts",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("pattern", String(40), nullable=False),
    Column("key", String(300), nullable=False),
    Column("owning_unit", String(64), nullable=False),
    Column("status", String(12), nullable=False),
    Column("record_ids", JsonType, nullable=False),
    Column("details", JsonType, nullable=False),
    Column("first_seen", UtcDateTime(), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    CheckConstraint("status IN ('open', 'dismissed', 'resolved')", name="ck_network_alerts_status"),
    Index("ux_network_alerts_pattern_key", "pattern", "key", unique=True),
    Index("ix_network_alerts_unit_status", "owning_unit", "status"),
)

# Which records an alert names (migration 0013): the incremental update and an erasure find
# the alerts of a record through it instead of reading every alert.
network_alert_records = Table(
    "network_alert_records",
    metadata,
    Column("alert_id", Uuid, ForeignKey("network_alerts.id", ondelete="CASCADE"), nullable=False),
    Column("record_id", Uuid, nullable=False),
    Index("ux_network_alert_records_alert_record", "alert_id", "record_id", unique=True),
    Index("ix_network_alert_records_record_id", "record_id"),
)

# Who dismissed or reopened an alert, when and why: kept, never overwritten.
network_alert_reviews = Table(
    "network_alert_reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", Uuid, ForeignKey("network_alerts.id", ondelete="CASCADE"), nullable=False),
    Column("action", String(12), nullable=False),
    Column("reason", Text, nullable=False),
    Column("by_user", String(100), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Index("ix_network_alert_reviews_alert_id", "alert_id"),
)

# Thresholds of each pattern, when changed from the defaults declared in code.
network_pattern_settings = Table(
    "network_pattern_settings",
    metadata,
    Column("pattern", String(40), primary_key=True),
    Column("enabled", Boolean, nullable=False),
    Column("params", JsonType, nullable=False),
    Column("updated_by", String(100), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
)

# Where the incremental alert update stopped: the last record change it has seen.
network_state = Table(
    "network_state",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)

# --- protection (issue 7; migration 0010) ----------------------------------------------

# Who works a case (interlink.protection.teams): a victim on a case is visible to the
# investigators (and, when at high risk, the supervisors) assigned to it.
case_assignments = Table(
    "case_assignments",
    metadata,
    Column("case_id", Uuid, nullable=False),
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("assigned_at", UtcDateTime(), nullable=False),
    Column("assigned_by", String(100), nullable=False),
    PrimaryKeyConstraint("case_id", "user_id", name="pk_case_assignments"),
    Index("ix_case_assignments_user_id", "user_id"),
)

# A victim's context (HTCDS / CTDC aligned, interlink.protection.context) and intimidation risk.
victim_profiles = Table(
    "victim_profiles",
    metadata,
    Column("record_id", Uuid, primary_key=True),
    Column("context", JsonType, nullable=False),
    Column("risk_level", String(10), nullable=False, default="none"),
    Column("risk_reasons", JsonType, nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("updated_by", String(100), nullable=False),
    Index("ix_victim_profiles_risk_level", "risk_level"),
)

# Every change of a person's role, with its reason (the role itself lives in the facts).
role_changes = Table(
    "role_changes",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("record_id", Uuid, nullable=False),
    Column("from_role", String(20), nullable=False),
    Column("to_role", String(20), nullable=False),
    Column("reason", Text, nullable=False),
    Column("changed_at", UtcDateTime(), nullable=False),
    Column("changed_by", String(100), nullable=False),
    Index("ix_role_changes_record_id", "record_id"),
)

# A welfare agency is a unit (its welfare officers are the unit's users) with these details.
welfare_agencies = Table(
    "welfare_agencies",
    metadata,
    Column("unit_code", String(64), ForeignKey("units.code"), primary_key=True),
    Column("services", JsonType, nullable=False),
    Column("area", String(200), nullable=False),
    Column("contact", String(500), nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("created_by", String(100), nullable=False),
)

# A referral of a victim to an agency. ``carries`` is all the agency ever sees of the victim.
referrals = Table(
    "referrals",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("victim_id", Uuid, nullable=False),
    Column("agency_unit", String(64), ForeignKey("units.code"), nullable=False),
    Column("owning_unit", String(64), nullable=False),
    Column("state", String(20), nullable=False),
    Column("child", Boolean, nullable=False),
    Column("consent", String(20), nullable=False),
    Column("carries", JsonType, nullable=False),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("created_by", String(100), nullable=False),
    Column("state_since", UtcDateTime(), nullable=False),
    Column("due", Date),
    Index("ix_referrals_agency_unit", "agency_unit"),
    Index("ix_referrals_victim_id", "victim_id"),
)

# Each state change and note of a referral: dated, and by whom.
referral_events = Table(
    "referral_events",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("referral_id", Uuid, ForeignKey("referrals.id"), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("by", String(100), nullable=False),
    Column("by_unit", String(64)),
    Column("from_state", String(20)),
    Column("to_state", String(20)),
    Column("note", Text),
    Index("ix_referral_events_referral_id", "referral_id"),
)

# An adult who did not consent is not referred: the agency gets an anonymous notification
# (no victim id, no personal data — the age band and forms of exploitation only).
welfare_notifications = Table(
    "welfare_notifications",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("agency_unit", String(64), ForeignKey("units.code"), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("by_unit", String(64), nullable=False),
    Column("summary", JsonType, nullable=False),
)


# --- reporting (issue 10; migration 0011) ----------------------------------------------

# The national statistical reports the Secretariat has received (interlink.reporting
# .secretariat): aggregates only, no personal data. The latest report per country and
# period is kept (``sent_at`` decides, so that a late copy of an older one is ignored).
statistical_reports = Table(
    "statistical_reports",
    metadata,
    Column("country", String(2), nullable=False),
    Column("period", String(40), nullable=False),
    Column("message_id", Uuid, nullable=False),
    Column("sent_at", UtcDateTime(), nullable=False),
    Column("received_at", UtcDateTime(), nullable=False),
    Column("figures", JsonType, nullable=False),
    PrimaryKeyConstraint("country", "period", name="pk_statistical_reports"),
)
