"""A victim's contact details kept as records of their own (phone, address, handle records
joined to the victim by contact links) are masked wherever they appear, and never leave."""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
import zipfile
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from interlink import exchange, network, records
from interlink.access import Role
from interlink.api.app import create_app
from interlink.domain import ProvenanceIn, model
from interlink.exchange.messages import Draft, Kind
from interlink.network.protected import OPAQUE
from interlink.records.errors import Forbidden, Invalid
from interlink.records.protected import MASK
from interlink.store import exchange as exchange_store
from interlink.store.db import reading
from interlink.store.records import ListFilter
from interlink.store.schema import audit_log
from interlink.web import links
from tests.conftest import PASSWORD
from tests.protection.conftest import World, make_world, person
from tests.web.conftest import csrf_of, new_client, sign_in

# Synthetic values, searched for where they must never appear.
C_PHONE, C_STREET, C_HANDLE = "+380509876543", "Sadova 17, flat 4", "olena_safe_test"
C_ADDRESS = f"{C_STREET}, Bila Tserkva"
SUSPECT_PHONE = "+380671112233"
VALUES = (C_PHONE, C_STREET, C_HANDLE)


@dataclass
class Contacts:
    w: World
    phone_id: str
    address_id: str
    handle_id: str
    suspect_phone_id: str


def _contact(w: World, owner_id: str, facts: model.Facts) -> str:
    rec = records.create(w.node, w.recorder, facts, ProvenanceIn())
    records.create(
        w.node,
        w.recorder,
        model.Link(link_kind="contact", source=owner_id, target=rec.id, role="uses"),
        ProvenanceIn(),
    )
    return rec.id


@pytest.fixture
def contacts(node, people) -> Contacts:
    w = make_world(node, people)
    return Contacts(
        w,
        phone_id=_contact(w, w.adult_id, model.Phone(number=C_PHONE)),
        address_id=_contact(
            w, w.adult_id, model.Address(full=C_ADDRESS, street=C_STREET, city="Bila Tserkva")
        ),
        handle_id=_contact(
            w,
            w.adult_id,
            model.OnlineHandle(handle_kind="messenger", value=C_HANDLE, platform="Telegram"),
        ),
        suspect_phone_id=_contact(w, w.suspect_id, model.Phone(number=SUSPECT_PHONE)),
    )


def _shows(text: str) -> list[str]:
    return [v for v in VALUES if v in text]


def test_reads_lists_and_searches_mask_a_victim_s_contact_records(contacts: Contacts) -> None:
    c, w = contacts, contacts.w
    for reader in (w.on_case, w.colleague, w.supervisor, w.actor(Role.ANALYST)):
        for rid in (c.phone_id, c.address_id, c.handle_id):
            assert _shows(repr(records.read(w.node, reader, rid).facts)) == []
        for kind in ("phone", "address", "handle"):
            page = records.list_records(w.node, reader, ListFilter(kind=kind))
            assert page.total >= 1 and _shows(repr([r.facts for r in page.items])) == []
        found = records.search(
            w.node, reader, records.SearchQuery(kind="phone", phone=C_PHONE), purpose="check"
        )
        assert [r.facts.number for r in found] == [MASK]
    # The suspect's phone is not a victim's: shown as it is.
    assert records.read(w.node, w.colleague, c.suspect_phone_id).facts.number == SUSPECT_PHONE
    masked = records.read(w.node, w.colleague, c.address_id).facts
    assert (masked.full, masked.street, masked.city) == (MASK, MASK, MASK)


def test_unmasking_a_contact_record_needs_a_reason_and_sight_of_the_victim(
    contacts: Contacts,
) -> None:
    c, w = contacts, contacts.w
    shown = records.read(w.node, w.on_case, c.phone_id, unmask_reason="call to arrange shelter")
    assert shown.facts.number == C_PHONE
    assert records.read(w.node, w.on_case, c.phone_id).facts.number == MASK  # one response
    with pytest.raises(Invalid, match="unmask_reason"):
        records.read(w.node, w.on_case, c.phone_id, unmask_reason="  ")
    # A colleague not on the case may read the phone record, never unmask it.
    with pytest.raises(Forbidden, match="only those who may see the victim"):
        records.read(w.node, w.colleague, c.phone_id, unmask_reason="curious")
    with reading(w.node.engine) as conn:
        rows = conn.execute(select(audit_log).where(audit_log.c.action == "unmask")).all()
        everything = repr(conn.execute(select(audit_log)).all())
    assert [(r.record_id, r.purpose) for r in rows] == [(c.phone_id, "call to arrange shelter")]
    assert _shows(everything) == []
    # A masked form sent back leaves the stored value as it is.
    records.update(w.node, w.on_case, c.address_id, changes={"full": MASK, "street": MASK})
    again = records.read(w.node, w.on_case, c.address_id, unmask_reason="check the update")
    assert (again.facts.full, again.facts.street) == (C_ADDRESS, C_STREET)


