"""child-exploitation hash sets, scans, matches and series (hashes only)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_UUID = sa.String(length=36)
_AT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "media_hash_sets",
        sa.Column("id", _UUID, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("dated", sa.Date(), nullable=True),
        sa.Column("baseline", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("origin_node", sa.String(length=2), nullable=True),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("imported_at", _AT, nullable=False),
        sa.Column("imported_by", sa.String(length=100), nullable=False),
        sa.Column("withdrawn_at", _AT, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_media_hash_sets")),
        sa.UniqueConstraint("name", name=op.f("uq_media_hash_sets_name")),
    )
    op.create_table(
        "media_hashes",
        sa.Column("set_id", _UUID, nullable=False),
        sa.Column("md5", sa.String(length=32), nullable=True),
        sa.Column("sha1", sa.String(length=40), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("pdq", sa.String(length=64), nullable=True),
        sa.Column("series", sa.String(length=200), nullable=True),
        sa.Column("category", sa.String(length=100), nullable=True),
        sa.Column("scale", sa.String(length=20), nullable=False),
        sa.Column("victim_identified", sa.Boolean(), nullable=True),
        sa.Column("offender_identified", sa.Boolean(), nullable=True),
        sa.Column("distributed", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["set_id"],
            ["media_hash_sets.id"],
            name=op.f("fk_media_hashes_set_id_media_hash_sets"),
            ondelete="CASCADE",
        ),
    )
    for column in ("set_id", "md5", "sha1", "sha256"):
        op.create_index(f"ix_media_hashes_{column}", "media_hashes", [column], unique=False)
    op.create_table(
        "media_series",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("production_country", sa.String(length=2), nullable=True),
        sa.Column("victim_identified", sa.Boolean(), nullable=False),
        sa.Column("identified_by", sa.String(length=200), nullable=True),
        sa.Column("identified_on", sa.Date(), nullable=True),
        sa.Column("updated_at", _AT, nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_media_series")),
    )
    op.create_table(
        "media_series_cases",
        sa.Column("series", sa.String(length=200), nullable=False),
        sa.Column("node", sa.String(length=2), nullable=False),
        sa.Column("case_id", sa.String(length=200), nullable=False),
        sa.Column("first_seen", _AT, nullable=False),
        sa.PrimaryKeyConstraint("series", "node", "case_id", name="pk_media_series_cases"),
    )
    op.create_index(
        "ix_media_series_cases_case_id", "media_series_cases", ["case_id"], unique=False
    )
    op.create_table(
        "media_scans",
        sa.Column("id", _UUID, nullable=False),
        sa.Column("case_id", _UUID, nullable=False),
        sa.Column("started_at", _AT, nullable=False),
        sa.Column("finished_at", _AT, nullable=False),
        sa.Column("scanned_by", sa.String(length=100), nullable=False),
        sa.Column("files_scanned", sa.Integer(), nullable=False),
        sa.Column("unreadable", sa.Integer(), nullable=False),
        sa.Column("matched", sa.Integer(), nullable=False),
        sa.Column("unmatched", sa.Integer(), nullable=False),
        sa.Column("max_distance", sa.Integer(), nullable=False),
        sa.Column("min_quality", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_media_scans")),
    )
    op.create_index("ix_media_scans_case_id", "media_scans", ["case_id"], unique=False)
    op.create_table(
        "media_scan_files",
        sa.Column("scan_id", _UUID, nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=True),
        sa.Column("md5", sa.String(length=32), nullable=True),
        sa.Column("sha1", sa.String(length=40), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("pdq", sa.String(length=64), nullable=True),
        sa.Column("quality", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=100), nullable=True),
        sa.Column("set_id", _UUID, nullable=True),
        sa.Column("series", sa.String(length=200), nullable=True),
        sa.Column("category", sa.String(length=100), nullable=True),
        sa.Column("scale", sa.String(length=20), nullable=True),
        sa.Column("match", sa.String(length=20), nullable=True),
        sa.Column("distance", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["scan_id"],
            ["media_scans.id"],
            name=op.f("fk_media_scan_files_scan_id_media_scans"),
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_media_scan_files_scan_id", "media_scan_files", ["scan_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_media_scan_files_scan_id", table_name="media_scan_files")
    op.drop_table("media_scan_files")
    op.drop_index("ix_media_scans_case_id", table_name="media_scans")
    op.drop_table("media_scans")
    op.drop_index("ix_media_series_cases_case_id", table_name="media_series_cases")
    op.drop_table("media_series_cases")
    op.drop_table("media_series")
    for column in ("sha256", "sha1", "md5", "set_id"):
        op.drop_index(f"ix_media_hashes_{column}", table_name="media_hashes")
    op.drop_table("media_hashes")
    op.drop_table("media_hash_sets")
