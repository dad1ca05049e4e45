"""Searching the lesson library: syntax, filters, facets, pages and snippets."""

import re
import threading

import pytest
from support.people import register
from support.scenario import play

from kshare.projections.library import search as search_module
from kshare.projections.library.search import WhooshLibrarySearch

TIPS = 24


@pytest.fixture
def library(any_services):
    """The shared program, two dozen testing tips, and a lesson quoting HTML."""
    scenario = play(any_services.app)
    alice, bob = scenario.people["alice"], scenario.people["bob"]
    for n in range(TIPS):
        any_services.app.draft_post(
            actor_id=(alice, bob)[n % 2],
            kind="lesson",
            title=f"Testing tip {n}",
            parts={"body": f"Write a failing test first, tip number {n}."},
            tags=["testing"],
            publish=True,
        )
    any_services.app.draft_post(
        actor_id=bob,
        kind="lesson",
        title="Escaping user input",
        parts={"body": "Never paste <script>alert(1)</script> into a page & hope."},
        tags=["security"],
        publish=True,
    )
    any_services.runner.catch_up()
    return scenario


def found(results) -> list[str]:
    return [hit.title for hit in results.hits]


MIGRATE, ONCALL = (
    "Pairing on legacy migrations",
    "Surviving your first on-call rotation",
)
MENTOR, ZONES = "From mentee to mentor in a year", "Mentoring across time zones"
DEPLOYS = "Taming Friday deploys"


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ('"rollback plan"', [MIGRATE]),
        ('"plan rollback"', []),
        ("pairing AND rollback", [MIGRATE]),
        ("runbook AND rollback", []),
        ("runbook OR rollback", [MIGRATE, ONCALL]),
        ("mentee NOT zones", [MENTOR]),
        ("tag:incidents", [ONCALL]),
        ("author:@dave", [MENTOR, ONCALL]),
        ("by:dave", [MENTOR, ONCALL]),
        ("kind:story", [MENTOR, ZONES, DEPLOYS]),
        ("mentoring kind:story", [MENTOR, ZONES]),
    ],
)
def test_the_query_syntax_finds_what_people_ask_for(
    any_services, library, query, titles
):
    assert sorted(found(any_services.search.search(query))) == titles


def test_filters_alone_list_matching_posts_newest_first(any_services, library):
    results = any_services.search.search("", kind="story", author="@bob")
    assert found(results) == ["Mentoring across time zones"]
    stories = any_services.search.search("", kind="story")
    assert found(stories) == [
        "From mentee to mentor in a year",
        "Mentoring across time zones",
        "Taming Friday deploys",
    ]


def test_facets_count_every_match_not_just_the_page(any_services, library):
    results = any_services.search.search("tip")
    assert (results.total, len(results.hits)) == (TIPS, 10)
    assert results.tags == [("testing", TIPS)]
    assert results.authors == [("alice", 12), ("bob", 12)]
    mentoring = any_services.search.search("mentoring")
    assert mentoring.tags[0] == ("mentoring", 3)


def test_newest_first_sorts_by_publication_time(any_services, library):
    results = any_services.search.search("tip", sort="newest", per_page=20)
    assert found(results) == [f"Testing tip {n}" for n in range(TIPS - 1, 3, -1)]
    published = [hit.published for hit in results.hits]
    assert published == sorted(published, reverse=True)


@pytest.mark.parametrize(("per_page", "pages", "last"), [(10, 3, 4), (20, 2, 4)])
def test_results_come_in_pages_that_cover_every_match_once(
    any_services, library, per_page, pages, last
):
    search = any_services.search.search
    first = search("tag:testing", per_page=per_page)
    assert (first.total, first.pages, first.per_page) == (TIPS, pages, per_page)
    seen = []
    for page in range(1, pages + 1):
        seen += [
            hit.id for hit in search("tag:testing", per_page=per_page, page=page).hits
        ]
    assert len(seen) == len(set(seen)) == TIPS
    assert len(search("tag:testing", per_page=per_page, page=pages).hits) == last


def test_an_unsupported_page_size_falls_back_to_ten(any_services, library):
    assert any_services.search.search("tip", per_page=15).per_page == 10


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("   ", "Type a word or a phrase to search the library."),
        ("x" * 301, "That query is too long (301 characters; at most 300)."),
        ('code "review', 'A phrase needs a closing quote (").'),
    ],
)
def test_a_query_that_cannot_be_searched_says_why(
    any_services, library, query, message
):
    results = any_services.search.search(query)
    assert (results.message, results.hits, results.total) == (message, [], 0)


@pytest.mark.parametrize(
    ("typo", "suggestion"), [("rollbak", "rollback"), ("pairng", "pairing")]
)
def test_a_misspelling_gets_a_did_you_mean(any_services, library, typo, suggestion):
    results = any_services.search.search(typo)
    assert (results.total, results.suggestion) == (0, suggestion)


def test_a_word_that_finds_posts_gets_no_did_you_mean(any_services, library):
    results = any_services.search.search("zones")
    assert (found(results), results.suggestion) == (
        ["Mentoring across time zones"],
        None,
    )


