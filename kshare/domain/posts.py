"""Posts: lessons and stories, with every revision kept."""

from uuid import UUID, uuid4

from eventsourcing.domain import event

from . import text
from .aggregate import KAggregate
from .errors import Invalid

LESSON = "lesson"
STORY = "story"
KINDS = (LESSON, STORY)

DRAFT = "draft"
PUBLISHED = "published"
RETRACTED = "retracted"

# The Markdown parts of each kind: (name, label, required, maximum length).
PARTS = {
    LESSON: (
        ("summary", "Summary", False, 280),
        ("body", "Body", True, 50_000),
    ),
    STORY: (
        ("context", "Context", True, 20_000),
        ("actions", "Actions", True, 20_000),
        ("outcome", "Outcome", True, 20_000),
    ),
}


def checked_parts(kind: str, parts: dict[str, str]) -> dict[str, str]:
    if kind not in KINDS:
        raise Invalid(f"A post is a lesson or a story, not {kind!r}.")
    checked = {}
    for name, label, needed, maximum in PARTS[kind]:
        value = parts.get(name) or ""
        if needed:
            checked[name] = text.required(value, label, maximum=maximum)
        else:
            checked[name] = text.optional(value, label, maximum=maximum)
    return checked


def checked_title(title: str) -> str:
    return text.required(title, "Title", minimum=3, maximum=200)


class Post(KAggregate):
    """A lesson or a story: drafted, published, revised, retracted, republished."""

    @staticmethod
    def create_id() -> UUID:
        return uuid4()

    @classmethod
    def draft(
        cls,
        *,
        kind: str,
        author_id: UUID,
        author_handle: str,
        title: str,
        parts: dict[str, str],
        tags: list[str] | str,
        actor_id: UUID,
    ) -> "Post":
        return cls(
            kind=kind,
            author_id=author_id,
            author_handle=author_handle,
            title=checked_title(title),
            parts=checked_parts(kind, parts),
            tags=text.tags(tags),
            actor_id=actor_id,
        )

    @event("Drafted")
    def __init__(
        self,
        *,
        kind: str,
        author_id: UUID,
        author_handle: str,
        title: str,
        parts: dict[str, str],
        tags: list[str],
        actor_id: UUID,
    ) -> None:
        self.kind = kind
        self.author_id = author_id
        self.author_handle = author_handle
        self.title = title
        self.parts = parts
        self.tags = tags
        self.status = DRAFT
        self.revision_count = 1

    def publish(self, *, actor_id: UUID) -> None:
        if self.status != DRAFT:
            raise Invalid(f"Only a draft can be published; this post is {self.status}.")
        self._published(actor_id=actor_id)

    @event("Published")
    def _published(self, *, actor_id: UUID) -> None:
        self.status = PUBLISHED

    def revise(
        self,
        *,
        title: str,
        parts: dict[str, str],
        tags: list[str] | str,
        actor_id: UUID,
    ) -> None:
        title, parts, tags = (
            checked_title(title),
            checked_parts(self.kind, parts),
            text.tags(tags),
        )
        if (title, parts, tags) == (self.title, self.parts, self.tags):
            raise Invalid("This revision changes nothing.")
        self._revised(title=title, parts=parts, tags=tags, actor_id=actor_id)

    @event("Revised")
    def _revised(
        self, *, title: str, parts: dict[str, str], tags: list[str], actor_id: UUID
    ) -> None:
        self.title = title
        self.parts = parts
        self.tags = tags
        self.revision_count += 1

    def retract(self, *, reason: str, actor_id: UUID) -> None:
        if self.status != PUBLISHED:
            raise Invalid(
                f"Only a published post can be retracted; this one is {self.status}."
            )
        self._retracted(
            reason=text.required(reason, "A reason", maximum=500), actor_id=actor_id
        )

    @event("Retracted")
    def _retracted(self, *, reason: str, actor_id: UUID) -> None:
        self.status = RETRACTED

    def republish(self, *, actor_id: UUID) -> None:
        if self.status != RETRACTED:
            raise Invalid(
                f"Only a retracted post can be republished; this one is {self.status}."
            )
        self._republished(actor_id=actor_id)

    @event("Republished")
    def _republished(self, *, actor_id: UUID) -> None:
        self.status = PUBLISHED
