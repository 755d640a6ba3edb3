"""Adding the pages to the node's FastAPI app (called by ``interlink.api.app``)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles

from interlink.web.headers import PageHeaders
from interlink.web.routing import not_found
from interlink.web.views import router

STATIC_DIR = Path(__file__).parent / "static"


def install(app: FastAPI) -> None:
    app.add_middleware(PageHeaders)
    app.add_exception_handler(StarletteHTTPException, not_found)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(router)
