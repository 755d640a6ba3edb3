"""The link graph: neighbourhoods, paths, networks, exports — and what a reader may not see
is absent from all of them, even as a node along the way."""

from __future__ import annotations

import io
import json
import uuid
import zipfile

import networkx as nx
import pytest
from sqlalchemy import select

from interlink import network
from interlink.access import Role
from interlink.domain import codes, model
from interlink.domain.provenance import ProvenanceIn
from interlink.records import service as records
from interlink.records.errors import Invalid, NotFound
from interlink.store.db import transaction
from interlink.store.schema import audit_log


def _broker(planted) -> str:
    """The planted person linked as broker to two cells."""
    return next(i for i in planted.patterns["chart"]["broker"] if _is_broker(planted, i))


def _is_broker(planted, rid: str) -> bool:
    links = [r.facts for r in planted.records if isinstance(r.facts, model.Link)]
    return sum(1 for f in links if str(f.source) == rid and f.role == codes.LinkRole.BROKER) == 2


def test_the_neighbourhood_holds_links_events_and_shared_identifiers(node, planted, people) -> None:
    analyst = people.actor(Role.ANALYST)
    broker = _broker(planted)
    graph = network.get_neighbourhood(node, analyst, broker, depth=2)
    kinds = {n.kind for n in graph.nodes.values()}
    assert {"person", "organization", "marriage"} <= kinds
    chart = set(planted.patterns["chart"]["broker"])
    assert chart <= set(graph.nodes)  # cells, recruiter and the groom
    # the groom's marriages and document number are two hops away; the recruiter's phone three
    assert sum(1 for n in graph.nodes.values() if n.kind == "marriage") == 3
    assert any(n.kind == "document" and not n.record for n in graph.nodes.values())
    assert not any(n.kind == "phone" for n in graph.nodes.values())
    deeper = network.get_neighbourhood(node, analyst, broker, depth=3)
    assert any(n.kind == "phone" and not n.record for n in deeper.nodes.values())
    # a Link record is one edge between its two ends, not a node
    assert not any(n.kind == "link" for n in graph.nodes.values())
    links = [e for e in graph.edges.values() if e.kind == "link"]
    assert links and all(e.record for e in links)


def test_filters_limit_the_kinds_dates_and_countries(node, planted, people) -> None:
    analyst = people.actor(Role.ANALYST)
    broker = _broker(planted)
    only = network.check_filters(kinds=["person", "organization"])
    graph = network.get_neighbourhood(node, analyst, broker, depth=2, filters=only)
    assert {n.kind for n in graph.nodes.values()} <= {"person", "organization"}
    dated = network.check_filters(date_from="2022")
    graph = network.get_neighbourhood(node, analyst, broker, depth=2, filters=dated)
    dates = [n.date for n in graph.nodes.values() if n.kind == "marriage"]
    assert dates == ["2023-01"]
    moldova = network.check_filters(countries=["MD"], kinds=["organization"])
    graph = network.get_neighbourhood(node, analyst, broker, depth=1, filters=moldova)
    assert [n.countries for n in graph.nodes.values() if n.kind == "organization"] == [["MD"]]
    with pytest.raises(Invalid) as bad:
        network.check_filters(kinds=["spaceship"])
    assert bad.value.field == "kinds"
    with pytest.raises(Invalid) as bad:
        network.check_filters(date_to="soon")
    assert bad.value.field == "date_to"


def _hidden_bridge(node, people, planted) -> tuple[str, str, str]:
    """A Lviv H2 organization (out of Kyiv's sight) that alone joins the broker to a Lviv
    H0 person Kyiv may see."""
    lviv = people.actor(Role.INVESTIGATOR, "UA-LVIV")
    secret = ProvenanceIn(handling_code=codes.HandlingCode.H2)
    org = records.create(node, lviv, model.Organization(names=["Hidden Lviv Group"]), secret)
    far = records.create(
        node, lviv, model.Person(names=[model.PersonName(full="Far Away")]), ProvenanceIn()
    )
    broker = _broker(planted)
    kyiv = people.actor(Role.INVESTIGATOR)
    # Kyiv's broker to the hidden org: a link owned (and hidden) in Lviv; Lviv can see the
    # broker because Kyiv's H0 records are shared nationally.
    for person in (broker, far.id):
        records.create(
            node,
            lviv,
            model.Link(
                link_kind=codes.LinkKind.PERSON_ORGANIZATION,
                source=uuid.UUID(person),
                target=uuid.UUID(org.id),
                role=codes.LinkRole.MEMBER,
            ),
            secret,
        )
    assert kyiv
    return broker, org.id, far.id


def test_a_hidden_record_is_absent_not_blank_even_on_a_path(node, planted, people) -> None:
    broker, org, far = _hidden_bridge(node, people, planted)
    kyiv = people.actor(Role.ANALYST)
    graph = network.get_neighbourhood(node, kyiv, broker, depth=3)
    assert org not in graph.nodes and far not in graph.nodes
    assert not any(org in (e.source, e.target) for e in graph.edges.values())
    assert network.get_path(node, kyiv, broker, far).nodes == {}
    with pytest.raises(NotFound):
        network.get_neighbourhood(node, kyiv, org, depth=1)
    lviv = people.actor(Role.INVESTIGATOR, "UA-LVIV")
    path = network.get_path(node, lviv, broker, far)
    assert list(path.nodes) and set(path.nodes) == {broker, org, far}
    assert len(path.edges) == 2


