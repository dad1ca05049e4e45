"""Lesson of the week: one featured lesson per ISO week."""

import re
from datetime import date
from uuid import UUID

from eventsourcing.domain import event

from . import text
from .aggregate import KAggregate
from .errors import Invalid
from .ids import weekly_feature_id

WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def checked_week(week: str) -> str:
    match = WEEK.match((week or "").strip())
    if match:
        year, number = int(match[1]), int(match[2])
        try:
            date.fromisocalendar(year, number, 1)
        except ValueError:
            pass
        else:
            return f"{year}-W{number:02d}"
    raise Invalid(f"{week!r} is not an ISO week such as 2026-W48.")


class WeeklyFeature(KAggregate):
    """The lesson a coordinator featured for one ISO week; the week is its id."""

    @staticmethod
    def create_id(week: str) -> UUID:
        return weekly_feature_id(week)

    @classmethod
    def feature(
        cls, *, week: str, post_id: UUID, note: str, actor_id: UUID
    ) -> "WeeklyFeature":
        return cls(
            week=checked_week(week),
            post_id=post_id,
            note=text.required(note, "A note on why this lesson", maximum=500),
            actor_id=actor_id,
        )

    @event("LessonFeatured")
    def __init__(self, *, week: str, post_id: UUID, note: str, actor_id: UUID) -> None:
        self.week = week
        self.post_id = post_id
        self.note = note
