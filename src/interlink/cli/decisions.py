"""`interlink identity`: confirm two person records as the same person or as different
people, list a record's decisions, undo one. Records are given by id or by the external
reference they were imported with. JSON on stdout; exit codes as in ``cli.common``."""

from __future__ import annotations

import json
from typing import Annotated, Any, NoReturn

import typer

from interlink.cli.common import EXIT_NOT_ALLOWED, User, acting_user, fail, friendly, node
from interlink.records.errors import NotFound

identity_app = typer.Typer(
    help="Identity decisions: two person records confirmed the same person, or different.",
    no_args_is_help=True,
)
Reason = Annotated[
    str | None, typer.Option("--reason", help="Why (at least 3 characters; kept with it).")
]


def _json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _ids(*given: str) -> dict[str, str]:
    """Record id → the text it was given as (an id or an external reference)."""
    from interlink.records.service import resolve_id

    found: dict[str, str] = {}
    for text in given:
        try:
            found[resolve_id(node(), text)] = text
        except NotFound:
            fail(f"no person '{text}'", EXIT_NOT_ALLOWED)
    return found


def _not_found(exc: NotFound, given: dict[str, str]) -> NoReturn:
    """Say which record was not found as the user named it (no id they did not give)."""
    for record_id, text in given.items():
        if record_id in exc.message:
            fail(f"no person '{text}'", EXIT_NOT_ALLOWED)
    fail(exc.message, EXIT_NOT_ALLOWED)


@identity_app.command("decide")
@friendly
def decide(
    left: Annotated[str, typer.Argument(help="A person: record id or external reference.")],
    right: Annotated[str, typer.Argument(help="The other person.")],
    same: Annotated[bool, typer.Option("--same", help="They are the same person.")] = False,
    different: Annotated[
        bool, typer.Option("--different", help="They are different people.")
    ] = False,
    reason: Reason = None,
    user: User = None,
) -> None:
    """Record that two person records are the same person, or different people, and why."""
    from interlink.identity import decisions

    if same == different:
        fail("say --same or --different (one of them)")
    if not reason or len(reason.strip()) < decisions.MIN_REASON:
        fail(f"--reason: say why, in at least {decisions.MIN_REASON} characters")
    actor = acting_user(user)
    given = _ids(left, right)
    if len(given) < 2:
        fail(f"'{left}' and '{right}' are the same record: name two records")
    left_id, right_id = list(given)
    verdict = decisions.Verdict.SAME if same else decisions.Verdict.DIFFERENT
    try:
        made = decisions.decide(node(), actor, left_id, right_id, verdict, reason)
    except NotFound as exc:
        _not_found(exc, given)
    _json(made.to_dict())


@identity_app.command("undo")
@friendly
def undo(
    decision_id: Annotated[str, typer.Argument(help="The decision's id.")],
    reason: Reason = None,
    user: User = None,
) -> None:
    """Undo a decision, saying why; it is kept, marked undone."""
    from interlink.identity import decisions

    if not reason or len(reason.strip()) < decisions.MIN_REASON:
        fail(f"--reason: say why, in at least {decisions.MIN_REASON} characters")
    _json(decisions.undo(node(), acting_user(user), decision_id, reason).to_dict())


@identity_app.command("decisions")
@friendly
def list_decisions(
    record: Annotated[str, typer.Argument(help="A person: record id or external reference.")],
    user: User = None,
) -> None:
    """The active decisions about a person (those whose other person you may see)."""
    from interlink.identity import decisions

    actor = acting_user(user)
    given = _ids(record)
    record_id = next(iter(given))
    try:
        found = decisions.decisions_for(node(), actor, record_id)
    except NotFound as exc:
        _not_found(exc, given)
    _json([d.to_dict() for d in found])
