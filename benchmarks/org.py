"""kshare at the size of an organisation: 100,000 posts, 1,000 people.

    .venv/bin/python -m benchmarks.org [--scale 100000] [--small 20000]
        [--phases http,rss,search,rebuild,passes,commands,consistency]
        [--out benchmarks/results/org.json]

Set-up (``benchmarks.org_setup``): the generator's program of ``--scale``
posts (and one of ``--small`` posts, for the phases that compare sizes),
given to ``KnowledgeShare`` and projected live by kshare's own runner, plus
a small mentoring program; each is built once into ``var/bench-org/<scale>/``
and reused. Everything a phase changes is a copy under /tmp, removed at the
end. Each figure is measured beside its baseline in the same run:

- ``http``: pages under load from ``kshare serve`` vs a bare Flask + Jinja
  page of the same size (``org_http``, ``org_bare``);
- ``rss``: ``kshare serve``'s memory idle and after 1,000 mixed requests;
- ``search``: single-client search latency vs a bare Whoosh top-10, at both
  sizes (``org_search``);
- ``rebuild``: ``kshare rebuild`` wall time and peak RSS at both sizes;
- ``passes``: the SQL rebuild vs reading and decoding the log, the library
  rebuild vs a bare Whoosh bulk index (``org_rebuild``);
- ``commands``: commands/s vs a bare save loop (``benchmarks.commands``);
- ``consistency``: the live projections equal a full rebuild of them.

Any page answering an error, a failing phase or an unequal rebuild is
reported and makes the run exit with status 1 (after writing the results).
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

from kshare.bootstrap import build
from kshare.config import Settings

from . import commands, org_consistency, org_http, org_rebuild, org_search, org_setup
from .common import console, settle
from .drivers import KShareDriver
from .generator import generate
from .run import machine, table

PHASES = ("http", "rss", "search", "rebuild", "passes", "commands", "consistency")
COMMANDS_TARGET = 0.9  # kshare commands/s >= 0.9x the bare save loop


class Run:
    """The installs and programs the phases share, made when first asked for."""

    def __init__(self, args, workdir: Path) -> None:
        self.args, self.workdir = args, workdir
        self.installs: dict[int, org_setup.Install] = {}
        self._programs: dict = {}

    def install(self, scale: int) -> org_setup.Install:
        if scale not in self.installs:
            self.installs[scale] = org_setup.ensure(scale, self.args.cache)
        return self.installs[scale]

    def program(self, scale: int):
        if scale not in self._programs:
            with console.status(f"generating the program of {scale:,} posts"):
                self._programs[scale] = generate(scale)
        return self._programs[scale]

    @property
    def full(self) -> org_setup.Install:
        return self.install(self.args.scale)

    @property
    def small(self) -> org_setup.Install:
        return self.install(self.args.small)

    def phase(self, name: str) -> tuple[list, dict]:
        a, workdir = self.args, self.workdir / name
        workdir.mkdir()
        if name == "http":
            return org_http.measure_pages(
                self.full, self.program(a.scale), workdir, clients=a.clients,
                seconds=a.seconds, warmup=a.warmup,
            )  # fmt: skip
        if name == "rss":
            return org_http.measure_rss(
                self.full, self.program(a.scale), workdir, requests=a.requests
            )
        if name == "search":
            programs = {s: self.program(s) for s in (a.small, a.scale)}
            return org_search.measure(self.full, self.small, programs, a.search_rounds)
        if name == "rebuild":
            return org_rebuild.measure_rebuilds([self.small, self.full], workdir)
        if name == "passes":
            return org_rebuild.measure_passes(self.full, workdir)
        if name == "commands":
            return measure_commands(a.commands_scale, workdir)
        return org_consistency.measure(self.full, workdir)


def measure_commands(scale: int, workdir: Path) -> tuple[list, dict]:
    """``benchmarks.commands`` on a fresh install of a ``scale``-post program."""
    with console.status(f"commands: generating a program of {scale:,} posts"):
        program = generate(scale)
    services = build(Settings.for_tests(workdir))
    try:
        driver = KShareDriver(services.app)
        settle()
        [figure], details = commands.measure(services, program, driver, workdir)
    finally:
        services.close()
    figure.measurement = "commands"
    figure.target = f">= {COMMANDS_TARGET}x bare"
    figure.met = figure.ratio >= COMMANDS_TARGET
    return [figure], details | {"scale": scale}


def code_version() -> dict:
    """The commit measured, and the files changed on top of it (read only)."""
    git = ["git", "-C", str(org_setup.ROOT)]
    head = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True)
    changed = subprocess.run(
        [*git, "status", "--porcelain", "kshare"], capture_output=True, text=True
    )
    return {"commit": head.stdout.strip(), "changed": changed.stdout.split("\n")[:-1]}


def pages_table(rows: dict) -> Table:
    out = Table(title="pages under load (kshare serve vs bare Flask, same run)")
    for column in ("page", "bytes", "kshare req/s", "p50", "p95", "bare req/s",
                   "p50", "p95", "req/s ratio", "p95 ratio", "non-200"):  # fmt: skip
        out.add_column(column, justify="left" if column == "page" else "right")
    for name, row in rows.items():
        k, b = row["kshare"], row["bare"]
        failed = sum(n for s, n in k["statuses"].items() if s != "200")
        out.add_row(
            name, f"{row['bytes']:,}", f"{k['req_per_s']:,.1f}", f"{k['p50_ms']:.1f}",
            f"{k['p95_ms']:.1f}", f"{b['req_per_s']:,.1f}", f"{b['p50_ms']:.1f}",
            f"{b['p95_ms']:.1f}", f"{row['ratio_req_per_s']:.2f}x",
            f"{row['ratio_p95']:.2f}x", f"[red]{failed}[/]" if failed else "0",
        )  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.org")
    parser.add_argument("--scale", type=int, default=100_000, help="posts (100000)")
    parser.add_argument("--small", type=int, default=20_000, help="posts (20000)")
    parser.add_argument("--phases", default=",".join(PHASES), help="comma-separated")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results/org.json"))
    parser.add_argument("--cache", type=Path, default=org_setup.CACHE)
    parser.add_argument("--clients", type=int, default=4, help="http clients (4)")
    parser.add_argument("--seconds", type=float, default=8.0, help="per page (8)")
    parser.add_argument("--warmup", type=float, default=1.0, help="per page (1)")
    parser.add_argument("--requests", type=int, default=1000, help="rss mix (1000)")
    parser.add_argument("--search-rounds", type=int, default=2)
    parser.add_argument("--commands-scale", type=int, default=20_000)
    args = parser.parse_args(argv)
    phases = [p.strip() for p in args.phases.split(",") if p.strip()]
    unknown = set(phases) - set(PHASES)
    if unknown:
        parser.error(f"unknown phases {', '.join(sorted(unknown))}; known: {PHASES}")
    started, clock = datetime.now(UTC), time.perf_counter()
    measured = code_version()  # kshare may change under a long run: as it began
    workdir = Path(tempfile.mkdtemp(prefix="kshare-bench-org-", dir="/tmp"))
    run = Run(args, workdir)
    figures, details, seconds, failures = [], {}, {}, []
    try:
        for name in phases:
            begun = time.perf_counter()
            try:
                found, details[name] = run.phase(name)
                figures += found
                failures += details[name].get("failures", [])
            except Exception as error:
                traceback.print_exc()
                failures.append(f"{name}: {error!r}"[:2000])
                details[name] = {"error": repr(error)}
            seconds[name] = round(time.perf_counter() - begun, 1)
            console.print(f"[bold]{name}[/]: {seconds[name]} s")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    report = {
        "scale": args.scale,
        "small": args.small,
        "phases": phases,
        "started_at": started.isoformat(timespec="seconds"),
        "duration_seconds": round(time.perf_counter() - clock, 1),
        "phase_seconds": seconds,
        "machine": machine(),
        "kshare": measured,
        "installs": {
            str(scale): {k: v for k, v in i.marker.items() if k != "sample_posts"}
            for scale, i in run.installs.items()
        },
        "figures": [f.as_dict() for f in figures],
        "targets_met": all(f.met for f in figures if f.met is not None),
        "failures": failures,
        "details": details,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, default=str) + "\n")
    out = Console(width=150)
    if details.get("http", {}).get("pages"):
        out.print(pages_table(details["http"]["pages"]))
    out.print(table(figures))
    print(f"scale {args.scale} (small {args.small}), {report['duration_seconds']} s;")
    print(f"phases (s): {seconds}; report: {args.out}")
    if failures:
        console.print(f"[bold red]{len(failures)} failure(s):[/]")
        for failure in failures:
            console.print(f"- {failure[:500]}", style="red", markup=False)
        sys.exit(1)


if __name__ == "__main__":
    main()
