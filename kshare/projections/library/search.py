"""Searching the library: query syntax, highlights, facets, suggestions, pages.

Syntax: words, "phrases", AND / OR / NOT, ``tag:``, ``author:`` and
``kind:lesson|story``. Readers keep one searcher per thread, reopened
when the index has changed; a swapped-in index is opened on the next search.
"""

import math
import re
import threading
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from html import escape

from whoosh import highlight
from whoosh.qparser import FieldAliasPlugin, MultifieldParser, QueryParserError
from whoosh.query import And, Phrase, Term

from .projection import unpublished
from .schema import ANALYZER, library_schema
from .store import IndexStore

MAX_QUERY = 300
PAGE_SIZES = (10, 20)
SORTS = ("relevance", "newest")
FIELDS = ("title", "body", "tags")
TEXT_FIELDS = ("body", "title")
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
# Words of the query, not field names ("tag:") nor values after them.
WORD = re.compile(r"(?<![:\w@-])[A-Za-z][A-Za-z'-]*(?![:\w])")


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    kind: str
    author: str
    tags: list[str]
    published: datetime
    snippet: str  # HTML: escaped text with <mark> around matched words


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 10
    sort: str = "relevance"
    tags: list[tuple[str, int]] = field(default_factory=list)
    authors: list[tuple[str, int]] = field(default_factory=list)
    suggestion: str | None = None
    message: str | None = None  # why nothing was searched, for people

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


class WhooshLibrarySearch:
    def __init__(self, store: IndexStore) -> None:
        self.store = store
        self.parser = MultifieldParser(FIELDS, library_schema())
        self.parser.add_plugin(FieldAliasPlugin({"tags": ["tag"], "author": ["by"]}))
        self._local = threading.local()

    def _searcher(self):
        """This thread's searcher, reopened when the index changed or was swapped.

        ``Searcher.refresh()`` is not used: in whoosh-reloaded 2.7.5 it keeps
        old segment readers, so deleted (retracted, revised) documents and
        merged-away segments would still be searched.
        """
        target = self.store.target() if self.store.link.exists() else None
        cached = getattr(self._local, "searcher", None)
        if cached is not None and self._local.target == target and cached.up_to_date():
            return cached
        if cached is not None:
            cached.close()
        self._local.target, ix = self.store.open()
        self._local.searcher = ix.searcher()
        self._local.cache = {}
        return self._local.searcher

    def _per_searcher(self, key: str, compute):
        """A value computed once per searcher, i.e. until the index changes."""
        if key not in self._local.cache:
            self._local.cache[key] = compute()
        return self._local.cache[key]

    def _facet_docs(self, searcher, field: str) -> dict[str, frozenset[int]]:
        """Which documents carry each value of a field, kept with the searcher.

        Whoosh's facets look at every matching document (or, for tags, walk
        every posting of the field) on every search; with this map a search
        only intersects sets.
        """
        reader = searcher.reader()
        return self._per_searcher(
            field,
            lambda: {
                value: frozenset(reader.postings(field, value).all_ids())
                for value in reader.field_terms(field)
            },
        )

    def search(
        self,
        q: str,
        *,
        page: int = 1,
        per_page: int = 10,
        sort: str = "relevance",
        kind: str | None = None,
        tag: str | None = None,
        author: str | None = None,
    ) -> SearchResults:
        q = (q or "").strip()
        per_page = per_page if per_page in PAGE_SIZES else PAGE_SIZES[0]
        sort = sort if sort in SORTS else SORTS[0]
        base = SearchResults(query=q, page=max(1, page), per_page=per_page, sort=sort)
        filters = _filters(kind, tag, author)
        problem = _problem(q, bool(filters))
        if problem:
            return _with(base, message=problem)
        try:
            query = self.parser.parse(_normalise(q)) if q else None
        except (QueryParserError, ValueError, RecursionError):
            return _with(
                base, message="That query could not be understood; try plain words."
            )
        return self._run(base, query, filters)

    def _run(self, base: SearchResults, query, filters) -> SearchResults:
        searcher = self._searcher()
        restrict = And(filters) if filters else None
        final = query if query is not None else restrict
        options = {
            "filter": restrict,
            "mask": unpublished(),
            **_sorting(base.sort, query),
        }
        if _has_phrase(query):
            # Checking positions is the costly part: run the query once, unlimited.
            results = searcher.search(final, limit=None, **options)
            matched = {results.docnum(i) for i in range(results.scored_length())}
            page = _last_page_at_most(base, len(matched))
        else:
            matched = self._matched(searcher, final, restrict)
            page = _last_page_at_most(base, len(matched))
            results = searcher.search(final, limit=page * base.per_page, **options)
        results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=60)
        results.formatter = highlight.HtmlFormatter(tagname="mark", between=" … ")
        start = (page - 1) * base.per_page
        end = min(start + base.per_page, results.scored_length())
        hits = [_hit(results[i]) for i in range(start, end)]
        suggestion = None
        if query is not None and len(matched) < 3:
            suggestion = _suggestion(searcher, base.query)
        return _with(
            base,
            hits=hits,
            total=len(matched),
            page=page,
            suggestion=suggestion,
            tags=_counts(self._facet_docs(searcher, "tags"), matched),
            authors=_counts(self._facet_docs(searcher, "author"), matched),
        )

    def _matched(self, searcher, final, restrict) -> set[int]:
        """Every published document the query matches, for the total and facets.

        Whoosh's own ``Results.docs()`` checks each document against the mask
        one by one (seconds for a common word); sets are far cheaper.
        """
        matched = set(searcher.docs_for_query(final))
        if restrict is not None and final is not restrict:
            matched.intersection_update(searcher.docs_for_query(restrict))
        return matched - self._per_searcher(
            "unpublished", lambda: frozenset(searcher.docs_for_query(unpublished()))
        )


