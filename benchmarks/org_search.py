"""Single-client search latency by kind of query, at two sizes of library.

kshare's figure is ``services.search.search(q, sort=...)`` over a cached
install: what the library page asks for (10 hits with highlights, the total,
tag and author facets, "did you mean" for small result sets). The baseline
(as the issue asks for it) is a plain Whoosh search: the same parser and
field aliases, ``searcher.search(query, limit=10,
filter=Term("status", "published"))`` (sorted by date for "newest"), then
the 10 hits' stored fields; no facets, no highlights, no total. The queries
are ``benchmarks.search.queries`` of each install's own program; the sides
alternate, after a warm-up round.

Whoosh builds a filter's document set on every search: at 100,000 posts
that set of every published post costs the baseline more than the search.
A second bare side (``bare_mask``, reported beside it, no target) masks
the few unpublished documents instead, as kshare does.
"""

import time
from collections import defaultdict

from whoosh import index
from whoosh.qparser import FieldAliasPlugin, MultifieldParser
from whoosh.query import Or, Term

from kshare.bootstrap import build
from kshare.domain.posts import DRAFT, RETRACTED
from kshare.projections.library.schema import CHECKPOINT, library_schema

from .common import Figure, percentile, progress, settle
from .generator import Program
from .org_setup import Install
from .search import queries

P95_TARGET = 2.0  # kshare's p95 <= 2x the bare top-10 search's


class BareTop10:
    """A plain Whoosh top-10 search of the published documents.

    ``mask``: leave out the unpublished documents rather than keep the
    published ones (the same hits, without a set of every published post).
    """

    def __init__(self, directory: str, mask: bool = False) -> None:
        self.searcher = index.open_dir(directory).searcher()
        self.parser = MultifieldParser(["title", "body", "tags"], library_schema())
        self.parser.add_plugin(FieldAliasPlugin({"tags": ["tag"], "author": ["by"]}))
        unpublished = Or([Term("status", s) for s in (DRAFT, RETRACTED, CHECKPOINT)])
        self.only = (
            {"mask": unpublished} if mask else {"filter": Term("status", "published")}
        )

    def search(self, q: str, sort: str) -> list[dict]:
        order = {"sortedby": "published", "reverse": True} if sort == "newest" else {}
        results = self.searcher.search(
            self.parser.parse(q), limit=10, **self.only, **order
        )
        return [hit.fields() for hit in results[:10]]

    def close(self) -> None:
        self.searcher.close()


def latencies(install: Install, program: Program, rounds: int) -> dict:
    """{side: {kind: [ms, ...]}} over ``rounds`` timed rounds of the mix."""
    services = build(install.settings)
    store, mix = services.library.store, queries(program)
    directory = str(store.root / store.target())
    bare, masked = BareTop10(directory), BareTop10(directory, mask=True)
    sides = {
        "kshare": lambda q, sort: services.search.search(q, sort=sort),
        "bare": bare.search,
        "bare_mask": masked.search,
    }
    samples = {side: defaultdict(list) for side in sides}
    settle()
    try:
        total = (rounds + 1) * len(mix)
        with progress(f"search: {install.scale:,} posts", total) as advance:
            for round_ in range(rounds + 1):
                for i, (kind, q, sort) in enumerate(mix):
                    turn = (i + round_) % len(sides)
                    order = list(sides)[turn:] + list(sides)[:turn]
                    for side in order:
                        begun = time.perf_counter()
                        sides[side](q, sort)
                        ms = (time.perf_counter() - begun) * 1000
                        if round_:  # the first round warms both up
                            samples[side][kind].append(ms)
                    advance(1)
    finally:
        bare.close()
        masked.close()
        services.close()
    return samples


def _summary(samples: dict) -> dict:
    def stats(values: list[float]) -> dict:
        return {f"p{p}": round(percentile(values, p), 3) for p in (50, 95, 99)}

    out = {}
    for side, kinds in samples.items():
        every = [ms for values in kinds.values() for ms in values]
        out[side] = {"all": stats(every)} | {k: stats(v) for k, v in kinds.items()}
    return out


def measure(
    full: Install, small: Install, programs: dict[int, Program], rounds: int
) -> tuple[list, dict]:
    found = {
        install.scale: _summary(latencies(install, programs[install.scale], rounds))
        for install in (small, full)
    }
    big, little = found[full.scale], found[small.scale]
    figures = []
    for p in (50, 95, 99):
        figure = Figure(
            "search", f"p{p} at {full.scale:,} posts", "ms",
            big["kshare"]["all"][f"p{p}"], big["bare"]["all"][f"p{p}"],
            "bare Whoosh top-10 (no facets, no highlights)",
        )  # fmt: skip
        if p == 95:
            figure.target = f"<= {P95_TARGET:g}x bare"
            figure.met = figure.ratio <= P95_TARGET
        figures.append(figure)
    figures.append(
        Figure(
            "search",
            f"p95 at {full.scale:,} posts, vs a bare search that masks",
            "ms",
            big["kshare"]["all"]["p95"],
            big["bare_mask"]["all"]["p95"],
            "bare Whoosh top-10, unpublished masked (no facets, no highlights)",
        )
    )
    figures.append(
        Figure(
            "search",
            f"p95 at {small.scale:,} posts",
            "ms",
            little["kshare"]["all"]["p95"],
            little["bare"]["all"]["p95"],
            "bare Whoosh top-10 (no facets, no highlights)",
        )
    )
    figures.append(
        Figure(
            "search",
            f"p95 growth {small.scale:,} -> {full.scale:,} posts",
            "ms",
            big["kshare"]["all"]["p95"],
            little["kshare"]["all"]["p95"],
            f"kshare's p95 at {small.scale:,} posts",
        )
    )
    growth = {
        side: {
            kind: round(big[side][kind]["p95"] / little[side][kind]["p95"], 3)
            for kind in big[side]
        }
        for side in big
    }
    details = {
        "queries": len(queries(programs[full.scale])),
        "rounds": rounds,
        "latency_ms": {str(scale): summary for scale, summary in found.items()},
        "p95_growth": growth,
        "examples": [q for _, q, _ in queries(programs[full.scale])[:8]],
    }
    return figures, details
