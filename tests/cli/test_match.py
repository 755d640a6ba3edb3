"""`interlink match QUERIES.csv --output RESULTS.csv` right after `interlink import`."""

from __future__ import annotations

import csv

PERSONS = """id,full_name,date_of_birth,nationality,document_number
UA-1,Олег Петренко,1979-04-02,UA,FA123456
UA-2,Ivan Shevchenko,1985-03-12,UA,
UA-3,Mariia Kovalenko,1990-07-30,UA,
"""


def test_match_after_import_writes_ranked_candidates(cli) -> None:
    persons = cli.file("persons.csv", PERSONS)
    assert cli("import", "persons", str(persons), "--user", "inv").exit_code == 0
    queries = cli.file(
        "queries.csv",
        "id,full_name,date_of_birth,document_number\n"
        "q1,PETRENKO Oleh,1979-02-04,FA12345G\n"
        "q2,Kovalenko Mariia,1990-31-07,\n",  # an impossible date is used as far as it goes
    )
    out = cli.tmp / "results.csv"
    done = cli(
        "match",
        str(queries),
        "--output",
        str(out),
        "--top",
        "2",
        "--purpose",
        "case 2026/117",
        "--user",
        "inv",
    )
    assert done.exit_code == 0, done.output
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["query_id", "rank", "record_id", "match_probability", "band"]
    best = {r["query_id"]: r for r in rows if r["rank"] == "1"}
    assert best["q1"]["record_id"] == "UA-1"
    assert best["q2"]["record_id"] == "UA-3"
    assert all(int(r["rank"]) <= 2 for r in rows)
    assert "date_of_birth" in done.output  # the malformed date is reported by field


def test_missing_name_names_the_line_and_changes_nothing(cli) -> None:
    queries = cli.file("queries.csv", "id,full_name\nq1,Ivan Petrenko\nq2,\n")
    out = cli.tmp / "results.csv"
    done = cli("match", str(queries), "--output", str(out), "--purpose", "x-check", "--user", "inv")
    assert done.exit_code == 2
    assert "line 3" in done.output and "name" in done.output
    assert not out.exists()
    no_user = cli("match", str(queries), "--output", str(out), "--purpose", "x-check")
    assert no_user.exit_code == 2
