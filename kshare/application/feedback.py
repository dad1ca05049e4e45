"""Commands of surveys and recognition."""

from uuid import UUID

from ..domain.cohorts import Cohort, Enrollment, enrollment_id
from ..domain.errors import Invalid, NotFound
from ..domain.feedback import Recognition, SurveyResponse
from ..domain.participants import Participant
from .base import RACE, Base, Receipt

ANSWERED = "You already answered this survey."


class FeedbackCommands(Base):
    def answer_survey(
        self,
        *,
        actor_id: UUID,
        cohort_id: UUID,
        occasion: str,
        sentiment: int,
        value: int,
        comment: str = "",
    ) -> Receipt:
        """Answer a light survey (once per occasion) as a member of the cohort."""
        actor = self._acting(actor_id)
        cohort = self._get(cohort_id, Cohort, "cohort", to_change=False)
        try:
            self._get(
                enrollment_id(cohort.id, actor.id),
                Enrollment,
                "enrollment",
                to_change=False,
            )
        except NotFound:
            raise Invalid("Surveys are answered by the cohort's members.") from None
        response = SurveyResponse.answer(
            cohort_id=cohort.id,
            participant_id=actor.id,
            occasion=occasion,
            sentiment=sentiment,
            value=value,
            comment=comment,
            actor_id=actor.id,
        )
        return Receipt(response.id, self._save(response, conflict=ANSWERED))

    def recognize(self, *, actor_id: UUID, receiver_id: UUID, message: str) -> Receipt:
        """Give someone a public recognition token with a message."""
        actor = self._acting(actor_id)
        receiver = self._get(receiver_id, Participant, "participant", to_change=False)
        token = Recognition.give(
            giver_id=actor.id,
            receiver_id=receiver.id,
            message=message,
            actor_id=actor.id,
        )
        return Receipt(token.id, self._save(token, conflict=RACE))
