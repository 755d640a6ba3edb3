"""`interlink review`: records past their review date; extend or erase them."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from interlink.cli.common import User, acting_user, fail, friendly, node, out
from interlink.records import review as reviewing
from interlink.records.service import resolve_id

review_app = typer.Typer(help="Review records at their review date.", no_args_is_help=True)
Reason = Annotated[str, typer.Option(help="Why (kept in the audit log).")]


@review_app.command("due")
@friendly
def review_due(user: User = None, limit: int = 1000) -> None:
    """List records past their review date (ids only)."""
    rows = reviewing.due(node(), acting_user(user), limit=limit)
    for r in rows:
        typer.echo(
            f"{r.id}\t{r.kind}\t{r.external_ref or ''}\t{r.owning_unit}\t"
            f"{r.review_date.isoformat()}"
        )
    out.print(f"{len(rows)} record(s) due", highlight=False)


@review_app.command("extend")
@friendly
def review_extend(
    record_id: str,
    reason: Reason,
    until: Annotated[str | None, typer.Option(help="New review date, YYYY-MM-DD.")] = None,
    user: User = None,
) -> None:
    """Keep a record for another period, with the reason."""
    new_until = None
    if until:
        try:
            new_until = date.fromisoformat(until)
        except ValueError:
            fail(f"--until: '{until}' is not a date (YYYY-MM-DD)")
    new_date = reviewing.extend(
        node(), acting_user(user), resolve_id(node(), record_id), reason=reason, until=new_until
    )
    out.print(f"record {record_id} kept until {new_date.isoformat()}")


@review_app.command("erase")
@friendly
def review_erase(record_id: str, reason: Reason, user: User = None) -> None:
    """Erase a record for good (audited; no personal data is left behind)."""
    changed = reviewing.erase(
        node(), acting_user(user), resolve_id(node(), record_id), reason=reason
    )
    out.print(f"record {record_id} erased; references removed from {len(changed)} record(s)")
