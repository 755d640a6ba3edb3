"""Search through the identity engine and possible duplicates, without a browser."""

from __future__ import annotations

from sqlalchemy import select

from interlink import records
from interlink.access import Role
from interlink.domain import model
from interlink.domain.codes import HandlingCode
from interlink.domain.provenance import ProvenanceIn
from interlink.store.db import reading
from interlink.store.schema import audit_log
from interlink.web.finder import Filters
from tests.web.conftest import CSRF, csrf_of
from tests.web.test_pages import PERSON_FORM


def _person(node, actor, name: str, code: HandlingCode = HandlingCode.H0, **facts) -> str:
    person = model.Person(names=[model.PersonName(full=name)], **facts)
    return records.create(node, actor, person, ProvenanceIn(handling_code=code)).id


def _search(client, q: str, **filters: str):
    token = csrf_of(client.get("/search").text)
    data = {"csrf": token, "q": q, "purpose": "case 5", **filters}
    response = client.post("/search", data=data)
    assert response.status_code == 200
    # without the CSRF tokens, which are random and may hold any short text
    return CSRF.sub('name="csrf" value=""', response.text)


def _actions(node) -> list[tuple[str, str | None]]:
    with reading(node.engine) as conn:
        rows = conn.execute(
            select(audit_log.c.action, audit_log.c.purpose).order_by(audit_log.c.seq)
        ).all()
    return [(r.action, r.purpose) for r in rows]


def test_a_name_search_shows_band_probability_and_reasons(signed_in, node, people):
    actor = people.actor(Role.INVESTIGATOR)
    _person(node, actor, "Олег Петренко", birth_date="1980-02-14", nationalities=["UA"])
    _person(node, actor, "Ivan Sydorenko", birth_date="1975")
    client = signed_in(Role.INVESTIGATOR)
    page = _search(client, "Oleg Petrenko")
    assert "1 person found" in page and "Олег Петренко" in page
    assert 'class="badge band band-' in page and " %</span>" in page
    assert "Name: " in page  # the reasons name each comparison and its level
    assert ("match", "case 5") in _actions(node)


def test_filters_are_query_fields_and_post_filters(signed_in, node, people):
    actor = people.actor(Role.INVESTIGATOR)
    _person(node, actor, "Олег Петренко", birth_date="1980-02-14", nationalities=["UA"])
    _person(
        node,
        actor,
        "Oleg Petrenko",
        birth_date="1991-07-01",
        nationalities=["MD"],
        role="witness",
        categories=["forced_labour"],
    )
    client = signed_in(Role.INVESTIGATOR)
    assert "2 persons found" in _search(client, "Oleg Petrenko")
    by_country = _search(client, "Oleg Petrenko", country="md")
    assert "1 person found" in by_country and "1991-07-01" in by_country
    by_role = _search(client, "Oleg Petrenko", role="witness")
    assert "1 person found" in by_role and "1991-07-01" in by_role
    by_activity = _search(client, "Oleg Petrenko", category="forced_labour")
    assert "1 person found" in by_activity and "1991-07-01" in by_activity
    by_date = _search(client, "Oleg Petrenko", born_from="1979", born_to="1980-06")
    assert "1 person found" in by_date and "1980-02-14" in by_date
    assert "same birth date" not in by_date  # a range is no birth date to compare
    one_day = _search(client, "Oleg Petrenko", born_from="1980-02-14", born_to="1980-02-14")
    assert "same birth date" in one_day  # a range of one day is given to the engine
    nothing = _search(client, "Oleg Petrenko", country="FR")
    assert "0 persons found" in nothing and "No person you may see matches." in nothing
    bad = _search(client, "Oleg Petrenko", country="Ukraine", born_from="80", role="boss")
    for field in ("country", "born_from", "role"):
        assert f'id="{field}-error"' in bad, field


def test_filter_query_fields():
    assert Filters(country="UA").query_fields() == {"nationality": "UA"}
    assert Filters(born_from="1980", born_to="1980").query_fields() == {"date_of_birth": "1980"}
    month = Filters(born_from="1980-02-01", born_to="1980-02-29").query_fields()
    assert month == {"date_of_birth": "1980-02"}
    assert Filters(born_from="1980", born_to="1981").query_fields() == {}
    assert Filters(born_from="1980-03", born_to="1980-05").query_fields() == {}


def test_document_and_phone_searches_stay_exact(signed_in, node, people):
    actor = people.actor(Role.INVESTIGATOR)
    _person(
        node,
        actor,
        "Олег Петренко",
        document_numbers=["FB123456"],
        phones=["+380501234567"],
        role="witness",
    )
    client = signed_in(Role.INVESTIGATOR)
    by_document = _search(client, "FB123456")
    assert "1 person found" in by_document and "exact identifier" in by_document
    assert "1 person found" in _search(client, "+380 50 123 45 67")
    assert "0 persons found" in _search(client, "FB123456", role="victim")
    assert [a for a, _ in _actions(node) if a in ("search", "match")] == ["search"] * 3


