"""Sign-in for API clients: OAuth2 password flow giving a bearer token."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.security import OAuth2PasswordRequestForm

from interlink.access import audit
from interlink.access.accounts import authenticate, issue_token, revoke_token
from interlink.access.roles import Actor, Role
from interlink.api.deps import ActorDep, NodeDep, oauth2
from interlink.api.schemas import TokenOut
from interlink.store.db import transaction

router = APIRouter(prefix="/api", tags=["sign-in"])


@router.post("/token", response_model=TokenOut, operation_id="sign_in")
def sign_in(form: Annotated[OAuth2PasswordRequestForm, Depends()], node: NodeDep) -> dict[str, Any]:
    with transaction(node.engine) as conn:
        user = authenticate(conn, form.username, form.password)
        if user is None:
            unknown = Actor(id=None, username="(sign-in)", role=Role.ADMINISTRATOR, unit=None)
            audit.write(conn, node.audit_key, unknown, "sign_in", outcome="refused")
        else:
            token, expires = issue_token(conn, user, node.settings.token_minutes)
            audit.write(conn, node.audit_key, user.actor(), "sign_in")
    if user is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "wrong username or password, or the account is locked",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return {"access_token": token, "token_type": "bearer", "expires_at": expires}


@router.post("/logout", status_code=204, operation_id="sign_out")
def sign_out(actor: ActorDep, node: NodeDep, token: Annotated[str | None, Depends(oauth2)]) -> None:
    with transaction(node.engine) as conn:
        if token:
            revoke_token(conn, token)
        audit.write(conn, node.audit_key, actor, "sign_out")


@router.get("/me", operation_id="who_am_i")
def me(actor: ActorDep) -> dict[str, Any]:
    return {"username": actor.username, "role": actor.role.value, "unit": actor.unit}
