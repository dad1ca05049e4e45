"""The read-model tables. A rebuild defines them again under a suffix."""

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Which projection owns which tables: a rebuild replaces them together.
OWNED = {
    "participants": ("participants",),
    "posts": ("posts", "post_revisions", "appreciations"),
    "weekly": ("weekly_features",),
}


def tracking_table(metadata: MetaData) -> Table:
    return Table(
        "projection_tracking",
        metadata,
        Column("name", String(64), primary_key=True),
        Column("position", Integer, nullable=False),
    )


def define(metadata: MetaData, suffix: str = "") -> dict[str, Table]:
    """Define every read-model table; their names carry ``suffix``."""
    builders = {
        "participants": _participants,
        "posts": _posts,
        "post_revisions": _post_revisions,
        "appreciations": _appreciations,
        "weekly_features": _weekly_features,
    }
    return {name: build(metadata, name + suffix) for name, build in builders.items()}


def _when(name: str, **kw) -> Column:
    return Column(name, DateTime(timezone=True), **kw)


def _participants(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("email", String(254), nullable=False),
        Column("handle", String(30), nullable=False),
        Column("display_name", String(80), nullable=False),
        Column("team", String(80), nullable=False),
        Column("role_title", String(80), nullable=False),
        Column("role", String(20), nullable=False),
        Column("interests", JSON, nullable=False),
        Column("skills", JSON, nullable=False),
        Column("active", Boolean, nullable=False),
        _when("registered_at", nullable=False),
        Index(f"ix_{name}_handle", "handle", unique=True),
    )


def _posts(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("kind", String(10), nullable=False),
        Column("author_id", String(36), nullable=False),
        Column("author_handle", String(30), nullable=False),
        Column("title", String(200), nullable=False),
        Column("summary", Text, nullable=False),
        Column("parts", JSON, nullable=False),
        Column("tags", JSON, nullable=False),
        Column("status", String(10), nullable=False),
        Column("retraction_reason", Text),
        Column("revision_count", Integer, nullable=False),
        Column("appreciation_count", Integer, nullable=False),
        _when("created_at", nullable=False),
        _when("published_at"),
        _when("updated_at", nullable=False),
        Index(f"ix_{name}_feed", "kind", "status", "published_at"),
        Index(f"ix_{name}_author", "author_id"),
    )


def _post_revisions(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("post_id", String(36), primary_key=True),
        Column("number", Integer, primary_key=True),
        Column("title", String(200), nullable=False),
        Column("parts", JSON, nullable=False),
        Column("tags", JSON, nullable=False),
        Column("actor_id", String(36), nullable=False),
        _when("at", nullable=False),
    )


def _appreciations(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("post_id", String(36), primary_key=True),
        Column("participant_id", String(36), primary_key=True),
        _when("at", nullable=False),
    )


def _weekly_features(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("week", String(8), primary_key=True),
        Column("post_id", String(36), nullable=False),
        Column("note", Text, nullable=False),
        Column("actor_id", String(36), nullable=False),
        _when("featured_at", nullable=False),
    )
