"""Every event carries a version, and older shapes are upcast when read."""

import dataclasses
from uuid import uuid4

import pytest
from support.previous_release import created, stored

from kshare.domain.cohorts import Enrollment
from kshare.domain.events import event_classes, event_name
from kshare.domain.feedback import Recognition, SurveyResponse
from kshare.domain.ids import OPERATOR
from kshare.domain.pairings import PairSlot, PrivateNote

EVENTS = event_classes()


@pytest.mark.parametrize("cls", EVENTS, ids=event_name)
def test_every_event_class_has_a_version_and_records_who_acted(cls):
    assert isinstance(cls.class_version, int) and cls.class_version >= 1
    assert "actor_id" in {f.name for f in dataclasses.fields(cls)}


@pytest.mark.parametrize("cls", EVENTS, ids=event_name)
def test_each_version_after_the_first_has_an_upcaster_for_every_step(cls):
    steps = [f"upcast_v{n}_v{n + 1}" for n in range(1, cls.class_version)]
    missing = [step for step in steps if not callable(getattr(cls, step, None))]
    assert not missing, f"{event_name(cls)} lacks {', '.join(missing)}"


@pytest.mark.parametrize(
    ("cls", "named"),
    [
        (Recognition.RecognitionGiven, "giver_id"),
        (SurveyResponse.SurveyAnswered, "participant_id"),
        (PrivateNote.PrivateNoteWritten, "author_id"),
    ],
    ids=lambda value: event_name(value) if isinstance(value, type) else value,
)
def test_a_v1_event_is_given_the_person_it_names_as_its_actor(cls, named):
    person = uuid4()
    state = {named: person, "message": "kept as it was"}
    cls.upcast_v1_v2(state)
    assert state == {named: person, "message": "kept as it was", "actor_id": person}


@pytest.mark.parametrize(
    "cls",
    [
        PairSlot.SlotTaken,
        PairSlot.SlotTakenAgain,
        PairSlot.SlotFreed,
        Enrollment.PairingJoined,
        Enrollment.PairingLeft,
    ],
    ids=event_name,
)
def test_a_v1_bookkeeping_event_is_given_the_operator_as_its_actor(cls):
    pairing = str(uuid4())
    state = {"pairing_id": pairing}
    cls.upcast_v1_v2(state)
    assert state == {"pairing_id": pairing, "actor_id": OPERATOR}


def test_a_stored_v1_event_is_read_as_v2_and_stored_again_as_v2(app):
    giver, receiver = uuid4(), uuid4()
    old = created(
        app,
        "kshare.domain.feedback:Recognition",
        "RecognitionGiven",
        uuid4(),
        giver_id=giver,
        receiver_id=receiver,
        message="Thanks",
    )
    event = app.mapper.to_domain_event(old)
    assert type(event) is Recognition.RecognitionGiven
    assert (event.giver_id, event.receiver_id, event.actor_id) == (
        giver,
        receiver,
        giver,
    )
    again = app.mapper.to_stored_event(event)
    assert again.topic == old.topic
    assert app.mapper.transcoder.decode(again.state)["class_version"] == 2
    assert vars(app.mapper.to_domain_event(again)) == vars(event)


def test_events_of_unchanged_classes_are_stored_exactly_as_before(app, people):
    [registered] = app.events.get(people.alice, lte=1)
    record = app.mapper.to_stored_event(registered)
    state = {
        k: v
        for k, v in vars(registered).items()
        if k not in ("originator_id", "originator_version")
    }
    assert record.state == stored(app, record.topic, people.alice, 1, **state).state
    assert "class_version" not in app.mapper.transcoder.decode(record.state)
