"""Data-protection pages: audit log search, export and verification; review, extend, erase."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, text, update

from interlink import records
from interlink.access import Role
from interlink.domain import ProvenanceIn, model
from interlink.store.db import reading
from interlink.store.schema import audit_log
from interlink.web import audit_log as audit_log_pages
from tests.records.test_review import make_due
from tests.web.conftest import csrf_of, new_client, sign_in


def _person(node, actor, name: str = "Zoryana Kvitka") -> str:
    facts = model.Person(names=[model.PersonName(full=name)])
    return records.create(node, actor, facts, ProvenanceIn()).id


def _last(node, action: str):
    with reading(node.engine) as conn:
        return conn.execute(
            select(audit_log).where(audit_log.c.action == action).order_by(audit_log.c.seq.desc())
        ).first()


def _search(client, **filters: str):
    token = csrf_of(client.get("/audit").text)
    return client.post("/audit", data={"csrf": token, **filters})


def test_the_officer_searches_the_log_by_record_and_user_and_the_search_is_logged(
    node, people, signed_in
):
    kyiv = people.actor(Role.INVESTIGATOR)
    record_id = _person(node, kyiv)
    _person(node, kyiv, "Other Person")
    client = signed_in(Role.DATA_PROTECTION_OFFICER)
    page = _search(client, record_id=record_id)
    assert page.status_code == 200
    assert "1 entry found" in page.text and record_id in page.text
    logged = _last(node, "read_audit")
    assert str(logged.record_id) == record_id and '"returned":1' in logged.details
    by_user = _search(client, user=kyiv.username, action="create", outcome="ok")
    assert "2 entries found" in by_user.text
    nobody = _search(client, user="nobody")
    assert "No entry matches." in nobody.text


def test_dates_and_ids_are_checked_beside_their_fields(signed_in):
    client = signed_in(Role.DATA_PROTECTION_OFFICER)
    page = _search(client, record_id="not-an-id", date_from="2026-02-01", date_to="2026-01-01")
    assert 'id="record_id-error"' in page.text and 'id="date_to-error"' in page.text
    today = datetime.now(UTC).date()
    page = _search(client, date_from=today.isoformat(), date_to=today.isoformat())
    assert "entries found" in page.text or "entry found" in page.text
    tomorrow = (today + timedelta(days=1)).isoformat()
    assert "No entry matches." in _search(client, date_from=tomorrow).text


def test_the_log_is_paged(node, people, signed_in, monkeypatch):
    monkeypatch.setattr(audit_log_pages, "PAGE_SIZE", 5)
    client = signed_in(Role.DATA_PROTECTION_OFFICER)
    kyiv = people.actor(Role.INVESTIGATOR)
    for i in range(12):
        _person(node, kyiv, f"Person {i}")
    first = _search(client, user=kyiv.username)
    assert "Page 1 of" in first.text and "Older entries" in first.text
    token = csrf_of(first.text)
    second = client.post("/audit", data={"csrf": token, "user": kyiv.username, "page": "2"})
    assert "Page 2 of 3" in second.text and "Newer entries" in second.text


def test_the_export_is_a_csv_of_the_filtered_entries_and_is_logged(node, people, signed_in):
    kyiv = people.actor(Role.INVESTIGATOR)
    record_id = _person(node, kyiv)
    client = signed_in(Role.DATA_PROTECTION_OFFICER)
    token = csrf_of(client.get("/audit").text)
    response = client.post("/audit/export", data={"csrf": token, "record_id": record_id})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["action"] for r in rows] == ["create"] and rows[0]["record_id"] == record_id
    logged = _last(node, "export_audit")
    assert '"exported":1' in logged.details and str(logged.record_id) == record_id


def test_forms_without_the_csrf_token_are_refused(signed_in):
    client = signed_in(Role.DATA_PROTECTION_OFFICER)
    assert client.post("/audit", data={"user": "x"}).status_code == 403
    assert client.post("/audit/export", data={}).status_code == 403
    assert client.post("/audit/verify", data={}).status_code == 403


def test_other_roles_may_not_read_the_log_and_the_administrator_only_verifies(
    node, people, signed_in
):
    client = signed_in(Role.INVESTIGATOR)
    assert client.get("/audit").status_code == 403
    assert 'href="/audit"' not in client.get("/").text
    token = csrf_of(client.get("/").text)
    assert client.post("/audit", data={"csrf": token}).status_code == 403
    with new_client(node) as admin:
        sign_in(admin, people.actor(Role.ADMINISTRATOR).username)
        _admin_sees_only_verification(admin)


def _admin_sees_only_verification(admin) -> None:
    page = admin.get("/audit")
    assert page.status_code == 200 and "Verify the chain" in page.text
    assert "Search the log" not in page.text
    assert admin.post("/audit", data={"csrf": csrf_of(page.text)}).status_code == 403


def test_verification_shows_an_intact_chain_and_names_a_tampered_entry(node, people, signed_in):
    _person(node, people.actor(Role.INVESTIGATOR))
    client = signed_in(Role.DATA_PROTECTION_OFFICER)
    token = csrf_of(client.get("/audit").text)
    page = client.post("/audit/verify", data={"csrf": token})
    assert "The audit log is intact." in page.text
    with node.engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.seq == 1).values(purpose="edited"))
    page = client.post("/audit/verify", data={"csrf": token})
    assert "tampered with" in page.text and "entry 1 was changed after it was written" in page.text


def test_review_lists_due_records_and_extends_one_with_a_reason(node, people, signed_in):
    kyiv = people.actor(Role.INVESTIGATOR)
    record_id = _person(node, kyiv)
    make_due(node, record_id)
    with new_client(node) as dpo:  # the officer erases but does not extend (the policy)
        sign_in(dpo, people.actor(Role.DATA_PROTECTION_OFFICER).username)
        page = dpo.get(f"/review/{record_id}")
        assert "Erase the record" in page.text and "Keep the record" not in page.text
    client = signed_in(Role.SUPERVISOR)
    listing = client.get("/review")
    assert f'href="/review/{record_id}"' in listing.text
    page = client.get(f"/review/{record_id}")
    token = csrf_of(page.text)
    refused = client.post(f"/review/{record_id}/extend", data={"csrf": token, "extend-reason": ""})
    assert refused.status_code == 422 and 'id="extend-reason-error"' in refused.text
    until = (datetime.now(UTC).date() + timedelta(days=365)).isoformat()
    done = client.post(
        f"/review/{record_id}/extend",
        data={"csrf": token, "extend-reason": "case 12/2026 still open", "until": until},
    )
    assert done.status_code == 303 and until in done.headers["location"]
    assert record_id not in client.get("/review").text
    assert _last(node, "review_extend").purpose == "case 12/2026 still open"
    assert client.get(f"/review/{record_id}").status_code == 404  # no longer due


def test_erasure_asks_for_a_reason_and_a_confirmation(node, people, signed_in):
    kyiv = people.actor(Role.INVESTIGATOR)
    record_id = _person(node, kyiv)
    make_due(node, record_id)
    client = signed_in(Role.DATA_PROTECTION_OFFICER)
    token = csrf_of(client.get(f"/review/{record_id}").text)
    no_reason = client.post(f"/review/{record_id}/erase", data={"csrf": token})
    assert no_reason.status_code == 422 and 'id="erase-reason-error"' in no_reason.text
    confirm = client.post(
        f"/review/{record_id}/erase", data={"csrf": token, "erase-reason": "past retention"}
    )
    assert confirm.status_code == 200 and "Yes, erase the record" in confirm.text
    with reading(node.engine) as conn:  # nothing erased yet
        assert conn.execute(
            text("SELECT count(*) FROM records WHERE id = :i"), {"i": record_id}
        ).scalar_one()
    done = client.post(
        f"/review/{record_id}/erase",
        data={"csrf": csrf_of(confirm.text), "reason": "past retention", "confirm": "yes"},
    )
    assert done.status_code == 303
    assert _last(node, "erase").purpose == "past retention"
    assert client.get(f"/review/{record_id}").status_code == 404


def test_review_is_for_reviewers_and_their_records_only(node, people, signed_in):
    lviv_record = _person(node, people.actor(Role.INVESTIGATOR, "UA-LVIV"))
    make_due(node, lviv_record)
    with new_client(node) as investigator:
        sign_in(investigator, people.actor(Role.INVESTIGATOR).username)
        assert investigator.get("/review").status_code == 403
    supervisor = signed_in(Role.SUPERVISOR)  # of Kyiv: the Lviv record is not theirs
    assert lviv_record not in supervisor.get("/review").text
    assert supervisor.get(f"/review/{lviv_record}").status_code == 404
    token = csrf_of(supervisor.get("/review").text)
    erase = supervisor.post(
        f"/review/{lviv_record}/erase",
        data={"csrf": token, "reason": "not mine", "confirm": "yes"},
    )
    assert erase.status_code == 404
