"""The network pages without a browser: the chart page, its JSON, exports and alert review."""

from __future__ import annotations

import io
import zipfile

import networkx as nx
import pytest

from interlink.access import Role
from tests.network.conftest import planted  # noqa: F401 - the planted-network fixture
from tests.web.conftest import csrf_of


def _broker(planted) -> str:  # noqa: F811
    from tests.network.test_graph import _broker as broker

    return broker(planted)


@pytest.fixture
def sup(signed_in):
    return signed_in(Role.SUPERVISOR)


def test_the_chart_page_and_its_data(sup, planted) -> None:  # noqa: F811
    broker = _broker(planted)
    page = sup.get(f"/network/{broker}")
    assert page.status_code == 200, page.text
    assert 'src="/static/cytoscape.min.js"' in page.text and "<script>" not in page.text
    csrf = csrf_of(page.text)
    got = sup.post("/network/graph", data={"csrf": csrf, "start": broker, "depth": "2"})
    assert got.status_code == 200
    graph = got.json()
    ids = {n["id"] for n in graph["nodes"]}
    assert set(planted.patterns["chart"]["broker"]) <= ids
    bad = sup.post("/network/graph", data={"csrf": csrf, "start": broker, "date_from": "soon"})
    assert bad.status_code == 422 and bad.json()["field"] == "date_from"
    refused = sup.post("/network/graph", data={"start": broker})
    assert refused.status_code in (400, 403)  # no CSRF token: nothing read
    more = sup.post("/network/expand", data={"csrf": csrf, "nodes": sorted(ids)[:3]})
    assert more.status_code == 200
    out = sup.post(
        "/network/export", data={"csrf": csrf, "format": "graphml", "nodes": sorted(ids)}
    )
    assert out.headers["content-type"].startswith("application/graphml+xml")
    g = nx.read_graphml(io.BytesIO(out.content))
    assert set(g.nodes) == ids
    zipped = sup.post("/network/export", data={"csrf": csrf, "format": "csv", "nodes": sorted(ids)})
    with zipfile.ZipFile(io.BytesIO(zipped.content)) as z:
        assert sorted(z.namelist()) == ["entities.csv", "links.csv"]


def test_the_person_page_links_to_the_chart_and_the_queue_lists_alerts(sup, planted) -> None:  # noqa: F811
    broker = _broker(planted)
    assert f'href="/network/{broker}"' in sup.get(f"/persons/{broker}").text
    home = sup.get("/").text
    assert "Pattern alerts of my unit" in home
    assert "Several identities on one photo" in home
    listing = sup.get("/alerts")
    assert listing.status_code == 200 and "The same photo is on 3 person records." in listing.text


def test_dismissing_an_alert_on_its_page_needs_a_reason(sup, planted) -> None:  # noqa: F811
    import re

    listing = sup.get("/alerts").text
    alert_id = re.search(r'href="/alerts/([0-9a-f-]{36})"', listing).group(1)
    page = sup.get(f"/alerts/{alert_id}")
    assert page.status_code == 200
    csrf = csrf_of(page.text)
    refused = sup.post(f"/alerts/{alert_id}/dismiss", data={"csrf": csrf, "reason": ""})
    assert refused.status_code == 422 and "Say why" in refused.text
    done = sup.post(
        f"/alerts/{alert_id}/dismiss", data={"csrf": csrf, "reason": "Checked: known family."}
    )
    assert done.status_code == 303
    shown = sup.get(done.headers["location"]).text
    assert "Checked: known family." in shown and "dismissed" in shown
