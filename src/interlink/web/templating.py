"""Rendering of pages: one Jinja2 environment, autoescaped, strings through gettext."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from interlink.web.i18n import translations


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("interlink.web", "templates"),
        autoescape=select_autoescape(default=True),
        extensions=["jinja2.ext.i18n"],
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    t = translations()
    env.install_gettext_callables(t.gettext, t.ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A page; the layout gets the signed-in actor and the session's CSRF token itself."""
    session = getattr(request.state, "session", None)
    context.setdefault("actor", getattr(request.state, "actor", None))
    context.setdefault("csrf", session.csrf if session else "")
    context.setdefault("path", request.url.path)
    html = environment().get_template(template).render(request=request, **context)
    return HTMLResponse(html, status_code=status_code)
