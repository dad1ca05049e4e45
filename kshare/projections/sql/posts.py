"""Posts, their revisions and appreciations: the feeds, post and author pages."""

from sqlalchemy import Connection, Table

from ...domain.appreciation import Appreciation
from ...domain.posts import DRAFT, LESSON, PUBLISHED, RETRACTED, Post
from ..excerpt import excerpt
from .rows import Rows


def summary_of(kind: str, parts: dict[str, str]) -> str:
    if kind == LESSON:
        return parts.get("summary") or excerpt(parts.get("body", ""))
    return excerpt(parts.get("context", ""))


class SqlPosts:
    name = "posts"
    events = (
        Post.Drafted,
        Post.Published,
        Post.Revised,
        Post.Retracted,
        Post.Republished,
        Appreciation.PostAppreciated,
    )

    def apply(self, conn: Connection, tables: dict[str, Table], events) -> None:
        posts = Rows(conn, tables["posts"])
        posts.load(_post_id(e) for _, e in events if not isinstance(e, Post.Drafted))
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
        posts.flush()
        if revisions:
            conn.execute(tables["post_revisions"].insert(), revisions)
        if appreciations:
            conn.execute(tables["appreciations"].insert(), appreciations)


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
