"""The time events are stamped with.

Events are stamped with the current UTC time. The demo seeder replays a
program that happened over past months, so it may set the time for the
events it creates with ``simulated_time``; nothing else does.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime

_simulated: ContextVar[datetime | None] = ContextVar("simulated_now", default=None)


def now() -> datetime:
    return _simulated.get() or datetime.now(UTC)


@contextmanager
def simulated_time(moment: datetime) -> Iterator[None]:
    token = _simulated.set(moment.astimezone(UTC))
    try:
        yield
    finally:
        _simulated.reset(token)


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
