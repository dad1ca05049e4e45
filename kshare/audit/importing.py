"""Importing a complete export into an empty event store.

Nothing is written until the whole file has been checked: every line's
digest against the one recomputed from its position, aggregate, version,
topic and state; the chain of those digests against the seals of the
trailer, which must be the seals the log itself records; and that today's
code reads every event. Then the events are written back at their
positions with their exact states, through the target store's own
compressor and cipher, one batch per transaction.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..domain.seals import GENESIS, chained, event_digest
from ..eventlog import EventLog, ImportRefused, Row
from .export_file import Line, Outline, event, lines, outline
from .exporting import SEALED

BATCH = 1000
Progress = Callable[[int, int], None]  # done, total


@dataclass(frozen=True)
class Imported:
    head: int
    events: int
    seals: int


def import_log(
    path: Path,
    log: EventLog,
    checking: Progress | None = None,
    writing: Progress | None = None,
) -> Imported:
    """Check the export at ``path``, then write it into the empty store of ``log``."""
    shape = check_export(path, log, checking)
    write_export(path, shape, log, writing)
    return Imported(shape.head, shape.events, len(shape.seals))


def check_export(
    path: Path, log: EventLog, progress: Progress | None = None
) -> Outline:
    """Refuse a non-empty store, or a file that is not a complete, unchanged export."""
    if log.head():
        raise ImportRefused(
            f"The event store is not empty (it holds events up to position "
            f"{log.head()}); import into a new data directory or database schema."
        )
    shape = outline(path)
    seals = {s["position"]: s for s in shape.seals}
    chain, last, count, recorded = GENESIS, 0, 0, []
    for line in _events(path, shape):
        if line.position <= last:
            raise ImportRefused(f"{line.where}: comes after position {last}.")
        digest = event_digest(
            line.position, line.aggregate, line.version, line.topic, line.state
        )
        if digest.hex() != line.digest:
            raise ImportRefused(
                f"{line.where}: the event does not match its digest; "
                "the file was changed after the export."
            )
        domain_event = _read(log, line)
        chain = chained(chain, digest)
        _check_seal(line, seals.pop(line.position, None), chain)
        if line.topic == SEALED:
            recorded.append(_recorded(domain_event))
        last, count = line.position, count + 1
        if progress and (count % 500 == 0 or count == shape.events):
            progress(count, shape.events)
    _check_whole(shape, last, count, seals, recorded)
    return shape


def write_export(
    path: Path, shape: Outline, log: EventLog, progress: Progress | None = None
) -> None:
    """Write the checked export's events at their positions, a batch at a time."""
    batch, after, done = [], 0, 0
    for line in _events(path, shape):
        batch.append(_row(line))
        if len(batch) == BATCH or line.number == shape.end - 1:
            try:
                log.write_at_positions(batch, after)
            except ImportRefused as refused:
                raise _partly(refused, after) from None
            after, done, batch = batch[-1].position, done + len(batch), []
            if progress:
                progress(done, shape.events)


def _partly(refused: ImportRefused, written: int) -> ImportRefused:
    if not written:
        return refused
    return ImportRefused(
        f"{refused} The events up to position {written} were imported before "
        "this; import again into a new, empty store."
    )


def _events(path: Path, shape: Outline):
    for number, raw in lines(path):
        if 1 < number < shape.end:
            yield event(number, raw)


def _read(log: EventLog, line: Line):
    try:
        return log.decode_plain(_row(line))
    except Exception as error:  # an unknown topic, a state that is not an event
        raise ImportRefused(
            f"{line.where}: the event cannot be read: {error}"
        ) from None


def _check_seal(line: Line, seal: dict | None, chain: bytes) -> None:
    if seal is not None and seal["digest"] != chain.hex():
        raise ImportRefused(
            f"{line.where}: the events up to here do not chain to the seal of "
            f"position {line.position}; the file was changed after the export."
        )


def _recorded(sealed) -> dict:
    return {"position": sealed.position, "digest": sealed.digest}


def _check_whole(shape: Outline, last: int, count: int, unmatched, recorded) -> None:
    if count != shape.events or last != shape.head:
        raise ImportRefused(
            f"The header promises {shape.events} events up to position {shape.head}; "
            f"the file holds {count} up to position {last}."
        )
    listed = [{"position": s["position"], "digest": s["digest"]} for s in shape.seals]
    if unmatched or listed != recorded:
        raise ImportRefused(
            f"line {shape.end}: the seals listed are not the seals the log records."
        )


def _row(line: Line) -> Row:
    return Row(line.position, line.aggregate, line.version, line.topic, line.state)
