"""The `interlink` command (Typer)."""

from __future__ import annotations

from typing import Annotated

import typer

from interlink.cli import admin, demo, documents, identity, match, review, serve, transfer
from interlink.cli.common import set_database
from interlink.cli.decisions import identity_app

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


def main() -> None:
    app()
