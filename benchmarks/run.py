"""Run every measurement on one synthetic program; write JSON; print a table.

    .venv/bin/python -m benchmarks.run [--scale 20000] [--out PATH]
                                       [--profile PHASE]

Everything lives in a temporary directory under /tmp, removed at the end.
``--profile`` runs one phase under cProfile (its timings are then not
comparable) and prints where the time went.
"""

import argparse
import cProfile
import json
import os
import platform
import pstats
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kshare.bootstrap import build
from kshare.config import Settings

from . import asof, commands, integrity, lag, library, rebuild, search
from . import program as program_phase
from .common import console, settle
from .drivers import KShareDriver
from .generator import Appreciate, Draft, Feature, Revise, generate

PHASES = (
    "commands",
    "rebuild",
    "library",
    "search",
    "lag",
    "integrity",
    "program",
    "asof",
)  # in order


def machine() -> dict:
    return {
        "cpu_count": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "sqlite": sqlite3.sqlite_version,
        **{p: version(p) for p in ("eventsourcing", "whoosh-reloaded", "sqlalchemy")},
    }


def phase(name: str, profile: str | None, out: Path, measure, *args):
    settle()
    if name != profile:
        return measure(*args)
    profiler = cProfile.Profile()
    result = profiler.runcall(measure, *args)
    path = out.with_suffix(f".{name}.prof")
    profiler.dump_stats(path)
    console.print(f"[bold]cProfile of {name}[/] (saved to {path})")
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(30)
    return result


def measure_all(args, workdir: Path) -> dict:
    with console.status(f"generating a program of {args.scale} posts"):
        program = generate(args.scale)
    counts = {
        "participants": len(program.people),
        "posts": program.count(Draft),
        "lessons": sum(kind == "lesson" for kind in program.kinds.values()),
        "revisions": program.count(Revise),
        "appreciations": program.count(Appreciate),
        "lessons_of_the_week": program.count(Feature),
        "commands": len(program.commands),
    }
    services = build(Settings.for_tests(workdir))
    driver = KShareDriver(services.app)  # also gives the live commands
    phases = {
        "commands": (commands.measure, services, program, driver, workdir),
        "rebuild": (rebuild.measure, services),
        "library": (library.measure, services, counts["posts"], workdir),
        "search": (search.measure, services, program),
        "lag": (lag.measure, services, program, driver),
        "integrity": (integrity.measure, services),
        "program": (program_phase.measure, workdir, max(50, args.scale // 20)),
        "asof": (asof.measure, workdir, max(10_000, 5 * args.scale)),  # 100k
    }
    figures, details = [], {}
    try:
        for name, (measure, *arguments) in phases.items():
            found, details[name] = phase(
                name, args.profile, args.out, measure, *arguments
            )
            figures += found
            counts["events"] = counts.get("events") or services.log.head()
    finally:
        services.close()
    return {"program": counts, "figures": figures, "details": details}


def table(figures) -> Table:
    out = Table(title="kshare benchmarks (kshare vs baseline, same run)")
    for column in (
        "measurement",
        "figure",
        "kshare",
        "baseline",
        "ratio",
        "target",
        "met",
    ):
        out.add_column(
            column,
            justify="left"
            if column in ("measurement", "figure", "target")
            else "right",
        )
    for f in figures:
        met = {True: "[green]yes[/]", False: "[red]NO[/]", None: "-"}[f.met]
        out.add_row(
            f.measurement, f.name, f"{f.value:,.1f} {f.unit}", f"{f.baseline:,.1f}",
            f"{f.ratio:.2f}x", f.target or "-", met,
        )  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run")
    parser.add_argument("--scale", type=int, default=20000, help="posts (20000)")
    parser.add_argument(
        "--out", type=Path, default=Path("benchmarks/results/latest.json")
    )
    parser.add_argument("--profile", choices=PHASES, help="cProfile one phase")
    args = parser.parse_args(argv)
    started, clock = datetime.now(UTC), time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="kshare-bench-", dir="/tmp"))
    try:
        result = measure_all(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report = {
        "scale": args.scale,
        "started_at": started.isoformat(timespec="seconds"),
        "duration_seconds": round(time.perf_counter() - clock, 1),
        "profiled_phase": args.profile,
        "machine": machine(),
        "program": result["program"],
        "figures": [f.as_dict() for f in result["figures"]],
        "targets_met": all(f.met for f in result["figures"] if f.met is not None),
        "details": result["details"],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, default=str) + "\n")
    Console(width=120).print(table(result["figures"]))
    print(f"scale {args.scale}, {report['duration_seconds']} s; report: {args.out}")


if __name__ == "__main__":
    main()
