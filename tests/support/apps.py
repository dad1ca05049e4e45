"""Applications for the rule tests: in memory, or a second one on a real store."""

from kshare.application import KnowledgeShare
from kshare.application.passwords import Argon2Passwords


def fast_passwords() -> Argon2Passwords:
    return Argon2Passwords(time_cost=1, memory_cost=64, parallelism=1)


def in_memory_app() -> KnowledgeShare:
    return KnowledgeShare(
        {"PERSISTENCE_MODULE": "eventsourcing.popo"}, passwords=fast_passwords()
    )


def second_app(services) -> KnowledgeShare:
    """Another application on the same event store, as another process has."""
    return KnowledgeShare(
        services.settings.event_store_env(), passwords=fast_passwords()
    )