def test_search_never_shows_what_the_user_may_not_see(signed_in, node, people):
    lviv = people.actor(Role.INVESTIGATOR, "UA-LVIV")
    _person(node, lviv, "Ігор Коваль", HandlingCode.H2)
    client = signed_in(Role.INVESTIGATOR, "UA-KYIV")
    page = _search(client, "Ihor Koval")
    assert "0 persons found" in page and "Коваль" not in page


def test_duplicates_while_entering_a_person(signed_in, node, people):
    actor = people.actor(Role.INVESTIGATOR)
    _person(node, actor, "Олег Петренко", birth_date="1980-02-14", nationalities=["UA"])
    client = signed_in(Role.INVESTIGATOR)
    form = client.get("/persons/new").text
    assert 'hx-post="/persons/duplicates"' in form and "change from:#birth_date" in form
    token = csrf_of(form)
    data = {"csrf": token, "name-0-full": "Oleg Petrenko", "birth_date": "1980-02-14"}
    response = client.post("/persons/duplicates", data=data, headers={"HX-Request": "true"})
    assert response.status_code == 200 and "<html" not in response.text  # a fragment
    assert "1 possible duplicate" in response.text and "Олег Петренко" in response.text
    assert "same birth date" in response.text
    unlike = client.post(
        "/persons/duplicates", data={"csrf": token, "name-0-full": "Ivan Sydorenko"}
    )
    assert "No possible duplicate found so far." in unlike.text
    nameless = client.post("/persons/duplicates", data={"csrf": token, "birth_date": "1980"})
    assert nameless.status_code == 200 and nameless.text.strip() == ""
    # A new person sent back with a message shows its possible duplicates at once.
    back = client.post(
        "/persons/new",
        data=dict(
            PERSON_FORM,
            csrf=token,
            birth_date="1980-02-14",
            handling_code="H3",
            **{"name-0-full": "Oleg Petrenko"},
        ),
    )
    assert 'id="handling_text-error"' in back.text and "1 possible duplicate" in back.text
    refused = client.post("/persons/duplicates", data={"name-0-full": "Oleg Petrenko"})
    assert refused.status_code == 403  # CSRF
    # No purpose stated yet: the check is audited with its own.
    assert ("match", "checking for duplicates of a person record") in _actions(node)


def test_possible_duplicates_decide_and_undo(signed_in, node, people):
    actor = people.actor(Role.INVESTIGATOR)
    one = _person(node, actor, "Олег Петренко", birth_date="1980-02-14")
    two = _person(node, actor, "Oleg Petrenko", birth_date="1980-02-14")
    client = signed_in(Role.INVESTIGATOR)
    page = client.get(f"/persons/{one}").text
    assert "Possible duplicates" in page and f'href="/persons/{two}"' in page
    assert "No decision recorded about this person." in page
    token = csrf_of(page)
    url = f"/persons/{one}/decisions"
    missing = client.post(url, data={"csrf": token, "other_id": two, "verdict": "same"})
    assert missing.status_code == 200 and f'id="reason-{two}-error"' in missing.text
    assert client.post(url, data={"other_id": two, "verdict": "same", "reason": "same passport"})
    forged = client.post(url, data={"other_id": two, "verdict": "same", "reason": "same passport"})
    assert forged.status_code == 403
    made = client.post(
        url, data={"csrf": token, "other_id": two, "verdict": "same", "reason": "same passport"}
    )
    assert made.status_code == 303
    page = client.get(f"/persons/{one}").text
    assert "confirmed the same person" in page and "same passport" in page
    assert actor.username in page  # who decided
    decision = page.split(f"/persons/{one}/decisions/")[1].split("/undo")[0]
    undo_url = f"/persons/{one}/decisions/{decision}/undo"
    no_reason = client.post(undo_url, data={"csrf": token, "reason": ""})
    assert f'id="undo-{decision}-error"' in no_reason.text
    undone = client.post(undo_url, data={"csrf": token, "reason": "wrong passport read"})
    assert undone.status_code == 303
    page = client.get(f"/persons/{one}").text
    assert "No decision recorded about this person." in page
    different = client.post(
        url, data={"csrf": token, "other_id": two, "verdict": "different", "reason": "twins"}
    )
    assert different.status_code == 303
    page = client.get(f"/persons/{one}").text
    assert "different people" in page and "No possible duplicate that you may see." in page
    actions = [a for a, _ in _actions(node)]
    assert actions.count("identity_decide") == 4 and "identity_undo" in actions


def test_deciding_needs_the_capability(signed_in, node, people):
    actor = people.actor(Role.INVESTIGATOR)
    one = _person(node, actor, "Олег Петренко", birth_date="1980-02-14")
    two = _person(node, actor, "Oleg Petrenko", birth_date="1980-02-14")
    client = signed_in(Role.ANALYST)
    page = client.get(f"/persons/{one}")
    assert page.status_code == 200 and f'href="/persons/{two}"' in page.text
    assert "Same person" not in page.text  # no buttons for a role that may not decide
    refused = client.post(
        f"/persons/{one}/decisions",
        data={"csrf": csrf_of(page.text), "other_id": two, "verdict": "same", "reason": "xyz"},
    )
    assert refused.status_code == 403
