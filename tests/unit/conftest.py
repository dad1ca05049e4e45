"""An in-memory application and a few people for the domain and policy tests."""

from types import SimpleNamespace

import pytest
from support.apps import in_memory_app
from support.people import register

from kshare.domain.ids import OPERATOR


@pytest.fixture
def app():
    application = in_memory_app()
    yield application
    application.close()


@pytest.fixture
def people(app) -> SimpleNamespace:
    """A coordinator (registered by the operator) and three participants."""
    return SimpleNamespace(
        coordinator=register(app, "cora", role="coordinator", actor_id=OPERATOR),
        alice=register(app, "alice"),
        bob=register(app, "bob"),
        carol=register(app, "carol"),
    )
