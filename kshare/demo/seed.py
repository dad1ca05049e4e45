"""Seed a realistic demo program: people, months of posts, appreciation, weekly picks.

The program is replayed as it would have happened: every action is a real
command through the application, stamped with its simulated time
(``simulated_time``), in chronological order.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID

from ..application import KnowledgeShare
from ..domain.clock import iso_week, now, simulated_time
from ..domain.ids import OPERATOR
from ..domain.participants import COORDINATOR, PARTICIPANT
from ..domain.posts import LESSON
from .content import PEOPLE, DemoPost, generate_posts, load_data
from .program import DemoProgram

DEMO_PASSWORD = "kshare-demo"
WEEKS = 16
_TEXT = load_data("library.toml")
NOTES = _TEXT["weekly_notes"]
Progress = Callable[[int, int], None]


@dataclass
class Plan:
    """Timed actions, executed in order; state the later actions depend on."""

    actions: list[tuple[datetime, int, Callable[[], None]]] = field(
        default_factory=list
    )
    people: dict[str, UUID] = field(default_factory=dict)
    posts: dict[int, UUID] = field(default_factory=dict)
    lessons: dict[UUID, datetime] = field(default_factory=dict)
    appreciation: dict[UUID, int] = field(default_factory=dict)
    featured: set[UUID] = field(default_factory=set)

    def at(self, when: datetime, action: Callable[[], None]) -> None:
        self.actions.append((when, len(self.actions), action))


def seed(
    app: KnowledgeShare,
    *,
    posts: int = 240,
    seed: int = 2026,
    today: date | None = None,
    progress: Progress | None = None,
) -> int:
    """Seed the demo program ending on ``today``; return the commands run.

    ``today`` defaults to the current UTC date; a past day gives the demo as
    it would have been seeded then (nothing is ever stamped in the future).
    """
    rng = random.Random(seed)
    today = today or datetime.now(UTC).date()
    start = _monday(today) - timedelta(weeks=WEEKS)
    plan = Plan()
    _plan_people(app, plan, start)
    _plan_posts(app, plan, rng, start, today, generate_posts(rng, posts))
    _plan_weekly_features(app, plan, rng, start, today)
    DemoProgram(app, plan, rng, start, today).schedule()
    plan.actions.sort(key=lambda item: (item[0], item[1]))
    for done, (when, _, action) in enumerate(plan.actions, 1):
        with simulated_time(when):
            action()
        if progress:
            progress(done, len(plan.actions))
    return len(plan.actions)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _at(day: date, hour: float) -> datetime:
    return datetime.combine(day, time(9), tzinfo=UTC) + timedelta(hours=hour)


def _plan_people(app: KnowledgeShare, plan: Plan, start: date) -> None:
    for number, person in enumerate(PEOPLE):

        def register(person=person) -> None:
            receipt = app.register_participant(
                email=person.email,
                handle=person.handle,
                display_name=person.display_name,
                password=DEMO_PASSWORD,
                team=person.team,
                role_title=person.role_title,
                interests=list(person.interests),
                skills=list(person.skills),
                role=COORDINATOR if person.coordinator else PARTICIPANT,
                actor_id=OPERATOR,
            )
            plan.people[person.handle] = receipt.id

        plan.at(_at(start - timedelta(days=21), number * 0.1), register)


def _plan_posts(
    app,
    plan: Plan,
    rng: random.Random,
    start: date,
    today: date,
    drafts: list[DemoPost],
) -> None:
    span_hours = (today - start).days * 24 - 12
    handles = [p.handle for p in PEOPLE]
    # Nothing is stamped after the seeding itself, so the log stays in time order.
    latest = min(_at(today, -1), datetime.now(UTC) - timedelta(minutes=1))
    for number, post in enumerate(drafts):
        when = _at(start, rng.uniform(0, span_hours))
        author = rng.choice(handles)
        publish = rng.random() > 0.03  # a few stay drafts, visible to their author only
        plan.at(when, _write(app, plan, number, post, author, publish))
        if not publish:
            continue
        for reader in rng.sample(
            handles, k=min(len(handles) - 1, int(rng.expovariate(1 / 3)))
        ):
            if reader != author:
                later = when + timedelta(hours=rng.uniform(1, 24 * 10))
                plan.at(min(later, latest), _appreciate(app, plan, number, reader))
        if rng.random() < 0.08:
            plan.at(
                min(when + timedelta(days=rng.uniform(1, 5)), latest),
                _revise(app, plan, number, post, author),
            )


def _write(app, plan: Plan, number: int, post: DemoPost, author: str, publish: bool):
    def write() -> None:
        parts = {
            k: getattr(post, k)
            for k in ("summary", "body", "context", "actions", "outcome")
        }
        receipt = app.draft_post(
            actor_id=plan.people[author],
            kind=post.kind,
            title=post.title,
            parts=parts,
            tags=list(post.tags),
            publish=publish,
        )
        plan.posts[number] = receipt.id
        if post.kind == LESSON and publish:
            plan.lessons[receipt.id] = now()

    return write


def _appreciate(app, plan: Plan, number: int, reader: str):
    def appreciate() -> None:
        receipt = app.appreciate_post(
            actor_id=plan.people[reader], post_id=plan.posts[number]
        )
        if receipt.position is not None:
            plan.appreciation[receipt.id] = plan.appreciation.get(receipt.id, 0) + 1

    return appreciate


def _revise(app, plan: Plan, number: int, post: DemoPost, author: str):
    def revise() -> None:
        parts = {
            k: getattr(post, k)
            for k in ("summary", "body", "context", "actions", "outcome")
        }
        key = "body" if post.kind == LESSON else "outcome"
        parts[key] += "\n\n" + _TEXT["revision"]
        app.revise_post(
            actor_id=plan.people[author],
            post_id=plan.posts[number],
            title=post.title,
            parts=parts,
            tags=list(post.tags),
        )

    return revise


def _plan_weekly_features(
    app, plan: Plan, rng: random.Random, start: date, today: date
) -> None:
    coordinators = [p.handle for p in PEOPLE if p.coordinator]
    monday = start + timedelta(weeks=2)
    while monday < _monday(today):  # this week is left to the automatic pick
        plan.at(
            _at(monday, 0),
            _feature(app, plan, rng.choice(coordinators), monday, rng.choice(NOTES)),
        )
        monday += timedelta(weeks=1)


def _feature(app, plan: Plan, coordinator: str, monday: date, note: str):
    def feature() -> None:
        since = _at(monday, -24 * 28)
        fresh = [
            p
            for p, when in plan.lessons.items()
            if when >= since and p not in plan.featured
        ]
        if not fresh:
            return
        best = max(fresh, key=lambda p: (plan.appreciation.get(p, 0), plan.lessons[p]))
        app.feature_lesson(
            actor_id=plan.people[coordinator],
            week=iso_week(monday),
            post_id=best,
            note=note,
        )
        plan.featured.add(best)

    return feature
