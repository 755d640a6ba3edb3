"""The link chart and the pattern alerts in a real browser (Chromium through Playwright)
against `interlink serve` with planted networks: open a person, expand their network,
export GraphML and read it back with networkx; review and dismiss an alert."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from interlink import records
from interlink.access import Role
from interlink.access.accounts import add_user, ensure_unit
from interlink.domain import codes, model
from interlink.domain.provenance import ProvenanceIn
from interlink.node import Node
from interlink.settings import Settings
from interlink.store.db import transaction
from interlink.store.migrate import upgrade
from interlink.synthetic._networks import plant
from tests.e2e.conftest import cli_env, serving
from tests.network.conftest import load
from tests.web.test_browser import (
    PASSWORD,
    Site,
    Watch,
    browser,
    shot,
    sign_in,
    sync_api,
    watched_page,
)

__all__ = ["Watch", "browser"]  # fixtures shared with test_browser


def _broker(planted) -> str:
    ids = planted.patterns["chart"]["broker"]
    links = [r.facts for r in planted.records if isinstance(r.facts, model.Link)]
    return next(
        i
        for i in ids
        if sum(1 for f in links if str(f.source) == i and f.role == codes.LinkRole.BROKER) == 2
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    data = tmp_path_factory.mktemp("network-node")
    url = f"sqlite:///{data / 'interlink.db'}"
    node = Node(Settings(data_dir=data, database_url=url, node_country="UA"))
    upgrade(node.engine)
    with transaction(node.engine) as conn:
        ensure_unit(conn, "UA-KYIV", "Kyiv unit", "UA")
        ensure_unit(conn, "UA-LVIV", "Lviv unit", "UA")
        add_user(conn, "sup.kyiv", Role.SUPERVISOR, "UA-KYIV", PASSWORD)
        lviv = add_user(conn, "inv.lviv", Role.INVESTIGATOR, "UA-LVIV", PASSWORD).actor()
    planted = plant(seed=3)
    load(node, planted)
    broker = _broker(planted)
    # A Lviv H2 group linked to the broker: out of Kyiv's sight, so never on Kyiv's chart.
    secret = ProvenanceIn(handling_code=codes.HandlingCode.H2)
    hidden = records.create(node, lviv, model.Organization(names=["Hidden Group"]), secret).id
    records.create(
        node,
        lviv,
        model.Link(
            link_kind=codes.LinkKind.PERSON_ORGANIZATION,
            source=uuid.UUID(broker),
            target=uuid.UUID(hidden),
            role=codes.LinkRole.MEMBER,
        ),
        secret,
    )
    node.engine.dispose()
    env = cli_env(url, data)
    env["INTERLINK_EXCHANGE_WORKER"] = "false"  # no deliveries to make; this node only serves
    with serving(env) as base:
        site = Site(base, hidden)
        site.broker = broker  # type: ignore[attr-defined]
        key, ids = next(iter(planted.patterns["serial_marriages"].items()))
        site.groom = key[len("person:") :]  # type: ignore[attr-defined]
        site.marriage = sorted(ids - {site.groom})[0]  # type: ignore[attr-defined]
        yield site


@pytest.fixture
def page(browser, site: Site) -> Iterator[tuple[object, Watch]]:
    with watched_page(browser, site, accept_downloads=True) as opened:
        yield opened


def _chart_ids(pg) -> set[str]:
    return set(
        pg.eval_on_selector_all(
            "#network-nodes input[data-node]", "l => l.map(i => i.dataset.node)"
        )
    )


def test_open_a_person_expand_the_network_and_export_graphml(page, site, tmp_path: Path) -> None:
    pg, _watch = page
    expect = sync_api.expect
    sign_in(pg, "sup.kyiv")
    pg.goto(f"/persons/{site.broker}")
    pg.get_by_role("link", name="Network (link chart)").click()
    pg.wait_for_selector("#network-chart[data-ready='1']", timeout=20_000)
    expect(pg.get_by_role("status")).to_contain_text("nodes")
    assert pg.evaluate("typeof cytoscape") == "function"  # vendored, allowed by the CSP
    before = _chart_ids(pg)
    assert site.broker in before and site.groom in before
    assert site.hidden_id not in before
    shot(pg, "network-01-chart")

    # Expand with the keyboard-usable list: select one of the groom's marriages (two hops
    # away: its other spouse is not drawn yet), then "Expand selected".
    assert site.marriage in before
    pg.locator(f"#network-nodes input[data-node='{site.marriage}']").check()
    pg.get_by_role("button", name="Expand selected").click()
    pg.wait_for_function(
        "n => Number(document.getElementById('network-chart').dataset.nodes) > n",
        arg=len(before),
        timeout=20_000,
    )
    after = _chart_ids(pg)
    assert before < after and site.hidden_id not in after
    edges = int(pg.get_attribute("#network-chart", "data-edges") or 0)
    shot(pg, "network-02-expanded")

    with pg.expect_download() as got:
        pg.get_by_role("button", name="Export GraphML").click()
    path = tmp_path / "network.graphml"
    got.value.save_as(path)
    g = nx.read_graphml(path)
    assert set(g.nodes) == after
    assert g.number_of_edges() == edges
    assert g.nodes[site.broker]["Type"] == "person"
    assert site.hidden_id not in g.nodes

    with pg.expect_download() as got:
        pg.get_by_role("button", name="Export SVG").click()
    svg = tmp_path / "network.svg"
    got.value.save_as(svg)
    assert svg.read_text().startswith("<svg")


def test_an_alert_from_the_work_queue_is_reviewed_and_dismissed_with_a_reason(page) -> None:
    pg, watch = page
    expect = sync_api.expect
    watch.allowed_statuses.add(422)
    sign_in(pg, "sup.kyiv")
    expect(pg.get_by_role("heading", name="Pattern alerts of my unit")).to_be_visible()
    pg.get_by_role("link", name="Several identities on one photo").click()
    expect(pg.get_by_text("The same photo is on 3 person records.")).to_be_visible()
    expect(pg.locator("section ul li a")).to_have_count(6)  # 3 persons, each with its network
    shot(pg, "network-03-alert")
    pg.get_by_role("button", name="Dismiss").click()
    expect(pg.get_by_role("alert")).to_contain_text("Say why")
    pg.get_by_label("Why the alert needs no action").fill("Same person recorded three times.")
    pg.get_by_role("button", name="Dismiss").click()
    expect(pg.get_by_role("status")).to_contain_text("dismissed")
    expect(pg.get_by_text("Same person recorded three times.")).to_be_visible()
    pg.goto("/")
    expect(pg.get_by_role("link", name="Several identities on one photo")).to_have_count(0)
