"""What the measurements share: figures, timing, percentiles, progress bars."""

import gc
import math
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

console = Console(stderr=True)


@dataclass
class Figure:
    """One kshare figure beside its baseline measured in the same run."""

    measurement: str
    name: str
    unit: str
    value: float
    baseline: float
    baseline_name: str
    target: str | None = None
    met: bool | None = None

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else math.nan

    def as_dict(self) -> dict:
        return {**asdict(self), "ratio": round(self.ratio, 4)}


class AllTopics:
    """A topic set that contains every topic: the log decodes every event."""

    def __contains__(self, _topic: object) -> bool:
        return True


def percentile(samples: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def settle() -> None:
    """Collect, then freeze what exists, before a timed phase.

    The harness holds the whole program in memory; frozen, those objects are
    no longer walked by the garbage collector during the code being timed,
    which then runs as it would in a process of its own.
    """
    gc.collect()
    gc.freeze()


@contextmanager
def stopwatch() -> Iterator[Callable[[], float]]:
    """``with stopwatch() as elapsed:`` ... ``elapsed()`` seconds, frozen at exit."""
    start = time.perf_counter()
    end: list[float] = []
    yield lambda: (end[0] if end else time.perf_counter()) - start
    end.append(time.perf_counter())


def bars() -> Progress:
    """Progress bars on stderr: what, how far, how long.

    A slow refresh: the bars' thread takes the GIL from the timed code."""
    columns = [
        SpinnerColumn(),
        TextColumn("{task.description:<34}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    ]
    return Progress(*columns, console=console, refresh_per_second=2)


@contextmanager
def progress(description: str, total: int | None) -> Iterator[Callable[[int], None]]:
    """A rich progress bar; yields ``advance(n)``."""
    with bars() as bar:
        task = bar.add_task(description, total=total)
        yield lambda n=1: bar.advance(task, n)
        bar.update(task, completed=total)


def every(n: int, advance: Callable[[int], None]) -> Callable[[], None]:
    """Advance a bar once per ``n`` ticks, so bars cost nothing in timed loops."""
    count = 0

    def tick() -> None:
        nonlocal count
        count += 1
        if count % n == 0:
            advance(n)

    return tick


def memory(pid: int) -> dict[str, float]:
    """A process's resident memory from /proc, in MB: ``rss`` now, ``peak`` (VmHWM)."""
    fields = {"VmRSS": "rss", "VmHWM": "peak"}
    found = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            if name in fields:
                found[fields[name]] = int(value.split()[0]) / 1024  # kB
    return found
