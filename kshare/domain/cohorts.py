"""Cohorts, their lifecycle, and who enrolled in them."""

from datetime import date
from uuid import UUID

from eventsourcing.domain import event

from . import text
from .aggregate import KAggregate
from .errors import Invalid
from .ids import natural_id
from .upcasting import actor_was_operator

PLANNED = "planned"
ENROLLING = "enrolling"
KICKED_OFF = "kicked-off"
MID_CYCLE = "mid-cycle-review"
END_OF_CYCLE = "end-of-cycle-reflection"
CLOSED = "closed"
STAGES = (PLANNED, ENROLLING, KICKED_OFF, MID_CYCLE, END_OF_CYCLE, CLOSED)
# The stages people may still join in (late joiners are welcome after kick-off).
OPEN_STAGES = (ENROLLING, KICKED_OFF)

MENTOR, MENTEE, BOTH = "mentor", "mentee", "both"
PROFILE = {"capacity", "availability", "goals", "skill_gaps", "interests", "expertise"}
ENROLLMENT_ROLES = (MENTOR, MENTEE, BOTH)
ORIENTATION = (
    "read-the-charter",
    "set-availability",
    "write-goals",
    "meet-the-coordinator",
)


def cohort_id(program_id: UUID, slug: str) -> UUID:
    return natural_id("cohort", program_id, slug)


def enrollment_id(cohort: UUID, participant: UUID) -> UUID:
    return natural_id("enrollment", cohort, participant)


class Cohort(KAggregate):
    """planned -> enrolling -> kicked-off -> mid-cycle review
    -> end-of-cycle reflection -> closed, one step at a time."""

    @staticmethod
    def create_id(program_id: UUID, slug: str) -> UUID:
        return cohort_id(program_id, slug)

    @classmethod
    def plan(
        cls,
        *,
        program_id: UUID,
        slug: str,
        name: str,
        pilot: bool,
        starts_on: date,
        ends_on: date,
        actor_id: UUID,
    ) -> "Cohort":
        if ends_on <= starts_on:
            raise Invalid("A cohort ends after it starts.")
        return cls(
            program_id=program_id,
            slug=text.handle(slug, "A cohort's short name"),
            name=text.required(name, "Cohort name", maximum=120),
            pilot=bool(pilot),
            starts_on=starts_on.isoformat(),
            ends_on=ends_on.isoformat(),
            actor_id=actor_id,
        )

    @event("Planned")
    def __init__(
        self,
        *,
        program_id: UUID,
        slug: str,
        name: str,
        pilot: bool,
        starts_on: str,
        ends_on: str,
        actor_id: UUID,
    ) -> None:
        self.program_id = program_id
        self.slug = slug
        self.name = name
        self.pilot = pilot
        self.stage = PLANNED
        self.summary: dict[str, str] | None = None

    def advance(self, *, to: str, actor_id: UUID) -> None:
        """Move to the next stage; closing goes through ``close``."""
        if to not in STAGES:
            raise Invalid(f"{to!r} is not a cohort stage.")
        if to == CLOSED:
            raise Invalid("A cohort closes with its reflection summary, not by a step.")
        following = (
            STAGES[STAGES.index(self.stage) + 1] if self.stage != CLOSED else None
        )
        if to != following:
            allowed = "nothing: it is closed" if following is None else following
            raise Invalid(f"A cohort in {self.stage} can move to {allowed}, not {to}.")
        self._advanced(stage=to, actor_id=actor_id)

    @event("StageChanged")
    def _advanced(self, *, stage: str, actor_id: UUID) -> None:
        self.stage = stage

    def close(
        self, *, lessons_learned: str, next_direction: str, actor_id: UUID
    ) -> None:
        if self.stage != END_OF_CYCLE:
            raise Invalid("A cohort closes after its end-of-cycle reflection.")
        self._closed(
            lessons_learned=text.required(
                lessons_learned, "Lessons learned", maximum=5000
            ),
            next_direction=text.required(
                next_direction, "Direction for the next cohort", maximum=5000
            ),
            actor_id=actor_id,
        )

    @event("Closed")
    def _closed(
        self, *, lessons_learned: str, next_direction: str, actor_id: UUID
    ) -> None:
        self.stage = CLOSED
        self.summary = {
            "lessons_learned": lessons_learned,
            "next_direction": next_direction,
        }

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES


