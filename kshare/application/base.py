"""The application's plumbing: saving, loading, who is acting, receipts.

Each command loads aggregates, checks the policy, calls domain methods and
saves, and returns a ``Receipt`` whose ``position`` is the notification id
of the last event saved, so a caller can wait for its own write to appear
in the projections.

Fresh aggregates. Commands load aggregates through a cache
(``AGGREGATE_CACHE_MAXSIZE``). On its own, ``eventsourcing`` keeps a cached
aggregate current by fast-forwarding it on every load: a ``SELECT`` of its
newer events for the acting participant and again for each aggregate a
command uses, almost always finding nothing, so that commands ran at half to
three quarters of the speed of saving the same events (see
benchmarks/commands.py). The composition root hands the application a watch
of the store instead (``keep_fresh``; see ``kshare.eventlog.freshness``),
and a ``FreshCache`` takes the repository's cache over:

- before every load it asks the watch what was recorded since it last asked,
  by any process, and evicts each aggregate cached at an older version. A
  role change or deactivation made by another process (another web worker,
  the ``kshare`` command while ``kshare serve`` runs) counts from the very
  next command here, as does a post revised elsewhere; and a command refused
  (not allowed, not found...) was refused on current state. (Once at the
  start of a command would do; before every load, no command is left out,
  and the second ask, finding nothing, costs microseconds.)
- an aggregate saved is cached as saved (the store took that version), and
  one read from the store (not cached) is cached as read.
- unless a change to it was seen while it was being read or saved: put in
  the cache after the eviction, it would stay stale. The changes seen lately
  are kept to check that.

The repository is left without a cache: what asks it directly (``in
self.repository``, a ``repository.get``) reads the store, fresh. Without a
watch (a bare application, in memory) ``eventsourcing`` fast-forwards.
"""

from collections import deque
from collections.abc import Callable, Iterable, Sequence
from copy import deepcopy
from dataclasses import dataclass
from datetime import date
from itertools import islice
from threading import Lock
from typing import Any, Protocol, TypeVar
from uuid import UUID

from eventsourcing.application import (
    AggregateNotFoundError,
    Application,
    Cache,
    ProcessingEvent,
)
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError, Recording

from ..domain.errors import Conflict, Invalid, NotAllowed, NotAuthenticated, NotFound
from ..domain.ids import OPERATOR
from ..domain.participants import Participant
from .passwords import Argon2Passwords

A = TypeVar("A")
RACE = "Someone else changed this at the same moment; reload and try again."
AUDITORS_ONLY_READ = "An auditor reads the history; they may only seal or export it."
RECENT = 10_000  # changes kept to check the loads and saves that raced them


@dataclass(frozen=True)
class Receipt:
    """What a command saved: the id of what it created or changed (an aggregate,
    or a goal or milestone inside one), and the log position it reached."""

    id: UUID
    position: int | None


class Changes(Protocol):
    """What was recorded in the store since the last call, by any process: each
    event's (aggregate id, version), oldest first."""

    def changed(self) -> Sequence[tuple[UUID, int]]: ...

    def close(self) -> None: ...


class FreshCache:
    """Aggregates cached between commands, kept fresh by watching the store
    (see the module's docstring). Safe for the web server's threads."""

    def __init__(self, cache: Cache, changes: Changes) -> None:
        self._cache = cache
        self._changes = changes
        self._lock = Lock()  # the changes seen, evictions and puts, in one order
        self._seen = 0  # how many changes were seen
        self._recent: deque[tuple[UUID, int]] = deque(maxlen=RECENT)

    def load(self, aggregate_id: UUID, read: Callable[[UUID], Any]) -> Any:
        """The aggregate as of now: cached, or ``read`` from the store."""
        with self._lock:
            self._see_changes()
            since = self._seen
            try:
                return self._cache.get(aggregate_id)
            except KeyError:
                pass
        aggregate = read(aggregate_id)
        self.keep([aggregate], since)
        return aggregate

    def mark(self) -> int:
        """Where the changes seen stand, to ``keep`` what is read or saved next."""
        with self._lock:
            return self._seen

    def keep(self, aggregates: Iterable[Aggregate], since: int) -> None:
        """Cache aggregates read or saved since ``mark()`` gave ``since``, but none
        that a change seen meanwhile made older (nor any, if too much was seen)."""
        with self._lock:
            missed = self._seen - since
            if missed > len(self._recent):
                return
            newest: dict[UUID, int] = {}
            for aggregate_id, version in islice(reversed(self._recent), missed):
                newest.setdefault(aggregate_id, version)
            for aggregate in aggregates:
                if newest.get(aggregate.id, 0) <= aggregate.version:
                    self._cache.put(aggregate.id, aggregate)

    def _see_changes(self) -> None:
        for aggregate_id, version in self._changes.changed():
            try:
                cached = self._cache.get(aggregate_id)
            except KeyError:
                pass
            else:
                if cached.version < version:
                    self._cache.get(aggregate_id, evict=True)
            self._recent.append((aggregate_id, version))
            self._seen += 1

    def close(self) -> None:
        self._changes.close()


