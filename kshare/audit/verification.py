"""Verifying the log against its seals, and naming the first alteration.

Verification re-reads every stored event, recomputes the chain and checks
it at each seal. When a seal does not match, the ledger (what each sealed
event's digest was) tells what happened at the first position that
differs: an event changed, removed, inserted, or moved to another place.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from eventsourcing.utils import get_topic

from ..domain.seals import GENESIS, SealChain, chained
from ..eventlog import EventLog
from .compare import Finding, first_difference
from .ledger import Entry, SqlSealLedger

SEALED = get_topic(SealChain.Sealed)
Progress = Callable[[int], None]  # advance by n events


@dataclass(frozen=True)
class Seal:
    at: int  # the position of the seal's own event
    position: int  # the last position it covers
    digest: str
    events: int
    sealed_at: datetime | None


@dataclass
class Verification:
    events: int  # stored events read
    seals: list[Seal]
    unsealed: int = 0  # events after the last seal's position
    finding: Finding | None = None
    bad_seal: Seal | None = None

    @property
    def ok(self) -> bool:
        return self.finding is None

    @property
    def sealed_upto(self) -> int:
        return self.seals[-1].position if self.seals else 0


class LogIntegrity:
    def __init__(self, log: EventLog, ledger: SqlSealLedger) -> None:
        self.log = log
        self.ledger = ledger

    def seals(self) -> list[Seal]:
        """Every seal in the log, in the order they were made."""
        found = (_seal(self.log, n) for n in self.log.notifications(topics=[SEALED]))
        return [s for s in found if s is not None]

    def entries(self, after: Entry | None = None) -> Iterator[Entry]:
        """The log's events after ``after`` with their digests and chain values."""
        chain = bytes.fromhex(after.chain) if after else GENESIS
        start = after.position if after else 0
        for row, digest in self.log.digests(start):
            chain = chained(chain, digest or GENESIS)
            yield Entry(
                row.position,
                str(row.originator_id),
                row.version,
                digest.hex() if digest else None,
                chain.hex(),
            )

    def verify(
        self, progress: Progress | None = None, expect: Seal | None = None
    ) -> Verification:
        """Re-read the whole log and check it against every seal."""
        seals = self.seals() + ([expect] if expect else [])
        seals.sort(key=lambda s: s.position)
        result = Verification(events=0, seals=seals)
        covered = {}
        checker = _SealChecker(seals)
        for entry in self.entries():
            checker.before(entry.position)
            checker.at(entry)
            result.events += 1
            if entry.position <= result.sealed_upto:
                covered[entry.position] = entry
            else:
                result.unsealed += 1
            if progress and result.events % 1000 == 0:
                progress(1000)
        checker.before(float("inf"))
        if progress:
            progress(result.events % 1000)
        self._conclude(result, checker.bad, covered)
        return result

    def _conclude(self, result: Verification, bad: Seal | None, covered) -> None:
        if bad is None:
            known = self.ledger.entries()
            # The seals prove the log; the ledger may still know events sealed
            # by a seal that has since been removed from the log.
            beyond = {p: e for p, e in known.items() if p > result.sealed_upto}
            result.finding = first_difference(beyond, self._current_after(beyond))
            if result.finding is None:
                self._keep(known, covered)
            return
        result.bad_seal = bad
        # The first difference anywhere the ledger knows: a changed seal
        # event stands after the positions its own seal covers.
        known = self.ledger.entries(result.sealed_upto)
        last = max(known, default=0)
        current = {p: e for p, e in covered.items() if p <= last}
        result.finding = first_difference(known, current) or _somewhere(
            result.seals, bad
        )

    def _current_after(self, beyond: dict[int, Entry]) -> dict[int, Entry]:
        if not beyond:
            return {}
        first = min(beyond)
        head = max(beyond)
        return {e.position: e for e in self.entries() if first <= e.position <= head}

    def _keep(self, known: dict[int, Entry], covered: dict[int, Entry]) -> None:
        """Bring the ledger up to the last seal from a log the seals proved."""
        last = max(known, default=0)
        if known == {p: e for p, e in covered.items() if p <= last}:
            new = [e for p, e in covered.items() if p not in known]
            if new:
                self.ledger.record(sorted(new, key=lambda e: e.position))
        else:
            self.ledger.record(covered.values(), replace=True)

    def record(self) -> int:
        """Extend the ledger to the last seal, if the events chain to it."""
        seals = self.seals()
        if not seals:
            return 0
        head = self.ledger.head()
        upto = seals[-1].position
        if head is not None and head.position >= upto:
            return 0
        by_position = {s.position: s for s in seals}
        new = []
        for entry in self.entries(head):
            if entry.position > upto:
                break
            new.append(entry)
            seal = by_position.get(entry.position)
            if seal and seal.digest != entry.chain:
                return 0  # leave it to `kshare audit verify` to explain
        if not new or new[-1].chain != by_position[upto].digest:
            return 0
        self.ledger.record(new)
        return len(new)


class _SealChecker:
    """Checks each seal against the chain where its position is reached."""

    def __init__(self, seals: list[Seal]) -> None:
        self.seals = seals
        self.next = 0
        self.chain = GENESIS.hex()
        self.bad: Seal | None = None

    def before(self, position: float) -> None:
        """Settle the seals of positions the log no longer has (removed events)."""
        while self.next < len(self.seals) and self.seals[self.next].position < position:
            self._settle(self.seals[self.next])

    def at(self, entry: Entry) -> None:
        self.chain = entry.chain
        while (
            self.next < len(self.seals)
            and self.seals[self.next].position == entry.position
        ):
            self._settle(self.seals[self.next])

    def _settle(self, seal: Seal) -> None:
        if self.bad is None and seal.digest != self.chain:
            self.bad = seal
        self.next += 1


def _somewhere(seals: list[Seal], bad: Seal) -> Finding:
    earlier = [s.position for s in seals if s.position < bad.position]
    low = (max(earlier) if earlier else 0) + 1
    return Finding(
        low,
        "altered",
        f"The seal of position {bad.position} does not match the log: an event "
        f"between positions {low} and {bad.position} was changed, removed, inserted "
        "or moved, and the ledger that would name it is missing or was changed too.",
    )


def _seal(log: EventLog, notification) -> Seal | None:
    try:
        e = log.decode(notification)
    except Exception:  # an unreadable seal is found by the next one's chain
        return None
    return Seal(notification.id, e.position, e.digest, e.events, e.timestamp)
