"""The shared program of commands, projected on SQLite and on PostgreSQL."""

import pytest
from support.scenario import play


@pytest.fixture
def scenario(any_services):
    played = play(any_services.app)
    any_services.runner.catch_up()
    return played
