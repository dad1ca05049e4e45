"""Searching the library: query syntax, highlights, facets, suggestions, pages.

Syntax: words, "phrases", AND / OR / NOT, ``tag:``, ``author:`` and
``kind:lesson|story``.

Work is bounded, whatever the query and the size of the library: matches
are looked at newest first (newest segments first; see ``_walk``) and the
walk stops at ``LOOK_AT`` matches (fewer for a phrase). Relevance ranks
those, "newest" orders them by publication, the facets count them, and the
total then reads "1,000+" (``SearchResults.more``): a common word in a
library of 100,000 posts costs what it costs in one of 1,000. Whoosh's own
search would score and facet every match (seconds for a word most posts
use).

One searcher serves every thread, reopened when the index changed or a
rebuild swapped it in; searches take turns on it (Whoosh is pure Python, so
threads would not run them in parallel anyway). What is worked out per
index segment (each document's author and tags, which documents are not
published) is kept per segment: segments never change, so a new post costs
the work of its own small segment, not the library's.
"""

import heapq
import math
import re
import threading
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from html import escape
from typing import Any

from whoosh import highlight
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.qparser import FieldAliasPlugin, MultifieldParser, QueryParserError
from whoosh.query import And, Phrase, Term
from whoosh.query.wrappers import ConstantScoreQuery
from whoosh.support.levenshtein import distance

from .projection import HIDDEN
from .schema import ANALYZER, library_schema
from .store import IndexStore

MAX_QUERY = 300
PAGE_SIZES = (10, 20)
SORTS = ("relevance", "newest")
FIELDS = ("title", "body", "tags")
TEXT_FIELDS = ("body", "title")
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
LOOK_AT = 1000  # matches looked at, at most, per search
LOOK_AT_PHRASES = 100  # fewer with a phrase: each match is a check of positions
FIRST_WINDOW = 1024  # documents; the windows double, newest first
WALK_WHOLE = 5000  # documents: a segment this small is walked whole
FACETS = 15
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
    total: int = 0  # matches counted: all of them, or those looked at when ``more``
    page: int = 1
    per_page: int = 10
    sort: str = "relevance"
    tags: list[tuple[str, int]] = field(default_factory=list)
    authors: list[tuple[str, int]] = field(default_factory=list)
    suggestion: str | None = None
    message: str | None = None  # why nothing was searched, for people
    more: bool = False  # more posts match than were looked at

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def counted(self) -> str:
        """The total as people read it: "12", or "1,000+" when counting stopped."""
        return f"{self.total:,}+" if self.more else f"{self.total:,}"


@dataclass(frozen=True)
class Segment:
    """What a search needs to know of one index segment's documents."""

    hidden: frozenset[int]  # drafts, retracted posts, the checkpoint
    author: dict[int, str]
    tags: dict[int, tuple[str, ...]]
    published: dict[int, Any]  # when each published post was published
    newest: Any  # its latest publication time (None: no published post)
    lengths: dict[str, bytes]  # each text field's length byte, by document


@dataclass(frozen=True)
class Match:
    rank: tuple  # (score, published): larger is better
    leaf: int  # which segment
    docnum: int  # in that segment


class WhooshLibrarySearch:
    def __init__(self, store: IndexStore) -> None:
        self.store = store
        self.parser = MultifieldParser(FIELDS, library_schema())
        self.parser.add_plugin(FieldAliasPlugin({"tags": ["tag"], "author": ["by"]}))
        self._lock = threading.Lock()
        self._searcher = None
        self._target: str | None = None
        self._segments: dict[str, Segment] = {}
        self._leaves: list[tuple] = []  # (segment searcher, its facts)

    def _current(self):
        """The searcher and its segments with their facts, reopened when the
        index changed or was swapped.

        Called holding the lock. ``Searcher.refresh()`` is not used: in
        whoosh-reloaded 2.7.5 it keeps old segment readers, so deleted
        (retracted, revised) documents and merged-away segments would still
        be searched.
        """
        target = self.store.target() if self.store.link.exists() else None
        searcher = self._searcher
        if searcher is not None and self._target == target and searcher.up_to_date():
            return searcher, self._leaves
        if searcher is not None:
            searcher.close()
        self._target, ix = self.store.open()
        self._searcher = ix.searcher()
        self._leaves = [
            (sub, self._segment(sub.reader()))
            for sub, _ in self._searcher.leaf_searchers()
        ]
        live = {id(facts) for _, facts in self._leaves}
        self._segments = {
            key: facts for key, facts in self._segments.items() if id(facts) in live
        }
        return self._searcher, self._leaves

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
            self._searcher, self._target, self._leaves = None, None, []

    def _segment(self, reader) -> Segment:
        """This segment's facts, worked out once (its documents never change);
        its reader is given the length columns read whole."""
        key = f"{self._target}/{reader.segment().segment_id()}"
        if key not in self._segments:
            self._segments[key] = _facts(reader)
        facts = self._segments[key]
        if facts.lengths:
            reader._perdoc._readers.update(facts.lengths)
        return facts

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
        with self._lock:
            return self._run(base, query, filters)

    def _run(self, base: SearchResults, query, filters) -> SearchResults:
        searcher, leaves = self._current()
        restrict = ConstantScoreQuery(And(filters), 0.0) if filters else None
        final = (
            And([query, restrict])
            if query is not None and restrict
            else query or restrict
        )
        newest = base.sort == "newest" or query is None
        matches, more = _walk(searcher, leaves, final, scored=not newest)
        ranked = sorted(
            matches,
            key=lambda m: (m.rank[1] if newest else m.rank, m.leaf, m.docnum),
            reverse=True,
        )
        page = _last_page_at_most(base, len(ranked))
        start = (page - 1) * base.per_page
        terms = _terms(query)
        hits = [
            _hit(leaves[m.leaf][0].stored_fields(m.docnum), terms)
            for m in ranked[start : start + base.per_page]
        ]
        suggestion = None
        if query is not None and len(ranked) < 3:
            suggestion = _suggestion(searcher, base.query)
        tags, authors = _facets(leaves, ranked)
        return _with(
            base,
            hits=hits,
            total=len(ranked),
            more=more,
            page=page,
            suggestion=suggestion,
            tags=tags,
            authors=authors,
        )


