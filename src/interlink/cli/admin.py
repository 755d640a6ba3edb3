"""Commands for operators: schema, units, users, audit."""

from __future__ import annotations

from typing import Annotated

import typer

from interlink.access import Role, audit
from interlink.access.accounts import (
    add_user,
    ensure_unit,
    list_units,
    list_users,
    set_active,
    set_password,
)
from interlink.access.roles import Actor
from interlink.cli.common import EXIT_FAILURE, fail, friendly, node, out, read_password
from interlink.domain.values import parse_country
from interlink.store.db import reading, transaction
from interlink.store.migrate import upgrade

units_app = typer.Typer(help="Agencies and units that own records.", no_args_is_help=True)
users_app = typer.Typer(help="User accounts.", no_args_is_help=True)
audit_app = typer.Typer(help="The audit log.", no_args_is_help=True)


@friendly
def init() -> None:
    """Create the database schema, or upgrade it; safe to run again."""
    n = node()
    before, after = upgrade(n.engine)
    n.audit_key  # noqa: B018 - creates the key on first run
    if before == after:
        out.print(f"database is current (revision {after})")
    else:
        out.print(f"database upgraded from {before or 'empty'} to revision {after}")
    with transaction(n.engine) as conn:
        audit.write(
            conn, n.audit_key, Actor.system("cli"), "init", details={"from": before, "to": after}
        )


@units_app.command("add")
@friendly
def units_add(
    code: str,
    name: Annotated[str, typer.Option(help="Full name of the unit.")],
    country: Annotated[str, typer.Option(help="ISO country code of the unit.")],
) -> None:
    """Add a unit (an agency or team that owns records)."""
    try:
        alpha2 = parse_country(country)
    except ValueError as exc:
        fail(f"--country: {exc}")
    n = node()
    with transaction(n.engine) as conn:
        ensure_unit(conn, code, name, alpha2)
        audit.write(conn, n.audit_key, Actor.system("cli"), "add_unit", details={"unit": code})
    out.print(f"unit {code} ready")


@units_app.command("list")
@friendly
def units_list() -> None:
    with reading(node().engine) as conn:
        for code, name, country in list_units(conn):
            typer.echo(f"{code}\t{country}\t{name}")


@users_app.command("add")
@friendly
def users_add(
    name: str,
    role: Annotated[Role, typer.Option(help="The user's role.")],
    unit: Annotated[str, typer.Option(help="The unit the user works in.")],
    password_stdin: Annotated[bool, typer.Option(help="Read the password from stdin.")] = False,
) -> None:
    """Add a user; the password is asked for (or read from standard input)."""
    password = read_password(password_stdin)
    n = node()
    with transaction(n.engine) as conn:
        user = add_user(conn, name, role, unit, password)
        audit.write(
            conn, n.audit_key, Actor.system("cli"), "add_user", details={"user_id": user.id}
        )
    out.print(f"user {user.username} ({user.role.value}, {user.unit}) added")


@users_app.command("list")
@friendly
def users_list() -> None:
    with reading(node().engine) as conn:
        for user in list_users(conn):
            state = "" if user.active else "\t(disabled)"
            typer.echo(f"{user.username}\t{user.role.value}\t{user.unit}{state}")


@users_app.command("password")
@friendly
def users_password(
    name: str,
    password_stdin: Annotated[bool, typer.Option(help="Read the password from stdin.")] = False,
) -> None:
    """Set a new password (also unlocks an account locked by failed sign-ins)."""
    password = read_password(password_stdin, "New password")
    n = node()
    with transaction(n.engine) as conn:
        set_password(conn, name, password)
        audit.write(
            conn, n.audit_key, Actor.system("cli"), "set_password", details={"username": name}
        )
    out.print(f"password of {name} changed")


@users_app.command("disable")
@friendly
def users_disable(name: str) -> None:
    n = node()
    with transaction(n.engine) as conn:
        set_active(conn, name, False)
        audit.write(
            conn, n.audit_key, Actor.system("cli"), "disable_user", details={"username": name}
        )
    out.print(f"user {name} disabled")


@audit_app.command("verify")
@friendly
def audit_verify(
    expect_head: Annotated[
        str | None,
        typer.Option(help="SEQ:HASH noted earlier; also detects entries cut from the end."),
    ] = None,
) -> None:
    """Check the whole audit chain; exit 1 and name every entry that was tampered with."""
    expect: tuple[int, str] | None = None
    if expect_head:
        seq_text, _, hash_text = expect_head.partition(":")
        if not seq_text.isdigit() or len(hash_text) != 64:
            fail("--expect-head: write it as SEQ:HASH, as `audit verify` printed it")
        expect = (int(seq_text), hash_text)
    n = node()
    with reading(n.engine) as conn:
        result = audit.verify(conn, n.audit_key, expect)
    for problem in result.problems:
        out.print(f"[red]TAMPERED[/red] {problem}")
    out.print(
        f"checked {result.checked} entries; head {result.head_seq}:{result.head_hash}",
        highlight=False,
    )
    if not result.ok:
        raise typer.Exit(EXIT_FAILURE)
    out.print("audit log intact")
