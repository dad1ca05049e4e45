"""What the event log browser returns: plain dataclasses, JSON-friendly values."""

from dataclasses import dataclass
from datetime import datetime
from math import ceil

from .diffs import Change

NEWEST, OLDEST = "newest", "oldest"
ORDERS = (NEWEST, OLDEST)
PER_PAGE = 50
LABELS = ("title", "name", "display_name", "slug", "handle")


@dataclass(frozen=True)
class AuditFilters:
    event_type: str | None = None  # "Post.Revised", or "Post" for all of its events
    aggregate_id: str | None = None
    actor_id: str | None = None
    since: datetime | None = None  # inclusive
    before: datetime | None = None  # exclusive


@dataclass(frozen=True)
class AuditEvent:
    position: int | None  # None while the event index has not caught up
    occurred_at: datetime
    event_type: str
    aggregate_type: str
    aggregate_id: str
    version: int
    actor_id: str | None
    actor_handle: str | None
    payload: dict
    redacted: tuple[str, ...]  # payload fields shown as redacted
    readable: bool = True  # False: the stored event cannot be decoded any more


@dataclass(frozen=True)
class EventPage:
    events: list[AuditEvent]
    total: int  # events matching the filters
    page: int | None  # None when read from a cursor
    per_page: int
    order: str
    has_next: bool

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.per_page))

    @property
    def next_cursor(self) -> int | None:
        return self.events[-1].position if self.has_next else None


@dataclass(frozen=True)
class Version:
    event: AuditEvent
    state: dict  # the aggregate after this event, confidential fields redacted
    hidden: tuple[str, ...]  # state fields shown as redacted
    changes: list[Change]  # against the version before (none for the first)


@dataclass(frozen=True)
class AggregateHistory:
    aggregate_id: str
    aggregate_type: str
    versions: list[Version]
    unreadable: int | None = None  # the first version that cannot be decoded

    @property
    def label(self) -> str:
        if not self.versions:
            return ""
        state = self.versions[-1].state
        names = (state.get(k) for k in LABELS if k not in self.versions[-1].hidden)
        return next((n for n in names if isinstance(n, str) and n), "")
