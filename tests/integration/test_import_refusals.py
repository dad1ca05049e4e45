"""An import refuses what would not give back the exported log, and writes nothing.

The export comes from SQLite; the store refusing it is on each backend.
"""

import re

import pytest
from support.exports import (
    PRIVATE_NOTE,
    confidential_program,
    export_to,
    lines_of,
    sealed_with_a_tail,
    write_lines,
)

from kshare.audit.importing import import_log
from kshare.domain.seals import event_digest
from kshare.eventlog.positional import ImportRefused


@pytest.fixture
def exported(services, tmp_path) -> list[dict]:
    """The lines of a complete export of a sealed program with an unsealed tail."""
    confidential_program(services.app)
    sealed_with_a_tail(services)
    return lines_of(export_to(services, tmp_path / "log.jsonl"))


def note_line(lines: list[dict]) -> dict:
    return next(x for x in lines if x.get("type") == "PrivateNote.PrivateNoteWritten")


def change_note(lines: list[dict], *, hide: bool = False) -> list[dict]:
    line = note_line(lines)
    line["state"] = line["state"].replace(PRIVATE_NOTE, "Nothing to see")
    if hide:  # recompute the digest, as someone covering their tracks would
        line["digest"] = event_digest(
            line["position"],
            line["aggregate"],
            line["version"],
            line["topic"],
            line["state"].encode(),
        ).hex()
    return lines


def redact_one(lines: list[dict]) -> list[dict]:
    line = note_line(lines)
    del line["state"]
    line["redacted"] = ["note"]
    return lines


def swap(lines: list[dict]) -> list[dict]:
    lines[2], lines[3] = lines[3], lines[2]
    return lines


SPOILED = {
    "redacted export": (
        lambda lines: [lines[0] | {"complete": False}, *lines[1:]],
        "line 1: redacted fields; only an export made with --include-private",
    ),
    "redacted line": (redact_one, "redacted fields; only an export made with"),
    "changed state": (change_note, "the event does not match its digest"),
    "changed state, new digest": (
        lambda lines: change_note(lines, hide=True),
        "the events up to here do not chain to the seal of position",
    ),
    "lines out of order": (swap, "line 4 (position 2): comes after position 3"),
    "cut short": (lambda lines: lines[:-1], "does not end with its seals"),
    "last event dropped": (
        lambda lines: [*lines[:-2], lines[-1]],
        "The header promises",
    ),
    "seal dropped from the trailer": (
        lambda lines: [*lines[:-1], {"seals": []}],
        "the seals listed are not the seals the log records",
    ),
    "future format": (
        lambda lines: [lines[0] | {"kshare_export": 2}, *lines[1:]],
        "line 1: export format 2; this kshare reads format 1",
    ),
}


@pytest.mark.parametrize("spoil", SPOILED.values(), ids=SPOILED.keys())
def test_a_spoiled_export_is_refused_with_the_line_and_nothing_is_written(
    exported, target, tmp_path, spoil
):
    change, message = spoil
    path = write_lines(tmp_path / "spoiled.jsonl", change(exported))
    with pytest.raises(ImportRefused, match=re.escape(message)):
        import_log(path, target.log)
    assert target.log.head() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty"),
        (b"PK\x03\x04 binary junk\n\xff\xfe\n", "line 1: not JSON"),
        (b"[1, 2, 3]\n", "line 1: not a JSON object"),
        (b'{"hello": "world"}\n{"seals": []}\n', "line 1: no kshare_export header"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused(target, tmp_path, content, message):
    path = tmp_path / "junk.jsonl"
    path.write_bytes(content)
    with pytest.raises(ImportRefused, match=re.escape(message)):
        import_log(path, target.log)


def test_an_import_into_a_store_that_holds_events_is_refused(
    exported, services, tmp_path
):
    path = write_lines(tmp_path / "log.jsonl", exported)
    head = services.log.head()
    with pytest.raises(ImportRefused, match=f"not empty .* up to position {head}"):
        import_log(path, services.log)
    assert services.log.head() == head
