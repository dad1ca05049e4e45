"""4. Search latency through ``WhooshLibrarySearch`` vs a bare Whoosh search.

Both search the same live index with the same query strings. The bare side
parses with a plain ``MultifieldParser(["title", "body", "tags"])`` (plus
the same field aliases, so ``tag:`` means the same), filters on published,
takes 10 hits with highlights, and groups by the same facets: like for like.
kshare adds its own work on top (a searcher refresh per search, paging,
"did you mean" for small result sets), which is what is being measured.
"""

import random
import time
from collections import defaultdict
from itertools import pairwise

from whoosh import highlight, index, sorting
from whoosh.qparser import FieldAliasPlugin, MultifieldParser
from whoosh.query import Term

from kshare.bootstrap import Services
from kshare.projections.library.schema import library_schema

from .common import Figure, percentile, progress, settle
from .generator import Draft, Program
from .vocabulary import STOP

ROUNDS = 2


def queries(
    program: Program, n: int = 200, seed: int = 7
) -> list[tuple[str, str, str]]:
    """(category, query, sort): words, AND, phrases, tag:, author:, newest."""
    rng, words = random.Random(seed), program.text.words
    mid = words[10:1500]
    drafts = [c for c in program.commands if isinstance(c, Draft)]
    out = []
    for i in range(n):
        kind = ("word", "and", "phrase", "tag", "author", "newest", "word", "and")[
            i % 8
        ]
        if kind in ("word", "newest"):
            q = rng.choice(mid)
        elif kind == "and":
            q = f"{rng.choice(mid)} {rng.choice(mid)}"
        elif kind == "phrase":
            q = _phrase(rng, rng.choice(drafts))
        elif kind == "tag":
            q = f"tag:{rng.choice(program.text.tags[:30])} {rng.choice(words[:300])}"
        else:
            q = f"author:{rng.choice(program.people).handle}"
        out.append((kind, q, "newest" if kind == "newest" else "relevance"))
    return out


def _phrase(rng: random.Random, draft: Draft) -> str:
    """Two adjacent plain words of a post, as a quoted phrase."""
    words = " ".join(draft.parts.values()).split()
    pairs = [
        (a, b)
        for a, b in pairwise(words)
        if a.isalpha() and b.strip(".").isalpha() and {a, b}.isdisjoint(STOP)
    ]
    a, b = rng.choice(pairs) if pairs else (words[0], words[1])
    return f'"{a.lower()} {b.strip(".").lower()}"'


class BareSearch:
    def __init__(self, directory: str) -> None:
        self.searcher = index.open_dir(directory).searcher()
        self.parser = MultifieldParser(["title", "body", "tags"], library_schema())
        self.parser.add_plugin(FieldAliasPlugin({"tags": ["tag"], "author": ["by"]}))

    def search(self, q: str, sort: str):
        facets = {
            "tags": sorting.FieldFacet(
                "tags", allow_overlap=True, maptype=sorting.Count
            ),
            "author": sorting.FieldFacet("author", maptype=sorting.Count),
        }
        order = {"sortedby": "published", "reverse": True} if sort == "newest" else {}
        results = self.searcher.search(
            self.parser.parse(q), filter=Term("status", "published"), limit=10,
            terms=True, groupedby=facets, **order,
        )  # fmt: skip
        results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=60)
        results.formatter = highlight.HtmlFormatter(tagname="mark", between=" … ")
        hits = results[:10]  # iterating Results itself would visit every match
        snippets = [h.highlights("body", top=2) or h.highlights("title") for h in hits]
        return results.groups("tags"), results.groups("author"), snippets

    def close(self) -> None:
        self.searcher.close()


def _timed(call) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def measure(services: Services, program: Program) -> tuple[list, dict]:
    store, mix = services.library.store, queries(program)
    bare = BareSearch(str(store.root / store.target()))
    settle()
    sides = {
        "kshare": lambda q, sort: services.search.search(q, sort=sort),
        "bare": bare.search,
    }
    samples: dict[str, dict[str, list[float]]] = {s: defaultdict(list) for s in sides}
    with progress("search: warm-up + timed rounds", (ROUNDS + 1) * len(mix)) as advance:
        for round_ in range(ROUNDS + 1):
            for i, (kind, q, sort) in enumerate(mix):
                order = list(sides) if (i + round_) % 2 == 0 else list(sides)[::-1]
                for side in order:
                    ms = _timed(lambda s=side, q=q, sort=sort: sides[s](q, sort))
                    if round_:  # the first round warms both up
                        samples[side][kind].append(ms)
                advance(1)
    bare.close()
    every = {s: [ms for kind in samples[s].values() for ms in kind] for s in sides}
    figures = []
    for p in (50, 95):
        figure = Figure(
            "4 search", f"p{p} latency", "ms", percentile(every["kshare"], p),
            percentile(every["bare"], p), "bare Whoosh search, same features",
        )  # fmt: skip
        if p == 95:
            figure.target = "<= 1.5x bare and < 25 ms"
            figure.met = figure.ratio <= 1.5 and figure.value < 25
        figures.append(figure)
    by_kind = {
        kind: {s: round(percentile(samples[s][kind], 95), 3) for s in sides}
        for kind in samples["kshare"]
    }
    details = {"queries": len(mix), "rounds": ROUNDS, "p95_by_kind_ms": by_kind}
    details["examples"] = [q for _, q, _ in mix[:8]]
    return figures, details