class Enrollment(KAggregate):
    """One participant in one cohort: role, capacity, goals, orientation."""

    @staticmethod
    def create_id(cohort_id: UUID, participant_id: UUID) -> UUID:
        return enrollment_id(cohort_id, participant_id)

    @classmethod
    def enroll(
        cls,
        *,
        cohort: Cohort,
        participant_id: UUID,
        role: str,
        actor_id: UUID,
        **profile,
    ) -> "Enrollment":
        if not cohort.is_open:
            raise Invalid(f"{cohort.name} is {cohort.stage}: nobody can join it now.")
        if role not in ENROLLMENT_ROLES:
            raise Invalid(f"Join as one of {', '.join(ENROLLMENT_ROLES)}.")
        unknown = set(profile) - PROFILE
        if unknown:
            raise Invalid(f"An enrollment has no {', '.join(sorted(unknown))}.")
        capacity = profile.get("capacity", 0 if role == MENTEE else 1)
        if not isinstance(capacity, int) or not 0 <= capacity <= 6:
            raise Invalid("A mentor's capacity is from 0 to 6 mentees.")
        if role != MENTEE and capacity == 0:
            raise Invalid("A mentor takes at least one mentee.")
        return cls(
            cohort_id=cohort.id,
            participant_id=participant_id,
            role=role,
            capacity=capacity if role != MENTEE else 0,
            availability=text.optional(
                profile.get("availability"), "Availability", maximum=200
            ),
            goals=text.optional(profile.get("goals"), "Goals", maximum=2000),
            skill_gaps=[
                text.slug(s, "A skill gap") for s in profile.get("skill_gaps", ())
            ],
            interests=[
                text.slug(s, "An interest") for s in profile.get("interests", ())
            ],
            expertise=[
                text.slug(s, "An expertise") for s in profile.get("expertise", ())
            ],
            actor_id=actor_id,
        )

    @event("Enrolled")
    def __init__(
        self,
        *,
        cohort_id: UUID,
        participant_id: UUID,
        role: str,
        capacity: int,
        availability: str,
        goals: str,
        skill_gaps: list[str],
        interests: list[str],
        expertise: list[str],
        actor_id: UUID,
    ) -> None:
        self.cohort_id = cohort_id
        self.participant_id = participant_id
        self.role = role
        self.capacity = capacity
        self.orientation: list[str] = []
        self.active = True
        self.pairings: dict[str, int] = {}  # open pairing -> mentees mentored there

    def complete_orientation(self, *, item: str, actor_id: UUID) -> None:
        if item not in ORIENTATION:
            raise Invalid(f"The orientation steps are {', '.join(ORIENTATION)}.")
        if item in self.orientation:
            raise Invalid("That orientation step is already done.")
        self._oriented(item=item, actor_id=actor_id)

    @event("OrientationStepDone")
    def _oriented(self, *, item: str, actor_id: UUID) -> None:
        self.orientation.append(item)

    def leave(self, *, reason: str, actor_id: UUID) -> None:
        if not self.active:
            raise Invalid("This person already left the cohort.")
        self._left(
            reason=text.required(reason, "A reason", maximum=500), actor_id=actor_id
        )

    @event("Left")
    def _left(self, *, reason: str, actor_id: UUID) -> None:
        self.active = False

    @property
    def paired_as_mentee(self) -> bool:
        """In an open pairing as a mentee (where they mentor nobody)."""
        return any(mentees == 0 for mentees in self.pairings.values())

    @property
    def load(self) -> int:
        """How many mentees this person mentors in open pairings."""
        return sum(self.pairings.values())

    def join_pairing(
        self, *, pairing_id: UUID, as_role: str, mentees: int, actor_id: UUID
    ) -> None:
        """Count an open pairing; a mentor never goes over their capacity."""
        if not self.active:
            raise Invalid("Someone in this pairing has left the cohort.")
        if self.role not in (as_role, BOTH):
            raise Invalid(
                f"Someone in this pairing did not join the cohort as a {as_role}."
            )
        if mentees and self.load + mentees > self.capacity:
            room = self.capacity - self.load
            raise Invalid(
                f"A mentor in this pairing has room for {room} more mentee(s)."
            )
        self._joined_pairing(
            pairing_id=str(pairing_id), mentees=mentees, actor_id=actor_id
        )

    # v2 of the pairing counts records the actor.
    class PairingJoined(KAggregate.Event):
        pairing_id: str
        mentees: int
        actor_id: UUID

        class_version = 2
        upcast_v1_v2 = staticmethod(actor_was_operator)

    class PairingLeft(KAggregate.Event):
        pairing_id: str
        actor_id: UUID

        class_version = 2
        upcast_v1_v2 = staticmethod(actor_was_operator)

    @event(PairingJoined)
    def _joined_pairing(self, *, pairing_id: str, mentees: int, actor_id: UUID) -> None:
        self.pairings[pairing_id] = mentees

    def leave_pairing(self, *, pairing_id: UUID, actor_id: UUID) -> None:
        if str(pairing_id) in self.pairings:
            self._left_pairing(pairing_id=str(pairing_id), actor_id=actor_id)

    @event(PairingLeft)
    def _left_pairing(self, *, pairing_id: str, actor_id: UUID) -> None:
        del self.pairings[pairing_id]