class Base(Application):
    """Saving, loading and the acting participant, shared by every command."""

    env = {"AGGREGATE_CACHE_MAXSIZE": "5000"}

    def __init__(self, env: dict[str, str] | None = None, *, passwords=None) -> None:
        super().__init__(env)
        self.passwords = passwords or Argon2Passwords()
        self._listeners: list[Callable[[int], None]] = []
        self._fresh: FreshCache | None = None

    def keep_fresh(self, changes: Changes) -> None:
        """Keep cached aggregates fresh by watching ``changes`` in the store, not
        by fast-forwarding each one on every load (see the module's docstring)."""
        if self.repository.cache is None:  # nothing cached, nothing to keep fresh
            changes.close()
            return
        self._fresh = FreshCache(self.repository.cache, changes)
        self.repository.cache = None

    def close(self) -> None:
        if self._fresh is not None:
            self._fresh.close()
        super().close()

    def on_saved(self, listener: Callable[[int], None]) -> None:
        """Call ``listener(position)`` after every save (wakes the projections)."""
        self._listeners.append(listener)

    def _notify(self, recordings) -> None:
        if recordings:
            for listener in self._listeners:
                listener(recordings[-1].notification.id)

    def _record(self, processing_event: ProcessingEvent) -> list[Recording]:
        if self._fresh is None:  # eventsourcing caches what it saves, if anything
            return super()._record(processing_event)
        since = self._fresh.mark()
        recordings = super()._record(processing_event)
        saved = {recording.domain_event.originator_id for recording in recordings}
        self._fresh.keep(
            (a for id_, a in processing_event.aggregates.items() if id_ in saved),
            since,
        )
        return recordings

    def _load(self, aggregate_id: UUID, *, to_change: bool) -> Any:
        """The aggregate as it stands; a copy of the cached one if it is to be
        changed. Raises ``AggregateNotFoundError``."""
        if self._fresh is None:
            return self.repository.get(aggregate_id, deepcopy_from_cache=to_change)
        aggregate = self._fresh.load(aggregate_id, self.repository.get)
        return deepcopy(aggregate) if to_change else aggregate

    def _save(self, *aggregates, conflict: str) -> int:
        try:
            recordings = self.save(*aggregates)
        except IntegrityError:
            raise Conflict(conflict) from None
        return recordings[-1].notification.id

    def _get(
        self, aggregate_id: UUID, kind: type[A], what: str, *, to_change: bool = True
    ) -> A:
        """Load an aggregate; one only read is not copied out of the cache."""
        try:
            aggregate = self._load(aggregate_id, to_change=to_change)
        except AggregateNotFoundError:
            raise NotFound(f"No such {what}.") from None
        if not isinstance(aggregate, kind):
            raise NotFound(f"No such {what}.")
        return aggregate

    def _acting(self, actor_id: UUID | None) -> Participant:
        """The signed-in, active participant giving a command (never an auditor)."""
        actor = self._signed_in(actor_id)
        if actor.is_auditor:
            raise NotAllowed(AUDITORS_ONLY_READ)
        return actor

    def _signed_in(self, actor_id: UUID | None) -> Participant:
        if actor_id is None:
            raise NotAuthenticated("Please sign in first.")
        try:
            actor = self._get(actor_id, Participant, "participant", to_change=False)
        except NotFound:
            raise NotAuthenticated("Please sign in first.") from None
        if not actor.active:
            raise NotAllowed("This account is deactivated.")
        return actor

    def _coordinator(self, actor_id: UUID | None, doing: str) -> Participant | None:
        if actor_id == OPERATOR:
            return None
        actor = self._acting(actor_id)
        if not actor.is_coordinator:
            raise NotAllowed(f"Only a coordinator may {doing}.")
        return actor


def day_of(value: date | str, which: str) -> date:
    """A date given as a date or as ISO text ("2026-01-31")."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise Invalid(f"The {which} date must look like 2026-01-31.") from None
