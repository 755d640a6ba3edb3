"""Reporting to the General Secretariat (the national side).

A national node submits records to the international database with its dissemination
rules: which countries may learn of a hit on them, which may see their details. A person
goes with the organizations and documents it is linked to (and the links), so that the
Secretariat sees the network the owner sees. Every fact leaves through the one victim check
(``protection.outgoing``): a victim is never reported as a suspect.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from interlink.access import audit
from interlink.access.policy import has_capability
from interlink.access.roles import Actor, Capability
from interlink.domain import model
from interlink.domain.codes import HandlingCode, LinkKind
from interlink.domain.values import parse_country
from interlink.exchange import outlet
from interlink.exchange.messages import SECRETARIAT, Body, Dissemination, Draft, Kind, SharedRecord
from interlink.node import Node
from interlink.protection.outgoing import outgoing_facts, refuse_victim_contacts
from interlink.records.errors import Forbidden, Invalid
from interlink.records.service import readable_in
from interlink.store import records as store
from interlink.store.db import transaction

# The links that bring a reported person's organizations and documents along.
CARRIED_LINKS = frozenset({LinkKind.PERSON_ORGANIZATION, LinkKind.PERSON_DOCUMENT})
MAX_RECORDS = 500


@dataclass(frozen=True)
class ReportSent:
    message_id: str | None
    record_ids: list[str]  # every record sent, the named ones and what came with them


def dissemination(
    hit_countries: Sequence[str] | None, detail_countries: Sequence[str] | None
) -> Dissemination:
    """The owner's rules from country codes as typed; ``Invalid`` naming the field."""

    def codes(field: str, values: Sequence[str]) -> list[str]:
        out: list[str] = []
        for value in values:
            try:
                code = parse_country(value)
            except ValueError as exc:
                raise Invalid(f"{field}: {exc}", field=field) from None
            if code not in out:
                out.append(code)
        return out

    hits = codes("hit_countries", hit_countries) if hit_countries is not None else None
    details = codes("detail_countries", detail_countries or [])
    if hits is not None:
        outside = [c for c in details if c not in hits]
        if outside:
            raise Invalid(
                f"detail_countries: {', '.join(outside)} may see details but not learn of a hit; "
                "add them to hit_countries",
                field="detail_countries",
            )
    return Dissemination(hit_countries=hits, detail_countries=details)


def shared_record(
    node: Node, rec: store.StoredRecord, rules: Dissemination, *, as_suspect: bool = True
) -> SharedRecord:
    """A record of this node as it leaves it (through the victim check)."""
    prov = rec.provenance
    return SharedRecord(
        owner=outlet.node_id(node),
        record_id=rec.id,
        kind=rec.kind,
        facts=outgoing_facts(rec.id, rec.facts, as_suspect=as_suspect),
        handling_code=prov.handling_code,
        handling_text=prov.handling_text,
        reliability=prov.reliability.value,
        assessment=prov.assessment.value,
        version=rec.version,
        dissemination=rules,
    )


def _carried(conn: Connection, actor: Actor, person_id: str) -> list[store.StoredRecord]:
    """The person's links to organizations and documents, and those records (readable ones)."""
    from interlink.records.errors import NotFound

    found: list[store.StoredRecord] = []
    for link_id, _field in store.referencing(conn, person_id):
        try:
            link = readable_in(conn, actor, link_id, "link")
        except NotFound:
            continue
        assert isinstance(link.facts, model.Link)
        if link.facts.link_kind not in CARRIED_LINKS:
            continue
        other = str(link.facts.target if str(link.facts.source) == person_id else link.facts.source)
        try:
            end = readable_in(conn, actor, other)
        except NotFound:
            continue
        found += [link, end]
    return found


def report(
    node: Node,
    actor: Actor,
    record_ids: Sequence[str],
    rules: Dissemination,
    *,
    purpose: str | None = None,
) -> ReportSent:
    """Send records to the Secretariat's international database, in one audited message."""
    if not has_capability(actor, Capability.REPORT_TO_SECRETARIAT):
        raise Forbidden("your role may not report to the General Secretariat")
    if outlet.is_secretariat(node):
        raise Invalid("this node is the General Secretariat: national nodes report to it")
    if not record_ids:
        raise Invalid("record_ids: name at least one record to report", field="record_ids")
    if len(record_ids) > MAX_RECORDS:
        raise Invalid(f"record_ids: at most {MAX_RECORDS} records in one report", "record_ids")
    with transaction(node.engine) as conn:
        chosen: dict[str, store.StoredRecord] = {}
        for rid in record_ids:
            rec = readable_in(conn, actor, str(rid))
            if rec.provenance.origin_node is not None:
                raise Forbidden(
                    f"record {rec.id} came from {rec.provenance.origin_node}: "
                    "only its owner reports it"
                )
            chosen[rec.id] = rec
        for rec in list(chosen.values()):
            if rec.kind == "person":
                for extra in _carried(conn, actor, rec.id):
                    if extra.provenance.origin_node is None:
                        chosen.setdefault(extra.id, extra)
        refuse_victim_contacts(conn, chosen.values())  # a victim's contact details stay
        shared = [shared_record(node, rec, rules) for rec in chosen.values()]
        code = max((s.handling_code for s in shared), default=HandlingCode.H0)
        texts = sorted({s.handling_text for s in shared if s.handling_text})
        draft = Draft(
            kind=Kind.REPORT,
            recipients=[SECRETARIAT],
            body=Body(records=shared),
            handling_code=code,
            restrictions="; ".join(texts) or None,
            subject=f"Report of {len(shared)} record(s)",
        )
        message_id = outlet.queue(conn, node, draft)
        audit.write(
            conn,
            node.audit_key,
            actor,
            "report",
            purpose=purpose,
            details={
                "message": message_id,
                "records": list(chosen),
                "count": len(chosen),
                "hit_countries": rules.hit_countries,
                "detail_countries": rules.detail_countries,
            },
        )
    outlet.wake()
    return ReportSent(message_id, list(chosen))
