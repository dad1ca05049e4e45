"""Naming the first difference between the sealed log (the ledger) and the log now."""

from dataclasses import dataclass

from .ledger import Entry


@dataclass(frozen=True)
class Finding:
    position: int
    kind: str  # changed, removed, inserted, reordered, unreadable, altered
    message: str


def first_difference(sealed: dict[int, Entry], now: dict[int, Entry]) -> Finding | None:
    """The first position where the log now differs from what was sealed."""
    sealed_at = {e.key: p for p, e in sealed.items()}
    now_at = {e.key: p for p, e in now.items()}
    for position in sorted(sealed.keys() | now.keys()):
        was, is_ = sealed.get(position), now.get(position)
        if was is not None and is_ is not None and was.digest == is_.digest:
            continue
        return _explain(position, was, is_, sealed_at, now_at)
    return None


def _explain(position, was, is_, sealed_at, now_at) -> Finding:
    if is_ is not None and is_.digest is None:
        return Finding(
            position,
            "unreadable",
            f"The event at position {position} can no longer be read "
            "(its stored state was changed).",
        )
    if is_ is not None and was is not None and is_.key == was.key:
        return Finding(
            position,
            "changed",
            f"The event at position {position} ({_name(is_)}) was changed "
            "since it was sealed.",
        )
    if is_ is not None and is_.key in sealed_at:
        return Finding(
            position,
            "reordered",
            f"The event sealed at position {sealed_at[is_.key]} ({_name(is_)}) "
            f"now stands at position {position}.",
        )
    if is_ is not None and was is None:
        return Finding(
            position,
            "inserted",
            f"An event that was not in the sealed log ({_name(is_)}) was inserted "
            f"at position {position}.",
        )
    if is_ is not None:
        return Finding(
            position,
            "inserted",
            f"An event that was not in the sealed log ({_name(is_)}) stands at "
            f"position {position}, in place of {_name(was)}.",
        )
    if was.key in now_at:
        return Finding(
            position,
            "reordered",
            f"The event sealed at position {position} ({_name(was)}) now stands "
            f"at position {now_at[was.key]}.",
        )
    return Finding(
        position,
        "removed",
        f"The event sealed at position {position} ({_name(was)}) was removed.",
    )


def _name(entry: Entry) -> str:
    return f"aggregate {entry.aggregate_id} version {entry.version}"
