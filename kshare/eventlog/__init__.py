"""The event log below the application: the only code that reads or writes the
event store other than through ``eventsourcing``'s repository.

``EventLog`` reads the log in batches of domain events, as digests of the
stored states (for seals), and writes rows at given positions (for an
import); ``PostgresWakeup`` is woken by every append on PostgreSQL;
``ChangeWatch`` tells the application what was written since it last
looked, by any process, so its cache of aggregates stays fresh.
"""

from .freshness import ChangeWatch, watch_changes
from .log import Batch, EventLog
from .positional import ImportRefused, Row
from .wakeup import PostgresWakeup

__all__ = [
    "Batch",
    "ChangeWatch",
    "EventLog",
    "ImportRefused",
    "PostgresWakeup",
    "Row",
    "watch_changes",
]
