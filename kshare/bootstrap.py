"""The composition root: the only place that names concrete classes.

``build(settings)`` gives the live ``Services``: the application that takes
commands, the event log, the projections and the query objects over them.
``open_past`` gives ``PastServices``: the same query objects over a view of
the past, and no application at all, so nothing can be written to it.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cached_property
from uuid import UUID

from .application import KnowledgeShare
from .application.passwords import Argon2Passwords
from .audit.ledger import SqlSealLedger
from .audit.log_browser import SqlAuditLog
from .audit.sealing import PeriodicSealer
from .audit.verification import LogIntegrity
from .config import ConfigurationError, Settings
from .domain.clock import iso_week
from .domain.errors import NotAllowed
from .domain.ids import OPERATOR
from .eventlog import EventLog, watch_changes
from .projections.library.projection import WhooshLessonLibrary
from .projections.library.search import WhooshLibrarySearch
from .projections.library.store import IndexStore
from .projections.rebuild import PROJECTIONS, rebuild
from .projections.runner import GroupRunner
from .projections.sql.engine import SqlEngines, make_engines
from .projections.sql.feedback_queries import SqlFeedbackQueries
from .projections.sql.group import SqlReadModels
from .projections.sql.growth_queries import SqlGrowthQueries
from .projections.sql.matching_queries import SqlMatchingQueries
from .projections.sql.metrics_queries import SqlProgramMetrics
from .projections.sql.pairing_queries import SqlPairingQueries
from .projections.sql.people_queries import SqlPeopleQueries
from .projections.sql.post_queries import SqlPostQueries
from .projections.sql.program_queries import SqlProgramQueries
from .projections.sql.weekly_queries import SqlWeeklyQueries
from .timetravel.moments import SqlMoments
from .timetravel.queries import PastGrowthQueries, PastProgramMetrics
from .timetravel.snapshot import SqlSnapshot
from .timetravel.travel import TimeTravel
from .timetravel.views import AsOfViews, View

__all__ = ["PROJECTIONS", "PastServices", "Services", "build", "open_past"]

PAST_IS_READ_ONLY = (
    "You are viewing the past, and the past is read-only: "
    "go back to the present to make changes."
)


@dataclass(kw_only=True)
class ReadSide:
    """The query objects the site, the API and the CLI read through."""

    settings: Settings
    engines: SqlEngines
    people: SqlPeopleQueries
    posts: SqlPostQueries
    weekly: SqlWeeklyQueries
    programs: SqlProgramQueries
    pairings: SqlPairingQueries
    growth: SqlGrowthQueries
    feedback: SqlFeedbackQueries
    metrics: SqlProgramMetrics
    matching: SqlMatchingQueries
    search: WhooshLibrarySearch


def _read_side(
    engines: SqlEngines,
    models: SqlReadModels,
    store: IndexStore,
    day: date | None = None,
) -> dict:
    """The query objects over these read models; with a day, as of that day."""
    return dict(
        engines=engines,
        people=SqlPeopleQueries(engines, models),
        posts=SqlPostQueries(engines, models),
        weekly=SqlWeeklyQueries(engines, models),
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
        search=WhooshLibrarySearch(store),
    )


@dataclass(kw_only=True)
class Services(ReadSide):
    """The present: commands, the log, the projections, and what reads them."""

    app: KnowledgeShare
    log: EventLog
    read_models: SqlReadModels
    library: WhooshLessonLibrary
    runner: GroupRunner
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
        return rebuild(self.log, self.read_models, self.library, names, progress)

    def seal(self, actor_id: UUID = OPERATOR, progress=None):
        """Seal the log, then note each newly sealed event's digest in the ledger."""
        receipt = self.app.seal_log(actor_id=actor_id, log=self.log, progress=progress)
        self.integrity.record()
        return receipt

    @cached_property
    def time_travel(self) -> TimeTravel:
        """Views of the past ("as of"), built under the data directory."""
        return TimeTravel(
            AsOfViews(self.settings.home / "as-of", self.log, self.library),
            SqlMoments(self.engines, self.read_models),
            lambda view, moment: open_past(self.settings, view, moment),
        )

    def close(self) -> None:
        if "time_travel" in self.__dict__:
            self.time_travel.close()
        self.sealer.stop()
        self.runner.stop()
        self.app.close()
        self.search.close()
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
    log = EventLog(app.recorder, app.mapper)
    _check_cipher(app, log, settings)
    if (changes := watch_changes(app.recorder)) is not None:
        app.keep_fresh(changes)  # instead of fast-forwarding every cached aggregate
    read_models = SqlReadModels(engines)
    read_models.create()
    store = IndexStore(settings.search_index)
    library = WhooshLessonLibrary(store)
    wakeup = log.wakeup(settings.database_url) if settings.is_postgres else None
    runner = GroupRunner(
        log,
        [read_models, library],
        poll_interval=settings.poll_interval,
        wakeups=[wakeup] if wakeup else [],
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
    """The read side as it stood at a moment. It holds no application: the
    past takes no commands (people still sign in and out of the present)."""

    moment: datetime
    position: int
    snapshot: SqlSnapshot

    @property
    def app(self):
        raise NotAllowed(PAST_IS_READ_ONLY)

    def wait_for(self, position: int | None) -> bool:
        return True  # nothing is written to the past

    def current_week(self) -> str:
        return iso_week(self.moment.date())

    def close(self) -> None:
        self.search.close()
        self.engines.dispose()


def open_past(settings: Settings, view: View, moment: datetime) -> PastServices:
    """Open a view of the past (see kshare.timetravel) for reading."""
    engines = make_engines(view.sql_url)
    models = SqlReadModels(engines)
    return PastServices(
        settings=settings,
        moment=moment,
        position=view.position,
        **_read_side(engines, models, IndexStore(view.search_index), moment.date()),
        snapshot=SqlSnapshot(engines, models),
    )


def _check_cipher(app: KnowledgeShare, log: EventLog, settings: Settings) -> None:
    """Refuse to start when the stored events cannot be read with the key given."""
    if log.unreadable_from_the_start():
        app.close()
        how = "with this KSHARE_CIPHER_KEY" if settings.cipher_key else "without a key"
        written = (
            "unencrypted or with another key" if settings.cipher_key else "encrypted"
        )
        raise ConfigurationError(
            f"The stored events cannot be read {how}: they were written {written}. "
            "To encrypt an existing store, export it and import it into a new one "
            "(see docs/auditing.md)."
        )
