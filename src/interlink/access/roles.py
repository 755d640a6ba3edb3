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
    MANAGE_AGENCIES = "manage_agencies"  # the directory of welfare agencies (issue 7)
    REFER = "refer"  # refer a victim to a welfare agency, follow the referral (issue 7)
    ASSIGN_CASES = "assign_cases"  # put investigators on a case, take them off (issue 7)
    WELFARE_PORTAL = "welfare_portal"  # an agency's referrals, as the agency sees them
    MANAGE_NODES = "manage_nodes"  # the directory of other nodes and their public keys
    SEND_MESSAGES = "send_messages"  # send messages and records to other nodes (exchange)
    READ_MESSAGES = "read_messages"  # read the node's exchange inbox and outbox
    # Secretariat (issue 6)
    REPORT_TO_SECRETARIAT = "report_to_secretariat"  # submit records to the international db
    READ_HITS = "read_hits"  # see the Secretariat's hit notifications about own records
    READ_NOTICES = "read_notices"  # see the Secretariat's notices
    PUBLISH_NOTICE = "publish_notice"  # the Secretariat: publish and cancel notices
    SECRETARIAT_RELINK = "secretariat_relink"  # re-link the whole international database
    # Reporting (issue 10)
    STATS_READ = "stats_read"  # unit and national figures (counts without disclosure control)
    STATS_PUBLISH = "stats_publish"  # public releases; the statistical report to the Secretariat
    # Child-exploitation hashes (issue 8; never media)
    MEDIA_VIEW = "media_view"  # see hash sets, series and scans (hashes, counts, metadata)
    MEDIA_SCAN = "media_scan"  # scan a seized device's export for a case
    MEDIA_HASHSETS = "media_hashsets"  # import, update and withdraw hash sets
    MEDIA_SERIES = "media_series"  # record a series' production country and victim status
    MEDIA_SHARE = "media_share"  # share new hashes and series updates with the Secretariat
    # Networks and patterns (issue 9)
    NETWORK_ALERTS_MANAGE = "network_alerts_manage"  # recompute all alerts, set thresholds


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
