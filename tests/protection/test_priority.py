"""Case priority: a score with reasons; a child victim puts the case first; time limits."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from interlink import protection, records
from interlink.domain import ProvenanceIn, model
from interlink.protection.context import CHILD_BANDS, VictimContext, band_of
from tests.protection.conftest import World, person


def test_child_victim_puts_the_case_first_with_its_reasons(world: World) -> None:
    w = world
    other = records.create(
        w.node,
        w.recorder,
        model.Case(reference="KY-2026-8", title="Urgent but adults", priority="urgent"),
        ProvenanceIn(),
    )
    cases = [records.read(w.node, w.supervisor, i) for i in (other.id, w.case_id)]
    found = protection.priorities(w.node, cases)
    child_case, adult_case = found[w.case_id], found[other.id]
    assert child_case.child and child_case.score > adult_case.score
    texts = [r.text for r in child_case.reasons]
    assert "child victim (age at exploitation 9-17)" in texts
    assert adult_case.reasons[0].text == "case priority urgent"
    assert child_case.score == sum(r.points for r in child_case.reasons)


def test_age_unknown_with_indicators_counts_as_a_child() -> None:
    ctx = VictimContext(child_indicators=["appearance", "in_school"])
    assert ctx.child_reason() == "age unknown, indicators of a child: appearance, in_school"
    assert VictimContext().child_reason() is None
    assert VictimContext(age_at_exploitation=18).child_reason() is None


def test_child_case_overdue_after_its_time_limit(world: World) -> None:
    w = world
    case = records.read(w.node, w.supervisor, w.case_id)
    later = case.provenance.updated_at.date() + timedelta(days=10)
    p = protection.priorities(w.node, [case], today=later)[w.case_id]
    assert p.level == "child" and p.overdue and p.due is not None and p.due < later
    p = protection.priorities(w.node, [case], today=date.today())[w.case_id]
    assert not p.overdue


def test_high_risk_raises_the_priority(world: World) -> None:
    w = world
    v = records.create(w.node, w.recorder, person("Nadia Testova"), ProvenanceIn())
    case = records.create(
        w.node, w.recorder, model.Case(reference="KY-9", title="t", records=[v.id]), ProvenanceIn()
    )
    before = protection.priorities(w.node, [case])[case.id]
    protection.victims.set_risk(w.node, w.recorder, v.id, protection.RiskLevel.HIGH, ["threats"])
    after = protection.priorities(w.node, [case])[case.id]
    assert after.score > before.score and after.level == "urgent"
    assert "victim at high intimidation risk" in [r.text for r in after.reasons]


@given(st.integers(min_value=0, max_value=120))
def test_every_age_has_one_band_and_children_are_under_18(age: int) -> None:
    band = band_of(age)
    assert (band in CHILD_BANDS) == (age < 18)
    assert VictimContext(age_at_exploitation=age).age_band == band


def test_a_band_that_contradicts_the_age_names_the_field() -> None:
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="age_band"):
        VictimContext(age_at_exploitation=25, age_band="9-17")
