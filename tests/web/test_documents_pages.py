"""The travel-document pages: check an MRZ, attach one to a person, a document record.

TestClient tests run on SQLite and PostgreSQL (the ``node`` fixture); one browser test
pastes the ICAO Doc 9303 specimen passport into the check page in Chromium.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from interlink import records
from interlink.access import Role
from interlink.documents import import_register
from interlink.domain import model
from interlink.domain.codes import HandlingCode
from interlink.domain.provenance import ProvenanceIn
from interlink.store.db import reading
from interlink.store.schema import audit_log
from tests.documents.conftest import SPECIMENS, changed
from tests.web.conftest import csrf_of, new_client, sign_in
from tests.web.test_templates import FORBIDDEN, TEMPLATES

TD3 = SPECIMENS["TD3"]
# The same passport issued by Ukraine: a document record needs a real issuing country
# (the issuing state is not covered by any check digit).
UKR_TD3 = (TD3[0].replace("UTO", "UKR"), TD3[1])
DOCUMENT_LINK = re.compile(r"/documents/([0-9a-f-]{36})")


def _check(client, lines, **page):
    form = client.get("/documents/check")
    assert form.status_code == 200
    data = {"csrf": csrf_of(form.text), "mrz": "\n".join(lines), **page}
    return client.post("/documents/check", data=data)


def _person(node, actor, name: str, code: HandlingCode = HandlingCode.H2, **facts) -> str:
    person = model.Person(names=[model.PersonName(full=name)], **facts)
    return records.create(node, actor, person, ProvenanceIn(handling_code=code)).id


def _attach(client, person_id: str, lines) -> str:
    page = client.get(f"/persons/{person_id}")
    assert page.status_code == 200
    assert f'action="/persons/{person_id}/mrz"' in page.text
    response = client.post(
        f"/persons/{person_id}/mrz", data={"csrf": csrf_of(page.text), "mrz": "\n".join(lines)}
    )
    assert response.status_code == 303, response.text
    found = DOCUMENT_LINK.match(response.headers["location"])
    assert found, response.headers["location"]
    return found.group(1)


def _rows(html: str, result: str) -> int:
    return len(
        re.findall(rf"<td>{result}</td>|<strong class=\"error-message\">{result}</strong>", html)
    )


def test_templates_keep_to_the_csp_and_label_their_fields():
    paths = sorted((TEMPLATES / "documents").glob("*.html"))
    assert paths
    for path in paths:
        text = path.read_text()
        for what, pattern in FORBIDDEN.items():
            assert not pattern.search(text), f"{path.name}: {what}"
        for tag in re.findall(r"<(?:input|select|textarea)\b[^>]*>", text):
            if 'type="hidden"' in tag:
                continue
            found = re.search(r'id="([^"]+)"', tag)
            assert found and f'for="{found.group(1)}"' in text, f"{path.name}: {tag}"


def test_check_page_needs_sign_in_and_csrf(client, signed_in):
    assert client.get("/documents/check").status_code == 303
    signed_in(Role.INVESTIGATOR)
    refused = client.post("/documents/check", data={"mrz": "\n".join(TD3)})
    assert refused.status_code == 403
    assert "Valid" not in refused.text


def test_icao_specimen_passes_every_check(signed_in):
    client = signed_in(Role.INVESTIGATOR)
    page = client.get("/documents/check")
    assert 'for="mrz"' in page.text and 'hx-post="/documents/check"' in page.text
    assert "<script>" not in page.text and "style=" not in page.text  # strict CSP
    response = _check(client, TD3)
    assert response.status_code == 200
    html = response.text
    assert "The MRZ is well-formed and every check passes." in html
    assert "<dd>TD3</dd>" in html and "<dd>ERIKSSON</dd>" in html and "<dd>L898902C3</dd>" in html
    assert "<dd>1974-08-12</dd>" in html
    assert _rows(html, "passes") == 13 and _rows(html, "fails") == 0
    assert "Composite check digit" in html
    assert "No hit: the document is not registered" in html
    assert "No record you may see has this number." in html


def test_a_changed_digit_fails_its_check(signed_in):
    client = signed_in(Role.INVESTIGATOR)
    birth = changed(TD3, 2, 19, "3")  # 740812 → 740813: the birth date's digit no longer fits
    html = _check(client, birth).text
    assert "2 checks fail." in html
    assert re.search(r"Check digit of the date of birth</th><td><strong[^>]*>fails", html)
    assert re.search(r"Composite check digit</th><td><strong[^>]*>fails", html)
    assert "No single misread character explains the failed checks." in html


def test_an_ocr_misreading_is_suggested_not_applied(signed_in):
    client = signed_in(Role.INVESTIGATOR)
    misread = changed(TD3, 2, 6, "O")  # the 0 of L898902C3 read as the letter O
    html = _check(client, misread).text
    assert "Not valid" in html
    assert re.search(r"Check digit of the document number</th><td><strong[^>]*>fails", html)
    assert "Possible misreadings (suggestions, not applied)" in html
    assert (
        "If character 6 of line 2 (document number) were 0 instead of O, these checks would "
        "pass: check digit of the document number, composite check digit." in html
    )
    assert "<dd>L8989O2C3</dd>" in html  # shown as read: never corrected silently


def test_printed_page_discrepancies(signed_in):
    client = signed_in(Role.INVESTIGATOR)
    html = _check(
        client,
        TD3,
        surname="Eriksson",
        given_names="Anna Maria",
        date_of_birth="1974-08-21",
        document_number="L898902C3",
        expiry_date="2012-04-15",
        nationality="UTO",
    ).text
    assert "Where the MRZ and the printed page disagree" in html
    assert re.search(r"Date of birth</th><td>1974-08-12</td><td>1974-08-21</td>", html)
    assert "Surname</th>" not in html.split("Where the MRZ and the printed page disagree")[1]
    assert "The MRZ and the printed page disagree on: date_of_birth." in html
    agreeing = _check(client, TD3, surname="ERIKSSON", nationality="UTO").text
    assert "The printed page agrees with the MRZ." in agreeing
    bad = _check(client, TD3, expiry_date="15.04.2012", nationality="Atlantis").text
    assert 'id="expiry_date-error"' in bad and 'id="nationality-error"' in bad
    assert "The MRZ is well-formed" not in bad


def test_text_that_is_not_an_mrz_is_explained(signed_in):
    client = signed_in(Role.INVESTIGATOR)
    html = _check(client, (TD3[0], TD3[1][:-1])).text
    assert 'id="mrz-error"' in html and "not an MRZ" in html
    assert "line 2 has 43 characters" in html


def test_register_hit_shows_its_status(node, people, signed_in, tmp_path: Path):
    ncb = people.actor(Role.NCB_OFFICER)
    register = tmp_path / "register.csv"
    register.write_text(
        "issuing_country,kind,number,status,reported_date,reporting_agency\n"
        "UTO,passport,L898902C3,stolen,2024-03-01,Utopia police\n",
        encoding="utf-8",
    )
    assert import_register(node, ncb, register).written
    client = signed_in(Role.INVESTIGATOR)
    html = _check(client, TD3).text
    assert "Hit" in html and "registered as stolen, reported 2024-03-01 by Utopia police." in html
    assert "The document is registered as stolen" in html  # and among the indicators
    with reading(node.engine) as conn:
        rows = conn.execute(select(audit_log.c.action, audit_log.c.details)).all()
    actions = [(a, json.loads(str(d)) if d else None) for a, d in rows]
    assert any(a == "register_check" and d == {"hit": True} for a, d in actions)
    assert any(a == "mrz_check" for a, _d in actions)
    assert "L898902C3" not in str([d for _a, d in actions])  # never the number


def test_a_role_without_the_register_sees_a_note(signed_in):
    client = signed_in(Role.WELFARE_OFFICER)
    response = _check(client, TD3)
    assert response.status_code == 200
    assert "Your role does not consult the register" in response.text
    assert "The MRZ is well-formed and every check passes." in response.text


def test_attach_from_the_person_page_and_the_document_page(node, people, signed_in):
    inv = people.actor(Role.INVESTIGATOR)
    pid = _person(node, inv, "Anna Maria Eriksson", birth_date="1974-08-12")
    client = signed_in(Role.INVESTIGATOR)
    doc_id = _attach(client, pid, UKR_TD3)
    page = client.get(f"/documents/{doc_id}?attached=1")
    assert page.status_code == 200
    html = page.text
    assert "The document is attached to the person." in html
    assert "The MRZ is well-formed and every check passes." in html
    assert f'href="/persons/{pid}"' in html and "Anna Maria Eriksson" in html
    assert "the MRZ agrees with the person record" in html
    assert "H2" in html and "No indicator" in html
    assert f'href="/records/{doc_id}/edit"' in html  # its owner may correct it
    # The same number with another holder: shown on the second document and on the check.
    other = _person(node, inv, "Olena Kovalenko", birth_date="1990-01-02")
    second = _attach(client, other, UKR_TD3)
    html = client.get(f"/documents/{second}").text
    assert "is held by 2 different persons" in html
    assert "Where the MRZ and the person record disagree" in html
    check = _check(client, UKR_TD3).text
    assert "another holder" in check and f'href="/persons/{other}"' in check
    assert "already known with 1 other holder(s)" in check


def test_attach_errors_are_shown_beside_the_field(node, people, signed_in):
    inv = people.actor(Role.INVESTIGATOR)
    pid = _person(node, inv, "Anna Maria Eriksson")
    client = signed_in(Role.INVESTIGATOR)
    form = client.get(f"/persons/{pid}/mrz")
    assert form.status_code == 200 and 'for="status"' in form.text
    # The specimen state Utopia is no country: a document record cannot be made.
    response = client.post(
        f"/persons/{pid}/mrz",
        data={"csrf": csrf_of(form.text), "mrz": "\n".join(TD3), "handling_code": "H2"},
    )
    assert response.status_code == 200
    assert 'id="mrz-error"' in response.text and "is not a country" in response.text


def test_another_unit_cannot_see_an_h2_document(node, people, signed_in):
    inv = people.actor(Role.INVESTIGATOR)
    pid = _person(node, inv, "Anna Maria Eriksson")
    client = signed_in(Role.INVESTIGATOR)
    doc_id = _attach(client, pid, UKR_TD3)
    with new_client(node) as lviv:
        actor = people.actor(Role.INVESTIGATOR, "UA-LVIV")
        assert sign_in(lviv, actor.username).status_code == 303
        page = lviv.get(f"/documents/{doc_id}")
        assert page.status_code == 404
        assert "Page not found" in page.text and "L898902C3" not in page.text
        assert lviv.get("/documents/not-a-uuid").status_code == 404
        assert lviv.get(f"/persons/{pid}/mrz").status_code == 404
        # Nor does their check of the same MRZ reveal the H2 holder.
        html = _check(lviv, UKR_TD3).text
        assert "No record you may see has this number." in html
        assert pid not in html and doc_id not in html


# -- in a browser -------------------------------------------------------------------------

try:
    from tests.web import test_browser as _browser
except pytest.skip.Exception:  # no Playwright or no Chromium: the module skips itself
    _browser = None

if _browser is not None:
    site = _browser.site
    browser = _browser.browser
    page = _browser.page

    def test_check_page_in_a_browser(page) -> None:
        pg, _watch = page
        expect = _browser.sync_api.expect
        _browser.sign_in(pg, "inv.kyiv")
        pg.goto("/documents/check")
        expect(pg.get_by_role("heading", name="Check a travel document")).to_be_visible()
        htmx_posts: list[str] = []
        pg.on(
            "request",
            lambda r: htmx_posts.append(r.url) if r.headers.get("hx-request") else None,
        )
        pg.get_by_label("Machine-readable zone").fill("\n".join(TD3))
        pg.get_by_label("Surname").fill("Eriksson")
        pg.get_by_role("button", name="Check", exact=True).click()
        expect(pg.locator("#mrz-verdict")).to_contain_text("Valid")
        expect(pg.locator("#mrz-verdict")).to_contain_text("every check passes")
        expect(pg.get_by_text("The printed page agrees with the MRZ.")).to_be_visible()
        assert htmx_posts and htmx_posts[0].endswith("/documents/check")
        _browser.shot(pg, "10-document-check")
