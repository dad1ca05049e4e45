"""API tokens, and what the event log records about every command."""

import hashlib

import pytest
from support.people import register, registration
from support.posts import write

from kshare.domain.errors import NotAllowed, NotAuthenticated
from kshare.domain.ids import OPERATOR


def test_an_issued_token_identifies_its_owner(app, people):
    token, receipt = app.issue_token(
        actor_id=people.alice, email="alice@example.org", label="laptop"
    )
    assert receipt.position == app.recorder.max_notification_id()
    assert app.identify_token(token) == people.alice


def test_only_a_digest_of_the_token_is_stored(app, people):
    token, receipt = app.issue_token(actor_id=OPERATOR, email="bob@example.org")
    [stored] = app.recorder.select_notifications(start=receipt.position, limit=1)
    assert token.encode() not in stored.state
    assert hashlib.sha256(token.encode()).hexdigest().encode() in stored.state


@pytest.mark.parametrize("token", ["", "not-a-token", "x" * 43])
def test_an_unknown_token_is_not_authenticated(app, people, token):
    with pytest.raises(NotAuthenticated, match="That API token is not valid"):
        app.identify_token(token)


def test_a_participant_may_not_issue_a_token_for_someone_else(app, people):
    with pytest.raises(NotAllowed, match="Only a coordinator may create tokens"):
        app.issue_token(actor_id=people.bob, email="alice@example.org")
    token, _ = app.issue_token(actor_id=people.coordinator, email="alice@example.org")
    assert app.identify_token(token) == people.alice


def test_a_deactivated_owners_token_no_longer_works(app, people):
    token, _ = app.issue_token(actor_id=people.alice, email="alice@example.org")
    app.deactivate_participant(
        actor_id=people.alice, participant_id=people.alice, reason="Bye"
    )
    with pytest.raises(NotAllowed, match="This account is deactivated"):
        app.identify_token(token)


def stored_events(app) -> list:
    notifications = app.recorder.select_notifications(start=1, limit=1000)
    return [app.mapper.to_domain_event(n) for n in notifications]


def test_every_stored_event_records_who_acted(services):
    app = services.app
    cora = register(app, "cora", role="coordinator", actor_id=OPERATOR)
    alice, bob = register(app, "alice"), register(app, "bob")
    post_id = write(app, alice, publish=False)
    app.publish_post(actor_id=alice, post_id=post_id)
    app.revise_post(
        actor_id=cora, post_id=post_id, title="Reviews, tidied", parts={"body": "x"}
    )
    app.appreciate_post(actor_id=bob, post_id=post_id)
    app.feature_lesson(actor_id=cora, week="2026-W10", post_id=post_id, note="Good")
    app.retract_post(actor_id=cora, post_id=post_id, reason="Outdated")
    app.republish_post(actor_id=alice, post_id=post_id)
    app.issue_token(actor_id=OPERATOR, email="bob@example.org")
    app.update_profile(actor_id=bob, participant_id=bob, display_name="Bobby")
    app.change_role(actor_id=cora, participant_id=bob, role="coordinator")
    app.deactivate_participant(actor_id=cora, participant_id=alice, reason="Left")

    actors = [(type(e).__name__, e.actor_id) for e in stored_events(app)]
    assert len(actors) == app.recorder.max_notification_id() == 17
    assert actors == [
        ("Registered", OPERATOR),
        ("HandleClaimed", OPERATOR),
        ("Registered", alice),
        ("HandleClaimed", alice),
        ("Registered", bob),
        ("HandleClaimed", bob),
        ("Drafted", alice),
        ("Published", alice),
        ("Revised", cora),
        ("PostAppreciated", bob),
        ("LessonFeatured", cora),
        ("Retracted", cora),
        ("Republished", alice),
        ("TokenIssued", OPERATOR),
        ("ProfileUpdated", bob),
        ("RoleChanged", cora),
        ("Deactivated", cora),
    ]


def test_a_receipt_carries_the_position_of_the_last_event_it_saved(services):
    app = services.app
    receipts = [app.register_participant(**registration("alice"))]
    alice = receipts[0].id
    receipts.append(
        app.draft_post(
            actor_id=alice,
            kind="story",
            title="Taming deploys",
            parts={"context": "c", "actions": "a", "outcome": "o"},
            publish=True,
        )
    )
    receipts.append(
        app.retract_post(actor_id=alice, post_id=receipts[1].id, reason="r")
    )
    positions = [r.position for r in receipts]
    assert positions == [2, 4, 5]
    last = app.recorder.select_notifications(start=5, limit=10)
    assert [n.id for n in last] == [5]
    assert last[0].originator_id == receipts[1].id
