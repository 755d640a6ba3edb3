"""One settings object for every front end, read from ``INTERLINK_*`` environment variables.

Why one module: the API, the CLI and the tests must agree on where the database is and how
long records live, and operators configure a node in one place.
"""

from __future__ import annotations

import os
import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class Settings(BaseSettings):
    """Node configuration. Every field can be set as ``INTERLINK_<FIELD>``."""

    model_config = SettingsConfigDict(env_prefix="INTERLINK_", extra="ignore")

    data_dir: Path = Field(
        default=Path("var"), description="Where the SQLite file, stored photos and keys live."
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; default is a SQLite file `interlink.db` in data_dir.",
    )
    node_role: Literal["national", "secretariat"] = "national"
    node_country: str = Field(default="XX", description="ISO 3166-1 alpha-2 code of this node.")
    default_phone_region: str | None = Field(
        default=None, description="Region for phone numbers written without +; node_country."
    )
    review_years: int = Field(default=5, ge=1, le=50, description="Default review period.")
    token_minutes: int = Field(default=480, ge=1, description="API token lifetime.")
    audit_key_file: Path | None = Field(
        default=None, description="HMAC key of the audit chain; default data_dir/audit.key."
    )
    web_session_minutes: int = Field(
        default=30, ge=1, le=24 * 60, description="Web sign-out after this long without a request."
    )
    web_session_max_hours: int = Field(
        default=12, ge=1, le=7 * 24, description="Web sessions end after this long, active or not."
    )
    web_session_key_file: Path | None = Field(
        default=None, description="HMAC key of web session cookies; default data_dir/web.key."
    )
    referral_decision_days: int = Field(
        default=5, ge=1, le=60, description="Working days an agency has to accept or decline."
    )
    referral_support_days: int = Field(
        default=10, ge=1, le=90, description="Working days from acceptance to support under way."
    )
    case_days_child: int = Field(
        default=2, ge=1, le=60, description="Working days a child victim's case may go untouched."
    )
    case_days_urgent: int = Field(
        default=5, ge=1, le=90, description="… a case of high priority (high risk, urgent)."
    )
    case_days_normal: int = Field(
        default=20, ge=1, le=365, description="… any other case with a victim."
    )
    # Time limits count working days, Monday to Friday, without the public holidays (issue 7).
    holidays: Annotated[list[date], NoDecode] = Field(
        default_factory=list,
        description="Public holidays, not working days: ISO dates, comma-separated.",
    )
    holidays_file: Path | None = Field(
        default=None,
        description="Public holidays, one ISO date a line (# comments); "
        "default data_dir/holidays.txt when it exists.",
    )
    import_batch_size: int = Field(default=2000, ge=1)
    import_workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=0,
        le=64,
        description="Processes that validate rows of a large import; 0: in the main process.",
    )

    # -- child-exploitation hash matching (issue 8) --
    media_max_distance: int = Field(
        default=31, ge=0, le=64, description="PDQ Hamming distance at most this is a match."
    )
    media_min_quality: int = Field(
        default=50, ge=0, le=100, description="PDQ hashes of lower quality are not compared."
    )
    media_scan_workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=0,
        le=64,
        description="Processes that hash files in a scan; 0: in the main process.",
    )
    media_decode_side: int = Field(
        default=320,
        ge=0,
        description="Decode images (JPEG draft mode) to about this long side before PDQ; "
        "0: full resolution (slower; PDQ itself works on 64x64).",
    )
    media_max_image_bytes: int = Field(
        default=64 * 1024 * 1024, ge=1, description="Larger files are hashed but not decoded."
    )

    # -- exchange between nodes (issue 6) --
    node_id: str = Field(
        default="",
        description="This node's id in the exchange: its country code, or GS for the "
        "Secretariat; default node_country (GS when node_role is secretariat).",
    )
    public_url: str = Field(
        default="http://127.0.0.1:8000",
        description="The URL other nodes reach this node's API at (its directory entry).",
    )
    exchange_clock_window_seconds: int = Field(
        default=300, ge=5, description="How far a delivery's time may be from the receiver's."
    )
    exchange_retry_base_seconds: float = Field(
        default=1.0, gt=0, description="First delivery retry after this; doubles each time."
    )
    exchange_retry_max_seconds: float = Field(
        default=300.0, gt=0, description="Retries are never further apart than this."
    )
    exchange_lease_seconds: float = Field(
        default=60.0, gt=0, description="How long a worker holds a delivery it has claimed."
    )
    exchange_timeout_seconds: float = Field(
        default=10.0, gt=0, description="HTTP timeout of one delivery attempt."
    )
    exchange_poll_seconds: float = Field(
        default=0.5, gt=0, description="How often the delivery worker looks for due messages."
    )
    exchange_worker: bool = Field(
        default=True, description="`interlink serve` runs the delivery worker in the background."
    )
    exchange_batch_size: int = Field(
        default=100, ge=1, le=500, description="Messages posted to one recipient in one request."
    )
    exchange_max_attempts: int = Field(
        default=200,
        ge=1,
        description="Attempts before a delivery that keeps failing for a transient reason is "
        "given up as failed (about 16 h with the default back-off).",
    )

    @field_validator("holidays", mode="before")
    @classmethod
    def _holiday_list(cls, value: object) -> object:
        """``INTERLINK_HOLIDAYS=2026-12-25,2027-01-01`` (commas, semicolons or spaces)."""
        if isinstance(value, str):
            return [part for part in re.split(r"[\s,;]+", value) if part]
        return value

    @model_validator(mode="after")
    def _default_node_id(self) -> Settings:
        """The exchange names a national node by its country code, the Secretariat GS."""
        if self.node_id:
            self.node_id = self.node_id.upper()
        else:
            self.node_id = "GS" if self.node_role == "secretariat" else self.node_country.upper()
        return self

    @property
    def keys_dir(self) -> Path:
        return self.data_dir / "keys"

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            return normalize_database_url(self.database_url)
        return f"sqlite:///{(self.data_dir / 'interlink.db').as_posix()}"

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"

    @property
    def audit_key_path(self) -> Path:
        return self.audit_key_file or self.data_dir / "audit.key"

    @property
    def web_session_key_path(self) -> Path:
        return self.web_session_key_file or self.data_dir / "web.key"

    @property
    def phone_region(self) -> str | None:
        region = self.default_phone_region or self.node_country
        return None if region in (None, "XX") else region


def normalize_database_url(url: str) -> str:
    """Accept the URLs operators write (``postgresql://``) and pick the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
