"""Attaching an MRZ to a person, and a document's indicators, through the HTTP API.

The MRZs are the ICAO Doc 9303 specimen passport (the fictional holder of Utopia) — with the
issuing state written as UKR where a document record needs a real country (the issuing
state is not covered by a check digit).
"""

from __future__ import annotations

from typing import Any

from interlink.access import Role

SPECIMEN = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
UKR_SPECIMEN = (SPECIMEN[0].replace("UTO", "UKR"), SPECIMEN[1])

PERSON: dict[str, Any] = {
    "facts": {"names": [{"given": "Anna Maria", "family": "Eriksson"}], "gender": "female"},
    "provenance": {"handling_code": "H2"},
}


def _person(client, headers, body=PERSON) -> str:
    created = client.post("/api/persons", json=body, headers=headers)
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


def test_attach_a_specimen_mrz(client, login) -> None:
    inv = login(Role.INVESTIGATOR)
    pid = _person(client, inv)
    response = client.post(
        f"/api/persons/{pid}/mrz",
        json={"lines": list(UKR_SPECIMEN), "provenance": {"handling_code": "H2"}},
        headers=inv,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    doc = body["document"]
    assert doc["kind"] == "document"
    assert doc["facts"]["issuing_country"] == "UA"
    assert doc["facts"]["number"] == "L898902C3"
    assert doc["facts"]["holder_family_name"] == "ERIKSSON"
    assert doc["facts"]["holder_given_names"] == "ANNA MARIA"
    assert doc["facts"]["holder_birth_date"] == "1974-08-12"
    assert doc["facts"]["holder_nationality"] is None  # UTO is no country
    assert doc["facts"]["holder_gender"] == "female"
    assert doc["facts"]["expiry_date"] == "2012-04-15"
    assert doc["facts"]["document_kind"] == "passport"
    assert doc["provenance"]["handling_code"] == "H2"
    assert body["mrz"]["valid"] is True and body["mrz"]["format"] == "TD3"
    assert {"field": "composite_check_digit", "valid": True} in body["mrz"]["checks"]
    assert body["mrz"]["suggestions"] == []
    assert body["discrepancies"] == [] and body["indicators"] == []
    link = client.get(f"/api/links/{body['link_id']}", headers=inv)
    assert link.status_code == 200, link.text
    facts = link.json()["facts"]
    assert (facts["source"], facts["target"], facts["role"]) == (pid, doc["id"], "holder")
    indicators = client.get(f"/api/documents/{doc['id']}/indicators", headers=inv)
    assert indicators.status_code == 200
    assert indicators.json() == {"document_id": doc["id"], "indicators": []}


def test_checks_suggestions_discrepancies_and_indicators_are_returned(client, login) -> None:
    inv = login(Role.INVESTIGATOR)
    other = {**PERSON, "facts": {**PERSON["facts"], "birth_date": "1980", "gender": "male"}}
    pid = _person(client, inv, other)
    # An OCR slip: the letter O for the digit 0 in the document number.
    misread = (UKR_SPECIMEN[0], UKR_SPECIMEN[1].replace("L898902C3", "L8989O2C3"))
    response = client.post(f"/api/persons/{pid}/mrz", json={"lines": list(misread)}, headers=inv)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["mrz"]["valid"] is False
    failed = {c["field"] for c in body["mrz"]["checks"] if not c["valid"]}
    assert "document_number_check_digit" in failed
    assert {"line": 2, "position": 6, "found": "O", "suggested": "0"}.items() <= next(
        s for s in body["mrz"]["suggestions"] if s["found"] == "O"
    ).items()
    assert {d["field"] for d in body["discrepancies"]} == {"date_of_birth", "sex"}
    codes = [i["code"] for i in body["indicators"]]
    assert "mrz_checks_failed" in codes
    for ind in body["indicators"]:
        assert body["document"]["id"] in ind["record_ids"]
        assert "ERIKSSON" not in ind["explanation"].upper()


def test_the_same_number_with_another_holder_shows(client, login) -> None:
    inv = login(Role.INVESTIGATOR)
    first, second = _person(client, inv), _person(client, inv)
    client.post(f"/api/persons/{first}/mrz", json={"lines": list(UKR_SPECIMEN)}, headers=inv)
    response = client.post(
        f"/api/persons/{second}/mrz", json={"lines": list(UKR_SPECIMEN)}, headers=inv
    )
    assert response.status_code == 201, response.text
    shared = [i for i in response.json()["indicators"] if i["code"] == "shared_document_number"]
    assert len(shared) == 1 and shared[0]["severity"] == "high"
    assert {first, second} <= set(shared[0]["record_ids"])


def test_a_bad_mrz_is_422_with_the_reason(client, login) -> None:
    inv = login(Role.INVESTIGATOR)
    pid = _person(client, inv)
    short = client.post(
        f"/api/persons/{pid}/mrz", json={"lines": [SPECIMEN[0][:40], SPECIMEN[1]]}, headers=inv
    )
    assert short.status_code == 422
    detail = short.json()["detail"][0]
    assert detail["loc"] == ["body", "lines"]
    assert "not an MRZ" in detail["msg"] and "40 characters" in detail["msg"]
    bad_char = client.post(
        f"/api/persons/{pid}/mrz",
        json={"lines": [SPECIMEN[0].replace("<", " ", 1), SPECIMEN[1]]},
        headers=inv,
    )
    assert bad_char.status_code == 422 and "not an MRZ character" in bad_char.text
    utopia = client.post(f"/api/persons/{pid}/mrz", json={"lines": list(SPECIMEN)}, headers=inv)
    assert utopia.status_code == 422 and "'UTO' is not a country" in utopia.text
    empty = client.post(f"/api/persons/{pid}/mrz", json={"lines": []}, headers=inv)
    assert empty.status_code == 422
    # Nothing was created by a refused MRZ.
    listed = client.get("/api/documents", headers=inv)
    assert listed.status_code == 200 and listed.json()["total"] == 0


def test_another_unit_gets_404_for_an_h2_person_and_document(client, login) -> None:
    kyiv, lviv = login(Role.INVESTIGATOR), login(Role.INVESTIGATOR, "UA-LVIV")
    pid = _person(client, kyiv)
    refused = client.post(
        f"/api/persons/{pid}/mrz", json={"lines": list(UKR_SPECIMEN)}, headers=lviv
    )
    assert refused.status_code == 404
    created = client.post(
        f"/api/persons/{pid}/mrz",
        json={"lines": list(UKR_SPECIMEN), "provenance": {"handling_code": "H2"}},
        headers=kyiv,
    )
    doc_id = created.json()["document"]["id"]
    assert client.get(f"/api/documents/{doc_id}/indicators", headers=lviv).status_code == 404
    assert client.get(f"/api/documents/{pid}/indicators", headers=kyiv).status_code == 404


def test_sign_in_is_required(client) -> None:
    missing = "0190e0b0-0000-7000-8000-000000000001"
    assert client.get(f"/api/documents/{missing}/indicators").status_code == 401
    assert client.post(f"/api/persons/{missing}/mrz", json={"lines": []}).status_code == 401
