"""The Secretariat's API and CLI: bad input is a 4xx / exit 2 naming the field and changes
nothing; a report goes through the outbox; hits and notices are listed."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from interlink import records
from interlink.access import Role
from interlink.api.app import create_app
from interlink.cli import app as cli_app
from interlink.domain import ProvenanceIn, model
from interlink.exchange.messages import Body, Draft, Kind
from tests.conftest import PASSWORD
from tests.exchange.secretariat_support import capturing, deliver, identity, person_facts


@pytest.fixture
def client(node) -> Iterator[TestClient]:
    with TestClient(create_app(node=node)) as c:
        yield c


def _headers(client: TestClient, people, role: Role) -> dict[str, str]:
    actor = people.actor(role)
    r = client.post("/api/token", data={"username": actor.username, "password": PASSWORD})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def _suspect(node, people, by: Role = Role.NCB_OFFICER, **extra) -> str:
    facts = person_facts(identity(61)) | extra
    return records.create(
        node, people.actor(by), model.Person.model_validate(facts), ProvenanceIn()
    ).id


def test_report_through_the_api(client, node, people) -> None:
    rid = _suspect(node, people)
    headers = _headers(client, people, Role.NCB_OFFICER)
    with capturing() as box:
        r = client.post(
            "/api/secretariat/reports",
            headers=headers,
            json={"record_ids": [rid], "hit_countries": ["DE", "PL"], "detail_countries": ["DE"]},
        )
    assert r.status_code == 201, r.text
    assert r.json()["record_ids"] == [rid]
    [(_, draft)] = box.sent
    assert draft.kind == Kind.REPORT and draft.body.records[0].dissemination.detail_countries == [
        "DE"
    ]


@pytest.mark.parametrize(
    ("body", "status", "word"),
    [
        ({"hit_countries": ["Atlantis"]}, 422, "hit_countries"),
        ({"detail_countries": ["XQ"]}, 422, "detail_countries"),
        ({"record_ids": []}, 422, "record_ids"),
    ],
)
def test_bad_reports_are_refused_and_send_nothing(client, node, people, body, status, word):
    rid = _suspect(node, people)
    headers = _headers(client, people, Role.NCB_OFFICER)
    with capturing() as box:
        r = client.post(
            "/api/secretariat/reports", headers=headers, json={"record_ids": [rid], **body}
        )
    assert r.status_code == status and word in r.text
    assert box.sent == []


def test_a_victim_report_is_403_and_an_analyst_may_not_report(client, node, people) -> None:
    victim = _suspect(node, people, Role.INVESTIGATOR, role="victim")
    with capturing() as box:
        r = client.post(
            "/api/secretariat/reports",
            headers=_headers(client, people, Role.SUPERVISOR),
            json={"record_ids": [victim]},
        )
        assert r.status_code == 403 and "victim" in r.text
        r = client.post(
            "/api/secretariat/reports",
            headers=_headers(client, people, Role.ANALYST),
            json={"record_ids": [_suspect(node, people)]},
        )
        assert r.status_code == 403
    assert box.sent == []


def test_hits_and_notices_through_the_api(client, node, people) -> None:
    rid = _suspect(node, people)
    hit_id = str(uuid.uuid4())
    data = {
        "hit": hit_id,
        "status": "open",
        "record": rid,
        "other_country": "DE",
        "band": "same",
        "probability": 0.98,
    }
    deliver(node, "GS", Draft(kind=Kind.HIT, recipients=["UA"], body=Body(data=data)))
    headers = _headers(client, people, Role.INVESTIGATOR)
    [listed] = client.get("/api/secretariat/hits", headers=headers).json()
    assert (
        listed["hit_id"] == hit_id and listed["other_country"] == "DE" and listed["read_at"] is None
    )
    one = client.get(f"/api/secretariat/hits/{hit_id}", headers=headers).json()
    assert one["record_id"] == rid and one["other_copy_id"] is None
    assert client.get(f"/api/secretariat/hits/{uuid.uuid4()}", headers=headers).status_code == 404
    assert client.get("/api/secretariat/hits?status=maybe", headers=headers).status_code == 422
    assert client.get("/api/secretariat/notices", headers=headers).json() == []
    refused = client.post(
        "/api/secretariat/notices",
        headers=_headers(client, people, Role.NCB_OFFICER),
        json={"kind": "warning", "subject": "x"},
    )
    assert refused.status_code == 422 and "Secretariat" in refused.text  # a national node


def test_the_cli_reports_and_refuses_bad_input_with_exit_2(node, people, settings) -> None:
    rid = _suspect(node, people)
    env = {
        "INTERLINK_DATABASE_URL": settings.sqlalchemy_url,
        "INTERLINK_DATA_DIR": str(settings.data_dir),
        "INTERLINK_NODE_COUNTRY": "UA",
        "INTERLINK_USER": people.actor(Role.NCB_OFFICER).username,
    }
    runner = CliRunner()
    with capturing() as box:
        bad = runner.invoke(
            cli_app, ["secretariat", "report", rid, "--hit-countries", "Atlantis"], env=env
        )
        assert bad.exit_code == 2 and "hit_countries" in bad.output
        assert box.sent == []
        good = runner.invoke(
            cli_app,
            ["secretariat", "report", rid, "--detail-countries", "DE", "--hit-countries", "DE,PL"],
            env=env,
        )
    assert good.exit_code == 0, good.output
    assert rid in good.output and len(box.sent) == 1
