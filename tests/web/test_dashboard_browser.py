"""The statistics page in Chromium against a served demo node: the charts load (no
console error, no request to another host under the strict CSP), the filters work from
the keyboard, and a chart and a table download."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from interlink.demo import DEMO_PASSWORD, load_demo
from interlink.node import Node
from interlink.settings import Settings
from interlink.store.migrate import upgrade
from tests.e2e.conftest import cli_env, serving
from tests.web.test_browser import Site, Watch, browser, page, shot, sync_api  # noqa: F401


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    data = tmp_path_factory.mktemp("stats-node")
    url = f"sqlite:///{data / 'interlink.db'}"
    node = Node(Settings(data_dir=data, database_url=url, node_country="UA"))
    upgrade(node.engine)
    summary = load_demo(node, persons=300, countries=2, seed=3)
    node.engine.dispose()
    analyst = next(u for u, role, _unit in summary.users if role == "analyst")
    with serving(cli_env(url, data)) as base:
        yield Site(base, analyst)


def sign_in(pg: object, username: str) -> None:
    pg.goto("/")  # type: ignore[attr-defined]
    pg.get_by_label("Username").fill(username)  # type: ignore[attr-defined]
    pg.get_by_label("Password").fill(DEMO_PASSWORD)  # type: ignore[attr-defined]
    pg.get_by_role("button", name="Sign in").click()  # type: ignore[attr-defined]
    pg.wait_for_url("**/")  # type: ignore[attr-defined]


def test_dashboard_renders_filters_and_exports(page, site) -> None:  # noqa: F811
    pg, _watch = page
    expect = sync_api.expect
    sign_in(pg, site.hidden_id)  # the demo analyst's user name
    pg.get_by_role("link", name="Statistics").click()
    expect(pg.get_by_role("heading", name="Statistics", exact=True)).to_be_visible()
    chart = pg.get_by_role("img", name="Chart: Victims by sex, age band and form of exploitation")
    expect(chart.first).to_be_visible()
    # Every chart is an image from this node, drawn on request: wait until all have loaded.
    # (Polled from here: wait_for_function would evaluate a string, which the CSP forbids.)
    loaded = "Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)"
    deadline = time.monotonic() + 120
    while not pg.evaluate(loaded) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert pg.evaluate(loaded), "a chart did not load"
    shot(pg, "20-statistics")

    pg.get_by_label("Indicator").select_option("cases")
    pg.get_by_label("Period").fill("2026")
    pg.get_by_label("Period").press("Enter")  # the form submits from the keyboard
    pg.wait_for_url("**indicator=cases**")
    expect(pg.get_by_role("heading", name="Cases by status and priority")).to_be_visible()
    expect(
        pg.get_by_role("heading", name="Victims by sex, age band and form of exploitation")
    ).to_have_count(0)

    with pg.expect_download() as got:
        pg.get_by_role("link", name="chart as PNG").click()
    assert got.value.suggested_filename.endswith(".png")
    with pg.expect_download() as got:
        pg.get_by_role("link", name="table as XLSX").click()
    assert got.value.suggested_filename.endswith(".xlsx")
    with pg.expect_download() as got:
        pg.get_by_role("link", name="table as CSV").click()
    with open(got.value.path(), encoding="utf-8") as downloaded:
        text = downloaded.read()
    assert text.startswith("status,priority,count,flag")

    _watch.allowed_statuses.add(400)  # the page answers a bad filter with 400, on purpose
    pg.get_by_label("Period").fill("soon")
    pg.get_by_role("button", name="Show").click()
    expect(pg.get_by_role("alert")).to_contain_text("is not a period")
