"""A change made by another process counts from the very next command here.

Each process caches the aggregates its commands load, and learns from the
event store what the others changed (see kshare.application.base). Here two
``Services`` built on the same settings stand for two processes: each has
its own application, cache and connections. Each test first lets process A
use (so cache) what process B then changes.
"""

import subprocess
import sys
from uuid import UUID

import pytest
from eventsourcing.application import Cache
from support.people import register, registration
from support.posts import LESSON_PARTS, write

from kshare.application.base import FreshCache
from kshare.bootstrap import build
from kshare.domain.errors import NotAllowed
from kshare.domain.ids import OPERATOR
from kshare.domain.participants import COORDINATOR, PARTICIPANT

ONLY_COORDINATORS = "Only a coordinator may register someone else"


@pytest.fixture
def a(any_settings):
    built = build(any_settings)
    yield built
    built.close()


@pytest.fixture
def b(any_settings, a):  # after a: a's build creates the stores
    built = build(any_settings)
    yield built
    built.close()


def register_by(app, actor: UUID, handle: str) -> UUID:
    """A coordinator-only command: registering someone else."""
    return app.register_participant(**registration(handle), actor_id=actor).id


def test_a_coordinator_demoted_elsewhere_is_refused_at_once(a, b):
    cora = register(a.app, "cora", role=COORDINATOR, actor_id=OPERATOR)
    register_by(a.app, cora, "dan")  # a has cora, a coordinator, in its cache

    b.app.change_role(actor_id=OPERATOR, participant_id=cora, role=PARTICIPANT)

    with pytest.raises(NotAllowed, match=ONLY_COORDINATORS):
        register_by(a.app, cora, "eve")


def test_someone_deactivated_elsewhere_is_refused_at_once(a, b):
    pat = register(a.app, "pat")
    write(a.app, pat, "Review small changes")

    b.app.deactivate_participant(actor_id=OPERATOR, participant_id=pat, reason="left")

    with pytest.raises(NotAllowed, match=r"This account is deactivated\."):
        write(a.app, pat, "Pair on the hard parts")


def test_a_post_revised_elsewhere_is_revised_on_top_of_that_revision(a, b):
    alice = register(a.app, "alice")
    post = write(a.app, alice, "Review small changes")  # a caches the post it saved
    theirs = LESSON_PARTS | {"body": "Revised in the other process."}
    b.app.revise_post(actor_id=alice, post_id=post, parts=theirs)

    a.app.revise_post(actor_id=alice, post_id=post, title="Review smaller changes")

    for app in (a.app, b.app):  # as the store holds it
        revised = app.repository.get(post)
        assert (revised.revision_count, revised.title) == (3, "Review smaller changes")
        assert revised.parts == theirs  # b's body, kept by a's revision
        assert app.repository.get(post, version=revised.version - 1).parts == theirs


def test_someone_promoted_elsewhere_is_a_coordinator_at_once(a, b):
    pat = register(a.app, "pat")
    with pytest.raises(NotAllowed, match=ONLY_COORDINATORS):
        register_by(a.app, pat, "dan")  # a has pat, a participant, in its cache

    b.app.change_role(actor_id=OPERATOR, participant_id=pat, role=COORDINATOR)

    assert register_by(a.app, pat, "dan")


DEMOTE = """
import sys
from pathlib import Path
from uuid import UUID

from kshare.bootstrap import build
from kshare.config import Settings
from kshare.domain.ids import OPERATOR

root, url, schema, person = sys.argv[1:]
settings = Settings.for_tests(
    Path(root), database_url=url or None, database_schema=schema
)
services = build(settings)
try:
    services.app.change_role(
        actor_id=OPERATOR, participant_id=UUID(person), role="participant"
    )
finally:
    services.close()
"""


def test_a_coordinator_demoted_by_another_os_process_is_refused_at_once(
    a, any_settings, tmp_path
):
    settings = any_settings  # Settings.for_tests(tmp_path, ...)
    cora = register(a.app, "cora", role=COORDINATOR, actor_id=OPERATOR)
    register_by(a.app, cora, "dan")

    subprocess.run(
        [
            sys.executable, "-c", DEMOTE, str(tmp_path),
            settings.database_url or "", settings.database_schema, str(cora),
        ],
        check=True, timeout=120,
    )  # fmt: skip

    with pytest.raises(NotAllowed, match=ONLY_COORDINATORS):
        register_by(a.app, cora, "eve")


# The cache below the commands: a load or a save that raced a change.


class Aggregate:
    def __init__(self, id_: UUID, version: int) -> None:
        self.id, self.version = id_, version


class FakeChanges:
    def __init__(self) -> None:
        self.pending: list[tuple[UUID, int]] = []

    def changed(self):
        found, self.pending = self.pending, []
        return found

    def close(self) -> None:
        pass


ONE, OTHER = UUID(int=1), UUID(int=2)


def test_what_was_read_before_a_change_seen_meanwhile_is_not_cached():
    changes = FakeChanges()
    fresh = FreshCache(Cache(), changes)
    since = fresh.mark()  # reading ONE at version 3 from the store begins...
    changes.pending = [(ONE, 4), (OTHER, 1)]  # ...another process changes it...
    fresh.load(OTHER, lambda id_: Aggregate(id_, 1))  # ...another thread sees it
    fresh.keep([Aggregate(ONE, 3)], since)  # the read ends: version 3 is stale

    read_again = fresh.load(ONE, lambda id_: Aggregate(id_, 4))
    assert read_again.version == 4
    assert fresh.load(OTHER, lambda id_: Aggregate(id_, 0)).version == 1  # cached


def test_a_cached_aggregate_older_than_a_change_is_read_again():
    changes = FakeChanges()
    fresh = FreshCache(Cache(), changes)
    fresh.keep([Aggregate(ONE, 2)], fresh.mark())
    assert fresh.load(ONE, lambda id_: Aggregate(id_, 0)).version == 2
    changes.pending = [(ONE, 2)]  # our own save of it: it stays
    assert fresh.load(ONE, lambda id_: Aggregate(id_, 0)).version == 2
    changes.pending = [(ONE, 3)]  # a newer version: read it again
    assert fresh.load(ONE, lambda id_: Aggregate(id_, 3)).version == 3
