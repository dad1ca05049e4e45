"""Rebuilding projections from the whole log, aside, then swapping them in.

The site keeps serving the old read models while new ones are built under
other names (SQL tables with a suffix, a new Whoosh directory); the swap is
one transaction or one atomic rename, and the live runner then continues
from the rebuilt positions.
"""

from collections.abc import Callable, Sequence

from ..eventlog import EventLog
from .library.projection import WhooshLessonLibrary
from .sql.group import SqlReadModels
from .sql.registry import SQL_READ_MODELS

Progress = Callable[[int], None]  # advance by n events
REBUILD_BATCH = 5000
# Every projection by name: the SQL read models, then the library.
PROJECTIONS = (*SQL_READ_MODELS, WhooshLessonLibrary.name)


def rebuild(
    log: EventLog,
    models: SqlReadModels,
    library: WhooshLessonLibrary,
    names: Sequence[str] = PROJECTIONS,
    progress: Progress | None = None,
) -> int:
    """Rebuild the named projections aside and swap them in; return events read."""
    unknown = set(names) - set(PROJECTIONS)
    if unknown:
        raise ValueError(f"Unknown projection {', '.join(sorted(unknown))}")
    read = 0
    sql = [n for n in names if n in SQL_READ_MODELS]
    if sql:
        read += rebuild_sql(log, models, sql, progress)
    if library.name in names:
        read += rebuild_library(log, library, progress)
    return read


def rebuild_sql(
    log: EventLog,
    models: SqlReadModels,
    names: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> int:
    """Rebuild the named SQL projections (all by default); return events read."""
    aside = models.aside(names)
    try:
        read = replay(log, aside, progress)
        aside.indexed()
        models.replace_with(aside)
        models.analyze()
    except BaseException:
        aside.drop()
        raise
    return read


def replay(
    log: EventLog,
    group,
    progress: Progress | None = None,
    upto: int | None = None,
    after: int = 0,
) -> int:
    """Apply the log after ``after`` (up to ``upto``) to a group; return events read."""
    position, read = after, 0
    while True:
        batch = log.read(position, REBUILD_BATCH, group.topics, upto)
        if not batch.count:
            return read
        group.apply(batch.events, batch.last)
        position, read = batch.last, read + batch.count
        if progress:
            progress(batch.count)


def rebuild_library(
    log: EventLog,
    library: WhooshLessonLibrary,
    progress: Progress | None = None,
    upto: int | None = None,
) -> int:
    """Rebuild the Whoosh library in a new directory and swap it in.

    A first look at the log (no decoding) finds each post's last event; the
    rebuild then streams the events batch by batch and writes each post as
    soon as its last event is folded. ``upto`` builds the library as it was
    at that position (the head by default).
    """
    upto = log.head() if upto is None else upto
    last: dict[str, int] = {}
    for notification in log.notifications(upto=upto, topics=sorted(library.topics)):
        last[str(notification.originator_id)] = notification.id
    read = 0

    def events():
        nonlocal read
        position = 0
        while True:
            batch = log.read(position, REBUILD_BATCH, library.topics, upto)
            if not batch.count:
                return
            yield from batch.events
            position, read = batch.last, read + batch.count
            if progress:
                progress(batch.count)

    directory = library.rebuild(events(), last, upto)
    library.store.swap_in(directory)
    return read
