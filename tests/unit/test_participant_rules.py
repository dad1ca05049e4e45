"""Signing up, signing in, roles and accounts: the rules people meet first."""

import pytest
from support.people import PASSWORD, register, registration

from kshare.domain.errors import Conflict, Invalid, NotAllowed, NotAuthenticated
from kshare.domain.ids import OPERATOR, participant_id


def sign_up(app, **changes):
    return app.register_participant(**(registration("dana") | changes))


@pytest.mark.parametrize("handle", ["ab", "-dana", "dana-", "Dana Smith", "d" * 31])
def test_a_handle_outside_the_rules_is_rejected(app, handle):
    with pytest.raises(Invalid, match="A handle is 3 to 30 lowercase letters"):
        sign_up(app, handle=handle)


def test_a_handle_is_stored_lowercase_without_its_at_sign(app):
    receipt = sign_up(app, handle="  @Dana-K ")
    assert app.repository.get(receipt.id).handle == "dana-k"


@pytest.mark.parametrize("email", ["dana", "dana@example", "da na@example.org", ""])
def test_something_that_is_not_an_email_address_is_rejected(app, email):
    with pytest.raises(Invalid, match="is not an email address"):
        sign_up(app, email=email)


def test_a_password_shorter_than_eight_characters_is_rejected(app):
    with pytest.raises(Invalid, match="A password needs at least 8 characters"):
        sign_up(app, password="seven77")


def test_a_second_account_for_the_same_email_is_a_conflict(app):
    sign_up(app)
    with pytest.raises(Conflict, match=r"dana@example\.org already has an account"):
        sign_up(app, email=" DANA@example.org", handle="dana-two")


def test_a_taken_handle_is_a_conflict_and_saves_nothing(app):
    sign_up(app)
    before = app.recorder.max_notification_id()
    with pytest.raises(Conflict, match="The handle @dana is taken"):
        sign_up(app, email="other@example.org", handle="DANA")
    assert app.recorder.max_notification_id() == before
    assert participant_id("other@example.org") not in app.repository


def test_signing_up_oneself_as_a_coordinator_is_not_allowed(app):
    with pytest.raises(NotAllowed, match="Only a coordinator may give someone"):
        sign_up(app, role="coordinator")


def test_a_participant_may_not_register_someone_as_a_coordinator(app, people):
    with pytest.raises(NotAllowed, match="Only a coordinator may register"):
        sign_up(app, role="coordinator", actor_id=people.alice)


def test_a_coordinator_or_the_operator_may_register_a_coordinator(app, people):
    by_coordinator = sign_up(app, role="coordinator", actor_id=people.coordinator)
    by_operator = sign_up(
        app,
        email="eve@example.org",
        handle="eve",
        role="coordinator",
        actor_id=OPERATOR,
    )
    assert app.repository.get(by_coordinator.id).is_coordinator
    assert app.repository.get(by_operator.id).is_coordinator


def test_an_unknown_role_is_rejected(app, people):
    with pytest.raises(Invalid, match="Unknown role 'admin'"):
        sign_up(app, role="admin", actor_id=people.coordinator)


def test_the_right_password_signs_in_whatever_the_email_case(app, people):
    assert app.authenticate(" Alice@Example.org ", PASSWORD) == people.alice


@pytest.mark.parametrize(
    ("email", "password"),
    [
        ("alice@example.org", "wrong password"),
        ("nobody@example.org", PASSWORD),
        ("not an email", PASSWORD),
        ("alice@example.org", ""),
    ],
)
def test_wrong_credentials_do_not_sign_in(app, people, email, password):
    with pytest.raises(NotAuthenticated, match="Wrong email or password"):
        app.authenticate(email, password)


def test_a_deactivated_account_cannot_sign_in(app, people):
    app.deactivate_participant(
        actor_id=people.alice, participant_id=people.alice, reason="Leaving"
    )
    with pytest.raises(NotAuthenticated, match="deactivated"):
        app.authenticate("alice@example.org", PASSWORD)


def test_a_deactivated_account_can_no_longer_write(app, people):
    app.deactivate_participant(
        actor_id=people.coordinator, participant_id=people.bob, reason="Left"
    )
    with pytest.raises(NotAllowed, match="This account is deactivated"):
        app.draft_post(
            actor_id=people.bob, kind="lesson", title="Hello", parts={"body": "x"}
        )


def test_only_a_coordinator_may_deactivate_someone_else(app, people):
    with pytest.raises(NotAllowed, match="Only a coordinator may deactivate"):
        app.deactivate_participant(
            actor_id=people.alice, participant_id=people.bob, reason="Rude"
        )


def test_deactivating_twice_is_rejected(app, people):
    app.deactivate_participant(actor_id=OPERATOR, participant_id=people.bob, reason="x")
    with pytest.raises(Invalid, match="@bob is already deactivated"):
        app.deactivate_participant(
            actor_id=OPERATOR, participant_id=people.bob, reason="x"
        )


def test_only_the_person_or_a_coordinator_may_change_a_profile(app, people):
    with pytest.raises(NotAllowed, match="Only the person or a coordinator"):
        app.update_profile(
            actor_id=people.bob, participant_id=people.alice, display_name="Al"
        )
    app.update_profile(
        actor_id=people.coordinator,
        participant_id=people.alice,
        display_name="Alice A.",
        interests="testing, ,  mentoring, testing",
    )
    alice = app.repository.get(people.alice)
    assert (alice.display_name, alice.interests) == (
        "Alice A.",
        ["testing", "mentoring"],
    )


def test_giving_someone_the_role_they_have_saves_nothing(app, people):
    before = app.recorder.max_notification_id()
    receipt = app.change_role(
        actor_id=people.coordinator, participant_id=people.alice, role="participant"
    )
    assert receipt.position is None
    assert app.recorder.max_notification_id() == before


def test_a_participant_made_coordinator_gets_a_coordinators_powers(app, people):
    with pytest.raises(NotAllowed, match="Only a coordinator may change roles"):
        app.change_role(
            actor_id=people.alice, participant_id=people.alice, role="coordinator"
        )
    promoted = app.change_role(
        actor_id=people.coordinator, participant_id=people.alice, role="coordinator"
    )
    assert promoted.position == app.recorder.max_notification_id()
    fran = register(app, "fran", role="coordinator", actor_id=people.alice)
    assert app.repository.get(fran).is_coordinator
