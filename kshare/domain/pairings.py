"""Pairings: who mentors whom, their agreement, sessions and reflections.

Rules that racing requests must not break are held by aggregates that are
saved in the same transaction as the pairing: a ``PairSlot`` per set of
people (one open pairing at a time) and each mentor's ``Enrollment`` (their
load against their capacity). Two racing proposals change the same
aggregate version, and the store rejects the second.
"""

from datetime import date
from uuid import UUID, uuid4

from eventsourcing.domain import event

from . import text
from .aggregate import KAggregate
from .clock import now
from .errors import Invalid, NotAllowed
from .ids import natural_id
from .upcasting import actor_was, actor_was_operator

ONE_ON_ONE, SMALL_GROUP, SHADOWING = "one-on-one", "small-group", "shadowing"
FORMATS = (ONE_ON_ONE, SMALL_GROUP, SHADOWING)
PROPOSED, ACTIVE, PAUSED, CLOSED, DECLINED = (
    "proposed",
    "active",
    "paused",
    "closed",
    "declined",
)
OPEN = (PROPOSED, ACTIVE, PAUSED)
SESSION_FORMATS = ("in-person", "virtual", "shadowing")
MENTOR, MENTEE = "mentor", "mentee"


def checked_members(format: str, members: dict[UUID, str]) -> dict[str, str]:
    """Members by id with their role in the pairing, checked against the format."""
    if format not in FORMATS:
        raise Invalid(f"A pairing is {', '.join(FORMATS)}.")
    roles = list(members.values())
    if any(role not in (MENTOR, MENTEE) for role in roles):
        raise Invalid("Each member is a mentor or a mentee.")
    if roles.count(MENTOR) < 1 or roles.count(MENTEE) < 1:
        raise Invalid("A pairing has at least one mentor and one mentee.")
    size = len(members)
    if format == SMALL_GROUP and not 3 <= size <= 6:
        raise Invalid("A small group has 3 to 6 people.")
    if format != SMALL_GROUP and size != 2:
        raise Invalid(f"A {format} pairing is two people.")
    return {str(person): role for person, role in members.items()}


def pair_slot_id(members) -> UUID:
    return natural_id("pair-slot", *sorted(str(m) for m in members))


class PairSlot(KAggregate):
    """Held by the one open pairing of a set of people."""

    # v2 of each event records the actor.
    class SlotTaken(KAggregate.Created):
        members: list[str]
        pairing_id: UUID
        actor_id: UUID

        class_version = 2
        upcast_v1_v2 = staticmethod(actor_was_operator)

    class SlotTakenAgain(KAggregate.Event):
        pairing_id: UUID
        actor_id: UUID

        class_version = 2
        upcast_v1_v2 = staticmethod(actor_was_operator)

    class SlotFreed(KAggregate.Event):
        actor_id: UUID

        class_version = 2
        upcast_v1_v2 = staticmethod(actor_was_operator)

    @staticmethod
    def create_id(members: list[str]) -> UUID:
        return pair_slot_id(members)

    @event(SlotTaken)
    def __init__(self, *, members: list[str], pairing_id: UUID, actor_id: UUID) -> None:
        self.pairing_id: UUID | None = pairing_id

    def take(self, *, pairing_id: UUID, actor_id: UUID) -> None:
        if self.pairing_id is not None:
            raise Invalid("These people already have an open pairing together.")
        self._taken(pairing_id=pairing_id, actor_id=actor_id)

    @event(SlotTakenAgain)
    def _taken(self, *, pairing_id: UUID, actor_id: UUID) -> None:
        self.pairing_id = pairing_id

    @event(SlotFreed)
    def free(self, *, actor_id: UUID) -> None:
        self.pairing_id = None


