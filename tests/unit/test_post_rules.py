"""Writing lessons and stories: what a draft needs, and who may change a post."""

import pytest
from support.posts import LESSON_PARTS, STORY_PARTS, story, write

from kshare.domain.errors import Invalid, NotAllowed, NotAuthenticated, NotFound


def draft(app, author, **changes):
    values = {
        "actor_id": author,
        "kind": "lesson",
        "title": "Code reviews that help",
        "parts": LESSON_PARTS,
    }
    return app.draft_post(**(values | changes))


def revise(app, actor, post_id, *, title="Code reviews that help, revised"):
    return app.revise_post(
        actor_id=actor, post_id=post_id, title=title, parts=LESSON_PARTS
    )


def test_a_lesson_without_a_body_is_rejected(app, people):
    with pytest.raises(Invalid, match="Body is required"):
        draft(app, people.alice, parts={"summary": "Only a summary", "body": "  "})


def test_a_story_needs_its_context_actions_and_outcome(app, people):
    with pytest.raises(Invalid, match="Outcome is required"):
        draft(app, people.alice, kind="story", parts=STORY_PARTS | {"outcome": ""})


def test_a_post_is_a_lesson_or_a_story(app, people):
    with pytest.raises(Invalid, match="A post is a lesson or a story, not 'poem'"):
        draft(app, people.alice, kind="poem")


def test_a_title_needs_at_least_three_characters(app, people):
    with pytest.raises(Invalid, match="Title needs at least 3 characters"):
        draft(app, people.alice, title=" ab ")


def test_a_post_has_at_most_eight_tags(app, people):
    with pytest.raises(Invalid, match="A post has at most 8 tags"):
        draft(app, people.alice, tags=[f"tag{n}" for n in range(9)])


def test_tags_become_unique_lowercase_slugs_in_the_order_given(app, people):
    post_id = draft(app, people.alice, tags=" Code Review, python!,, CODE-review ").id
    assert app.repository.get(post_id).tags == ["code-review", "python"]


def test_nobody_signed_in_cannot_write(app):
    with pytest.raises(NotAuthenticated, match="Please sign in first"):
        draft(app, None)


def test_a_draft_is_published_once_then_retracted_and_republished(app, people):
    post_id = write(app, people.alice, publish=False)
    post = app.repository.get
    assert post(post_id).status == "draft"
    app.publish_post(actor_id=people.alice, post_id=post_id)
    assert post(post_id).status == "published"
    app.retract_post(actor_id=people.alice, post_id=post_id, reason="Outdated")
    assert post(post_id).status == "retracted"
    app.republish_post(actor_id=people.alice, post_id=post_id)
    assert post(post_id).status == "published"


def test_publishing_a_published_post_again_is_rejected(app, people):
    post_id = write(app, people.alice)
    with pytest.raises(Invalid, match="Only a draft can be published; this post is"):
        app.publish_post(actor_id=people.alice, post_id=post_id)


def test_a_draft_cannot_be_retracted(app, people):
    post_id = story(app, people.alice, publish=False)
    with pytest.raises(Invalid, match="Only a published post can be retracted; this"):
        app.retract_post(actor_id=people.alice, post_id=post_id, reason="Oops")


def test_retracting_needs_a_reason(app, people):
    post_id = story(app, people.alice)
    with pytest.raises(Invalid, match="A reason is required"):
        app.retract_post(actor_id=people.alice, post_id=post_id, reason=" ")


def test_only_a_retracted_post_can_be_republished(app, people):
    post_id = write(app, people.alice)
    with pytest.raises(Invalid, match="Only a retracted post can be republished"):
        app.republish_post(actor_id=people.alice, post_id=post_id)


def test_someone_else_may_not_revise_retract_or_publish_a_post(app, people):
    post_id = write(app, people.alice, publish=False)
    with pytest.raises(NotFound, match="No such post"):  # a draft is not bob's to see
        app.publish_post(actor_id=people.bob, post_id=post_id)
    app.publish_post(actor_id=people.alice, post_id=post_id)
    with pytest.raises(NotAllowed, match="Only the author or a coordinator may revise"):
        revise(app, people.bob, post_id)
    with pytest.raises(NotAllowed, match="may retract this post"):
        app.retract_post(actor_id=people.bob, post_id=post_id, reason="I disagree")
    assert app.repository.get(post_id).revision_count == 1


def test_a_coordinator_may_revise_and_retract_anyones_post(app, people):
    post_id = write(app, people.alice)
    revise(app, people.coordinator, post_id, title="Reviews, tidied by a coordinator")
    app.retract_post(actor_id=people.coordinator, post_id=post_id, reason="Duplicate")
    post = app.repository.get(post_id)
    assert (post.title, post.status) == (
        "Reviews, tidied by a coordinator",
        "retracted",
    )


def test_every_revision_is_kept(app, people):
    post_id = write(app, people.alice)
    for number in range(2, 5):
        revise(app, people.alice, post_id, title=f"Code reviews, take {number}")
    post = app.repository.get(post_id)
    assert (post.revision_count, post.title) == (4, "Code reviews, take 4")
    first = app.repository.get(post_id, version=1)
    assert first.title == "Review small changes"


def test_a_revision_that_changes_nothing_is_rejected(app, people):
    post_id = write(app, people.alice)
    with pytest.raises(Invalid, match="This revision changes nothing"):
        app.revise_post(
            actor_id=people.alice,
            post_id=post_id,
            title=" Review small changes ",
            parts=LESSON_PARTS,
            tags=["Code Review"],
        )


def test_a_revision_is_checked_like_a_draft(app, people):
    post_id = story(app, people.alice)
    with pytest.raises(Invalid, match="Context is required"):
        app.revise_post(
            actor_id=people.alice,
            post_id=post_id,
            title="Taming deploys",
            parts=STORY_PARTS | {"context": ""},
        )


def test_changing_a_post_that_does_not_exist_is_not_found(app, people):
    with pytest.raises(NotFound, match="No such post"):
        app.publish_post(actor_id=people.alice, post_id=people.bob)


def test_fields_left_out_of_a_revision_keep_their_value(app, people):
    post_id = write(app, people.alice)
    app.revise_post(
        actor_id=people.alice, post_id=post_id, parts={"summary": "Only this."}
    )
    post = app.repository.get(post_id)
    assert post.parts["summary"] == "Only this."
    assert post.parts["body"] == LESSON_PARTS["body"]
    assert (post.title, post.tags, post.revision_count) == (
        "Review small changes",
        ["code-review"],
        2,
    )
