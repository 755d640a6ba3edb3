"""One settings object for every front end, read from ``INTERLINK_*`` environment variables.

Why one module: the API, the CLI and the tests must agree on where the database is and how
long records live, and operators configure a node in one place.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    import_batch_size: int = Field(default=2000, ge=1)
    import_workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=0,
        le=64,
        description="Processes that validate rows of a large import; 0: in the main process.",
    )

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
