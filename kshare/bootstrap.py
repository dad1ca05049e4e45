"""The composition root: the only place that names concrete classes."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from uuid import UUID

from .application import KnowledgeShare
from .application.audit import PeriodicSealer
from .config import ConfigurationError, Settings
from .domain.clock import iso_week
from .domain.ids import OPERATOR
from .passwords import Argon2Passwords
from .projections.asof import AsOfViews, View
from .projections.asof_moments import SqlMoments
from .projections.asof_queries import PastGrowthQueries, PastProgramMetrics
from .projections.asof_snapshot import SqlSnapshot
from .projections.asof_travel import TimeTravel
from .projections.audit.browser import SqlAuditLog
from .projections.audit.integrity import LogIntegrity
from .projections.audit.ledger import SqlSealLedger
from .projections.library.projection import WhooshLessonLibrary
from .projections.library.search import LibrarySearch
from .projections.library.store import IndexStore
from .projections.log import EventLog
from .projections.rebuild import rebuild_library, rebuild_sql
from .projections.runner import ProjectionRunner
from .projections.sql.engine import SqlEngines, make_engines
from .projections.sql.feedback_queries import SqlFeedbackQueries
from .projections.sql.growth_queries import SqlGrowthQueries
from .projections.sql.listen import PostgresWakeup
from .projections.sql.matching_queries import SqlMatchingQueries
from .projections.sql.metrics import SqlProgramMetrics
from .projections.sql.pairing_queries import SqlPairingQueries
from .projections.sql.program_queries import SqlProgramQueries
from .projections.sql.queries import SqlQueries
from .projections.sql.readmodels import SqlReadModels

PROJECTIONS = (
    "participants",
    "posts",
    "weekly",
    "programs",
    "cohorts",
    "pairings",
    "private_notes",
    "milestones",
    "surveys",
    "recognition",
    "matching",
    "event_index",
    "library",
)


@dataclass(kw_only=True)
class ReadSide:
    """The query objects the site, the API and the CLI read through."""

    settings: Settings
    app: KnowledgeShare
    engines: SqlEngines
    queries: SqlQueries
    programs: SqlProgramQueries
    pairings: SqlPairingQueries
    growth: SqlGrowthQueries
    feedback: SqlFeedbackQueries
    metrics: SqlProgramMetrics
    matching: SqlMatchingQueries
    search: LibrarySearch


def _read_side(
    engines: SqlEngines,
    models: SqlReadModels,
    store: IndexStore,
    day: date | None = None,
) -> dict:
    """The query objects over these read models; with a day, as of that day."""
    return dict(
        engines=engines,
        queries=SqlQueries(engines, models),
        programs=SqlProgramQueries(engines, models),
        pairings=SqlPairingQueries(engines, models),
        growth=(
            PastGrowthQueries(engines, models, day)
            if day
            else SqlGrowthQueries(engines, models)
        ),
        feedback=SqlFeedbackQueries(engines, models),
        metrics=(
            PastProgramMetrics(engines, models, day)
            if day
            else SqlProgramMetrics(engines, models)
        ),
        matching=SqlMatchingQueries(engines, models),
        search=LibrarySearch(store),
    )


@dataclass(kw_only=True)
class Services(ReadSide):
    log: EventLog
    read_models: SqlReadModels
    library: WhooshLessonLibrary
    runner: ProjectionRunner
    integrity: LogIntegrity
    sealer: PeriodicSealer
    audit_log: SqlAuditLog

    def wait_for(self, position: int | None) -> bool:
        """Wait (bounded) until the projections show a command's write."""
        return self.runner.wait_for(position, self.settings.wait_timeout)

    def current_week(self) -> str:
        return iso_week(datetime.now(UTC).date())

    def rebuild(self, names=PROJECTIONS, progress=None) -> int:
        """Rebuild projections aside and swap them in; return events read."""
        unknown = set(names) - set(PROJECTIONS)
        if unknown:
            raise ValueError(f"Unknown projection {', '.join(sorted(unknown))}")
        read = 0
        sql = [n for n in names if n != "library"]
        if sql:
            read += rebuild_sql(self.log, self.read_models, sql, progress)
        if "library" in names:
            read += rebuild_library(self.log, self.library, progress)
        return read

    def seal(self, actor_id: UUID = OPERATOR, progress=None):
        """Seal the log, then note each newly sealed event's digest in the ledger."""
        receipt = self.app.seal_log(actor_id=actor_id, progress=progress)
        self.integrity.record()
        return receipt

    @cached_property
    def time_travel(self) -> TimeTravel:
        """Views of the past ("as of"), built under the data directory."""
        return TimeTravel(
            AsOfViews(self.settings.home / "as-of", self.log, self.library),
            SqlMoments(self.engines, self.read_models),
            lambda view, moment: open_past(self, view, moment),
        )

    def close(self) -> None:
        if "time_travel" in self.__dict__:
            self.time_travel.close()
        self.sealer.stop()
        self.runner.stop()
        self.app.close()
        self.engines.dispose()


