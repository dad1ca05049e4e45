"""The base class of every kshare aggregate: events stamped by ``clock.now``."""

from datetime import datetime

from eventsourcing.domain import Aggregate

from .clock import now


class KAggregate(Aggregate):
    """Base aggregate: every event is stamped by `kshare.domain.clock`."""

    class Event(Aggregate.Event):
        # Every event carries its shape's version; a class whose shape
        # changes raises it and adds upcasters (see kshare.domain.upcasting).
        class_version = 1

        @staticmethod
        def create_timestamp() -> datetime:
            return now()
