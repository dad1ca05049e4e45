"""Commands of a mentorship program: charter, templates, cohorts, enrollment."""

from datetime import date
from uuid import UUID

from ..domain.cohorts import Cohort, Enrollment, enrollment_id
from ..domain.errors import NotAllowed
from ..domain.programs import Program
from .base import RACE, Base, Receipt, day_of


class ProgramCommands(Base):
    def launch_program(
        self, *, actor_id: UUID, slug: str, name: str, charter: dict
    ) -> Receipt:
        """Start a program with its first charter (coordinators)."""
        self._coordinator(actor_id, "launch a program")
        program = Program.launch(
            slug=slug, name=name, charter=charter, actor_id=actor_id
        )
        taken = f"A program called {program.slug!r} exists already."
        return Receipt(program.id, self._save(program, conflict=taken))

    def revise_charter(
        self, *, actor_id: UUID, program_id: UUID, charter: dict, note: str
    ) -> Receipt:
        """Save a new version of the charter; every version stays readable.

        Fields left out keep their current value (the site's form has no
        sponsors or coordinators, say).
        """
        self._coordinator(actor_id, "change the charter")
        program = self._get(program_id, Program, "program")
        program.revise_charter(
            charter=program.charter | charter, note=note, actor_id=actor_id
        )
        return Receipt(program.id, self._save(program, conflict=RACE))

    def save_template(self, *, actor_id: UUID, program_id: UUID, **template) -> Receipt:
        """Add or edit an agenda, reflection or discussion template."""
        self._coordinator(actor_id, "edit templates")
        program = self._get(program_id, Program, "program")
        program.save_template(
            challenge=template.pop("challenge", ""), actor_id=actor_id, **template
        )
        return Receipt(program.id, self._save(program, conflict=RACE))

    def plan_cohort(
        self,
        *,
        actor_id: UUID,
        program_id: UUID,
        slug: str,
        name: str,
        starts_on: date | str,
        ends_on: date | str,
        pilot: bool = False,
    ) -> Receipt:
        """Plan a cohort of a program (coordinators)."""
        self._coordinator(actor_id, "plan a cohort")
        program = self._get(program_id, Program, "program", to_change=False)
        cohort = Cohort.plan(
            program_id=program.id,
            slug=slug,
            name=name,
            pilot=pilot,
            starts_on=day_of(starts_on, "start"),
            ends_on=day_of(ends_on, "end"),
            actor_id=actor_id,
        )
        taken = f"{program.name} already has a cohort called {cohort.slug!r}."
        return Receipt(cohort.id, self._save(cohort, conflict=taken))

    def advance_cohort(self, *, actor_id: UUID, cohort_id: UUID, to: str) -> Receipt:
        """Move a cohort to its next stage (coordinators)."""
        self._coordinator(actor_id, "move a cohort on")
        cohort = self._get(cohort_id, Cohort, "cohort")
        cohort.advance(to=to, actor_id=actor_id)
        return Receipt(cohort.id, self._save(cohort, conflict=RACE))

    def close_cohort(
        self,
        *,
        actor_id: UUID,
        cohort_id: UUID,
        lessons_learned: str,
        next_direction: str,
    ) -> Receipt:
        """Close a cohort with its reflection summary (coordinators)."""
        self._coordinator(actor_id, "close a cohort")
        cohort = self._get(cohort_id, Cohort, "cohort")
        cohort.close(
            lessons_learned=lessons_learned,
            next_direction=next_direction,
            actor_id=actor_id,
        )
        return Receipt(cohort.id, self._save(cohort, conflict=RACE))

    def enroll(
        self,
        *,
        actor_id: UUID,
        cohort_id: UUID,
        role: str,
        participant_id: UUID | None = None,
        **profile,
    ) -> Receipt:
        """Join a cohort as mentor, mentee or both; coordinators enroll others."""
        person = self._for_whom(actor_id, participant_id, "enroll someone else")
        cohort = self._get(cohort_id, Cohort, "cohort", to_change=False)
        joined = Enrollment.enroll(
            cohort=cohort,
            participant_id=person,
            role=role,
            actor_id=actor_id,
            **profile,
        )
        again = "This person is already enrolled in this cohort."
        return Receipt(joined.id, self._save(joined, conflict=again))

    def complete_orientation(
        self,
        *,
        actor_id: UUID,
        cohort_id: UUID,
        item: str,
        participant_id: UUID | None = None,
    ) -> Receipt:
        """Tick off a step of someone's orientation checklist."""
        enrollment = self._enrollment(actor_id, cohort_id, participant_id)
        enrollment.complete_orientation(item=item, actor_id=actor_id)
        return Receipt(enrollment.id, self._save(enrollment, conflict=RACE))

    def _for_whom(
        self, actor_id: UUID, participant_id: UUID | None, doing: str
    ) -> UUID:
        """The person a command is about: the actor, or anyone for a coordinator."""
        actor = self._acting(actor_id)
        if participant_id is None or participant_id == actor.id:
            return actor.id
        if not actor.is_coordinator:
            raise NotAllowed(f"Only a coordinator may {doing}.")
        return participant_id

    def _enrollment(
        self, actor_id: UUID, cohort_id: UUID, participant_id: UUID | None
    ) -> Enrollment:
        person = self._for_whom(actor_id, participant_id, "act for someone else")
        return self._get(enrollment_id(cohort_id, person), Enrollment, "enrollment")
