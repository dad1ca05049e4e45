"""What changed between two versions of an aggregate, with readable text diffs.

Text is compared line by line, and a changed line word by word, so an
auditor sees which sentence of a post body went and which came. Values
that are not text are shown before and after.
"""

import json
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

CONTEXT = 2  # unchanged lines shown around a change
MAX_WORDS = 3000  # longer lines are marked whole, not word by word
WORDS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass(frozen=True)
class Segment:
    op: str  # "same", "removed" or "added"
    text: str


@dataclass(frozen=True)
class DiffLine:
    op: str  # "same", "removed", "added", or "gap" (unchanged lines left out)
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


@dataclass(frozen=True)
class Change:
    field: str  # a path into the state: "title", "parts.body", "charters[1].intent"
    before: Any  # for values that are not text (None for text)
    after: Any
    lines: tuple[DiffLine, ...] = ()  # for text

    @property
    def is_text(self) -> bool:
        return bool(self.lines)


def changes(before, after, path: str = "") -> list[Change]:
    """Every field that differs, depth first; appended items diff their forerunner."""
    if before == after:
        return []
    if isinstance(after, dict) and isinstance(before, dict | None):
        before = before or {}
        return [
            change
            for key in [*before, *(k for k in after if k not in before)]
            for change in changes(before.get(key), after.get(key), _join(path, key))
        ]
    if _appended(before, after):
        return _appended_changes(before, after, path)
    if _is_text(before) or _is_text(after):
        return [Change(path, None, None, tuple(text_diff(before or "", after or "")))]
    return [Change(path, before, after)]


def text_diff(before: str, after: str) -> list[DiffLine]:
    """The changed lines of ``after`` against ``before``, with a little context."""
    old, new = before.splitlines(), after.splitlines()
    lines: list[DiffLine] = []
    for number, group in enumerate(
        SequenceMatcher(None, old, new, autojunk=False).get_grouped_opcodes(CONTEXT)
    ):
        if number:
            lines.append(DiffLine("gap", (Segment("same", "…"),)))
        for tag, i1, i2, j1, j2 in group:
            lines.extend(_lines(tag, old[i1:i2], new[j1:j2]))
    return lines


def _lines(tag: str, old: list[str], new: list[str]) -> list[DiffLine]:
    if tag == "equal":
        return [DiffLine("same", (Segment("same", line),)) for line in old]
    removed = [DiffLine("removed", (Segment("removed", line),)) for line in old]
    added = [DiffLine("added", (Segment("added", line),)) for line in new]
    for k in range(min(len(old), len(new)) if tag == "replace" else 0):
        removed[k], added[k] = _word_diff(old[k], new[k])
    return removed + added


def _word_diff(old: str, new: str) -> tuple[DiffLine, DiffLine]:
    """A replaced line, the words it lost and the words it gained marked."""
    a, b = WORDS.findall(old), WORDS.findall(new)
    if len(a) + len(b) > MAX_WORDS:
        return (
            DiffLine("removed", (Segment("removed", old),)),
            DiffLine("added", (Segment("added", new),)),
        )
    gone: list[Segment] = []
    came: list[Segment] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(
        None, a, b, autojunk=False
    ).get_opcodes():
        _extend(gone, "same" if tag == "equal" else "removed", a[i1:i2])
        _extend(came, "same" if tag == "equal" else "added", b[j1:j2])
    return DiffLine("removed", tuple(gone)), DiffLine("added", tuple(came))


def _extend(segments: list[Segment], op: str, words: list[str]) -> None:
    if not words:
        return
    if segments and segments[-1].op == op:
        segments[-1] = Segment(op, segments[-1].text + "".join(words))
    else:
        segments.append(Segment(op, "".join(words)))


def _appended(before, after) -> bool:
    return (
        isinstance(before, list)
        and isinstance(after, list)
        and 0 < len(before) < len(after)
        and after[: len(before)] == before
    )


def _appended_changes(before: list, after: list, path: str) -> list[Change]:
    """A new charter version is read against the one it follows."""
    found = []
    for index in range(len(before), len(after)):
        previous, item = after[index - 1], after[index]
        if isinstance(item, dict) and isinstance(previous, dict):
            found.extend(changes(previous, item, f"{path}[{index}]"))
        else:
            found.append(Change(f"{path}[{index}]", None, item))
    return found


def compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else str(key)


def _is_text(value) -> bool:
    """Prose rather than a word like a status, which reads better as a value."""
    return isinstance(value, str) and any(c.isspace() for c in value)
