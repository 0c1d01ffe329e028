"""Database layer: the SQLCipher engine, the SQLAlchemy models and the Alembic migrations.

Everything SQLite- or SQLCipher-specific lives in this package (``engine.py``); models and
queries elsewhere stay portable so an organisation can later move to PostgreSQL.
"""
