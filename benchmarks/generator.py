"""A synthetic mentorship program: a deterministic list of commands at any scale.

``generate(scale)`` gives ``max(30, scale // 100)`` participants (three of
them coordinators) and ``scale`` posts (60% lessons, 40% stories), all
published, over up to two years; about 10% of posts get a revision, about
one appreciation per post, and most weeks a lesson of the week. Commands
carry the simulated moment they happen at; ``Program.more(n)`` makes extra
commands that happen now, for the live measurements.
"""

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from kshare.domain.clock import iso_week
from kshare.domain.participants import COORDINATOR, PARTICIPANT

from .vocabulary import NAMES, SURNAMES, TEAMS, Text

SEED = 2026
START = datetime(2025, 1, 6, 9, tzinfo=UTC)  # a Monday
COORDINATORS = 3


@dataclass(frozen=True)
class Person:
    index: int
    email: str
    handle: str
    display_name: str
    role: str
    team: str


@dataclass(frozen=True)
class Draft:
    post: int
    author: int
    kind: str
    title: str
    parts: dict[str, str]
    tags: list[str]
    at: datetime | None


@dataclass(frozen=True)
class Revise:
    post: int
    author: int
    title: str
    parts: dict[str, str]
    tags: list[str]
    at: datetime | None


@dataclass(frozen=True)
class Appreciate:
    post: int
    actor: int
    at: datetime | None


@dataclass(frozen=True)
class Feature:
    week: str
    post: int
    actor: int
    note: str
    at: datetime | None


@dataclass
class Program:
    people: list[Person]
    text: Text
    rng: random.Random
    commands: list = field(default_factory=list)
    authors: dict[int, int] = field(default_factory=dict)  # post -> author
    kinds: dict[int, str] = field(default_factory=dict)  # post -> kind
    appreciated: set[tuple[int, int]] = field(default_factory=set)

    def __post_init__(self) -> None:
        # A few people write much more than the others.
        self._weights = [1 / (i + 5) for i in range(len(self.people))]

    def count(self, kind: type) -> int:
        return sum(isinstance(c, kind) for c in self.commands)

    def draft(self, at: datetime | None) -> Draft:
        post = len(self.authors)
        author = self.rng.choices(range(len(self.people)), self._weights)[0]
        kind = "lesson" if self.rng.random() < 0.6 else "story"
        self.authors[post], self.kinds[post] = author, kind
        title, parts, tags = self.content(kind)
        return Draft(post, author, kind, title, parts, tags, at)

    def revise(self, post: int, at: datetime | None) -> Revise:
        title, parts, tags = self.content(self.kinds[post])
        return Revise(post, self.authors[post], title, parts, tags, at)

    def appreciate(self, post: int, at: datetime | None) -> Appreciate | None:
        actor = self.rng.randrange(len(self.people))
        if actor == self.authors[post] or (post, actor) in self.appreciated:
            return None
        self.appreciated.add((post, actor))
        return Appreciate(post, actor, at)

    def content(self, kind: str) -> tuple[str, dict[str, str], list[str]]:
        text = self.text
        if kind == "lesson":
            summary = text.title() if self.rng.random() < 0.5 else ""
            parts = {"summary": summary, "body": text.paragraph((5, 10))}
        else:
            parts = {
                p: text.paragraph((2, 4)) for p in ("context", "actions", "outcome")
            }
        return text.title(), parts, text.tag_list()

    def more(self, n: int) -> list:
        """``n`` commands that happen now: drafts, revisions and appreciations."""
        out: list = []
        while len(out) < n:
            roll = self.rng.random()
            if roll < 0.5:
                command = self.draft(None)
            elif roll < 0.75:
                command = self.revise(self.rng.randrange(len(self.authors)), None)
            else:
                command = self.appreciate(self.rng.randrange(len(self.authors)), None)
            if command is not None:
                out.append(command)
        self.commands.extend(out)
        return out


def people(count: int) -> list[Person]:
    out = []
    for i in range(count):
        first, last = NAMES[i % len(NAMES)], SURNAMES[(i // len(NAMES)) % len(SURNAMES)]
        handle = f"{first}-{last}-{i}"
        role = COORDINATOR if i < COORDINATORS else PARTICIPANT
        name = f"{first.title()} {last.title()}"
        out.append(Person(i, f"{handle}@example.org", handle, name, role, TEAMS[i % 8]))
    return out


def generate(scale: int, seed: int = SEED) -> Program:
    rng = random.Random(seed)
    program = Program(people(max(30, scale // 100)), Text(random.Random(seed + 1)), rng)
    weeks = max(2, min(104, scale // 200))
    step = timedelta(weeks=weeks) / scale
    timeline: list[tuple[datetime, int, object]] = []
    lessons: dict[str, list[tuple[datetime, int]]] = {}
    for i in range(scale):
        at = START + step * (i + rng.random() * 0.5)
        draft = program.draft(at)
        timeline.append((at, len(timeline), draft))
        if draft.kind == "lesson":
            lessons.setdefault(iso_week(at.date()), []).append((at, draft.post))
        if rng.random() < 0.10:
            later = at + timedelta(hours=rng.uniform(1, 24 * 14))
            timeline.append((later, len(timeline), program.revise(i, later)))
        for _ in range(rng.choices((0, 1, 2, 3), (35, 40, 15, 10))[0]):
            later = at + timedelta(minutes=rng.uniform(10, 60 * 24 * 7))
            given = program.appreciate(i, later)
            if given:
                timeline.append((later, len(timeline), given))
    for week, published in sorted(lessons.items()):
        if rng.random() < 0.8:
            at, post = rng.choice(published)
            note = program.text.title()
            feature = Feature(week, post, rng.randrange(COORDINATORS), note, at)
            timeline.append((at + timedelta(minutes=5), len(timeline), feature))
    program.commands = [c for _, _, c in sorted(timeline, key=lambda t: t[:2])]
    return program
