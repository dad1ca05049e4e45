"""Moments: what people type for "as of", and the log position it means.

A moment is a UTC instant. A date alone means the end of that day (or now,
for today): "as of 1 March" includes what happened on 1 March. The program
as it stood at a moment is the log up to the last event stamped at or
before it. The demo and live use stamp events in log order, so that is
exactly "every event up to then"; should stamps ever go backwards (clocks
of several writers), the position still wins: everything recorded before
that last event is included, whatever its stamp.
"""

from datetime import UTC, date, datetime, time

from sqlalchemy import func, select

from ..domain.errors import Invalid
from ..projections.sql.reader import SqlReader, utc

FORMATS = "YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS] in UTC (or with a zone, e.g. +02:00)"


def parse_moment(text: str, now: datetime | None = None) -> datetime:
    """The UTC moment ``text`` names; Invalid if it is no date or in the future."""
    now = now or datetime.now(UTC)
    moment, whole_day = _read(text)
    if whole_day and moment.date() == now.date():
        return now  # today, so far
    if moment > now:
        raise Invalid(f"{describe(moment)} is in the future: pick a moment up to now.")
    return moment


def _read(text: str) -> tuple[datetime, bool]:
    """The moment ``text`` names, and whether it named a whole day (its end)."""
    text = (text or "").strip()
    if not text:
        raise Invalid(f"Give a date: {FORMATS}.")
    try:
        if len(text) == len("2026-03-01"):
            return datetime.combine(date.fromisoformat(text), time.max, UTC), True
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise Invalid(f"{text!r} is not a date: use {FORMATS}.") from None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC), False
    return moment.astimezone(UTC), False


def describe(moment: datetime) -> str:
    """A moment as people read it: ``1 Mar 2026, 23:59:59 UTC``."""
    return moment.astimezone(UTC).strftime("%-d %b %Y, %H:%M:%S UTC")


class SqlMoments(SqlReader):
    """Finds positions by time in the event index (table ``audit_events``)."""

    def position_at(self, moment: datetime) -> int:
        """The position of the last event stamped at or before ``moment``."""
        e = self.t["audit_events"]
        at = moment.astimezone(UTC)
        position, first = self._rows(
            select(
                select(func.max(e.c.position))
                .where(e.c.occurred_at <= at)
                .scalar_subquery(),
                select(func.min(e.c.occurred_at)).scalar_subquery(),
            )
        )[0]
        if first is None:
            raise Invalid("The log is empty: there is no past to see yet.")
        if position is None:
            raise Invalid(
                f"{describe(moment)} is before the first event of the log "
                f"({describe(utc(first))}): pick a later moment."
            )
        return position

    def first_stamp(self) -> datetime | None:
        """When the first event of the log was stamped (None: the log is empty)."""
        e = self.t["audit_events"]
        first = self._rows(select(func.min(e.c.occurred_at)))[0][0]
        return utc(first) if first else None
