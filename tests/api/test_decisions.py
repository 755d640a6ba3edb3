"""Identity decisions through the HTTP API: 201 / 200, and 403, 404, 409, 422."""

from __future__ import annotations

import uuid

from interlink.access import Role

WHY = "same passport number, photo matches"


def _person(client, headers, name: str, code: str = "H1") -> str:
    body = {"facts": {"names": [{"full": name}]}, "provenance": {"handling_code": code}}
    created = client.post("/api/persons", json=body, headers=headers)
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


def test_decide_list_replace_and_undo(client, login) -> None:
    inv = login(Role.INVESTIGATOR)
    a = _person(client, inv, "Олег Петренко")
    b = _person(client, inv, "PETRENKO, Oleg")
    made = client.post(
        f"/api/persons/{b}/decisions",
        json={"other_id": a, "verdict": "different", "reason": "different birth years"},
        headers=inv,
    )
    assert made.status_code == 201, made.text
    first = made.json()
    assert (first["left_id"], first["right_id"]) == tuple(sorted((a, b)))
    assert first["verdict"] == "different" and first["active"] is True
    assert first["reason"] == "different birth years" and first["undone_at"] is None
    replaced = client.post(
        f"/api/persons/{a}/decisions",
        json={"other_id": b, "verdict": "same", "reason": WHY},
        headers=inv,
    )
    assert replaced.status_code == 201, replaced.text
    second = replaced.json()
    for rid in (a, b):
        listed = client.get(f"/api/persons/{rid}/decisions", headers=inv)
        assert listed.status_code == 200, listed.text
        assert listed.json() == {"record_id": rid, "decisions": [second]}
    # The person records are unchanged: a decision is a link, not a merge.
    assert client.get(f"/api/persons/{a}", headers=inv).json()["version"] == 1
    undone = client.post(
        f"/api/decisions/{second['id']}/undo", json={"reason": "wrong file"}, headers=inv
    )
    assert undone.status_code == 200, undone.text
    body = undone.json()
    assert body["id"] == second["id"] and body["active"] is False
    assert body["undo_reason"] == "wrong file" and body["undone_by"] == second["decided_by"]
    listed = client.get(f"/api/persons/{a}/decisions", headers=inv)
    assert listed.json()["decisions"] == []
    again = client.post(
        f"/api/decisions/{second['id']}/undo", json={"reason": "wrong file"}, headers=inv
    )
    assert again.status_code == 409
    superseded = client.post(
        f"/api/decisions/{first['id']}/undo", json={"reason": "wrong file"}, headers=inv
    )
    assert superseded.status_code == 409


def test_bad_input_is_422(client, login) -> None:
    inv = login(Role.INVESTIGATOR)
    a = _person(client, inv, "Олег Петренко")
    b = _person(client, inv, "Oleh Petrenko")
    url = f"/api/persons/{a}/decisions"
    for body, field in (
        ({"other_id": b, "verdict": "maybe", "reason": WHY}, "verdict"),
        ({"other_id": b, "verdict": "same", "reason": "ok"}, "reason"),
        ({"other_id": b, "verdict": "same"}, "reason"),
        ({"other_id": "not-an-id", "verdict": "same", "reason": WHY}, "other_id"),
        ({"other_id": a, "verdict": "same", "reason": WHY}, "other_id"),
        ({"other_id": b, "verdict": "same", "reason": WHY, "extra": 1}, "extra"),
    ):
        response = client.post(url, json=body, headers=inv)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["detail"][0]["loc"][-1] == field, response.text
    made = client.post(url, json={"other_id": b, "verdict": "same", "reason": WHY}, headers=inv)
    undo = client.post(f"/api/decisions/{made.json()['id']}/undo", json={}, headers=inv)
    assert undo.status_code == 422


def test_access_403_and_404(client, login) -> None:
    inv = login(Role.INVESTIGATOR)
    shared = _person(client, inv, "Олег Петренко", "H0")
    own = _person(client, inv, "PETRENKO, Oleg", "H2")
    other = _person(client, inv, "Oleh Petrenko", "H0")
    body = {"other_id": other, "verdict": "same", "reason": WHY}
    analyst = login(Role.ANALYST)
    refused = client.post(f"/api/persons/{shared}/decisions", json=body, headers=analyst)
    assert refused.status_code == 403
    assert client.get(f"/api/persons/{shared}/decisions", headers=analyst).status_code == 200
    lviv = login(Role.INVESTIGATOR, "UA-LVIV")
    mine = _person(client, lviv, "Maria Popescu")
    to_shared = {**body, "other_id": shared}
    response = client.post(f"/api/persons/{mine}/decisions", json=to_shared, headers=lviv)
    assert response.status_code == 403  # visible, not theirs to change
    to_own = {**body, "other_id": own}
    response = client.post(f"/api/persons/{mine}/decisions", json=to_own, headers=lviv)
    assert response.status_code == 404
    missing = {**body, "other_id": str(uuid.uuid4())}
    response = client.post(f"/api/persons/{shared}/decisions", json=missing, headers=inv)
    assert response.status_code == 404
    made = client.post(
        f"/api/persons/{shared}/decisions", json={**body, "other_id": own}, headers=inv
    )
    assert made.status_code == 201
    hidden = made.json()["id"]
    assert client.get(f"/api/persons/{own}/decisions", headers=lviv).status_code == 404
    assert client.get(f"/api/persons/{shared}/decisions", headers=lviv).json()["decisions"] == []
    undo = client.post(f"/api/decisions/{hidden}/undo", json={"reason": "not mine"}, headers=lviv)
    assert undo.status_code == 404 and own not in undo.text
    response = client.post(
        f"/api/decisions/{uuid.uuid4()}/undo", json={"reason": "x y z"}, headers=inv
    )
    assert response.status_code == 404
    assert client.get(f"/api/persons/{uuid.uuid4()}/decisions", headers=inv).status_code == 404
    assert client.get(f"/api/persons/{shared}/decisions").status_code == 401
