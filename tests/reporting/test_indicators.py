"""Each indicator on a small generated data set whose counts are known by construction."""

from __future__ import annotations

import pytest

from interlink import reporting
from interlink.access import Role
from interlink.records.errors import Forbidden, Invalid
from interlink.reporting.indicators import age_band

ALL = reporting.ALL


def counts(node, people, period=ALL, unit=None):
    rep = reporting.report(node, people.actor(Role.ANALYST), period, unit=unit)
    return {name: c.counts for name, c in rep.cubes.items()}


def test_every_indicator_counts_the_known_world(node, people, world) -> None:
    got = counts(node, people)
    assert got["persons"] == {
        ("victim", "none"): 4,
        ("suspect", "exploitation_of_prostitution"): 1,
        ("suspect", "multiple"): 1,
        ("witness", "none"): 1,
        ("convicted", "forced_labour"): 1,
    }
    # SDG 16.2.2: each victim once; age at the first incident; forms over all incidents.
    assert got["victims"] == {
        ("female", "12-17", "sexual"): 1,  # born 2010-05-01, first incident 2024-03-01
        ("male", "30-49", "multiple"): 1,  # born in 1990: 33 or 34; sexual + forced labour
        ("female", "unknown", "unknown"): 1,  # no birth date, no incident
        ("female", "18-29", "forced_labour"): 1,
    }
    assert got["suspects"] == {
        ("exploitation_of_prostitution", "exploiter"): 1,
        ("multiple", "none"): 1,
        ("forced_labour", "multiple"): 1,  # recruiter and transporter
    }
    assert got["routes"] == {
        ("MD", "RO", "UA"): 1,
        ("MD", "none", "UA"): 1,  # origin from the nationality
        ("UA", "none", "PL"): 1,
    }
    assert got["marriages"] == {("suspected_bogus", "UA"): 1, ("recorded", "unknown"): 1}
    assert got["crossings"] == {
        ("lawful", "entry", "RO"): 1,
        ("illegal_entry", "entry", "UA"): 1,
        ("lawful", "entry", "PL"): 1,
    }
    assert got["documents"] == {("forged", "passport"): 1, ("genuine", "identity_card"): 1}
    assert got["cases"] == {("open", "urgent"): 1, ("closed", "normal"): 1}


def test_periods_place_each_count_by_its_date(node, people, world) -> None:
    in_2024 = counts(node, people, reporting.parse_period("2024"))
    assert in_2024["victims"] == {
        ("female", "12-17", "sexual"): 1,
        ("male", "30-49", "multiple"): 1,
    }
    assert in_2024["crossings"] == {
        ("lawful", "entry", "RO"): 1,
        ("illegal_entry", "entry", "UA"): 1,
    }
    q2 = counts(node, people, reporting.parse_period("2025-Q2"))
    assert q2["victims"] == {("female", "18-29", "forced_labour"): 1}
    assert q2["marriages"] == {("suspected_bogus", "UA"): 1}
    assert q2["crossings"] == {("lawful", "entry", "PL"): 1}
    assert counts(node, people, reporting.parse_period("2020..2023-12"))["victims"] == {}
    assert (
        sum(counts(node, people, reporting.parse_period("2024-01..2025-06"))["routes"].values())
        == 3
    )


def test_a_units_figures_count_its_own_records_only(node, people, world) -> None:
    lviv = counts(node, people, unit="UA-LVIV")
    assert lviv["victims"] == {("female", "18-29", "forced_labour"): 1}
    assert lviv["cases"] == {("closed", "normal"): 1}
    kyiv = counts(node, people, unit="UA-KYIV")
    assert sum(kyiv["persons"].values()) + sum(lviv["persons"].values()) == 8
    with pytest.raises(Invalid, match="unit"):
        counts(node, people, unit="NO-SUCH")


def test_tables_add_up_to_their_margins(node, people, world) -> None:
    rep = reporting.report(node, people.actor(Role.SUPERVISOR), ALL)
    for table in rep.tables():
        rows = dict(table.rows())
        total = rows[tuple(reporting.TOTAL for _ in table.dims)]
        inner = sum(n for k, n in rows.items() if reporting.TOTAL not in k)
        assert total == inner == rep.cubes[table.indicator.name].total


def test_roles_without_stats_read_get_public_figures_only(node, people, world) -> None:
    for role in (Role.WELFARE_OFFICER, Role.INVESTIGATOR, Role.ADMINISTRATOR):
        with pytest.raises(Forbidden):
            reporting.report(node, people.actor(role), ALL)
        shown = reporting.figures(node, people.actor(role), ALL)
        assert not shown.exact
        # Every count in the small world is below 11: nothing but zeros is published.
        assert all(n in (None, 0) for t in shown.tables for _k, n in t.rows)
    assert reporting.figures(node, people.actor(Role.ANALYST), ALL).exact


def test_reading_statistics_is_audited_without_names(node, people, world) -> None:
    from sqlalchemy import select

    from interlink.store.schema import audit_log

    reporting.report(node, people.actor(Role.ANALYST), ALL, unit="UA-LVIV")
    with node.engine.connect() as conn:
        row = conn.execute(
            select(audit_log.c.action, audit_log.c.details).order_by(audit_log.c.seq.desc())
        ).first()
    assert row.action == "statistics_read"
    assert '"unit":"UA-LVIV"' in row.details and "Olha" not in row.details


@pytest.mark.parametrize(
    ("birth", "on", "band"),
    [
        ("2010-05-01", "2024-03-01", "12-17"),
        ("2006-03-02", "2024-03-01", "12-17"),  # 17 the day before the 18th birthday
        ("2006-03-01", "2024-03-01", "18-29"),
        ("2006", "2024-03-01", "unknown"),  # 17 or 18: not placed
        ("1990", "2024-03-01", "30-49"),
        (None, "2024-03-01", "unknown"),
        ("2030", "2024-03-01", "unknown"),  # born after the incident: an error, not a band
        ("1950-01-01", "2024-03-01", "50+"),
        ("2020-01-01", "2024-03-01", "0-11"),
    ],
)
def test_age_band_at_the_incident(birth, on, band) -> None:
    from datetime import date

    assert age_band(birth, date.fromisoformat(on)) == band


def test_a_count_without_its_better_date_falls_back_to_registration(node, people, world) -> None:
    """Registered today (2026): the victim named in no incident and the undated marriage;
    the victims of 2024 incidents and the marriage of 2025 are not counted in 2026."""
    from datetime import UTC, datetime

    this_year = counts(node, people, reporting.parse_period(str(datetime.now(UTC).year)))
    assert this_year["victims"] == {("female", "unknown", "unknown"): 1}
    assert this_year["marriages"] == {("recorded", "unknown"): 1}
    assert this_year["routes"] == {}
    assert sum(this_year["persons"].values()) == 8  # persons: by registration, all today
    for ind in reporting.REGISTRY.values():
        assert ind.dated_by, f"{ind.name} must say which date it counts by"
