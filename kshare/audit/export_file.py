"""Reading an export file back, line by line, refusing what is not one.

Every refusal names the line (and the position) it stopped at.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from ..eventlog import ImportRefused
from .exporting import FORMAT

EVENT_FIELDS = (
    ("position", int),
    ("aggregate", str),
    ("version", int),
    ("topic", str),
    ("state", str),
    ("digest", str),
)
REDACTED = "redacted fields; only an export made with --include-private can be imported"


@dataclass(frozen=True)
class Outline:
    head: int
    events: int
    seals: list[dict]  # the trailer's: position, digest, events, sealed_at
    end: int  # the trailer's line number


@dataclass(frozen=True)
class Line:
    number: int
    position: int
    aggregate: UUID
    version: int
    topic: str
    state: bytes  # the plain stored state
    digest: str

    @property
    def where(self) -> str:
        return f"line {self.number} (position {self.position})"


def lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with path.open("rb") as file:
        yield from enumerate(file, 1)


def outline(path: Path) -> Outline:
    """The header's promises and the trailer's seals, read without parsing the rest."""
    number, raw = 0, b""
    for number, raw in lines(path):
        if number == 1:
            head, events = _header(raw)
    if not number:
        raise ImportRefused("The file is empty: it is not a kshare export.")
    trailer = _object(number, raw)
    seals = trailer.get("seals")
    if set(trailer) != {"seals"} or not isinstance(seals, list) or number == 1:
        raise ImportRefused(
            f"line {number}: the file does not end with its seals; it may be cut short."
        )
    for seal in seals:
        _check_seal(number, seal)
    return Outline(head, events, seals, number)


def event(number: int, raw: bytes) -> Line:
    line = _object(number, raw)
    if line.get("redacted") or ("state" not in line and "position" in line):
        raise ImportRefused(f"line {number}: {REDACTED}")
    for field, kind in EVENT_FIELDS:
        if not _is(line.get(field), kind):
            raise ImportRefused(
                f"line {number}: no {field}; this is not an event line."
            )
    try:
        aggregate = UUID(line["aggregate"])
        state = line["state"].encode("utf-8")
    except ValueError:  # not an id, or text no store could have written
        raise ImportRefused(
            f"line {number}: the aggregate or the state is not valid."
        ) from None
    return Line(
        number,
        line["position"],
        aggregate,
        line["version"],
        line["topic"],
        state,
        line["digest"],
    )


def _header(raw: bytes) -> tuple[int, int]:
    header = _object(1, raw)
    if "kshare_export" not in header:
        raise ImportRefused("line 1: no kshare_export header; not a kshare export.")
    if header["kshare_export"] != FORMAT:
        raise ImportRefused(
            f"line 1: export format {header['kshare_export']!r}; this kshare reads "
            f"format {FORMAT}."
        )
    if header.get("complete") is not True:
        raise ImportRefused(f"line 1: {REDACTED}")
    if not (_is(header.get("head"), int) and _is(header.get("events"), int)):
        raise ImportRefused("line 1: the header does not give the head and events.")
    return header["head"], header["events"]


def _check_seal(number: int, seal) -> None:
    if not (
        isinstance(seal, dict)
        and _is(seal.get("position"), int)
        and _is(seal.get("digest"), str)
        and _is(seal.get("events"), int)
    ):
        raise ImportRefused(
            f"line {number}: each seal needs a position, a digest and its events."
        )


def _object(number: int, raw: bytes) -> dict:
    try:
        value = json.loads(raw)
    except ValueError:
        raise ImportRefused(
            f"line {number}: not JSON; this is not a kshare export."
        ) from None
    if not isinstance(value, dict):
        raise ImportRefused(f"line {number}: not a JSON object; not a kshare export.")
    return value


def _is(value, kind: type) -> bool:
    return isinstance(value, kind) and not isinstance(value, bool)
