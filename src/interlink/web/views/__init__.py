"""The page routes, one module per area of the application."""

from fastapi import APIRouter

from interlink.web.routing import WebRoute
from interlink.web.views import (
    admin,
    audit,
    documents,
    home,
    imports,
    persons,
    review,
    search,
    sign_in,
)

router = APIRouter(route_class=WebRoute, include_in_schema=False)
for module in (sign_in, home, search, persons, documents, audit, review, admin, imports):
    router.include_router(module.router)

__all__ = ["router"]
