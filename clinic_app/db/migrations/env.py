"""Alembic environment: always run programmatically on an open (encrypted) connection.

``clinic_app.db.schema`` passes the connection in ``config.attributes["connection"]``;
there is no URL and therefore no key in any configuration file.
"""

from alembic import context

from clinic_app.db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
