"""Pages under load and the server's memory: ``kshare serve`` vs a bare Flask app.

Both servers run as subprocesses of their own, on waitress with 8 threads:
``kshare serve`` over a cached install, and ``benchmarks.org_bare`` (Flask +
Jinja rendering a page of the same byte size as the kshare page). Clients
are threads of this process, each with its own keep-alive
``http.client.HTTPConnection``; a page is measured for a fixed time after a
warm-up, and its bare twin right before or after it (the order alternates
from page to page). Every answer other than 200 is counted and reported.
"""

import random
import re
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.client import HTTPConnection, HTTPException
from pathlib import Path
from urllib.parse import quote_plus, urlencode

from .common import Figure, console, memory, percentile, progress
from .drivers import PASSWORD
from .generator import Draft, Program
from .org_setup import ROOT, Install
from .search import _phrase

HOST = "127.0.0.1"
BIN = Path(sys.executable).parent
THREADS = 8  # waitress threads, on both sides
BARE_REQS_TARGET = 0.5  # list pages, feeds, post and person pages: >= 0.5x bare
SEARCH_P95_TARGET = 5.0  # library search pages: p95 <= 5x the bare page's


@dataclass(frozen=True)
class Page:
    """A page of the site, measured over one or more paths (taken in turn)."""

    name: str
    group: str  # list, feed, post, person, search, program
    paths: list[str]
    signed_in: bool = False


def pages(install: Install, program: Program, seed: int = 5) -> list[Page]:
    """The pages measured, with several search queries each for the library."""
    rng, words = random.Random(seed), program.text.words
    common, frequent = words[:60], words[:200]
    drafts = [c for c in program.commands if isinstance(c, Draft)]
    tags = program.text.tags[:30]
    mentoring = install.marker["mentoring"]
    cohort = mentoring["cohort"]
    posts = install.marker["sample_posts"]
    people = program.people
    ranks = [i for i in (0, 1, 3, 10, 30, 100, 300, 900) if i < len(people)]
    handles = [people[i].handle for i in ranks]  # the first write the most

    def library(queries: list[str]) -> list[str]:
        return [f"/library?q={quote_plus(q)}" for q in queries]

    return [
        Page("home", "list", ["/"]),
        Page("stories", "list", ["/stories"]),
        Page("lessons", "list", ["/lessons"]),
        Page("library: a word", "search", library(rng.sample(common, 6))),
        Page(
            "library: two words",
            "search",
            library([" ".join(rng.sample(frequent, 2)) for _ in range(6)]),
        ),
        Page(
            "library: a phrase",
            "search",
            library([_phrase(rng, rng.choice(drafts)) for _ in range(6)]),
        ),
        Page(
            "library: tag + word",
            "search",
            library(
                [f"tag:{rng.choice(tags)} {rng.choice(frequent)}" for _ in range(6)]
            ),
        ),
        Page(
            "post",
            "post",
            [f"/posts/{p}" for p in rng.sample(posts, min(10, len(posts)))],
        ),
        Page("person", "person", [f"/people/{h}" for h in handles]),
        Page("feed: stories.atom", "feed", ["/feeds/stories.atom"]),
        Page("cohort board", "program", [f"/cohorts/{cohort}"], signed_in=True),
        Page("dashboard", "program", ["/dashboard"], signed_in=True),
        Page(
            "dashboard: cohort",
            "program",
            [f"/dashboard/cohorts/{cohort}"],
            signed_in=True,
        ),
    ]


