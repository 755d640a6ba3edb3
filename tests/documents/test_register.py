"""The register of lost, stolen, revoked and forged documents, on SQLite and PostgreSQL:
import (all or nothing), later imports keeping it current, lookup, access and audit."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from interlink.access import Role
from interlink.access.audit import verify
from interlink.documents import RegisterStatus, check, import_register
from interlink.documents.register import parse_row
from interlink.records.errors import Forbidden, Invalid
from interlink.store import documents as store
from interlink.store.db import reading
from interlink.store.schema import audit_log, import_jobs
from interlink.transfer.readers import FileFormatError

HEADER = "issuing_country,kind,number,status,reported_date,reporting_agency\n"
ROWS = [
    "UA,passport,FE 123456,stolen,2026-01-15,National Police of Ukraine\n",
    "UKR,identity_card,000123456,lost,2026-02-01,State Migration Service\n",
    "Poland,passport,EA-1234567,revoked,2025-12-31,Ministry of the Interior\n",
    "UTO,P,L898902C3,forged,2024-05-05,Specimen Authority of Utopia\n",
]
TODAY = date(2026, 6, 1)


def _file(tmp_path: Path, name: str, rows: list[str], header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text(header + "".join(rows), encoding="utf-8")
    return path


@pytest.fixture
def ncb(people):
    return people.actor(Role.NCB_OFFICER)


def _audit(node, action: str) -> list[dict[str, object]]:
    with reading(node.engine) as conn:
        rows = conn.execute(
            select(audit_log).where(audit_log.c.action == action).order_by(audit_log.c.seq)
        ).mappings()
        return [dict(r) for r in rows]


def test_import_then_lookup_hits_with_status(node, ncb, tmp_path) -> None:
    report = import_register(node, ncb, _file(tmp_path, "r.csv", ROWS), today=TODAY)
    assert report.written and not report.errors
    assert (report.rows, report.added, report.updated, report.unchanged) == (4, 4, 0, 0)
    found = check(node, ncb, "UA", "FE123456")
    assert found.hit and found.status == "stolen" and found.kind == "passport"
    assert found.reported_date == date(2026, 1, 15)
    assert found.reporting_agency == "National Police of Ukraine"
    # The country in any spelling, the number as written on the document.
    assert check(node, ncb, "UKR", "fe-123 456").status == "stolen"
    assert check(node, ncb, "Ukraine", "000123456").status == "lost"
    assert check(node, ncb, "POL", "EA1234567").status == "revoked"
    assert check(node, ncb, "UTO", "L898902C3").status == "forged"
    missing = check(node, ncb, "UA", "FE123457")
    assert not missing.hit and missing.status is None
    assert not check(node, ncb, "PL", "FE123456").hit  # the same number from another issuer


def test_a_later_import_keeps_the_register_current(node, ncb, tmp_path) -> None:
    import_register(node, ncb, _file(tmp_path, "first.csv", ROWS), today=TODAY)
    later = [
        ROWS[0],  # the same again
        "UA,passport,FE123456,stolen,2026-01-15,National Police of Ukraine\n",  # repeated
        "UA,identity_card,000123456,stolen,2026-03-01,National Police of Ukraine\n",  # changed
        "PL,passport,EA1234567,withdrawn,2026-04-01,Ministry of the Interior\n",  # found again
        "D,passport,C01X00T47,stolen,2026-05-01,Bundeskriminalamt\n",  # new
    ]
    report = import_register(node, ncb, _file(tmp_path, "later.csv", later), today=TODAY)
    assert (report.rows, report.added, report.updated, report.unchanged) == (5, 1, 2, 2)
    assert check(node, ncb, "UA", "000123456").status == "stolen"
    withdrawn = check(node, ncb, "PL", "EA1234567")
    assert not withdrawn.hit and withdrawn.status == RegisterStatus.WITHDRAWN
    assert check(node, ncb, "DE", "C01X00T47").hit
    with reading(node.engine) as conn:
        assert store.count(conn) == 5
        entry = store.lookup(conn, "UA", "000123456")
        jobs = conn.execute(select(import_jobs.c.id, import_jobs.c.status)).all()
    assert entry is not None and entry.import_job == report.job_id
    assert {s for _, s in jobs} == {"done"} and len(jobs) == 2


def test_the_last_row_wins_within_a_file(node, ncb, tmp_path) -> None:
    rows = [ROWS[0], ROWS[0].replace("stolen", "lost")]
    report = import_register(node, ncb, _file(tmp_path, "r.csv", rows), today=TODAY)
    assert report.added == 1
    assert check(node, ncb, "UA", "FE123456").status == "lost"


def test_one_bad_row_refuses_the_whole_file_naming_line_and_field(node, ncb, tmp_path) -> None:
    rows = [
        ROWS[0],
        "Atlantis,passport,X1,stolen,2026-01-01,Agency\n",
        "UA,boat,---,misplaced,2026-13-01,\n",
        ROWS[1],
        "UA,passport,FE1,lost,2027-01-01,Agency\n",
        "XXA,passport,FE1,lost,2026-01-01,Agency\n",
    ]
    report = import_register(node, ncb, _file(tmp_path, "bad.csv", rows), today=TODAY)
    assert not report.written and report.rejected == 4 and report.added == 0
    listed = {(e.line, f.field) for e in report.errors for f in e.errors}
    assert listed == {
        (3, "issuing_country"),
        (4, "kind"),
        (4, "number"),
        (4, "status"),
        (4, "reported_date"),
        (4, "reporting_agency"),
        (6, "reported_date"),
        (7, "issuing_country"),
    }
    assert not check(node, ncb, "UA", "FE123456").hit  # nothing was written
    refused = _audit(node, "register_import")
    assert [r["outcome"] for r in refused] == ["refused"]


def test_a_large_file_is_written_in_batches(node, ncb, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("interlink.documents.register.BATCH_SIZE", 7)
    rows = [f"UA,passport,AA{i:06d},lost,2026-01-01,Agency\n" for i in range(50)]
    rows.append("UA,passport,AA000003,stolen,2026-01-02,Agency\n")  # updates an earlier batch
    report = import_register(node, ncb, _file(tmp_path, "big.csv", rows), today=TODAY)
    assert (report.added, report.updated, report.unchanged) == (50, 1, 0)
    assert check(node, ncb, "UA", "AA000003").status == "stolen"
    assert check(node, ncb, "UA", "AA000049").status == "lost"
    bad = [*rows, "UA,passport,,lost,2026-01-01,Agency\n"]
    refused = import_register(node, ncb, _file(tmp_path, "bad.csv", bad), today=TODAY)
    assert not refused.written
    with reading(node.engine) as conn:
        assert store.count(conn) == 50


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("issuing_country,kind,number,status,reported_date\n", "missing column"),
        (HEADER.strip() + ",colour\n", "unknown column"),
    ],
)
def test_a_wrong_header_is_refused_before_anything(node, ncb, tmp_path, header, message) -> None:
    with pytest.raises(FileFormatError, match=message):
        import_register(node, ncb, _file(tmp_path, "h.csv", ROWS[:1], header), today=TODAY)


def test_a_header_without_rows_is_refused(node, ncb, tmp_path) -> None:
    with pytest.raises(FileFormatError, match="no rows"):
        import_register(node, ncb, _file(tmp_path, "empty.csv", []), today=TODAY)


def test_who_may_import_and_check(node, people, tmp_path) -> None:
    path = _file(tmp_path, "r.csv", ROWS)
    for role in (
        Role.INVESTIGATOR,
        Role.ANALYST,
        Role.DATA_PROTECTION_OFFICER,
        Role.WELFARE_OFFICER,
        Role.ADMINISTRATOR,
    ):
        with pytest.raises(Forbidden):
            import_register(node, people.actor(role), path, today=TODAY)
    import_register(node, people.actor(Role.SUPERVISOR), path, today=TODAY)
    for role in (Role.INVESTIGATOR, Role.ANALYST, Role.NCB_OFFICER, Role.SUPERVISOR):
        assert check(node, people.actor(role, "UA-LVIV"), "UA", "FE123456").hit
    for role in (Role.DATA_PROTECTION_OFFICER, Role.WELFARE_OFFICER, Role.ADMINISTRATOR):
        with pytest.raises(Forbidden):
            check(node, people.actor(role), "UA", "FE123456")


@pytest.mark.parametrize(
    ("country", "number", "field"),
    [("Atlantis", "FE1", "country"), ("XXA", "FE1", "country"), ("UA", " - ", "number")],
)
def test_a_bad_question_names_the_field(node, ncb, country, number, field) -> None:
    with pytest.raises(Invalid) as caught:
        check(node, ncb, country, number)
    assert caught.value.field == field


def test_imports_and_checks_are_audited_with_counts_and_hit_only(node, ncb, tmp_path) -> None:
    path = _file(tmp_path, "r.csv", ROWS)
    report = import_register(node, ncb, path, today=TODAY)
    check(node, ncb, "UA", "FE123456")
    check(node, ncb, "UA", "ZZ999999")
    [imported] = _audit(node, "register_import")
    details = json.loads(str(imported["details"]))
    assert details["job"] == report.job_id
    assert {k: details[k] for k in ("rows", "added", "updated", "unchanged")} == {
        "rows": 4,
        "added": 4,
        "updated": 0,
        "unchanged": 0,
    }
    checks = _audit(node, "register_check")
    assert [json.loads(str(c["details"])) for c in checks] == [{"hit": True}, {"hit": False}]
    for entry in [imported, *checks]:
        text = json.dumps(entry, default=str)
        assert "FE123456" not in text and "ZZ999999" not in text and "Police" not in text
        assert entry["actor_id"] == ncb.id
    with reading(node.engine) as conn:
        assert verify(conn, node.audit_key).ok


def test_row_values_are_normalized() -> None:
    values, errors = parse_row(
        {
            "issuing_country": "Germany",
            "kind": "ID card",
            "number": " t22-000 129 ",
            "status": "Stolen Blank",
            "reported_date": "05.03.2026",
            "reporting_agency": "BKA",
        },
        TODAY,
    )
    assert errors == []
    assert values == ("DE", "T22000129", "identity_card", "stolen_blank", date(2026, 3, 5), "BKA")
