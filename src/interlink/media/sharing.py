"""International sharing of hashes and series through the exchange (messages of kind HASHES).

A country shares a hash set's hashes — never media — with the series records they name and
which of its cases hold those series (case ids only). The Secretariat keeps every hash it
receives in its international set, keeps the series records, and tells every country whose
cases hold one of those series: the series record, the hashes of the series and which
countries' cases hold it. National nodes take what the Secretariat sends into their
``international`` set, their series records and their series-case links; they never answer
a HASHES message, so nothing loops.

All sends go through ``_send``: the body is checked to carry hashes and metadata only.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import Connection

from interlink.access import audit
from interlink.access.roles import Actor, Capability
from interlink.exchange import outlet
from interlink.exchange.handlers import Received, on
from interlink.exchange.messages import SECRETARIAT, Body, Draft, Kind
from interlink.media.categories import to_scale
from interlink.media.hashsets import require
from interlink.node import Node
from interlink.records.errors import Invalid, NotFound
from interlink.store import media as store
from interlink.store.db import transaction

INTERNATIONAL = "international"
MAX_HASHES = 100_000
_HEX32 = r"^[0-9a-f]{32}$"
_HEX40 = r"^[0-9a-f]{40}$"
_HEX64 = r"^[0-9a-f]{64}$"


class SharedHash(BaseModel):
    model_config = ConfigDict(extra="forbid")

    md5: str | None = Field(None, pattern=_HEX32)
    sha1: str | None = Field(None, pattern=_HEX40)
    sha256: str | None = Field(None, pattern=_HEX64)
    pdq: str | None = Field(None, pattern=_HEX64)
    series: str | None = Field(None, max_length=200)
    category: str | None = Field(None, max_length=100)
    victim_identified: bool | None = None


class SharedSeries(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    production_country: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    victim_identified: bool = False
    identified_by: str | None = Field(None, max_length=200)
    identified_on: date | None = None


class SeriesCase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    series: str = Field(min_length=1, max_length=200)
    node: str | None = Field(None, pattern=r"^[A-Z]{2}$")  # None: the sender's own case
    case_id: str = Field(min_length=1, max_length=200)


class HashesData(BaseModel):
    """``Body.data`` of a HASHES message."""

    model_config = ConfigDict(extra="forbid")

    hashes: list[SharedHash] = Field(default_factory=list, max_length=MAX_HASHES)
    series: list[SharedSeries] = Field(default_factory=list)
    cases: list[SeriesCase] = Field(default_factory=list)


def _send(conn: Connection, node: Node, recipient: str, data: HashesData, by: str) -> str:
    """The one way media data leaves this node: hashes and metadata, no attachment."""
    body = Body(data=HashesData.model_validate(data.model_dump()).model_dump(mode="json"))
    draft = Draft(kind=Kind.HASHES, recipients=[recipient], body=body, subject="hashes")
    del by  # the outbox row names the node; the audit entry names the user
    return outlet.queue(conn, node, draft) or ""


def _own(node: Node) -> str:
    return outlet.node_id(node)


def _hash_of(row: Any) -> SharedHash:
    return SharedHash(
        md5=row.md5,
        sha1=row.sha1,
        sha256=row.sha256,
        pdq=row.pdq,
        series=row.series,
        category=row.category,
        victim_identified=row.victim_identified,
    )


def _series_of(record: store.Series) -> SharedSeries:
    return SharedSeries(
        name=record.name,
        production_country=record.production_country,
        victim_identified=record.victim_identified,
        identified_by=record.identified_by,
        identified_on=record.identified_on,
    )


def share(
    node: Node, actor: Actor, *, set_name: str | None = None, series: list[str] | None = None
) -> dict[str, Any]:
    """Share a set's hashes (with its series) and/or series updates with the Secretariat."""
    require(actor, Capability.MEDIA_SHARE, "share hashes with the Secretariat")
    if not set_name and not series:
        raise Invalid("set: name a hash set or a series to share", field="set")
    with transaction(node.engine) as conn:
        data = HashesData()
        names = set(series or [])
        if set_name:
            found = store.get_set(conn, name=set_name)
            if found is None:
                raise NotFound(f"no hash set '{set_name}'")
            if found.baseline or found.origin_node or found.status != store.ACTIVE:
                raise Invalid(
                    "set: only an active set of this node's own, not a baseline, is shared",
                    field="set",
                )
            data.hashes = [_hash_of(r) for r in store.set_hashes(conn, found.id)]
            names |= {h.series for h in data.hashes if h.series}
        records = store.list_series(conn, sorted(names))
        missing = names - {r.name for r in records}
        if missing and series:
            unknown = sorted(missing & set(series))
            if unknown:
                raise NotFound(f"no series '{unknown[0]}'")
        data.series = [_series_of(r) for r in records]
        own = _own(node)
        data.cases = [
            SeriesCase(series=name, case_id=case_id)
            for name in sorted(names)
            for holder, case_id, _ in store.series_cases(conn, name)
            if holder == own
        ]
        message = _send(conn, node, SECRETARIAT, data, actor.username)
        audit.write(
            conn,
            node.audit_key,
            actor,
            "media_share",
            details={
                "message": message,
                "hashes": len(data.hashes),
                "series": len(data.series),
                "cases": len(data.cases),
            },
        )
    outlet.wake()
    return {"message": message, "hashes": len(data.hashes), "series": len(data.series)}


