"""Commands of the exchange: this node's keys, the directory of nodes, messages, delivery."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from interlink import exchange
from interlink.access import audit
from interlink.access.roles import Actor
from interlink.cli.common import User, acting_user, fail, friendly, node, out
from interlink.domain.codes import HandlingCode
from interlink.exchange.directory import parse_entry
from interlink.exchange.keys import KeysError, init_keys
from interlink.exchange.messages import Body, Draft, Kind
from interlink.records.service import resolve_id
from interlink.store.db import transaction

keys_app = typer.Typer(help="This node's exchange keys.", no_args_is_help=True)
nodes_app = typer.Typer(help="The directory of other nodes (administrators).", no_args_is_help=True)
messages_app = typer.Typer(help="Messages to and from other nodes.", no_args_is_help=True)
exchange_app = typer.Typer(help="The exchange's delivery worker.", no_args_is_help=True)


def _json(value: Any) -> None:
    typer.echo(json.dumps(value, indent=2, ensure_ascii=False, default=str))


@keys_app.command("init")
@friendly
def keys_init(
    force: Annotated[bool, typer.Option(help="Replace existing keys.")] = False,
) -> None:
    """Generate the signing (Ed25519) and encryption (X25519) keys in DATA_DIR/keys."""
    n = node()
    try:
        keys = init_keys(n.settings.keys_dir, force=force)
    except KeysError as exc:
        fail(str(exc))
    with transaction(n.engine) as conn:
        audit.write(
            conn,
            n.audit_key,
            Actor.system("cli"),
            "exchange_keys_init",
            details={"replaced": force},
        )
    out.print(f"keys written to {n.settings.keys_dir} (mode 0600)")
    typer.echo(f"signing_key: {keys.signing_public}")
    typer.echo(f"encryption_key: {keys.encryption_public}")


@keys_app.command("show")
@friendly
def keys_show() -> None:
    """This node's directory entry as JSON, to hand to other nodes' administrators."""
    try:
        entry = exchange.directory.own_entry(node())
    except KeysError as exc:
        fail(str(exc))
    _json(entry.model_dump())


@nodes_app.command("add")
@friendly
def nodes_add(
    node_id: Annotated[str | None, typer.Argument(help="Country code, or GS.")] = None,
    role: Annotated[str | None, typer.Option(help="national or secretariat")] = None,
    url: Annotated[str | None, typer.Option(help="Base URL of its API.")] = None,
    signing_key: Annotated[str | None, typer.Option(help="Ed25519 public key, base64.")] = None,
    encryption_key: Annotated[str | None, typer.Option(help="X25519 public key, base64.")] = None,
    from_file: Annotated[
        Path | None, typer.Option("--from-file", help="A JSON entry from `keys show`.")
    ] = None,
    user: User = None,
) -> None:
    """Add (or replace) a node in the directory."""
    actor = acting_user(user)
    data: dict[str, Any] = {}
    if from_file is not None:
        try:
            data = json.loads(from_file.read_text())
        except (OSError, ValueError) as exc:
            fail(f"--from-file: {from_file}: {exc}")
        if not isinstance(data, dict):
            fail(f"--from-file: {from_file}: not a JSON object")
    given = {
        "id": node_id,
        "role": role,
        "url": url,
        "signing_key": signing_key,
        "encryption_key": encryption_key,
    }
    data.update({k: v for k, v in given.items() if v is not None})
    for name in ("id", "role", "url", "signing_key", "encryption_key"):
        if not data.get(name):
            fail(f"{name.replace('_', '-')}: missing (give it, or --from-file)")
    entry = parse_entry(data)
    new = exchange.directory.add(node(), actor, entry)
    out.print(f"node {entry.id} {'added' if new else 'replaced'}")


@nodes_app.command("list")
@friendly
def nodes_list(user: User = None) -> None:
    for e in exchange.directory.entries(node(), acting_user(user)):
        typer.echo(f"{e.id}\t{e.role}\t{e.url}")


@nodes_app.command("remove")
@friendly
def nodes_remove(node_id: str, user: User = None) -> None:
    exchange.directory.remove(node(), acting_user(user), node_id)
    out.print(f"node {node_id.upper()} removed")


@messages_app.command("send")
@friendly
def messages_send(
    to: Annotated[list[str], typer.Option("--to", help="Recipient node id, or 'all'; repeat.")],
    kind: Annotated[str, typer.Option(help="message, request or reply.")] = "message",
    subject: Annotated[str | None, typer.Option()] = None,
    text: Annotated[str | None, typer.Option()] = None,
    record: Annotated[
        list[str] | None, typer.Option("--record", help="Record id or external ref; repeat.")
    ] = None,
    handling_code: Annotated[HandlingCode, typer.Option()] = HandlingCode.H0,
    restrictions: Annotated[str | None, typer.Option()] = None,
    in_reply_to: Annotated[str | None, typer.Option()] = None,
    user: User = None,
) -> None:
    """Send a message (with records) to other nodes; prints its id."""
    actor = acting_user(user)
    if kind not in ("message", "request", "reply"):
        fail("--kind: message, request or reply")
    n = node()
    try:
        draft = Draft(
            kind=Kind(kind),
            recipients=to,
            body=Body(text=text),
            handling_code=handling_code,
            restrictions=restrictions,
            in_reply_to=in_reply_to,
            subject=subject,
        )
    except ValueError as exc:
        fail(f"--in-reply-to: {exc}".splitlines()[0])
    ids = [resolve_id(n, r) for r in record or []]
    typer.echo(str(exchange.send(n, actor, draft, record_ids=ids)))


@messages_app.command("list")
@friendly
def messages_list(
    box: Annotated[str, typer.Option(help="inbox or outbox")] = "inbox",
    limit: Annotated[int, typer.Option(min=1, max=500)] = 50,
    user: User = None,
) -> None:
    """One line per message: id, created, kind, sender → recipients, subject."""
    page = exchange.list_box(node(), acting_user(user), box, limit=limit)
    for m in page.items:
        typer.echo(
            f"{m.id}\t{m.created.isoformat(timespec='seconds')}\t{m.kind}\t"
            f"{m.sender}->{','.join(m.recipients)}\t{m.subject or ''}"
        )


@messages_app.command("show")
@friendly
def messages_show(message_id: str, user: User = None) -> None:
    """A message as JSON (marks an incoming message read)."""
    opened = exchange.show(node(), acting_user(user), message_id)
    m = opened.message
    _json({**m.__dict__, "statuses": opened.statuses, "replies": [r.id for r in opened.replies]})


@messages_app.command("status")
@friendly
def messages_status(message_id: str, user: User = None) -> None:
    for s in exchange.status(node(), acting_user(user), message_id):
        typer.echo(f"{s['recipient']}\t{s['status']}\t{s['attempts']}\t{s['last_error'] or ''}")


@exchange_app.command("deliver")
@friendly
def deliver(
    once: Annotated[bool, typer.Option(help="One round, then stop.")] = False,
) -> None:
    """Post what is due in the outbox now (beside or instead of `serve`'s worker)."""
    done = exchange.deliver_until_idle(node(), once=once)
    out.print(f"delivered {done.delivered}, to retry {done.retried}, failed {done.failed}")


@messages_app.command("failed")
@friendly
def messages_failed(
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 100, user: User = None
) -> None:
    """Deliveries that will not be tried again: id, recipient, attempts, reason."""
    for f in exchange.failed_deliveries(node(), acting_user(user), limit):
        typer.echo(f"{f['message_id']}\t{f['recipient']}\t{f['attempts']}\t{f['last_error'] or ''}")


@exchange_app.command("dead-letters")
@friendly
def dead_letters(
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 100, user: User = None
) -> None:
    """Messages this node accepted but could not process: id, sender, kind, time, incident."""
    for d in exchange.dead_letters(node(), acting_user(user), limit):
        typer.echo(
            f"{d['message_id']}\t{d['sender']}\t{d['kind']}\t"
            f"{d['at'].isoformat(timespec='seconds')}\t{d['error_id']}\t{d['error']}"
        )
