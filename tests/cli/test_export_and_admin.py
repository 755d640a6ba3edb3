"""`interlink export`, `users`, `audit verify` as an operator uses them."""

from __future__ import annotations

import csv
import io
import json

from followthemoney import model as ftm_model
from sqlalchemy import create_engine, text

from interlink.settings import normalize_database_url
from tests.cli.test_import import GOOD, HEADER


def load(cli) -> None:
    done = cli("import", "persons", str(cli.file("p.csv", HEADER + "".join(GOOD))), "--user", "inv")
    assert done.exit_code == 0, done.output


def test_export_jsonl_is_one_record_per_line(cli) -> None:
    load(cli)
    done = cli("export", "persons", "--purpose", "case 2026/5", "--user", "analyst")
    assert done.exit_code == 0, done.output
    lines = [json.loads(x) for x in done.stdout.splitlines()]
    # The analyst sees no victims: P2 is a possible victim.
    assert sorted(r["external_ref"] for r in lines) == ["P1", "P3"]
    assert lines[0]["provenance"]["owning_unit"] == "UA-KYIV"


def test_export_csv_imports_again(cli, tmp_path) -> None:
    load(cli)
    out = tmp_path / "out.csv"
    done = cli(
        "export",
        "persons",
        "--format",
        "csv",
        "--output",
        str(out),
        "--purpose",
        "transfer",
        "--user",
        "sup",
    )
    assert done.exit_code == 0, done.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {r["id"] for r in rows} == {"P1", "P3"}  # supervisors export no victims either
    # Into the Lviv unit's view of a new id space: change the ids and import back.
    text_ = out.read_text(encoding="utf-8").replace("P1,", "R1,").replace("P3,", "R3,")
    again = cli("import", "persons", str(cli.file("again.csv", text_)), "--user", "lviv")
    assert again.exit_code == 0, again.output


def test_export_ftm_entities_are_valid_followthemoney(cli) -> None:
    load(cli)
    done = cli("export", "persons", "--format", "ftm", "--purpose", "aleph", "--user", "analyst")
    assert done.exit_code == 0, done.output
    entities = [json.loads(x) for x in done.stdout.splitlines()]
    assert entities and all(e["schema"] == "Person" for e in entities)
    for entity in entities:
        proxy = ftm_model.get_proxy(entity)
        schema = ftm_model.get(entity["schema"])
        assert schema is not None
        assert set(entity["properties"]) <= set(schema.properties)
        assert proxy.get("name")


def test_export_needs_a_purpose_and_a_role_that_exports(cli) -> None:
    load(cli)
    no_purpose = cli("export", "persons", "--user", "analyst")
    assert no_purpose.exit_code == 2
    investigator = cli("export", "persons", "--purpose", "x", "--user", "inv")
    assert investigator.exit_code == 3 and "may not export" in investigator.stderr


def test_exports_are_audited(cli) -> None:
    load(cli)
    assert cli("export", "persons", "--purpose", "case 12", "--user", "analyst").exit_code == 0
    engine = create_engine(normalize_database_url(cli.env["INTERLINK_DATABASE_URL"]))
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT actor, purpose, outcome, details FROM audit_log WHERE action = 'export' "
                "ORDER BY seq"
            )
        ).all()
    engine.dispose()
    assert [(r.actor, r.purpose, r.outcome) for r in rows] == [
        ("analyst", "case 12", "started"),
        ("analyst", "case 12", "ok"),
    ]
    assert json.loads(rows[1].details)["count"] == 2


def test_weak_passwords_and_unknown_units_are_refused(cli) -> None:
    weak = cli(
        "users",
        "add",
        "x",
        "--role",
        "analyst",
        "--unit",
        "UA-KYIV",
        "--password-stdin",
        input="short\n",
    )
    assert weak.exit_code == 2 and "password" in weak.stderr
    unit = cli(
        "users",
        "add",
        "y",
        "--role",
        "analyst",
        "--unit",
        "NOWHERE",
        "--password-stdin",
        input="long-enough-password\n",
    )
    assert unit.exit_code == 2 and "NOWHERE" in unit.stderr
    role = cli("users", "add", "z", "--role", "king", "--unit", "UA-KYIV")
    assert role.exit_code == 2


def test_audit_verify_fails_after_a_row_is_changed_by_hand(cli) -> None:
    load(cli)
    ok = cli("audit", "verify")
    assert ok.exit_code == 0 and "audit log intact" in ok.stdout
    engine = create_engine(normalize_database_url(cli.env["INTERLINK_DATABASE_URL"]))
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET actor = 'nobody' WHERE seq = 2"))
    engine.dispose()
    bad = cli("audit", "verify")
    assert bad.exit_code == 1
    assert "entry 2 was changed after it was written" in bad.stdout


def test_review_commands_accept_the_imported_id(cli) -> None:
    load(cli)
    engine = create_engine(normalize_database_url(cli.env["INTERLINK_DATABASE_URL"]))
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE records SET review_date = '2020-01-01' WHERE external_ref = 'P3'")
        )
    engine.dispose()
    due = cli("review", "due", "--user", "sup")
    assert due.exit_code == 0 and "\tP3\t" in due.stdout and "1 record(s) due" in due.stdout
    kept = cli("review", "extend", "P3", "--reason", "still open", "--user", "sup")
    assert kept.exit_code == 0, kept.output
    erased = cli("review", "erase", "P1", "--reason", "retention over", "--user", "dpo")
    assert erased.exit_code == 0, erased.output
    missing = cli("review", "erase", "P1", "--reason", "again", "--user", "dpo")
    assert missing.exit_code == 3 and "P1" in missing.stderr


def test_the_global_db_option_chooses_the_database(cli) -> None:
    url = cli.env["INTERLINK_DATABASE_URL"]
    env_without = {**cli.env, "INTERLINK_DATABASE_URL": ""}
    from typer.testing import CliRunner

    from interlink.cli import app

    done = CliRunner().invoke(app, ["--db", url, "units", "list"], env=env_without)
    assert done.exit_code == 0 and "UA-KYIV" in done.stdout
