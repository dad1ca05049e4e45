"""Exporting the log as JSON Lines: a header, one line per event, the seals.

The export streams the log in batches up to the head it started from, so
it runs in constant memory while the site keeps writing. Each line carries
the event's digest; a line with nothing left out also carries the exact
stored state (as the transcoder wrote it, before compression and
encryption), which is what an import writes back, so the seals still
verify in the new store. The payload is the event as today's code reads it
(upcast), in plain JSON, for people and other tools.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO

from eventsourcing.utils import get_topic

from ..domain.confidential import confidential_fields, redacted
from ..domain.events import event_name
from ..domain.seals import SealChain
from ..eventlog import EventLog, Row
from .values import actor_of, jsonable

FORMAT = 1
SEALED = get_topic(SealChain.Sealed)
NOT_PAYLOAD = ("originator_id", "originator_version", "timestamp", "originator_topic")
Progress = Callable[[int, int], None]  # done, total


class Unreadable(Exception):
    """A stored event cannot be read: the log itself needs verifying."""


@dataclass(frozen=True)
class Exported:
    head: int
    events: int
    seals: int
    complete: bool


def export_log(
    log: EventLog, out: BinaryIO, *, complete: bool, progress: Progress | None = None
) -> Exported:
    """Write the log up to its head to ``out``; private fields only if ``complete``."""
    head = log.head()
    count = log.count(head)
    header = {
        "kshare_export": FORMAT,
        "exported_at": datetime.now(UTC).isoformat(),
        "head": head,
        "complete": complete,
        "events": count,
    }
    _write(out, header)
    seals, written = [], 0
    for row, digest in log.digests(0, head):
        if digest is None:
            raise Unreadable(
                f"The event at position {row.position} cannot be read; "
                "run `kshare audit verify`."
            )
        line = event_line(log, row, digest, complete)
        _write(out, line)
        if row.topic == SEALED:
            seals.append(_seal(line))
        written += 1
        if progress and (written % 500 == 0 or written == count):
            progress(written, count)
    _write(out, {"seals": seals})
    return Exported(head, written, len(seals), complete)


def event_line(log: EventLog, row: Row, digest: bytes, complete: bool) -> dict:
    """One event's line; ``row`` holds its plain stored state."""
    try:
        event = log.decode_plain(row)
    except Exception as error:  # a topic or a shape today's code cannot read
        raise Unreadable(
            f"The event at position {row.position} cannot be read: {error}"
        ) from None
    kind = type(event)
    payload = {k: v for k, v in vars(event).items() if k not in NOT_PAYLOAD}
    hidden = () if complete else confidential_fields(kind)
    line = {
        "position": row.position,
        "time": event.timestamp.astimezone(UTC).isoformat(),
        "topic": row.topic,
        "type": event_name(kind),
        "aggregate": str(row.originator_id),
        "version": row.version,
        "actor": actor_of(event),
        "payload": jsonable(redacted(kind, payload) if hidden else payload),
        "digest": digest.hex(),
    }
    if hidden:
        line["redacted"] = list(hidden)
    else:
        line["state"] = row.state.decode("utf-8")
    return line


def _seal(line: dict) -> dict:
    seal = {k: line["payload"][k] for k in ("position", "digest", "events")}
    return seal | {"sealed_at": line["time"]}


def _write(out: BinaryIO, value: dict) -> None:
    out.write(json.dumps(value, ensure_ascii=False).encode("utf-8") + b"\n")
