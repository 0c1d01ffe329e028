"""Alembic owns the schema: the migrated database equals the models, and every revision
applies in order on an encrypted database."""

from __future__ import annotations

import secrets
from pathlib import Path

from clinic_app.db import schema
from clinic_app.db.engine import make_engine


def test_migrated_schema_equals_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "m.db", secrets.token_bytes(32))
    try:
        schema.upgrade(engine)
        assert schema.current_revision(engine) == schema.head_revision()
        assert schema.schema_differences(engine) == []
    finally:
        engine.dispose()


def test_revisions_apply_one_by_one(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "m.db", secrets.token_bytes(32))
    try:
        schema.upgrade(engine, "0001_foundation")
        assert schema.current_revision(engine) == "0001_foundation"
        schema.upgrade(engine)
        assert schema.schema_differences(engine) == []
    finally:
        engine.dispose()


def test_database_from_a_newer_version_is_refused_unchanged(tmp_path: Path) -> None:
    import pytest
    from sqlalchemy import text

    from clinic_app import workspace
    from clinic_app.errors import StorageError

    ws, _, _ = workspace.create_installation(tmp_path / "d", "Org", "admin", "Admin-password-2026")
    with ws.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    ws.close()
    before = (tmp_path / "d" / "continuum.db").read_bytes()
    with pytest.raises(StorageError, match="newer version"):
        workspace.sign_in(tmp_path / "d", "admin", "Admin-password-2026")
    assert (tmp_path / "d" / "continuum.db").read_bytes() == before
    assert not (tmp_path / "d" / "pre-upgrade-backups").exists()
