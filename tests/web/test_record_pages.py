"""Read-only pages of organizations, cases and events, reached from a person's linked records."""

from __future__ import annotations

import re

from interlink import records
from interlink.access import Role
from interlink.domain import model
from interlink.domain.codes import HandlingCode
from interlink.domain.provenance import ProvenanceIn
from tests.web.conftest import CSRF


def _shown(response) -> str:
    """The page without its CSRF tokens, which are random and may hold any short text."""
    return CSRF.sub('name="csrf" value=""', response.text)


def _make(node, actor, facts, code: HandlingCode = HandlingCode.H0) -> str:
    return records.create(node, actor, facts, ProvenanceIn(handling_code=code)).id


def test_linked_records_and_their_pages(signed_in, node, people):
    kyiv = people.actor(Role.INVESTIGATOR)
    lviv = people.actor(Role.INVESTIGATOR, "UA-LVIV")
    olena = _make(node, kyiv, model.Person(names=[model.PersonName(full="Олена Коваль")]))
    ivan = _make(node, kyiv, model.Person(names=[model.PersonName(full="Іван Бондар")]))
    hidden = _make(
        node, lviv, model.Person(names=[model.PersonName(full="Петро Таємний")]), HandlingCode.H2
    )
    agency = _make(
        node,
        kyiv,
        model.Organization(names=["Svitanok Marriage Agency"], organization_kind="marriage_agency"),
    )
    marriage = _make(
        node,
        kyiv,
        model.Marriage(
            spouses=[olena, ivan], date="2024-05-01", place="Odesa", intermediary=agency
        ),
    )
    crossing = _make(
        node, kyiv, model.BorderCrossing(person=olena, date="2024-06-02", country="PL")
    )
    incident = _make(  # by Lviv, who may see their own H2 suspect
        node,
        lviv,
        model.ExploitationIncident(victims=[olena], suspects=[ivan, hidden], place="Warsaw"),
    )
    case = _make(
        node, kyiv, model.Case(reference="C-77", title="Marriage ring", records=[olena, marriage])
    )
    _make(
        node,
        kyiv,
        model.Link(link_kind="person_organization", source=ivan, target=agency, role="broker"),
    )
    client = signed_in(Role.INVESTIGATOR)

    page = _shown(client.get(f"/persons/{olena}"))
    assert "Linked records" in page
    for rid in (marriage, crossing, incident, case):
        assert f'href="/records/{rid}"' in page, rid
    assert "C-77" in page
    # Events on the timeline, oldest first, each with its provenance badge.
    timeline = page[page.index('id="timeline-heading"') : page.index('id="linked-heading"')]
    assert timeline.index(">2024-05-01</span>") < timeline.index(">2024-06-02</span>")
    assert "Marriage: Odesa, recorded" in timeline and "Border crossing: entry, PL" in timeline
    assert "(as victims)" in timeline and ">X4</span>" in timeline
    assert "date unknown" in timeline  # the incident has no date: last
    linked = page[page.index('id="linked-heading"') :]
    assert 'id="linked-case-heading">Cases</h3>' in linked and f"/records/{marriage}" not in linked

    response = client.get(f"/records/{marriage}")
    assert response.status_code == 200
    wedding = _shown(response)
    assert "Олена Коваль" in wedding and "Іван Бондар" in wedding
    assert f'href="/records/{agency}"' in wedding and "Odesa" in wedding
    assert ">X4</span>" in wedding and ">H0</span>" in wedding  # the provenance badge
    assert f'href="/records/{case}"' in wedding  # the case pointing to it

    crime = _shown(client.get(f"/records/{incident}"))
    assert "Іван Бондар" in crime and "Таємний" not in crime
    assert "1 record you may not see" in crime

    firm = _shown(client.get(f"/records/{agency}"))
    assert "Svitanok Marriage Agency" in firm and "marriage agency" in firm
    assert f'href="/persons/{ivan}"' in firm and "person organization" in firm  # via the link
    assert "Case: C-77" in _shown(client.get(f"/records/{case}"))
    assert re.search(r"<dd>\s*PL\s*</dd>", _shown(client.get(f"/records/{crossing}")))

    person = client.get(f"/records/{olena}")
    assert person.status_code == 303 and person.headers["location"] == f"/persons/{olena}"
    assert client.get(f"/records/{hidden}").status_code == 404
    assert client.get("/records/not-a-uuid").status_code == 404


def test_supervisor_sees_who_has_looked_at_an_organization(signed_in, node, people):
    kyiv = people.actor(Role.INVESTIGATOR)
    agency = _make(node, kyiv, model.Organization(names=["Svitanok"]))
    records.read(node, kyiv, agency, purpose="case 3")
    page = _shown(signed_in(Role.SUPERVISOR).get(f"/records/{agency}"))
    assert "Who has looked at this record" in page and "case 3" in page


def test_work_queue_links_to_case_pages(signed_in, node, people):
    supervisor = people.actor(Role.SUPERVISOR)
    case = _make(node, supervisor, model.Case(reference="C-9", title="ring"))
    address = _make(node, supervisor, model.Address(full="Khreshchatyk 1, Kyiv"))
    client = signed_in(Role.SUPERVISOR)
    assert f'<a href="/records/{case}">C-9</a>' in client.get("/").text
    assert "Khreshchatyk 1, Kyiv" in _shown(client.get(f"/records/{address}"))


def test_record_pages_group_the_facts_and_offer_edit_to_who_may(signed_in, node, people):
    kyiv = people.actor(Role.INVESTIGATOR)
    agency = _make(
        node,
        kyiv,
        model.Organization(
            names=["Svitanok", "Світанок"], country="UA", phones=["+380501234567"], notes="front"
        ),
    )
    olena = _make(node, kyiv, model.Person(names=[model.PersonName(full="Олена Коваль")]))
    _make(
        node,
        kyiv,
        model.ExploitationIncident(victims=[olena], organizations=[agency], start="2023-02"),
    )
    page = _shown(signed_in(Role.INVESTIGATOR).get(f"/records/{agency}"))
    details = page[
        page.index('id="facts-identification-heading"') : page.index('id="facts-contact-heading"')
    ]
    assert "Світанок" in details and "Country" in details and "+380501234567" not in details
    assert "+380501234567" in page[page.index('id="facts-contact-heading"') :]
    timeline = page[page.index('id="timeline-heading"') : page.index('id="linked-heading"')]
    assert ">2023-02</span>" in timeline and "(as organizations)" in timeline
    assert f'href="/records/{agency}/edit"' in page
