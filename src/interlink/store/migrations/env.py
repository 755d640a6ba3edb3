"""Alembic environment: runs on the connection `interlink init` hands it."""

from __future__ import annotations

from alembic import context

from interlink.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs plain `alembic`
    raise RuntimeError("run migrations with `interlink init`")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
