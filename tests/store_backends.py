"""Databases for the store tests: a SQLite file, and a fresh PostgreSQL database per test
when EVENTWIRE_TEST_PG_URL names a server (.ci/run sets it up with .ci/postgres.sh)."""

from __future__ import annotations

import os
import uuid

import pytest

PG_ENV = "EVENTWIRE_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")


def pg_base_url() -> str:
    url = os.environ.get(PG_ENV, "").strip()
    if not url:
        pytest.skip(f"{PG_ENV} is not set: .ci/run sets it (see .ci/postgres.sh); "
                    "set it to a postgresql+psycopg:// URL to run these tests here")
    return url


def fresh_database(backend: str, tmp_path):
    """Yield the URL of an empty database of this backend; drop it afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'events.db'}"
        return
    from sqlalchemy import create_engine, make_url, text

    base = make_url(pg_base_url())
    name = f"ew_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
