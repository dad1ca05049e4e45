"""Pairings: formats, acceptance, capacity, one open pairing per set of people,
the agreement before sessions, private notes, and leaving a cohort."""

import threading

import pytest
from support.apps import second_app
from support.people import register
from support.programs import STAGES, advance, enroll, new_cohort, pair

from kshare.domain.cohorts import enrollment_id
from kshare.domain.errors import Conflict, Invalid, NotAllowed
from kshare.domain.ids import OPERATOR
from kshare.domain.pairings import PrivateNote


@pytest.fixture
def cohort(app, people):
    """Alice mentors, with room for one mentee; Bob and Carol are mentees."""
    cohort = new_cohort(app, people.coordinator)
    enroll(app, people.alice, cohort, "mentor", capacity=1)
    for mentee in (people.bob, people.carol):
        enroll(app, mentee, cohort, "mentee")
    return cohort


def propose(app, actor, cohort, members, format="one-on-one"):
    return app.propose_pairing(
        actor_id=actor, cohort_id=cohort, format=format, members=members
    ).id


def active_pairing(app, people, cohort):
    """Alice and Bob accepted; neither acknowledged the agreement yet."""
    members = {people.alice: "mentor", people.bob: "mentee"}
    return pair(app, people.coordinator, cohort, members, until="active")


@pytest.mark.parametrize(
    ("format", "size", "message"),
    [
        ("one-on-one", 3, "one-on-one pairing is two people"),
        ("small-group", 2, "small group has 3 to 6"),
        ("tandem", 2, "A pairing is"),
    ],
)
def test_a_pairing_has_the_shape_of_its_format(
    app, people, cohort, format, size, message
):
    everyone = [people.alice, people.bob, people.carol][:size]
    members = {p: "mentee" for p in everyone} | {people.alice: "mentor"}
    with pytest.raises(Invalid, match=message):
        propose(app, people.coordinator, cohort, members, format)


def test_a_pairing_is_active_once_every_member_accepted(app, people, cohort):
    pairing = propose(
        app, people.coordinator, cohort, {people.alice: "mentor", people.bob: "mentee"}
    )
    app.accept_pairing(actor_id=people.alice, pairing_id=pairing)
    assert app.repository.get(pairing).status == "proposed"
    app.accept_pairing(actor_id=people.bob, pairing_id=pairing)
    assert app.repository.get(pairing).status == "active"
    with pytest.raises(NotAllowed):
        app.accept_pairing(actor_id=people.carol, pairing_id=pairing)


def test_a_participant_may_request_only_a_pairing_that_includes_them(
    app, people, cohort
):
    with pytest.raises(NotAllowed, match="includes you"):
        propose(
            app, people.carol, cohort, {people.alice: "mentor", people.bob: "mentee"}
        )
    pairing = app.repository.get(
        propose(app, people.bob, cohort, {people.alice: "mentor", people.bob: "mentee"})
    )
    assert pairing.status == "proposed"


def test_a_mentor_never_goes_over_capacity(app, people, cohort):
    propose(
        app, people.coordinator, cohort, {people.alice: "mentor", people.bob: "mentee"}
    )
    with pytest.raises(Invalid, match="room for 0 more"):
        propose(
            app,
            people.coordinator,
            cohort,
            {people.alice: "mentor", people.carol: "mentee"},
        )


def test_a_declined_pairing_frees_the_mentor_and_the_pair(app, people, cohort):
    members = {people.alice: "mentor", people.bob: "mentee"}
    pairing = propose(app, people.coordinator, cohort, members)
    with pytest.raises(Invalid, match="A reason is required"):
        app.decline_pairing(actor_id=people.bob, pairing_id=pairing, reason=" ")
    app.decline_pairing(actor_id=people.bob, pairing_id=pairing, reason="Bad timing")
    again = propose(app, people.coordinator, cohort, members)
    assert app.repository.get(again).status == "proposed"


def test_the_same_people_never_have_two_open_pairings(app, people, cohort):
    app.enroll(actor_id=people.coordinator, cohort_id=cohort, role="mentor", capacity=3)
    members = {people.coordinator: "mentor", people.carol: "mentee"}
    propose(app, people.coordinator, cohort, members)
    with pytest.raises(Invalid, match="already have an open pairing"):
        propose(app, people.coordinator, cohort, members)


