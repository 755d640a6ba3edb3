"""The page routes, one module per area of the application."""

from fastapi import APIRouter

from interlink.web.routing import WebRoute
from interlink.web.views import (
    admin,
    audit,
    dashboard,
    documents,
    exchange,
    home,
    imports,
    media,
    network,
    persons,
    protection,
    review,
    search,
    sign_in,
)

router = APIRouter(route_class=WebRoute, include_in_schema=False)
for module in (sign_in, home, search, persons, documents, audit, review, admin, imports):
    router.include_router(module.router)
router.include_router(dashboard.router)  # statistics (issue 10)
router.include_router(network.router)  # networks and pattern alerts (issue 9)
router.include_router(exchange.router)  # messages, hits and notices (issue 6)
router.include_router(protection.router)  # victims, referrals, welfare portal (issue 7)
router.include_router(media.router)  # child-exploitation hashes (issue 8)

__all__ = ["router"]
