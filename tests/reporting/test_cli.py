"""`interlink stats`: reports in three formats, a public release, and clean refusals."""

from __future__ import annotations

import csv
import io
import json

import pytest

from interlink import records
from interlink.access import Role
from interlink.access.accounts import get_user
from interlink.domain import model
from interlink.domain.provenance import ProvenanceIn
from interlink.node import Node
from interlink.settings import Settings
from interlink.store.db import reading


@pytest.fixture
def cases(cli, database_url) -> None:
    """In Kyiv: 12 open urgent cases, 20 open normal, 20 closed normal, 3 closed low."""
    node = Node(Settings(database_url=database_url, data_dir=cli.tmp / "data"))
    with reading(node.engine) as conn:
        inv = get_user(conn, "inv").actor()
    kinds = [("open", "urgent")] * 12 + [("open", "normal")] * 20
    kinds += [("closed", "normal")] * 20 + [("closed", "low")] * 3
    for i, (status, priority) in enumerate(kinds):
        facts = model.Case(reference=f"K-{i}", title="Case", status=status, priority=priority)
        records.create(node, inv, facts, ProvenanceIn())
    node.engine.dispose()


def test_report_as_json_csv_and_table(cli, cases) -> None:
    done = cli("stats", "report", "--period", "all", "--user", "analyst", "--format", "json")
    assert done.exit_code == 0, done.output
    figures = json.loads(done.stdout)
    assert figures["indicators"]["cases"]["cells"] == [
        ["closed", "low", 3],
        ["closed", "normal", 20],
        ["open", "normal", 20],
        ["open", "urgent", 12],
    ]
    done = cli(
        "stats",
        "report",
        "--period",
        "2026",
        "--indicator",
        "cases",
        "--user",
        "analyst",
        "--format",
        "csv",
    )
    assert done.exit_code == 0, done.output
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    grand = [r for r in rows if r["value_1"] == "Total" and r["value_2"] == "Total"]
    assert grand[0]["count"] == "55"
    done = cli("stats", "report", "--period", "2026-Q4", "--unit", "UA-LVIV", "--user", "sup")
    assert done.exit_code == 0, done.output
    assert "unit UA-LVIV" in done.stdout and "Cases by status and priority" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--period", "2026-Q5"), "--period"),
        (("--period", "next year"), "--period"),
        (("--period", "2026-06..2025-01"), "--period"),
        (("--period", "2026", "--format", "xml"), "--format"),
        (("--period", "2026", "--unit", "NOWHERE"), "unit"),
        (("--period", "2026", "--indicator", "nothing"), "indicator"),
    ],
)
def test_bad_input_exits_2_naming_the_option(cli, args, message) -> None:
    done = cli("stats", "report", *args, "--user", "analyst")
    assert done.exit_code == 2, done.output
    assert message in done.output and "Traceback" not in done.output


def test_roles_without_statistics_are_refused(cli) -> None:
    done = cli("stats", "report", "--period", "all", "--user", "inv")
    assert done.exit_code == 3, done.output
    done = cli(
        "stats", "publish", "--period", "all", "--out", str(cli.tmp / "r"), "--user", "analyst"
    )
    assert done.exit_code == 3, done.output
    assert not (cli.tmp / "r").exists()


def test_publish_writes_tables_charts_and_readme(cli, cases) -> None:
    out = cli.tmp / "release"
    done = cli(
        "stats", "publish", "--period", "2026", "--out", str(out), "--round", "5", "--user", "sup"
    )
    assert done.exit_code == 0, done.output
    rows = list(csv.DictReader((out / "cases__status__priority.csv").open()))
    counts = {(r["status"], r["priority"]): r["count"] for r in rows}
    assert counts[("closed", "low")] == ""  # 3: suppressed
    assert counts[("Total", "low")] == ""  # 3 as well
    # The low column's partner is the urgent one, whose only case is open: both hidden,
    # and the open and closed rows each lose a second cell (worked out in the docstring).
    hidden = {k for k, v in counts.items() if v == ""}
    assert hidden == {
        ("closed", "low"),
        ("Total", "low"),
        ("Total", "urgent"),
        ("open", "urgent"),
        ("open", "normal"),
        ("closed", "normal"),
    }
    assert counts[("Total", "Total")] == "55"
    assert counts[("open", "Total")] == "30"  # 32, rounded to base 5
    assert counts[("closed", "Total")] == "25"  # 23
    assert (out / "cases__status__priority.png").read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in (out / "cases__status__priority.svg").read_bytes()
    assert "fewer than 11" in (out / "README.md").read_text()


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("--period", "2026-13"), "--period"),
        (("--period", "2026", "--threshold", "0"), "--threshold"),
        (("--period", "2026", "--round", "0"), "--round"),
        (("--period", "2026", "--epsilon", "-1"), "--epsilon"),
    ],
)
def test_publish_refuses_bad_options(cli, args, option) -> None:
    done = cli("stats", "publish", *args, "--out", str(cli.tmp / "x"), "--user", "sup")
    assert done.exit_code == 2, done.output
    assert option in done.output
    assert not (cli.tmp / "x").exists()


def test_role_names_stay_out_of_the_output(cli) -> None:
    assert Role.ANALYST.value == "analyst"  # the fixture's users
    done = cli("stats", "indicators")
    assert done.exit_code == 0 and "victims" in done.stdout
