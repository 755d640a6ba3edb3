"""How every page request ends: the page, a redirect to sign-in, or a friendly error page.

Pages never show a stack trace or an exception's text beyond the services' own messages
(which hold ids, never personal data); unexpected errors get an incident number that is
logged with the path, never the form or the query.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Coroutine
from typing import Any
from urllib.parse import quote

from fastapi import HTTPException
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from interlink.records.errors import RecordError
from interlink.web import session as sessions
from interlink.web.i18n import _
from interlink.web.templating import render
from interlink.web.visit import CsrfRefused, SignInRequired, session_key

log = logging.getLogger("interlink.web")
API_PREFIXES = ("/api", "/docs", "/openapi.json")


def error_page(request: Request, status: int, message: str | None = None) -> Response:
    titles = {
        400: _("The request could not be read"),
        403: _("Not allowed"),
        404: _("Page not found"),
        409: _("Changed by someone else"),
        422: _("Not accepted"),
    }
    title = titles.get(status, _("Something went wrong"))
    return render(request, "error.html", status, title=title, message=message)


def sign_in_redirect(request: Request, expired: bool) -> Response:
    target = "/sign-in?next=" + quote(request.url.path, safe="/")
    if expired:
        target += "&expired=1"
    if request.headers.get("hx-request"):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


def store_session(request: Request, response: Response) -> None:
    """Send the (touched) session back, so that inactivity is counted from now."""
    current = getattr(request.state, "session", None)
    if current is None:
        return
    options = sessions.cookie_options(request.url.scheme, request.url.hostname or "")
    response.set_cookie(
        sessions.COOKIE,
        sessions.encode(session_key(request), current.touched()),
        **options,  # type: ignore[arg-type]
    )


class WebRoute(APIRoute):
    """A page route: turns what the services raise into pages and keeps the session."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            try:
                response = await original(request)
            except SignInRequired as exc:
                response = sign_in_redirect(request, exc.expired)
            except CsrfRefused:
                message = _("The form had expired or did not come from this site. Try again.")
                response = error_page(request, 403, message)
            except RecordError as exc:
                status = exc.status
                response = error_page(request, status, None if status == 404 else exc.message)
            except (HTTPException, StarletteHTTPException) as exc:
                response = error_page(request, exc.status_code)
            except RequestValidationError:
                response = error_page(request, 400)
            except Exception as exc:  # the user gets an incident number, the log the details
                incident = uuid.uuid4().hex[:12]
                log.error(
                    "incident %s on %s %s",
                    incident,
                    request.method,
                    request.url.path,
                    exc_info=exc,
                )
                message = _(
                    "Tell your administrator this incident number: %(incident)s",
                    incident=incident,
                )
                response = error_page(request, 500, message)
            store_session(request, response)
            return response

        return handler


async def not_found(request: Request, exc: Exception) -> Response:
    """Paths no route answers: a page for a browser, FastAPI's JSON for the API."""
    assert isinstance(exc, StarletteHTTPException)
    if request.url.path.startswith(API_PREFIXES):
        return await http_exception_handler(request, exc)
    return error_page(request, exc.status_code)
