"""Who may open which pages: the role checks of the site and the API, in one place.

Commands check who may give them in the application; these are the pages
and endpoints that are read by some roles only. Signed out, a page sends
the person to sign in and the API answers 401; with another role, both
answer 403 with the message below.
"""

from flask import g

from ..domain.errors import NotAllowed, NotAuthenticated
from ..domain.participants import AUDITOR, COORDINATOR, SPONSOR
from ..projections.sql.people_queries import PersonView

NOT_SIGNED_IN = "This needs a bearer token (kshare token create EMAIL) or a session."
AUDITORS = (AUDITOR,)
COORDINATORS = (COORDINATOR,)
DASHBOARD_READERS = (COORDINATOR, SPONSOR, AUDITOR)


def signed_in() -> PersonView:
    """The signed-in person (or the API's bearer), else NotAuthenticated."""
    if g.user is None:
        raise NotAuthenticated(NOT_SIGNED_IN)
    return g.user


def require_role(roles: tuple[str, ...], doing: str) -> PersonView:
    """The signed-in person if their role is one of ``roles``, else 401 or 403."""
    if g.user is None:
        someone = either(f"an {r}" if r[0] in "aeiou" else f"a {r}" for r in roles)
        raise NotAuthenticated(
            f"Sign in as {someone} to {doing} (with a session, or a bearer token "
            "from kshare token create EMAIL)."
        )
    if g.user.role not in roles:
        raise NotAllowed(f"Only {either(f'{role}s' for role in roles)} may {doing}.")
    return g.user


def either(names) -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    *others, last = names
    return f"{', '.join(others)} or {last}" if others else last


def is_auditor() -> bool:
    return g.user is not None and g.user.role == AUDITOR


def require_pairing_member(space) -> PersonView:
    """The signed-in person if they are in the pairing or a coordinator, else 403."""
    person = signed_in()
    members = {m.participant_id for m in space.pairing.members}
    if person.id not in members and person.role != COORDINATOR:
        raise NotAllowed("Only the members of this pairing (or a coordinator) see it.")
    return person
