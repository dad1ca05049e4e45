"""The SQL read models as one tracked group.

Each projection has its own tracking row. One batch is one transaction:
the rows of every projection and their tracking positions commit together,
and a tracking row only moves from the position this batch read
(compare-and-set), so a second runner or a rebuild swap makes a batch roll
back and start again instead of applying events twice.
"""

import secrets
from collections.abc import Sequence

from eventsourcing.utils import get_topic
from sqlalchemy import Connection, MetaData, Table, inspect, select, text
from sqlalchemy.schema import CreateTable

from .engine import SqlEngines
from .projector import SqlProjector, tracking_table
from .registry import projectors

Shape = tuple[frozenset, frozenset] | None  # (columns, indexes) of a table


def _declared(table: Table) -> Shape:
    indexes = frozenset(tuple(c.name for c in i.columns) for i in table.indexes)
    return frozenset(table.c.keys()), indexes


def _shape(inspector, table: Table) -> Shape:
    """The columns and indexes (by their columns) of a table as stored, if any."""
    if not inspector.has_table(table.name):
        return None
    columns = frozenset(c["name"] for c in inspector.get_columns(table.name))
    indexes = frozenset(
        tuple(i["column_names"]) for i in inspector.get_indexes(table.name)
    )
    return columns, indexes


def _doubled(before: int, after: int) -> bool:
    """Whether the position passed a power of two (1,024 or more)."""
    return after >= 1024 and after.bit_length() > max(before, 1).bit_length()


class StaleTracking(Exception):
    """Someone else moved a tracking position during this batch."""


class SqlReadModels:
    def __init__(
        self,
        engines: SqlEngines,
        projections: Sequence[SqlProjector] | None = None,
        *,
        suffix: str = "",
    ) -> None:
        self.engines = engines
        self.projections = list(projections or projectors())
        self.suffix = suffix
        self.metadata = MetaData()
        self.tables = {
            name: build(self.metadata, name + suffix)
            for p in self.projections
            for name, build in p.tables.items()
        }
        self.tracking = tracking_table(self.metadata)
        self.topics = frozenset(
            get_topic(c) for p in self.projections for c in p.events
        )
        self._kinds = {p.name: frozenset(p.events) for p in self.projections}
        self.analyze_as_it_grows = True  # see ``analyze``
        # A set built aside for a rebuild keeps its positions in memory.
        self._aside_positions = (
            {p.name: 0 for p in self.projections} if suffix else None
        )

    def owned_tables(self) -> list:
        return list(self.tables.values())

    def create(self, *, indexes: bool = True) -> None:
        """Create the tables that are missing. A build from scratch leaves
        the indexes out until its rows are in (see ``indexed``)."""
        if not self.suffix:
            self._restart_reshaped()
        tables = self.owned_tables() + ([] if self.suffix else [self.tracking])
        if indexes:
            self.metadata.create_all(self.engines.writer, tables=tables)
            return
        with self.engines.writer.begin() as conn:
            for table in tables:
                conn.execute(CreateTable(table, if_not_exists=True))

    def indexed(self) -> None:
        """Index tables built aside, once their rows are in: building an index
        in one go is much cheaper than keeping it up to date row by row."""
        with self.engines.writer.begin() as conn:
            for table in self.owned_tables():
                for index in table.indexes:
                    index.create(conn)

    def _restart_reshaped(self) -> None:
        """Start a read model over when its tables are not the ones declared.

        A release that adds a column, an index or a table to a read model
        would otherwise meet the old tables: their rows are dropped and the
        model's position goes back to 0, so the runner projects it again from
        the start of the log (the others keep theirs).
        """
        with self.engines.writer.begin() as conn:
            inspector = inspect(conn)
            for projection in self.projections:
                tables = [self.tables[name] for name in projection.tables]
                stored = [_shape(inspector, table) for table in tables]
                if not any(stored) or stored == [_declared(t) for t in tables]:
                    continue
                for table in tables:
                    table.drop(conn, checkfirst=True)
                if inspector.has_table(self.tracking.name):
                    conn.execute(
                        self.tracking.delete().where(
                            self.tracking.c.name == projection.name
                        )
                    )

    def positions(self, conn: Connection | None = None) -> dict[str, int]:
        if self._aside_positions is not None:
            return dict(self._aside_positions)
        if conn is None:
            with self.engines.reader.connect() as conn:
                return self.positions(conn)
        stored = dict(
            conn.execute(select(self.tracking.c.name, self.tracking.c.position)).all()
        )
        return {p.name: stored.get(p.name, 0) for p in self.projections}

    def position(self) -> int:
        return min(self.positions().values())

    def apply(self, events: Sequence[tuple[int, object]], upto: int) -> None:
        """Project one batch and move the tracking positions to ``upto``, atomically."""
        with self.engines.writer.begin() as conn:
            positions = self.positions(conn)
            for projection in self.projections:
                after, kinds = positions[projection.name], self._kinds[projection.name]
                mine = [(p, e) for p, e in events if p > after and type(e) in kinds]
                if mine:
                    projection.apply(conn, self.tables, mine)
            self._advance(conn, positions, upto)
        if self._aside_positions is not None:
            self._aside_positions = {
                name: max(p, upto) for name, p in positions.items()
            }
        elif self.analyze_as_it_grows and _doubled(min(positions.values()), upto):
            self.analyze()

    def analyze(self) -> None:
        """Give the database's query planner fresh statistics of the tables.

        Without them SQLite guesses, and at 100,000 posts it guessed wrong
        for the lesson of the week (a range scan and a sort of every lesson,
        150 ms, instead of the first entry of an index). The live group
        analyzes each time the log it has projected doubles (from 1,024
        events on), a rebuild once its tables are in.
        """
        with self.engines.writer.begin() as conn:
            for table in self.owned_tables():
                conn.execute(text(f'ANALYZE "{table.name}"'))

    def _advance(self, conn: Connection, positions: dict[str, int], upto: int) -> None:
        if self._aside_positions is not None:
            return
        for name, old in positions.items():
            if old >= upto:
                continue
            moved = conn.execute(
                self.tracking.update()
                .where(self.tracking.c.name == name, self.tracking.c.position == old)
                .values(position=upto)
            ).rowcount
            if not moved and old == 0:
                conn.execute(self.tracking.insert().values(name=name, position=upto))
            elif not moved:
                raise StaleTracking(name)

    # -- rebuilding aside, then swapping -----------------------------------

    def aside(self, names: Sequence[str] | None = None) -> "SqlReadModels":
        """A fresh, empty copy of some projections under new table names."""
        chosen = [p for p in self.projections if names is None or p.name in names]
        copy = SqlReadModels(self.engines, chosen, suffix=f"__r{secrets.token_hex(4)}")
        copy.create(indexes=False)
        return copy

    def replace_with(self, aside: "SqlReadModels") -> None:
        """Swap the tables built aside in, with their positions, in one transaction."""
        with self.engines.writer.begin() as conn:
            for projection in aside.projections:
                for table in projection.tables:
                    conn.execute(text(f'DROP TABLE IF EXISTS "{table}"'))
                    conn.execute(
                        text(f'ALTER TABLE "{table}{aside.suffix}" RENAME TO "{table}"')
                    )
                position = aside._aside_positions[projection.name]
                conn.execute(
                    self.tracking.delete().where(
                        self.tracking.c.name == projection.name
                    )
                )
                conn.execute(
                    self.tracking.insert().values(
                        name=projection.name, position=position
                    )
                )

    def drop(self) -> None:
        """Remove tables built aside (after a failed rebuild)."""
        self.metadata.drop_all(self.engines.writer, tables=self.owned_tables())
