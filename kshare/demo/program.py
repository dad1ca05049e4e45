"""The demo's mentorship program: a closed pilot cohort and one in mid-cycle.

Every action is a real command at its simulated time (see ``seed``): the
charter and templates, cohorts moving through their stages, enrollment,
pairings of all three formats, sessions every couple of weeks, goals and
milestones (some reached and celebrated, some overdue), reflections,
surveys and recognition. One mentee of the current cohort is left
unpaired, for a coordinator to try matching on.

The words of all this (the charter and templates, session notes, goals and
milestones, reflections, survey comments, recognition) live in
``kshare/demo/data/program.toml``; this module holds the timeline.
"""

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

from ..domain.clock import now
from .content import COMPETENCIES, PEOPLE, load_data

_TEXT = load_data("program.toml")
# The charter's fields in their recorded order; its competencies are the demo's.
CHARTER = {
    "intent": _TEXT["charter"]["intent"],
    "expectations": _TEXT["charter"]["expectations"],
    "success_metrics": list(_TEXT["charter"]["success_metrics"]),
    "competencies": COMPETENCIES,
    "cadence_days": _TEXT["charter"]["cadence_days"],
    "time_commitment": _TEXT["charter"]["time_commitment"],
}
# (key, kind, challenge, title, body) of each session template.
TEMPLATES = tuple(
    (t["key"], t["kind"], t["challenge"], t["title"], t["body"])
    for t in _TEXT["templates"]
)
NOTES = _TEXT["sessions"]["notes"]


