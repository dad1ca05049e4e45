"""The seal ledger: each sealed event's digest and the chain's value there.

A seal alone proves that something in its range changed; the ledger, kept
beside the read models, names the event. It only ever holds entries that
chained to a seal, so it is written after sealing and extended by a
verification that found the log intact; it is never rebuilt from a log
that does not match its seals.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Column, Integer, MetaData, String, Table, func, select

from ..projections.sql.engine import SqlEngines


@dataclass(frozen=True)
class Entry:
    position: int
    aggregate_id: str
    version: int
    digest: str | None  # None: the stored event cannot be read
    chain: str

    @property
    def key(self) -> tuple[str, int]:
        return self.aggregate_id, self.version


class SqlSealLedger:
    def __init__(self, engines: SqlEngines) -> None:
        self.engines = engines
        self.table = Table(
            "seal_ledger",
            MetaData(),
            Column("position", Integer, primary_key=True, autoincrement=False),
            Column("aggregate_id", String(36), nullable=False),
            Column("version", Integer, nullable=False),
            Column("digest", String(64), nullable=False),
            Column("chain", String(64), nullable=False),
        )

    def create(self) -> None:
        self.table.metadata.create_all(self.engines.writer)

    def head(self) -> Entry | None:
        t = self.table
        with self.engines.reader.connect() as conn:
            last = conn.execute(select(func.max(t.c.position))).scalar()
            if last is None:
                return None
            row = conn.execute(select(t).where(t.c.position == last)).one()
        return Entry(**row._mapping)

    def entries(self, upto: int | None = None) -> dict[int, Entry]:
        t = self.table
        query = select(t) if upto is None else select(t).where(t.c.position <= upto)
        with self.engines.reader.connect() as conn:
            rows = conn.execute(query)
            return {r.position: Entry(**r._mapping) for r in rows}

    def record(self, entries: Iterable[Entry], *, replace: bool = False) -> None:
        """Add entries (all of them after the head), or replace the whole ledger."""
        rows = [e.__dict__ for e in entries]
        with self.engines.writer.begin() as conn:
            if replace:
                conn.execute(self.table.delete())
            for start in range(0, len(rows), 5000):
                conn.execute(self.table.insert(), rows[start : start + 5000])
