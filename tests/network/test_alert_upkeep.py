"""Alerts kept current by the record service, forgotten with an erased record, and persons
decided 'same' counted as one holder."""

from __future__ import annotations

from sqlalchemy import select

from interlink.access import Role
from interlink.domain import model
from interlink.domain.provenance import ProvenanceIn
from interlink.identity import decisions
from interlink.network import alerts
from interlink.records import review
from interlink.records import service as records
from interlink.store import network as store
from interlink.store.db import transaction
from interlink.store.schema import network_alert_records, network_alerts


def _rows(node) -> list[store.AlertRow]:
    """The alert table as it is: read without any update (no one opens the alert pages)."""
    with transaction(node.engine) as conn:
        return store.list_alerts(conn, None, ["open", "dismissed", "resolved"])


def _document(planted) -> tuple[str, str, str]:
    """The planted shared number and its two holders (the first holder reports it)."""
    key = next(iter(planted.patterns["shared_document"]))
    number = key.split(":", 1)[1]
    holder = next(
        str(r.id)
        for r in planted.records
        if isinstance(r.facts, model.Person) and number in r.facts.document_numbers
    )
    return number, holder, key


def test_creating_a_record_that_completes_a_pattern_raises_the_alert(node, planted, people) -> None:
    with transaction(node.engine) as conn:
        alerts.run(conn)  # the nightly run; nothing changed since
    before = {(a.pattern, a.key) for a in _rows(node)}
    investigator = people.actor(Role.INVESTIGATOR)
    single = next(iter(planted.misses["shared_document"]))
    with transaction(node.engine) as conn:
        own = store.facts_of(conn, [single])[single][3]["document_numbers"][0]
    assert ("shared_document", f"document:{own}") not in before
    newcomer = records.create(
        node,
        investigator,
        model.Person(names=[model.PersonName(full="Ivan Completing")], document_numbers=[own]),
        ProvenanceIn(),
    )
    raised = {(a.pattern, a.key): a for a in _rows(node)}
    alert = raised[("shared_document", f"document:{own}")]
    assert alert.status == "open"
    assert {newcomer.id, single} <= set(alert.record_ids)
    # and an update that breaks it resolves it, again without a look at the alerts
    records.update(node, investigator, newcomer.id, changes={"document_numbers": []})
    gone = {(a.pattern, a.key): a for a in _rows(node)}[("shared_document", f"document:{own}")]
    assert gone.status == "resolved"


def test_erasing_a_record_leaves_none_of_its_values_in_the_alerts(node, planted, people) -> None:
    number, holder, key = _document(planted)
    with transaction(node.engine) as conn:
        alerts.run(conn)
    alert = next(a for a in _rows(node) if a.key == key)
    assert holder in alert.record_ids
    dpo = people.actor(Role.DATA_PROTECTION_OFFICER)
    review.erase(node, dpo, holder, reason="retention period over")
    with transaction(node.engine) as conn:
        keys = [r[0] for r in conn.execute(select(network_alerts.c.key))]
        named = {r[0] for r in conn.execute(select(network_alert_records.c.record_id))}
        kept = store.get_alert(conn, alert.id)
        history = store.reviews_of(conn, alert.id)
    assert not [k for k in keys if number in k]
    assert holder not in named
    assert kept is not None and kept.status == "resolved"
    assert holder not in kept.record_ids and holder not in str(kept.details)
    assert history[-1][0] == "erased"
    for row in _rows(node):
        assert holder not in row.record_ids


def test_persons_decided_the_same_are_one_holder_of_a_document(node, planted, people) -> None:
    key = next(iter(planted.patterns["shared_document"]))
    with transaction(node.engine) as conn:
        alerts.run(conn)
    alert = next(a for a in _rows(node) if a.key == key)
    holders = alert.details["holders"]
    assert len(holders) == 2 and alert.details["count"] == 2
    supervisor = people.actor(Role.SUPERVISOR)
    decisions.decide(node, supervisor, holders[0], holders[1], "same", "Same person: photo")
    with transaction(node.engine) as conn:
        alerts.run(conn)
    after = next(a for a in _rows(node) if a.key == key)
    assert after.status == "resolved"
    # a third person with the number: two different persons again, counted as two
    investigator = people.actor(Role.INVESTIGATOR)
    number = key.split(":", 1)[1]
    third = records.create(
        node,
        investigator,
        model.Person(names=[model.PersonName(full="Third Holder")], document_numbers=[number]),
        ProvenanceIn(),
    )
    again = next(a for a in _rows(node) if a.key == key)
    assert again.status == "open"
    assert again.details["count"] == 2
    assert set(again.details["holders"]) == {*holders, third.id}
