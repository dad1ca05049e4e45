"""The event log below the application: the only code that reads or writes the
event store other than through ``eventsourcing``'s repository.

``EventLog`` reads the log in batches of domain events, as digests of the
stored states (for seals), and writes rows at given positions (for an
import); ``PostgresWakeup`` is woken by every append on PostgreSQL.
"""

from .log import Batch, EventLog
from .positional import ImportRefused, Row
from .wakeup import PostgresWakeup

__all__ = ["Batch", "EventLog", "ImportRefused", "PostgresWakeup", "Row"]