# --- receiving ---------------------------------------------------------------------------


def _international_set(conn: Connection, origin: str, now: datetime) -> str:
    found = store.get_set(conn, name=INTERNATIONAL)
    if found is not None:
        return found.id
    set_id = str(uuid.uuid4())
    store.replace_set(
        conn,
        {
            "id": set_id,
            "name": INTERNATIONAL,
            "source": "INTERPOL General Secretariat" if origin == SECRETARIAT else origin,
            "format": "exchange",
            "dated": now.date(),
            "baseline": False,
            "status": store.ACTIVE,
            "origin_node": origin,
            "entries": 0,
            "file_sha256": None,
            "imported_at": now,
            "imported_by": "exchange",
            "withdrawn_at": None,
        },
        [],
    )
    return set_id


def _key(h: SharedHash) -> tuple[str, str]:
    for kind in ("sha256", "sha1", "md5", "pdq"):
        value = getattr(h, kind)
        if value:
            return kind, value
    raise Invalid("hashes: an entry has no hash", field="hashes")


def _add_hashes(conn: Connection, set_id: str, hashes: list[SharedHash]) -> int:
    """Append the hashes the set does not hold yet; returns how many were new."""
    by_kind: dict[str, list[SharedHash]] = {}
    for h in hashes:
        kind, _ = _key(h)
        by_kind.setdefault(kind, []).append(h)
    rows = []
    for kind, group in by_kind.items():
        held = store.existing_values(conn, set_id, kind, [getattr(h, kind) for h in group])
        seen: set[str] = set()
        for h in group:
            value = getattr(h, kind)
            if value in held or value in seen:
                continue
            seen.add(value)
            rows.append(
                {
                    **h.model_dump(),
                    "scale": to_scale(h.category).value,
                    "offender_identified": None,
                    "distributed": None,
                }
            )
    store.add_hashes(conn, set_id, rows)
    return len(rows)


def _keep_series(conn: Connection, items: list[SharedSeries], by: str, now: datetime) -> None:
    for item in items:
        store.put_series(conn, {**item.model_dump(), "updated_at": now, "updated_by": by})


@on(Kind.HASHES)
def receive_hashes(ctx: Received) -> None:
    """Keep what a HASHES message carries; at the Secretariat, tell the countries concerned."""
    if ctx.message.body.attachments:
        raise Invalid("attachments: hashes are shared without any file", field="attachments")
    try:
        data = HashesData.model_validate(ctx.message.body.data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise Invalid(f"{where}: {first['msg']}", field=where) from None
    sender = ctx.message.envelope.sender
    now = datetime.now(UTC)
    conn = ctx.conn
    set_id = _international_set(conn, SECRETARIAT if _own(ctx.node) != SECRETARIAT else sender, now)
    _add_hashes(conn, set_id, data.hashes)
    _keep_series(conn, data.series, f"exchange:{sender}", now)
    for link in data.cases:
        store.link_case(conn, link.series, link.node or sender, link.case_id, now)
    if _own(ctx.node) == SECRETARIAT and sender != SECRETARIAT:
        _tell_holders(conn, ctx.node, data, now)


def _tell_holders(conn: Connection, node: Node, data: HashesData, now: datetime) -> None:
    """Send each country holding one of the series what is known of those series."""
    names = sorted(
        {s.name for s in data.series}
        | {c.series for c in data.cases}
        | {h.series for h in data.hashes if h.series}
    )
    holders: dict[str, set[str]] = {}
    links: dict[str, list[tuple[str, str]]] = {}
    for name in names:
        cases = store.series_cases(conn, name)
        links[name] = [(n, c) for n, c, _ in cases]
        for holder, _, _ in cases:
            if holder != SECRETARIAT:
                holders.setdefault(holder, set()).add(name)
    for country, held in sorted(holders.items()):
        countries = {n for name in held for n, _ in links[name]}
        if countries == {country}:
            continue  # no other country holds these series (yet)
        records = store.list_series(conn, sorted(held))
        hashes = [_hash_of(r) for name in sorted(held) for r in store.series_hashes(conn, name)]
        message = HashesData(
            hashes=hashes[:MAX_HASHES],
            series=[_series_of(r) for r in records],
            cases=[
                SeriesCase(series=name, node=n, case_id=c)
                for name in sorted(held)
                for n, c in links[name]
                if n != country
            ],
        )
        _send(conn, node, country, message, "secretariat")
