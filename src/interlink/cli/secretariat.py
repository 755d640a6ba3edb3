"""`interlink secretariat`: report records to the General Secretariat, see its hits and
notices, and (at the Secretariat) publish notices and re-link the international database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from interlink.cli.common import User, acting_user, fail, friendly, node, out

secretariat_app = typer.Typer(
    help="Reports to the General Secretariat, hits, notices, and the international database.",
    no_args_is_help=True,
)
notices_app = typer.Typer(help="The Secretariat's notices.", no_args_is_help=True)
secretariat_app.add_typer(notices_app, name="notices")

Countries = Annotated[
    list[str] | None,
    typer.Option(help="A country code (repeat the option, or separate with commas)."),
]


def _codes(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [c.strip() for v in values for c in v.split(",") if c.strip()]


def _json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@secretariat_app.command("report")
@friendly
def report(
    record_ids: Annotated[list[str], typer.Argument(help="Record ids (or external references).")],
    hit_countries: Countries = None,
    detail_countries: Countries = None,
    purpose: Annotated[str | None, typer.Option(help="Why (kept in the audit log).")] = None,
    user: User = None,
) -> None:
    """Report records to the international database. By default every country may learn of
    a hit and none sees the details; --hit-countries and --detail-countries narrow or widen
    that."""
    from interlink.exchange import reports
    from interlink.records.service import resolve_id

    n = node()
    actor = acting_user(user)
    rules = reports.dissemination(_codes(hit_countries), _codes(detail_countries))
    ids = [resolve_id(n, r) for r in record_ids]
    sent = reports.report(n, actor, ids, rules, purpose=purpose)
    _json({"message": sent.message_id, "records": sent.record_ids})


@secretariat_app.command("hits")
@friendly
def hits_list(
    status: Annotated[str, typer.Option(help="open, closed or all.")] = "open",
    limit: Annotated[int, typer.Option(min=1, max=500)] = 50,
    user: User = None,
) -> None:
    """The hits on this node's records (at the Secretariat: the hits of its database)."""
    from interlink.exchange import hits, outlet

    if status not in ("open", "closed", "all"):
        fail("--status: open, closed or all")
    n = node()
    actor = acting_user(user)
    wanted = None if status == "all" else status
    if outlet.is_secretariat(n):
        _json([h.__dict__ for h in hits.secretariat_hits(n, actor, status=wanted, limit=limit)])
        return
    _json([h.__dict__ for h in hits.list_hits(n, actor, status=wanted, limit=limit)])


@secretariat_app.command("relink")
@friendly
def relink(
    engine: Annotated[str, typer.Option(help="duckdb or spark.")] = "duckdb",
    threshold: Annotated[
        float,
        typer.Option(
            min=0.0, max=1.0, help="Batch probability from which a pair is scored (0: every pair)."
        ),
    ] = 0.0,
    user: User = None,
) -> None:
    """Re-link the whole international database with the identity engine's batch mode; new
    hits are made and told the same way as on a report (never a duplicate)."""
    from interlink.exchange import relink as batch

    if engine not in ("duckdb", "spark"):
        fail("--engine: duckdb or spark")
    n = node()
    done = batch.relink(n, acting_user(user), engine=engine, threshold=threshold)
    _json(done.__dict__)


@notices_app.command("list")
@friendly
def notices_list(
    all_: Annotated[bool, typer.Option("--all", help="Include cancelled notices.")] = False,
    limit: Annotated[int, typer.Option(min=1, max=500)] = 50,
    user: User = None,
) -> None:
    """The notices this node holds."""
    from interlink.exchange import notices

    found = notices.list_notices(node(), acting_user(user), include_cancelled=all_, limit=limit)
    _json([n.__dict__ for n in found])


@notices_app.command("publish")
@friendly
def notices_publish(
    kind: Annotated[str, typer.Argument(help="warning or locate.")],
    subject: Annotated[str, typer.Option(help="One line shown in every list.")],
    text: Annotated[str | None, typer.Option(help="The notice in words.")] = None,
    record: Annotated[
        str | None, typer.Option(help="The person the notice is about (a record id).")
    ] = None,
    person: Annotated[
        Path | None, typer.Option(help="Or: a JSON file with the person's facts.")
    ] = None,
    user: User = None,
) -> None:
    """At the Secretariat: publish a notice to every national node in the directory."""
    from interlink.exchange import notices

    facts = None
    if person is not None:
        try:
            facts = json.loads(person.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            fail(f"--person: {person}: {exc}")
        if not isinstance(facts, dict):
            fail(f"--person: {person}: a JSON object with the person's facts")
    done = notices.publish(
        node(), acting_user(user), kind, subject=subject, text=text, person=facts, record_id=record
    )
    _json({"notice": done.id})


@notices_app.command("cancel")
@friendly
def notices_cancel(
    notice_id: Annotated[str, typer.Argument(help="The notice's id.")],
    reason: Annotated[str, typer.Option(help="Why it is cancelled.")],
    user: User = None,
) -> None:
    """At the Secretariat: cancel a notice everywhere (its details are removed)."""
    from interlink.exchange import notices

    notices.cancel(node(), acting_user(user), notice_id, reason=reason)
    out.print(f"notice {notice_id} cancelled", highlight=False)
