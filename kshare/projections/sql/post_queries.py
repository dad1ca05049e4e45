"""Lessons and stories: the feeds, a post's page, its revisions, appreciation."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select

from ...domain.posts import PUBLISHED, STORY
from .reader import SqlReader, utc


@dataclass(frozen=True)
class PostSummary:
    id: str
    kind: str
    title: str
    summary: str
    tags: list[str]
    status: str
    author_id: str
    author_handle: str
    author_name: str
    published_at: datetime | None
    updated_at: datetime
    appreciation_count: int
    revision_count: int


@dataclass(frozen=True)
class PostView(PostSummary):
    parts: dict[str, str]
    retraction_reason: str | None
    created_at: datetime


@dataclass(frozen=True)
class Revision:
    number: int
    title: str
    parts: dict[str, str]
    tags: list[str]
    actor_handle: str
    at: datetime


@dataclass(frozen=True)
class Page:
    items: list
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


class SqlPostQueries(SqlReader):
    def posts_page(
        self,
        *,
        kind: str | None = None,
        author_id: str | None = None,
        page: int = 1,
        per_page: int = 20,
        drafts: bool = False,
    ) -> Page:
        """Published posts, newest first (an author's own drafts too when asked)."""
        posts = self.t["posts"]
        p = posts.c
        conditions = [p.status == PUBLISHED] if not drafts else []
        if kind:
            conditions.append(p.kind == kind)
        if author_id:
            conditions.append(p.author_id == str(author_id))
        page, per_page = max(1, page), min(max(1, per_page), 100)
        statement = (
            with_authors(self.t, *summary_columns(self.t))
            .where(and_(True, *conditions))
            .order_by(p.listed_at.desc(), p.id)
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
        if drafts or (author_id and kind):  # a range of an index
            total = self._scalar(
                select(func.count()).select_from(posts).where(and_(True, *conditions))
            )
        elif author_id:
            total = self._author_tally(author_id, "published")
        else:
            total = self._published(kind)
        items = [post_summary(row) for row in self._rows(statement)]
        return Page(items, int(total or 0), page, per_page)

    def _author_tally(self, author_id: str, column: str) -> int:
        """What the author tallies hold for an author (0 for none yet)."""
        tallies = self.t["author_tallies"].c
        found = self._scalar(
            select(tallies[column]).where(tallies.author_id == str(author_id))
        )
        return int(found or 0)

    def _published(self, kind: str | None) -> int:
        """How many posts (of a kind) are published, from the tallies."""
        t = self.t["post_tallies"].c
        wanted = [t.status == PUBLISHED] + ([t.kind == kind] if kind else [])
        return int(self._scalar(select(func.sum(t.count)).where(*wanted)) or 0)

    def story_feed(self, page: int = 1, per_page: int = 20) -> Page:
        return self.posts_page(kind=STORY, page=page, per_page=per_page)

    def post(self, post_id: str) -> PostView | None:
        p = self.t["posts"].c
        rows = self._rows(
            with_authors(
                self.t,
                *summary_columns(self.t),
                p.parts,
                p.retraction_reason,
                p.created_at,
            ).where(p.id == str(post_id))
        )
        if not rows:
            return None
        values = post_summary(rows[0]).__dict__ | {
            "parts": rows[0].parts,
            "retraction_reason": rows[0].retraction_reason,
            "created_at": utc(rows[0].created_at),
        }
        return PostView(**values)

    def revisions(self, post_id: str) -> list[Revision]:
        revisions, who = self.t["post_revisions"], self.t["participants"].c
        r = revisions.c
        rows = self._rows(
            select(
                r.number,
                r.title,
                r.parts,
                r.tags,
                func.coalesce(who.handle, "operator"),
                r.at,
            )
            .select_from(
                revisions.outerjoin(self.t["participants"], who.id == r.actor_id)
            )
            .where(r.post_id == str(post_id))
            .order_by(r.number)
        )
        return [
            Revision(row[0], row[1], row[2], row[3], row[4], utc(row[5]))
            for row in rows
        ]

    def has_appreciated(self, post_id: str, participant_id: str | None) -> bool:
        if not participant_id:
            return False
        a = self.t["appreciations"].c
        return bool(
            self._scalar(
                select(func.count()).where(
                    a.post_id == str(post_id), a.participant_id == str(participant_id)
                )
            )
        )

    def appreciation_received(self, author_id: str) -> int:
        """Appreciation given to the author's published posts."""
        return self._author_tally(author_id, "appreciation")


def summary_columns(t) -> list:
    """The columns of a ``PostSummary``: the post's, and its author's name."""
    p, who = t["posts"].c, t["participants"].c
    columns = [
        c
        for c in p
        if c.name not in ("parts", "retraction_reason", "created_at", "listed_at")
    ]
    return [
        *columns,
        func.coalesce(who.display_name, p.author_handle).label("author_name"),
    ]


def with_authors(t, *columns):
    """Select ``columns`` from the posts joined with their authors."""
    posts, people = t["posts"], t["participants"]
    return select(*columns).select_from(
        posts.outerjoin(people, people.c.id == posts.c.author_id)
    )


def post_summary(row) -> PostSummary:
    values = {name: getattr(row, name) for name in PostSummary.__dataclass_fields__}
    values["published_at"] = utc(values["published_at"])
    values["updated_at"] = utc(values["updated_at"])
    return PostSummary(**values)
