"""Create and upgrade the schema with Alembic, programmatically.

The database is only ever created by running the migrations (never ``create_all``).
To write a new revision: change ``models.py``, then in a Python shell run
``clinic_app.db.schema.autogenerate_revision(engine, "message")`` on a scratch database at
the current head and edit the generated file in ``migrations/versions``.

**Decision**: Alembic is imported only to migrate (and by the developer tools), never at
an ordinary sign-in, which only needs to compare two revision names: importing Alembic and
loading every revision script through it costs about 0.2 s of CPU while the user waits.  So the
database's revision is read from ``alembic_version`` directly (as Alembic itself reads it),
and the revisions this version knows are read from the revision files' ``revision`` and
``down_revision`` assignments with :mod:`ast` (without running them);
``tests/test_start_up.py`` checks both against Alembic's own answers.
"""

from __future__ import annotations

import ast
import functools
from importlib import resources
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect

if TYPE_CHECKING:
    from alembic.config import Config

#: Alembic's table holding the database's revision
VERSION_TABLE = "alembic_version"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("clinic_app.db") / "migrations"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _assigned(module: ast.Module, name: str) -> Any:
    """The literal value assigned to ``name`` at the top of a revision file (None if absent)."""
    for node in module.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            return None if node.value is None else ast.literal_eval(node.value)
    return None


@functools.cache
def revision_graph() -> dict[str, tuple[str, ...]]:
    """Every revision of this version -> the revisions it follows (read from the files, not run)."""
    graph: dict[str, tuple[str, ...]] = {}
    for entry in (resources.files("clinic_app.db") / "migrations" / "versions").iterdir():
        if not entry.name.endswith(".py") or entry.name.startswith("_"):
            continue
        module = ast.parse(entry.read_text("utf-8"))
        revision, down = _assigned(module, "revision"), _assigned(module, "down_revision")
        if revision is not None:
            graph[revision] = (down,) if isinstance(down, str) else tuple(down or ())
    return graph


def head_revision() -> str:
    """The newest revision (the one no other revision follows)."""
    graph = revision_graph()
    followed = {down for downs in graph.values() for down in downs}
    [head] = [revision for revision in graph if revision not in followed]
    return head


def is_known_revision(revision: str) -> bool:
    """True if ``revision`` is one of this version's migrations (False: made by a newer version)."""
    return revision in revision_graph()


def current_revision(engine: Engine) -> str | None:
    """The database's revision (None: no schema yet)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        revisions = conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").scalars().all()
    if len(revisions) > 1:
        raise ValueError(f"the database records several revisions: {', '.join(revisions)}")
    return revisions[0] if revisions else None


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), target)
        conn.commit()


def schema_differences(engine: Engine) -> list[Any]:
    """What autogenerate would change to make the database match the models (empty = equal)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from clinic_app.db.models import Base

    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(ctx, Base.metadata))


def autogenerate_revision(engine: Engine, message: str) -> None:
    """Developer tool: write a new revision file from the difference between models and database."""
    from alembic import command

    with engine.connect() as conn:
        command.revision(alembic_config(conn), message=message, autogenerate=True)
