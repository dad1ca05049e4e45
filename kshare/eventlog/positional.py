"""Writing stored events at given positions, which the recorders never do.

An import must keep every event's position (the seals hash it), so it
writes the rows itself, in the recorder's own table through the recorder's
own datastore connection. SQLite's notification id is the table's rowid;
PostgreSQL's is a bigserial column, whose sequence each batch moves past
the positions it wrote, so the events saved after the import follow them.
"""

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID

import psycopg
from eventsourcing.persistence import ApplicationRecorder, PersistenceError
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder
from psycopg.sql import SQL, Composed, Identifier, Literal


class ImportRefused(Exception):
    """An import that would not give back the exported log; the message says why."""


@dataclass(frozen=True)
class Row:
    position: int
    originator_id: UUID
    version: int
    topic: str
    state: bytes  # plain for ``EventLog``; as the store keeps it once written


def log_rows(recorder: ApplicationRecorder) -> "SqliteLogRows | PostgresLogRows":
    if isinstance(recorder, SQLiteApplicationRecorder):
        return SqliteLogRows(recorder)
    if isinstance(recorder, PostgresApplicationRecorder):
        return PostgresLogRows(recorder)
    raise ImportRefused("Only the SQLite and PostgreSQL event stores can import a log.")


def _moved_on(found: int | None, after: int) -> ImportRefused:
    if not after:
        return ImportRefused(
            f"The event store is not empty (it holds events up to position {found})."
        )
    return ImportRefused(
        f"Someone else wrote to the event store during the import (it now ends at "
        f"position {found}, not {after}); stop every kshare process first."
    )


class SqliteLogRows:
    def __init__(self, recorder: SQLiteApplicationRecorder) -> None:
        self.datastore = recorder.datastore
        self.table = recorder.events_table_name

    def count(self, upto: int) -> int:
        with self.datastore.transaction(commit=False) as c:
            c.execute(f"SELECT COUNT(*) FROM {self.table} WHERE rowid <= ?", (upto,))
            return c.fetchone()[0]

    def insert(self, rows: Sequence[Row], after: int) -> None:
        """Insert ``rows`` in one transaction, if the log still ends at ``after``."""
        try:
            with self.datastore.transaction(commit=True) as c:
                c.execute(f"SELECT MAX(rowid) FROM {self.table}")
                found = c.fetchone()[0]
                if (found or 0) != after:
                    raise _moved_on(found, after)
                c.executemany(
                    f"INSERT INTO {self.table} (rowid, originator_id, "
                    "originator_version, topic, state) VALUES (?, ?, ?, ?, ?)",
                    [
                        (r.position, r.originator_id.hex, r.version, r.topic, r.state)
                        for r in rows
                    ],
                )
        except (sqlite3.Error, PersistenceError) as error:
            raise ImportRefused(
                f"The event store refused the events: {error}"
            ) from None


class PostgresLogRows:
    def __init__(self, recorder: PostgresApplicationRecorder) -> None:
        self.datastore = recorder.datastore
        self.table = SQL("{}.{}").format(
            Identifier(self.datastore.schema), Identifier(recorder.events_table_name)
        )
        self.sequence = SQL("pg_get_serial_sequence({}, 'notification_id')").format(
            Literal(f'"{self.datastore.schema}"."{recorder.events_table_name}"')
        )
        self.uuids = self.datastore.originator_id_type == "uuid"

    def count(self, upto: int) -> int:
        query = SQL("SELECT COUNT(*) AS n FROM {} WHERE notification_id <= %s")
        with self.datastore.transaction(commit=False) as c:
            c.execute(query.format(self.table), (upto,))
            return c.fetchone()["n"]

    def insert(self, rows: Sequence[Row], after: int) -> None:
        """Insert ``rows`` in one transaction, if the log still ends at ``after``."""
        try:
            with self.datastore.transaction(commit=True) as c:
                # The lock the recorder takes to append: writers wait for us.
                c.execute(SQL("LOCK TABLE {} IN EXCLUSIVE MODE").format(self.table))
                c.execute(
                    SQL("SELECT MAX(notification_id) AS n FROM {}").format(self.table)
                )
                found = c.fetchone()["n"]
                if (found or 0) != after:
                    raise _moved_on(found, after)
                c.executemany(self._insert(), [self._values(r) for r in rows])
                c.execute(
                    SQL("SELECT setval({}, %s)").format(self.sequence),
                    (rows[-1].position,),
                )
        except (psycopg.Error, PersistenceError) as error:
            raise ImportRefused(
                f"The event store refused the events: {error}"
            ) from None

    def _insert(self) -> Composed:
        return SQL(
            "INSERT INTO {} (notification_id, originator_id, originator_version, "
            "topic, state) VALUES (%s, %s, %s, %s, %s)"
        ).format(self.table)

    def _values(self, r: Row) -> tuple:
        originator = r.originator_id if self.uuids else str(r.originator_id)
        return (r.position, originator, r.version, r.topic, r.state)
