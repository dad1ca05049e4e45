"""What a SQL read model declares, in its own module: its name, its tables and
the events it projects.

``registry.SQL_PROJECTORS`` lists them; table ownership, rebuild names, the
CLI's choices and the benchmarks all derive from these declarations.
"""

from collections.abc import Callable, Sequence

from sqlalchemy import Column, Connection, DateTime, Integer, MetaData, String, Table

TableBuilder = Callable[[MetaData, str], Table]  # (metadata, name with suffix)
Events = Sequence[tuple[int, object]]  # (position, domain event)


class SqlProjector:
    """One read model. Subclasses set the four declarations and ``apply``."""

    name: str  # its tracking row, and its name for `kshare rebuild`
    area: str  # what it serves: "people", "library", "program" or "audit"
    tables: dict[str, TableBuilder]  # the tables it alone writes
    events: tuple[type, ...]  # the event classes it handles

    def apply(self, conn: Connection, tables: dict[str, Table], events: Events) -> None:
        """Project a batch of this model's events into ``tables`` (every table,
        by name, under the names this group gave them)."""
        raise NotImplementedError


def when(name: str, **options) -> Column:
    """A moment, stored with its time zone."""
    return Column(name, DateTime(timezone=True), **options)


def tracking_table(metadata: MetaData) -> Table:
    """Each read model's position in the log, committed with its rows."""
    return Table(
        "projection_tracking",
        metadata,
        Column("name", String(64), primary_key=True),
        Column("position", Integer, nullable=False),
    )
