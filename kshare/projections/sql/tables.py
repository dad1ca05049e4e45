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
    "programs": ("programs", "charter_versions", "program_templates"),
    "cohorts": ("cohorts", "cohort_stages", "enrollments"),
    "pairings": (
        "pairings",
        "pairing_members",
        "pairing_sessions",
        "pairing_reflections",
        "cohort_months",
        "cohort_note_delays",
    ),
    "private_notes": ("private_notes",),
    "milestones": ("development_plans", "goals", "milestones"),
    "surveys": ("survey_responses",),
    "recognition": ("recognitions",),
    "matching": ("matching_drafts",),
    "event_index": ("audit_events",),
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
        "programs": _programs,
        "charter_versions": _charter_versions,
        "program_templates": _program_templates,
        "cohorts": _cohorts,
        "cohort_stages": _cohort_stages,
        "enrollments": _enrollments,
        "pairings": _pairings,
        "pairing_members": _pairing_members,
        "pairing_sessions": _pairing_sessions,
        "pairing_reflections": _pairing_reflections,
        "cohort_months": _cohort_months,
        "cohort_note_delays": _cohort_note_delays,
        "private_notes": _private_notes,
        "development_plans": _development_plans,
        "goals": _goals,
        "milestones": _milestones,
        "survey_responses": _survey_responses,
        "recognitions": _recognitions,
        "matching_drafts": _matching_drafts,
        "audit_events": _audit_events,
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


def _programs(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("slug", String(30), nullable=False),
        Column("name", String(120), nullable=False),
        Column("charter_version", Integer, nullable=False),
        Column("charter", JSON, nullable=False),
        _when("launched_at", nullable=False),
        Index(f"ix_{name}_slug", "slug", unique=True),
    )


def _charter_versions(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("program_id", String(36), primary_key=True),
        Column("version", Integer, primary_key=True),
        Column("charter", JSON, nullable=False),
        Column("note", Text, nullable=False),
        Column("actor_id", String(36), nullable=False),
        _when("at", nullable=False),
    )


def _program_templates(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(80), primary_key=True),  # program id : key
        Column("program_id", String(36), nullable=False),
        Column("key", String(30), nullable=False),
        Column("kind", String(20), nullable=False),
        Column("challenge", String(40), nullable=False),
        Column("title", String(120), nullable=False),
        Column("body", Text, nullable=False),
        _when("updated_at", nullable=False),
    )


def _cohorts(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("program_id", String(36), nullable=False),
        Column("slug", String(30), nullable=False),
        Column("name", String(120), nullable=False),
        Column("pilot", Boolean, nullable=False),
        Column("stage", String(30), nullable=False),
        Column("starts_on", String(10), nullable=False),
        Column("ends_on", String(10), nullable=False),
        Column("lessons_learned", Text),
        Column("next_direction", Text),
        _when("planned_at", nullable=False),
        Index(f"ix_{name}_program", "program_id"),
    )


def _cohort_stages(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("cohort_id", String(36), primary_key=True),
        Column("stage", String(30), primary_key=True),
        Column("actor_id", String(36), nullable=False),
        _when("at", nullable=False),
    )


def _enrollments(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("cohort_id", String(36), nullable=False),
        Column("participant_id", String(36), nullable=False),
        Column("role", String(10), nullable=False),
        Column("capacity", Integer, nullable=False),
        Column("availability", Text, nullable=False),
        Column("goals", Text, nullable=False),
        Column("skill_gaps", JSON, nullable=False),
        Column("interests", JSON, nullable=False),
        Column("expertise", JSON, nullable=False),
        Column("orientation", JSON, nullable=False),
        Column("active", Boolean, nullable=False),
        Column("left_reason", Text),
        _when("enrolled_at", nullable=False),
        Index(f"ix_{name}_cohort", "cohort_id"),
        Index(f"ix_{name}_participant", "participant_id"),
    )


def _pairings(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("cohort_id", String(36), nullable=False),
        Column("format", String(20), nullable=False),
        Column("status", String(20), nullable=False),
        Column("requested", Boolean, nullable=False),
        Column("agreement", JSON, nullable=False),
        _when("proposed_at", nullable=False),
        Column("started_on", String(10)),
        _when("ended_at"),
        Column("end_reason", Text),
        Column("session_count", Integer, nullable=False),
        Column("minutes", Integer, nullable=False),
        Column("last_session_on", String(10)),
        Index(f"ix_{name}_cohort", "cohort_id"),
    )


def _pairing_members(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(80), primary_key=True),  # pairing id : participant id
        Column("pairing_id", String(36), nullable=False),
        Column("participant_id", String(36), nullable=False),
        Column("role", String(10), nullable=False),
        Column("accepted", Boolean, nullable=False),
        Column("acknowledged", Boolean, nullable=False),
        Index(f"ix_{name}_pairing", "pairing_id"),
        Index(f"ix_{name}_participant", "participant_id"),
    )