class DemoProgram:
    """Plans the program's actions on the demo's timeline."""

    def __init__(self, app, plan, rng: random.Random, start: date, today: date) -> None:
        self.app, self.plan, self.rng = app, plan, rng
        self.start, self.today = start, today
        self.refs: dict[str, UUID] = {}
        coordinators = [p for p in PEOPLE if p.coordinator]
        self.cora = coordinators[0].handle
        others = [p for p in PEOPLE if not p.coordinator]
        self.mentors, self.mentees = others[:10], others[10:30]

    def who(self, handle: str) -> UUID:
        return self.plan.people[handle]

    def at(self, day: date, hour: float, action: Callable[[], None]) -> None:
        """Plan an action on a day (if that day has come), hours after 9:00."""
        if day < self.today:
            self.plan.at(
                datetime.combine(day, time(9), tzinfo=UTC) + timedelta(hours=hour),
                action,
            )

    def schedule(self) -> None:
        self.at(self.start - timedelta(days=14), 0, self._launch)
        self._cohort("pilot", self.start, self.mentors[:4], self.mentees[:6])
        autumn = self.start + timedelta(weeks=9)
        self._cohort("autumn", autumn, self.mentors[2:], self.mentees[3:])

    def _launch(self) -> None:
        cora = self.who(self.cora)
        program = self.app.launch_program(
            actor_id=cora,
            slug="leadership",
            name=_TEXT["name"],
            charter=CHARTER,
        ).id
        self.refs["program"] = program
        for key, kind, challenge, title, body in TEMPLATES:
            self.app.save_template(
                actor_id=cora,
                program_id=program,
                key=key,
                kind=kind,
                challenge=challenge,
                title=title,
                body=body,
            )

    def _cohort(self, slug: str, kickoff: date, mentors, mentees) -> None:
        key, end = f"cohort:{slug}", kickoff + timedelta(weeks=10)
        groups = _groups([m.handle for m in mentors], [m.handle for m in mentees])
        load = {mentor: 0 for mentor in (m.handle for m in mentors)}
        for _, mentor, group in groups:
            load[mentor] += len(group)
        self.at(
            kickoff - timedelta(days=10),
            0,
            self._plan_cohort(key, slug, kickoff, end),
        )
        for n, person in enumerate(mentors):
            spare = 1 if n % 3 == 0 else 0  # some mentors keep a place free
            self.at(
                kickoff - timedelta(days=8),
                n / 10,
                self._enroll(key, person, "mentor", load[person.handle] + spare),
            )
        for n, person in enumerate(mentees):
            self.at(
                kickoff - timedelta(days=7),
                n / 10,
                self._enroll(key, person, "mentee", 0),
            )
        self.at(kickoff, 0, self._advance(key, "kicked-off"))
        for n, (format, mentor, group) in enumerate(groups):
            self._pairing(key, n, format, mentor, group, kickoff, end)
        middle = kickoff + timedelta(weeks=5)
        self.at(middle, 0, self._advance(key, "mid-cycle-review"))
        for n, person in enumerate(mentees):
            self.at(
                middle + timedelta(days=1),
                n / 10,
                self._survey(key, person.handle, "mid-cycle"),
            )
        if end < self.today:
            self.at(end, 0, self._advance(key, "end-of-cycle-reflection"))
            for n, person in enumerate(mentees):
                self.at(
                    end + timedelta(days=1),
                    n / 10,
                    self._survey(key, person.handle, "close"),
                )
            self.at(end + timedelta(days=3), 0, self._close_cohort(key))

    def _pairing(
        self,
        key: str,
        n: int,
        format: str,
        mentor: str,
        group: list[str],
        kickoff: date,
        end: date,
    ) -> None:
        ref = f"{key}:pairing:{n}"
        self.at(
            kickoff + timedelta(days=1),
            n / 10,
            self._propose(key, ref, format, mentor, group),
        )
        silent = n % 4 == 3  # one pairing in four stops meeting: a bottleneck to see
        day, count = kickoff + timedelta(days=7), 0
        while day < end and not (silent and count == 2):
            self.at(
                day,
                1 + n / 10,
                self._session(ref, mentor if count % 2 else group[0], count),
            )
            day, count = (
                day + timedelta(days=self.rng.choice((12, 14, 14, 16))),
                count + 1,
            )
        for mentee in group:
            self._growth(ref, mentee, mentor, kickoff)
        self.at(
            kickoff + timedelta(weeks=5, days=2),
            n / 10,
            self._reflect(
                ref, group[0], "mid-cycle", _TEXT["pairings"]["mid_cycle_reflection"]
            ),
        )
        if end < self.today:
            self.at(end + timedelta(days=1), n / 10, self._close_pairing(ref))
            self.at(
                end + timedelta(days=2),
                n / 10,
                self._reflect(
                    ref, group[0], "closing", _TEXT["pairings"]["closing_reflection"]
                ),
            )
            self.at(end + timedelta(days=2), 1, self._recognize(group[0], mentor))

    def _growth(self, ref: str, mentee: str, mentor: str, kickoff: date) -> None:
        gaps = _gaps(mentee)
        self.at(
            kickoff + timedelta(days=3), 0, self._goal(ref, mentee, gaps[0], mentor)
        )
        first, second = f"{ref}:{mentee}:first", f"{ref}:{mentee}:second"
        reached_on = kickoff + timedelta(days=self.rng.randint(16, 26))
        self.at(reached_on, 2, self._reach(ref, mentee, first))
        if self.rng.random() < 0.6:
            self.at(reached_on, 3, self._celebrate(ref, mentee, mentor, first))
        # The second milestone is due six weeks in (see _goal), before the
        # demo's last Monday: the autumn cohort shows overdue milestones
        # whatever day of the week the demo is seeded on.
        if self.rng.random() < 0.4:
            self.at(kickoff + timedelta(days=40), 2, self._reach(ref, mentee, second))

    # -- actions: each runs one command at its planned time -------------------

    def _plan_cohort(self, key: str, slug: str, kickoff: date, end: date):
        def run() -> None:
            cora = self.who(self.cora)
            self.refs[key] = self.app.plan_cohort(
                actor_id=cora,
                program_id=self.refs["program"],
                slug=slug,
                name=_TEXT["cohorts"]["names"][slug],
                pilot=slug == "pilot",
                starts_on=kickoff,
                ends_on=end,
            ).id
            self.app.advance_cohort(
                actor_id=cora, cohort_id=self.refs[key], to="enrolling"
            )

        return run

    def _enroll(self, key: str, person, role: str, capacity: int):
        def run() -> None:
            mentor = role == "mentor"
            self.app.enroll(
                actor_id=self.who(person.handle),
                cohort_id=self.refs[key],
                role=role,
                capacity=capacity,
                goals="" if mentor else _TEXT["enrollment"]["mentee_goals"],
                expertise=list(person.skills) if mentor else [],
                skill_gaps=[] if mentor else _gaps(person.handle)[:2],
                interests=list(person.interests),
            )

        return run

    def _advance(self, key: str, stage: str):
        return lambda: self.app.advance_cohort(
            actor_id=self.who(self.cora), cohort_id=self.refs[key], to=stage
        )

    def _propose(self, key: str, ref: str, format: str, mentor: str, group: list[str]):
        def run() -> None:
            members = {self.who(mentor): "mentor"} | {
                self.who(m): "mentee" for m in group
            }
            self.refs[ref] = self.app.propose_pairing(
                actor_id=self.who(self.cora),
                cohort_id=self.refs[key],
                format=format,
                members=members,
            ).id
            for person in members:
                self.app.accept_pairing(actor_id=person, pairing_id=self.refs[ref])
                self.app.acknowledge_agreement(
                    actor_id=person, pairing_id=self.refs[ref]
                )

        return run

    def _session(self, ref: str, logger: str, number: int):
        def run() -> None:
            held = now().date()  # the simulated day of this session
            self.app.log_session(
                actor_id=self.who(logger),
                pairing_id=self.refs[ref],
                held_on=held,
                minutes=self.rng.choice((30, 45, 45, 60, 60, 90)),
                format=self.rng.choice(("virtual", "virtual", "in-person")),
                agenda=_TEXT["sessions"]["agenda"],
                shared_notes=NOTES[number % len(NOTES)],
                action_items=[
                    {
                        "text": _TEXT["sessions"]["action_item"],
                        "owner": self.who(logger),
                    }
                ],
            )

        return run

    def _goal(self, ref: str, mentee: str, competency: str, mentor: str):
        def run() -> None:
            act = {
                "actor_id": self.who(mentor),
                "pairing_id": self.refs[ref],
                "mentee_id": self.who(mentee),
            }
            goal = self.app.set_goal(
                **act,
                title=_TEXT["growth"]["goal_title"].format(
                    competency=COMPETENCIES[competency].lower()
                ),
                competency=competency,
            ).id
            for name, days in (("first", 21), ("second", 42)):
                self.refs[f"{ref}:{mentee}:{name}"] = self.app.plan_milestone(
                    **act,
                    goal_id=goal,
                    title=_TEXT["growth"][f"{name}_milestone"],
                    due_after_days=days,
                ).id

        return run

    def _reach(self, ref: str, mentee: str, milestone: str):
        return lambda: self.app.reach_milestone(
            actor_id=self.who(mentee),
            pairing_id=self.refs[ref],
            mentee_id=self.who(mentee),
            milestone_id=self.refs[milestone],
            note=_TEXT["growth"]["milestone_note"],
        )

    def _celebrate(self, ref: str, mentee: str, mentor: str, milestone: str):
        return lambda: self.app.celebrate_milestone(
            actor_id=self.who(mentor),
            pairing_id=self.refs[ref],
            mentee_id=self.who(mentee),
            milestone_id=self.refs[milestone],
            message=_TEXT["growth"]["celebration"],
        )

    def _reflect(self, ref: str, member: str, stage: str, reflection: str):
        return lambda: self.app.reflect_on_pairing(
            actor_id=self.who(member),
            pairing_id=self.refs[ref],
            stage=stage,
            reflection=reflection,
        )

    def _close_pairing(self, ref: str):
        return lambda: self.app.close_pairing(
            actor_id=self.who(self.cora),
            pairing_id=self.refs[ref],
            reason=_TEXT["pairings"]["close_reason"],
        )

    def _recognize(self, giver: str, receiver: str):
        return lambda: self.app.recognize(
            actor_id=self.who(giver),
            receiver_id=self.who(receiver),
            message=_TEXT["pairings"]["recognition"],
        )

    def _survey(self, key: str, person: str, occasion: str):
        return lambda: self.app.answer_survey(
            actor_id=self.who(person),
            cohort_id=self.refs[key],
            occasion=occasion,
            sentiment=self.rng.choice((3, 4, 4, 5)),
            value=self.rng.choice((3, 4, 5, 5)),
            comment=self.rng.choice(_TEXT["surveys"]["comments"]),
        )

    def _close_cohort(self, key: str):
        return lambda: self.app.close_cohort(
            actor_id=self.who(self.cora),
            cohort_id=self.refs[key],
            lessons_learned=_TEXT["cohorts"]["lessons_learned"],
            next_direction=_TEXT["cohorts"]["next_direction"],
        )


def _groups(mentors: list[str], mentees: list[str]) -> list[tuple[str, str, list[str]]]:
    """A small group, a shadowing pair, then one-on-ones; the last mentee waits."""
    waiting = list(mentees[:-1])
    groups = [
        ("small-group", mentors[0], waiting[:3]),
        ("shadowing", mentors[1], waiting[3:4]),
    ]
    rest = waiting[4:]
    for n, mentee in enumerate(rest):
        groups.append(("one-on-one", mentors[2 + n % (len(mentors) - 2)], [mentee]))
    return groups


def _gaps(handle: str) -> list[str]:
    person = next(p for p in PEOPLE if p.handle == handle)
    return [c for c in COMPETENCIES if c not in person.skills][:3]