def test_a_post_without_tags_leaves_the_tag_facets_alone(any_services):
    app = any_services.app
    alice = register(app, "alice")
    for title, tags in (("Tagless flamingos", []), ("Tagged flamingos", ["birds"])):
        app.draft_post(
            actor_id=alice,
            kind="lesson",
            title=title,
            parts={"body": "Flamingos stand on one leg."},
            tags=tags,
            publish=True,
        )
    any_services.runner.catch_up()
    results = any_services.search.search("flamingos")
    assert (results.total, results.tags) == (2, [("birds", 1)])


@pytest.mark.parametrize(
    "query", ["quokkafish", "zanzibarite", "quokkafsh", "zanzibarit"]
)
def test_draft_text_never_reaches_results_or_suggestions(any_services, library, query):
    results = any_services.search.search(query)
    assert (results.hits, results.suggestion) == ([], None)
    assert any_services.search.search("", tag="onboarding").hits == []


def test_highlights_mark_the_matched_words(any_services, library):
    [hit] = any_services.search.search('"rollback plan"').hits
    marked = re.findall(r"<mark[^>]*>([^<]*)</mark>", hit.snippet)
    assert marked == ["rollback", "plan"]
    assert hit.snippet.startswith("Pair programming through")


@pytest.mark.parametrize("query", ["script", "hope"])
def test_html_in_a_post_is_escaped_in_snippets(any_services, library, query):
    [hit] = any_services.search.search(query).hits
    assert hit.title == "Escaping user input"
    assert "<script" not in hit.snippet and "</script" not in hit.snippet
    assert "&lt;" in hit.snippet and "page &amp; " in hit.snippet
    assert set(re.findall(r"</?(\w+)", hit.snippet)) == {"mark"}


# A reader that searched before a commit must see the commit: whoosh-reloaded's
# Searcher.refresh() kept stale segment readers (old revisions, retracted posts).


def test_a_post_retracted_after_a_search_is_gone_from_the_next_one(
    any_services, library
):
    search = any_services.search.search
    assert found(search("rollback")) == ["Pairing on legacy migrations"]
    any_services.app.retract_post(
        actor_id=library.people["bob"], post_id=library.posts["migrate"], reason="Old"
    )
    any_services.runner.catch_up()
    assert search("rollback").hits == []


def test_a_post_revised_after_a_search_is_found_once_with_its_new_title(
    any_services, library
):
    search = any_services.search.search
    assert search("escalation").total == 1
    any_services.app.revise_post(
        actor_id=library.people["dave"],
        post_id=library.posts["oncall"],
        title="On-call, the escalation edition",
        parts={"body": "Agree on an escalation ladder before the first page."},
        tags=["oncall"],
    )
    any_services.runner.catch_up()
    assert found(search("escalation")) == ["On-call, the escalation edition"]


def test_a_search_that_stops_counting_says_so_and_counts_what_it_looked_at(
    any_services, library, monkeypatch
):
    """Past LOOK_AT matches a search stops: the newest ones are ranked, the
    total reads "N+", and the facets count exactly those looked at."""
    monkeypatch.setattr(search_module, "LOOK_AT", 6)
    results = any_services.search.search("tip", sort="newest")
    assert (results.total, results.more, results.counted) == (6, True, "6+")
    newest = [f"Testing tip {n}" for n in range(TIPS - 1, TIPS - 7, -1)]
    assert found(results) == newest[:6]
    assert results.pages == 1
    assert results.tags == [("testing", 6)]
    assert results.authors == [("alice", 3), ("bob", 3)]
    ranked = any_services.search.search("tip")
    assert sorted(found(ranked)) == sorted(newest)  # the same six, by relevance
    # Exactly as many matches as it looks at: the count is whole.
    monkeypatch.setattr(search_module, "LOOK_AT", TIPS)
    whole = any_services.search.search("tip", per_page=20)
    assert (whole.total, whole.more, whole.counted) == (TIPS, False, "24")


def test_one_searcher_serves_threads_searching_while_posts_are_written(
    any_services, library
):
    """Eight threads search while posts are written and indexed: every answer
    is one a fresh searcher gives for the index as it was then."""
    alice = library.people["alice"]
    stop = threading.Event()
    answers: list[tuple[int, int]] = []  # (tips found, tips indexed at least)
    problems: list[BaseException] = []
    indexed = [TIPS]

    def searching() -> None:
        while not stop.is_set():
            before = indexed[0]
            try:
                results = any_services.search.search("tip", per_page=20)
            except BaseException as error:
                problems.append(error)
                return
            answers.append((results.total, before))

    threads = [threading.Thread(target=searching) for _ in range(8)]
    for thread in threads:
        thread.start()
    try:
        for n in range(TIPS, TIPS + 6):
            any_services.app.draft_post(
                actor_id=alice,
                kind="lesson",
                title=f"Testing tip {n}",
                parts={"body": f"Write a failing test first, tip number {n}."},
                tags=["testing"],
                publish=True,
            )
            any_services.runner.catch_up()
            indexed[0] = n + 1
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert problems == []
    assert answers and all(before <= total <= TIPS + 6 for total, before in answers)
    fresh = WhooshLibrarySearch(any_services.library.store)
    try:
        expected = fresh.search("tip", per_page=20)
        shared = any_services.search.search("tip", per_page=20)
        assert shared == expected
        assert expected.total == TIPS + 6
    finally:
        fresh.close()
