"""Roles, actions and the acting user: the vocabulary of the access policy."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    INVESTIGATOR = "investigator"
    ANALYST = "analyst"
    NCB_OFFICER = "ncb_officer"
    SUPERVISOR = "supervisor"
    DATA_PROTECTION_OFFICER = "data_protection_officer"
    WELFARE_OFFICER = "welfare_officer"
    ADMINISTRATOR = "administrator"


class Action(StrEnum):
    """What can be done to a record of personal data."""

    CREATE = "create"
    READ = "read"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    SEARCH = "search"


class Capability(StrEnum):
    """What can be done that is not about one record."""

    MANAGE_USERS = "manage_users"
    READ_AUDIT = "read_audit"
    VERIFY_AUDIT = "verify_audit"
    IMPORT = "import"
    REVIEW = "review"
    REGISTER_IMPORT = "register_import"  # load the register of lost, stolen, forged documents
    REGISTER_CHECK = "register_check"  # look a document up in that register
    IDENTITY_DECIDE = "identity_decide"  # confirm two persons the same or different, or undo it


@dataclass(frozen=True)
class Actor:
    """Who is acting. CLI work runs as a named user too, so that it is accountable."""

    id: str | None
    username: str
    role: Role
    unit: str | None

    @classmethod
    def system(cls, what: str) -> Actor:
        """The node itself (schema upgrades, start-up): never used to read personal data."""
        return cls(id=None, username=f"system:{what}", role=Role.ADMINISTRATOR, unit=None)