def test_shortest_path_between_two_persons(node, planted, people) -> None:
    analyst = people.actor(Role.ANALYST)
    broker = _broker(planted)
    groom = next(iter(planted.patterns["serial_marriages"].values()))
    wife_marriages = [
        r for r in planted.records if isinstance(r.facts, model.Marriage) and str(r.id) in groom
    ]
    wife = str(wife_marriages[0].facts.spouses[1])
    path = network.get_path(node, analyst, broker, wife)
    assert path.nodes[broker] and path.nodes[wife]
    assert len(path.nodes) == 4  # broker – groom – marriage – wife
    assert len(path.edges) == 3


def test_the_network_of_a_person_with_communities_key_players_and_timeline(
    node, planted, people
) -> None:
    analyst = people.actor(Role.ANALYST)
    broker = _broker(planted)
    report = network.get_network(node, analyst, broker)
    assert set(planted.patterns["chart"]["broker"]) <= set(report.graph.nodes)
    assert sum(len(c) for c in report.communities) == len(report.graph.nodes)
    top = {k.id: k for k in report.key_players}
    assert broker in top and top[broker].broker  # ties into UA and MD
    assert report.key_players[0].betweenness >= top[broker].betweenness - 1e-9
    dates = [e["date"] for e in report.timeline]
    assert dates == sorted(dates)


def test_every_graph_read_is_audited_with_ids_and_counts_only(node, planted, people) -> None:
    analyst = people.actor(Role.ANALYST)
    broker = _broker(planted)
    graph = network.get_neighbourhood(node, analyst, broker, depth=2, purpose="case 12")
    with transaction(node.engine) as conn:
        entry = conn.execute(
            select(audit_log)
            .where(audit_log.c.action == "network")
            .order_by(audit_log.c.seq.desc())
        ).first()
    assert entry is not None and entry.purpose == "case 12"
    details = json.loads(entry.details)
    assert details["returned"] == graph.record_ids()
    assert details["nodes"] == len(graph.nodes)
    text = entry.details
    for n in graph.nodes.values():  # no label, no phone number, no document number
        if n.kind in ("person", "organization", "phone"):
            assert n.label not in text


def test_graphml_and_csv_exports_hold_the_same_graph(node, planted, people) -> None:
    analyst = people.actor(Role.ANALYST)
    graph = network.get_neighbourhood(node, analyst, _broker(planted), depth=2)
    g = nx.read_graphml(io.StringIO(network.graphml(graph)))
    assert set(g.nodes) == set(graph.nodes)
    assert g.number_of_edges() == len(graph.edges)
    some = next(iter(graph.nodes.values()))
    assert g.nodes[some.id]["Label"] == some.label
    with zipfile.ZipFile(io.BytesIO(network.csv_zip(graph))) as z:
        entities = z.read("entities.csv").decode("utf-8-sig").splitlines()
        links = z.read("links.csv").decode("utf-8-sig").splitlines()
    assert entities[0].startswith("Id,Label,Type") and len(entities) == len(graph.nodes) + 1
    assert links[0].startswith("Source,Target,Type") and len(links) == len(graph.edges) + 1


def test_a_role_without_reading_rights_has_no_graph(node, planted, people) -> None:
    from interlink.records.errors import Forbidden

    with pytest.raises(Forbidden):
        network.get_neighbourhood(node, people.actor(Role.WELFARE_OFFICER), _broker(planted))
    with pytest.raises(Invalid):
        network.get_neighbourhood(node, people.actor(Role.ANALYST), "not-an-id")


def test_a_super_node_is_cut_at_the_limit_and_says_so(node, people) -> None:
    """A phone shared by many, or an organization with many links, brings at most
    ``per_node`` neighbours and is marked truncated; below the limit nothing is cut."""
    from interlink.network import _visible
    from interlink.network.graph import key_id, neighbourhood

    supervisor = people.actor(Role.SUPERVISOR)
    org = records.create(
        node, supervisor, model.Organization(names=["Call Centre"]), ProvenanceIn()
    )
    phone = "+380441234567"
    members = []
    for i in range(6):
        p = records.create(
            node,
            supervisor,
            model.Person(names=[model.PersonName(full=f"Caller {i}")], phones=[phone]),
            ProvenanceIn(),
        )
        records.create(
            node,
            supervisor,
            model.Link(
                link_kind=codes.LinkKind.PERSON_ORGANIZATION,
                source=uuid.UUID(p.id),
                target=uuid.UUID(org.id),
                role=codes.LinkRole.MEMBER,
            ),
            ProvenanceIn(),
        )
        members.append(p.id)
    visible = _visible(supervisor)
    with transaction(node.engine) as conn:
        hub = neighbourhood(conn, visible, org.id, 1, per_node=4)
        whole = neighbourhood(conn, visible, org.id, 1, per_node=6)
        shared = neighbourhood(conn, visible, key_id("phone", phone), 1, per_node=4)
    assert hub.nodes[org.id].truncated
    assert len([n for n in hub.nodes if n in members]) == 4
    assert not whole.nodes[org.id].truncated
    assert set(members) <= set(whole.nodes)
    phone_node = key_id("phone", phone)
    assert shared.nodes[phone_node].truncated
    assert len([n for n in shared.nodes if n in members]) == 4
