"""The FastAPI application factory: one app per node, built from its settings."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from interlink import __version__
from interlink.api import errors
from interlink.api.middleware import Guard
from interlink.api.routers import admin, auth, documents, files, match, search
from interlink.api.routers.decisions import router as decisions_router
from interlink.api.routers.exchange import router as exchange_router
from interlink.api.routers.media import router as media_router
from interlink.api.routers.network import router as network_router
from interlink.api.routers.protection import router as protection_router
from interlink.api.routers.records import build_router
from interlink.api.routers.reporting import router as reporting_router
from interlink.api.routers.secretariat import router as secretariat_router
from interlink.node import Node, open_node
from interlink.settings import Settings
from interlink.web import install as install_pages

DESCRIPTION = """National node of Interlink: the national database of people and organizations
involved in trafficking in human beings, behind role-based, audited access.

Sign in with `POST /api/token` (OAuth2 password flow) and send the token as
`Authorization: Bearer …`. Every read, change, search and export of personal data is
written to the audit log; searches need a stated purpose."""


def create_app(settings: Settings | None = None, node: Node | None = None) -> FastAPI:
    node = node or open_node(settings)
    app = FastAPI(
        title="Interlink",
        version=__version__,
        description=DESCRIPTION,
        docs_url="/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.node = node
    app.add_middleware(Guard)
    errors.install(app)
    app.include_router(auth.router)
    app.include_router(search.router)
    app.include_router(match.router)
    app.include_router(files.router)
    app.include_router(documents.router)
    app.include_router(decisions_router)
    app.include_router(exchange_router)
    app.include_router(secretariat_router)
    app.include_router(admin.router)
    app.include_router(protection_router)
    app.include_router(network_router)
    app.include_router(media_router)
    app.include_router(reporting_router)
    app.include_router(build_router())
    install_pages(app)  # the web pages, on the same node, policy and audit log

    @app.get("/api/health", tags=["operations"], operation_id="health")
    def health() -> JSONResponse:
        return JSONResponse(
            {"status": "ok", "role": node.settings.node_role, "country": node.settings.node_country}
        )

    return app


def app_from_environment() -> FastAPI:
    """Entry point for ``uvicorn --factory`` (several workers each build their own)."""
    app = create_app()
    _run_delivery_worker(app)
    return app


def _run_delivery_worker(app: FastAPI) -> None:
    """A serving node posts its outbox in a background thread (one per API worker process:
    leases keep them from posting the same message at once)."""
    node: Node = app.state.node
    if not node.settings.exchange_worker:
        return
    from interlink.exchange import Worker

    worker = Worker(node)
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(app_: Any) -> AsyncIterator[Any]:
        worker.start()
        try:
            async with inner(app_) as state:
                yield state
        finally:
            worker.close()

    app.router.lifespan_context = lifespan
