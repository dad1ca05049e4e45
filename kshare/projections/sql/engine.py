"""Engines for the read models.

SQLite gets WAL mode and real transactions (pysqlite's own handling would
run DDL outside them, and the rebuild swap must be atomic); the projection
writer begins with BEGIN IMMEDIATE so two writers queue instead of failing
on a stale snapshot.
"""

from dataclasses import dataclass

from sqlalchemy import Engine, create_engine, event, text


@dataclass(frozen=True)
class SqlEngines:
    writer: Engine
    reader: Engine

    def dispose(self) -> None:
        self.writer.dispose()
        self.reader.dispose()


def make_engines(url: str, schema: str = "") -> SqlEngines:
    if url.startswith("sqlite"):
        return SqlEngines(_sqlite(url, "BEGIN IMMEDIATE"), _sqlite(url, "BEGIN"))
    options = {"options": f"-csearch_path={schema}"} if schema else {}
    engine = create_engine(url, pool_pre_ping=True, connect_args=options)
    if schema:
        with engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    return SqlEngines(engine, engine)


def _sqlite(url: str, begin: str) -> Engine:
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql(begin)

    return engine
