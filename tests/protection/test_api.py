"""The protection API as a client uses it: masking, unmasking, role changes, referrals."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from interlink.api.app import create_app
from interlink.records.protected import MASK
from tests.conftest import PASSWORD
from tests.protection.conftest import AGENCY, PHONE, World


@pytest.fixture
def api(world: World):
    with TestClient(create_app(node=world.node)) as client:

        def headers(username: str) -> dict[str, str]:
            got = client.post("/api/token", data={"username": username, "password": PASSWORD})
            assert got.status_code == 200, got.text
            return {"Authorization": f"Bearer {got.json()['access_token']}"}

        yield client, headers


def test_person_masked_unmasked_and_role_change_needs_reason(api, world: World) -> None:
    client, headers = api
    h = headers(world.on_case.username)
    got = client.get(f"/api/persons/{world.adult_id}", headers=h)
    assert got.status_code == 200 and got.json()["facts"]["phones"] == [MASK]
    got = client.get(
        f"/api/persons/{world.adult_id}", params={"unmask_reason": "safe meeting"}, headers=h
    )
    assert got.json()["facts"]["phones"] == [PHONE]
    changed = client.patch(
        f"/api/persons/{world.suspect_id}", json={"facts": {"role": "victim"}}, headers=h
    )
    assert changed.status_code == 422 and changed.json()["detail"][0]["loc"] == ["body", "role"]
    changed = client.post(
        f"/api/persons/{world.suspect_id}/role",
        json={"role": "victim", "reason": "identified as a victim in the interview"},
        headers=h,
    )
    assert changed.status_code == 200, changed.text
    history = client.get(f"/api/persons/{world.suspect_id}/role-history", headers=h).json()
    assert [x["to_role"] for x in history] == ["victim"]
    assert (
        client.get(
            f"/api/victims/{world.adult_id}", headers=headers("investigator.colleague")
        ).status_code
        == 404
    )


def test_referral_through_the_api_and_the_portal(api, world: World) -> None:
    client, headers = api
    police = headers(world.on_case.username)
    refused = client.post(
        f"/api/victims/{world.refusing_id}/referrals", json={"agency": AGENCY}, headers=police
    )
    assert refused.status_code == 201 and refused.json()["referred"] is False
    assert "consent" in refused.json()["message"]
    made = client.post(
        f"/api/victims/{world.child_id}/referrals",
        json={"agency": AGENCY, "name_to_use": "Masha"},
        headers=police,
    ).json()
    assert made["referred"] is True
    welfare = headers(world.welfare.username)
    portal = client.get("/api/welfare/referrals", headers=welfare).json()
    assert [r["id"] for r in portal["referrals"]] == [made["referral_id"]]
    assert portal["referrals"][0]["victim_id"] is None
    assert len(portal["notifications"]) == 1
    rid = made["referral_id"]
    assert (
        client.post(
            f"/api/referrals/{rid}/state", json={"state": "accepted"}, headers=welfare
        ).status_code
        == 204
    )
    other = headers(world.other_welfare.username)
    assert client.get(f"/api/referrals/{rid}", headers=other).status_code == 404
    assert client.get("/api/welfare/referrals", headers=police).status_code == 403
    view = client.get(f"/api/referrals/{rid}", headers=police).json()
    assert view["state"] == "accepted" and view["victim_id"] == world.child_id


def test_case_priority_and_team(api, world: World) -> None:
    client, headers = api
    sup = headers(world.supervisor.username)
    p = client.get(f"/api/cases/{world.case_id}/priority", headers=sup).json()
    assert p["level"] == "child" and p["score"] >= 1000
    team = client.get(f"/api/cases/{world.case_id}/team", headers=sup).json()
    assert [m["username"] for m in team] == ["investigator.on.case"]
    bad = client.post(
        f"/api/cases/{world.case_id}/team", json={"user_id": world.welfare.id}, headers=sup
    )
    assert bad.status_code == 422
