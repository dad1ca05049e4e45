"""A view's library starts from the live index and is moved to its position:
it must hold exactly what indexing the log up to there would."""

import pytest
from support.dumps import library_documents
from support.scenario import play

from kshare.projections.library.projection import WhooshLessonLibrary
from kshare.projections.library.store import IndexStore
from kshare.projections.rebuild import rebuild_library


def indexed_from_scratch(services, position: int, root) -> list[dict]:
    store = IndexStore(root)
    rebuild_library(services.log, WhooshLessonLibrary(store), upto=position)
    return library_documents(store)


@pytest.fixture
def played(any_services):
    """The shared program: drafts, revisions, retractions, republishing."""
    play(any_services.app)
    return any_services


@pytest.mark.parametrize("share", [0.2, 0.45, 0.7, 0.95])
def test_a_library_set_back_holds_what_indexing_up_to_there_would(
    played, share, tmp_path
):
    played.runner.catch_up()  # the live library is at the head
    position = int(played.log.head() * share)
    view = played.time_travel.views.view(position)
    assert library_documents(IndexStore(view.search_index)) == indexed_from_scratch(
        played, position, tmp_path / "scratch"
    )


def test_a_library_behind_the_moment_is_brought_forward_to_it(played, tmp_path):
    head = played.log.head()
    played.runner.run_once(limit=head // 4)  # the live library lags behind
    assert played.library.position() < head // 2
    view = played.time_travel.views.view(head // 2)
    assert library_documents(IndexStore(view.search_index)) == indexed_from_scratch(
        played, head // 2, tmp_path / "scratch"
    )


def test_the_live_library_is_left_as_it_was(played):
    played.runner.catch_up()
    before = library_documents(played.library.store)
    played.time_travel.views.view(played.log.head() // 3)
    assert library_documents(played.library.store) == before