def build(settings: Settings) -> Services:
    settings.home.mkdir(parents=True, exist_ok=True)
    engines = make_engines(settings.read_model_url(), settings.database_schema)
    passwords = (
        Argon2Passwords(time_cost=1, memory_cost=64, parallelism=1)
        if settings.password_cost == "fast"
        else Argon2Passwords()
    )
    app = KnowledgeShare(settings.event_store_env(), passwords=passwords)
    _check_cipher(app, settings)
    log = EventLog(app.recorder, app.mapper)
    read_models = SqlReadModels(engines)
    read_models.create()
    store = IndexStore(settings.search_index)
    library = WhooshLessonLibrary(store)
    wakeups = []
    if settings.is_postgres:
        wakeups.append(PostgresWakeup(settings.database_url, app.recorder.channel_name))
    runner = ProjectionRunner(
        log,
        [read_models, library],
        poll_interval=settings.poll_interval,
        wakeups=wakeups,
    )
    app.on_saved(runner.wake)
    ledger = SqlSealLedger(engines)
    ledger.create()
    return Services(
        settings=settings,
        app=app,
        log=log,
        read_models=read_models,
        library=library,
        runner=runner,
        **_read_side(engines, read_models, store),
        integrity=LogIntegrity(log, ledger),
        sealer=PeriodicSealer(settings.seal_interval),
        audit_log=SqlAuditLog(engines, read_models, log),
    )


@dataclass(kw_only=True)
class PastServices(ReadSide):
    """The read side as it stood at a moment (``app`` is the live one: people
    still sign in and out)."""

    moment: datetime
    position: int
    snapshot: SqlSnapshot

    def wait_for(self, position: int | None) -> bool:
        return True  # nothing is written to the past

    def current_week(self) -> str:
        return iso_week(self.moment.date())

    def close(self) -> None:
        self.engines.dispose()


def open_past(live: Services, view: View, moment: datetime) -> PastServices:
    """Open a view of the past (see kshare.projections.asof) for reading."""
    engines = make_engines(view.sql_url)
    models = SqlReadModels(engines)
    return PastServices(
        settings=live.settings,
        app=live.app,
        moment=moment,
        position=view.position,
        **_read_side(engines, models, IndexStore(view.search_index), moment.date()),
        snapshot=SqlSnapshot(engines, models),
    )


def _check_cipher(app: KnowledgeShare, settings: Settings) -> None:
    """Refuse to start when the stored events cannot be read with the key given.

    One unreadable event is for `kshare audit verify` to report; none of the
    first few readable means the key is wrong.
    """
    first = app.recorder.select_notifications(start=1, limit=5)
    if first and not any(_readable(app, n) for n in first):
        app.close()
        how = "with this KSHARE_CIPHER_KEY" if settings.cipher_key else "without a key"
        written = (
            "unencrypted or with another key" if settings.cipher_key else "encrypted"
        )
        raise ConfigurationError(
            f"The stored events cannot be read {how}: they were written {written}. "
            "To encrypt an existing store, export it and import it into a new one "
            "(see the README)."
        )


def _readable(app: KnowledgeShare, notification) -> bool:
    try:
        app.mapper.to_domain_event(notification)
    except Exception:
        return False
    return True
