"""POST /api/persons/match and GET /api/persons/{id}/matches."""

from __future__ import annotations

from interlink.access.roles import Role

FACTS = {"names": [{"full": "Олег Петренко"}], "birth_date": "1979-04-02", "nationalities": ["UA"]}
PERSON = {"facts": FACTS, "provenance": {"handling_code": "H1"}}


def _create(client, headers, body=PERSON) -> str:
    response = client.post("/api/persons", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def test_match_ranks_with_probability_band_and_reasons(client, login) -> None:
    headers = login(Role.INVESTIGATOR)
    created = _create(client, headers)
    response = client.post(
        "/api/persons/match",
        json={"full_name": "PETRENKO, Oleh", "date_of_birth": "1979"},
        headers={**headers, "X-Purpose": "case 2026/117"},
    )
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert items[0]["id"] == created
    assert 0.0 <= items[0]["match_probability"] <= 1.0
    assert items[0]["band"] in ("same", "possibly same", "possibly related", "different")
    assert {r["comparison"] for r in items[0]["reasons"]} >= {"name", "birth_date"}


def test_bad_queries_are_4xx_and_name_the_field(client, login) -> None:
    headers = {**login(Role.INVESTIGATOR), "X-Purpose": "case 2026/117"}
    no_name = client.post("/api/persons/match", json={"date_of_birth": "1979"}, headers=headers)
    assert no_name.status_code == 422
    assert "full_name" in no_name.text
    unknown = client.post("/api/persons/match", json={"full_name": "A B", "x": 1}, headers=headers)
    assert unknown.status_code == 422
    no_purpose = client.post(
        "/api/persons/match", json={"full_name": "A B"}, headers=login(Role.INVESTIGATOR)
    )
    assert no_purpose.status_code == 422
    assert "purpose" in no_purpose.text.lower()
    anonymous = client.post("/api/persons/match", json={"full_name": "A B"})
    assert anonymous.status_code == 401


def test_possible_duplicates_of_a_stored_person(client, login) -> None:
    headers = {**login(Role.INVESTIGATOR), "X-Purpose": "case 2026/117"}
    first = _create(client, headers)
    second = _create(
        client, headers, {**PERSON, "facts": {**FACTS, "names": [{"full": "Oleh Petrenko"}]}}
    )
    response = client.get(f"/api/persons/{first}/matches", headers=headers)
    assert response.status_code == 200, response.text
    assert [i["id"] for i in response.json()["items"]] == [second]
    other_unit = {**login(Role.INVESTIGATOR, "UA-LVIV"), "X-Purpose": "case 2026/117"}
    hidden = client.post(
        "/api/persons", json={**PERSON, "provenance": {"handling_code": "H2"}}, headers=headers
    ).json()["id"]
    assert client.get(f"/api/persons/{hidden}/matches", headers=other_unit).status_code == 404
