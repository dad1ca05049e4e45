"""Time travel: from a moment to a view of the past, opened for reading.

Opening a view (engines, searchers) costs more than a request should pay,
so the few last opened stay open; a view pruned from disk and built again
is a different directory, and is opened again.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from typing import Any

from .moments import SqlMoments
from .views import KEEP, AsOfViews, Progress, View

Opener = Callable[[View, datetime], Any]  # -> the read side of a view


class TimeTravel:
    def __init__(self, views: AsOfViews, moments: SqlMoments, opener: Opener) -> None:
        self.views = views
        self.moments = moments
        self.opener = opener
        self._open: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()

    def position_at(self, moment: datetime) -> int:
        """The last position stamped at or before ``moment`` (Invalid if none)."""
        return self.moments.position_at(moment)

    def at(self, moment: datetime, progress: Progress | None = None):
        """The read side as it stood at ``moment``, built if need be."""
        return self.past(self.position_at(moment), moment, progress)

    def past(self, position: int, moment: datetime, progress: Progress | None = None):
        """The read side of the log up to ``position``, shown as of ``moment``."""
        view = self.views.view(position, progress)
        key = (view.position, view.ident, moment)
        with self._lock:
            found = self._open.pop(key, None) or self.opener(view, moment)
            self._open[key] = found
            while len(self._open) > 2 * KEEP:
                self._open.popitem(last=False)[1].close()
        return found

    def close(self) -> None:
        with self._lock:
            while self._open:
                self._open.popitem()[1].close()
