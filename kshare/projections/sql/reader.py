"""What every query object on the read models shares."""

from datetime import UTC, datetime

from .engine import SqlEngines
from .group import SqlReadModels


class SqlReader:
    """Reads the read models' tables through the reader engine."""

    def __init__(self, engines: SqlEngines, models: SqlReadModels) -> None:
        self.engine = engines.reader
        self.t = models.tables

    def _rows(self, statement) -> list:
        with self.engine.connect() as conn:
            return conn.execute(statement).all()

    def _scalar(self, statement):
        with self.engine.connect() as conn:
            return conn.execute(statement).scalar()


def utc(moment: datetime | None) -> datetime | None:
    """A stored moment in UTC (SQLite hands back naive datetimes)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)