def _last_page_at_most(base: SearchResults, total: int) -> int:
    """The page asked for, or the last page there is."""
    return min(base.page, max(1, math.ceil(total / base.per_page)))


def _has_phrase(query) -> bool:
    return query is not None and any(isinstance(q, Phrase) for q in query.leaves())


def _with(base: SearchResults, **changes) -> SearchResults:
    return replace(base, **changes)


def _problem(q: str, filtered: bool) -> str | None:
    if not q and not filtered:
        return "Type a word or a phrase to search the library."
    if len(q) > MAX_QUERY:
        return f"That query is too long ({len(q)} characters; at most {MAX_QUERY})."
    if q.count('"') % 2:
        return 'A phrase needs a closing quote (").'
    return None


def _normalise(q: str) -> str:
    return re.sub(r"\b(author|by):@", r"\1:", q)


def _filters(kind: str | None, tag: str | None, author: str | None) -> list:
    wanted = {"kind": kind, "tags": tag, "author": author}
    return [
        Term(name, value.strip().lower().lstrip("@"))
        for name, value in wanted.items()
        if value
    ]


def _sorting(sort: str, query) -> dict:
    if sort == "newest" or query is None:
        return {"sortedby": "published", "reverse": True}
    return {}


def _counts(
    facet: dict[str, frozenset[int]], matched: set[int]
) -> list[tuple[str, int]]:
    """How many matched documents have each value, largest first (top 15)."""
    counts = [(value, len(docs & matched)) for value, docs in facet.items()]
    return sorted((c for c in counts if c[1]), key=lambda c: (-c[1], c[0]))[:15]


def _suggestion(searcher, q: str) -> str | None:
    """The query with each word that no post has replaced by a close one.

    Whoosh's ``correct_query`` checks each field on its own, so a word that
    is only in titles would be "corrected" for the body; here a word is left
    alone when any text field knows it, and stop words are never touched.
    """
    reader, changed = searcher.reader(), False

    def fix(match: re.Match) -> str:
        nonlocal changed
        word = match.group(0)
        terms = [t.text for t in ANALYZER(word.lower())]
        if word in OPERATORS or not terms:
            return word
        if any((name, term) in reader for name in TEXT_FIELDS for term in terms):
            return word
        closest = _closest(reader, word.lower())
        changed = changed or closest is not None
        return closest or word

    fixed = WORD.sub(fix, q)
    return fixed if changed else None


def _closest(reader, word: str) -> str | None:
    """The known word nearest to ``word``; ties go to the one more posts use.

    (Whoosh's own corrector ranks by frequency alone, ignoring the distance.)
    """
    for distance in (1, 2):
        candidates = {
            known
            for name in TEXT_FIELDS
            for known in reader.terms_within(
                library_schema()[name].spelling_fieldname(name), word, distance
            )
        } - {word}
        if candidates:
            return max(sorted(candidates), key=lambda known: _usage(reader, known))
    return None


def _usage(reader, word: str) -> int:
    terms = [t.text for t in ANALYZER(word)]
    return sum(reader.doc_frequency(name, t) for name in TEXT_FIELDS for t in terms)


def _hit(hit) -> Hit:
    snippet = hit.highlights("body", top=2) or hit.highlights("title") or ""
    if not snippet:
        snippet = escape(hit.get("summary") or "")
    return Hit(
        id=hit["id"],
        title=hit["title"],
        kind=hit["kind"],
        author=hit["author"],
        tags=[t for t in (hit.get("tags") or "").split(",") if t],
        published=hit["published"].replace(tzinfo=UTC),
        snippet=snippet,
    )
