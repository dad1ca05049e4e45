"""Reading the application's notification log as decoded domain events."""

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from eventsourcing.persistence import ApplicationRecorder, Mapper


@dataclass(frozen=True)
class Batch:
    events: list[tuple[int, Any]]  # (position, domain event), only the wanted topics
    last: int  # the position of the last notification read, wanted or not
    count: int  # how many notifications were read


class EventLog:
    def __init__(self, recorder: ApplicationRecorder, mapper: Mapper) -> None:
        self.recorder = recorder
        self.mapper = mapper

    def head(self) -> int:
        return self.recorder.max_notification_id() or 0

    def read(
        self,
        after: int,
        limit: int,
        topics: Collection[str],
        upto: int | None = None,
    ) -> Batch:
        """Up to ``limit`` notifications in (after, upto]; decode only ``topics``."""
        notifications = self.recorder.select_notifications(
            start=after, limit=limit, stop=upto, inclusive_of_start=False
        )
        decode = self.mapper.to_domain_event
        events = [(n.id, decode(n)) for n in notifications if n.topic in topics]
        last = notifications[-1].id if notifications else after
        return Batch(events, last, len(notifications))
