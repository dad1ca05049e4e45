"""People: one test password, one way to register someone."""

from uuid import UUID

PASSWORD = "correct horse battery"


def email_of(handle: str) -> str:
    return f"{handle}@example.org"


def registration(handle: str, **extra) -> dict:
    """The arguments of ``register_participant`` for someone called ``handle``."""
    return {
        "email": email_of(handle),
        "handle": handle,
        "display_name": handle.title(),
        "password": PASSWORD,
        **extra,
    }


def register(app, handle: str, **extra) -> UUID:
    """Register someone through the application; their id.

    ``extra`` gives a role and who gives it (``role="coordinator",
    actor_id=OPERATOR``), a team or any other part of a profile.
    """
    return app.register_participant(**registration(handle, **extra)).id
