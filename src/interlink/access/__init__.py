"""Access: users, roles, authentication, the authorization policy and the audit log.

The policy lives here and only here; every front end asks it.
"""

from interlink.access import accounts, audit, policy
from interlink.access.policy import RecordMeta, Visibility, decide, has_capability, permits
from interlink.access.roles import Action, Actor, Capability, Role

__all__ = [
    "Action",
    "Actor",
    "Capability",
    "RecordMeta",
    "Role",
    "Visibility",
    "accounts",
    "audit",
    "decide",
    "has_capability",
    "permits",
    "policy",
]
