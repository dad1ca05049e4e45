"""7. "As of": building a view of the past from a log of 100,000 events.

The store holds a realistic mix, given through ``KnowledgeShare``: half the
synthetic library (posts, revisions, appreciations, weekly picks), then the
program scenario (people, cohorts, pairings with fifty sessions each), then
the rest of the library until the log reaches the target. Measured: a view
built at the head and one at mid-history (SQL read models, then the Whoosh
library, split by the progress callback), finding the position of a moment,
and opening a view already built. Target: a view in under 10 s. The
baseline reads and decodes the same log, as any replay must.

    .venv/bin/python -m benchmarks.asof [--events 100000]
"""

import argparse
import random
import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from kshare.bootstrap import build
from kshare.config import Settings

from . import program as program_phase
from .common import Figure, console, every, progress, stopwatch
from .drivers import KShareDriver
from .generator import generate
from .rebuild import read_all

TARGET_SECONDS = 10.0


def measure(workdir: Path, events: int = 100_000) -> tuple[list, dict]:
    services = build(Settings.for_tests(workdir / "asof"))
    try:
        mix = _fill(services, events)
        with progress("as of: projecting the live log", None):
            services.runner.catch_up()
        head = services.log.head()
        with stopwatch() as bare:
            read_all(services.log)
        figures, details = [], {"events": head, **mix}
        for label, position in (("head", head), ("mid-history", head // 2)):
            found, details[label] = _view(services, label, position)
            figures += found
        figures.append(
            Figure(
                "7 as of", f"view at head ({head:,} events)", "events/s",
                head / details["head"]["seconds"], head / bare(),
                "read + decode the log",
            )
        )  # fmt: skip
        details["lookup_ms"] = _lookup(services)
        return figures, details
    finally:
        services.close()


def _fill(services, events: int) -> dict:
    """About half the events from the library, then the program, then posts again."""
    library = generate(max(1000, events // 4))
    driver = KShareDriver(services.app)
    for person in library.people:
        driver.register(person)
    commands = iter(library.commands)
    _drive(services, driver, commands, events // 2, "as of: library, first half")
    pairings = max(20, events // 260 * 2)  # even: two mentees per mentor
    program_phase.setup_program(
        services, random.Random(7), pairings=pairings, sessions=50
    )
    _drive(services, driver, commands, events, "as of: library, up to the target")
    return {"pairings": pairings, "posts": len(driver.posts)}


def _drive(services, driver, commands, until: int, label: str) -> None:
    log = services.log
    with progress(label, None) as advance:
        tick = every(500, advance)
        for command in commands:
            if log.head() >= until:
                return
            driver.run(command)
            tick()


def _view(services, label: str, position: int) -> tuple[list, dict]:
    travel, split, read = services.time_travel, [], [0]

    def advance(n: int) -> None:
        read[0] += n
        if read[0] >= position and not split:  # the SQL pass is done
            split.append(time.perf_counter())

    moment = datetime.now(UTC)
    start = time.perf_counter()
    travel.past(position, moment, progress=advance)
    seconds = time.perf_counter() - start
    with stopwatch() as again:
        travel.past(position, moment)
    figure = Figure(
        "7 as of", f"view at {label} (position {position:,})", "s", seconds,
        TARGET_SECONDS, "target seconds", "< 10 s", seconds < TARGET_SECONDS,
    )  # fmt: skip
    sql = (split[0] - start) if split else seconds
    return [figure], {
        "position": position,
        "seconds": seconds,
        "sql_seconds": sql,
        "library_seconds": seconds - sql,
        "reopen_ms": again() * 1000,
    }


def _lookup(services) -> float:
    """Milliseconds to find the position of a moment on the event index."""
    with stopwatch() as elapsed:
        services.time_travel.position_at(datetime.now(UTC))
    return elapsed() * 1000


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.asof")
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="kshare-bench-asof-", dir="/tmp"))
    try:
        figures, details = measure(workdir, args.events)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    for f in figures:
        console.print(f"{f.name}: {f.value:,.2f} {f.unit} (vs {f.baseline:,.2f})")
    console.print(details)


if __name__ == "__main__":
    main()