def _facts(reader) -> Segment:
    hidden = frozenset(
        docnum
        for status in HIDDEN
        if ("status", status) in reader
        for docnum in reader.postings("status", status).all_ids()
    )
    author = {
        docnum: value
        for value in reader.field_terms("author")
        for docnum in reader.postings("author", value).all_ids()
    }
    tags: dict[int, tuple[str, ...]] = {}
    for value in reader.field_terms("tags"):
        for docnum in reader.postings("tags", value).all_ids():
            tags[docnum] = (*tags.get(docnum, ()), value)
    column = reader.column_reader("published")
    published = {d: column[d] for d in author if d not in hidden}
    newest = max(published.values(), default=None)
    return Segment(hidden, author, tags, published, newest, _lengths(reader))


def _lengths(reader) -> dict[str, bytes]:
    """Each scored field's length column, read whole: scoring a match reads
    its field lengths, one file read per field and document otherwise."""
    perdoc = getattr(reader, "_perdoc", None)
    if perdoc is None or not hasattr(perdoc, "_readers"):
        return {}  # another codec than whoosh-reloaded 2.7's: read as it reads
    found = {}
    for name in FIELDS:
        column = perdoc._cached_reader(f"_{name}_len", LENGTHS_COLUMN)
        if column is not None:
            found[f"_{name}_len"] = bytes(column)
    return found


def _walk(searcher, leaves, query, *, scored: bool) -> tuple[list[Match], bool]:
    """The most recently published matches, at most ``LOOK_AT`` (with their
    scores), and whether more documents match than were kept.

    Segments are walked newest first (by their latest publication), each
    for its newest ``LOOK_AT`` matches (see ``_tail``); a segment whose
    newest post is older than every match kept so far is not walked.
    """
    cap = LOOK_AT_PHRASES if _has_phrase(query) else LOOK_AT
    context = searcher.context() if scored else searcher.boolean_context()
    kept: list[tuple] = []  # a heap of (published, leaf, docnum, match): oldest first
    more = False
    order = sorted(
        (leaf for leaf, (_, facts) in enumerate(leaves) if facts.newest is not None),
        key=lambda leaf: leaves[leaf][1].newest,
        reverse=True,
    )
    for leaf in order:
        sub, facts = leaves[leaf]
        if len(kept) >= cap and facts.newest < kept[0][0]:
            more = more or _matches_any(sub, facts, query, sub.doc_count_all())
            continue
        mine, skipped = _tail(sub, facts, query, context, leaf, cap, scored)
        more = more or skipped
        for match in mine:
            entry = (match.rank[1], match.leaf, match.docnum, match)
            if len(kept) < cap:
                heapq.heappush(kept, entry)
            else:
                heapq.heappushpop(kept, entry)
                more = True
    return [entry[-1] for entry in kept], more


