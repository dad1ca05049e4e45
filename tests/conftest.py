"""Shared fixtures: settings for SQLite and for a real PostgreSQL server.

PostgreSQL tests run against ``KSHARE_TEST_DATABASE_URL`` (default: the
machine's server, database ``kshare_test``, created when missing); each
test gets a schema of its own, dropped afterwards.
"""

import os
import uuid
from urllib.parse import urlsplit

import psycopg
import pytest

from kshare.bootstrap import build
from kshare.config import Settings

PG_URL = os.environ.get(
    "KSHARE_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/kshare_test"
)


@pytest.fixture(scope="session")
def pg_database() -> str:
    url = urlsplit(PG_URL)
    dbname = url.path.lstrip("/")
    server = PG_URL.rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(server, autocommit=True, connect_timeout=5) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", (dbname,)
            ).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{dbname}"')
    except psycopg.OperationalError as error:
        pytest.fail(f"PostgreSQL at {PG_URL} is not reachable: {error}")
    return PG_URL


@pytest.fixture
def pg_settings(tmp_path, pg_database):
    schema = f"t_{uuid.uuid4().hex[:12]}"
    yield Settings.for_tests(tmp_path, database_url=pg_database, database_schema=schema)
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def sqlite_settings(tmp_path):
    return Settings.for_tests(tmp_path)


@pytest.fixture(params=["sqlite", "postgres"])
def any_settings(request):
    """Run a test once on each backend."""
    return request.getfixturevalue(
        f"{'pg' if request.param == 'postgres' else 'sqlite'}_settings"
    )


@pytest.fixture
def services(sqlite_settings):
    built = build(sqlite_settings)
    yield built
    built.close()


@pytest.fixture
def any_services(any_settings):
    built = build(any_settings)
    yield built
    built.close()