class Pairing(KAggregate):
    """proposed -> (each member accepts) active <-> paused -> closed; or declined."""

    @staticmethod
    def create_id() -> UUID:
        return uuid4()

    @classmethod
    def propose(
        cls,
        *,
        cohort_id: UUID,
        format: str,
        members: dict[UUID, str],
        agreement: dict,
        requested: bool,
        actor_id: UUID,
    ) -> "Pairing":
        return cls(
            cohort_id=cohort_id,
            format=format,
            members=checked_members(format, members),
            agreement=agreement,
            requested=requested,
            actor_id=actor_id,
        )

    @event("Proposed")
    def __init__(
        self,
        *,
        cohort_id: UUID,
        format: str,
        members: dict[str, str],
        agreement: dict,
        requested: bool,
        actor_id: UUID,
    ) -> None:
        self.cohort_id = cohort_id
        self.format = format
        self.members = members
        self.status = PROPOSED
        self.accepted: list[str] = []
        self.acknowledged: list[str] = []
        self.sessions: dict[str, dict] = {}
        self.reflections: set[tuple[str, str]] = set()  # (member, stage)
        self.started_on: str | None = None

    def _member(self, person: UUID) -> str:
        if str(person) not in self.members:
            raise NotAllowed("Only a member of this pairing may do that.")
        return str(person)

    @property
    def mentors(self) -> list[str]:
        return [p for p, role in self.members.items() if role == MENTOR]

    @property
    def mentees(self) -> list[str]:
        return [p for p, role in self.members.items() if role == MENTEE]

    def accept(self, *, member: UUID, actor_id: UUID) -> None:
        person = self._member(member)
        if self.status != PROPOSED or person in self.accepted:
            raise Invalid("There is nothing to accept here.")
        self._accepted(member=person, actor_id=actor_id)
        if len(self.accepted) == len(self.members):
            self._activated(started_on=now().date().isoformat(), actor_id=actor_id)

    @event("Accepted")
    def _accepted(self, *, member: str, actor_id: UUID) -> None:
        self.accepted.append(member)

    @event("Activated")
    def _activated(self, *, started_on: str, actor_id: UUID) -> None:
        self.status = ACTIVE
        self.started_on = started_on

    def decline(self, *, member: UUID, reason: str, actor_id: UUID) -> None:
        person = self._member(member)
        if self.status != PROPOSED:
            raise Invalid("Only a proposed pairing can be declined.")
        self._declined(
            member=person,
            reason=text.required(reason, "A reason", maximum=500),
            actor_id=actor_id,
        )

    @event("Declined")
    def _declined(self, *, member: str, reason: str, actor_id: UUID) -> None:
        self.status = DECLINED

    def pause(self, *, reason: str, actor_id: UUID) -> None:
        if self.status != ACTIVE:
            raise Invalid("Only an active pairing can be paused.")
        self._paused(
            reason=text.required(reason, "A reason", maximum=500), actor_id=actor_id
        )

    @event("Paused")
    def _paused(self, *, reason: str, actor_id: UUID) -> None:
        self.status = PAUSED

    def resume(self, *, actor_id: UUID) -> None:
        if self.status != PAUSED:
            raise Invalid("Only a paused pairing can be resumed.")
        self._resumed(actor_id=actor_id)

    @event("Resumed")
    def _resumed(self, *, actor_id: UUID) -> None:
        self.status = ACTIVE

    def close(self, *, reason: str, actor_id: UUID) -> None:
        if self.status not in OPEN:
            raise Invalid(f"This pairing is already {self.status}.")
        self._closed(
            reason=text.required(reason, "A reason", maximum=500), actor_id=actor_id
        )

    @event("Closed")
    def _closed(self, *, reason: str, actor_id: UUID) -> None:
        self.status = CLOSED

    def reflect(self, *, member: UUID, stage: str, text_: str, actor_id: UUID) -> None:
        """A member's reflection: at mid-cycle, at end of cycle, or on closing."""
        person = self._member(member)
        if stage not in ("mid-cycle", "end-of-cycle", "closing"):
            raise Invalid("A reflection is for mid-cycle, end-of-cycle or closing.")
        if stage == "closing" and self.status != CLOSED:
            raise Invalid("A closing reflection comes once the pairing is closed.")
        if (person, stage) in self.reflections:
            raise Invalid("You already wrote your reflection for this stage.")
        self._reflected(
            member=person,
            stage=stage,
            reflection=text.required(text_, "A reflection", maximum=5000),
            actor_id=actor_id,
        )

    @event("ReflectionWritten")
    def _reflected(
        self, *, member: str, stage: str, reflection: str, actor_id: UUID
    ) -> None:
        self.reflections.add((member, stage))

    def acknowledge_agreement(self, *, member: UUID, actor_id: UUID) -> None:
        person = self._member(member)
        if person in self.acknowledged:
            raise Invalid("You already acknowledged this agreement.")
        self._acknowledged(member=person, actor_id=actor_id)

    @event("AgreementAcknowledged")
    def _acknowledged(self, *, member: str, actor_id: UUID) -> None:
        self.acknowledged.append(member)

    def log_session(
        self,
        *,
        held_on: date,
        minutes: int,
        format: str,
        agenda: str,
        shared_notes: str,
        action_items: list[dict],
        actor_id: UUID,
    ) -> str:
        self._member(actor_id)
        if self.status != ACTIVE:
            raise Invalid("Sessions are logged for an active pairing.")
        if set(self.acknowledged) != set(self.members):
            raise Invalid("Every member acknowledges the agreement before sessions.")
        if format not in SESSION_FORMATS:
            raise Invalid(f"A session is {', '.join(SESSION_FORMATS)}.")
        if not isinstance(minutes, int) or not 5 <= minutes <= 480:
            raise Invalid("A session lasts from 5 to 480 minutes.")
        session_id = str(uuid4())
        self._session_logged(
            session_id=session_id,
            held_on=held_on.isoformat(),
            minutes=minutes,
            format=format,
            agenda=text.optional(agenda, "Agenda", maximum=5000),
            shared_notes=text.optional(shared_notes, "Shared notes", maximum=20_000),
            action_items=[self._action_item(item) for item in action_items],
            actor_id=actor_id,
        )
        return session_id

    def _action_item(self, item: dict) -> dict:
        owner = str(item.get("owner", ""))
        if owner not in self.members:
            raise Invalid("An action item belongs to someone in this pairing.")
        return {
            "text": text.required(item.get("text", ""), "An action item", maximum=300),
            "owner": owner,
            "done": False,
        }

    @event("SessionLogged")
    def _session_logged(
        self,
        *,
        session_id: str,
        held_on: str,
        minutes: int,
        format: str,
        agenda: str,
        shared_notes: str,
        action_items: list[dict],
        actor_id: UUID,
    ) -> None:
        self.sessions[session_id] = {"action_items": action_items}

    def complete_action_item(
        self, *, session_id: str, index: int, actor_id: UUID
    ) -> None:
        self._member(actor_id)
        items = self.sessions.get(session_id, {}).get("action_items", [])
        if not 0 <= index < len(items):
            raise Invalid("There is no such action item.")
        if items[index]["done"]:
            raise Invalid("That action item is already done.")
        self._item_done(session_id=session_id, index=index, actor_id=actor_id)

    @event("ActionItemDone")
    def _item_done(self, *, session_id: str, index: int, actor_id: UUID) -> None:
        self.sessions[session_id]["action_items"][index]["done"] = True


class PrivateNote(KAggregate):
    """A note on a session that only its author may ever read.

    Kept apart from the pairing so that no projection of pairings, feed,
    search or export carries it by accident.
    """

    @staticmethod
    def create_id() -> UUID:
        return uuid4()

    class PrivateNoteWritten(KAggregate.Created):
        author_id: UUID
        pairing_id: UUID
        session_id: str
        note: str
        actor_id: UUID

        class_version = 2  # v2 records the actor
        upcast_v1_v2 = staticmethod(actor_was("author_id"))

    @event(PrivateNoteWritten)
    def __init__(
        self,
        *,
        author_id: UUID,
        pairing_id: UUID,
        session_id: str,
        note: str,
        actor_id: UUID,
    ) -> None:
        self.author_id = author_id
        self.pairing_id = pairing_id
        self.session_id = session_id
        self.note = note
