"""Error responses: the same shape as FastAPI's validation errors, never a stack trace."""

from __future__ import annotations

import logging
import uuid

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from interlink.domain.values import error_message
from interlink.records.errors import Invalid, RecordError

log = logging.getLogger("interlink.api")


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [
            {"loc": list(e["loc"]), "msg": error_message(e), "type": e["type"]}
            for e in exc.errors()
        ]
        return JSONResponse({"detail": jsonable_encoder(detail)}, status_code=422)

    @app.exception_handler(RecordError)
    async def _record_error(_request: Request, exc: RecordError) -> JSONResponse:
        if isinstance(exc, Invalid):
            loc = ["body", *exc.field.split(".")] if exc.field else ["body"]
            detail: object = [{"loc": loc, "msg": exc.message, "type": "value_error"}]
        else:
            detail = exc.message
        return JSONResponse({"detail": detail}, status_code=exc.status)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        incident = uuid.uuid4().hex[:12]
        # The path is logged, never the body or query: they may hold personal data.
        log.error("incident %s on %s %s", incident, request.method, request.url.path, exc_info=exc)
        return JSONResponse(
            {"detail": f"internal error; tell your administrator incident {incident}"},
            status_code=500,
        )
