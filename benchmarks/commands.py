"""1. Commands/s through ``KnowledgeShare`` vs a bare ``eventsourcing`` save loop.

The bare loop (``drivers.BareDriver``) saves the same events with a plain
``Application`` on the same SQLite persistence settings, in a file of its
own. Registering the participants is set-up, not timed.
"""

from pathlib import Path

from eventsourcing.application import Application

from kshare.bootstrap import Services

from .common import Figure, every, progress, stopwatch
from .drivers import BareDriver, KShareDriver
from .generator import Program


def drive(driver, program: Program, label: str) -> tuple[float, int]:
    """Register everyone (untimed), then time the program's commands."""
    for person in program.people:
        driver.register(person)
    recorder = driver.app.recorder
    before = recorder.max_notification_id() or 0
    with progress(label, len(program.commands)) as advance:
        tick = every(200, advance)
        with stopwatch() as elapsed:
            for command in program.commands:
                driver.run(command)
                tick()
    return elapsed(), (recorder.max_notification_id() or 0) - before


def measure(
    services: Services, program: Program, kshare: KShareDriver, workdir: Path
) -> tuple[list, dict]:
    """Load the program through kshare (the store later phases use), then bare."""
    ks_seconds, ks_events = drive(kshare, program, "commands: kshare")
    env = {
        **services.settings.event_store_env(),
        "SQLITE_DBNAME": str(workdir / "bare-events.sqlite"),
    }
    bare_app = Application(env)
    try:
        bare_seconds, bare_events = drive(
            BareDriver(bare_app), program, "commands: bare"
        )
    finally:
        bare_app.close()
    n = len(program.commands)
    figure = Figure(
        "1 commands", "commands/s", "commands/s", n / ks_seconds, n / bare_seconds,
        "bare eventsourcing save loop", ">= 90% of bare",
    )  # fmt: skip
    figure.met = figure.ratio >= 0.90
    details = {
        "commands": n,
        "kshare": {"seconds": ks_seconds, "events": ks_events},
        "bare": {"seconds": bare_seconds, "events": bare_events},
    }
    return [figure], details
