"""The event store behind kshare's back: its own table, and PostgreSQL schemas."""

import sqlite3
import uuid

import psycopg


def fresh_schema() -> str:
    """The name of a PostgreSQL schema no other test uses."""
    return f"t_{uuid.uuid4().hex[:12]}"


def drop_schema(database_url: str, schema: str) -> None:
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


class RawStore:
    """SQL on the stored events, as someone with database access would tamper
    with them: the SQLite file or the PostgreSQL table. Close it after use."""

    def __init__(self, services) -> None:
        settings = services.settings
        self.table = services.app.recorder.events_table_name
        if settings.is_postgres:
            self.conn = psycopg.connect(settings.database_url, autocommit=True)
            self.conn.execute(f'SET search_path TO "{settings.database_schema}"')
            self.id, self.mark = "notification_id", "%s"
        else:
            self.conn = sqlite3.connect(settings.home / "events.sqlite")
            self.conn.isolation_level = None
            self.id, self.mark = "rowid", "?"

    def __enter__(self) -> "RawStore":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def run(self, sql: str, *params):
        return self.conn.execute(sql.replace("?", self.mark), params)

    def row(self, position: int) -> tuple:
        return self.run(
            f"SELECT originator_id, originator_version, topic, state "
            f"FROM {self.table} WHERE {self.id} = ?",
            position,
        ).fetchone()

    def state(self, position: int) -> bytes:
        return bytes(self.row(position)[3])

    def first_holding(self, text: bytes) -> int:
        """The position of the first event whose stored state holds ``text``."""
        head = self.run(f"SELECT MAX({self.id}) FROM {self.table}").fetchone()[0]
        for position in range(1, head + 1):
            row = self.row(position)
            if row and text in bytes(row[3]):
                return position
        raise AssertionError(f"no stored event holds {text!r}")

    def set_state(self, position: int, state: bytes) -> None:
        self.run(
            f"UPDATE {self.table} SET state = ? WHERE {self.id} = ?", state, position
        )

    def replace(self, position: int, old: bytes, new: bytes) -> None:
        self.set_state(position, self.state(position).replace(old, new))

    def remove(self, position: int) -> None:
        self.run(f"DELETE FROM {self.table} WHERE {self.id} = ?", position)

    def move(self, old: int, new: int) -> None:
        self.run(f"UPDATE {self.table} SET {self.id} = ? WHERE {self.id} = ?", new, old)

    def swap(self, a: int, b: int) -> None:
        self.move(a, -1)
        self.move(b, a)
        self.move(-1, b)

    def insert_copy_at(self, position: int, of: int) -> None:
        """Shift every event from ``position`` on by one and put a forged one there."""
        head = self.run(f"SELECT MAX({self.id}) FROM {self.table}").fetchone()[0]
        for moving in range(head, position - 1, -1):
            self.move(moving, moving + 1)
        originator_id, version, topic, state = self.row(of if of < position else of + 1)
        forged = uuid.uuid4()
        forged_id = forged if isinstance(originator_id, uuid.UUID) else forged.hex
        self.run(
            f"INSERT INTO {self.table} "
            f"({self.id}, originator_id, originator_version, topic, state) "
            "VALUES (?, ?, ?, ?, ?)",
            position,
            forged_id,
            version,
            topic,
            state,
        )

    def close(self) -> None:
        self.conn.close()
