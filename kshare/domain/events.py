"""Every aggregate and event class of the domain, for those who read them all."""

from eventsourcing.domain import Aggregate

from . import (  # noqa: F401  (importing them defines every aggregate)
    appreciation,
    cohorts,
    exports,
    feedback,
    growth,
    matching,
    pairings,
    participants,
    posts,
    programs,
    seals,
    tokens,
    weekly,
)
from .aggregate import KAggregate

BASES = ("Event", "Created")  # the library's generic bases; never stored as such


def aggregate_classes() -> list[type[KAggregate]]:
    found, todo = [], list(KAggregate.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return sorted(found, key=lambda c: c.__qualname__)


def event_classes() -> list[type[Aggregate.Event]]:
    """The event classes each aggregate defines (not the ones it inherits)."""
    return [
        value
        for cls in aggregate_classes()
        for value in vars(cls).values()
        if isinstance(value, type)
        and issubclass(value, Aggregate.Event)
        and value.__qualname__.startswith(cls.__qualname__ + ".")
        and value.__name__ not in BASES
    ]


def event_name(event_class: type) -> str:
    """A short, readable name: ``Post.Published``."""
    return event_class.__qualname__
