"""`interlink demo`: a database of generated records for several countries, then serve it."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import Progress

from interlink.cli.common import console, friendly, node, out
from interlink.cli.serve import run_server
from interlink.store.migrate import upgrade


@friendly
def demo(
    persons: Annotated[int, typer.Option(min=10, max=1_000_000, help="How many persons.")] = 2000,
    countries: Annotated[int, typer.Option(min=1, max=20, help="How many countries.")] = 6,
    seed: Annotated[int, typer.Option(help="Same seed, same data.")] = 0,
    serve: Annotated[bool, typer.Option(help="Serve the API afterwards.")] = True,
    host: str = "127.0.0.1",
    port: int = 8000,
) -> None:
    """Fill the configured database with generated demo data (never real people)."""
    from interlink.demo import DEMO_PASSWORD, load_demo

    n = node()
    upgrade(n.engine)
    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("generating demo records", total=None)
        summary = load_demo(
            n,
            persons=persons,
            countries=countries,
            seed=seed,
            progress=lambda done: bar.update(task, completed=done),
        )
    if summary.loaded:
        out.print(f"demo data loaded: {summary.records:,} records in {len(summary.units)} units")
    else:
        out.print("demo data present already (same seed); nothing added")
    out.print(
        f"Sign in with any of these users; the password of all is [bold]{DEMO_PASSWORD}[/bold]:"
    )
    for username, role, unit in summary.users:
        out.print(f"  {username:32} {role:24} {unit}", highlight=False)
    if serve:
        out.print(
            "Get a token:  curl -s -d 'username=USER&password=PASSWORD' "
            f"http://{host}:{port}/api/token"
        )
        run_server(host, port, 1)