def _pairing_sessions(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("pairing_id", String(36), nullable=False),
        Column("held_on", String(10), nullable=False),
        Column("minutes", Integer, nullable=False),
        Column("format", String(20), nullable=False),
        Column("agenda", Text, nullable=False),
        Column("shared_notes", Text, nullable=False),
        Column("action_items", JSON, nullable=False),
        Column("logged_by", String(36), nullable=False),
        _when("logged_at", nullable=False),
        Index(f"ix_{name}_pairing", "pairing_id"),
    )


def _pairing_reflections(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(100), primary_key=True),  # pairing : member : stage
        Column("pairing_id", String(36), nullable=False),
        Column("participant_id", String(36), nullable=False),
        Column("stage", String(20), nullable=False),
        Column("reflection", Text, nullable=False),
        _when("at", nullable=False),
        Index(f"ix_{name}_pairing", "pairing_id"),
    )


def _private_notes(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("author_id", String(36), nullable=False),
        Column("pairing_id", String(36), nullable=False),
        Column("session_id", String(36), nullable=False),
        Column("note", Text, nullable=False),
        _when("at", nullable=False),
        Index(f"ix_{name}_author", "author_id", "pairing_id"),
    )


def _development_plans(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("pairing_id", String(36), nullable=False),
        Column("cohort_id", String(36), nullable=False),
        Column("mentee_id", String(36), nullable=False),
        Column("started_on", String(10), nullable=False),
    )


def _goals(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("plan_id", String(36), nullable=False),
        Column("title", String(200), nullable=False),
        Column("competency", String(40), nullable=False),
        _when("set_at", nullable=False),
    )


def _milestones(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("goal_id", String(36), nullable=False),
        Column("plan_id", String(36), nullable=False),
        Column("cohort_id", String(36), nullable=False),
        Column("mentee_id", String(36), nullable=False),
        Column("title", String(200), nullable=False),
        Column("due_on", String(10), nullable=False),
        Column("reached_on", String(10)),
        Column("evidence", JSON),
        Column("celebration", Text),
        Column("celebrated_by", String(36)),
        _when("celebrated_at"),
        Index(f"ix_{name}_mentee", "mentee_id"),
        Index(f"ix_{name}_cohort", "cohort_id"),
        Index(f"ix_{name}_celebrated", "celebrated_at"),
    )


def _survey_responses(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("cohort_id", String(36), nullable=False),
        Column("occasion", String(60), nullable=False),
        Column("participant_id", String(36), nullable=False),
        Column("sentiment", Integer, nullable=False),
        Column("value", Integer, nullable=False),
        Column("comment", Text, nullable=False),
        _when("at", nullable=False),
        Index(f"ix_{name}_occasion", "cohort_id", "occasion"),
    )


def _recognitions(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("giver_id", String(36), nullable=False),
        Column("receiver_id", String(36), nullable=False),
        Column("message", Text, nullable=False),
        _when("at", nullable=False),
        Index(f"ix_{name}_receiver", "receiver_id"),
    )


def _matching_drafts(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        Column("cohort_id", String(36), nullable=False),
        Column("status", String(20), nullable=False),
        Column("rotating", Boolean, nullable=False),
        Column("pairs", JSON, nullable=False),
        Column("outcomes", JSON),
        _when("saved_at", nullable=False),
        Index(f"ix_{name}_cohort", "cohort_id"),
    )


def _cohort_months(metadata: MetaData, name: str) -> Table:
    """Sessions and minutes per cohort and month, kept for the dashboard."""
    return Table(
        name,
        metadata,
        Column("id", String(50), primary_key=True),  # cohort id : YYYY-MM
        Column("cohort_id", String(36), nullable=False),
        Column("month", String(7), nullable=False),
        Column("sessions", Integer, nullable=False),
        Column("minutes", Integer, nullable=False),
        Index(f"ix_{name}_cohort", "cohort_id"),
    )


def _cohort_note_delays(metadata: MetaData, name: str) -> Table:
    """How many sessions with notes were logged N days after they were held."""
    return Table(
        name,
        metadata,
        Column("id", String(50), primary_key=True),  # cohort id : days
        Column("cohort_id", String(36), nullable=False),
        Column("days", Integer, nullable=False),
        Column("sessions", Integer, nullable=False),
        Index(f"ix_{name}_cohort", "cohort_id"),
    )


def _audit_events(metadata: MetaData, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("position", Integer, primary_key=True, autoincrement=False),
        Column("event_type", String(80), nullable=False),
        Column("aggregate_type", String(40), nullable=False),
        Column("aggregate_id", String(36), nullable=False),
        Column("version", Integer, nullable=False),
        Column("actor_id", String(36)),
        _when("occurred_at", nullable=False),
        Index(f"ix_{name}_aggregate", "aggregate_id", "position"),
        Index(f"ix_{name}_actor", "actor_id", "position"),
        Index(f"ix_{name}_type", "event_type", "position"),
        Index(f"ix_{name}_time", "occurred_at"),
    )
