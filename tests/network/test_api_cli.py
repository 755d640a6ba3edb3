"""The network API and the `interlink network` commands, on the planted networks."""

from __future__ import annotations

import io
import zipfile

import networkx as nx

from interlink.access import Role
from tests.api.conftest import client, login
from tests.cli.conftest import cli
from tests.network.test_graph import _broker

__all__ = ["cli", "client", "login"]  # fixtures


def test_the_api_answers_graphs_alerts_and_refuses_bad_input(client, login, planted) -> None:
    analyst = login(Role.ANALYST)
    broker = _broker(planted)
    got = client.post(
        "/api/network/neighbourhood", json={"start": broker, "depth": 2}, headers=analyst
    )
    assert got.status_code == 200
    assert set(planted.patterns["chart"]["broker"]) <= {n["id"] for n in got.json()["nodes"]}
    bad = client.post(
        "/api/network/neighbourhood",
        json={"start": broker, "filters": {"kinds": ["spaceship"]}},
        headers=analyst,
    )
    assert bad.status_code == 422 and "kinds" in bad.text
    report = client.post("/api/network/network", json={"start": broker}, headers=analyst).json()
    assert report["communities"] and report["key_players"]
    out = client.post(
        "/api/network/export", json={"start": broker, "format": "graphml"}, headers=analyst
    )
    assert set(nx.read_graphml(io.BytesIO(out.content)).nodes) == {
        n["id"] for n in got.json()["nodes"]
    }
    alerts = client.get("/api/network/alerts", headers=analyst).json()
    assert {a["pattern"] for a in alerts} >= {"shared_document", "shared_photo"}
    one = alerts[0]["id"]
    refused = client.post(
        f"/api/network/alerts/{one}/dismiss", json={"reason": "no"}, headers=analyst
    )
    assert refused.status_code == 422
    done = client.post(
        f"/api/network/alerts/{one}/dismiss",
        json={"reason": "Reviewed: one person."},
        headers=analyst,
    )
    assert (
        done.status_code == 200 and done.json()["reviews"][0]["reason"] == "Reviewed: one person."
    )
    inv = login(Role.INVESTIGATOR)
    assert client.post("/api/network/alerts/run", headers=inv).status_code == 403
    assert client.post("/api/network/alerts/run", headers=analyst).status_code == 200
    assert client.post("/api/network/neighbourhood", json={"start": broker}).status_code == 401


def test_the_commands_run_list_dismiss_and_export(cli, planted, tmp_path) -> None:
    done = cli("network", "alerts", "run", "--user", "sup")
    assert done.exit_code == 0, done.output
    listed = cli("network", "alerts", "list", "--user", "sup")
    assert listed.exit_code == 0 and "shared_photo" in listed.output
    alert_id = next(
        line.split("\t")[0] for line in listed.output.splitlines() if "shared_photo" in line
    )
    missing = cli("network", "alerts", "dismiss", alert_id, "--reason", " ", "--user", "sup")
    assert missing.exit_code == 2 and "reason" in missing.output
    ok = cli(
        "network", "alerts", "dismiss", alert_id, "--reason", "Checked twice.", "--user", "sup"
    )
    assert ok.exit_code == 0, ok.output
    assert cli("network", "alerts", "run", "--user", "inv").exit_code == 3
    broker = _broker(planted)
    target = tmp_path / "net.zip"
    exported = cli(
        "network", "export", broker, "--format", "csv", "-o", str(target), "--user", "sup"
    )
    assert exported.exit_code == 0, exported.output
    with zipfile.ZipFile(target) as z:
        assert z.read("entities.csv").decode("utf-8-sig").startswith("Id,Label,Type")
    graphml = cli("network", "export", broker, "--user", "sup")
    assert graphml.exit_code == 0 and "<graphml" in graphml.stdout
    bad = cli("network", "export", broker, "--format", "csv", "--user", "sup")
    assert bad.exit_code == 2 and "--output" in bad.output
