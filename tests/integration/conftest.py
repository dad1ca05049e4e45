"""Real stores: an empty one to import into, on each backend."""

from dataclasses import replace

import pytest
from support.store import drop_schema, fresh_schema

from kshare.bootstrap import build


@pytest.fixture
def target(any_settings, tmp_path):
    """An empty store on the same backend, in another data directory or schema."""
    settings = replace(
        any_settings, home=tmp_path / "target", search_index=tmp_path / "target_index"
    )
    if settings.is_postgres:
        settings = replace(settings, database_schema=fresh_schema())
    built = build(settings)
    yield built
    built.close()
    if settings.is_postgres:
        drop_schema(settings.database_url, settings.database_schema)
