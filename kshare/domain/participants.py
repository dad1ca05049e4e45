"""Participants: the mentors, mentees and coordinators of a program."""

from uuid import UUID

from eventsourcing.domain import event

from . import text
from .aggregate import KAggregate
from .errors import Invalid
from .ids import handle_claim_id, participant_id

PARTICIPANT = "participant"
COORDINATOR = "coordinator"
SPONSOR = "sponsor"  # reads the program dashboard; runs no cohort
AUDITOR = "auditor"  # reads the whole history; may only seal and export it
ROLES = (PARTICIPANT, COORDINATOR, SPONSOR, AUDITOR)


def checked_role(role: str) -> str:
    if role not in ROLES:
        raise Invalid(f"Unknown role {role!r}; the roles are {', '.join(ROLES)}.")
    return role


class Participant(KAggregate):
    """A person in the program, identified by their email address."""

    @staticmethod
    def create_id(email: str) -> UUID:
        return participant_id(email)

    @classmethod
    def register(
        cls, *, email: str, handle: str, display_name: str, **profile
    ) -> "Participant":
        role = checked_role(profile.pop("role", PARTICIPANT))
        return cls(
            email=text.email(email),
            handle=text.handle(handle),
            display_name=text.required(display_name, "Display name", maximum=80),
            role=role,
            password_hash=profile.pop("password_hash"),
            actor_id=profile.pop("actor_id"),
            **_profile(**profile),
        )

    @event("Registered")
    def __init__(
        self,
        *,
        email: str,
        handle: str,
        display_name: str,
        team: str,
        role_title: str,
        interests: list[str],
        skills: list[str],
        role: str,
        password_hash: str,
        actor_id: UUID,
    ) -> None:
        self.email = email
        self.handle = handle
        self.display_name = display_name
        self.team = team
        self.role_title = role_title
        self.interests = interests
        self.skills = skills
        self.role = role
        self.password_hash = password_hash
        self.active = True

    def update_profile(self, *, display_name: str, actor_id: UUID, **profile) -> None:
        self._profile_updated(
            display_name=text.required(display_name, "Display name", maximum=80),
            actor_id=actor_id,
            **_profile(**profile),
        )

    @event("ProfileUpdated")
    def _profile_updated(
        self,
        *,
        display_name: str,
        team: str,
        role_title: str,
        interests: list[str],
        skills: list[str],
        actor_id: UUID,
    ) -> None:
        self.display_name = display_name
        self.team = team
        self.role_title = role_title
        self.interests = interests
        self.skills = skills

    @event("PasswordChanged")
    def change_password(self, *, password_hash: str, actor_id: UUID) -> None:
        self.password_hash = password_hash

    def change_role(self, *, role: str, actor_id: UUID) -> None:
        if checked_role(role) != self.role:
            self._role_changed(role=role, actor_id=actor_id)

    @event("RoleChanged")
    def _role_changed(self, *, role: str, actor_id: UUID) -> None:
        self.role = role

    def deactivate(self, *, reason: str, actor_id: UUID) -> None:
        if not self.active:
            raise Invalid(f"@{self.handle} is already deactivated.")
        self._deactivated(reason=text.required(reason, "A reason"), actor_id=actor_id)

    @event("Deactivated")
    def _deactivated(self, *, reason: str, actor_id: UUID) -> None:
        self.active = False

    @property
    def is_coordinator(self) -> bool:
        return self.role == COORDINATOR

    @property
    def is_auditor(self) -> bool:
        return self.role == AUDITOR


class HandleClaim(KAggregate):
    """Holds a handle for one participant: a second claim conflicts in the store."""

    @staticmethod
    def create_id(handle: str) -> UUID:
        return handle_claim_id(handle)

    @event("HandleClaimed")
    def __init__(self, *, handle: str, participant_id: UUID, actor_id: UUID) -> None:
        self.handle = handle
        self.participant_id = participant_id


def _profile(
    *, team: str = "", role_title: str = "", interests=(), skills=()
) -> dict[str, object]:
    return {
        "team": text.optional(team, "Team", maximum=80),
        "role_title": text.optional(role_title, "Role title", maximum=80),
        "interests": text.word_list(interests, "An interest"),
        "skills": text.word_list(skills, "A skill"),
    }
