"""Alembic environment: runs on the connection the store hands over (the store is encrypted, so
Alembic never opens the file itself)."""

from alembic import context

from childcare_desktop.core.storage.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
