"""History stored by the previous release loads, takes commands and projects.

The previous release wrote recognition, survey answers, private notes and
the pairing bookkeeping (slot, members' counts) without an ``actor_id``;
these tests store such events as it did, then use today's code on them.
"""

from datetime import date
from types import SimpleNamespace

import pytest
from sqlalchemy import select
from support.dumps import dump
from support.previous_release import PreviousRelease
from support.programs import mentoring_circle

from kshare.domain.cohorts import enrollment_id
from kshare.domain.errors import Conflict
from kshare.domain.ids import OPERATOR
from kshare.domain.pairings import pair_slot_id


@pytest.fixture
def history(any_services):
    """A cohort whose pairing, recognition, answers and note are from v1."""
    app = any_services.app
    people, cohort = mentoring_circle(app, places=2)
    old, start = PreviousRelease(app), app.recorder.max_notification_id()
    mia, abe = people["mia"], people["abe"]
    pairing = old.propose_pairing(cohort, mentor=mia, mentee=abe, by=people["cora"])
    token = old.recognize(mia, abe, "Thanks for the *great* demo")
    answers = [
        old.answer_survey(cohort, abe, sentiment=4, value=5),
        old.answer_survey(cohort, people["bea"], sentiment=2, value=3),
    ]
    note = old.write_private_note(mia, pairing, "Abe wants to lead a review.")
    return SimpleNamespace(
        people=people,
        cohort=cohort,
        pairing=pairing,
        token=token,
        answers=answers,
        note=note,
        old_positions=list(range(start + 1, app.recorder.max_notification_id() + 1)),
    )


def actors(app, aggregate_id) -> list:
    return [e.actor_id for e in app.events.get(aggregate_id)]


def test_old_events_load_with_the_actor_their_upcaster_gives(any_services, history):
    app, people = any_services.app, history.people
    token = app.repository.get(history.token)
    assert (token.giver_id, token.receiver_id) == (people["mia"], people["abe"])
    assert actors(app, history.token) == [people["mia"]]
    assert actors(app, history.answers[1]) == [people["bea"]]
    assert actors(app, history.note) == [people["mia"]]
    slot_id = pair_slot_id([str(people["mia"]), str(people["abe"])])
    assert app.repository.get(slot_id).pairing_id == history.pairing
    assert actors(app, slot_id) == [OPERATOR]
    mentor = app.repository.get(enrollment_id(history.cohort, people["mia"]))
    assert mentor.load == 1
    assert actors(app, mentor.id)[-1] == OPERATOR


def test_an_old_pairing_runs_and_closes_with_todays_commands(any_services, history):
    app, people, pairing = any_services.app, history.people, history.pairing
    for member in (people["mia"], people["abe"]):
        app.accept_pairing(actor_id=member, pairing_id=pairing)
        app.acknowledge_agreement(actor_id=member, pairing_id=pairing)
    app.log_session(
        actor_id=people["mia"],
        pairing_id=pairing,
        held_on=date(2026, 2, 2),
        minutes=45,
        format="virtual",
    )
    app.close_pairing(actor_id=people["abe"], pairing_id=pairing, reason="Done")
    mentor_id = enrollment_id(history.cohort, people["mia"])
    assert app.repository.get(mentor_id).load == 0
    assert actors(app, mentor_id)[-1] == people["abe"]
    # The slot taken by the old release is free for the same two people again.
    again = app.propose_pairing(
        actor_id=people["cora"],
        cohort_id=history.cohort,
        format="one-on-one",
        members={people["mia"]: "mentor", people["abe"]: "mentee"},
    ).id
    slot = app.repository.get(pair_slot_id([str(people["mia"]), str(people["abe"])]))
    assert slot.pairing_id == again
    assert actors(app, slot.id) == [OPERATOR, people["abe"], people["cora"]]


def test_old_survey_answers_count_and_cannot_be_given_twice(any_services, history):
    app, people, cohort = any_services.app, history.people, history.cohort
    ask = dict(cohort_id=cohort, occasion="mid-cycle", sentiment=3, value=4)
    with pytest.raises(Conflict, match="already answered"):
        app.answer_survey(actor_id=people["abe"], **ask)
    app.answer_survey(actor_id=people["cal"], **ask)
    any_services.runner.catch_up()
    summary = any_services.feedback.survey_summary(cohort, "mid-cycle")
    assert (summary.answers, summary.sentiment, summary.value) == (3, 3.0, 4.0)
    assert summary.comments == ["Answer 2", "Answer 4"]


def test_old_events_are_projected_with_their_actor(any_services, history):
    people = history.people
    any_services.runner.catch_up()
    [thanks] = any_services.feedback.recognitions(receiver_id=people["abe"])
    assert (thanks.giver_handle, thanks.message) == (
        "mia",
        "Thanks for the *great* demo",
    )
    notes = any_services.pairings.private_notes(people["mia"], history.pairing)
    assert [note for _, note, _ in notes] == ["Abe wants to lead a review."]
    [summary] = any_services.pairings.history_of_person(people["abe"])
    assert (summary.id, summary.status) == (str(history.pairing), "proposed")
    index = any_services.read_models.tables["audit_events"]
    with any_services.engines.reader.connect() as conn:
        rows = conn.execute(select(index.c.event_type, index.c.actor_id)).all()
        old = conn.execute(
            select(index.c.event_type, index.c.actor_id)
            .where(index.c.position.in_(history.old_positions))
            .order_by(index.c.position)
        ).all()
    assert all(actor for _, actor in rows)
    mia, abe, bea = (str(people[h]) for h in ("mia", "abe", "bea"))
    assert old == [
        ("Pairing.Proposed", str(people["cora"])),
        ("PairSlot.SlotTaken", str(OPERATOR)),
        ("Enrollment.PairingJoined", str(OPERATOR)),
        ("Enrollment.PairingJoined", str(OPERATOR)),
        ("Recognition.RecognitionGiven", mia),
        ("SurveyResponse.SurveyAnswered", abe),
        ("SurveyResponse.SurveyAnswered", bea),
        ("PrivateNote.PrivateNoteWritten", mia),
    ]


def test_a_rebuild_over_old_and_new_events_gives_the_same_read_models(
    any_services, history
):
    people = history.people
    any_services.app.recognize(
        actor_id=people["abe"], receiver_id=people["mia"], message="Likewise!"
    )
    any_services.runner.catch_up()
    projected = dump(any_services)
    assert len(projected["tables"]["recognitions"]) == 2
    any_services.rebuild()
    assert dump(any_services) == projected
