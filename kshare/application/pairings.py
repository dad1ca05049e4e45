"""Commands of pairings: propose, accept, pause, close, agreements, sessions."""

from datetime import date
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError

from ..domain.cohorts import CLOSED as COHORT_CLOSED
from ..domain.cohorts import Cohort, Enrollment, enrollment_id
from ..domain.errors import Invalid, NotAllowed, NotFound
from ..domain.pairings import MENTOR, Pairing, PairSlot, PrivateNote, pair_slot_id
from ..domain.programs import Program
from .base import RACE, Base, Receipt, day_of

AGREEMENT = {
    "confidentiality": "What is said in a session stays in it unless all agree.",
    "boundaries": "Sessions are for growth, not performance reviews; anyone may "
    "pause or close the pairing.",
}
TAKEN = "Someone else paired one of these people at the same moment; reload and retry."


class PairingCommands(Base):
    def propose_pairing(
        self, *, actor_id: UUID, cohort_id: UUID, format: str, members: dict[UUID, str]
    ) -> Receipt:
        """Propose a pairing (coordinators), or request one that includes you."""
        actor = self._acting(actor_id)
        if not actor.is_coordinator and actor.id not in members:
            raise NotAllowed("You may request a pairing that includes you.")
        cohort = self._get(cohort_id, Cohort, "cohort", to_change=False)
        if cohort.stage == COHORT_CLOSED:
            raise Invalid(f"{cohort.name} is closed: nobody in it can be paired.")
        program = self._get(cohort.program_id, Program, "program", to_change=False)
        charter = program.charter
        pairing = Pairing.propose(
            cohort_id=cohort.id,
            format=format,
            members=members,
            agreement=AGREEMENT | {"time_commitment": charter["time_commitment"]},
            requested=not actor.is_coordinator,
            actor_id=actor.id,
        )
        enrollments = [self._member_enrollment(cohort.id, p) for p in pairing.members]
        for enrollment in enrollments:
            role = pairing.members[str(enrollment.participant_id)]
            mentees = len(pairing.mentees) if role == MENTOR else 0
            enrollment.join_pairing(
                pairing_id=pairing.id, as_role=role, mentees=mentees, actor_id=actor.id
            )
        slot = self._take_slot(pairing, actor.id)
        return Receipt(
            pairing.id, self._save(pairing, slot, *enrollments, conflict=TAKEN)
        )

    def _member_enrollment(self, cohort_id: UUID, person: str) -> Enrollment:
        try:
            return self._get(
                enrollment_id(cohort_id, UUID(person)), Enrollment, "member"
            )
        except NotFound:
            raise Invalid(
                "Everyone in a pairing must be enrolled in its cohort."
            ) from None

    def _take_slot(self, pairing: Pairing, actor_id: UUID) -> PairSlot:
        try:
            slot = self.repository.get(pair_slot_id(pairing.members))
        except AggregateNotFoundError:
            return PairSlot(
                members=sorted(pairing.members),
                pairing_id=pairing.id,
                actor_id=actor_id,
            )
        slot.take(pairing_id=pairing.id, actor_id=actor_id)
        return slot

    def _release(
        self, pairing: Pairing, actor_id: UUID, loaded: dict | None = None
    ) -> list:
        """The slot and every member's count let go of a pairing that ended.

        ``loaded`` holds aggregates this command already changed, so each is
        changed and saved once.
        """
        loaded = loaded or {}
        slot_id = pair_slot_id(pairing.members)
        slot = loaded.get(slot_id) or self.repository.get(slot_id)
        slot.free(actor_id=actor_id)
        changed = [slot]
        for person in pairing.members:
            key = enrollment_id(pairing.cohort_id, UUID(person))
            enrollment = loaded.get(key) or self._get(key, Enrollment, "member")
            enrollment.leave_pairing(pairing_id=pairing.id, actor_id=actor_id)
            changed.append(enrollment)
        return changed

    def leave_cohort(
        self,
        *,
        actor_id: UUID,
        cohort_id: UUID,
        reason: str,
        participant_id: UUID | None = None,
    ) -> Receipt:
        """Leave a cohort, with a reason; the person's open pairings close with it."""
        enrollment = self._enrollment(actor_id, cohort_id, participant_id)
        open_pairings = list(enrollment.pairings)
        enrollment.leave(reason=reason, actor_id=actor_id)
        changed = {enrollment.id: enrollment}
        for pairing_id in open_pairings:
            pairing = self._get(UUID(pairing_id), Pairing, "pairing")
            why = f"A member left the cohort: {reason.strip()}"[:500]
            pairing.close(reason=why, actor_id=actor_id)
            changed[pairing.id] = pairing
            released = self._release(pairing, actor_id, changed)
            changed |= {a.id: a for a in released}
        return Receipt(enrollment.id, self._save(*changed.values(), conflict=RACE))

    def _pairing(
        self, actor_id: UUID, pairing_id: UUID, *, members_only=False
    ) -> Pairing:
        """A pairing its members (or, unless ``members_only``, coordinators) act on."""
        actor = self._acting(actor_id)
        pairing = self._get(pairing_id, Pairing, "pairing")
        if str(actor.id) not in pairing.members and (
            members_only or not actor.is_coordinator
        ):
            raise NotAllowed(
                "Only the members of this pairing (or a coordinator) may do that."
            )
        return pairing

    def accept_pairing(self, *, actor_id: UUID, pairing_id: UUID) -> Receipt:
        """Accept a proposed pairing; it is active once every member accepted."""
        pairing = self._pairing(actor_id, pairing_id, members_only=True)
        pairing.accept(member=actor_id, actor_id=actor_id)
        return Receipt(pairing.id, self._save(pairing, conflict=RACE))

    def decline_pairing(
        self, *, actor_id: UUID, pairing_id: UUID, reason: str
    ) -> Receipt:
        """Decline a proposed pairing, with a reason."""
        pairing = self._pairing(actor_id, pairing_id, members_only=True)
        pairing.decline(member=actor_id, reason=reason, actor_id=actor_id)
        released = self._release(pairing, actor_id)
        return Receipt(pairing.id, self._save(pairing, *released, conflict=RACE))

    def pause_pairing(
        self, *, actor_id: UUID, pairing_id: UUID, reason: str
    ) -> Receipt:
        pairing = self._pairing(actor_id, pairing_id)
        pairing.pause(reason=reason, actor_id=actor_id)
        return Receipt(pairing.id, self._save(pairing, conflict=RACE))

    def resume_pairing(self, *, actor_id: UUID, pairing_id: UUID) -> Receipt:
        pairing = self._pairing(actor_id, pairing_id)
        pairing.resume(actor_id=actor_id)
        return Receipt(pairing.id, self._save(pairing, conflict=RACE))

    def close_pairing(
        self, *, actor_id: UUID, pairing_id: UUID, reason: str
    ) -> Receipt:
        """Close a pairing (a member or a coordinator, e.g. at a rotation date)."""
        pairing = self._pairing(actor_id, pairing_id)
        pairing.close(reason=reason, actor_id=actor_id)
        released = self._release(pairing, actor_id)
        return Receipt(pairing.id, self._save(pairing, *released, conflict=RACE))

    def reflect_on_pairing(
        self, *, actor_id: UUID, pairing_id: UUID, stage: str, reflection: str
    ) -> Receipt:
        """Write one's reflection at mid-cycle, end of cycle, or on closing."""
        pairing = self._pairing(actor_id, pairing_id, members_only=True)
        pairing.reflect(
            member=actor_id, stage=stage, text_=reflection, actor_id=actor_id
        )
        return Receipt(pairing.id, self._save(pairing, conflict=RACE))

    def acknowledge_agreement(self, *, actor_id: UUID, pairing_id: UUID) -> Receipt:
        """Acknowledge the mentoring agreement (needed before sessions)."""
        pairing = self._pairing(actor_id, pairing_id, members_only=True)
        pairing.acknowledge_agreement(member=actor_id, actor_id=actor_id)
        return Receipt(pairing.id, self._save(pairing, conflict=RACE))

    def log_session(
        self,
        *,
        actor_id: UUID,
        pairing_id: UUID,
        held_on: date | str,
        minutes: int,
        format: str,
        agenda: str = "",
        shared_notes: str = "",
        action_items: list[dict] = (),
        private_note: str = "",
    ) -> Receipt:
        """Log a session; a private note is kept apart, for its author alone."""
        pairing = self._pairing(actor_id, pairing_id, members_only=True)
        session_id = pairing.log_session(
            held_on=day_of(held_on, "session"),
            minutes=minutes,
            format=format,
            agenda=agenda,
            shared_notes=shared_notes,
            action_items=list(action_items),
            actor_id=actor_id,
        )
        notes = []
        if (private_note or "").strip():
            notes.append(
                PrivateNote(
                    author_id=actor_id,
                    pairing_id=pairing.id,
                    session_id=session_id,
                    note=private_note.strip()[:20_000],
                    actor_id=actor_id,
                )
            )
        return Receipt(pairing.id, self._save(pairing, *notes, conflict=RACE))

    def complete_action_item(
        self, *, actor_id: UUID, pairing_id: UUID, session_id: str, index: int
    ) -> Receipt:
        pairing = self._pairing(actor_id, pairing_id, members_only=True)
        pairing.complete_action_item(
            session_id=session_id, index=index, actor_id=actor_id
        )
        return Receipt(pairing.id, self._save(pairing, conflict=RACE))
