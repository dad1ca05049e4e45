"""The event log browser's filters, read once for the pages and the JSON API.

Bad values are all named in one message (a 422), never a stack trace.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from uuid import UUID

from ...audit.log_pages import NEWEST, ORDERS, PER_PAGE, AuditFilters
from ...domain.errors import Invalid
from ...domain.events import aggregate_classes, event_classes, event_name
from ..helpers import live_services

MAX_PER_PAGE = 200
MAX_PAGE = 1_000_000  # beyond what a database will skip to
MAX_POSITION = 2**53
EXAMPLE_ID = "3f2b8c1e-7d4a-4e5b-9c6f-0a1b2c3d4e5f"


@dataclass(frozen=True)
class LogQuery:
    filters: AuditFilters
    order: str = NEWEST
    page: int = 1
    per_page: int = PER_PAGE
    cursor: int | None = None


@cache
def event_types() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each aggregate's name with the names of its events, for the type filter."""
    names = [event_name(c) for c in event_classes()]
    return tuple(
        (kind, tuple(sorted(n for n in names if n.startswith(kind + "."))))
        for kind in sorted({c.__qualname__ for c in aggregate_classes()})
    )


@cache
def _known_types() -> frozenset[str]:
    return frozenset(name for kind, names in event_types() for name in (kind, *names))


def log_query(args, api: bool = False) -> LogQuery:
    """The filters, order and page asked for; every problem in one Invalid."""
    problems: list[str] = []

    def read(name: str, parse):
        value = (args.get(name) or "").strip()
        if not value:
            return None
        try:
            return parse(value)
        except (ValueError, LookupError) as error:
            problems.append(str(error))
            return None

    since, until = read("from", _moment), read("to", _moment)
    if since and until and since[0] > until[0]:
        problems.append("The 'from' date is after the 'to' date.")
    filters = AuditFilters(
        event_type=read("type", _event_type),
        aggregate_id=read("aggregate", _aggregate_id),
        actor_id=read("actor", _actor_id),
        since=since[0] if since else None,
        before=until[1] if until else None,
    )
    query = LogQuery(
        filters,
        order=read("order", _order) or NEWEST,
        page=read("page", _page) or 1,
        per_page=(read("per_page", _per_page) if api else None) or PER_PAGE,
        cursor=read("cursor", _cursor) if api else None,
    )
    if query.cursor is not None and args.get("page"):
        problems.append("Ask for a page or a cursor, not both.")
    if problems:
        raise Invalid(" ".join(problems))
    return query


def _event_type(value: str) -> str:
    if value not in _known_types():
        raise ValueError(f"There is no event type {value!r}.")
    return value


def _aggregate_id(value: str) -> str:
    try:
        return str(UUID(value))
    except ValueError:
        raise ValueError(
            f"An aggregate id looks like {EXAMPLE_ID}, not {value!r}."
        ) from None


def _actor_id(value: str) -> str:
    """An @handle or a participant's id (the operator's id for the terminal)."""
    try:
        return str(UUID(value))
    except ValueError:
        pass
    person = live_services().people.person_by_handle(value)
    if person is None:
        raise LookupError(f"Nobody has the handle @{value.lstrip('@')}.")
    return person.id


def _moment(value: str) -> tuple[datetime, datetime]:
    """From when and until when (exclusive) a date or a moment covers, in UTC."""
    try:
        if len(value) <= 10:
            day = datetime.combine(date.fromisoformat(value), time(), UTC)
            return day, day + timedelta(days=1)
        moment = datetime.fromisoformat(value)
        moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
        return moment, moment + timedelta(microseconds=1)
    except (ValueError, OverflowError):
        raise ValueError(
            f"A date looks like 2026-03-01 (or 2026-03-01T09:30:00Z), not {value!r}."
        ) from None


def _order(value: str) -> str:
    if value not in ORDERS:
        raise ValueError(f"The order is {' or '.join(ORDERS)}, not {value!r}.")
    return value


def _whole(value: str, name: str, low: int, high: int) -> int:
    number = int(value) if value.isascii() and value.isdigit() else -1
    if not low <= number <= high:
        raise ValueError(f"The {name} is a whole number from {low} to {high}.")
    return number


def _page(value: str) -> int:
    return _whole(value, "page", 1, MAX_PAGE)


def _per_page(value: str) -> int:
    return _whole(value, "number per page", 1, MAX_PER_PAGE)


def _cursor(value: str) -> int:
    return _whole(value, "cursor (a position)", 0, MAX_POSITION)
