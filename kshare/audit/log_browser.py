"""The auditors' event log browser and the history of one aggregate.

A page of the log is found on the event index (``audit_events``, indexed
by type, aggregate, actor and time) and only that page's payloads are read
from the event store, so a page costs the same at a hundred events or a
hundred thousand. A history replays one aggregate's events, as loading it
would, keeping its state after each version.
"""

from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy import func, select

from ..eventlog import EventLog
from ..projections.sql.engine import SqlEngines
from ..projections.sql.group import SqlReadModels
from ..projections.sql.reader import SqlReader
from .diffs import changes
from .log_pages import (
    NEWEST,
    ORDERS,
    PER_PAGE,
    AggregateHistory,
    AuditEvent,
    AuditFilters,
    EventPage,
    Version,
)
from .values import event_from_row, event_from_store, state_of

SPAN = 200  # positions this close together are read from the store at once


class SqlAuditLog(SqlReader):
    def __init__(
        self, engines: SqlEngines, read_models: SqlReadModels, log: EventLog
    ) -> None:
        super().__init__(engines, read_models)
        self.log = log
        self.index, self.people = self.t["audit_events"], self.t["participants"]

    def events(
        self,
        filters: AuditFilters | None = None,
        order: str = NEWEST,
        page: int = 1,
        per_page: int = PER_PAGE,
        cursor: int | None = None,
    ) -> EventPage:
        """One page of events, from ``page`` or after the position ``cursor``."""
        if order not in ORDERS:
            raise ValueError(f"order is one of {ORDERS}")
        where = self._conditions(filters or AuditFilters())
        position = self.index.c.position
        beyond = [] if cursor is None else [_beyond(position, order, cursor)]
        statement = (
            self._listing()
            .where(*where, *beyond)
            .order_by(position.desc() if order == NEWEST else position)
            .limit(per_page + 1)
            .offset(0 if cursor is not None else (page - 1) * per_page)
        )
        counting = select(func.count()).select_from(self.index).where(*where)
        with self.engine.connect() as conn:
            rows = conn.execute(statement).all()
            total = conn.execute(counting).scalar_one()
        events = self._with_payloads(rows[:per_page])
        shown_page = None if cursor is not None else page
        return EventPage(
            events, total, shown_page, per_page, order, len(rows) > per_page
        )

    def history(self, aggregate_id: str) -> AggregateHistory | None:
        """Every version of one aggregate, its state and changes; None if unknown."""
        try:
            originator = UUID(str(aggregate_id))
        except ValueError:
            return None
        stored = self.log.stored_events(originator)
        if not stored:
            return None
        indexed = {
            row.version: row
            for row in self._rows(
                self._listing().where(self.index.c.aggregate_id == str(originator))
            )
        }
        aggregate, before, versions = None, None, []
        for record in stored:
            event = self._decoded(record)
            if event is None:
                break
            aggregate = event.mutate(aggregate)
            state, hidden = state_of(aggregate)
            row = indexed.get(event.originator_version)
            found = [] if before is None else changes(before, state)
            versions.append(Version(event_from_store(event, row), state, hidden, found))
            before = state
        return _history(str(originator), versions, stored, indexed)

    def _listing(self):
        return select(self.index, self.people.c.handle).outerjoin(
            self.people, self.people.c.id == self.index.c.actor_id
        )

    def _conditions(self, filters: AuditFilters) -> list:
        c, where = self.index.c, []
        if filters.event_type:
            column = c.event_type if "." in filters.event_type else c.aggregate_type
            where.append(column == filters.event_type)
        if filters.aggregate_id:
            where.append(c.aggregate_id == filters.aggregate_id)
        if filters.actor_id:
            where.append(c.actor_id == filters.actor_id)
        if filters.since:
            where.append(c.occurred_at >= _utc(filters.since))
        if filters.before:
            where.append(c.occurred_at < _utc(filters.before))
        return where

    def _with_payloads(self, rows) -> list[AuditEvent]:
        stored = self._stored([row.position for row in rows])
        return [
            event_from_row(row, self._decoded(stored.get(row.position))) for row in rows
        ]

    def _decoded(self, record):
        """The domain event, or None if missing or unreadable (a changed ciphertext)."""
        if record is None:
            return None
        try:
            return self.log.decode(record)
        except Exception:  # kshare audit verify names what changed
            return None

    def _stored(self, positions: list[int]) -> dict:
        """The notifications at these positions, nearby ones read in one query."""
        found, wanted = {}, set(positions)
        for low, high in _spans(sorted(wanted)):
            for n in self.log.notifications(after=low - 1, upto=high):
                if n.id in wanted:
                    found[n.id] = n
        return found


def _history(aggregate_id: str, versions, stored, indexed) -> AggregateHistory:
    unreadable = None if len(versions) == len(stored) else len(versions) + 1
    if versions:
        kind = versions[0].event.aggregate_type
    else:  # not even its first event can be read: name it from the index
        kind = next((r.aggregate_type for r in indexed.values()), "Unknown")
    return AggregateHistory(aggregate_id, kind, versions, unreadable)


def _utc(moment: datetime) -> datetime:
    """In UTC, as the index stores times (a naive moment is taken as UTC)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _beyond(position, order: str, cursor: int):
    return position < cursor if order == NEWEST else position > cursor


def _spans(positions: list[int]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for p in positions:
        if spans and p - spans[-1][0] < SPAN:
            spans[-1] = (spans[-1][0], p)
        else:
            spans.append((p, p))
    return spans
