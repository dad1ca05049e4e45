"""The site built by ``create_app`` on SQLite, with a few people signed in.

Every test gets a fresh data directory, and the embedded projection runner
is stopped at teardown. Helpers for forms and posts are in ``web_helpers``.
"""

from types import SimpleNamespace

import pytest
from flask.testing import FlaskClient
from web_helpers import register, sign_in

from kshare.config import Settings
from kshare.domain.ids import OPERATOR
from kshare.web import create_app


class CarefulClient(FlaskClient):
    """A test client for which no response may ever show a stack trace."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        assert b"Traceback" not in response.get_data()
        return response


@pytest.fixture
def app(tmp_path):
    site = create_app(Settings.for_tests(tmp_path))
    site.test_client_class = CarefulClient
    yield site
    site.extensions["kshare"].close()


@pytest.fixture
def services(app):
    """The services the site runs on (overrides the root fixture)."""
    return app.extensions["kshare"]


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def people(services) -> SimpleNamespace:
    """A coordinator and two participants, registered through the application."""
    return SimpleNamespace(
        cora=register(services, "cora", role="coordinator", actor_id=OPERATOR),
        alice=register(services, "alice"),
        bob=register(services, "bob"),
    )


@pytest.fixture
def as_alice(app, people):
    return sign_in(app.test_client(), people.alice)


@pytest.fixture
def as_bob(app, people):
    return sign_in(app.test_client(), people.bob)


@pytest.fixture
def as_cora(app, people):
    return sign_in(app.test_client(), people.cora)


@pytest.fixture
def auditor(services):
    return register(services, "audrey", role="auditor", actor_id=OPERATOR)


@pytest.fixture
def as_auditor(app, auditor):
    return sign_in(app.test_client(), auditor)
