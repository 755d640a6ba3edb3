"""The statistics page: exact figures for analysts and supervisors, public ones for the
rest, filters, exports of every chart and table, and refusals that name the field."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from interlink.access import Role
from tests.reporting.world import build_world


@pytest.fixture
def world(node, people):
    return build_world(node, people)


def test_an_analyst_sees_exact_figures_with_filters(signed_in, world) -> None:
    client = signed_in(Role.ANALYST)
    page = client.get("/statistics", params={"period": "2024", "indicator": "victims"})
    assert page.status_code == 200, page.text
    html = page.text
    assert "Victims by sex, age band and form of exploitation" in html
    assert "Exact figures" in html
    assert '<label for="unit">' in html and '<label for="period">' in html
    assert 'src="/statistics/export/victims__sex__age_band.svg?period=2024"' in html
    assert "Cases by status" not in html  # filtered to one indicator
    assert "<td>12-17</td><td>1</td>" in html
    lviv = client.get("/statistics", params={"unit": "UA-LVIV", "indicator": "cases"})
    assert "unit UA-LVIV" in lviv.text and "<td>closed</td><td>normal</td><td>1</td>" in lviv.text


def test_a_welfare_officer_sees_only_public_figures(signed_in, world) -> None:
    client = signed_in(Role.WELFARE_OFFICER)
    page = client.get("/statistics")
    assert page.status_code == 200
    assert "Public figures" in page.text and '<label for="unit">' not in page.text
    assert "<td>suppressed</td>" in page.text
    refused = client.get("/statistics", params={"unit": "UA-KYIV"})
    assert refused.status_code == 403
    csv_text = client.get("/statistics/export/cases__status__priority.csv").text
    assert "open,urgent,,suppressed" in csv_text


@pytest.mark.parametrize(
    ("fmt", "media", "magic"),
    [
        ("png", "image/png", b"\x89PNG"),
        ("svg", "image/svg+xml", b"<?xml"),
        ("csv", "text/csv; charset=utf-8", b"status,priority,count,flag"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
    ],
)
def test_every_chart_and_table_exports(signed_in, world, fmt, media, magic) -> None:
    client = signed_in(Role.SUPERVISOR)
    got = client.get(f"/statistics/export/cases__status__priority.{fmt}", params={"period": "all"})
    assert got.status_code == 200
    assert got.headers["content-type"] == media
    assert got.content.startswith(magic)
    if fmt == "xlsx":
        sheet = load_workbook(io.BytesIO(got.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0] == ("status", "priority", "count", "flag")
        assert ("open", "urgent", 1, None) in rows or ("open", "urgent", 1, "") in rows


def test_bad_filters_are_named_and_unknown_tables_are_not_found(signed_in, world) -> None:
    client = signed_in(Role.ANALYST)
    page = client.get("/statistics", params={"period": "2026-Q9"})
    assert page.status_code == 400
    assert 'aria-invalid="true"' in page.text and "is not a period" in page.text
    assert client.get("/statistics/export/nothing__x.csv").status_code == 404
    assert client.get("/statistics/export/cases__status__priority.exe").status_code == 404
    assert client.get("/statistics/export/cases__status.csv").status_code == 404


def test_the_page_needs_a_sign_in(client) -> None:
    got = client.get("/statistics")
    assert got.status_code in (303, 401)


def test_the_exchange_figures_show_the_hit_rate(signed_in, world) -> None:
    client = signed_in(Role.ANALYST)
    page = client.get("/statistics", params={"indicator": "exchange"})
    assert page.status_code == 200, page.text
    assert "Hit rate: hits per reported person" in page.text
    assert "No rate: nothing reported in this period." in page.text  # nothing reported yet
    cases = client.get("/statistics", params={"indicator": "cases"})
    assert "Hit rate" not in cases.text  # shown with the exchange figures only
