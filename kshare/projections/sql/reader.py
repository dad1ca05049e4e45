"""What every query object on the read models shares."""

from .engine import SqlEngines
from .readmodels import SqlReadModels


class SqlReader:
    """Reads the read models' tables through the reader engine."""

    def __init__(self, engines: SqlEngines, models: SqlReadModels) -> None:
        self.engine = engines.reader
        self.t = models.tables

    def _rows(self, statement) -> list:
        with self.engine.connect() as conn:
            return conn.execute(statement).all()
