"""Growth: a mentee's development plan in a pairing, its goals and milestones.

Milestones are due a number of days after the pairing started, as the best
mentoring platforms count them; reaching one needs evidence; celebrating
one makes it public (the celebrations feed).
"""

from datetime import date, timedelta
from uuid import UUID, uuid4

from eventsourcing.domain import event

from . import text
from .aggregate import KAggregate
from .errors import Invalid
from .ids import natural_id


def plan_id(pairing_id: UUID, mentee_id: UUID) -> UUID:
    return natural_id("development-plan", pairing_id, mentee_id)


class DevelopmentPlan(KAggregate):
    """One mentee's plan in one pairing."""

    @staticmethod
    def create_id(pairing_id: UUID, mentee_id: UUID) -> UUID:
        return plan_id(pairing_id, mentee_id)

    @event("PlanStarted")
    def __init__(
        self,
        *,
        pairing_id: UUID,
        cohort_id: UUID,
        mentee_id: UUID,
        started_on: str,
        actor_id: UUID,
    ) -> None:
        self.pairing_id = pairing_id
        self.mentee_id = mentee_id
        self.started_on = started_on
        self.goals: dict[str, str] = {}  # goal id -> competency
        self.milestones: dict[str, dict] = {}

    def set_goal(
        self, *, title: str, competency: str, competencies: dict, actor_id: UUID
    ) -> str:
        slug = text.slug(competency, "A competency")
        if slug not in competencies:
            raise Invalid(f"{slug!r} is not a competency of this program's charter.")
        goal_id = str(uuid4())
        self._goal_set(
            goal_id=goal_id,
            title=text.required(title, "A goal", maximum=200),
            competency=slug,
            actor_id=actor_id,
        )
        return goal_id

    @event("GoalSet")
    def _goal_set(
        self, *, goal_id: str, title: str, competency: str, actor_id: UUID
    ) -> None:
        self.goals[goal_id] = competency

    def plan_milestone(
        self, *, goal_id: str, title: str, due_after_days: int, actor_id: UUID
    ) -> str:
        if goal_id not in self.goals:
            raise Invalid("There is no such goal in this plan.")
        if not isinstance(due_after_days, int) or not 1 <= due_after_days <= 730:
            raise Invalid("A milestone is due 1 to 730 days after the pairing started.")
        due_on = date.fromisoformat(self.started_on) + timedelta(days=due_after_days)
        milestone_id = str(uuid4())
        self._milestone_planned(
            milestone_id=milestone_id,
            goal_id=goal_id,
            title=text.required(title, "A milestone", maximum=200),
            due_on=due_on.isoformat(),
            actor_id=actor_id,
        )
        return milestone_id

    @event("MilestonePlanned")
    def _milestone_planned(
        self,
        *,
        milestone_id: str,
        goal_id: str,
        title: str,
        due_on: str,
        actor_id: UUID,
    ) -> None:
        self.milestones[milestone_id] = {"reached": False, "celebrated": False}

    def reach(self, *, milestone_id: str, evidence: dict, actor_id: UUID) -> None:
        milestone = self._milestone(milestone_id)
        if milestone["reached"]:
            raise Invalid("This milestone is already reached.")
        checked = {
            "note": text.optional(evidence.get("note"), "A note", maximum=2000),
            "link": text.optional(evidence.get("link"), "A link", maximum=500),
            "post_id": str(evidence["post_id"]) if evidence.get("post_id") else "",
        }
        if not any(checked.values()):
            raise Invalid(
                "Reaching a milestone needs evidence: a note, a link or a lesson."
            )
        if checked["link"] and not checked["link"].startswith(("https://", "http://")):
            raise Invalid("Evidence links start with https:// or http://.")
        self._reached(milestone_id=milestone_id, evidence=checked, actor_id=actor_id)

    @event("MilestoneReached")
    def _reached(self, *, milestone_id: str, evidence: dict, actor_id: UUID) -> None:
        self.milestones[milestone_id]["reached"] = True

    def celebrate(self, *, milestone_id: str, message: str, actor_id: UUID) -> None:
        milestone = self._milestone(milestone_id)
        if not milestone["reached"]:
            raise Invalid("A milestone is celebrated once it is reached.")
        if milestone["celebrated"]:
            raise Invalid("This milestone was already celebrated.")
        self._celebrated(
            milestone_id=milestone_id,
            message=text.required(message, "A message", maximum=500),
            actor_id=actor_id,
        )

    @event("MilestoneCelebrated")
    def _celebrated(self, *, milestone_id: str, message: str, actor_id: UUID) -> None:
        self.milestones[milestone_id]["celebrated"] = True

    def _milestone(self, milestone_id: str) -> dict:
        if milestone_id not in self.milestones:
            raise Invalid("There is no such milestone in this plan.")
        return self.milestones[milestone_id]
