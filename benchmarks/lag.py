"""5. Live lag in embedded mode: a command until its write shows in projections.

With the runner following in its background thread, each command is given
one at a time and the time from its return until ``runner.wait_for`` sees
its position is measured. The baseline gives further commands with the
runner stopped and projects each one at once with ``runner.run_once()`` in
the same thread: the projection work alone, without the hand-off.
"""

import time

from kshare.bootstrap import Services

from .common import Figure, percentile, progress
from .generator import Program

COMMANDS = 200
TIMEOUT = 5.0


def follow(services: Services, driver, commands) -> tuple[list[float], int]:
    runner, lags, late = services.runner, [], 0
    with progress("lag: live runner thread", len(commands)) as advance:
        for command in commands:
            position = driver.run(command).position
            start = time.perf_counter()
            if not runner.wait_for(position, TIMEOUT):
                late += 1
            lags.append((time.perf_counter() - start) * 1000)
            advance(1)
    return lags, late


def inline(services: Services, driver, commands) -> list[float]:
    runner, times = services.runner, []
    with progress("lag: baseline, run_once inline", len(commands)) as advance:
        for command in commands:
            position = driver.run(command).position
            start = time.perf_counter()
            while runner.reached < position:
                runner.run_once()
            times.append((time.perf_counter() - start) * 1000)
            advance(1)
    return times


def measure(services: Services, program: Program, driver) -> tuple[list, dict]:
    runner = services.runner
    runner.start()
    try:
        caught_up = runner.wait_for(services.log.head(), 120)
        lags, late = follow(services, driver, program.more(COMMANDS))
    finally:
        runner.stop()
    baseline = inline(services, driver, program.more(COMMANDS))
    figures = []
    for p in (50, 95):
        figure = Figure(
            "5 live lag", f"p{p} lag", "ms", percentile(lags, p),
            percentile(baseline, p), "projecting inline (run_once)",
        )  # fmt: skip
        if p == 95:
            figure.target, figure.met = "< 250 ms", figure.value < 250
        figures.append(figure)
    details = {
        "commands": COMMANDS,
        "caught_up_before_start": caught_up,
        "timeouts": late,
        "max_ms": max(lags),
        "baseline_max_ms": max(baseline),
        "runner_error": repr(runner.last_error) if runner.last_error else None,
    }
    return figures, details
