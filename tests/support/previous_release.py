"""Events stored exactly as the previous release wrote them (version 1 shapes).

That release stored the transcoded state of each event with no
``class_version`` key (the library writes one only from version 2 on),
and the events bumped since then had no ``actor_id``. Topics are spelled
out as strings, as they sit in a real store, so a renamed class fails here
as it would on a real site.
"""

from datetime import UTC, datetime
from uuid import UUID, uuid4

from eventsourcing.persistence import StoredEvent

from kshare.domain.cohorts import enrollment_id
from kshare.domain.feedback import survey_response_id
from kshare.domain.pairings import pair_slot_id

FEEDBACK, PAIRINGS = "kshare.domain.feedback", "kshare.domain.pairings"
COHORTS = "kshare.domain.cohorts"


def stored(app, topic: str, originator_id: UUID, version: int, **state) -> StoredEvent:
    """One event as the mapper of that release turned it into a stored event."""
    encoded = app.mapper.transcoder.encode({"timestamp": datetime.now(UTC), **state})
    if app.mapper.compressor:
        encoded = app.mapper.compressor.compress(encoded)
    if app.mapper.cipher:
        encoded = app.mapper.cipher.encrypt(encoded)
    return StoredEvent(
        originator_id=originator_id,
        originator_version=version,
        topic=topic,
        state=encoded,
    )


def created(app, aggregate: str, name: str, originator_id: UUID, **state):
    """The first event of an aggregate; ``aggregate`` is its topic."""
    topic = f"{aggregate}.{name}"
    return stored(app, topic, originator_id, 1, originator_topic=aggregate, **state)


class PreviousRelease:
    """Gives commands the way the previous release recorded them."""

    def __init__(self, app) -> None:
        self.app = app

    def save(self, *events: StoredEvent) -> int:
        """Append in one transaction, as a command did; return the last position."""
        self.app.recorder.insert_events(list(events))
        return self.app.recorder.max_notification_id()

    def recognize(self, giver: UUID, receiver: UUID, message: str) -> UUID:
        token = uuid4()
        self.save(
            created(
                self.app,
                f"{FEEDBACK}:Recognition",
                "RecognitionGiven",
                token,
                giver_id=giver,
                receiver_id=receiver,
                message=message,
            )
        )
        return token

    def answer_survey(self, cohort: UUID, person: UUID, sentiment: int, value: int):
        response = survey_response_id(cohort, person, "mid-cycle")
        self.save(
            created(
                self.app,
                f"{FEEDBACK}:SurveyResponse",
                "SurveyAnswered",
                response,
                cohort_id=cohort,
                participant_id=person,
                occasion="mid-cycle",
                sentiment=sentiment,
                value=value,
                comment=f"Answer {sentiment}",
            )
        )
        return response

    def propose_pairing(self, cohort: UUID, mentor: UUID, mentee: UUID, by: UUID):
        """A one-on-one pairing, its slot and both members' counts, together."""
        pairing = uuid4()
        members = {str(mentor): "mentor", str(mentee): "mentee"}
        events = [
            created(
                self.app,
                f"{PAIRINGS}:Pairing",
                "Proposed",
                pairing,
                cohort_id=cohort,
                format="one-on-one",
                members=members,
                agreement={"confidentiality": "Stays in the session."},
                requested=False,
                actor_id=by,  # Pairing events named their actor already
            ),
            created(
                self.app,
                f"{PAIRINGS}:PairSlot",
                "SlotTaken",
                pair_slot_id(members),
                members=sorted(members),
                pairing_id=pairing,
            ),
        ]
        for person, mentees in ((mentor, 1), (mentee, 0)):
            enrollment = enrollment_id(cohort, person)
            version = self.app.repository.get(enrollment).version + 1
            events.append(
                stored(
                    self.app,
                    f"{COHORTS}:Enrollment.PairingJoined",
                    enrollment,
                    version,
                    pairing_id=str(pairing),
                    mentees=mentees,
                )
            )
        self.save(*events)
        return pairing

    def write_private_note(self, author: UUID, pairing: UUID, note: str) -> UUID:
        written = uuid4()
        self.save(
            created(
                self.app,
                f"{PAIRINGS}:PrivateNote",
                "PrivateNoteWritten",
                written,
                author_id=author,
                pairing_id=pairing,
                session_id=str(uuid4()),
                note=note,
            )
        )
        return written
