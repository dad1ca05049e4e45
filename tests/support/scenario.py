"""A realistic little program of commands: people, lessons, stories, revisions."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from uuid import UUID

from kshare.domain.clock import iso_week
from kshare.domain.ids import OPERATOR

from .people import registration


def weeks_ago(n: int) -> str:
    return iso_week(datetime.now(UTC).date() - timedelta(weeks=n))


@dataclass
class Scenario:
    people: dict[str, UUID] = field(default_factory=dict)
    posts: dict[str, UUID] = field(default_factory=dict)
    last: int = 0  # the position of the last event saved


class Commands:
    """Issues commands, calling ``after`` once each command is saved."""

    def __init__(self, app, after: Callable[[], None] = lambda: None) -> None:
        self.app, self.after, self.scenario = app, after, Scenario()

    def do(self, command: str, **arguments):
        receipt = getattr(self.app, command)(**arguments)
        self.scenario.last = max(self.scenario.last, receipt.position or 0)
        self.after()
        return receipt

    def join(self, handle: str, **extra) -> UUID:
        receipt = self.do("register_participant", **registration(handle, **extra))
        self.scenario.people[handle] = receipt.id
        return receipt.id

    def write(self, name, author, kind, title, parts, tags, publish=True) -> UUID:
        receipt = self.do(
            "draft_post",
            actor_id=self.scenario.people[author],
            kind=kind,
            title=title,
            parts=parts,
            tags=tags,
            publish=publish,
        )
        self.scenario.posts[name] = receipt.id
        return receipt.id

    def by(self, handle: str, command: str, post: str | None = None, **arguments):
        if post is not None:
            arguments["post_id"] = self.scenario.posts[post]
        return self.do(command, actor_id=self.scenario.people[handle], **arguments)

    def appreciate(self, post: str, *handles: str) -> None:
        for handle in handles:
            self.by(handle, "appreciate_post", post)


def story_parts(context: str, actions: str, outcome: str) -> dict[str, str]:
    return {"context": context, "actions": actions, "outcome": outcome}


def play(app, after: Callable[[], None] = lambda: None) -> Scenario:
    """About fifty events: people, lessons, stories, revisions, features."""
    p = Commands(app, after)
    p.join("cora", role="coordinator", actor_id=OPERATOR)
    for handle in ("alice", "bob", "carol", "dave"):
        p.join(handle)
    p.write("review", "alice", "lesson", "Code reviews that teach",
            {"summary": "Ask, don't order.",
             "body": "Ask questions instead of giving orders in a code review. "
                     "Small pull requests get kinder reviews."},
            ["review", "teamwork"])  # fmt: skip
    p.write("migrate", "bob", "lesson", "Pairing on legacy migrations",
            {"body": "Pair programming through a database migration keeps the "
                     "rollback plan honest."},
            "pairing, Databases")  # fmt: skip
    p.write("secret", "carol", "lesson", "Quokkafish secrets of onboarding",
            {"body": "My zanzibarite onboarding checklist, not ready yet."},
            ["onboarding"], publish=False)  # fmt: skip
    p.write("oncall", "dave", "lesson", "Surviving your first on-call week",
            {"body": "Write the runbook while the incident is fresh. "
                     "Pager fatigue is real."},
            ["oncall", "incidents"])  # fmt: skip
    p.write("deploys", "alice", "story", "Taming Friday deploys",
            story_parts("A flaky deploy every Friday.", "We paired on the pipeline.",
                        "Deploys are boring now."), ["deploys"])  # fmt: skip
    p.write("timezones", "bob", "story", "Mentoring across time zones",
            story_parts("My mentee lived nine hours ahead.", "Async video notes.",
                        "We met weekly anyway."), ["mentoring", "remote"])  # fmt: skip
    p.write("outage", "carol", "story", "The outage that taught us humility",
            story_parts("A cache stampede at noon.", "We rolled back.",
                        "Humility and better alerts."), ["incidents"])  # fmt: skip
    p.appreciate("review", "bob", "carol", "dave")
    p.appreciate("migrate", "alice", "carol")
    p.appreciate("oncall", "alice")
    p.appreciate("deploys", "bob", "dave")
    p.appreciate("timezones", "alice")
    p.appreciate("outage", "alice", "bob")
    p.by("alice", "revise_post", "review", title="Code reviews that teach kindly",
         parts={"summary": "Ask, don't order.",
                "body": "Ask questions instead of giving orders in a code review."},
         tags=["review", "teamwork"])  # fmt: skip
    p.by("cora", "revise_post", "review", title="Code reviews that teach kindly",
         parts={"summary": "Ask, don't order.",
                "body": "Ask questions instead of giving orders in a code review."},
         tags=["review", "mentoring"])  # fmt: skip
    p.by("dave", "revise_post", "oncall", title="Surviving your first on-call rotation",
         parts={"body": "Write the runbook while the incident is fresh. "
                        "Agree on an escalation ladder before the first page."},
         tags=["oncall", "incidents"])  # fmt: skip
    for week, post in ((0, "oncall"), (1, "review"), (2, "migrate")):
        p.by("cora", "feature_lesson", post, week=weeks_ago(week), note=f"Pick {week}")
    p.by("bob", "retract_post", "migrate", reason="Needs an update")
    p.by("bob", "republish_post", "migrate")
    p.by("carol", "retract_post", "outage", reason="Shared too soon")
    p.write("mentor", "dave", "story", "From mentee to mentor in a year",
            story_parts("I joined as a mentee.", "I took notes on everything.",
                        "Now I mentor two people."), ["mentoring"])  # fmt: skip
    p.by("alice", "update_profile", participant_id=p.scenario.people["alice"],
         display_name="Alice Archer", team="Platform", skills="go, sql")  # fmt: skip
    return p.scenario
