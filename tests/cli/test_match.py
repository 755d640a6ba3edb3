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


def test_evaluate_scores_match_results_by_recall_at_k(cli) -> None:
    imported = cli.file("persons.csv", PERSONS)
    assert cli("import", "persons", str(imported), "--user", "inv").exit_code == 0
    records = cli.file("records.csv", "id,true_id\nUA-1,T1\nUA-2,T2\nUA-3,T3\n")
    queries = cli.file(
        "queries.csv",
        "id,full_name,date_of_birth,true_id\n"
        "q1,Oleh Petrenko,1979-04-02,T1\n"
        "q2,Mariia Kovalenko,1990-07-30,T3\n"
        "q3,Zygmunt Wrzesniewski,1950-01-01,T9\n",
    )
    out = cli.tmp / "results.csv"
    done = cli("match", str(queries), "-o", str(out), "--purpose", "evaluation", "--user", "inv")
    assert done.exit_code == 0, done.output
    scored = cli("evaluate", str(queries), "--matches", str(out), "--records", str(records))
    assert scored.exit_code == 0, scored.output
    assert "2 queries for stored persons, 1 for others" in scored.output
    assert "recall@1   1.0000" in scored.output
    assert "0.00% (0 of 1)" in scored.output
    missing = cli("evaluate", str(queries), "--matches", str(out))
    assert missing.exit_code == 2 and "--records" in missing.output


def test_many_queries_run_on_every_core_with_the_same_answers(cli, monkeypatch) -> None:
    from interlink.cli import match as match_cli

    persons = cli.file("persons.csv", PERSONS)
    assert cli("import", "persons", str(persons), "--user", "inv").exit_code == 0
    queries = cli.file(
        "queries.csv",
        "id,full_name,date_of_birth\nq1,Oleh Petrenko,1979-04-02\nq2,Ivan Shevchenko,1985\n"
        "q3,Mariia Kovalenko,1990-07-30\n",
    )
    one, many = cli.tmp / "one.csv", cli.tmp / "many.csv"
    args = ("--purpose", "parallel check", "--user", "inv")
    assert cli("match", str(queries), "-o", str(one), *args).exit_code == 0
    monkeypatch.setattr(match_cli, "CHUNK", 1)  # three chunks: worker processes
    done = cli("match", str(queries), "-o", str(many), *args)
    assert done.exit_code == 0, done.output
    assert many.read_text(encoding="utf-8") == one.read_text(encoding="utf-8")
