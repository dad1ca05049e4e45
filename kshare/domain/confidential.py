"""What the program promised to keep confidential, field by field.

An auditor sees every event, but never these fields: a private session
note is for its author alone, a survey answer is only ever shown in
aggregate, and password hashes and token digests are secrets. The event
log browser shows them as redacted and an export leaves them out unless
the operator asks for a complete copy.
"""

from .feedback import SurveyResponse
from .pairings import PrivateNote
from .participants import Participant
from .tokens import ApiToken

REDACTED = "[redacted]"

CONFIDENTIAL: dict[type, tuple[str, ...]] = {
    PrivateNote.PrivateNoteWritten: ("note",),
    SurveyResponse.SurveyAnswered: ("sentiment", "value", "comment"),
    Participant.Registered: ("password_hash",),
    Participant.PasswordChanged: ("password_hash",),
    ApiToken.TokenIssued: ("digest",),
}

# The aggregates whose every version holds something confidential.
CONFIDENTIAL_AGGREGATES = (PrivateNote,)


def confidential_fields(event_class: type) -> tuple[str, ...]:
    return CONFIDENTIAL.get(event_class, ())


def redacted(event_class: type, payload: dict) -> dict:
    """The payload with its confidential fields replaced by ``REDACTED``."""
    hidden = confidential_fields(event_class)
    return {k: (REDACTED if k in hidden else v) for k, v in payload.items()}