def test_create_and_update_answer_masked_like_every_read(contacts: Contacts) -> None:
    c, w = contacts, contacts.w
    created = records.create(
        w.node, w.recorder, person("Nadia Probna", phones=["+380441110000"]), ProvenanceIn()
    )
    assert created.facts.phones == [MASK]
    updated = records.update(w.node, w.on_case, c.phone_id, changes={"phone_kind": "mobile"})
    assert updated.facts.number == MASK
    with TestClient(create_app(node=w.node)) as client:
        token = client.post(
            "/api/token", data={"username": w.recorder.username, "password": PASSWORD}
        ).json()["access_token"]
        h = {"Authorization": f"Bearer {token}"}
        body = {"facts": {"names": [{"full": "Nadia Druha"}], "role": "victim"}}
        body["facts"]["phones"] = ["+380441110001"]
        got = client.post("/api/persons", json=body, headers=h)
        assert got.status_code == 201 and "+380441110001" not in got.text
        assert got.json()["facts"]["phones"] == [MASK]
        got = client.get(f"/api/phones/{c.phone_id}", headers=h)
        assert got.status_code == 200 and got.json()["facts"]["number"] == MASK
        got = client.get("/api/addresses", headers=h)
        assert got.status_code == 200 and _shows(got.text) == []


def test_network_graphs_and_their_exports_mask_a_victim_s_contacts(contacts: Contacts) -> None:
    c, w = contacts, contacts.w
    graph = network.get_neighbourhood(w.node, w.on_case, w.adult_id, depth=2)
    assert {c.phone_id, c.address_id, c.handle_id} <= set(graph.nodes)
    assert graph.nodes[c.phone_id].label == MASK
    # The victim's own phone, e-mail and address identifiers: no value even in the node id.
    texts = [
        json.dumps(graph.as_dict()),
        network.graphml(graph),
        network.svg(graph),
        repr(zipfile.ZipFile(io.BytesIO(network.csv_zip(graph))).read("entities.csv")),
    ]
    protected = (*VALUES, "+380441234567", "olena.test@example.org", "Khreshchatyk")
    for text in texts:
        assert [v for v in protected if v in text] == []
    # Every other way to a graph passes the same mask.
    report = network.get_network(w.node, w.on_case, w.adult_id, weak=True)
    more = [
        report.as_dict(),
        network.expand(w.node, w.on_case, [w.adult_id]).as_dict(),
        network.subgraph(w.node, w.on_case, [w.adult_id, c.phone_id]).as_dict(),
        network.get_path(w.node, w.on_case, w.adult_id, c.handle_id).as_dict(),
    ]
    assert [v for v in protected if v in json.dumps(more, default=str)] == []
    # The suspect's phone is shown.
    suspect = network.get_neighbourhood(w.node, w.colleague, w.suspect_id, depth=1)
    assert suspect.nodes[c.suspect_phone_id].label == SUSPECT_PHONE


def test_pages_of_the_victim_the_contact_records_and_linked_records(contacts: Contacts) -> None:
    c, w = contacts, contacts.w
    document = records.create(
        w.node,
        w.recorder,
        model.Document(issuing_country="UA", number="FT123456"),
        ProvenanceIn(),
    )
    records.create(
        w.node,
        w.recorder,
        model.Link(
            link_kind="person_document", source=w.adult_id, target=document.id, role="holder"
        ),
        ProvenanceIn(),
    )
    with new_client(w.node) as client:
        assert sign_in(client, w.on_case.username).status_code == 303
        for path in (
            f"/documents/{document.id}",
            f"/persons/{w.adult_id}",
            f"/victims/{w.adult_id}",
            f"/records/{c.phone_id}",
            f"/records/{c.address_id}",
            f"/records/{c.handle_id}",
            f"/records/{w.case_id}",
        ):
            page = client.get(path)
            assert page.status_code == 200, path
            assert _shows(page.text) == [], path
        page = client.get(f"/records/{c.phone_id}")
        assert MASK in page.text and "Show protected fields" in page.text
        assert SUSPECT_PHONE in client.get(f"/persons/{w.suspect_id}").text
        # Unmasked on the record page with a reason, for this page only.
        url = f"/records/{c.phone_id}/unmask"
        refused = client.post(url, data={"csrf": csrf_of(page.text), "unmask_reason": ""})
        assert refused.status_code == 422 and "State why" in refused.text
        assert C_PHONE not in refused.text
        shown = client.post(url, data={"csrf": csrf_of(page.text), "unmask_reason": "call her"})
        assert shown.status_code == 200 and C_PHONE in shown.text
        assert C_PHONE not in client.get(f"/records/{c.phone_id}").text
    with new_client(w.node) as client:
        assert sign_in(client, w.colleague.username).status_code == 303
        page = client.get(f"/records/{c.address_id}")
        assert page.status_code == 200 and _shows(page.text) == []
        url = f"/records/{c.address_id}/unmask"
        refused = client.post(url, data={"csrf": csrf_of(page.text), "unmask_reason": "curious"})
        assert refused.status_code == 403 and _shows(refused.text) == []


