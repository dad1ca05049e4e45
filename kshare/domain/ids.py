"""Deterministic aggregate ids: uuid5 of a natural key.

Uniqueness that matters is enforced by the event store: two writers that
create the same id race, and the store's optimistic concurrency rejects
the second one.
"""

from uuid import UUID, uuid5

NAMESPACE = UUID("8f3c1d2e-6b1a-4f7e-9a55-2d4c6e8b0a17")


def natural_id(*parts: object) -> UUID:
    return uuid5(NAMESPACE, ":".join(str(p) for p in parts))


def participant_id(email: str) -> UUID:
    return natural_id("participant", email.strip().lower())


def handle_claim_id(handle: str) -> UUID:
    return natural_id("handle", handle.strip().lower())


def weekly_feature_id(week: str) -> UUID:
    return natural_id("lesson-of-the-week", week)


def appreciation_id(post_id: UUID, participant_id: UUID) -> UUID:
    return natural_id("appreciation", post_id, participant_id)


def api_token_id(token_digest: str) -> UUID:
    return natural_id("api-token", token_digest)


# The actor recorded for commands an operator runs at the terminal
# (``kshare user add``, ``kshare demo``) rather than a signed-in participant.
OPERATOR = UUID(int=0)
