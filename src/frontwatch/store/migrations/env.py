"""Alembic environment: run programmatically by `frontwatch.store.engine.migrate`, which
hands over an open connection; no alembic.ini is needed at run time."""

from alembic import context

from frontwatch.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
