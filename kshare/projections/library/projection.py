"""WhooshLessonLibrary: the library as a tracked projection.

Facts this design depends on (measured): a commit per event manages about
30 events/s, so events are folded per post and committed once per batch;
two ``update_document`` calls for one id in one writer leave two documents,
so each post is written once with ``delete_by_term`` + ``add_document``;
the checkpoint is a document written in the same commit as the batch.
"""

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from eventsourcing.utils import get_topic
from whoosh import index

from ...domain.posts import DRAFT, PUBLISHED, RETRACTED, Post
from ..summaries import plain, summary_of
from .schema import CHECKPOINT
from .store import IndexStore

EVENTS = (Post.Drafted, Post.Published, Post.Revised, Post.Retracted, Post.Republished)
WRITER = {"limitmb": 128, "timeout": 30.0}
# A rebuild indexes in two processes (Whoosh's MpWriter), each writing
# segments of its own that are kept as they are rather than merged.
BULK = {"limitmb": 128, "procs": 2, "multisegment": True}
PARALLEL_FROM = 2000  # posts; below, starting the processes costs more than it saves
FIELDS = ("id", "kind", "status", "title", "summary", "body", "author")


class WhooshLessonLibrary:
    name = "library"
    topics = frozenset(get_topic(c) for c in EVENTS)

    def __init__(self, store: IndexStore) -> None:
        self.store = store
        self._target: str | None = None
        self._position = 0

    def position(self) -> int:
        """The checkpoint; read again whenever a rebuild swapped the index."""
        self.store.ensure()
        if self.store.target() != self._target:
            self._target, ix = self.store.open()
            with ix.searcher() as searcher:
                self._position = _checkpoint(searcher)
        return self._position

    def apply(self, events: Sequence[tuple[int, object]], upto: int) -> None:
        target, ix = self.store.open()
        writer = ix.writer(**WRITER)
        try:
            with writer.searcher() as searcher:
                after = _checkpoint(searcher)
                states = fold(
                    (e for p, e in events if p > after),
                    lambda i: _stored(searcher, i),
                )
                for post_id in [*states, CHECKPOINT]:
                    writer.delete_by_term("id", post_id, searcher=searcher)
            for state in states.values():
                writer.add_document(**document(state))
            writer.add_document(**_checkpoint_document(max(upto, after)))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        self._target, self._position = target, max(upto, after)

    def rebuild(
        self,
        events: Iterable[tuple[int, object]],
        last: Mapping[str, int],
        upto: int,
        progress=None,
    ) -> Path:
        """Build a complete index aside from ``events``; return its directory.

        ``last`` gives each post's last position in ``events``: a post is
        written as soon as its last event is folded and then forgotten, so
        memory holds only the posts still to be changed, not the library.
        Two processes index in parallel, each into segments of its own
        (from ``PARALLEL_FROM`` posts).
        """
        directory = self.store.new_directory()
        options = BULK if len(last) >= PARALLEL_FROM else WRITER
        writer = index.open_dir(str(directory)).writer(**options)
        try:
            pending: dict[str, dict] = {}
            for position, e in events:
                post_id = fold_event(pending, e, lambda _: None)
                if post_id is not None and last.get(post_id) == position:
                    writer.add_document(**document(pending.pop(post_id)))
                    if progress:
                        progress(1)
            for state in pending.values():  # only if ``last`` was incomplete
                writer.add_document(**document(state))
            write_checkpoint(writer, upto)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        return directory


def fold(events: Iterable[object], stored) -> dict[str, dict]:
    """Fold events into the latest state of each post they touch."""
    states: dict[str, dict] = {}
    for e in events:
        fold_event(states, e, stored)
    return states


def fold_event(states: dict[str, dict], e, stored) -> str | None:
    """Fold one event into ``states``; return the id of the post it changed.

    A post not in ``states`` is looked up with ``stored(post_id)``; an event
    of a post nobody knows (None) is skipped.
    """
    post_id = str(e.originator_id)
    if isinstance(e, Post.Drafted):
        states[post_id] = _drafted(e)
        return post_id
    state = states.get(post_id) or stored(post_id)
    if state is None:
        return None
    states[post_id] = state
    if isinstance(e, Post.Revised):
        state.update(_content(state["kind"], e.title, e.parts, e.tags))
    elif isinstance(e, Post.Retracted):
        state["status"] = RETRACTED
    else:
        state["status"] = PUBLISHED
        state["published"] = state["published"] or e.timestamp.isoformat()
    return post_id


def _drafted(e) -> dict:
    return {
        "id": str(e.originator_id),
        "kind": e.kind,
        "status": DRAFT,
        "author": e.author_handle,
        "published": None,
        **_content(e.kind, e.title, e.parts, e.tags),
    }


def _content(kind: str, title: str, parts: dict, tags: list[str]) -> dict:
    return {
        "title": title,
        "summary": summary_of(kind, parts),
        "body": "\n\n".join(plain(v) for v in parts.values() if v),
        "tags": list(tags),
    }


def document(state: dict) -> dict:
    """The Whoosh document of a post: indexed only while published."""
    if state["status"] != PUBLISHED:
        return {
            "id": state["id"],
            "status": state["status"],
            "stash": json.dumps(state),
        }
    indexed = {k: state[k] for k in FIELDS}
    indexed["published"] = naive_utc(state["published"])
    if state["tags"]:  # an empty value would become a facet of its own
        indexed["tags"] = ",".join(state["tags"])
    return indexed


def _stored(searcher, post_id: str) -> dict | None:
    fields = searcher.document(id=post_id)
    if fields is None:
        return None
    if fields.get("stash"):
        return json.loads(fields["stash"])
    state = {k: fields.get(k) for k in FIELDS}
    state["tags"] = [t for t in (fields.get("tags") or "").split(",") if t]
    state["published"] = fields["published"].replace(tzinfo=UTC).isoformat()
    return state


def _checkpoint(searcher) -> int:
    fields = searcher.document(id=CHECKPOINT)
    return fields["position"] if fields else 0


def write_checkpoint(writer, position: int) -> None:
    writer.delete_by_term("id", CHECKPOINT)
    writer.add_document(**_checkpoint_document(position))


def _checkpoint_document(position: int) -> dict:
    return {"id": CHECKPOINT, "status": CHECKPOINT, "position": position}


# The states of the documents that are not published posts, kept out of searches.
HIDDEN = (DRAFT, RETRACTED, CHECKPOINT)


def naive_utc(iso: str) -> datetime:
    """Whoosh stores naive datetimes: keep them in UTC."""
    moment = datetime.fromisoformat(iso)
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment
