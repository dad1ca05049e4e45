"""Rebuilds at two sizes, and the two passes beside their bare baselines.

``measure_rebuilds``: ``kshare rebuild`` as a subprocess on a copy of each
cached install (all projections, then the SQL read models alone, then the
library alone): wall time, and the child's peak RSS (its VmHWM, polled).
The figure is the full rebuild's peak at the large size over its peak at
the small size; a rebuild that streams would keep it near 1.

``measure_passes`` (in this process, on a copy of the large install):

- the SQL rebuild (``rebuild_sql``) in events/s, beside reading and
  decoding the same log alone (``benchmarks.rebuild.read_all``, best of 3);
- the library rebuild (``rebuild_library``) in docs/s, beside a bare
  single-process Whoosh bulk index of the same documents
  (``benchmarks.library.measure``).
"""

import os
import shutil
import subprocess
import time
from contextlib import suppress
from pathlib import Path

from kshare.bootstrap import PROJECTIONS, build
from kshare.projections.rebuild import rebuild_sql

from . import library
from .common import Figure, console, memory, progress, settle, stopwatch
from .org_http import BIN
from .org_setup import ROOT, Install
from .rebuild import read_all

PEAK_TARGET = 1.2  # full rebuild peak RSS at the large size <= 1.2x the small's
LIBRARY_TARGET = 1.5  # the library pass >= 1.5x a bare Whoosh bulk index
SQL_TARGET = 0.5  # the SQL rebuild >= 0.5x reading and decoding the log
KINDS = {
    "full": [],
    "sql": [name for name in PROJECTIONS if name != "library"],
    "library": ["library"],
}


def run_rebuild(install: Install, names: list[str], log: Path) -> dict:
    """``kshare rebuild [NAMES]`` in a child process: seconds and peak RSS.

    The peak is the child's VmHWM, read every 50 ms while it runs: the
    ``ru_maxrss`` that ``wait4`` gives counts this (big) process's memory
    too, which a child started by (v)fork inherits until it execs.
    """
    peak = 0.0
    with log.open("wb") as out, stopwatch() as elapsed:
        child = subprocess.Popen(
            [str(BIN / "kshare"), "rebuild", *names],
            cwd=ROOT, env=install.env(), stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        while True:
            pid, status, _ = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            with suppress(OSError):
                peak = max(peak, memory(child.pid).get("peak", 0.0))
            time.sleep(0.05)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        tail = log.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"kshare rebuild {' '.join(names)} failed: {tail}")
    return {"seconds": round(elapsed(), 2), "peak_rss_mb": round(peak, 1)}


def measure_rebuilds(installs: list[Install], workdir: Path) -> tuple[list, dict]:
    """Each install (small first): full, SQL-only and library-only rebuilds."""
    found: dict[int, dict] = {}
    for install in installs:
        copy = install.copy(workdir / f"rebuild-{install.scale}")
        found[install.scale] = {}
        try:
            for kind, names in KINDS.items():
                label = f"rebuild: {kind}, {install.scale:,} posts"
                with console.status(f"{label} (kshare rebuild, a subprocess)"):
                    log = workdir / f"rebuild-{install.scale}-{kind}.log"
                    found[install.scale][kind] = run_rebuild(copy, names, log)
                console.print(f"{label}: {found[install.scale][kind]}")
        finally:
            shutil.rmtree(copy.root, ignore_errors=True)
    small, big = (found[i.scale] for i in installs)
    s, b = (f"{i.scale:,}" for i in installs)
    peak = Figure(
        "rebuild", f"full rebuild peak RSS at {b} posts", "MB",
        big["full"]["peak_rss_mb"], small["full"]["peak_rss_mb"],
        f"the same at {s} posts", f"<= {PEAK_TARGET}x the peak at {s}",
    )  # fmt: skip
    peak.met = peak.ratio <= PEAK_TARGET
    figures = [peak]
    for kind in KINDS:
        figures.append(
            Figure(
                "rebuild",
                f"{kind} rebuild wall time at {b} posts",
                "s",
                big[kind]["seconds"],
                small[kind]["seconds"],
                f"the same at {s} posts",
            )
        )
    details = {
        "by_scale": {str(scale): kinds for scale, kinds in found.items()},
        "events": {str(i.scale): i.events for i in installs},
        "kinds": {kind: names or "all" for kind, names in KINDS.items()},
    }
    return figures, details


def measure_passes(install: Install, workdir: Path) -> tuple[list, dict]:
    copy = install.copy(workdir / "passes")
    services = build(copy.settings)
    try:
        log, events = services.log, services.log.head()
        times = []
        with progress("passes: read + decode the log (x3)", 3) as advance:
            for _ in range(3):
                settle()
                with stopwatch() as elapsed:
                    read = read_all(log)
                times.append(elapsed())
                advance(1)
        settle()
        with (
            progress("passes: SQL rebuild", events) as advance,
            stopwatch() as sql_seconds,
        ):
            rebuild_sql(log, services.read_models, progress=advance)
        sql = Figure(
            "passes", "SQL rebuild", "events/s", events / sql_seconds(),
            read / min(times), "read + decode the log", f">= {SQL_TARGET}x baseline",
        )  # fmt: skip
        sql.met = sql.ratio >= SQL_TARGET
        settle()
        [built], built_details = library.measure(
            services, install.marker["posts"], workdir
        )
    finally:
        services.close()
        shutil.rmtree(copy.root, ignore_errors=True)
    library_pass = Figure(
        "passes", "library rebuild", "docs/s", built.value, built.baseline,
        "bare single-process Whoosh bulk index", f">= {LIBRARY_TARGET}x bare",
    )  # fmt: skip
    library_pass.met = library_pass.ratio >= LIBRARY_TARGET
    details = {
        "events": events,
        "read_decode_seconds": times,
        "sql_seconds": sql_seconds(),
        "library": built_details,
    }
    return [sql, library_pass], details
