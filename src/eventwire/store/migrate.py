"""A small versioned migration scheme: the database says which schema it has, and opening
it brings it up to `SCHEMA_VERSION` in one transaction.

Why not Alembic: one linear history of a handful of steps, run in-process when a store
opens, needs no configuration files or revision graph. The scheme is the one Alembic
recommends for new databases: a fresh database gets today's tables (`schema.metadata`)
and is stamped with today's version; an older one runs each step after its version.

To change the schema: edit `schema.py`, raise `SCHEMA_VERSION`, and add a step here,
`UPGRADES[2] = _add_some_column`, a function of a connection that turns a version-1
database into a version-2 one (e.g. `conn.execute(text("ALTER TABLE ..."))`). Never
edit a released step. `tests/test_store.py` checks that a migrated database has the
tables and columns `schema.py` describes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from sqlalchemy import Connection, Engine, inspect, select, text

from eventwire.errors import SetupError
from eventwire.store import schema

_LOCK_KEY = 0x657677  # "evw": the advisory lock that serialises migrations on PostgreSQL

# version -> the step that upgrades a database from version - 1 to it
UPGRADES: dict[int, Callable[[Connection], None]] = {}


def migrate(engine: Engine, *, create: bool = True) -> int:
    """Create or upgrade the store's tables; return the schema version now in force.
    With `create=False` a database without eventwire's tables is refused (`SetupError`).

    Example: `migrate(create_engine("sqlite:///eventwire.db"))` returns 1 on a new file.
    """
    with engine.begin() as conn:
        _lock(conn)
        found = current_version(conn)
        if found is None and not create:
            raise SetupError("it holds no eventwire store (run eventwire ingest first)")
        if found is None:
            schema.metadata.create_all(conn)
            _stamp(conn, schema.SCHEMA_VERSION, "created")
            return schema.SCHEMA_VERSION
        if found > schema.SCHEMA_VERSION:
            raise SetupError(
                f"the database has schema version {found}, newer than this eventwire knows "
                f"({schema.SCHEMA_VERSION}): upgrade eventwire to use it"
            )
        for version in range(found + 1, schema.SCHEMA_VERSION + 1):
            UPGRADES[version](conn)
            _stamp(conn, version, UPGRADES[version].__doc__ or "upgraded")
        return schema.SCHEMA_VERSION


def _lock(conn: Connection) -> None:
    """Two processes opening a new store at once: the second waits, then finds the tables.
    PostgreSQL: a transaction-scoped advisory lock; SQLite: the store begins writing
    transactions with BEGIN IMMEDIATE, which already serialises them."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})


def current_version(conn: Connection) -> int | None:
    """The database's schema version, or None for a database without eventwire's tables."""
    if not inspect(conn).has_table(schema.schema_version.name):
        return None
    return conn.execute(select(schema.schema_version.c.version).order_by(
        schema.schema_version.c.version.desc()).limit(1)).scalar()


def _stamp(conn: Connection, version: int, note: str) -> None:
    conn.execute(schema.schema_version.insert().values(
        version=version, applied_at=datetime.now(timezone.utc), note=note.strip().splitlines()[0]))