def test_exports_and_exchange_never_carry_a_victim_s_contact_records(
    contacts: Contacts, caplog
) -> None:
    c, w = contacts, contacts.w
    caplog.set_level(logging.DEBUG)
    exported = list(records.export(w.node, w.supervisor, ListFilter(kind="phone"), purpose="x"))
    assert [r.id for r in exported] == [c.suspect_phone_id]
    ncb = w.actor(Role.NCB_OFFICER)
    for rid in (c.phone_id, c.address_id, c.handle_id):
        with pytest.raises(Forbidden, match="a victim's contact details"):
            exchange.send(
                w.node, ncb, Draft(kind=Kind.MESSAGE, recipients=["DE"]), record_ids=[rid]
            )
    with reading(w.node.engine) as conn:
        assert exchange_store.count_messages(conn, "out") == 0
        audited = repr(conn.execute(select(audit_log)).all())
    assert _shows(caplog.text) == [] and _shows(audited) == []


def test_the_case_team_sees_its_victims_in_linked_records_and_decisions(world: World) -> None:
    """Linked records and identity decisions use the one policy (case team, risk)."""
    from interlink.identity import decisions
    from interlink.web import duplicates

    w = world
    case = records.read(w.node, w.on_case, w.case_id)
    seen = {r.id for r in links.linked(w.node, w.on_case, case, None)}
    assert {w.adult_id, w.child_id, w.suspect_id} <= seen
    seen = {r.id for r in links.linked(w.node, w.colleague, case, None)}
    assert w.suspect_id in seen and w.adult_id not in seen
    twin = records.create(w.node, w.on_case, person("Olena Testenko"), ProvenanceIn())
    decisions.decide(w.node, w.on_case, w.adult_id, twin.id, "same", "same birth certificate")
    rows = duplicates.recorded(w.node, w.on_case, w.adult_id, None)
    assert [r.other_id for r in rows] == [twin.id]


def test_editing_a_masked_contact_record_in_the_web_form_keeps_its_value(
    contacts: Contacts,
) -> None:
    c, w = contacts, contacts.w
    with new_client(w.node) as client:
        assert sign_in(client, w.on_case.username).status_code == 303
        form = client.get(f"/records/{c.phone_id}/edit")
        assert form.status_code == 200 and C_PHONE not in form.text and MASK in form.text
        saved = client.post(
            f"/records/{c.phone_id}/edit",
            data={
                "csrf": csrf_of(form.text),
                "version": "1",
                "number": MASK,  # sent back as shown
                "phone_kind": "fixed",
                "prov-reliability": "B",
                "prov-assessment": "2",
                "prov-handling_code": "H0",
            },
        )
        assert saved.status_code == 303, saved.text
        assert C_PHONE not in client.get(f"/records/{c.phone_id}").text
    stored = records.read(w.node, w.on_case, c.phone_id, unmask_reason="checking the edit")
    assert stored.facts.number == C_PHONE and stored.facts.phone_kind == "fixed"


def test_a_masked_graph_node_has_the_same_id_in_every_worker_process(contacts: Contacts) -> None:
    """Charts merge nodes by id: another process of the same node (another API worker)
    must give a victim's masked phone the same opaque id."""
    w = contacts.w
    here = network.get_neighbourhood(w.node, w.on_case, w.adult_id, depth=1)
    opaque = sorted(n for n in here.nodes if OPAQUE in n)
    assert opaque  # the victim's own phone, e-mail and address identifiers
    child = (
        "import json, sys\n"
        "from interlink import network\n"
        "from interlink.access.roles import Actor, Role\n"
        "from interlink.node import Node\n"
        "from interlink.settings import Settings\n"
        "node = Node(Settings.model_validate_json(sys.argv[1]))\n"
        "id, username, role, unit = json.loads(sys.argv[2])\n"
        "actor = Actor(id, username, Role(role), unit)\n"
        "graph = network.get_neighbourhood(node, actor, sys.argv[3], depth=1)\n"
        "print(json.dumps(sorted(graph.nodes)))\n"
    )
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            child,
            w.node.settings.model_dump_json(),
            json.dumps([w.on_case.id, w.on_case.username, w.on_case.role, w.on_case.unit]),
            w.adult_id,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    there = json.loads(out.stdout)
    assert sorted(n for n in there if OPAQUE in n) == opaque
