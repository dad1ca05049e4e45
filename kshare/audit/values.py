"""Events and aggregate states as plain JSON values, confidential fields redacted."""

from datetime import date, datetime
from enum import Enum
from uuid import UUID

from ..domain.confidential import (
    CONFIDENTIAL,
    CONFIDENTIAL_AGGREGATES,
    REDACTED,
    confidential_fields,
    redacted,
)
from ..domain.events import event_name
from ..projections.sql.reader import utc
from .diffs import compact
from .log_pages import AuditEvent

# What the library adds to every event; shown as columns, not as payload.
EVENT_META = ("originator_id", "originator_version", "timestamp", "originator_topic")


def jsonable(value):
    """Any value an event or aggregate holds, as JSON-friendly values."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, set | frozenset):  # in a stable order, to compare states
        return sorted((jsonable(v) for v in value), key=compact)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID | Enum):
        return str(value.value if isinstance(value, Enum) else value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def payload_of(event) -> tuple[dict, tuple[str, ...]]:
    """An event's own fields, redacted, and the names of those redacted."""
    fields = {k: v for k, v in vars(event).items() if k not in EVENT_META}
    hidden = tuple(k for k in confidential_fields(type(event)) if k in fields)
    return redacted(type(event), jsonable(fields)), hidden


def aggregate_type(event) -> str:
    return event_name(type(event)).split(".", 1)[0]


def actor_of(event) -> str | None:
    actor = getattr(event, "actor_id", None)
    return None if actor is None else str(actor)


def state_of(aggregate) -> tuple[dict, tuple[str, ...]]:
    """An aggregate's public attributes, redacted, and the names of those redacted."""
    fields = {k: v for k, v in vars(aggregate).items() if not k.startswith("_")}
    if isinstance(aggregate, CONFIDENTIAL_AGGREGATES):
        hidden = set(fields)
    else:
        hidden = _confidential_attributes(type(aggregate).__qualname__) & set(fields)
    state = {k: REDACTED if k in hidden else jsonable(v) for k, v in fields.items()}
    return state, tuple(sorted(hidden))


def _confidential_attributes(aggregate_name: str) -> set[str]:
    """The fields any of this aggregate's events keeps confidential."""
    return {
        field
        for event_class, fields in CONFIDENTIAL.items()
        if event_name(event_class).split(".", 1)[0] == aggregate_name
        for field in fields
    }


def event_from_row(row, event) -> AuditEvent:
    """An indexed event, with its payload if it could be read from the store."""
    payload, hidden = payload_of(event) if event is not None else ({}, ())
    return AuditEvent(
        position=row.position,
        occurred_at=utc(row.occurred_at),
        event_type=row.event_type,
        aggregate_type=row.aggregate_type,
        aggregate_id=row.aggregate_id,
        version=row.version,
        actor_id=row.actor_id,
        actor_handle=row.handle,
        payload=payload,
        redacted=hidden,
        readable=event is not None,
    )


def event_from_store(event, row) -> AuditEvent:
    """A stored event, with its position once the event index has it."""
    payload, hidden = payload_of(event)
    actor = actor_of(event)
    return AuditEvent(
        position=row.position if row else None,
        occurred_at=event.timestamp,
        event_type=event_name(type(event)),
        aggregate_type=aggregate_type(event),
        aggregate_id=str(event.originator_id),
        version=event.originator_version,
        actor_id=actor,
        actor_handle=row.handle if row else None,
        payload=payload,
        redacted=hidden,
    )
