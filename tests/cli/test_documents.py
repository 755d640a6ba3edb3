"""`interlink mrz` and `interlink documents`: JSON out, exit codes 0 / 1 / 2 / 3."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from interlink.cli import app
from tests.documents.conftest import JSON_KEYS, SPECIMENS, changed

TD3 = SPECIMENS["TD3"]
KEYS = JSON_KEYS


def run(*args: str, input: str | None = None):
    """The MRZ commands need no database."""
    return CliRunner().invoke(app, list(args), input=input)


def test_mrz_check_a_valid_specimen_exits_0_with_the_json_of_issue_4() -> None:
    done = run("mrz", "check", *TD3)
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert list(data) == KEYS
    assert data["valid"] is True and data["format"] == "TD3"
    assert (data["surname"], data["given_names"]) == ("ERIKSSON", "ANNA MARIA")
    assert (data["date_of_birth"], data["expiry_date"]) == ("1974-08-12", "2012-04-15")
    assert all(set(c) == {"field", "valid"} and c["valid"] for c in data["checks"])


@pytest.mark.parametrize("name", sorted(SPECIMENS))
def test_mrz_check_reads_standard_input(name) -> None:
    done = run("mrz", "check", input="\n".join(SPECIMENS[name]) + "\n")
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["valid"] is True


def test_mrz_check_a_failed_check_exits_1_with_suggestions_and_reasons() -> None:
    wrong = changed(TD3, 2, 16, "O")
    done = run("mrz", "check", *wrong)
    assert done.exit_code == 1
    data = json.loads(done.stdout)
    assert data["valid"] is False
    failed = [c["field"] for c in data["checks"] if not c["valid"]]
    assert failed == ["date_of_birth", "date_of_birth_check_digit", "composite_check_digit"]
    assert data["suggestions"][0]["suggested"] == "0"
    assert "date_of_birth_check_digit: the check digit is '2'" in done.stderr


@pytest.mark.parametrize(
    ("lines", "why"),
    [
        ([TD3[0]], "2 or 3 lines"),
        ([TD3[0], TD3[1][:-1]], "line 2 has 43 characters"),
        ([TD3[0], TD3[1].replace("L", "l")], "line 2, position 1"),
    ],
)
def test_mrz_check_text_that_is_not_an_mrz_exits_2_saying_why(lines, why) -> None:
    done = run("mrz", "check", *lines)
    assert done.exit_code == 2
    assert "not an MRZ" in done.stderr and why in " ".join(done.stderr.split())
    assert done.stdout == ""


def test_mrz_check_today_resolves_two_digit_years() -> None:
    lines = changed(changed(TD3, 2, 22, "4"), 2, 23, "0")  # expiry 120415 → 400415
    done = run("mrz", "check", *lines, "--today", "2026-06-01")
    assert json.loads(done.stdout)["expiry_date"] == "2040-04-15"
    done = run("mrz", "check", *lines, "--today", "1990-01-01")
    assert json.loads(done.stdout)["expiry_date"] == "1940-04-15"
    assert run("mrz", "check", *TD3, "--today", "soon").exit_code == 2


def test_mrz_generate_makes_the_icao_specimen() -> None:
    done = run(
        "mrz",
        "generate",
        "--format",
        "TD3",
        "--number",
        "L898902C3",
        "--surname",
        "Eriksson",
        "--given-names",
        "Anna Maria",
        "--birth",
        "1974-08-12",
        "--sex",
        "F",
        "--expiry",
        "2012-04-15",
        "--optional-data",
        "ZE184226B",
    )
    assert done.exit_code == 0, done.output
    assert tuple(done.stdout.split()) == TD3


def test_mrz_generate_random_specimens_check_out() -> None:
    done = run("mrz", "generate", "--format", "TD1", "--random", "3", "--seed", "5")
    assert done.exit_code == 0, done.output
    blocks = done.stdout.strip().split("\n\n")
    assert len(blocks) == 3
    for block in blocks:
        assert run("mrz", "check", *block.split()).exit_code == 0
    assert run("mrz", "generate", "--random", "3", "--seed", "5", "--format", "TD1").stdout == (
        done.stdout
    )


@pytest.mark.parametrize(
    ("args", "why"),
    [
        ([], "--number and --surname"),
        (["--number", "X1", "--surname", "A", "--sex", "Q"], "sex"),
        (["--number", "X1", "--surname", "A", "--expiry", "2030"], "--expiry"),
        (["--number", "X1", "--surname", "A", "--issuing-state", "Atlantis"], "issuing_state"),
    ],
)
def test_mrz_generate_bad_values_exit_2(args, why) -> None:
    done = run("mrz", "generate", *args)
    assert done.exit_code == 2 and why in done.stderr


HEADER = "issuing_country,kind,number,status,reported_date,reporting_agency\n"
ROWS = (
    "UA,passport,FE123456,stolen,2026-01-15,National Police\n"
    "UTO,passport,L898902C3,forged,2024-05-05,Specimen Authority\n"
)


def test_register_import_then_check(cli) -> None:
    path = cli.file("register.csv", HEADER + ROWS)
    done = cli("documents", "register", "import", str(path), "--user", "sup")
    assert done.exit_code == 0, done.output
    assert "2 rows, 2 added, 0 updated, 0 unchanged" in done.stdout
    done = cli("documents", "check", "--country", "UKR", "--number", "FE 123456", "--user", "inv")
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert data["hit"] is True and data["status"] == "stolen"
    assert data["issuing_country"] == "UA" and data["number"] == "FE123456"
    done = cli("documents", "check", "--country", "UA", "--number", "FE000000", "--user", "inv")
    assert json.loads(done.stdout) == {
        "hit": False,
        "status": None,
        "issuing_country": "UA",
        "number": "FE000000",
        "kind": None,
        "reported_date": None,
        "reporting_agency": None,
    }
    again = cli("documents", "register", "import", str(path), "--user", "sup")
    assert "2 rows, 0 added, 0 updated, 2 unchanged" in again.stdout


def test_register_import_bad_rows_exit_2_and_name_line_and_field(cli) -> None:
    path = cli.file("bad.csv", HEADER + ROWS + "UA,passport,X1,misplaced,2026-01-01,Police\n")
    done = cli("documents", "register", "import", str(path), "--user", "sup")
    assert done.exit_code == 2
    assert "line 4: status: unknown status 'misplaced'" in " ".join(done.stderr.split())
    assert "nothing imported: 1 of 3 rows are bad" in done.stderr
    check = cli("documents", "check", "--country", "UA", "--number", "FE123456", "--user", "inv")
    assert json.loads(check.stdout)["hit"] is False


def test_register_import_wrong_header_or_no_file_exit_2(cli) -> None:
    path = cli.file("h.csv", "country,number\nUA,1\n")
    done = cli("documents", "register", "import", str(path), "--user", "sup")
    assert done.exit_code == 2 and "missing column" in done.stderr
    done = cli("documents", "register", "import", str(cli.tmp / "none.csv"), "--user", "sup")
    assert done.exit_code == 2 and "no such file" in done.stderr


def test_register_who_may_exit_3(cli) -> None:
    path = cli.file("register.csv", HEADER + ROWS)
    done = cli("documents", "register", "import", str(path), "--user", "inv")
    assert done.exit_code == 3 and "may not import" in done.stderr
    done = cli("documents", "check", "--country", "UA", "--number", "FE1", "--user", "dpo")
    assert done.exit_code == 3
    done = cli("documents", "check", "--country", "UA", "--number", "FE1")
    assert done.exit_code == 2 and "--user" in done.stderr


def test_documents_check_bad_country_exit_2(cli) -> None:
    done = cli("documents", "check", "--country", "Atlantis", "--number", "FE1", "--user", "inv")
    assert done.exit_code == 2 and "country" in done.stderr
