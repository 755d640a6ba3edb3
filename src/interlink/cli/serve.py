"""`interlink serve`: the API (and later the web pages) under Uvicorn."""

from __future__ import annotations

import os
from typing import Annotated

import typer
import uvicorn

from interlink.cli.common import fail, friendly, node, out
from interlink.store.migrate import current_revision, head_revision


def run_server(host: str, port: int, workers: int) -> None:
    n = node()
    if current_revision(n.engine) != head_revision():
        fail("the database schema is not current: run `interlink init` first")
    # Workers are separate processes: they read the same settings from the environment.
    os.environ["INTERLINK_DATABASE_URL"] = n.settings.sqlalchemy_url
    os.environ["INTERLINK_DATA_DIR"] = str(n.settings.data_dir)
    n.audit_key  # noqa: B018 - make sure the key exists before workers race to create it
    out.print(f"Interlink serving on http://{host}:{port}  (API docs: /docs)")
    uvicorn.run(
        "interlink.api.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        access_log=False,  # request lines carry query strings: names would reach the log
    )


@friendly
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64)] = 1,
) -> None:
    """Serve the API on HOST:PORT with WORKERS processes."""
    run_server(host, port, workers)
