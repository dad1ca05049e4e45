"""Commands of growth: development plans, goals, milestones, celebrations."""

from uuid import UUID

from ..domain.cohorts import Cohort
from ..domain.errors import Invalid, NotAllowed, NotFound
from ..domain.growth import DevelopmentPlan, plan_id
from ..domain.pairings import Pairing
from ..domain.posts import PUBLISHED, Post
from ..domain.programs import Program
from .base import RACE, Base, Receipt


class GrowthCommands(Base):
    def set_goal(
        self,
        *,
        actor_id: UUID,
        pairing_id: UUID,
        mentee_id: UUID,
        title: str,
        competency: str,
    ) -> Receipt:
        """Add a goal, tied to a competency of the charter, to a mentee's plan."""
        plan, pairing = self._plan(actor_id, pairing_id, mentee_id)
        cohort = self._get(pairing.cohort_id, Cohort, "cohort", to_change=False)
        program = self._get(cohort.program_id, Program, "program", to_change=False)
        goal = plan.set_goal(
            title=title,
            competency=competency,
            competencies=program.charter["competencies"],
            actor_id=actor_id,
        )
        return Receipt(UUID(goal), self._save(plan, conflict=RACE))

    def plan_milestone(
        self,
        *,
        actor_id: UUID,
        pairing_id: UUID,
        mentee_id: UUID,
        goal_id: UUID,
        title: str,
        due_after_days: int,
    ) -> Receipt:
        """Add a milestone to a goal, due some days after the pairing started."""
        plan, _ = self._plan(actor_id, pairing_id, mentee_id)
        milestone = plan.plan_milestone(
            goal_id=str(goal_id),
            title=title,
            due_after_days=due_after_days,
            actor_id=actor_id,
        )
        return Receipt(UUID(milestone), self._save(plan, conflict=RACE))

    def reach_milestone(
        self,
        *,
        actor_id: UUID,
        pairing_id: UUID,
        mentee_id: UUID,
        milestone_id: UUID,
        note: str = "",
        link: str = "",
        post_id: UUID | None = None,
    ) -> Receipt:
        """Mark a milestone reached, with a note, a link or a post of the mentee's."""
        plan, _ = self._plan(actor_id, pairing_id, mentee_id)
        if post_id is not None:
            post = self._get(post_id, Post, "post", to_change=False)
            if post.author_id != plan.mentee_id or post.status != PUBLISHED:
                raise Invalid("Evidence can be a post the mentee published.")
        plan.reach(
            milestone_id=str(milestone_id),
            evidence={"note": note, "link": link, "post_id": post_id},
            actor_id=actor_id,
        )
        return Receipt(milestone_id, self._save(plan, conflict=RACE))

    def celebrate_milestone(
        self,
        *,
        actor_id: UUID,
        pairing_id: UUID,
        mentee_id: UUID,
        milestone_id: UUID,
        message: str,
    ) -> Receipt:
        """Celebrate a reached milestone publicly (the celebrations feed)."""
        plan, _ = self._plan(actor_id, pairing_id, mentee_id)
        plan.celebrate(
            milestone_id=str(milestone_id), message=message, actor_id=actor_id
        )
        return Receipt(milestone_id, self._save(plan, conflict=RACE))

    def _plan(
        self, actor_id: UUID, pairing_id: UUID, mentee_id: UUID
    ) -> tuple[DevelopmentPlan, Pairing]:
        """The mentee's plan in a pairing (started on first use), for its members."""
        actor = self._acting(actor_id)
        pairing = self._get(pairing_id, Pairing, "pairing", to_change=False)
        if str(actor.id) not in pairing.members and not actor.is_coordinator:
            raise NotAllowed("Only the pairing's members or a coordinator may do that.")
        if str(mentee_id) not in pairing.mentees:
            raise Invalid("Development plans belong to the pairing's mentees.")
        try:
            plan = self._get(plan_id(pairing.id, mentee_id), DevelopmentPlan, "plan")
        except NotFound:
            if pairing.started_on is None:
                raise Invalid("A plan starts once the pairing is active.") from None
            plan = DevelopmentPlan(
                pairing_id=pairing.id,
                cohort_id=pairing.cohort_id,
                mentee_id=mentee_id,
                started_on=pairing.started_on,
                actor_id=actor.id,
            )
        return plan, pairing
