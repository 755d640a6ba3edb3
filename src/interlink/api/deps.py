"""Request dependencies: the node, and the authenticated actor behind a bearer token."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request, status
from fastapi.security import OAuth2PasswordBearer

from interlink.access import Actor, Capability, has_capability
from interlink.access.accounts import user_for_token
from interlink.domain.values import CleanText
from interlink.node import Node
from interlink.store.db import reading

oauth2 = OAuth2PasswordBearer(tokenUrl="/api/token", auto_error=False)


def get_node(request: Request) -> Node:
    node: Node = request.app.state.node
    return node


NodeDep = Annotated[Node, Depends(get_node)]


def current_actor(node: NodeDep, token: Annotated[str | None, Depends(oauth2)]) -> Actor:
    if token:
        with reading(node.engine) as conn:
            user = user_for_token(conn, token)
        if user is not None:
            return user.actor()
    raise HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        "sign in first: POST /api/token with your username and password",
        headers={"WWW-Authenticate": "Bearer"},
    )


ActorDep = Annotated[Actor, Depends(current_actor)]

# The stated reason for reading personal data, kept in the audit log.
Purpose = Annotated[
    CleanText | None,
    Header(alias="X-Purpose", max_length=500, description="Why you read this (audited)."),
]


def require(capability: Capability) -> object:
    """A dependency that lets through only actors whose role has ``capability``."""

    def check(actor: ActorDep) -> Actor:
        if not has_capability(actor, capability):
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"your role lacks {capability.value}")
        return actor

    return Depends(check)
