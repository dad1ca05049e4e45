"""Light surveys and peer recognition."""

from uuid import UUID, uuid4

from eventsourcing.domain import event

from . import text
from .aggregate import KAggregate
from .errors import Invalid
from .ids import natural_id
from .upcasting import actor_was

OCCASIONS = ("mid-cycle", "close")  # and "milestone:<milestone id>"
MIN_ANSWERS_SHOWN = 3  # answers are shown only in aggregate, from this many


def checked_occasion(occasion: str) -> str:
    if occasion in OCCASIONS or occasion.startswith("milestone:"):
        return occasion
    raise Invalid("A survey is for mid-cycle, close, or milestone:<id>.")


def survey_response_id(cohort_id: UUID, participant_id: UUID, occasion: str) -> UUID:
    return natural_id("survey", cohort_id, participant_id, occasion)


def _rating(value: int, label: str) -> int:
    if not isinstance(value, int) or not 1 <= value <= 5:
        raise Invalid(f"{label} is a number from 1 to 5.")
    return value


class SurveyResponse(KAggregate):
    """One person's answer on one occasion; a second answer conflicts."""

    @staticmethod
    def create_id(cohort_id: UUID, participant_id: UUID, occasion: str) -> UUID:
        return survey_response_id(cohort_id, participant_id, occasion)

    @classmethod
    def answer(
        cls,
        *,
        cohort_id: UUID,
        participant_id: UUID,
        occasion: str,
        sentiment: int,
        value: int,
        comment: str,
        actor_id: UUID,
    ) -> "SurveyResponse":
        return cls(
            cohort_id=cohort_id,
            participant_id=participant_id,
            occasion=checked_occasion(occasion),
            sentiment=_rating(sentiment, "Sentiment"),
            value=_rating(value, "Perceived value"),
            comment=text.optional(comment, "A comment", maximum=2000),
            actor_id=actor_id,
        )

    class SurveyAnswered(KAggregate.Created):
        cohort_id: UUID
        participant_id: UUID
        occasion: str
        sentiment: int
        value: int
        comment: str
        actor_id: UUID

        class_version = 2  # v2 records the actor
        upcast_v1_v2 = staticmethod(actor_was("participant_id"))

    @event(SurveyAnswered)
    def __init__(
        self,
        *,
        cohort_id: UUID,
        participant_id: UUID,
        occasion: str,
        sentiment: int,
        value: int,
        comment: str,
        actor_id: UUID,
    ) -> None:
        self.cohort_id = cohort_id
        self.occasion = occasion


class Recognition(KAggregate):
    """A peer recognition token: public thanks, with a message."""

    @staticmethod
    def create_id() -> UUID:
        return uuid4()

    @classmethod
    def give(
        cls, *, giver_id: UUID, receiver_id: UUID, message: str, actor_id: UUID
    ) -> "Recognition":
        if giver_id == receiver_id:
            raise Invalid("Recognition is for someone else.")
        return cls(
            giver_id=giver_id,
            receiver_id=receiver_id,
            message=text.required(message, "A message", maximum=500),
            actor_id=actor_id,
        )

    class RecognitionGiven(KAggregate.Created):
        giver_id: UUID
        receiver_id: UUID
        message: str
        actor_id: UUID

        class_version = 2  # v2 records the actor
        upcast_v1_v2 = staticmethod(actor_was("giver_id"))

    @event(RecognitionGiven)
    def __init__(
        self, *, giver_id: UUID, receiver_id: UUID, message: str, actor_id: UUID
    ) -> None:
        self.giver_id = giver_id
        self.receiver_id = receiver_id
