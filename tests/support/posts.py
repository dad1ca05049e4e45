"""Posts: one way to write a lesson or a story."""

from uuid import UUID

from kshare.domain.posts import LESSON, STORY

BODY = "Small pull requests get **careful** reviews."
LESSON_PARTS = {"summary": "Keep reviews small.", "body": BODY}
STORY_PARTS = {"context": BODY, "actions": "We split it.", "outcome": "It shipped."}


def write(
    app,
    author: UUID,
    title: str = "Review small changes",
    *,
    kind: str = LESSON,
    body: str | None = None,
    tags: str | list[str] = "code-review",
    publish: bool = True,
) -> UUID:
    """A lesson (or a story) written through the application; published unless
    told otherwise. ``body`` replaces a lesson's body, or a story's context."""
    parts = dict(LESSON_PARTS if kind == LESSON else STORY_PARTS)
    if body is not None:
        parts["body" if kind == LESSON else "context"] = body
    receipt = app.draft_post(
        actor_id=author,
        kind=kind,
        title=title,
        parts=parts,
        tags=tags,
        publish=publish,
    )
    return receipt.id


def story(app, author: UUID, title: str = "The migration that slipped", **options):
    """A story written through the application (see ``write``)."""
    return write(app, author, title, kind=STORY, **options)