# -- servers ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """A server subprocess; ``with`` starts it and waits until it accepts."""

    def __init__(self, name: str, argv: list[str], env: dict, log: Path) -> None:
        self.name, self.argv, self.env, self.log = name, argv, env, log
        self.port = int(argv[argv.index("--port") + 1])
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Server":
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                self.argv, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited: {self.tail()}")
            try:
                socket.create_connection((HOST, self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError(f"{self.name} did not answer in 300 s: {self.tail()}")

    def __exit__(self, *_exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    @property
    def pid(self) -> int:
        """The Python process serving (``kshare`` is a script: it is that pid)."""
        pid = self.process.pid
        if "python" in Path(f"/proc/{pid}/exe").resolve().name:
            return pid
        for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
            if "python" in Path(f"/proc/{child}/exe").resolve().name:
                return int(child)
        raise RuntimeError(f"no Python process under {pid}")

    def tail(self, chars: int = 2000) -> str:
        return (
            self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""
        )


def kshare_server(install: Install, log: Path) -> Server:
    argv = [str(BIN / "kshare"), "serve", "--host", HOST, "--port", str(free_port())]
    return Server(
        "kshare serve", [*argv, "--threads", str(THREADS)], install.env(), log
    )


def bare_server(log: Path) -> Server:
    argv = [sys.executable, "-m", "benchmarks.org_bare", "--port", str(free_port())]
    return Server("bare Flask", [*argv, "--threads", str(THREADS)], None, log)


# -- clients ------------------------------------------------------------------


def get(conn: HTTPConnection, path: str, headers: dict) -> tuple[int, bytes]:
    """One GET on a keep-alive connection; (0, error) when the connection fails."""
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
    except (OSError, HTTPException) as error:
        conn.close()
        return 0, repr(error).encode()
    if response.will_close:
        conn.close()
    return response.status, body


def sign_in(port: int, email: str, password: str = PASSWORD) -> dict:
    """Sign in through the site's form; the headers that carry the session."""
    conn = HTTPConnection(HOST, port, timeout=60)
    conn.request("GET", "/signin")
    response = conn.getresponse()
    form = response.read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', form)
    if response.status != 200 or not token:
        raise RuntimeError(f"GET /signin answered {response.status}")
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    body = urlencode({"email": email, "password": password, "csrf_token": token[1]})
    conn.request(
        "POST", "/signin", body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
    )  # fmt: skip
    response = conn.getresponse()
    response.read()
    conn.close()
    if response.status != 302 or not response.getheader("Set-Cookie"):
        raise RuntimeError(f"signing in as {email} answered {response.status}")
    return {"Cookie": response.getheader("Set-Cookie").split(";")[0]}


@dataclass
class Load:
    """What the clients saw in the timed window."""

    seconds: float
    latencies: list[float] = field(default_factory=list)  # ms
    statuses: Counter = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)  # the first few, explained
    sizes: list[int] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds

    def p(self, q: float) -> float:
        return percentile(self.latencies, q) if self.latencies else float("nan")

    @property
    def failed(self) -> int:
        return sum(n for status, n in self.statuses.items() if status != 200)

    def note(self, status: int, path: str, body: bytes, ms: float | None) -> None:
        self.statuses[status] += 1
        if ms is not None:
            self.latencies.append(ms)
            self.sizes.append(len(body))
        if status != 200 and len(self.errors) < 5:
            text = body[:300].decode(errors="replace")
            self.errors.append(f"{status} {path}: {text}")

    def summary(self) -> dict:
        return {
            "requests": len(self.latencies),
            "seconds": self.seconds,
            "req_per_s": round(self.rate, 1),
            "p50_ms": round(self.p(50), 2),
            "p95_ms": round(self.p(95), 2),
            "p99_ms": round(self.p(99), 2),
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "mean_bytes": round(sum(self.sizes) / max(1, len(self.sizes))),
            "errors": self.errors,
        }


def hammer(
    port: int, paths: list[str], headers: dict, *, clients: int, seconds: float,
    warmup: float,
) -> Load:  # fmt: skip
    """``clients`` keep-alive clients for ``warmup + seconds``; time the last part."""
    load, lock = Load(seconds), threading.Lock()
    ready = threading.Barrier(clients + 1)
    start: list[float] = []

    def client(k: int) -> None:
        conn = HTTPConnection(HOST, port, timeout=120)
        ready.wait()
        timed_from, end = start[0] + warmup, start[0] + warmup + seconds
        n = k
        while (begun := time.perf_counter()) < end:
            path = paths[n % len(paths)]
            n += 1
            status, body = get(conn, path, headers)
            ms = (time.perf_counter() - begun) * 1000
            with lock:
                load.note(status, path, body, ms if begun >= timed_from else None)
        conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for thread in threads:
        thread.start()
    start.append(time.perf_counter())
    ready.wait()
    for thread in threads:
        thread.join()
    return load


def run_requests(port: int, requests: list[tuple[str, dict]], clients: int) -> Load:
    """Send a fixed list of requests over ``clients`` keep-alive clients."""
    load, lock, queue = Load(0.0), threading.Lock(), iter(requests)

    def client() -> None:
        conn = HTTPConnection(HOST, port, timeout=120)
        while True:
            with lock:
                request = next(queue, None)
            if request is None:
                break
            path, headers = request
            begun = time.perf_counter()
            status, body = get(conn, path, headers)
            with lock:
                load.note(status, path, body, (time.perf_counter() - begun) * 1000)
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    begun = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    load.seconds = time.perf_counter() - begun
    return load


# -- the phases ---------------------------------------------------------------


def probe(port: int, page: Page, headers: dict) -> tuple[list[int], list[str]]:
    """Each of a page's paths once: their sizes, and any answer but 200."""
    conn, sizes, errors = HTTPConnection(HOST, port, timeout=120), [], []
    for path in page.paths:
        status, body = get(conn, path, headers)
        sizes.append(len(body))
        if status != 200:
            errors.append(f"{status} {path}: {body[:300].decode(errors='replace')}")
    conn.close()
    return sizes, errors


def measure_pages(
    install: Install, program: Program, workdir: Path, *, clients: int,
    seconds: float, warmup: float,
) -> tuple[list, dict]:  # fmt: skip
    site = pages(install, program)
    coordinator = install.marker["mentoring"]["coordinator"]
    rows, failures = {}, []
    kshare = kshare_server(install, workdir / "kshare-serve.log")
    bare = bare_server(workdir / "bare.log")
    with kshare, bare:
        session = sign_in(kshare.port, coordinator)
        started = memory(kshare.pid)
        with progress("http: pages, kshare + bare", 2 * len(site)) as advance:
            for i, page in enumerate(site):
                headers = session if page.signed_in else {}
                sizes, errors = probe(kshare.port, page, headers)
                if errors:
                    failures += [f"{page.name}: {e}" for e in errors]
                    advance(2)
                    continue
                size = round(sum(sizes) / len(sizes))
                twin = [f"/page/{quote_plus(page.name)}?bytes={size}"]
                served = {
                    "kshare": (kshare.port, page.paths, headers),
                    "bare": (bare.port, twin, {}),
                }
                order = ["kshare", "bare"] if i % 2 == 0 else ["bare", "kshare"]
                loads = {}
                for side in order:
                    port, paths, side_headers = served[side]
                    loads[side] = hammer(
                        port, paths, side_headers, clients=clients,
                        seconds=seconds, warmup=warmup,
                    )  # fmt: skip
                    advance(1)
                for side, load in loads.items():
                    failures += [f"{page.name} ({side}): {e}" for e in load.errors]
                rows[page.name] = _row(page, size, loads)
        after = memory(kshare.pid)
        log_tail = kshare.tail()
    figures = [f for name, row in rows.items() for f in _figures(name, row)]
    details = {
        "clients": clients,
        "seconds": seconds,
        "warmup_seconds": warmup,
        "server_threads": THREADS,
        "pages": rows,
        "paths": {p.name: p.paths for p in site},
        "kshare_rss_mb": {"after_sign_in": started, "after_all_pages": after},
        "failures": failures,
    }
    if failures:
        details["kshare_log_tail"] = log_tail
    return figures, details


def _row(page: Page, size: int, loads: dict[str, Load]) -> dict:
    kshare, bare = loads["kshare"].summary(), loads["bare"].summary()
    return {
        "group": page.group,
        "bytes": size,
        "kshare": kshare,
        "bare": bare,
        "ratio_req_per_s": round(kshare["req_per_s"] / bare["req_per_s"], 4),
        "ratio_p95": round(kshare["p95_ms"] / bare["p95_ms"], 4),
        "measured_first": next(iter(loads)),
    }


def _figures(name: str, row: dict) -> list[Figure]:
    k, b = row["kshare"], row["bare"]
    rate = Figure(
        "pages", f"{name} req/s", "req/s", k["req_per_s"], b["req_per_s"],
        "bare Flask + Jinja page of the same size",
    )  # fmt: skip
    p95 = Figure(
        "pages", f"{name} p95", "ms", k["p95_ms"], b["p95_ms"],
        "bare Flask + Jinja page of the same size",
    )  # fmt: skip
    if row["group"] in ("list", "feed", "post", "person"):
        rate.target = f">= {BARE_REQS_TARGET}x bare req/s"
        rate.met = rate.ratio >= BARE_REQS_TARGET
    elif row["group"] == "search":
        p95.target = f"p95 <= {SEARCH_P95_TARGET:g}x bare p95"
        p95.met = p95.ratio <= SEARCH_P95_TARGET
    return [rate, p95]


RSS_TARGET_MB = 300


def measure_rss(
    install: Install, program: Program, workdir: Path, *, requests: int = 1000,
    clients: int = 8,
) -> tuple[list, dict]:  # fmt: skip
    """``kshare serve`` RSS idle after start-up, then after mixed requests."""
    site = pages(install, program)
    coordinator = install.marker["mentoring"]["coordinator"]
    with kshare_server(install, workdir / "kshare-serve-rss.log") as kshare:
        time.sleep(2)  # started, accepting, not yet asked anything
        idle = memory(kshare.pid)
        session = sign_in(kshare.port, coordinator)
        mix = []
        for n in range(requests):
            page = site[n % len(site)]
            path = page.paths[(n // len(site)) % len(page.paths)]
            mix.append((path, session if page.signed_in else {}))
        with console.status(f"rss: {requests} mixed requests, {clients} clients"):
            load = run_requests(kshare.port, mix, clients)
        after = memory(kshare.pid)
        log_tail = kshare.tail() if load.failed else ""
    figure = Figure(
        "memory", f"kshare serve RSS after {requests:,} mixed requests", "MB",
        after["rss"], RSS_TARGET_MB, "target MB", f"< {RSS_TARGET_MB} MB",
        after["rss"] < RSS_TARGET_MB,
    )  # fmt: skip
    peak = Figure(
        "memory", "kshare serve peak RSS (VmHWM)", "MB", after["peak"],
        RSS_TARGET_MB, "target MB",
    )  # fmt: skip
    details = {
        "idle_after_start_mb": idle,
        "after_requests_mb": after,
        "requests": load.summary(),
        "clients": clients,
        "pages": [p.name for p in site],
        "failures": [f"rss mix: {e}" for e in load.errors],
    }
    if log_tail:
        details["kshare_log_tail"] = log_tail
    return [figure, peak], details
