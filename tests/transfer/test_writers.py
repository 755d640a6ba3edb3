"""Writers: JSON Lines keeps every field; a CSV export imports again to the same records."""

from __future__ import annotations

import io
import json
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interlink.domain import codes, model
from interlink.domain.provenance import Provenance, ProvenanceIn
from interlink.transfer.readers import SourceRow, escape_item, iter_rows
from interlink.transfer.rows import MappedRow, check_header, map_row, split_list
from interlink.transfer.writers import CsvWriter, JsonlWriter, Record, to_columns, to_json

NOW = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)

TOMORROW = date.today() + timedelta(days=1)  # review dates must lie ahead


def stored(prov: ProvenanceIn) -> Provenance:
    """Provenance as the store would keep it (generated values)."""
    return Provenance(
        **prov.model_dump(exclude={"review_date"}),
        review_date=prov.review_date or date(2030, 3, 4),
        owning_unit="THB-UNIT-1",
        recorded_at=NOW,
        recorded_by="user-1",
        updated_at=NOW,
        updated_by="user-1",
    )


def export_and_reimport(
    tmp_path: Path, kind: str, mapped: list[MappedRow], **resolvers: object
) -> list[MappedRow]:
    """Write ``mapped`` as records to CSV, read the file back and map it again."""
    record_ids = {m.external_id: uuid.uuid4() for m in mapped}
    path = tmp_path / f"{kind}.csv"
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = CsvWriter(stream, kind, **resolvers)  # type: ignore[arg-type]
        writer.write_all(
            (record_ids[m.external_id], m.external_id, m.facts, stored(m.provenance))
            for m in mapped
        )
    rows = list(iter_rows(path))
    check_header(kind, list(rows[0].values))
    return [
        map_row(kind, row, resolve=PEOPLE.get, phone_region=None, resolve_organization=ORGS.get)
        for row in rows
    ]


PEOPLE = {f"P{i}": uuid.uuid4() for i in range(5)}
ORGS = {"O1": uuid.uuid4()}
REF = {v: k for k, v in {**PEOPLE, **ORGS}.items()}


def same(before: MappedRow, after: MappedRow) -> None:
    assert after.external_id == before.external_id
    assert after.facts.model_dump() == before.facts.model_dump()
    expected = before.provenance.model_dump()
    expected["review_date"] = expected["review_date"] or date(2030, 3, 4)
    assert after.provenance.model_dump() == expected


# --- persons: property --------------------------------------------------------------------

