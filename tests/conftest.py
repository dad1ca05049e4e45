"""Shared fixtures: settings and services on SQLite and on a real PostgreSQL
server, the demo seeded once per backend, and the `kshare` command.

PostgreSQL tests run against ``KSHARE_TEST_DATABASE_URL`` (default: the
machine's server, database ``kshare_test``, created when missing); each
test gets a schema of its own, dropped afterwards.

Markers are applied here, at collection: ``postgres`` on every test that
uses the server (a fixture of ``POSTGRES_FIXTURES``, or the "postgres" case
of a fixture of ``BACKENDS``) and ``e2e`` on every test under tests/e2e.
``slow`` is set by hand, on the tests themselves.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from support.cli import Kshare
from support.exports import copy_log
from support.store import drop_schema, fresh_schema

from kshare.bootstrap import build
from kshare.config import Settings
from kshare.demo.seed import seed

PG_URL = os.environ.get(
    "KSHARE_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/kshare_test"
)
POSTGRES_FIXTURES = {"pg_database", "pg_settings", "pg_demo"}
BACKENDS = ("any_settings", "any_demo")  # parametrised: "sqlite", "postgres"
E2E = Path(__file__).parent / "e2e"
DEMO_POSTS = 30


def uses_postgres(item) -> bool:
    if POSTGRES_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    callspec = getattr(item, "callspec", None)
    return callspec is not None and "postgres" in (
        callspec.params.get(name) for name in BACKENDS
    )


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items):
    for item in items:
        if uses_postgres(item):
            item.add_marker(pytest.mark.postgres)
        if item.path.is_relative_to(E2E):
            item.add_marker(pytest.mark.e2e)


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
    schema = fresh_schema()
    yield Settings.for_tests(tmp_path, database_url=pg_database, database_schema=schema)
    drop_schema(pg_database, schema)


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


@pytest.fixture
def cli(tmp_path) -> Kshare:
    """The `kshare` command on an installation in tmp_path (SQLite)."""
    return Kshare(tmp_path)


# The demo, seeded once per backend for the tests that only read it. A test
# that writes to the demo works on a copy of it (``demo_copy``).


def seeded_demo(settings: Settings):
    demo = build(settings)
    try:
        seed(demo.app, posts=DEMO_POSTS)
        demo.runner.catch_up()
        yield demo
    finally:
        demo.close()


@pytest.fixture(scope="session")
def sqlite_demo(tmp_path_factory):
    yield from seeded_demo(Settings.for_tests(tmp_path_factory.mktemp("demo")))


@pytest.fixture(scope="session")
def pg_demo(tmp_path_factory, pg_database):
    schema = fresh_schema()
    settings = Settings.for_tests(
        tmp_path_factory.mktemp("pg-demo"),
        database_url=pg_database,
        database_schema=schema,
    )
    yield from seeded_demo(settings)
    drop_schema(pg_database, schema)


@pytest.fixture(params=["sqlite", "postgres"])
def any_demo(request):
    """The shared demo on each backend: read it, never write to it."""
    return request.getfixturevalue(
        f"{'pg' if request.param == 'postgres' else 'sqlite'}_demo"
    )


@pytest.fixture
def demo_copy(request, any_services, tmp_path):
    """``any_services``, its empty store given the whole log of the shared demo
    of the same backend (through a complete export), projected live."""
    demo = request.getfixturevalue(
        "pg_demo" if any_services.settings.is_postgres else "sqlite_demo"
    )
    copy_log(demo, any_services, tmp_path / "demo.jsonl")
    any_services.runner.catch_up()
    assert any_services.log.head() == demo.log.head()
    return any_services
