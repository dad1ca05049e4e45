"""Posts, their revisions and appreciations: the feeds, post and author pages.

Lists show the newest first by ``listed_at`` (when a post was first
published; a draft's last change), kept as a column of its own so that an
index serves every list page; ``post_tallies`` keeps how many posts each
kind has in each state, and ``author_tallies`` how many each author has
published and the appreciation they received, so a page's totals are a
row each, not a count of thousands.
"""

from collections import Counter, defaultdict

import sqlalchemy as sa

from ...domain.appreciation import Appreciation
from ...domain.posts import DRAFT, PUBLISHED, RETRACTED, Post
from ..summaries import summary_of
from .projector import SqlProjector, when
from .rows import Rows, add_counts


def _posts(metadata: sa.MetaData, name: str) -> sa.Table:
    table = sa.Table(
        name,
        metadata,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("author_id", sa.String(36), nullable=False),
        sa.Column("author_handle", sa.String(30), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("parts", sa.JSON, nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("retraction_reason", sa.Text),
        sa.Column("revision_count", sa.Integer, nullable=False),
        sa.Column("appreciation_count", sa.Integer, nullable=False),
        when("created_at", nullable=False),
        when("published_at"),
        when("updated_at", nullable=False),
        when("listed_at", nullable=False),
    )
    # The lists' order (newest first, ties by id), one index per way to filter.
    c = table.c
    newest = (c.listed_at.desc(), c.id)
    sa.Index(f"ix_{name}_kind_list", c.kind, c.status, *newest)
    sa.Index(f"ix_{name}_list", c.status, *newest)
    sa.Index(f"ix_{name}_author_list", c.author_id, c.status, *newest)
    # The lesson of the week picks the most appreciated one (then the newest).
    sa.Index(
        f"ix_{name}_appreciated", c.kind, c.status, c.appreciation_count.desc(), *newest
    )
    return table


def _author_tallies(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("author_id", sa.String(36), primary_key=True),
        sa.Column("published", sa.Integer, nullable=False),
        sa.Column("appreciation", sa.Integer, nullable=False),  # on published posts
    )


def _post_tallies(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("kind", sa.String(10), primary_key=True),
        sa.Column("status", sa.String(10), primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
    )


def _post_revisions(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("post_id", sa.String(36), primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("parts", sa.JSON, nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("actor_id", sa.String(36), nullable=False),
        when("at", nullable=False),
    )


def _appreciations(metadata: sa.MetaData, name: str) -> sa.Table:
    return sa.Table(
        name,
        metadata,
        sa.Column("post_id", sa.String(36), primary_key=True),
        sa.Column("participant_id", sa.String(36), primary_key=True),
        when("at", nullable=False),
    )


class SqlPosts(SqlProjector):
    name = "posts"
    area = "library"
    tables = {
        "posts": _posts,
        "post_tallies": _post_tallies,
        "author_tallies": _author_tallies,
        "post_revisions": _post_revisions,
        "appreciations": _appreciations,
    }
    events = (
        Post.Drafted,
        Post.Published,
        Post.Revised,
        Post.Retracted,
        Post.Republished,
        Appreciation.PostAppreciated,
    )

    def apply(self, conn: sa.Connection, tables: dict[str, sa.Table], events) -> None:
        posts = Rows(conn, tables["posts"])
        posts.load(_post_id(e) for _, e in events if not isinstance(e, Post.Drafted))
        counted_before = {key: _counted(row) for key, row in posts.rows.items()}
        revisions: list[dict] = []
        appreciations: list[dict] = []
        for _, e in events:
            if isinstance(e, Post.Drafted):
                posts.add(_drafted(e))
                revisions.append(_revision(e, 1))
            elif isinstance(e, Appreciation.PostAppreciated):
                posts.get(str(e.post_id))["appreciation_count"] += 1
                appreciations.append(_appreciation(e))
            else:
                _change(posts.get(str(e.originator_id)), e, revisions)
        lists: dict[tuple, Counter] = defaultdict(Counter)
        authors: dict[tuple, Counter] = defaultdict(Counter)
        for key in posts.new | posts.changed:
            now = _counted(posts.rows[key])
            for sign, counted in ((-1, counted_before.get(key)), (1, now)):
                if counted is None:
                    continue
                (kind, status), (author, published, appreciated) = counted
                lists[kind, status]["count"] += sign
                authors[(author,)]["published"] += sign * published
                authors[(author,)]["appreciation"] += sign * appreciated
        posts.flush()
        add_counts(conn, tables["post_tallies"], ("kind", "status"), lists)
        add_counts(conn, tables["author_tallies"], ("author_id",), authors)
        if revisions:
            conn.execute(tables["post_revisions"].insert(), revisions)
        if appreciations:
            conn.execute(tables["appreciations"].insert(), appreciations)


def _counted(row: dict) -> tuple[tuple[str, str], tuple[str, int, int]]:
    """What a post adds to the tallies: to its list's, and to its author's."""
    published = row["status"] == PUBLISHED
    return (row["kind"], row["status"]), (
        row["author_id"],
        int(published),
        row["appreciation_count"] if published else 0,
    )


def _post_id(e) -> str:
    return str(
        e.post_id if isinstance(e, Appreciation.PostAppreciated) else e.originator_id
    )


def _drafted(e) -> dict:
    return {
        "id": str(e.originator_id),
        "kind": e.kind,
        "author_id": str(e.author_id),
        "author_handle": e.author_handle,
        "title": e.title,
        "summary": summary_of(e.kind, e.parts),
        "parts": e.parts,
        "tags": e.tags,
        "status": DRAFT,
        "retraction_reason": None,
        "revision_count": 1,
        "appreciation_count": 0,
        "created_at": e.timestamp,
        "published_at": None,
        "updated_at": e.timestamp,
        "listed_at": e.timestamp,
    }


def _change(row: dict, e, revisions: list[dict]) -> None:
    row["updated_at"] = e.timestamp
    if isinstance(e, Post.Revised):
        row["revision_count"] += 1
        row.update(title=e.title, parts=e.parts, tags=e.tags)
        row["summary"] = summary_of(row["kind"], e.parts)
        revisions.append(_revision(e, row["revision_count"]))
    elif isinstance(e, Post.Retracted):
        row.update(status=RETRACTED, retraction_reason=e.reason)
    else:  # Published or Republished
        row.update(status=PUBLISHED, retraction_reason=None)
        row["published_at"] = row["published_at"] or e.timestamp
    row["listed_at"] = row["published_at"] or row["updated_at"]


def _revision(e, number: int) -> dict:
    return {
        "post_id": str(e.originator_id),
        "number": number,
        "title": e.title,
        "parts": e.parts,
        "tags": e.tags,
        "actor_id": str(e.actor_id),
        "at": e.timestamp,
    }


def _appreciation(e) -> dict:
    return {
        "post_id": str(e.post_id),
        "participant_id": str(e.participant_id),
        "at": e.timestamp,
    }