letters = st.sampled_from(list("AaBbOoIiЁёЖжΑαأب李कğŞ' -"))
name = st.text(letters, min_size=1, max_size=20).map(str.strip).filter(bool)
free = (
    st.text(
        st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"), include_characters="\n\t"),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
item = (
    st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool)
)
countries = st.sampled_from(["UA", "MD", "RO", "XK", "NG", "VN", "TH", "AL", "DE"])


def items(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(strategy, max_size=3).map(lambda xs: ";".join(escape_item(x) for x in xs))


partial_date = st.tuples(
    st.dates(date(1900, 1, 1), date(2020, 12, 31)), st.sampled_from([4, 7, 10])
).map(lambda d: d[0].isoformat()[: d[1]])
person_rows = st.fixed_dictionaries(
    {"id": st.from_regex(r"P[0-9]{1,6}", fullmatch=True), "last_name": name},
    optional={
        "full_name": name,
        "first_name": name,
        "middle_name": name,
        "aliases": items(name),
        "gender": st.sampled_from(["m", "f", "x", "unknown", ""]),
        "date_of_birth": partial_date,
        "place_of_birth": item,
        "birth_country": countries,
        "nationality": items(countries),
        "document_number": items(item),
        "phone": items(st.from_regex(r"\+38050[0-9]{7}", fullmatch=True)),
        "email": items(st.from_regex(r"[a-z0-9.]{1,10}@example\.org", fullmatch=True)),
        "address": items(item),
        "distinguishing_marks": items(item),
        "role": st.sampled_from([r.value for r in codes.PersonRole]),
        "category": items(st.sampled_from([c.value for c in codes.ActivityCategory])),
        "notes": free,
        "reliability": st.sampled_from("ABCX"),
        "assessment": st.sampled_from("1234"),
        "handling_code": st.sampled_from(["H0", "H1", "H2"]),
        "source": item,
        "review_date": st.dates(TOMORROW, TOMORROW + timedelta(days=3650)).map(date.isoformat),
    },
)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(person_rows, min_size=1, max_size=4, unique_by=lambda r: r["id"]))
def test_person_export_reimports_to_the_same_records(
    tmp_path: Path, rows: list[dict[str, str]]
) -> None:
    before = [
        map_row("persons", SourceRow(2, r), resolve=PEOPLE.get, phone_region=None) for r in rows
    ]
    after = export_and_reimport(tmp_path, "persons", before)
    for b, a in zip(before, after, strict=True):
        same(b, a)


# --- other kinds: examples ----------------------------------------------------------------


def mapped(kind: str, values: dict[str, str]) -> MappedRow:
    return map_row(
        kind,
        SourceRow(2, values),
        resolve=PEOPLE.get,
        phone_region="UA",
        resolve_organization=ORGS.get,
    )


def test_organization_export_reimports(tmp_path: Path) -> None:
    before = [
        mapped(
            "organizations",
            {
                "id": "O1",
                "name": "Sunrise Travel;Sunrise\\; Ltd",
                "kind": "travel_agency",
                "country": "DE",
                "registration_number": "HRB 1234",
                "phone": "+49301234567",
                "email": "info@example.org",
                "address": "Hauptstr. 1, Berlin",
                "category": "procurement",
                "notes": "Generated.",
                "reliability": "B",
                "assessment": "2",
            },
        )
    ]
    for b, a in zip(before, export_and_reimport(tmp_path, "organizations", before), strict=True):
        same(b, a)


def test_document_export_reimports_with_its_holder(tmp_path: Path) -> None:
    before = [
        mapped(
            "documents",
            {
                "id": "D1",
                "kind": "passport",
                "issuing_country": "UA",
                "number": "FX000001",
                "holder_family_name": "KOVAL",
                "holder_given_names": "ANNA",
                "holder_birth_date": "1990",
                "holder_nationality": "UA",
                "holder_gender": "f",
                "issue_date": "2019-05-01",
                "expiry_date": "2029-05-01",
                "status": "stolen",
                "holder_id": "P1",
                "handling_code": "H3",
                "handling_text": "Not to third countries",
            },
        )
    ]
    after = export_and_reimport(tmp_path, "documents", before, holder_ref=lambda _id: "P1")
    same(before[0], after[0])
    assert after[0].holder_external_id == "P1"


def test_event_export_reimports_with_file_ids(tmp_path: Path) -> None:
    before = [
        mapped(
            "events",
            {
                "id": "E1",
                "type": "marriage",
                "spouse_ids": "P1;P2",
                "date": "2019",
                "place": "Registry office",
                "country": "UA",
                "witness_ids": "P3;P4",
                "intermediary_id": "O1",
                "officiant": "Registrar",
                "registrar": "Office 3",
                "status": "suspected_bogus",
                "description": "Generated.",
            },
        ),
        mapped(
            "events",
            {
                "id": "E2",
                "type": "crossing",
                "person_id": "P1",
                "date": "2020-02-03",
                "country": "HU",
                "crossing_point": "Point 7",
                "direction": "exit",
                "outcome": "attempted",
                "document_number": "FX000001",
            },
        ),
        mapped(
            "events",
            {
                "id": "E3",
                "type": "incident",
                "victim_ids": "P1",
                "suspect_ids": "P2;P3",
                "organization_ids": "O1",
                "place": "Depot",
                "country": "DE",
                "start": "2021-01",
                "end": "2021-06",
                "forms": "forced_labour",
                "category": "forced_labour",
                "description": "Generated.",
            },
        ),
    ]
    after = export_and_reimport(tmp_path, "events", before, ref=REF.get)
    for b, a in zip(before, after, strict=True):
        same(b, a)


def test_references_without_a_file_id_are_written_as_record_ids() -> None:
    facts = model.BorderCrossing(person=PEOPLE["P1"], date="2020", country="HU")
    record: Record = (uuid.uuid4(), None, facts, stored(ProvenanceIn()))
    columns = to_columns("events", record)
    assert columns["person_id"] == str(PEOPLE["P1"])
    assert columns["id"] == str(record[0])


def test_a_record_of_another_kind_is_refused() -> None:
    facts = model.Organization(names=["Sunrise Travel"])
    with pytest.raises(ValueError, match="does not go in a persons file"):
        to_columns("persons", (uuid.uuid4(), None, facts, stored(ProvenanceIn())))


def test_csv_header_and_bom() -> None:
    stream = io.StringIO()
    CsvWriter(stream, "organizations")
    assert stream.getvalue().startswith("\ufeffid,name,kind,country,")
    stream = io.StringIO()
    CsvWriter(stream, "person", bom=False)
    assert stream.getvalue().startswith("id,full_name,")


def test_list_values_escape_semicolons() -> None:
    facts = model.Person(names=[{"full": "Anna Koval"}], addresses=["Flat 1; Main St 2", "C:\\x"])
    columns = to_columns("persons", (uuid.uuid4(), "P1", facts, stored(ProvenanceIn())))
    assert split_list(columns["address"]) == ["Flat 1; Main St 2", "C:\\x"]


# --- JSON Lines ----------------------------------------------------------------------------


def test_jsonl_writes_one_object_per_record() -> None:
    person = model.Person(
        names=[{"full": "Анна Коваль"}], nationalities=["UA"], role=codes.PersonRole.VICTIM
    )
    incident = model.ExploitationIncident(victims=[PEOPLE["P1"]], start="2021")
    records: list[Record] = [
        (uuid.uuid4(), "P1", person, stored(ProvenanceIn(reliability=codes.Reliability.B))),
        (uuid.uuid4(), None, incident, stored(ProvenanceIn())),
    ]
    stream = io.StringIO()
    assert JsonlWriter(stream).write_all(records) == 2
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2 and "Анна Коваль" in lines[0]
    first, second = (json.loads(line) for line in lines)
    assert set(first) == {"id", "kind", "external_ref", "provenance", "facts"}
    assert (first["id"], first["kind"], first["external_ref"]) == (
        str(records[0][0]),
        "person",
        "P1",
    )
    assert first["provenance"]["reliability"] == "B"
    assert first["provenance"]["owning_unit"] == "THB-UNIT-1"
    assert model.Person.model_validate(first["facts"]) == person
    assert second["kind"] == "incident" and second["external_ref"] is None
    assert second["facts"]["victims"] == [str(PEOPLE["P1"])]
    assert to_json(records[1]) == second


def test_cells_a_spreadsheet_would_run_are_defused_and_read_back() -> None:
    from interlink.transfer.readers import unescape_formula
    from interlink.transfer.writers import spreadsheet_safe

    assert spreadsheet_safe('=HYPERLINK("http://x")').startswith("'=")
    assert spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_safe("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0"
    assert spreadsheet_safe("+380501234567") == "+380501234567"
    assert spreadsheet_safe("-12.5") == "-12.5"
    for cell in ("=1+1", "'=x", "''@", "plain", "+380 50", "'-"):
        assert unescape_formula(spreadsheet_safe(cell)) == cell
