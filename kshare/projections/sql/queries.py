"""Queries on the SQL read models; they return plain dataclasses."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import and_, func, select

from ...domain.posts import LESSON, PUBLISHED, STORY
from .engine import SqlEngines
from .readmodels import SqlReadModels

PICK_WINDOW_DAYS = 28


@dataclass(frozen=True)
class Person:
    id: str
    handle: str
    display_name: str
    email: str
    team: str
    role_title: str
    role: str
    interests: list[str]
    skills: list[str]
    active: bool
    registered_at: datetime

    @property
    def is_coordinator(self) -> bool:
        return self.role == "coordinator"


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
class Post(PostSummary):
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
class WeeklyLesson:
    week: str
    post: PostSummary
    note: str
    chosen: bool  # False: the automatic pick for a week nobody chose a lesson for


@dataclass(frozen=True)
class Page:
    items: list
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def utc(moment: datetime | None) -> datetime | None:
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


class SqlQueries:
    def __init__(self, engines: SqlEngines, models: SqlReadModels) -> None:
        self.engine = engines.reader
        t = models.tables
        self.people, self.posts = t["participants"], t["posts"]
        self.revisions_t, self.appreciations = t["post_revisions"], t["appreciations"]
        self.weekly = t["weekly_features"]

    def _all(self, statement) -> list:
        with self.engine.connect() as conn:
            return conn.execute(statement).all()

    def _scalar(self, statement):
        with self.engine.connect() as conn:
            return conn.execute(statement).scalar()

    # -- people -------------------------------------------------------------

    def person(self, participant_id: str) -> Person | None:
        return self._person(self.people.c.id == str(participant_id))

    def person_by_handle(self, handle: str) -> Person | None:
        return self._person(self.people.c.handle == handle.lower().lstrip("@"))

    def _person(self, condition) -> Person | None:
        rows = self._all(select(self.people).where(condition))
        if not rows:
            return None
        values = rows[0]._asdict()
        values["registered_at"] = utc(values["registered_at"])
        return Person(**values)

    def appreciation_received(self, author_id: str) -> int:
        p = self.posts.c
        total = self._scalar(
            select(func.sum(p.appreciation_count)).where(
                p.author_id == str(author_id), p.status == PUBLISHED
            )
        )
        return int(total or 0)

    # -- posts --------------------------------------------------------------

    def _summary_columns(self):
        p, who = self.posts.c, self.people.c
        columns = [
            c
            for c in self.posts.c
            if c.name not in ("parts", "retraction_reason", "created_at")
        ]
        return [
            *columns,
            func.coalesce(who.display_name, p.author_handle).label("author_name"),
        ]

    def _joined(self, *columns):
        p = self.posts
        return select(*columns).select_from(
            p.outerjoin(self.people, self.people.c.id == p.c.author_id)
        )

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
        p = self.posts.c
        conditions = [p.status == PUBLISHED] if not drafts else []
        if kind:
            conditions.append(p.kind == kind)
        if author_id:
            conditions.append(p.author_id == str(author_id))
        page, per_page = max(1, page), min(max(1, per_page), 100)
        statement = (
            self._joined(*self._summary_columns())
            .where(and_(True, *conditions))
            .order_by(func.coalesce(p.published_at, p.updated_at).desc(), p.id)
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
        total = self._scalar(
            select(func.count()).select_from(self.posts).where(and_(True, *conditions))
        )
        items = [_summary(row) for row in self._all(statement)]
        return Page(items, int(total or 0), page, per_page)

    def story_feed(self, page: int = 1, per_page: int = 20) -> Page:
        return self.posts_page(kind=STORY, page=page, per_page=per_page)

    def post(self, post_id: str) -> Post | None:
        p = self.posts.c
        rows = self._all(
            self._joined(
                *self._summary_columns(), p.parts, p.retraction_reason, p.created_at
            ).where(p.id == str(post_id))
        )
        if not rows:
            return None
        values = _summary(rows[0]).__dict__ | {
            "parts": rows[0].parts,
            "retraction_reason": rows[0].retraction_reason,
            "created_at": utc(rows[0].created_at),
        }
        return Post(**values)

    def revisions(self, post_id: str) -> list[Revision]:
        r, who = self.revisions_t.c, self.people.c
        rows = self._all(
            select(
                r.number,
                r.title,
                r.parts,
                r.tags,
                func.coalesce(who.handle, "operator"),
                r.at,
            )
            .select_from(self.revisions_t.outerjoin(self.people, who.id == r.actor_id))
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
        a = self.appreciations.c
        return bool(
            self._scalar(
                select(func.count()).where(
                    a.post_id == str(post_id), a.participant_id == str(participant_id)
                )
            )
        )

    # -- lesson of the week -------------------------------------------------

    def lesson_of_the_week(self, week: str) -> WeeklyLesson | None:
        """The lesson chosen for ``week``, else the automatic pick (see README)."""
        chosen = self._featured(self.weekly.c.week == week, limit=1)
        return chosen[0] if chosen else self._pick(week)

    def weekly_archive(self, before_week: str, limit: int = 52) -> list[WeeklyLesson]:
        """Chosen lessons of the weeks before ``before_week``, newest first."""
        return self._featured(self.weekly.c.week < before_week, limit=limit)

    def weekly_feed(self, week: str, limit: int = 52) -> list[WeeklyLesson]:
        """This week's lesson (chosen or picked), then the archive."""
        current = self.lesson_of_the_week(week)
        return ([current] if current else []) + self.weekly_archive(week, limit)

    def _featured(self, condition, limit: int) -> list[WeeklyLesson]:
        w, p = self.weekly.c, self.posts.c
        statement = (
            self._joined(*self._summary_columns(), w.week, w.note)
            .join(self.weekly, w.post_id == p.id)
            .where(condition)
            .order_by(w.week.desc())
            .limit(limit)
        )
        return [
            WeeklyLesson(row.week, _summary(row), row.note, True)
            for row in self._all(statement)
        ]

    def _pick(self, week: str) -> WeeklyLesson | None:
        p = self.posts.c
        monday = date.fromisocalendar(int(week[:4]), int(week[6:]), 1)
        start = datetime(monday.year, monday.month, monday.day, tzinfo=UTC)
        never_featured = p.id.not_in(select(self.weekly.c.post_id))
        base = (
            self._joined(*self._summary_columns())
            .where(
                p.kind == LESSON,
                p.status == PUBLISHED,
                never_featured,
                p.published_at < start + timedelta(days=7),
            )
            .order_by(p.appreciation_count.desc(), p.published_at.desc(), p.id)
            .limit(1)
        )
        recent = base.where(p.published_at >= start - timedelta(days=PICK_WINDOW_DAYS))
        rows = self._all(recent) or self._all(base)
        if not rows:
            return None
        return WeeklyLesson(week, _summary(rows[0]), "", False)


def _summary(row) -> PostSummary:
    values = {name: getattr(row, name) for name in PostSummary.__dataclass_fields__}
    values["published_at"] = utc(values["published_at"])
    values["updated_at"] = utc(values["updated_at"])
    return PostSummary(**values)
