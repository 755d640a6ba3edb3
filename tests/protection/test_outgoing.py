"""Nothing protected leaves: exports, exchange messages and logs; victims never as suspects."""

from __future__ import annotations

import io
import logging

import pytest

from interlink import protection, records
from interlink.access import Role
from interlink.domain import ProvenanceIn, model
from interlink.records.errors import Forbidden
from interlink.store.db import reading
from interlink.store.records import ListFilter
from interlink.transfer.exporter import FORMATS, export_records
from tests.protection.conftest import ADDRESS, EMAIL, PHONE, World

PROTECTED = (PHONE, EMAIL, ADDRESS)


def _export(w: World, actor, flt: ListFilter, fmt: str) -> str:
    out = io.StringIO()
    stream = records.export(w.node, actor, flt, purpose="annual statistics")
    export_records(w.node, stream, fmt, "persons", out)
    return out.getvalue()


def test_export_never_holds_a_protected_field(world: World, caplog) -> None:
    w = world
    caplog.set_level(logging.DEBUG)
    for fmt in FORMATS:
        text = _export(w, w.supervisor, ListFilter(kind="person"), fmt)
        assert "Ivan" in text  # the suspect is exported
        for value in PROTECTED:
            assert value not in text
        assert w.adult_id not in text  # and the victim not at all
    assert not any(v in caplog.text for v in PROTECTED)


def test_export_of_victims_is_refused_and_says_why(world: World) -> None:
    with pytest.raises(Forbidden, match="victims are never exported"):
        list(records.export(world.node, world.supervisor, ListFilter(role="victim"), purpose="x"))


def test_export_refuses_a_victim_listed_as_a_suspect(world: World) -> None:
    w = world
    incident = records.create(
        w.node,
        w.recorder,
        model.ExploitationIncident(suspects=[w.adult_id], place="Odesa"),
        ProvenanceIn(),
    )
    with pytest.raises(Forbidden, match="victim is never reported or exported as a suspect") as e:
        list(records.export(w.node, w.supervisor, ListFilter(kind="incident"), purpose="x"))
    assert incident.id in str(e.value) and w.adult_id in str(e.value)


def test_outgoing_facts_refuse_a_victim_as_suspect_and_drop_protected_fields(
    world: World, caplog
) -> None:
    w = world
    caplog.set_level(logging.DEBUG)
    dpo = w.actor(Role.DATA_PROTECTION_OFFICER)
    rec = records.read(w.node, dpo, w.adult_id, unmask_reason="audit of outgoing data")
    with pytest.raises(Forbidden, match="never reported or sent as a suspect"):
        protection.outgoing_facts(rec.id, rec.facts, as_suspect=True)
    body = repr(protection.outgoing_facts(rec.id, rec.facts, as_suspect=False))
    assert not any(v in body for v in PROTECTED)
    assert not any(v in caplog.text for v in PROTECTED)


def test_audit_log_holds_no_protected_value(world: World) -> None:
    w = world
    records.read(w.node, w.on_case, w.adult_id, unmask_reason="safe meeting")
    protection.referrals.refer(w.node, w.on_case, w.adult_id, "UA-WELFARE-KYIV", needs="shelter")
    from sqlalchemy import select

    from interlink.store.schema import audit_log

    with reading(w.node.engine) as conn:
        text = repr(conn.execute(select(audit_log)).all())
    assert not any(v in text for v in (*PROTECTED, "Olena", "Testenko", "shelter"))
