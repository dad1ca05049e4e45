"""The site built by ``create_app`` on SQLite, with a few people signed in.

Every test gets a fresh data directory, and the embedded projection runner
is stopped at teardown. Builders that wait for the site's pages are in
``support.site``; forms, pages and tokens in ``support.web``.
"""

from types import SimpleNamespace

import pytest
from support.site import enroll, join, new_cohort
from support.web import CarefulClient, sign_in

from kshare.config import Settings
from kshare.domain.ids import OPERATOR
from kshare.web import create_app


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
        cora=join(services, "cora", role="coordinator", actor_id=OPERATOR),
        alice=join(services, "alice"),
        bob=join(services, "bob"),
    )


@pytest.fixture
def dan(services):
    """Someone in no pairing, and no coordinator."""
    return join(services, "dan")


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
    return join(services, "audrey", role="auditor", actor_id=OPERATOR)


@pytest.fixture
def as_auditor(app, auditor):
    return sign_in(app.test_client(), auditor)


@pytest.fixture
def waiting(services, people):
    """A cohort under way: Alice mentors code review with one place; Bob, a
    mentee, wants to learn it and has no mentor yet."""
    cohort_id = new_cohort(services, people.cora, stages=("enrolling", "kicked-off"))
    enroll(
        services,
        people.alice,
        cohort_id,
        "mentor",
        capacity=1,
        expertise=["code-review"],
    )
    enroll(services, people.bob, cohort_id, "mentee", skill_gaps=["code-review"])
    return cohort_id