def test_nobody_in_a_closed_cohort_can_be_paired(app, people, cohort):
    advance(app, people.coordinator, cohort, *STAGES[1:])
    app.close_cohort(
        actor_id=people.coordinator,
        cohort_id=cohort,
        lessons_learned="Done",
        next_direction="Next",
    )
    with pytest.raises(Invalid, match="is closed: nobody in it can be paired"):
        propose(
            app,
            people.coordinator,
            cohort,
            {people.alice: "mentor", people.bob: "mentee"},
        )


def test_sessions_wait_for_everyone_to_acknowledge_the_agreement(app, people, cohort):
    pairing = active_pairing(app, people, cohort)
    session = {"actor_id": people.bob, "pairing_id": pairing, "held_on": "2027-02-01"}
    with pytest.raises(Invalid, match="acknowledges the agreement"):
        app.log_session(**session, minutes=45, format="virtual")
    for member in (people.alice, people.bob):
        app.acknowledge_agreement(actor_id=member, pairing_id=pairing)
    with pytest.raises(Invalid, match="from 5 to 480 minutes"):
        app.log_session(**session, minutes=600, format="virtual")
    app.log_session(
        **session,
        minutes=45,
        format="virtual",
        agenda="Goals",
        action_items=[{"text": "Draft a plan", "owner": people.bob}],
        private_note="I was nervous",
    )
    [logged] = app.repository.get(pairing).sessions.values()
    assert logged["action_items"][0]["owner"] == str(people.bob)


def test_a_private_note_is_kept_apart_from_the_pairing(app, people, cohort):
    pairing = active_pairing(app, people, cohort)
    for member in (people.alice, people.bob):
        app.acknowledge_agreement(actor_id=member, pairing_id=pairing)
    app.log_session(
        actor_id=people.bob,
        pairing_id=pairing,
        held_on="2027-02-01",
        minutes=30,
        format="in-person",
        private_note="Only mine",
    )
    events = [
        app.mapper.to_domain_event(n)
        for n in app.recorder.select_notifications(start=1, limit=1000)
    ]
    notes = [e for e in events if isinstance(e, PrivateNote.PrivateNoteWritten)]
    assert [(n.author_id, n.note) for n in notes] == [(people.bob, "Only mine")]
    logged = [e for e in events if type(e).__name__ == "SessionLogged"]
    assert "Only mine" not in repr(vars(logged[0]))


def test_leaving_a_cohort_closes_that_persons_pairings(app, people, cohort):
    pairing = active_pairing(app, people, cohort)
    app.leave_cohort(actor_id=people.bob, cohort_id=cohort, reason="Moved teams")
    assert app.repository.get(pairing).status == "closed"
    again = propose(
        app,
        people.coordinator,
        cohort,
        {people.alice: "mentor", people.carol: "mentee"},
    )
    assert app.repository.get(again).status == "proposed"


def test_two_racing_proposals_for_a_mentors_last_place_give_one_conflict(
    services,
):
    app = services.app
    cora = register(app, "cora", role="coordinator", actor_id=OPERATOR)
    mia, abe, bea = (register(app, h) for h in ("mia", "abe", "bea"))
    cohort = new_cohort(app, cora)
    enroll(app, mia, cohort, "mentor", capacity=1)
    for mentee in (abe, bea):
        enroll(app, mentee, cohort, "mentee")
    apps = [app, second_app(services)]
    barrier, outcomes = threading.Barrier(2), []

    def race(application, mentee):
        barrier.wait()
        try:
            propose(application, cora, cohort, {mia: "mentor", mentee: "mentee"})
            outcomes.append("paired")
        except (Conflict, Invalid) as error:
            outcomes.append(type(error).__name__)

    threads = [
        threading.Thread(target=race, args=pair)
        for pair in zip(apps, (abe, bea), strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    apps[1].close()
    # Racing, the store rejects the second save (Conflict); if one thread was
    # slower, the mentor's full capacity rejects it (Invalid): never both.
    assert sorted(outcomes) in (["Conflict", "paired"], ["Invalid", "paired"])
    assert app.repository.get(enrollment_id(cohort, mia)).load == 1
