"""The directory of welfare agencies. An agency is a unit: its welfare officers are that
unit's users, which is how the portal knows whose referrals to show them."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import select

from interlink.access import Actor, Capability, audit
from interlink.access.accounts import ensure_unit
from interlink.node import Node
from interlink.protection.common import require
from interlink.records.errors import Conflict, Invalid
from interlink.store import protection as store
from interlink.store.db import reading, transaction
from interlink.store.schema import units


class Service(StrEnum):
    """What an agency offers (the services victim-support directories list)."""

    SHELTER = "shelter"
    COUNSELLING = "counselling"
    MEDICAL = "medical"
    LEGAL = "legal"
    INTERPRETATION = "interpretation"
    CHILD_PROTECTION = "child_protection"
    EMPLOYMENT = "employment"
    RETURN_ASSISTANCE = "return_assistance"


CODE_PATTERN = r"^[A-Z]{2}-[A-Z0-9-]{1,60}$"


def add(
    node: Node,
    actor: Actor,
    *,
    code: str,
    name: str,
    services: list[Service],
    area: str,
    contact: str,
) -> store.Agency:
    """Add an agency and its unit; the unit code must be new (a police unit is no agency)."""
    import re

    require(actor, Capability.MANAGE_AGENCIES)
    code = code.strip().upper()
    if not re.match(CODE_PATTERN, code):
        raise Invalid("code: a unit code such as UA-WELFARE-KYIV (country, then a name)", "code")
    for field, value, most in (("name", name, 200), ("area", area, 200), ("contact", contact, 500)):
        if not value or not value.strip() or len(value) > most:
            raise Invalid(f"{field}: required, at most {most} characters", field=field)
    if not services:
        raise Invalid("services: name at least one service the agency offers", "services")
    agency = store.Agency(
        code, name.strip(), sorted({s.value for s in services}), area.strip(), contact.strip()
    )
    with transaction(node.engine) as conn:
        if conn.execute(select(units.c.code).where(units.c.code == code)).first():
            raise Conflict(f"code: unit {code} exists already; an agency needs its own", "code")
        ensure_unit(conn, code, agency.name, code[:2])
        store.add_agency(conn, agency, actor.username, datetime.now(UTC))
        audit.write(conn, node.audit_key, actor, "agency_add", details={"unit": code})
    return agency


def list_all(node: Node) -> list[store.Agency]:
    """Every agency (the directory holds no personal data: any signed-in user may read it)."""
    with reading(node.engine) as conn:
        return store.list_agencies(conn)
