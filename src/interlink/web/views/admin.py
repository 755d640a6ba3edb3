"""Administration: user accounts (add, deactivate, reactivate, reset password) and units.

For roles with ``manage_users``. Every change goes through ``interlink.access.accounts``
(the same functions as ``interlink users …`` and ``interlink units …``) and is written to
the audit log as the signed-in administrator, in the same transaction.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import Connection, select
from starlette.responses import RedirectResponse, Response

from interlink.access import audit
from interlink.access.accounts import (
    AccountError,
    add_user,
    ensure_unit,
    list_units,
    list_users,
    set_active,
    set_password,
)
from interlink.access.policy import has_capability
from interlink.access.roles import Capability, Role
from interlink.domain.values import parse_country
from interlink.records.errors import Forbidden
from interlink.store.db import reading, transaction
from interlink.store.schema import units
from interlink.web.i18n import _
from interlink.web.routing import WebRoute
from interlink.web.templating import render
from interlink.web.visit import FormDep, Visit, VisitDep

router = APIRouter(route_class=WebRoute)
MAX_UNIT_CODE, MAX_UNIT_NAME = 64, 200


def _done(key: str) -> str | None:
    """The notice after a change (the redirect names it), translated when shown."""
    return {
        "added": _("The user was added."),
        "disabled": _("The account was deactivated: its sessions have ended."),
        "enabled": _("The account was reactivated."),
        "password": _("The password was changed; the account is unlocked."),
        "unit": _("The unit was added."),
    }.get(key)


def _need_admin(visit: Visit) -> None:
    if not has_capability(visit.actor, Capability.MANAGE_USERS):
        raise Forbidden(_("Your role does not manage accounts."))


def _text(form: Any, name: str, limit: int = 200) -> str:
    return str(form.get(name) or "").strip()[:limit]


def _account_errors(exc: AccountError, default: str) -> dict[str, list[str]]:
    field, sep, message = str(exc).partition(": ")
    return {field: [message]} if sep else {default: [str(exc)]}


def _audit(conn: Connection, visit: Visit, action: str, **details: object) -> None:
    audit.write(conn, visit.node.audit_key, visit.actor, action, details={"via": "web", **details})


# -- users ----------------------------------------------------------------------------------


def _users_page(
    request: Request,
    visit: Visit,
    *,
    errors: dict[str, list[str]] | None = None,
    values: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    with reading(visit.node.engine) as conn:
        users = list_users(conn)
        unit_rows = list_units(conn)
    return render(
        request,
        "admin_users.html",
        status,
        users=users,
        units=[code for code, _name, _country in unit_rows],
        roles=[r.value for r in Role],
        errors=errors or {},
        values=values or {},
        done=_done(request.query_params.get("done", "")),
    )


@router.get("/admin/users")
def users_page(request: Request, visit: VisitDep) -> Response:
    _need_admin(visit)
    return _users_page(request, visit)


@router.post("/admin/users")
def users_add(request: Request, visit: VisitDep, form: FormDep) -> Response:
    _need_admin(visit)
    values = {
        "username": _text(form, "username", 100),
        "role": _text(form, "role", 40),
        "unit": _text(form, "unit", MAX_UNIT_CODE),
    }
    password = str(form.get("password") or "")
    errors: dict[str, list[str]] = {}
    if values["role"] not in {r.value for r in Role}:
        errors["role"] = [_("Choose a role.")]
    if not values["unit"]:
        errors["unit"] = [_("Choose a unit.")]
    if not errors:
        try:
            with transaction(visit.node.engine) as conn:
                user = add_user(
                    conn, values["username"], Role(values["role"]), values["unit"], password
                )
                _audit(conn, visit, "add_user", user_id=user.id)
        except AccountError as exc:
            errors = _account_errors(exc, "username")
    if errors:
        return _users_page(request, visit, errors=errors, values=values, status=422)
    return RedirectResponse("/admin/users?done=added", 303)


@router.post("/admin/users/{username}/active")
def users_active(request: Request, visit: VisitDep, form: FormDep, username: str) -> Response:
    """Deactivate (``active=no``) or reactivate an account; deactivation ends its sessions."""
    _need_admin(visit)
    active = form.get("active") == "yes"
    if not active and username == visit.actor.username:
        errors = {"form": [_("You cannot deactivate your own account.")]}
        return _users_page(request, visit, errors=errors, status=422)
    try:
        with transaction(visit.node.engine) as conn:
            set_active(conn, username, active)
            _audit(conn, visit, "enable_user" if active else "disable_user", username=username)
    except AccountError as exc:
        return _users_page(request, visit, errors={"form": [str(exc)]}, status=404)
    return RedirectResponse(f"/admin/users?done={'enabled' if active else 'disabled'}", 303)


@router.post("/admin/users/{username}/password")
def users_password(request: Request, visit: VisitDep, form: FormDep, username: str) -> Response:
    """A new password typed by the administrator; also unlocks a locked account."""
    _need_admin(visit)
    password = str(form.get("password") or "")
    try:
        with transaction(visit.node.engine) as conn:
            set_password(conn, username, password)
            _audit(conn, visit, "set_password", username=username)
    except AccountError as exc:
        _field, sep, message = str(exc).partition(": ")
        text = _("New password of %(user)s: %(problem)s", user=username, problem=message)
        return _users_page(request, visit, errors={"form": [text if sep else str(exc)]}, status=422)
    return RedirectResponse("/admin/users?done=password", 303)


# -- units ----------------------------------------------------------------------------------


def _units_page(
    request: Request,
    visit: Visit,
    *,
    errors: dict[str, list[str]] | None = None,
    values: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    with reading(visit.node.engine) as conn:
        unit_rows = list_units(conn)
    return render(
        request,
        "admin_units.html",
        status,
        units=unit_rows,
        errors=errors or {},
        values=values or {},
        done=_done(request.query_params.get("done", "")),
    )


@router.get("/admin/units")
def units_page(request: Request, visit: VisitDep) -> Response:
    _need_admin(visit)
    return _units_page(request, visit)


@router.post("/admin/units")
def units_add(request: Request, visit: VisitDep, form: FormDep) -> Response:
    _need_admin(visit)
    values = {
        "code": _text(form, "code", MAX_UNIT_CODE + 1),
        "name": " ".join(_text(form, "name", MAX_UNIT_NAME + 1).split()),
        "country": _text(form, "country", 60),
    }
    errors: dict[str, list[str]] = {}
    code = values["code"]
    if not code or len(code) > MAX_UNIT_CODE or any(c.isspace() for c in code):
        errors["code"] = [_("1 to %(max)s characters, no spaces.", max=MAX_UNIT_CODE)]
    if not values["name"] or len(values["name"]) > MAX_UNIT_NAME:
        errors["name"] = [_("1 to %(max)s characters.", max=MAX_UNIT_NAME)]
    country = ""
    try:
        country = parse_country(values["country"])
    except ValueError as exc:
        errors["country"] = [str(exc)]
    if not errors:
        with transaction(visit.node.engine) as conn:
            if conn.execute(select(units.c.code).where(units.c.code == code)).first():
                errors["code"] = [_("A unit with this code exists already.")]
            else:
                ensure_unit(conn, code, values["name"], country)
                _audit(conn, visit, "add_unit", unit=code)
    if errors:
        return _units_page(request, visit, errors=errors, values=values, status=422)
    return RedirectResponse("/admin/units?done=unit", 303)
