"""The event log as everything but the application reads it.

The application writes through ``eventsourcing``'s repository; everything
else (projections, time travel, auditing) reads and, for an import, writes
the log through an ``EventLog``: in batches of decoded domain events, as
raw notifications, as digests of the stored states, or row by row at given
positions. Nothing outside this package touches the recorder or the mapper.
"""

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any
from uuid import UUID

from eventsourcing.persistence import (
    ApplicationRecorder,
    JSONTranscoder,
    Mapper,
    Notification,
    StoredEvent,
    Transcoder,
    UUIDAsHex,
)

from ..domain.seals import event_digest
from .positional import Row, log_rows
from .wakeup import PostgresWakeup

BATCH = 2000


@dataclass(frozen=True)
class Batch:
    events: list[tuple[int, Any]]  # (position, domain event), only the wanted topics
    last: int  # the position of the last notification read, wanted or not
    count: int  # how many notifications were read


class EventLog:
    def __init__(self, recorder: ApplicationRecorder, mapper: Mapper) -> None:
        self._recorder = recorder
        self._mapper = mapper
        # Reads plain stored states (no cipher, no compressor) as domain events.
        self._plain_mapper = Mapper(transcoder=mapper.transcoder)
        # Decodes what ``read`` gives the projections: ids stay text.
        self._projection_mapper = Mapper(
            transcoder=_ids_as_text(mapper.transcoder),
            cipher=mapper.cipher,
            compressor=mapper.compressor,
        )

    def head(self) -> int:
        return self._recorder.max_notification_id() or 0

    def read(
        self,
        after: int,
        limit: int,
        topics: Collection[str],
        upto: int | None = None,
    ) -> Batch:
        """Up to ``limit`` notifications in (after, upto]; decode only ``topics``.

        The events are for projections, which store ids as the text they
        write to rows: the ids inside an event's state are decoded as their
        text (``"9b2e…-…"``), not as ``UUID`` objects (making and printing
        those again was a tenth of a rebuild). ``originator_id`` stays a UUID.
        """
        notifications = self._recorder.select_notifications(
            start=after, limit=limit, stop=upto, inclusive_of_start=False
        )
        decode = self._projection_mapper.to_domain_event
        events = [(n.id, decode(n)) for n in notifications if n.topic in topics]
        last = notifications[-1].id if notifications else after
        return Batch(events, last, len(notifications))

    def notifications(
        self,
        after: int = 0,
        upto: int | None = None,
        topics: Sequence[str] = (),
    ) -> Iterator[Notification]:
        """The stored notifications in (after, upto], of ``topics`` if given."""
        while True:
            batch = self._recorder.select_notifications(
                start=after,
                limit=BATCH,
                stop=upto,
                topics=topics,
                inclusive_of_start=False,
            )
            yield from batch
            if len(batch) < BATCH:
                return
            after = batch[-1].id

    def decode(self, stored: StoredEvent) -> Any:
        """The domain event of a stored event or notification (raises if unreadable)."""
        return self._mapper.to_domain_event(stored)

    def stored_events(
        self, aggregate_id: UUID, upto_version: int | None = None
    ) -> list[StoredEvent]:
        """One aggregate's stored events, oldest first."""
        return self._recorder.select_events(aggregate_id, lte=upto_version)

    def digests(
        self, after: int = 0, upto: int | None = None
    ) -> Iterator[tuple[Row, bytes | None]]:
        """Each stored event after ``after`` as a row holding its plain state (as
        the transcoder wrote it: decrypted, decompressed), with its digest; an
        event that cannot be read keeps its stored state and has no digest."""
        for n in self.notifications(after, upto):
            stored = Row(n.id, n.originator_id, n.originator_version, n.topic, n.state)
            try:
                row = replace(stored, state=self._plain_state(n.state))
            except Exception:  # a changed ciphertext fails its authentication...
                yield stored, None
                continue
            digest = event_digest(
                row.position, row.originator_id, row.version, row.topic, row.state
            )
            yield row, digest

    def _plain_state(self, state: bytes) -> bytes:
        if self._mapper.cipher:
            state = self._mapper.cipher.decrypt(state)
        if self._mapper.compressor:
            state = self._mapper.compressor.decompress(state)
        return state

    def decode_plain(self, row: Row) -> Any:
        """The domain event of a plain (unencrypted, uncompressed) stored state."""
        stored = StoredEvent(row.originator_id, row.version, row.topic, row.state)
        return self._plain_mapper.to_domain_event(stored)

    def count(self, upto: int) -> int:
        """How many events the log holds up to ``upto`` (gaps are not counted)."""
        return log_rows(self._recorder).count(upto)

    def write_at_positions(self, rows: Sequence[Row], after: int) -> None:
        """Store plain rows at their positions, if the log still ends at ``after``.

        Only an import does this, to give back an exported log position for
        position; the states go through this store's compressor and cipher.
        """
        stored = [
            Row(r.position, r.originator_id, r.version, r.topic, self._encoded(r.state))
            for r in rows
        ]
        log_rows(self._recorder).insert(stored, after)

    def _encoded(self, state: bytes) -> bytes:
        if self._mapper.compressor:
            state = self._mapper.compressor.compress(state)
        if self._mapper.cipher:
            state = self._mapper.cipher.encrypt(state)
        return state

    def unreadable_from_the_start(self, sample: int = 5) -> bool:
        """True when the log has events and none of its first few can be read.

        One unreadable event is for verification to report; none of the
        first few readable means the cipher key is wrong.
        """
        first = self._recorder.select_notifications(start=1, limit=sample)
        return bool(first) and not any(self._readable(n) for n in first)

    def _readable(self, notification: Notification) -> bool:
        try:
            self.decode(notification)
        except Exception:
            return False
        return True

    def wakeup(self, conninfo: str) -> PostgresWakeup | None:
        """A listener woken by every append, when the store is PostgreSQL."""
        channel = getattr(self._recorder, "channel_name", None)
        return PostgresWakeup(conninfo, channel) if channel else None


class _UUIDAsText(UUIDAsHex):
    """Decodes a UUID stored as hex to its canonical text, not a UUID object."""

    def decode(self, data: str) -> str:  # type: ignore[override]
        return f"{data[:8]}-{data[8:12]}-{data[12:16]}-{data[16:20]}-{data[20:]}"


def _ids_as_text(transcoder: Transcoder) -> Transcoder:
    """A copy of ``transcoder`` that decodes UUIDs as text."""
    copy = JSONTranscoder()
    for transcoding in transcoder.names.values():  # type: ignore[attr-defined]
        copy.register(
            _UUIDAsText() if transcoding.name == UUIDAsHex.name else transcoding
        )
    return copy
