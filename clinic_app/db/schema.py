"""Create and upgrade the schema with Alembic, programmatically.

The database is only ever created by running the migrations (never ``create_all``).
To write a new revision: change ``models.py``, then in a Python shell run
``clinic_app.db.schema.autogenerate_revision(engine, "message")`` on a scratch database at
the current head and edit the generated file in ``migrations/versions``.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from clinic_app.db.models import Base


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("clinic_app.db") / "migrations"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def is_known_revision(revision: str) -> bool:
    """True if ``revision`` is one of this version's migrations (False: made by a newer version)."""
    script = ScriptDirectory.from_config(alembic_config())
    return any(r.revision == revision for r in script.walk_revisions())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, target: str = "head") -> None:
    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), target)
        conn.commit()


def schema_differences(engine: Engine) -> list[Any]:
    """What autogenerate would change to make the database match the models (empty = equal)."""
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(ctx, Base.metadata))


def autogenerate_revision(engine: Engine, message: str) -> None:
    """Developer tool: write a new revision file from the difference between models and database."""
    with engine.connect() as conn:
        command.revision(alembic_config(conn), message=message, autogenerate=True)
