"""A program to test against: a coordinator, a charter, people, cohorts, pairings."""

from datetime import date
from uuid import UUID

from kshare.domain.ids import OPERATOR

CHARTER = {
    "intent": "Grow confident technical leads.",
    "expectations": "Meet every two weeks.",
    "success_metrics": ["milestones reached"],
    "competencies": {"code-review": "Code review", "giving-feedback": "Feedback"},
    "cadence_days": 14,
    "time_commitment": "Two hours a month",
}


class World:
    """Builds a program through the application, the way people would."""

    def __init__(self, app, charter: dict = CHARTER) -> None:
        self.app = app
        self.cora = self.person("cora", "People", role="coordinator", actor_id=OPERATOR)
        self.program = app.launch_program(
            actor_id=self.cora, slug="leads", name="Leads", charter=charter
        ).id

    def person(self, handle: str, team: str = "", **extra) -> UUID:
        return self.app.register_participant(
            email=f"{handle}@example.org",
            handle=handle,
            display_name=handle.title(),
            password="correct horse battery",
            team=team,
            **extra,
        ).id

    def cohort(self, slug: str = "spring", stages=("enrolling",), **extra) -> UUID:
        cohort = self.app.plan_cohort(
            actor_id=self.cora,
            program_id=self.program,
            slug=slug,
            name=slug.title(),
            starts_on=date(2026, 1, 5),
            ends_on=date(2026, 6, 30),
            **extra,
        ).id
        for stage in stages:
            self.app.advance_cohort(actor_id=self.cora, cohort_id=cohort, to=stage)
        return cohort

    def pair(self, cohort: UUID, members: dict, format: str = "one-on-one") -> UUID:
        """Propose a pairing; every member accepts and acknowledges the agreement."""
        pairing = self.app.propose_pairing(
            actor_id=self.cora, cohort_id=cohort, format=format, members=members
        ).id
        for member in members:
            self.app.accept_pairing(actor_id=member, pairing_id=pairing)
            self.app.acknowledge_agreement(actor_id=member, pairing_id=pairing)
        return pairing
