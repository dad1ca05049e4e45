"""The application's plumbing: saving, loading, who is acting, receipts.

Each command loads aggregates, checks the policy, calls domain methods and
saves, and returns a ``Receipt`` whose ``position`` is the notification id
of the last event saved, so a caller can wait for its own write to appear
in the projections.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import IntegrityError

from ..domain.errors import Conflict, Invalid, NotAllowed, NotAuthenticated, NotFound
from ..domain.ids import OPERATOR
from ..domain.participants import Participant
from .passwords import Argon2Passwords

A = TypeVar("A")
RACE = "Someone else changed this at the same moment; reload and try again."
AUDITORS_ONLY_READ = "An auditor reads the history; they may only seal or export it."


@dataclass(frozen=True)
class Receipt:
    """What a command saved: the id of what it created or changed (an aggregate,
    or a goal or milestone inside one), and the log position it reached."""

    id: UUID
    position: int | None


class Base(Application):
    """Saving, loading and the acting participant, shared by every command."""

    env = {"AGGREGATE_CACHE_MAXSIZE": "5000"}

    def __init__(self, env: dict[str, str] | None = None, *, passwords=None) -> None:
        super().__init__(env)
        self.passwords = passwords or Argon2Passwords()
        self._listeners: list[Callable[[int], None]] = []

    def on_saved(self, listener: Callable[[int], None]) -> None:
        """Call ``listener(position)`` after every save (wakes the projections)."""
        self._listeners.append(listener)

    def _notify(self, recordings) -> None:
        if recordings:
            for listener in self._listeners:
                listener(recordings[-1].notification.id)

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
            aggregate = self.repository.get(aggregate_id, deepcopy_from_cache=to_change)
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
