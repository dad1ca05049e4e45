"""The cached installs of the organisation-scale benchmark (``benchmarks.org``).

``ensure(scale)`` gives ``var/bench-org/<scale>/``: a kshare install laid out
as ``Settings.for_tests(directory)`` lays it out (``var/events.sqlite``,
``var/read_models.sqlite``, ``search_index/``), holding the generator's
program of ``scale`` posts and a small mentoring program (one cohort of
pairings with a few sessions each, from ``benchmarks.program``).

It is built once, through ``KnowledgeShare`` (``drivers.KShareDriver``), and
the read models and the library are projected live, by kshare's own
``GroupRunner`` catching up every ``CATCH_UP_EVERY`` commands (what the
runner thread of ``kshare serve`` does after a burst of writes), never by a
rebuild. ``complete.json``, written last, says the install is whole; without
it, or when the event store does not hold the events it counts, the
directory is built again from scratch.
"""

import json
import os
import random
import shutil
import sqlite3
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kshare.bootstrap import build
from kshare.config import Settings

from .common import bars, console, progress
from .drivers import KShareDriver
from .generator import SEED, Draft, generate
from .program import setup_program

ROOT = Path(__file__).resolve().parent.parent  # the repository
CACHE = ROOT / "var" / "bench-org"
MARKER = "complete.json"
CATCH_UP_EVERY = 2000  # commands between two catch-ups of the live runner
SESSIONS = 4  # per pairing of the mentoring program
SERVER_SECRET = "bench-org-secret"


@dataclass(frozen=True)
class Install:
    """A complete cached install and what its marker says about it."""

    root: Path
    marker: dict

    @property
    def scale(self) -> int:
        return self.marker["scale"]

    @property
    def events(self) -> int:
        return self.marker["events"]

    @property
    def settings(self) -> Settings:
        return Settings.for_tests(self.root)

    def env(self) -> dict[str, str]:
        """The environment that makes ``kshare`` commands use this install."""
        settings = self.settings
        env = {k: v for k, v in os.environ.items() if not k.startswith("KSHARE_")}
        return env | {
            "KSHARE_HOME": str(settings.home),
            "KSHARE_SEARCH_INDEX": str(settings.search_index),
            "KSHARE_SECRET_KEY": SERVER_SECRET,
            "KSHARE_SEAL_INTERVAL": "0",  # no sealing while measuring
        }

    def copy(self, destination: Path) -> "Install":
        """A copy to work on (the index's ``current`` link is relative)."""
        if destination.exists():
            shutil.rmtree(destination)
        with console.status(f"copying the {self.scale:,}-post install"):
            shutil.copytree(self.root, destination, symlinks=True)
        return Install(destination, self.marker)


def mentoring_size(scale: int) -> int:
    """Pairings of the mentoring program: 150 at 30,000 posts and above."""
    return min(150, max(20, scale // 200))


def ensure(scale: int, cache: Path = CACHE) -> Install:
    """The cached install of ``scale`` posts, built first when missing or partial."""
    root = cache / str(scale)
    marker = _complete(root, scale)
    if marker is None:
        if root.exists():
            console.print(f"[yellow]{root} is incomplete: building it again[/]")
            shutil.rmtree(root)
        marker = _build(root, scale)
    install = Install(root, marker)
    _freshen(install)
    return install


def _complete(root: Path, scale: int) -> dict | None:
    path = root / MARKER
    if not path.exists():
        return None
    marker = json.loads(path.read_text())
    if marker.get("scale") != scale or marker.get("seed") != SEED:
        return None
    return marker if _head(root) == marker["events"] else None


def _head(root: Path) -> int | None:
    """The event store's last position, read without opening kshare."""
    path = Settings.for_tests(root).home / "events.sqlite"
    if not path.exists():
        return None
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute("SELECT MAX(rowid) FROM stored_events").fetchone()[0]


def _freshen(install: Install) -> None:
    """Catch the projections up (live path) if this kshare reset any of them.

    A kshare whose read-model tables changed shape starts those read models
    over when it opens the store; the runner then projects them again.
    """
    services = build(install.settings)
    try:
        behind = install.events - min(g.position() for g in services.runner.groups)
        if behind > 0:
            console.print(f"[yellow]projections of {install.root} are behind[/]")
            _catch_up(services, "setup: catching up (live runner)")
    finally:
        services.close()


def _catch_up(services, description: str) -> None:
    start = min(g.position() for g in services.runner.groups)
    with progress(description, services.log.head() - start) as advance:
        done = [0]

        def show(now: int, _total: int) -> None:
            advance(now - done[0])
            done[0] = now

        services.runner.catch_up(progress=show)


@contextmanager
def _bars(commands: int):
    """Two bars: commands given, and events projected by the runner."""
    with bars() as bar:
        given = bar.add_task("setup: commands", total=commands)
        projected = bar.add_task("setup: projected by the runner", total=None)
        yield (
            lambda n: bar.advance(given, n),
            lambda done, head: bar.update(projected, completed=done, total=head),
        )


def _build(root: Path, scale: int) -> dict:
    root.mkdir(parents=True)
    clock = time.perf_counter()
    with console.status(f"setup: generating a program of {scale:,} posts"):
        program = generate(scale, SEED)
    services = build(Settings.for_tests(root))
    try:
        driver = KShareDriver(services.app)
        with progress("setup: participants", len(program.people)) as advance:
            for person in program.people:
                driver.register(person)
                advance(1)
        runner, log = services.runner, services.log
        total, last = len(program.commands), 0
        with _bars(total) as (given, projected):
            for n, command in enumerate(program.commands, 1):
                driver.run(command)
                if n % CATCH_UP_EVERY == 0 or n == total:
                    given(n - last)
                    last = n
                    projected(runner.catch_up(), log.head())
        pairings = mentoring_size(scale)
        cohort, waiting, coordinator = setup_program(
            services, random.Random(11), pairings=pairings, sessions=SESSIONS
        )
        _catch_up(services, "setup: projecting the mentoring program")
        events = services.log.head()
        posts = program.count(Draft)
        step = max(1, posts // 100)
        marker = {
            "scale": scale,
            "seed": SEED,
            "events": events,
            "commands": len(program.commands),
            "participants": len(program.people) + 2 * pairings,
            "posts": posts,
            "catch_up_every": CATCH_UP_EVERY,
            "mentoring": {
                "pairings": pairings,
                "sessions_per_pairing": SESSIONS,
                "cohort": str(cohort),
                "waiting_cohort": str(waiting),
                "coordinator": services.people.person(str(coordinator)).email,
            },
            "sample_posts": [str(driver.posts[i]) for i in range(0, posts, step)],
            "kshare_commit": _commit(),
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "build_seconds": round(time.perf_counter() - clock, 1),
        }
    finally:
        services.close()
    (root / MARKER).write_text(json.dumps(marker, indent=2) + "\n")
    console.print(
        f"setup: {root} holds {events:,} events ({marker['build_seconds']} s)"
    )
    return marker


def _commit() -> str:
    """The commit the install was made with (read only; edits may be on top)."""
    found = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    return found.stdout.strip()


def main(argv: list[str] | None = None) -> None:
    """Build (or check) the cached installs alone: ``-m benchmarks.org_setup N``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.org_setup")
    parser.add_argument("scales", nargs="+", type=int)
    for scale in parser.parse_args(argv).scales:
        install = ensure(scale)
        console.print(f"{install.root}: {install.events:,} events, complete")


if __name__ == "__main__":
    main()
