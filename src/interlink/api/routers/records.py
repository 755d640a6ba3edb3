"""CRUD and list routes for every record kind, generated from the domain declaration."""

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Query, Response, status
from pydantic import BaseModel

from interlink import records
from interlink.api.deps import ActorDep, NodeDep, Purpose
from interlink.api.schemas import BODIES, record_out
from interlink.domain.codes import HandlingCode, PersonRole, SubjectCategory
from interlink.domain.registry import KINDS, RecordKind
from interlink.domain.values import CleanText
from interlink.store.records import ListFilter


def _add_routes(router: APIRouter, kind: RecordKind) -> None:
    bodies = BODIES[kind.name]
    base = f"/{kind.plural}"
    tag = kind.plural

    def create(body: bodies.create, actor: ActorDep, node: NodeDep) -> dict[str, Any]:  # type: ignore[name-defined]
        rec = records.create(
            node, actor, body.facts, body.provenance, external_ref=body.external_ref
        )
        return record_out(rec)

    def read(
        record_id: UUID,
        actor: ActorDep,
        node: NodeDep,
        purpose: Purpose = None,
        unmask_reason: Annotated[
            CleanText | None,
            Query(
                max_length=500,
                description="A victim's addresses, phones and e-mails are masked; state why "
                "you need them to see them in this response (audited).",
            ),
        ] = None,
    ) -> dict[str, Any]:
        rec = records.read(
            node,
            actor,
            str(record_id),
            kind=kind.name,
            purpose=purpose,
            unmask_reason=unmask_reason,
        )
        return record_out(rec)

    def patch(
        record_id: UUID,
        body: bodies.patch,  # type: ignore[name-defined]
        actor: ActorDep,
        node: NodeDep,
        reason: Annotated[
            CleanText | None,
            Query(max_length=500, description="Required when a person's role changes (kept)."),
        ] = None,
    ) -> dict[str, Any]:
        changes = body.facts.model_dump(mode="json", exclude_unset=True) if body.facts else {}
        prov = body.provenance.model_dump(exclude_unset=True) if body.provenance else {}
        rec = records.update(
            node,
            actor,
            str(record_id),
            changes=changes,
            provenance_changes=prov,
            expected_version=body.version,
            kind=kind.name,
            reason=reason,
        )
        return record_out(rec)

    def remove(
        record_id: UUID,
        actor: ActorDep,
        node: NodeDep,
        reason: Annotated[CleanText, Query(min_length=3, max_length=500)],
    ) -> Response:
        records.delete(node, actor, str(record_id), reason=reason, kind=kind.name)
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    def list_(
        actor: ActorDep,
        node: NodeDep,
        owning_unit: Annotated[CleanText | None, Query(max_length=64)] = None,
        handling_code: HandlingCode | None = None,
        subject_category: SubjectCategory | None = None,
        role: PersonRole | None = None,
        updated_since: datetime | None = None,
        external_ref: Annotated[CleanText | None, Query(max_length=200)] = None,
        limit: Annotated[int, Query(ge=1, le=records.service.MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
        purpose: Purpose = None,
    ) -> dict[str, Any]:
        flt = ListFilter(
            kind=kind.name,
            owning_unit=owning_unit,
            handling_code=handling_code.value if handling_code else None,
            subject_category=subject_category.value if subject_category else None,
            role=role.value if role and kind.name == "person" else None,
            updated_since=updated_since,
            external_ref=external_ref,
        )
        page = records.list_records(node, actor, flt, limit=limit, offset=offset, purpose=purpose)
        return {
            "items": [record_out(r) for r in page.items],
            "total": page.total,
            "limit": page.limit,
            "offset": page.offset,
        }

    out: type[BaseModel] = bodies.out
    router.add_api_route(
        base,
        create,
        methods=["POST"],
        response_model=out,
        status_code=201,
        tags=[tag],
        summary=f"Create a {kind.title.lower()}",
        operation_id=f"create_{kind.name}",
        responses={
            403: {"description": "Your role may not create it"},
            409: {"description": "external_ref exists"},
        },
    )
    router.add_api_route(
        base,
        list_,
        methods=["GET"],
        response_model=bodies.page,
        tags=[tag],
        summary=f"List {kind.plural} you may see",
        operation_id=f"list_{kind.plural}",
    )
    router.add_api_route(
        base + "/{record_id}",
        read,
        methods=["GET"],
        response_model=out,
        tags=[tag],
        summary=f"Read a {kind.title.lower()}",
        operation_id=f"read_{kind.name}",
        responses={404: {"description": "No such record, or not yours to see"}},
    )
    router.add_api_route(
        base + "/{record_id}",
        patch,
        methods=["PATCH"],
        response_model=out,
        tags=[tag],
        summary=f"Change a {kind.title.lower()}",
        operation_id=f"update_{kind.name}",
        responses={
            404: {"description": "Not found"},
            403: {"description": "Read-only for you"},
            409: {"description": "Version conflict"},
        },
    )
    router.add_api_route(
        base + "/{record_id}",
        remove,
        methods=["DELETE"],
        status_code=204,
        tags=[tag],
        summary=f"Delete a {kind.title.lower()}",
        operation_id=f"delete_{kind.name}",
        responses={
            404: {"description": "Not found"},
            403: {"description": "Not yours"},
            409: {"description": "Still referenced"},
        },
    )


def build_router() -> APIRouter:
    router = APIRouter(prefix="/api")
    for kind in KINDS:
        _add_routes(router, kind)
    return router
