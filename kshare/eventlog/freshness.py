"""What was recorded in the event store since we last looked, by any process.

The application keeps the aggregates it loads in a cache between commands.
``eventsourcing`` keeps a cached aggregate current by fast-forwarding it: a
``SELECT`` of the aggregate's newer events on every load, that is a query
for the acting participant and another for each aggregate a command uses,
almost always finding nothing. A ``ChangeWatch`` asks about the whole log
instead: it keeps a watermark (the last notification id it has reported) and
``changed()`` returns the aggregate id and version of every event recorded
after it, by this process or any other (another web worker, the ``kshare``
command), then moves the watermark. That is one range read on the
notification id's index, on a connection of the watch's own, which usually
finds nothing or only the events this process saved. The application evicts
from its cache every aggregate held at an older version than an event
reported (see ``kshare.application.base``).

A range read misses nothing because notification ids become visible in
order. SQLite has one writer at a time and numbers the rows (the rowid)
inside the write transaction. PostgreSQL's recorder takes ``LOCK TABLE ...
IN EXCLUSIVE MODE`` before it inserts (as kshare's import does), so ids
are drawn and committed one transaction at a time: once id n is visible,
every smaller id is visible or gone for good (rolled back). With
``POSTGRES_ENABLE_DB_FUNCTIONS`` the recorder inserts through a function
that takes no such lock; ``watch_changes`` gives no watch then (nor for an
in-memory SQLite store, which no other process can write), and the
application keeps fast-forwarding.

On SQLite, ``PRAGMA data_version`` could tell first whether another
connection committed, but it costs about what the range read costs (5 to 15
microseconds), and the pool's connections, which write this process's own
events, are other connections too: it would spare only the read before a
command's second load.
"""

import sqlite3
from collections.abc import Sequence
from threading import Lock
from uuid import UUID

import psycopg
from eventsourcing.persistence import ApplicationRecorder
from eventsourcing.postgres import PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteApplicationRecorder
from psycopg.sql import SQL, Identifier

Written = tuple[int, UUID, int]  # (notification id, aggregate id, version)

# Rows read at a time. With a LIMIT, PostgreSQL reads the notification id's
# index in order even before it has statistics on the table; without one it
# chose a bitmap scan and a sort, a millisecond on a few thousand events.
BATCH = 1000


class SqliteReads:
    def __init__(self, recorder: SQLiteApplicationRecorder) -> None:
        pool = recorder.datastore.pool
        self._conn = sqlite3.connect(
            pool.db_name,
            uri=True,
            isolation_level=None,  # autocommit: each read sees the latest commit
            check_same_thread=False,  # the watch's lock serialises its users
            timeout=pool.lock_timeout or 5,
        )
        table = recorder.events_table_name
        self._head = f"SELECT COALESCE(MAX(rowid), 0) FROM {table}"
        self._after = (
            f"SELECT rowid, originator_id, originator_version FROM {table} "
            "WHERE rowid > ? ORDER BY rowid LIMIT ?"
        )

    def head(self) -> int:
        return self._conn.execute(self._head).fetchone()[0]

    def after(self, position: int, limit: int) -> list[Written]:
        rows = self._conn.execute(self._after, (position, limit)).fetchall()
        return [(n, UUID(originator), version) for n, originator, version in rows]

    def close(self) -> None:
        self._conn.close()


class PostgresReads:
    def __init__(self, recorder: PostgresApplicationRecorder) -> None:
        datastore = recorder.datastore
        # How the recorder's own pool connects (host, database, user...).
        self._connect_with = {
            key: value
            for key, value in datastore.pool.kwargs.items()
            if key != "row_factory"
        }
        table = SQL("{}.{}").format(
            Identifier(datastore.schema), Identifier(recorder.events_table_name)
        )
        self._head = SQL("SELECT COALESCE(MAX(notification_id), 0) FROM {}").format(
            table
        )
        self._after = SQL(
            "SELECT notification_id, originator_id, originator_version FROM {} "
            "WHERE notification_id > %s ORDER BY notification_id LIMIT %s"
        ).format(table)
        self._conn = self._connect()

    def _connect(self) -> psycopg.Connection:
        return psycopg.connect(**self._connect_with, autocommit=True, connect_timeout=5)

    def _query(self, query, params: tuple = ()) -> list[tuple]:
        """Rows of ``query``; once more on a new connection if the old one broke
        (the server restarted...): the watermark, not the connection, is the state."""
        try:
            return self._conn.execute(query, params, prepare=True).fetchall()
        except psycopg.OperationalError:
            self._conn.close()
            self._conn = self._connect()
            return self._conn.execute(query, params, prepare=True).fetchall()

    def head(self) -> int:
        return self._query(self._head)[0][0]

    def after(self, position: int, limit: int) -> list[Written]:
        rows = self._query(self._after, (position, limit))
        return [(n, UUID(str(originator)), version) for n, originator, version in rows]

    def close(self) -> None:
        self._conn.close()


class ChangeWatch:
    """The events recorded since the last look: ``changed()`` gives each one's
    (aggregate id, version), oldest first, and moves the watermark past them.
    The watermark starts at the end of the log as it is when the watch opens."""

    def __init__(self, reads: SqliteReads | PostgresReads) -> None:
        self._reads = reads
        self._lock = Lock()  # one reader at a time on the connection and watermark
        self._position = reads.head()

    @property
    def position(self) -> int:
        """The last notification id reported (or the head when the watch opened)."""
        return self._position

    def changed(self) -> Sequence[tuple[UUID, int]]:
        found: list[tuple[UUID, int]] = []
        with self._lock:
            while True:
                rows = self._reads.after(self._position, BATCH)
                found += [(originator, version) for _, originator, version in rows]
                if rows:
                    self._position = rows[-1][0]
                if len(rows) < BATCH:
                    return found

    def close(self) -> None:
        with self._lock:
            self._reads.close()


def watch_changes(recorder: ApplicationRecorder) -> ChangeWatch | None:
    """A watch of this store, or None where a watermark could miss an event
    (or no other process can write): then fast-forward the cache instead."""
    if isinstance(recorder, SQLiteApplicationRecorder):
        if recorder.datastore.pool.is_sqlite_memory_mode:
            return None
        return ChangeWatch(SqliteReads(recorder))
    if isinstance(recorder, PostgresApplicationRecorder):
        if recorder.datastore.enable_db_functions:
            return None
        return ChangeWatch(PostgresReads(recorder))
    return None