def _tail(sub, facts, query, context, leaf, cap, scored):
    """A segment's newest ``cap`` published matches, and whether it has more.

    A small segment (live batches, and Whoosh's merges of them, which keep
    no order) is walked whole and its matches ordered by publication; a
    large one (a rebuild writes posts in the order of their last change) is
    walked from its end.
    """
    published = facts.published
    mine: list[Match] = []
    documents = sub.doc_count_all()
    whole = documents <= WALK_WHOLE
    window = documents if whole else _first_window(query, sub, cap)
    end = documents
    while end > 0 and len(mine) < cap:
        start = max(0, end - window)
        matcher = query.matcher(sub, context)
        if start and matcher.is_active():
            matcher.skip_to(start)
        while matcher.is_active() and matcher.id() < end:
            docnum = matcher.id()
            if docnum not in facts.hidden:
                score = matcher.score() if scored else 0.0
                mine.append(Match((score, published[docnum]), leaf, docnum))
            matcher.next()
        end, window = start, window * 2
    if len(mine) > cap:
        newest = (lambda m: m.rank[1]) if whole else (lambda m: m.docnum)
        return heapq.nlargest(cap, mine, key=newest), True
    first = min((m.docnum for m in mine), default=0)
    return mine, len(mine) == cap and _matches_any(sub, facts, query, first)


def _has_phrase(query) -> bool:
    return any(isinstance(q, Phrase) for q in query.leaves())


def _first_window(query, sub, wanted: int) -> int:
    """How many of a segment's newest documents to look at first: enough to
    hold ``wanted`` matches if the query matches as often as Whoosh's upper
    estimate says (each skip to a window's start costs a walk over block
    headers, so a good first guess saves a second one)."""
    documents = sub.doc_count_all()
    estimate = max(1, min(query.estimate_size(sub.reader()), documents))
    return max(FIRST_WINDOW, int(wanted * 1.25 * documents / estimate))


def _matches_any(sub, facts: Segment, query, before: int) -> bool:
    """Whether a published document of a segment, before ``before``, matches."""
    matcher = query.matcher(sub, sub.boolean_context())
    while matcher.is_active() and matcher.id() < before:
        if matcher.id() not in facts.hidden:
            return True
        matcher.next()
    return False


def _facets(leaves, matches: list[Match]):
    """How many matches have each tag and each author, largest first."""
    tags: dict[str, int] = {}
    authors: dict[str, int] = {}
    for m in matches:
        facts = leaves[m.leaf][1]
        for tag in facts.tags.get(m.docnum, ()):
            tags[tag] = tags.get(tag, 0) + 1
        who = facts.author.get(m.docnum)
        if who:
            authors[who] = authors.get(who, 0) + 1
    return _top(tags), _top(authors)


def _top(counts: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda c: (-c[1], c[0]))[:FACETS]


def _last_page_at_most(base: SearchResults, total: int) -> int:
    """The page asked for, or the last page there is."""
    return min(base.page, max(1, math.ceil(total / base.per_page)))


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
    """The known word nearest to ``word`` (at most two edits away, same first
    letter); ties go to the one more posts use.

    (Whoosh's own corrector ranks by frequency alone, ignoring the distance;
    keeping the first letter spares comparing the word with the whole
    vocabulary.)
    """
    candidates = {
        known
        for name in TEXT_FIELDS
        for known in reader.terms_within(
            library_schema()[name].spelling_fieldname(name), word, 2, prefix=1
        )
    } - {word}
    if not candidates:
        return None
    return min(
        sorted(candidates),
        key=lambda known: (distance(known, word, 2), -_usage(reader, known)),
    )


def _usage(reader, word: str) -> int:
    terms = [t.text for t in ANALYZER(word)]
    return sum(reader.doc_frequency(name, t) for name in TEXT_FIELDS for t in terms)


def _terms(query) -> dict[str, frozenset[str]]:
    """The words of the query, by text field, to mark in snippets."""
    if query is None:
        return {}
    return _by_field(list(query.iter_all_terms(phrases=True)))


def _by_field(words) -> dict[str, frozenset[str]]:
    return {
        name: frozenset(
            text.decode() if isinstance(text, bytes) else text
            for f, text in words
            if f == name
        )
        for name in TEXT_FIELDS
    }


def _snippet(text: str, terms: frozenset[str], top: int) -> str:
    if not text or not terms:
        return ""
    return highlight.highlight(text, terms, ANALYZER, FRAGMENTER, FORMATTER, top=top)


FRAGMENTER = highlight.ContextFragmenter(maxchars=240, surround=60)
FORMATTER = highlight.HtmlFormatter(tagname="mark", between=" … ")


def _hit(fields: dict, terms: dict[str, frozenset[str]]) -> Hit:
    snippet = _snippet(fields.get("body", ""), terms.get("body", frozenset()), 2)
    snippet = snippet or _snippet(fields["title"], terms.get("title", frozenset()), 1)
    if not snippet:
        snippet = escape(fields.get("summary") or "")
    return Hit(
        id=fields["id"],
        title=fields["title"],
        kind=fields["kind"],
        author=fields["author"],
        tags=[t for t in (fields.get("tags") or "").split(",") if t],
        published=fields["published"].replace(tzinfo=UTC),
        snippet=snippet,
    )
