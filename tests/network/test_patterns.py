"""Each pattern where it is planted (an alert naming its records) and where it is not."""

from __future__ import annotations

import pytest

from interlink import network
from interlink.access import Role
from interlink.domain import model
from interlink.domain.provenance import ProvenanceIn
from interlink.network import alerts
from interlink.records import service as records
from interlink.records.errors import Forbidden, Invalid, NotFound
from interlink.store import network as store
from interlink.store.db import transaction

PATTERNS = [p.name for p in network.PATTERNS]


def _run_all(node) -> None:
    with transaction(node.engine) as conn:
        alerts.run(conn)


def _open(node) -> dict[tuple[str, str], store.AlertRow]:
    with transaction(node.engine) as conn:
        rows = store.list_alerts(conn, None, ["open"])
    return {(a.pattern, a.key): a for a in rows}


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_planted_pattern_raises_an_alert_naming_its_records(node, planted, pattern) -> None:
    _run_all(node)
    found = _open(node)
    for key, ids in planted.patterns[pattern].items():
        alert = found.get((pattern, key))
        assert alert is not None, f"{pattern} {key} not found"
        assert ids <= set(alert.record_ids)
        assert alert.owning_unit == "UA-KYIV"
        assert network.patterns.explain(pattern, alert.details)


@pytest.mark.parametrize("pattern", PATTERNS)
def test_a_near_miss_raises_no_alert(node, planted, pattern) -> None:
    _run_all(node)
    named = {i for (p, _), a in _open(node).items() if p == pattern for i in a.record_ids}
    assert planted.misses[pattern], "every pattern has a near miss planted"
    assert not (planted.misses[pattern] & named)


def test_only_planted_patterns_fire(node, planted) -> None:
    _run_all(node)
    fired = {(p, k) for p, k in _open(node)}
    wanted = {(p, k) for p, keys in planted.patterns.items() if p != "chart" for k in keys}
    assert fired == wanted


def test_a_new_record_completing_a_pattern_is_alerted_on_the_next_look(
    node, planted, people
) -> None:
    investigator = people.actor(Role.INVESTIGATOR)
    assert network.list_alerts(node, investigator)  # first full run, sets the mark
    number = next(iter(planted.misses["shared_document"]))
    with transaction(node.engine) as conn:
        own = store.facts_of(conn, [number])[number][3]["document_numbers"][0]
    newcomer = records.create(
        node,
        investigator,
        model.Person(names=[model.PersonName(full="Ivan Planted")], document_numbers=[own]),
        ProvenanceIn(),
    )
    # no full run in between: the incremental update finds it (its time is in bench/)
    shown = network.list_alerts(node, investigator, pattern="shared_document")
    keys = {a.details.get("count"): a for a in shown if newcomer.id in a.record_ids}
    assert 2 in keys, "the number now has two holders"
    # the incremental update and a full run agree
    before = {(a.pattern, a.key, tuple(a.record_ids)) for a in _open(node).values()}
    _run_all(node)
    after = {(a.pattern, a.key, tuple(a.record_ids)) for a in _open(node).values()}
    assert before == after


def test_an_alert_is_resolved_when_its_pattern_is_gone(node, planted, people) -> None:
    investigator = people.actor(Role.INVESTIGATOR)
    network.list_alerts(node, investigator)
    key, ids = next(iter(planted.patterns["shared_photo"].items()))
    one = sorted(ids)[0]
    records.update(node, investigator, one, changes={"photos": []})
    records.update(node, investigator, sorted(ids)[1], changes={"photos": []})
    shown = network.list_alerts(node, investigator, pattern="shared_photo")
    assert not [a for a in shown if a.status == "open"]
    with transaction(node.engine) as conn:
        assert store.alerts_for_keys(conn, "shared_photo", [key])[key].status == "resolved"


def test_dismissing_needs_a_reason_which_is_kept(node, planted, people) -> None:
    investigator = people.actor(Role.INVESTIGATOR)
    shown = network.list_alerts(node, investigator, pattern="serial_marriages")
    assert len(shown) == 1
    with pytest.raises(Invalid) as refused:
        network.dismiss_alert(node, investigator, shown[0].id, " ")
    assert refused.value.field == "reason"
    done = network.dismiss_alert(node, investigator, shown[0].id, "Widowed twice; checked.")
    assert done.status == "dismissed"
    assert done.reviews[0][:3] == ("dismissed", "Widowed twice; checked.", investigator.username)
    _run_all(node)  # a later run does not open it again: nothing new joined
    assert network.list_alerts(node, investigator, pattern="serial_marriages") == []
    kept = network.get_alert(node, investigator, shown[0].id)
    assert kept.status == "dismissed" and kept.reviews[0][1] == "Widowed twice; checked."


def test_alerts_are_their_units_and_never_show_what_a_reader_may_not_see(
    node, planted, people
) -> None:
    lviv = people.actor(Role.INVESTIGATOR, "UA-LVIV")
    assert network.list_alerts(node, lviv) == []
    analyst = people.actor(Role.ANALYST)  # may not see victims
    patterns = {a.pattern for a in network.list_alerts(node, analyst)}
    assert "contact_many_victims" not in patterns
    assert "organization_victims_countries" not in patterns
    assert "shared_document" in patterns
    # an investigator sees a victim only through a case (issue 7): not this alert either
    investigator = people.actor(Role.INVESTIGATOR)
    assert "contact_many_victims" not in {
        a.pattern for a in network.list_alerts(node, investigator)
    }
    supervisor = people.actor(Role.SUPERVISOR)  # sees the unit's victims
    victims_alert = next(
        a for a in network.list_alerts(node, supervisor) if a.pattern == "contact_many_victims"
    )
    with pytest.raises(NotFound):
        network.get_alert(node, analyst, victims_alert.id)
    with pytest.raises(NotFound):
        network.dismiss_alert(node, lviv, victims_alert.id, "Not ours to dismiss.")


def test_thresholds_are_configurable_and_checked(node, planted, people) -> None:
    supervisor = people.actor(Role.SUPERVISOR)
    with pytest.raises(Invalid) as bad:
        network.set_pattern(node, supervisor, "shared_photo", params={"min_identities": 0})
    assert bad.value.field == "min_identities"
    with pytest.raises(Forbidden):
        network.set_pattern(node, people.actor(Role.INVESTIGATOR), "shared_photo", enabled=False)
    network.set_pattern(node, supervisor, "shared_photo", params={"min_identities": 4})
    network.run_alerts(node, supervisor)
    assert not [a for a in _open(node) if a[0] == "shared_photo"]
    network.set_pattern(node, supervisor, "shared_photo", params={"min_identities": 3})
    network.run_alerts(node, supervisor)
    assert [a for a in _open(node) if a[0] == "shared_photo"]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_the_full_run_finds_what_the_record_by_record_search_finds(node, planted, pattern) -> None:
    """The full run is grouped SQL over the whole store; the incremental search looks around
    given records. Around every record, it must find exactly the same alerts, records and
    explanations."""
    from sqlalchemy import select

    from interlink.store.schema import records as records_table

    with transaction(node.engine) as conn:
        params = alerts.effective_settings(conn)[pattern][1]
        everything = {r[0] for r in conn.execute(select(records_table.c.id))}
        find = network.PATTERNS_BY_NAME[pattern].find
        full = {f.key: (f.record_ids, f.details) for f in find(conn, params, None).found}
        around = {f.key: (f.record_ids, f.details) for f in find(conn, params, everything).found}
    assert full, f"{pattern}: the planted data should raise it"
    assert full == around
