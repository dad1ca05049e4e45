"""The application: every command people can give, with who may give it.

Reads never come here: they go through the projections.
"""

from ..domain.participants import COORDINATOR, PARTICIPANT, SPONSOR
from .audit import AuditCommands
from .base import Receipt
from .feedback import FeedbackCommands
from .growth import GrowthCommands
from .library import LibraryCommands
from .matching import MatchingCommands
from .pairings import PairingCommands
from .programs import ProgramCommands


class KnowledgeShare(
    LibraryCommands,
    ProgramCommands,
    PairingCommands,
    GrowthCommands,
    FeedbackCommands,
    MatchingCommands,
    AuditCommands,
):
    """The commands of kshare: the knowledge library and mentorship programs."""

    name = "kshare"


__all__ = ["COORDINATOR", "PARTICIPANT", "SPONSOR", "KnowledgeShare", "Receipt"]
