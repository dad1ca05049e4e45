"""Survey results in aggregate only, recognition, and development credits."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from ...domain.feedback import MIN_ANSWERS_SHOWN
from .reader import SqlReader, utc


@dataclass(frozen=True)
class SurveySummary:
    occasion: str
    answers: int
    sentiment: float | None = None  # averages, only from MIN_ANSWERS_SHOWN answers
    value: float | None = None
    sentiment_counts: dict[int, int] = field(default_factory=dict)
    value_counts: dict[int, int] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)  # without names, sorted

    @property
    def shown(self) -> bool:
        return self.answers >= MIN_ANSWERS_SHOWN


@dataclass(frozen=True)
class RecognitionView:
    giver_handle: str
    giver_name: str
    receiver_handle: str
    receiver_name: str
    message: str
    at: datetime


class SqlFeedbackQueries(SqlReader):
    def survey_summary(self, cohort_id: str, occasion: str) -> SurveySummary:
        """Answers in aggregate; below MIN_ANSWERS_SHOWN answers, only their count."""
        s = self.t["survey_responses"]
        rows = self._rows(
            select(s.c.sentiment, s.c.value, s.c.comment).where(
                s.c.cohort_id == str(cohort_id), s.c.occasion == occasion
            )
        )
        if len(rows) < MIN_ANSWERS_SHOWN:
            return SurveySummary(occasion, len(rows))
        sentiments, values = [r.sentiment for r in rows], [r.value for r in rows]
        return SurveySummary(
            occasion,
            len(rows),
            sentiment=round(sum(sentiments) / len(rows), 2),
            value=round(sum(values) / len(rows), 2),
            sentiment_counts=dict(sorted(Counter(sentiments).items())),
            value_counts=dict(sorted(Counter(values).items())),
            comments=sorted(r.comment for r in rows if r.comment),
        )

    def has_answered(self, cohort_id: str, participant_id: str, occasion: str) -> bool:
        s = self.t["survey_responses"]
        found = self._rows(
            select(func.count()).where(
                s.c.cohort_id == str(cohort_id),
                s.c.occasion == occasion,
                s.c.participant_id == str(participant_id),
            )
        )
        return bool(found[0][0])

    def recognitions(
        self, *, receiver_id: str | None = None, limit: int = 20
    ) -> list[RecognitionView]:
        """Recognition tokens, newest first (everyone's, or one person's)."""
        r, giver, receiver = (
            self.t["recognitions"],
            aliased(self.t["participants"]),
            aliased(self.t["participants"]),
        )
        statement = (
            select(
                giver.c.handle,
                giver.c.display_name,
                receiver.c.handle,
                receiver.c.display_name,
                r.c.message,
                r.c.at,
            )
            .select_from(
                r.join(giver, giver.c.id == r.c.giver_id).join(
                    receiver, receiver.c.id == r.c.receiver_id
                )
            )
            .order_by(r.c.at.desc(), r.c.id)
            .limit(limit)
        )
        if receiver_id:
            statement = statement.where(r.c.receiver_id == str(receiver_id))
        return [RecognitionView(*row[:5], utc(row[5])) for row in self._rows(statement)]

    def mentoring_hours(self, participant_id: str) -> float:
        """Development credits: hours of sessions in this person's pairings."""
        m, s = self.t["pairing_members"], self.t["pairing_sessions"]
        minutes = self._rows(
            select(func.coalesce(func.sum(s.c.minutes), 0))
            .select_from(s.join(m, m.c.pairing_id == s.c.pairing_id))
            .where(m.c.participant_id == str(participant_id))
        )[0][0]
        return round(int(minutes) / 60, 1)
