"""The library of a view of the past: the live index, copied and moved to a position.

Whoosh indexes about 400 posts a second, so a view does not index the whole
library again. It copies the live index (holding its write lock, so no
commit is copied half-way) and moves the copy to the position: forward by
projecting the events it has not seen, or back by putting every post
touched after the position as it was then, or removing it if it did not
exist yet. Removed documents stay in Whoosh's segments until they are
merged: their words still weigh in relevance, and may be offered as a
"did you mean" that finds nothing.
"""

import shutil
import time
from collections.abc import Callable
from uuid import UUID

from whoosh import index

from ..domain.posts import Post
from ..eventlog import EventLog
from ..projections.library.projection import (
    EVENTS,
    WRITER,
    WhooshLessonLibrary,
    document,
    fold,
    write_checkpoint,
)
from ..projections.library.store import IndexStore
from ..projections.rebuild import REBUILD_BATCH, replay

Progress = Callable[[int], None]


def library_at(
    live: WhooshLessonLibrary,
    store: IndexStore,
    log: EventLog,
    position: int,
    progress: Progress | None = None,
) -> None:
    """Make ``store`` the library as it stood at ``position``."""
    _copy(live.store, store)
    library = WhooshLessonLibrary(store)
    reached = library.position()
    if reached <= position:
        replay(log, library, progress, upto=position, after=reached)
    else:
        _rewind(library, log, position, reached, progress)


def _copy(live: IndexStore, store: IndexStore) -> None:
    live.ensure()
    source = live.root / live.target()
    lock = index.open_dir(str(source)).lock("WRITELOCK")
    lock.acquire(blocking=True)
    try:
        store.root.mkdir(parents=True, exist_ok=True)
        copy = store.root / f"index-{time.time_ns()}"
        shutil.copytree(source, copy, ignore=shutil.ignore_patterns("*LOCK"))
    finally:
        lock.release()
    store.swap_in(copy, keep_old=False)


def _rewind(library, log: EventLog, position: int, reached: int, progress) -> None:
    touched = _first_versions_after(log, library.topics, position, reached, progress)
    _, ix = library.store.open()
    writer = ix.writer(**WRITER)
    try:
        for post_id, version in touched.items():
            writer.delete_by_term("id", post_id)
            state = _state_before(log, post_id, version)
            if state is not None:
                writer.add_document(**document(state))
        write_checkpoint(writer, position)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()


def _first_versions_after(log, topics, position, reached, progress) -> dict[str, int]:
    """Each post touched in (position, reached], with its first version there."""
    first: dict[str, int] = {}
    after = position
    while True:
        batch = log.read(after, REBUILD_BATCH, topics, reached)
        if not batch.count:
            return first
        for _, e in batch.events:
            first.setdefault(str(e.originator_id), e.originator_version)
        after = batch.last
        if progress:
            progress(batch.count)


def _state_before(log: EventLog, post_id: str, version: int) -> dict | None:
    """A post as its versions before ``version`` left it (None: not yet drafted)."""
    if version <= Post.INITIAL_VERSION:
        return None
    stored = log.stored_events(UUID(post_id), upto_version=version - 1)
    events = (log.decode(s) for s in stored)
    return fold((e for e in events if type(e) in EVENTS), lambda _: None).get(post_id)
