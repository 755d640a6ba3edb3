"""Row mapping: every bad field named by its column, and nothing but RowErrors escapes."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interlink.domain import codes, model
from interlink.transfer.readers import FileFormatError, SourceRow
from interlink.transfer.rows import (
    COLUMNS,
    FieldError,
    MappedRow,
    RowErrors,
    check_header,
    map_row,
    split_list,
)

IDS = {ref: uuid.uuid4() for ref in ("P1", "P2", "P3", "O1")}
ORGS = {"O1": IDS["O1"]}


def mapped(file_kind: str, /, **values: str) -> MappedRow:
    return map_row(file_kind, SourceRow(7, values), resolve=IDS.get, phone_region="UA")


def errors(file_kind: str, /, **values: str) -> dict[str, str]:
    with pytest.raises(RowErrors) as caught:
        mapped(file_kind, **values)
    assert caught.value.line == 7
    found = {e.field: e.message for e in caught.value.errors}
    assert len(found) == len(caught.value.errors), "one message per field"
    return found


# --- persons ----------------------------------------------------------------------------


def test_person_row() -> None:
    row = mapped(
        "persons",
        id="P1",
        first_name="Anna",
        last_name="Koval",
        aliases="Anja;Ann\\;a",
        gender="F",
        date_of_birth="12.08.1974",
        nationality="UKR;moldova;RO",
        phone="050 123 4567;+40721234567",
        email="Anna.K@Example.ORG",
        role="possible victim",
        category="forced labour;bogus_marriage",
        reliability="b",
        assessment="2",
        handling_code="h3",
        handling_text="Only for the task force",
        review_date="2031-01-31",
    )
    facts = row.facts
    assert isinstance(facts, model.Person)
    assert row.external_id == "P1" and row.holder_external_id is None
    assert [(n.full, n.kind) for n in facts.names] == [
        ("Anna Koval", codes.NameKind.BIRTH),
        ("Anja", codes.NameKind.ALIAS),
        ("Ann;a", codes.NameKind.ALIAS),
    ]
    assert facts.gender == codes.Gender.FEMALE
    assert facts.birth_date == "1974-08-12"
    assert facts.nationalities == ["UA", "MD", "RO"]
    assert facts.phones == ["+380501234567", "+40721234567"]
    assert facts.emails == ["Anna.K@example.org"]
    assert facts.role == codes.PersonRole.POSSIBLE_VICTIM
    assert facts.categories == [
        codes.ActivityCategory.FORCED_LABOUR,
        codes.ActivityCategory.BOGUS_MARRIAGE,
    ]
    prov = row.provenance
    assert (prov.reliability, prov.assessment, prov.handling_code) == ("B", "2", "H3")
    assert str(prov.review_date) == "2031-01-31"


@pytest.mark.parametrize(
    ("text", "gender"),
    [
        ("m", "male"),
        ("F", "female"),
        ("Male", "male"),
        ("x", "other"),
        ("OTHER", "other"),
        ("unknown", "unknown"),
        ("", "unknown"),
    ],
)
def test_gender_spellings(text: str, gender: str) -> None:
    facts = mapped("persons", id="P1", full_name="Anna Koval", gender=text).facts
    assert isinstance(facts, model.Person) and facts.gender == gender


def test_bad_date_and_unknown_country_are_both_reported() -> None:
    found = errors(
        "persons",
        id="P1",
        full_name="Anna Koval",
        date_of_birth="1974-13-01",
        nationality="UA;Atlantis",
    )
    assert found["date_of_birth"] == "'1974-13-01' is not a date that exists"
    assert found["nationality"].startswith("unknown country 'Atlantis'")
    assert set(found) == {"date_of_birth", "nationality"}


def test_missing_id_and_name() -> None:
    found = errors("persons", id="", full_name="", middle_name="Petrivna")
    assert found == {
        "id": "missing",
        "full_name": "a name is required (full_name, or first_name/last_name)",
    }


def test_every_bad_field_is_listed_in_file_order() -> None:
    with pytest.raises(RowErrors) as caught:
        mapped(
            "persons",
            id="P1",
            full_name="x" * 501,
            gender="z",
            phone="12",
            email="nope",
            role="boss",
            reliability="Q",
            handling_code="H3",
            review_date="2031-02-30",
        )
    fields = [e.field for e in caught.value.errors]
    assert fields == [
        "full_name",
        "gender",
        "phone",
        "email",
        "role",
        "reliability",
        "review_date",
        "handling_text",
    ]
    text = str(caught.value)
    assert text.startswith("line 7: full_name: is longer than 500 characters")
    assert "gender: 'z' is not one of: male, female, other, unknown" in text


def test_h3_needs_its_restrictions() -> None:
    found = errors("persons", id="P1", full_name="Anna", handling_code="H3")
    assert found == {"handling_text": "H3 needs its restrictions stated in words"}


def test_phone_without_plus_needs_a_region() -> None:
    row = SourceRow(3, {"id": "P1", "full_name": "Anna", "phone": "0501234567"})
    with pytest.raises(RowErrors, match="phone: '0501234567' is not a phone number"):
        map_row("persons", row, resolve=IDS.get, phone_region=None)
    facts = map_row("persons", row, resolve=IDS.get, phone_region="UA").facts
    assert isinstance(facts, model.Person) and facts.phones == ["+380501234567"]


def test_control_characters_are_refused_by_field() -> None:
    found = errors("persons", id="P1", full_name="Anna\x07Koval", address="Main St 1;De\x07pot")
    assert set(found) == {"full_name", "address"}


def test_id_is_checked() -> None:
    assert errors("persons", id="P\x001", full_name="Anna") == {
        "id": "contains a control character"
    }
    assert errors("persons", id="P" * 201, full_name="Anna") == {
        "id": "is longer than 200 characters"
    }


def test_unknown_column_in_a_row() -> None:
    assert errors("persons", id="P1", full_name="Anna", shoe_size="38") == {
        "shoe_size": "unknown column"
    }


# --- header -----------------------------------------------------------------------------


def test_check_header_accepts_any_subset_with_the_required_columns() -> None:
    check_header("persons", ["id", "last_name", "phone"])
    check_header("person", ["ID", "Full_Name"])
    check_header("events", ["id", "type", "spouse_ids"])


def test_check_header_names_unknown_and_missing_columns() -> None:
    with pytest.raises(FileFormatError) as caught:
        check_header("persons", ["fullname", "phone", "shoe_size"])
    message = str(caught.value)
    assert "unknown columns 'fullname' (did you mean 'full_name'?), 'shoe_size'" in message
    assert "missing column id, full_name or first_name or last_name" in message
    assert caught.value.field == "fullname"


def test_check_header_without_a_header() -> None:
    with pytest.raises(FileFormatError, match="header is missing"):
        check_header("persons", ["P1", "Anna Koval", "+380501234567"])


def test_unknown_kind() -> None:
    with pytest.raises(ValueError, match="unknown import kind"):
        check_header("vehicles", ["id"])


# --- organizations and documents ------------------------------------------------------------


def test_organization_row() -> None:
    row = mapped(
        "organizations",
        id="O1",
        name="Sunrise Travel;Sunrise Ltd",
        kind="travel agency",
        country="DEU",
        phone="+49301234567",
    )
    facts = row.facts
    assert isinstance(facts, model.Organization)
    assert facts.names == ["Sunrise Travel", "Sunrise Ltd"]
    assert facts.organization_kind == codes.OrganizationKind.TRAVEL_AGENCY
    assert facts.country == "DE"
    assert errors("organizations", id="O2", kind="gang", country="Atlantis") == {
        "name": "missing",
        "kind": "'gang' is not one of: criminal_group, front_company, marriage_agency, "
        "recruitment_agency, travel_agency, venue, other",
        "country": "unknown country 'Atlantis': use an ISO 3166 code (UA, UKR) or an English name",
    }


def test_document_row_and_holder() -> None:
    row = mapped(
        "documents",
        id="D1",
        kind="id card",
        issuing_country="Ukraine",
        number="AA123456",
        issue_date="2020-01-15",
        expiry_date="2030-01-14",
        holder_gender="f",
        holder_id="P1",
        status="forged",
    )
    facts = row.facts
    assert isinstance(facts, model.Document)
    assert facts.document_kind == codes.DocumentKind.IDENTITY_CARD
    assert (facts.issuing_country, facts.status) == ("UA", codes.DocumentStatus.FORGED)
    assert row.holder_external_id == "P1"
    found = errors(
        "documents",
        id="D2",
        issuing_country="UA",
        number="AA1",
        issue_date="2020-01-15",
        expiry_date="2019-01-01",
        holder_id="P9",
    )
    assert found == {
        "expiry_date": "is before issue_date",
        "holder_id": "no person with id 'P9' (import persons first)",
    }
    found = errors("documents", id="D3", number="", issue_date="15/01/2020")
    assert found == {
        "issuing_country": "missing",
        "number": "missing",
        "issue_date": "'15/01/2020' is not a date: write YYYY-MM-DD",
    }


# --- events -----------------------------------------------------------------------------


def test_marriage() -> None:
    resolve_org = {"A1": uuid.uuid4()}
    row = map_row(
        "events",
        SourceRow(
            2,
            {
                "id": "E1",
                "type": "Marriage",
                "spouse_ids": "P1; P2",
                "date": "2019-06",
                "witness_ids": "P3",
                "intermediary_id": "A1",
                "status": "suspected bogus",
            },
        ),
        resolve=IDS.get,
        phone_region=None,
        resolve_organization=resolve_org.get,
    )
    facts = row.facts
    assert isinstance(facts, model.Marriage)
    assert facts.spouses == [IDS["P1"], IDS["P2"]] and facts.witnesses == [IDS["P3"]]
    assert facts.intermediary == resolve_org["A1"]
    assert facts.status == codes.MarriageStatus.SUSPECTED_BOGUS


def test_marriage_errors() -> None:
    assert errors("events", id="E1", type="marriage", spouse_ids="P1;P9", person_id="P2") == {
        "spouse_ids": "no person with id 'P9' (import persons first)",
        "person_id": "is not used for a marriage",
    }
    assert errors("events", id="E1", type="marriage", spouse_ids="P1") == {
        "spouse_ids": "a marriage needs the ids of two persons, separated by ';'"
    }
    assert errors("events", id="E1", type="marriage", spouse_ids="P1;P1") == {
        "spouse_ids": "a marriage needs two different persons"
    }


def test_crossing() -> None:
    facts = mapped(
        "events",
        id="E2",
        type="crossing",
        person_id="P1",
        date="2021-03-04",
        country="HUN",
        direction="exit",
        outcome="illegal entry",
    ).facts
    assert isinstance(facts, model.BorderCrossing)
    assert (facts.person, facts.country, facts.outcome) == (IDS["P1"], "HU", "illegal_entry")
    assert errors("events", id="E2", type="crossing", direction="sideways") == {
        "person_id": "missing",
        "direction": "'sideways' is not one of: entry, exit",
        "date": "missing",
        "country": "missing",
    }


def test_incident() -> None:
    facts = mapped(
        "events",
        id="E3",
        type="incident",
        victim_ids="P1;P2",
        suspect_ids="P3",
        organization_ids="O1",
        start="2020",
        end="2021-05",
        forms="sexual;forced labor",
        category="exploitation of prostitution",
    ).facts
    assert isinstance(facts, model.ExploitationIncident)
    assert facts.victims == [IDS["P1"], IDS["P2"]] and facts.organizations == [IDS["O1"]]
    assert facts.forms == [codes.ExploitationForm.SEXUAL, codes.ExploitationForm.FORCED_LABOUR]
    assert errors(
        "events", id="E3", type="incident", victim_ids="P1", start="2021", end="2020"
    ) == {"end": "is before start"}
    assert errors("events", id="E3", type="incident", suspect_ids="P9", country="Atlantis") == {
        "suspect_ids": "no person with id 'P9' (import persons first)",
        "country": "unknown country 'Atlantis': use an ISO 3166 code (UA, UKR) or an English name",
    }
    assert errors("events", id="E3", type="incident", place="Depot") == {
        "victim_ids": "an incident needs at least one victim or suspect"
    }


def test_event_type() -> None:
    assert errors("events", id="E4", type="party") == {
        "type": "'party' is not one of: marriage, crossing, incident"
    }
    assert errors("events", id="E4") == {"type": "missing (marriage, crossing or incident)"}


def test_split_list() -> None:
    assert split_list(" a ; b;;c ") == ["a", "b", "c"]
    assert split_list("Flat 1\\; Main St 2;Depot") == ["Flat 1; Main St 2", "Depot"]
    assert split_list("  ") == []


def test_field_error_text() -> None:
    err = RowErrors(4, [FieldError("id", "missing"), FieldError("phone", "'1' is not ...")])
    assert str(err) == "line 4: id: missing; phone: '1' is not ..."


# --- properties ---------------------------------------------------------------------------

VALID_ROWS = {
    "persons": {"id": "P1", "full_name": "Anna Koval"},
    "organizations": {"id": "O1", "name": "Sunrise Travel"},
    "documents": {"id": "D1", "issuing_country": "UA", "number": "AA123456"},
    "events": {"id": "E1", "type": "incident", "victim_ids": "P1"},
}
KIND_COLUMNS = st.sampled_from(
    [(kind, column) for kind, columns in COLUMNS.items() for column in columns]
)


@settings(max_examples=1500, deadline=None)
@given(kind_column=KIND_COLUMNS, text=st.text(max_size=40).map(str.strip))
def test_any_text_in_any_field_is_a_value_or_a_field_error(
    kind_column: tuple[str, str], text: str
) -> None:
    kind, column = kind_column
    values = dict(VALID_ROWS[kind], **{column: text})
    try:
        row = map_row(kind, SourceRow(2, values), resolve=IDS.get, phone_region="UA")
    except RowErrors as exc:
        assert exc.line == 2 and exc.errors
        for err in exc.errors:
            assert err.field in COLUMNS[kind] and err.message
    else:
        assert isinstance(row.facts, model.Facts)


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(list(COLUMNS)),
    values=st.dictionaries(st.text(max_size=12), st.text(max_size=20), max_size=8),
)
def test_any_row_is_mapped_or_rejected_by_field(kind: str, values: dict[str, str]) -> None:
    try:
        map_row(kind, SourceRow(2, values), resolve=IDS.get, phone_region=None)
    except RowErrors as exc:
        assert all(isinstance(e, FieldError) and e.message for e in exc.errors)
