"""The home page: the signed-in user's work queue."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from interlink.web.links import href
from interlink.web.queue import work_queue
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.views.exchange import queue_exchange
from interlink.web.views.network import queue_alerts
from interlink.web.views.protection import queue_protection
from interlink.web.visit import VisitDep

router = APIRouter(route_class=WebRoute)


@router.get("/")
def home(request: Request, visit: VisitDep) -> Response:
    queue = work_queue(visit.node, visit.actor)
    return render(
        request,
        "home.html",
        queue=queue,
        protection_queue=queue_protection(visit, queue.cases),
        href=href,
        network_alerts=queue_alerts(visit),
        exchange_waiting=queue_exchange(visit),
    )
