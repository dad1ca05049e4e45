"""Small builders for the domain and policy tests (imported by the test modules)."""

from kshare.application import KnowledgeShare
from kshare.application.passwords import Argon2Passwords

PASSWORD = "correct horse battery"
LESSON_PARTS = {"summary": "Why reviews matter.", "body": "Review small changes."}
STORY_PARTS = {
    "context": "A flaky deploy every Friday.",
    "actions": "We paired on the pipeline.",
    "outcome": "Deploys are boring now.",
}


def fast_passwords() -> Argon2Passwords:
    return Argon2Passwords(time_cost=1, memory_cost=64, parallelism=1)


def in_memory_app() -> KnowledgeShare:
    return KnowledgeShare(
        {"PERSISTENCE_MODULE": "eventsourcing.popo"}, passwords=fast_passwords()
    )


def register(app, handle: str, **extra):
    return app.register_participant(
        email=f"{handle}@example.org",
        handle=handle,
        display_name=handle.title(),
        password=PASSWORD,
        **extra,
    ).id


def lesson(app, author, *, publish: bool = True, title="Code reviews that help"):
    return app.draft_post(
        actor_id=author,
        kind="lesson",
        title=title,
        parts=LESSON_PARTS,
        tags="reviews",
        publish=publish,
    ).id


def story(app, author, *, publish: bool = True, title="Taming Friday deploys"):
    return app.draft_post(
        actor_id=author,
        kind="story",
        title=title,
        parts=STORY_PARTS,
        tags=["deploys"],
        publish=publish,
    ).id
