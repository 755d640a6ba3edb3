"""The `interlink` command (Typer)."""

from __future__ import annotations

from typing import Annotated

import typer

from interlink.cli import admin, demo, documents, identity, match, review, serve, stats, transfer
from interlink.cli.common import set_database
from interlink.cli.decisions import identity_app
from interlink.cli.exchange import exchange_app, keys_app, messages_app, nodes_app
from interlink.cli.media import media_app
from interlink.cli.network import network_app
from interlink.cli.protection import agencies_app
from interlink.cli.secretariat import secretariat_app

app = typer.Typer(
    name="interlink",
    help="Interlink node: the national database against trafficking in human beings.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _global(
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database URL (default INTERLINK_DATABASE_URL or SQLite)."),
    ] = None,
) -> None:
    set_database(db)


app.command("init")(admin.init)
app.command("serve")(serve.serve)
app.command("import")(transfer.import_command)
app.command("export")(transfer.export_command)
app.command("demo")(demo.demo)
app.command("dedupe")(identity.dedupe)
app.command("link")(identity.link)
app.command("evaluate")(identity.evaluate)
app.command("match")(match.match)
app.add_typer(admin.units_app, name="units")
app.add_typer(admin.users_app, name="users")
app.add_typer(admin.audit_app, name="audit")
app.add_typer(review.review_app, name="review")
app.add_typer(documents.mrz_app, name="mrz")
app.add_typer(documents.documents_app, name="documents")
app.add_typer(identity_app, name="identity")
app.add_typer(keys_app, name="keys")
app.add_typer(nodes_app, name="nodes")
app.add_typer(messages_app, name="messages")
app.add_typer(exchange_app, name="exchange")
app.add_typer(secretariat_app, name="secretariat")
app.add_typer(network_app, name="network")
app.add_typer(agencies_app, name="agencies")
app.add_typer(media_app, name="media")
app.add_typer(stats.stats_app, name="stats")


def main() -> None:
    app()
