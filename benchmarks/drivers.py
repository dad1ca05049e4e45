"""The program's commands given to kshare, and the same events made bare.

``KShareDriver`` calls ``KnowledgeShare`` as the web layer would.
``BareDriver`` makes the same aggregates and events (``Post.draft`` then
``publish``, ``revise``, ``Appreciation``, ``WeeklyFeature.feature``) and
saves them with a plain ``Application``, keeping every aggregate in memory:
no loading, no authorization, no uniqueness look-ups.
"""

from contextlib import nullcontext

from eventsourcing.application import Application

from kshare.domain.appreciation import Appreciation
from kshare.domain.clock import simulated_time
from kshare.domain.ids import OPERATOR
from kshare.domain.participants import COORDINATOR, HandleClaim, Participant
from kshare.domain.posts import Post
from kshare.domain.weekly import WeeklyFeature

PASSWORD = "benchmark-password"


def at(command):
    return simulated_time(command.at) if command.at else nullcontext()


class KShareDriver:
    """Gives the program's commands to kshare, as the web layer would."""

    def __init__(self, app) -> None:
        self.app = app
        self.people: dict[int, object] = {}
        self.posts: dict[int, object] = {}

    def register(self, p) -> None:
        actor = OPERATOR if p.role == COORDINATOR else None
        self.people[p.index] = self.app.register_participant(
            email=p.email, handle=p.handle, display_name=p.display_name,
            password=PASSWORD, role=p.role, actor_id=actor, team=p.team,
        ).id  # fmt: skip

    def run(self, c):
        with at(c):
            return getattr(self, type(c).__name__.lower())(c)

    def draft(self, c):
        receipt = self.app.draft_post(
            actor_id=self.people[c.author], kind=c.kind, title=c.title,
            parts=c.parts, tags=c.tags, publish=True,
        )  # fmt: skip
        self.posts[c.post] = receipt.id
        return receipt

    def revise(self, c):
        return self.app.revise_post(
            actor_id=self.people[c.author], post_id=self.posts[c.post],
            title=c.title, parts=c.parts, tags=c.tags,
        )  # fmt: skip

    def appreciate(self, c):
        return self.app.appreciate_post(
            actor_id=self.people[c.actor], post_id=self.posts[c.post]
        )

    def feature(self, c):
        return self.app.feature_lesson(
            actor_id=self.people[c.actor], week=c.week,
            post_id=self.posts[c.post], note=c.note,
        )  # fmt: skip


class BareDriver:
    """The same events, made by the aggregates and saved with no application."""

    def __init__(self, app: Application) -> None:
        self.app = app
        self.people: dict[int, Participant] = {}
        self.posts: dict[int, Post] = {}

    def register(self, p) -> None:
        actor = OPERATOR if p.role == COORDINATOR else Participant.create_id(p.email)
        person = Participant.register(
            email=p.email, handle=p.handle, display_name=p.display_name,
            role=p.role, password_hash="x" * 97, team=p.team,
            actor_id=actor,
        )  # fmt: skip
        claim = HandleClaim(handle=p.handle, participant_id=person.id, actor_id=actor)
        self.app.save(person, claim)
        self.people[p.index] = person

    def run(self, c) -> None:
        with at(c):
            getattr(self, type(c).__name__.lower())(c)

    def draft(self, c) -> None:
        author = self.people[c.author]
        post = Post.draft(
            kind=c.kind, author_id=author.id, author_handle=author.handle,
            title=c.title, parts=c.parts, tags=c.tags, actor_id=author.id,
        )  # fmt: skip
        post.publish(actor_id=author.id)
        self.app.save(post)
        self.posts[c.post] = post

    def revise(self, c) -> None:
        post = self.posts[c.post]
        post.revise(title=c.title, parts=c.parts, tags=c.tags, actor_id=post.author_id)
        self.app.save(post)

    def appreciate(self, c) -> None:
        post, actor = self.posts[c.post], self.people[c.actor].id
        self.app.save(
            Appreciation(
                post_id=post.id, participant_id=actor,
                author_id=post.author_id, actor_id=actor,
            )
        )  # fmt: skip

    def feature(self, c) -> None:
        feature = WeeklyFeature.feature(
            week=c.week, post_id=self.posts[c.post].id, note=c.note,
            actor_id=self.people[c.actor].id,
        )  # fmt: skip
        self.app.save(feature)
