"""Create and edit forms of every kind, their search pickers, and what a save leaves behind."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from interlink import records
from interlink.access import Role
from interlink.domain import model, registry
from interlink.domain.codes import HandlingCode
from interlink.domain.provenance import ProvenanceIn
from interlink.store.db import reading
from interlink.store.schema import audit_log
from interlink.web import record_forms
from tests.web.conftest import CSRF, csrf_of

HTMX = {"HX-Request": "true"}  # what htmx sends with every request it makes


def _shown(response) -> str:
    return CSRF.sub('name="csrf" value=""', response.text)


def _make(node, actor, facts, code: HandlingCode = HandlingCode.H0) -> str:
    return records.create(node, actor, facts, ProvenanceIn(handling_code=code)).id


def _person(node, actor, name: str, code: HandlingCode = HandlingCode.H0) -> str:
    return _make(node, actor, model.Person(names=[model.PersonName(full=name)]), code)


def _post(client, path: str, data: dict[str, object]):
    page = client.get(path)
    assert page.status_code == 200, page.text
    return client.post(path, data={"csrf": csrf_of(page.text), **data})


def _created_id(response) -> str:
    assert response.status_code == 303, response.text
    found = re.search(
        r"/(?:records|documents|persons)/([0-9a-f-]{36})", response.headers["location"]
    )
    assert found, response.headers["location"]
    return found.group(1)


PROV = {"prov-reliability": "B", "prov-assessment": "2", "prov-handling_code": "H0"}


def test_every_kind_has_a_form_with_a_label_for_each_field(signed_in):
    client = signed_in(Role.INVESTIGATOR)
    labels = record_forms.labels()
    for kind in record_forms.FORM_KINDS:
        page = client.get(f"/records/new/{kind}")
        assert page.status_code == 200, kind
        for spec in record_forms.specs(kind):
            assert spec.name in labels, (kind, spec.name)
            if spec.widget in ("text", "partial_date", "date", "textarea", "lines", "select"):
                assert f'<label for="{spec.name}">' in page.text, (kind, spec.name)
            if spec.is_ref:
                assert f'<label for="{spec.name}-q">' in page.text, (kind, spec.name)
        assert client.get("/records/new/person").status_code == 404
    assert set(record_forms.FORM_KINDS) == {k.name for k in registry.KINDS} - {"person"}


def test_create_and_edit_an_organization(signed_in, node):
    client = signed_in(Role.INVESTIGATOR)
    response = _post(
        client,
        "/records/new/organization",
        {
            "names": "Svitanok Marriage Agency\nСвітанок",
            "organization_kind": "marriage_agency",
            "country": "UA",
            "phones": "+380501234567",
            "categories": ["bogus_marriage"],
            **PROV,
        },
    )
    org = _created_id(response)
    assert response.headers["location"] == f"/records/{org}?saved=1"
    page = _shown(client.get(response.headers["location"]))
    assert "Saved." in page and "Світанок" in page and "+380501234567" in page
    assert ">B2</span>" in page and f'href="/records/{org}/edit"' in page
    assert "Contact details" in page  # the phone is grouped apart from the names

    edit = client.get(f"/records/{org}/edit")
    assert (
        "Svitanok Marriage Agency" in edit.text and 'value="marriage_agency" selected' in edit.text
    )
    data = {
        "names": "Svitanok",
        "organization_kind": "front_company",
        "country": "PL",
        "version": "1",
        "prov-reliability": "A",
        "prov-assessment": "1",
        "prov-handling_code": "H1",
    }
    saved = client.post(f"/records/{org}/edit", data={"csrf": csrf_of(edit.text), **data})
    assert saved.status_code == 303
    stored = records.read(node, records_actor(node), org)
    assert stored.facts.names == ["Svitanok"] and stored.facts.country == "PL"
    assert stored.facts.phones == [] and stored.provenance.evaluation == "A1"
    assert stored.provenance.handling_code == HandlingCode.H1 and stored.version == 2
    # The same form again (version 1) is refused: someone changed it in between.
    again = client.post(f"/records/{org}/edit", data={"csrf": csrf_of(edit.text), **data})
    assert again.status_code == 200 and "version 2" in again.text


def records_actor(node):
    from interlink.access.roles import Actor

    return Actor(id=None, username="test", role=Role.DATA_PROTECTION_OFFICER, unit="UA-KYIV")


def test_invalid_fields_come_back_with_messages_beside_them(signed_in):
    client = signed_in(Role.INVESTIGATOR)
    response = _post(
        client,
        "/records/new/document",
        {
            "document_kind": "passport",
            "issuing_country": "Atlantis",
            "number": "",
            "issue_date": "2020-01-01",
            "expiry_date": "2019-01-01",
            "holder_birth_date": "1980-13",
            "prov-handling_code": "H3",
        },
    )
    assert response.status_code == 200
    page = response.text
    for field in ("issuing_country", "number", "holder_birth_date"):
        assert f'<p class="error-message" id="{field}-error">' in page, field
        assert re.search(rf'id="{field}" [^>]*aria-describedby="[^"]*{field}-error"', page), field
    assert 'id="prov-handling_text-error"' in page  # H3 needs its restrictions in words
    assert "unknown country" in page and "Required." in page
    assert 'value="Atlantis"' in page  # what was typed comes back
    # The summary names the field of each message and links to it.
    assert '<a href="#issuing_country">Issuing country: ' in page
    # The model's own checks across fields: on the field they name.
    dates = _post(
        client,
        "/records/new/document",
        {
            "issuing_country": "UA",
            "number": "FB1",
            "issue_date": "2020-01-01",
            "expiry_date": "2019-01-01",
        },
    )
    assert 'id="expiry_date-error"' in dates.text and "is before issue_date" in dates.text


def test_an_event_from_the_person_page_lands_on_its_timeline(signed_in, node, people):
    kyiv = people.actor(Role.INVESTIGATOR)
    olena = _person(node, kyiv, "Олена Коваль")
    client = signed_in(Role.INVESTIGATOR)
    page = client.get(f"/persons/{olena}").text
    crossing_form = f"/records/new/crossing?person={olena}&amp;next=/persons/{olena}"
    assert crossing_form in page
    form = client.get(crossing_form.replace("&amp;", "&"))
    assert "Олена Коваль" in form.text and f'name="person" value="{olena}" checked' in form.text
    later = client.post(
        "/records/new/crossing",
        data={
            "csrf": csrf_of(form.text),
            "person": olena,
            "date": "2024-06-02",
            "country": "PL",
            "direction": "entry",
            "outcome": "illegal_entry",
            "next": f"/persons/{olena}",
            **PROV,
        },
    )
    assert later.status_code == 303 and later.headers["location"] == f"/persons/{olena}?saved=1"
    earlier = _post(
        client,
        "/records/new/crossing",
        {"person": olena, "date": "2023", "country": "MD", "direction": "exit", **PROV},
    )
    first = _created_id(earlier)
    person = _shown(client.get(f"/persons/{olena}"))
    timeline = person[person.index('id="timeline-heading"') : person.index('id="linked-heading"')]
    assert timeline.index(">2023</span>") < timeline.index(">2024-06-02</span>")
    assert timeline.index(f'href="/records/{first}"') < timeline.index(">2024-06-02</span>")
    assert "Border crossing: entry, PL, illegal entry" in timeline


def test_a_link_to_an_organization_chosen_with_the_picker(signed_in, node, people):
    kyiv = people.actor(Role.INVESTIGATOR)
    ivan = _person(node, kyiv, "Іван Бондар")
    agency = _make(node, kyiv, model.Organization(names=["Svitanok Marriage Agency"]))
    lviv = people.actor(Role.INVESTIGATOR, "UA-LVIV")
    _make(node, lviv, model.Organization(names=["Svitanok Hidden"]), HandlingCode.H2)
    client = signed_in(Role.INVESTIGATOR)
    path = f"/records/new/link?link_kind=person_organization&source={ivan}&next=/persons/{ivan}"
    form = client.get(path)
    assert form.status_code == 200
    roles = re.findall(r'<option value="([a-z_]+)"', form.text[form.text.index('id="role"') :])
    assert "broker" in roles and "holder" not in roles  # only the roles that fit the link
    csrf = csrf_of(form.text)
    found = client.post(
        "/pick",
        data={"csrf": csrf, "field": "target", "kinds": "organization", "q": "svit"},
        headers=HTMX,
    )
    assert found.status_code == 200 and "hx-post" in found.text and "<html" not in found.text
    assert "Svitanok Marriage Agency" in found.text
    assert "Hidden" not in found.text  # another unit's H2 organization is not offered
    assert ivan not in found.text  # a person is not an organization
    chosen = client.post("/pick/choose", data={"csrf": csrf, "field": "target", "id": agency})
    assert f'name="target" value="{agency}" checked' in chosen.text
    saved = client.post(
        "/records/new/link",
        data={
            "csrf": csrf,
            "link_kind": "person_organization",
            "source": ivan,
            "target": agency,
            "role": "broker",
            "next": f"/persons/{ivan}",
            **PROV,
        },
    )
    assert saved.status_code == 303
    person = _shown(client.get(f"/persons/{ivan}"))
    assert f'href="/records/{agency}"' in person and "person organization" in person
    firm = _shown(client.get(f"/records/{agency}"))
    assert f'href="/persons/{ivan}"' in firm


def test_a_link_that_does_not_fit_is_refused_beside_the_field(signed_in, node, people):
    kyiv = people.actor(Role.INVESTIGATOR)
    ivan = _person(node, kyiv, "Іван Бондар")
    olena = _person(node, kyiv, "Олена Коваль")
    client = signed_in(Role.INVESTIGATOR)
    response = _post(
        client,
        "/records/new/link",
        {"link_kind": "person_organization", "source": ivan, "target": olena, "role": "broker"},
    )
    assert response.status_code == 200
    assert 'id="target-error"' in response.text and "expected organization" in response.text
    same = _post(
        client,
        "/records/new/link",
        {"link_kind": "person_person", "source": ivan, "target": ivan, "role": "associate"},
    )
    assert 'id="target-error"' in same.text  # a link needs two different records


def test_a_marriage_needs_two_spouses_and_the_picker_finds_them(signed_in, node, people):
    kyiv = people.actor(Role.INVESTIGATOR)
    olena = _person(node, kyiv, "Олена Коваль")
    ivan = _person(node, kyiv, "Іван Бондар")
    client = signed_in(Role.INVESTIGATOR)
    one = _post(client, "/records/new/marriage", {"spouses": olena, "date": "2024-05"})
    assert one.status_code == 200 and 'id="spouses-error"' in one.text
    assert f'name="spouses" value="{olena}" checked' in one.text  # the choice is kept
    csrf = csrf_of(one.text)
    found = client.post(
        "/pick",
        data={"csrf": csrf, "field": "spouses", "kinds": "person", "q": "Bondar", "multiple": "1"},
        headers=HTMX,
    )
    assert "Іван Бондар" in found.text and 'hx-swap="beforeend"' in found.text
    by_id = client.post(
        "/pick", data={"csrf": csrf, "field": "spouses", "kinds": "person", "q": ivan}
    )
    assert "Іван Бондар" in by_id.text
    two = client.post(
        "/records/new/marriage",
        data={"csrf": csrf, "spouses": [olena, ivan], "date": "2024-05", **PROV},
    )
    marriage = _created_id(two)
    assert "Marriage" in _shown(client.get(f"/records/{marriage}"))


def test_without_javascript_the_picker_answers_with_a_whole_page(signed_in, node, people):
    kyiv = people.actor(Role.INVESTIGATOR)
    agency = _make(node, kyiv, model.Organization(names=["Svitanok Marriage Agency"]))
    client = signed_in(Role.INVESTIGATOR)
    csrf = csrf_of(client.get("/records/new/incident").text)
    page = client.post(  # the Find button's own form, sent by the browser: no HX-Request
        "/pick", data={"csrf": csrf, "field": "organizations", "kinds": "organization", "q": "svit"}
    )
    assert (
        page.status_code == 200 and "<html" in page.text and "<h1>Records found</h1>" in page.text
    )
    assert "needs JavaScript" in page.text
    assert f'href="/records/{agency}"' in page.text and "/pick/choose" not in page.text


def test_editing_never_drops_a_reference_the_editor_may_not_see(signed_in, node, people):
    kyiv = people.actor(Role.INVESTIGATOR)
    lviv = people.actor(Role.INVESTIGATOR, "UA-LVIV")
    olena = _person(node, kyiv, "Олена Коваль")
    petro = _person(node, lviv, "Петро Таємний")
    incident = _make(node, kyiv, model.ExploitationIncident(victims=[olena], suspects=[petro]))
    records.update(node, lviv, petro, provenance_changes={"handling_code": "H2"})  # now hidden
    client = signed_in(Role.INVESTIGATOR)
    assert "1 record you may not see" in _shown(client.get(f"/records/{incident}"))
    edit = client.get(f"/records/{incident}/edit")
    assert "Олена Коваль" in edit.text and "Таємний" not in edit.text and petro not in edit.text
    response = client.post(
        f"/records/{incident}/edit",
        data={"csrf": csrf_of(edit.text), "victims": olena, "place": "Warsaw", "version": "1"},
    )
    # The hidden suspect is kept, so the service refuses the change beside the field
    # rather than the form silently removing what its user could not see.
    assert response.status_code == 200 and 'id="suspects-error"' in response.text
    stored = records.read(node, lviv, incident)
    assert [str(s) for s in stored.facts.suspects] == [petro] and stored.facts.place is None


def test_forms_need_the_right_to_create_and_to_change(signed_in, node, people):
    kyiv = people.actor(Role.INVESTIGATOR)
    org = _make(node, kyiv, model.Organization(names=["Svitanok"]))
    analyst = signed_in(Role.ANALYST)
    assert analyst.get("/records/new/organization").status_code == 403
    assert analyst.get(f"/records/{org}/edit").status_code == 403
    assert f'href="/records/{org}/edit"' not in analyst.get(f"/records/{org}").text


@pytest.mark.parametrize("kind", ["address", "phone", "handle", "case"])
def test_contact_and_case_records_are_created_and_found_by_the_picker(signed_in, kind):
    client = signed_in(Role.INVESTIGATOR)
    data = {
        "address": {"full": "Khreshchatyk 1, Kyiv", "city": "Kyiv", "country": "UA"},
        "phone": {"number": "+380501234567", "phone_kind": "mobile"},
        "handle": {"handle_kind": "email", "value": "Someone@Example.ORG"},
        "case": {"reference": "C-2026-117", "title": "Marriage ring", "child_involved": "1"},
    }[kind]
    created = _created_id(_post(client, f"/records/new/{kind}", {**data, **PROV}))
    query = {
        "address": "khreshchatyk",
        "phone": "+380501234567",
        "handle": "someone@example.org",
        "case": "C-2026",
    }[kind]
    page = client.get("/records/new/case")
    found = client.post(
        "/pick", data={"csrf": csrf_of(page.text), "field": "records", "kinds": kind, "q": query}
    )
    assert created in found.text, found.text


def test_picking_and_saving_are_audited_without_the_searched_text(signed_in, node, people):
    kyiv = people.actor(Role.INVESTIGATOR)
    _make(node, kyiv, model.Organization(names=["Svitanok"]))
    client = signed_in(Role.INVESTIGATOR)
    page = client.get("/records/new/incident")
    client.post(
        "/pick",
        data={
            "csrf": csrf_of(page.text),
            "field": "organizations",
            "kinds": "organization",
            "q": "Svitanok",
        },
    )
    with reading(node.engine) as conn:
        rows = conn.execute(
            select(audit_log.c.action, audit_log.c.details, audit_log.c.purpose)
        ).all()
    searches = [r for r in rows if r.action == "search"]
    assert searches and all("Svitanok" not in r.details for r in rows)
    assert searches[-1].purpose == "choosing a record to refer to"


def test_form_templates_keep_to_the_csp_and_label_every_field():
    """test_templates checks the top-level templates; the same rules for forms/."""
    from tests.web.test_templates import FORBIDDEN, TEMPLATES

    paths = sorted((TEMPLATES / "forms").glob("*.html"))
    assert len(paths) >= 4
    for path in paths:
        text = path.read_text()
        for what, pattern in FORBIDDEN.items():
            assert not pattern.search(text), f"{path.name}: {what}"
        for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", text):
            if 'type="hidden"' in tag:
                continue
            found = re.search(r'id="([^"]+)"', tag)
            assert found and f'for="{found.group(1)}"' in text, f"{path.name}: {tag}"
